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
                steps.AddRange(calls.Select(c => SyntaxFacts.CalledName(c) + (c.ArgumentList.Arguments.Count == 0 ? "" : CodeText.Safe(c.ArgumentList) ?? "(…)")));
            }
            var spec = new SpecificationSpec(type.ClrFullName(), specification.TypeArguments[0].ClrFullName(),
                specification.TypeArguments.Length == 2 ? specification.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : null,
                steps.ToEquatableArray(), SourceLocation.From(declaration.Identifier.Parent!));
            return new SpecificationResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SpecificationResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }
}

internal sealed record SpecificationResult(SpecificationSpec? Spec, string? Error);
