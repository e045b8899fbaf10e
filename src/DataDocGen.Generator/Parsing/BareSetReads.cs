using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads of a <c>DbSet&lt;T&gt;</c> written whole, with no call on it for <see cref="CrudParser"/>'s chains to end in:
/// the inner sequence of a LINQ join or set operator (<c>db.Series.Join(db.Volumes, ...)</c>, <c>Concat(db.Archived)</c>),
/// a LINQ lambda's result (<c>SelectMany(s =&gt; db.Chapters)</c>), a <c>foreach</c> or <c>await foreach</c> collection
/// (<c>foreach (var u in db.Users)</c>), and a set returned as a query (<c>public IQueryable&lt;T&gt; GetAll() =&gt;
/// db.Set&lt;T&gt;();</c>: EF Core runs it where the caller enumerates it, as it runs a returned <c>Where</c>, which is
/// a read of the method that returns it). The Kavita and Ombi audits found these reads missing. The set must be typed
/// <c>DbSet&lt;T&gt;</c>; the LINQ method must be <c>System.Linq</c>'s (<c>Queryable</c>, <c>Enumerable</c>), so a
/// project's <c>Join</c> or <c>string.Join</c> is none; the return type must be <c>IQueryable&lt;T&gt;</c>,
/// <c>IOrderedQueryable&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c> (a property typed
/// <c>DbSet&lt;T&gt;</c>, such as a context's own <c>Orders =&gt; Set&lt;Order&gt;()</c>, declares the set and reads nothing).
/// </summary>
internal static class BareSetReads
{
    /// <summary>LINQ operators taking a second sequence: a set passed as one is read with the query.</summary>
    private static readonly System.Collections.Generic.HashSet<string> SecondSequence = new(System.StringComparer.Ordinal)
    {
        "Join", "GroupJoin", "Concat", "Union", "UnionBy", "Intersect", "IntersectBy", "Except", "ExceptBy", "Zip", "SequenceEqual",
    };

    /// <summary>The API text of a set returned as a query.</summary>
    public const string ReturnApi = "return";

    /// <summary>The set written whole at a position this class reads (syntax only: a name, a member access or a
    /// <c>Set&lt;T&gt;()</c> call, through parentheses, casts and <c>!</c>), or null.</summary>
    public static ExpressionSyntax? Candidate(SyntaxNode node) => node switch
    {
        CommonForEachStatementSyntax forEach => Bare(forEach.Expression),
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument when SecondSequence.Contains(CalleeName(call)) => Bare(argument.Expression),
        // SelectMany(s => db.Chapters); not s => s.Chapters (a navigation of the lambda's own parameter).
        LambdaExpressionSyntax { ExpressionBody: { } body, Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } } lambda
            when CalleeName(call) is "SelectMany" or "Select" && Bare(body) is { } set && !StartsAtParameter(set, lambda) => set,
        ReturnStatementSyntax { Expression: { } returned } when ReturnTypeSyntax(node) is { } type && IsQueryTypeName(type) => Bare(returned),
        ArrowExpressionClauseSyntax arrow when ReturnTypeSyntax(arrow) is { } type && IsQueryTypeName(type) => Bare(arrow.Expression),
        _ => null,
    };

    public static CrudResult? Parse(SyntaxNode node, ExpressionSyntax set, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(set, model, cancellationToken).DbSetEntity() is not { } entity) return null;
        string api;
        switch (node)
        {
            case CommonForEachStatementSyntax forEach:
                api = forEach.AwaitKeyword.RawKind != 0 ? "await foreach" : "foreach";
                break;
            case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax call }:
                if (!IsLinq(call, model, cancellationToken)) return null;
                api = CalleeName(call);
                break;
            case LambdaExpressionSyntax { Parent.Parent.Parent: InvocationExpressionSyntax call }:
                if (!IsLinq(call, model, cancellationToken)) return null;
                api = CalleeName(call);
                break;
            default:
                if (ReturnTypeSyntax(node) is not { } written || !IsQueryType(Semantics.WrittenType(written, model, cancellationToken))) return null;
                api = ReturnApi;
                break;
        }
        var target = entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
        return new CrudResult(new CrudSpec(entity.EntityName(), target, CrudOperation.Read, api, false,
            CodeText.MemberName(node, model, cancellationToken), SourceLocation.From(set)), null);
    }

    private static ExpressionSyntax? Bare(ExpressionSyntax expression)
    {
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    continue;
                case CastExpressionSyntax cast:
                    current = cast.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression):
                    current = suppressed.Operand;
                    continue;
            }
            return current switch
            {
                IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } => current,
                InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: GenericNameSyntax { Identifier.ValueText: "Set" } or MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } } } => current,
                _ => null,
            };
        }
    }

    /// <summary>The expression's leftmost name is one of the lambda's parameters.</summary>
    private static bool StartsAtParameter(ExpressionSyntax set, LambdaExpressionSyntax lambda)
    {
        var current = set;
        while (current is MemberAccessExpressionSyntax access) current = access.Expression;
        if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiver }) return StartsAtParameter(receiver.Expression, lambda);
        if (current is not IdentifierNameSyntax name) return false;
        return lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == name.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name.Identifier.ValueText),
            _ => false,
        };
    }

    private static string CalleeName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => "",
    };

    /// <summary>A method of <c>System.Linq.Queryable</c> or <c>System.Linq.Enumerable</c>.</summary>
    private static bool IsLinq(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.Method(call, model, cancellationToken) is { } method
        && ((method.ReducedFrom ?? method).ContainingType.Is("System.Linq", "Queryable") || (method.ReducedFrom ?? method).ContainingType.Is("System.Linq", "Enumerable"));

    /// <summary>The declared type of what a <c>return</c> or an expression body returns: a method's, a local function's, a
    /// property's or indexer's (its getter); null in a lambda, a setter, a constructor or an operator.</summary>
    private static TypeSyntax? ReturnTypeSyntax(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case MethodDeclarationSyntax method:
                    return method.ReturnType;
                case LocalFunctionStatementSyntax local:
                    return local.ReturnType;
                case AccessorDeclarationSyntax accessor:
                    return accessor.Keyword.ValueText == "get" ? (accessor.Parent?.Parent as BasePropertyDeclarationSyntax)?.Type : null;
                case PropertyDeclarationSyntax property when node is ArrowExpressionClauseSyntax && property.ExpressionBody == node:
                    return property.Type;
                case IndexerDeclarationSyntax indexer when node is ArrowExpressionClauseSyntax && indexer.ExpressionBody == node:
                    return indexer.Type;
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    private static bool IsQueryTypeName(TypeSyntax type) =>
        type is GenericNameSyntax { Identifier.ValueText: "IQueryable" or "IOrderedQueryable" or "IEnumerable" or "IAsyncEnumerable", TypeArgumentList.Arguments.Count: 1 }
        || type is QualifiedNameSyntax { Right: var right } && IsQueryTypeName(right);

    private static bool IsQueryType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } named
        && (named.Is("System.Linq", "IQueryable`1") || named.Is("System.Linq", "IOrderedQueryable`1")
            || named.Is("System.Collections.Generic", "IEnumerable`1") || named.Is("System.Collections.Generic", "IAsyncEnumerable`1"));
}
