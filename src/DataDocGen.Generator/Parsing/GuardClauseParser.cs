using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Guard clauses in a type's own constructors, instance methods and setters (outline 2.3): <c>if (cond) throw new X(...)</c>,
/// <c>value ?? throw new X(...)</c>, <c>cond ? value : throw new X(...)</c>, the BCL's <c>ArgumentException.ThrowIf…</c>
/// helpers, Ardalis.GuardClauses' <c>Guard.Against.…</c> and CommunityToolkit.Diagnostics' <c>Guard.Is…</c>. Every type
/// is confirmed by symbol; a throw inside a lambda or local function is left out (it runs later, if at all). A guard
/// keeps an instance's state valid as it is written, so a static member's throw is none (eShopOnContainers'
/// <c>OrderStatus.FromName</c>, a lookup that throws for an unknown name, was listed as an invariant of the entity), nor
/// is a getter's (it guards a read). The report shows them only for types its model shows as entities, which is decided
/// after every project's facts are merged.
/// </summary>
/// <remarks>Types are bound speculatively (<see cref="SemanticModel.GetSpeculativeTypeInfo(int, ExpressionSyntax, SpeculativeBindingOption)"/>)
/// at the site rather than through the method body's binding: a throw is in nearly every class, and binding each body
/// would cost about what compiling it does. A type name binds the same way alone as in its statement.</remarks>
internal static class GuardClauseParser
{
    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax } statement => GuardedIf(statement) is not null,
        ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax, Parent: BinaryExpressionSyntax parent } => parent.IsKind(SyntaxKind.CoalesceExpression),
        ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax, Parent: ConditionalExpressionSyntax } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => IsGuardCall(access),
        _ => false,
    };

    public static GuardSpec? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Owner(node, model, cancellationToken) is not ({ } type, { } member)) return null;
        switch (node)
        {
            case ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } statement:
            {
                if (ExceptionType(creation, model, cancellationToken) is not { } exception) return null;
                var condition = GuardedIf(statement)!.Condition;
                return new GuardSpec(type, member, IsArgumentException(exception), CodeText.Safe(condition), exception.Name, SourceLocation.From(statement));
            }
            case ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax creation, Parent: BinaryExpressionSyntax coalesce } expression:
            {
                if (ExceptionType(creation, model, cancellationToken) is not { } exception) return null;
                var check = CodeText.Safe(coalesce.Left) is { } value ? value + " is null" : null;
                return new GuardSpec(type, member, IsArgumentException(exception), check, exception.Name, SourceLocation.From(expression));
            }
            case ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax creation, Parent: ConditionalExpressionSyntax conditional } expression:
            {
                // cond ? value : throw ... throws when cond is false (eShopOnContainers' Buyer constructor:
                // !string.IsNullOrWhiteSpace(name) ? name : throw new ArgumentNullException(...)); cond ? throw ... : value when it is true.
                if (ExceptionType(creation, model, cancellationToken) is not { } exception) return null;
                var check = conditional.WhenTrue == expression ? CodeText.Safe(conditional.Condition) : Negated(conditional.Condition);
                return new GuardSpec(type, member, IsArgumentException(exception), check, exception.Name, SourceLocation.From(expression));
            }
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
                return GuardCall(call, access, type, member, model, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The condition under which <c>condition ? value : throw ...</c> throws, as code: the operand of a <c>!</c>
    /// (<c>string.IsNullOrWhiteSpace(name)</c>), else the condition negated (<c>!(units > 0)</c>: not rewritten as
    /// <c>units &lt;= 0</c>, which differs for NaN); null when it is not safe to print.</summary>
    private static string? Negated(ExpressionSyntax condition)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized) condition = parenthesized.Expression;
        if (condition is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
        {
            var operand = not.Operand;
            while (operand is ParenthesizedExpressionSyntax inner) operand = inner.Expression;
            return CodeText.Safe(operand);
        }
        if (CodeText.Safe(condition) is not { } code) return null;
        return condition is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? "!" + code
            : "!(" + code + ")";
    }

    /// <summary>The <c>if</c> whose only statement is the throw: <c>if (x) throw ...;</c> or <c>if (x) { throw ...; }</c>.</summary>
    private static IfStatementSyntax? GuardedIf(ThrowStatementSyntax statement) => statement.Parent switch
    {
        IfStatementSyntax ifStatement when ifStatement.Statement == statement => ifStatement,
        BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax ifStatement } block when ifStatement.Statement == block => ifStatement,
        _ => null,
    };

    /// <summary><c>ArgumentNullException.ThrowIfNull(x)</c>, <c>ArgumentOutOfRangeException.ThrowIfNegative(x)</c>,
    /// <c>Guard.Against.NullOrEmpty(x)</c>, <c>Guard.IsNotNullOrEmpty(x)</c>, by shape; confirmed in <see cref="GuardCall"/>.</summary>
    private static bool IsGuardCall(MemberAccessExpressionSyntax access) => access switch
    {
        { Name.Identifier.ValueText: var name, Expression: IdentifierNameSyntax { Identifier.ValueText: var receiver } }
            when name.StartsWith("ThrowIf", System.StringComparison.Ordinal) => receiver.EndsWith("Exception", System.StringComparison.Ordinal),
        { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Against", Expression: IdentifierNameSyntax { Identifier.ValueText: "Guard" } } } => true,
        { Name.Identifier.ValueText: var name, Expression: IdentifierNameSyntax { Identifier.ValueText: "Guard" } } => name.StartsWith("Is", System.StringComparison.Ordinal) || name.StartsWith("Has", System.StringComparison.Ordinal) || name.StartsWith("Can", System.StringComparison.Ordinal),
        _ => false,
    };

    private static GuardSpec? GuardCall(InvocationExpressionSyntax call, MemberAccessExpressionSyntax access, string type, string member, SemanticModel model, CancellationToken cancellationToken)
    {
        var (receiver, shown) = access.Expression switch
        {
            MemberAccessExpressionSyntax against => ((IdentifierNameSyntax)against.Expression, "Guard.Against." + access.Name.Identifier.ValueText),
            IdentifierNameSyntax name => (name, name.Identifier.ValueText + "." + access.Name.Identifier.ValueText),
            _ => (null, null),
        };
        if (receiver is null || shown is null) return null;
        if (model.GetSpeculativeTypeInfo(call.SpanStart, receiver, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is not INamedTypeSymbol bound) return null;
        string library;
        if (access.Expression is MemberAccessExpressionSyntax) library = bound.Is("Ardalis.GuardClauses", "Guard") ? "Ardalis.GuardClauses" : "";
        else if (bound.Is("CommunityToolkit.Diagnostics", "Guard")) library = "CommunityToolkit.Diagnostics";
        else library = IsArgumentException(bound) ? bound.Name : "";
        if (library.Length == 0) return null;
        // The checked value only: a message argument may be any string.
        var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var check = shown + "(" + (argument is null ? "" : CodeText.Safe(argument) ?? "…") + (call.ArgumentList.Arguments.Count > 1 ? ", …" : "") + ")";
        return new GuardSpec(type, member, true, check, library, SourceLocation.From(call));
    }

    private static INamedTypeSymbol? ExceptionType(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return model.GetSpeculativeTypeInfo(creation.SpanStart, creation.Type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is INamedTypeSymbol type
               && type.DerivesFromOrIs("System", "Exception") ? type : null;
    }

    private static bool IsArgumentException(INamedTypeSymbol type) => type.DerivesFromOrIs("System", "ArgumentException");

    /// <summary>The declaring type's full name and the member, when the site runs as part of a write to an instance: an
    /// instance constructor or method, a property's <c>set</c>/<c>init</c> accessor, or an instance property's initializer
    /// (not inside a lambda or local function). A static member (a lookup such as <c>OrderStatus.FromName</c>, a static
    /// class's helper) writes no instance, and a getter (<c>Name =&gt; _name ?? throw ...</c>) guards a read.</summary>
    private static (string? Type, string? Member) Owner(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return (null, null);
                case ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax owner } constructor when !IsStatic(constructor.Modifiers):
                    return (TypeName(owner), "ctor");
                case MethodDeclarationSyntax { Parent: TypeDeclarationSyntax owner } method when !IsStatic(method.Modifiers):
                    return (TypeName(owner), method.Identifier.ValueText);
                case AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax { Parent: TypeDeclarationSyntax owner } property } accessor
                    when !IsStatic(property.Modifiers) && accessor.Keyword.ValueText is "set" or "init":
                    return (TypeName(owner), property.Identifier.ValueText + "." + accessor.Keyword.ValueText);
                case PropertyDeclarationSyntax { Initializer: not null, Parent: TypeDeclarationSyntax owner } property when !IsStatic(property.Modifiers):
                    return (TypeName(owner), property.Identifier.ValueText + " initializer");
                case AccessorDeclarationSyntax or MemberDeclarationSyntax:
                    return (null, null);
            }
        }
        return (null, null);

        static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword);

        string? TypeName(TypeDeclarationSyntax owner) =>
            model.GetDeclaredSymbol(owner, cancellationToken) is INamedTypeSymbol symbol ? symbol.ClrFullName() : null;
    }
}
