using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Queries built in code with LinqKit (section 1.3), each call confirmed in the <c>LinqKit</c> namespace:
/// <list type="bullet">
/// <item><c>PredicateBuilder.New&lt;T&gt;(...)</c>/<c>True&lt;T&gt;()</c>/<c>False&lt;T&gt;()</c>: the entity, the conditions
/// joined with <c>And</c>/<c>Or</c> (chained on the call, or on the local it is stored in, within the same body), each with
/// its guard or loop, and the query calls in that body the local is handed to;</item>
/// <item><c>AsExpandable()</c>: a query whose expression tree LinqKit expands before the provider translates it;</item>
/// <item><c>WithExpressionExpanding()</c> on a context's options: every query of the context expanded.</item>
/// </list>
/// A predicate stored in a field, passed in, or returned is shown with what its own body joins; code holding a string
/// literal is elided, as elsewhere.
/// </summary>
internal static class QueryBuilderParser
{
    private const string Library = "LinqKit";

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "New" or "True" or "False" }, Expression: var receiver } } =>
            receiver is IdentifierNameSyntax { Identifier.ValueText: "PredicateBuilder" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "PredicateBuilder" },
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsExpandable" or "AsExpandableEFCore" or "WithExpressionExpanding" } } => true,
        _ => false,
    };

    public static QueryBuilderResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method) return null;
            var original = method.ReducedFrom ?? method;
            if (!original.ContainingType.IsInNamespace("LinqKit")) return null;
            var spec = method.Name switch
            {
                "New" or "True" or "False" when original.ContainingType.Name == "PredicateBuilder" && method.TypeArguments.Length == 1 => Predicate(invocation, method, model, cancellationToken),
                "AsExpandable" or "AsExpandableEFCore" when method.TypeArguments.Length == 1 =>
                    new QueryBuilderSpec(Library, method.Name + "()", method.TypeArguments[0].ClrFullName(),
                        new[] { "LinqKit expands the query's expression tree (`Invoke` and `Compile` of expressions, nested predicates) before the provider translates it" }.ToEquatableArray(),
                        EquatableArray<string>.Empty, CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(invocation)),
                "WithExpressionExpanding" =>
                    new QueryBuilderSpec(Library, "WithExpressionExpanding()", ContextOf(invocation, model, cancellationToken),
                        new[] { "LinqKit expands every query of the context before EF Core translates it" }.ToEquatableArray(),
                        EquatableArray<string>.Empty, CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(invocation)),
                _ => null,
            };
            return spec is null ? null : new QueryBuilderResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new QueryBuilderResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static QueryBuilderSpec Predicate(InvocationExpressionSyntax start, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var scope = start.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                                                          or AccessorDeclarationSyntax or CompilationUnitSyntax) ?? start.SyntaxTree.GetRoot(cancellationToken);
        var parts = new List<string>();
        if (start.ArgumentList.Arguments.FirstOrDefault() is { } first && Semantics.TypeOf(first.Expression, model, cancellationToken)?.SpecialType != SpecialType.System_Boolean)
        {
            parts.Add("starts from " + Code(first.Expression));
        }
        // Chained on the call itself: PredicateBuilder.New<T>(a).And(b).Or(c).
        ExpressionSyntax end = start;
        while (end.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == end && Joined(call, model, cancellationToken) is { } part)
        {
            parts.Add(part + Guard(call, scope));
            end = call;
        }
        // Then on the local it is stored in: var p = PredicateBuilder.New<T>(); p = p.Or(...); p.And(...);
        var applied = new List<string>();
        if (Local(end, model, cancellationToken) is { } local)
        {
            foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(receiver, model, cancellationToken), local)
                    && Joined(call, model, cancellationToken) is { } part)
                {
                    parts.Add(part + Guard(call, scope));
                }
                else if (call.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } id && name == local.Name
                             && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(id, model, cancellationToken), local))
                         && call.Expression is MemberAccessExpressionSyntax { Name: { Identifier.ValueText: var queryName } name })
                {
                    // The name's line: a chain's invocation starts where the chain does.
                    applied.Add(CodeSpan.Of(queryName) + " (line " + (name.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ")");
                }
            }
        }
        var builder = "PredicateBuilder." + method.Name + "<" + method.TypeArguments[0].Name + ">()";
        return new QueryBuilderSpec(Library, builder, method.TypeArguments[0].ClrFullName(), parts.ToEquatableArray(), applied.Distinct().ToEquatableArray(),
            CodeText.MemberName(start, model, cancellationToken), SourceLocation.From(start));
    }

    /// <summary><c>.And(x =&gt; ...)</c> or <c>.Or(...)</c> of LinqKit, as code; null for any other call.</summary>
    private static string? Joined(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "And" or "Or" } access
            || Semantics.SymbolOrMethod(call, model, cancellationToken) is not IMethodSymbol joined
            || !(joined.ReducedFrom ?? joined).ContainingType.IsInNamespace("LinqKit")) return null;
        var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        return access.Name.Identifier.ValueText + " " + (argument is null ? "" : Code(argument));
    }

    /// <summary>The local a predicate is stored in (<c>var p = ...</c>, <c>p = ...</c>).</summary>
    private static ILocalSymbol? Local(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) => expression.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == expression => Semantics.SymbolOf(target, model, cancellationToken) as ILocalSymbol,
        _ => null,
    };

    /// <summary>", if `...`", ", for each `x` in `xs`": the guard and loop around a join inside its body.</summary>
    private static string Guard(SyntaxNode node, SyntaxNode scope) => GuardText.Around(node, scope) is { } text ? ", " + text : "";

    private static string Code(ExpressionSyntax expression) => CodeText.Safe(expression) is { } code ? CodeSpan.Of(code) : "(code with a literal, not shown)";

    /// <summary>The context whose options are set: the builder's type argument (<c>DbContextOptionsBuilder&lt;ShopContext&gt;</c>),
    /// else the context of the <c>AddDbContext&lt;T&gt;</c>-like registration whose options lambda holds the call, else the
    /// context whose <c>OnConfiguring</c> holds it.</summary>
    private static string? ContextOf(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax access && Semantics.TypeOf(access.Expression, model, cancellationToken) is INamedTypeSymbol { TypeArguments.Length: 1 } builder
            && builder.Name == "DbContextOptionsBuilder") return builder.TypeArguments[0].ClrFullName();
        foreach (var ancestor in invocation.Ancestors())
        {
            switch (ancestor)
            {
                case InvocationExpressionSyntax registration when registration.ArgumentList.Arguments.Any(a => a.Expression is LambdaExpressionSyntax lambda && lambda.Span.Contains(invocation.Span))
                                                                   && Semantics.SymbolOrMethod(registration, model, cancellationToken) is IMethodSymbol method
                                                                   && method.TypeArguments.FirstOrDefault(t => t.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) is { } context:
                    return context.ClrFullName();
                case MethodDeclarationSyntax { Identifier.ValueText: "OnConfiguring", Parent: TypeDeclarationSyntax type }
                    when model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol owner && owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext"):
                    return owner.ClrFullName();
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }
}
