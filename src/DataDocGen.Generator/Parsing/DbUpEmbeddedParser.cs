using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads one <c>WithScriptsEmbeddedInAssembly(assembly[, filter][, encoding][, options])</c> step of a DbUp chain: which
/// assembly (only the project's own can be listed) and the filter. DbUp's overload without a filter takes the resource
/// names ending in <c>.sql</c> (OrdinalIgnoreCase); a filter replaces that test entirely (dbup-core StandardExtensions).
/// </summary>
internal static class DbUpEmbeddedParser
{
    /// <summary>DbUp's own extension (global <c>StandardExtensions</c> in dbup-core), not a look-alike of the same name.</summary>
    public static IMethodSymbol? DbUpMethod(InvocationExpressionSyntax step, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOrMethod(step, model, cancellationToken) is IMethodSymbol method
        && (method.ReducedFrom ?? method).ContainingType is { Name: "StandardExtensions", ContainingNamespace.IsGlobalNamespace: true } owner
        && owner.ContainingAssembly?.Name == "dbup-core"
            ? method
            : null;

    public static DbUpEmbeddedSpec? Read(InvocationExpressionSyntax step, bool customOrder, SemanticModel model, CancellationToken cancellationToken)
    {
        if (DbUpMethod(step, model, cancellationToken) is not { } method) return null;
        ExpressionSyntax? assembly = null, filter = null;
        var arguments = step.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].NameColon?.Name.Identifier.ValueText ?? (i < method.Parameters.Length ? method.Parameters[i].Name : null);
            if (name == "assembly") assembly = arguments[i].Expression;
            else if (name == "filter") filter = arguments[i].Expression;
        }
        var (isThis, other) = Assembly(assembly, model, cancellationToken);
        var readFilter = filter is null ? null : DbUpFilterReader.Read(filter, model, cancellationToken);
        return new DbUpEmbeddedSpec(isThis, other, filter is not null, readFilter, customOrder);
    }

    /// <summary>The project's own assembly, or another one's name; neither when it is chosen at run time
    /// (a variable, <c>GetType().Assembly</c>, <c>GetEntryAssembly()</c>...).</summary>
    private static (bool IsThis, string? Other) Assembly(ExpressionSyntax? expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var own = model.Compilation.Assembly;
        switch (expression)
        {
            case InvocationExpressionSyntax call when Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol { Name: "GetExecutingAssembly" } method
                                                      && method.ContainingType.Is("System.Reflection", "Assembly"):
                return (true, null);
            // typeof(T).Assembly and typeof(T).GetTypeInfo().Assembly
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: var target } access
                when Semantics.SymbolOrMethod(access, model, cancellationToken) is IPropertySymbol { ContainingType: var owner } && owner.IsInNamespaceOrBelow("System"):
                var typeOf = target switch
                {
                    TypeOfExpressionSyntax direct => direct,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetTypeInfo", Expression: TypeOfExpressionSyntax inner } } => inner,
                    _ => null,
                };
                // A type parameter or GetType() is known only at run time.
                if (typeOf is null || Semantics.SymbolOrMethod(typeOf.Type, model, cancellationToken) is not INamedTypeSymbol type) return (false, null);
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, own)) return (true, null);
                return (false, type.ContainingAssembly?.Name);
            default:
                return (false, null);
        }
    }
}
