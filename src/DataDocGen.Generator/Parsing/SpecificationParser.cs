using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Specifications (issue 4.2): classes deriving from Ardalis.Specification's <c>Specification&lt;T&gt;</c> or
/// <c>Specification&lt;T, TResult&gt;</c>, confirmed by namespace, with the <c>Query.…</c> chains their code builds.
/// Arguments are shown as code when they hold no string literal (a literal could be anything), else elided.
/// </summary>
internal static class SpecificationParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is ClassDeclarationSyntax { BaseList: { } bases } && bases.Types.Any(t => SyntaxFacts.RightmostName(t.Type) == "Specification");

    public static SpecificationResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var declaration = (ClassDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
            INamedTypeSymbol? specification = null;
            for (var current = type.BaseType; current is not null && specification is null; current = current.BaseType)
            {
                if (current is { Name: "Specification", TypeArguments.Length: 1 or 2 } && current.IsInNamespace("Ardalis.Specification")) specification = current;
            }
            if (specification is null) return null;
            var steps = new List<string>();
            var byConstructor = new List<(ConstructorDeclarationSyntax? Constructor, string Step)>();
            foreach (var chain in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => i.Parent is not MemberAccessExpressionSyntax))
            {
                var calls = new List<InvocationExpressionSyntax>();
                ExpressionSyntax current = chain;
                while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
                {
                    calls.Insert(0, call);
                    current = access.Expression;
                }
                if (current is not IdentifierNameSyntax { Identifier.ValueText: "Query" }) continue;
                var constructor = chain.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
                foreach (var call in calls)
                {
                    var step = SyntaxFacts.CalledName(call) + (call.ArgumentList.Arguments.Count == 0 ? "" : CodeText.Safe(call.ArgumentList) ?? "(…)");
                    steps.Add(step);
                    byConstructor.Add((constructor, step));
                }
            }
            // Several constructors building queries: one instance runs one of them, so each is a query of its own.
            var constructors = byConstructor.Select(s => s.Constructor).Distinct().ToList();
            var alternatives = constructors.Count > 1 && constructors.All(c => c is not null)
                ? constructors.Select(c => new SpecificationQuery(CodeText.Safe(c!.ParameterList) ?? "(…)",
                    byConstructor.Where(s => s.Constructor == c).Select(s => s.Step).ToEquatableArray(), SourceLocation.From(c))).ToEquatableArray()
                : EquatableArray<SpecificationQuery>.Empty;
            var spec = new SpecificationSpec(type.ClrFullName(), specification.TypeArguments[0].ClrFullName(),
                specification.TypeArguments.Length == 2 ? specification.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : null,
                alternatives.IsEmpty ? steps.ToEquatableArray() : EquatableArray<string>.Empty, SourceLocation.From(declaration.Identifier.Parent!), alternatives);
            return new SpecificationResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SpecificationResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }
}

internal sealed record SpecificationResult(SpecificationSpec? Spec, string? Error);
