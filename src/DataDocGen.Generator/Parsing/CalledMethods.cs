using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The calls a background job makes into this project's methods, and the calls those methods make in turn (a second
/// level: a job calling <c>WarehouseDirectory.CountsAsync</c>, whose cache factory calls <c>WarehouseReader.CountsAsync</c>).
/// A second-level call keeps the job's own call site as its location and names the method it went through
/// (<see cref="HostedServiceCall.Via"/>). Bodies in other files are read through <see cref="SourceReads"/>.
/// </summary>
internal static class CalledMethods
{
    /// <summary>The project method an invocation calls (its original definition), or null for anything else.</summary>
    public static IMethodSymbol? ProjectMethod(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var called = Semantics.SymbolOrMethod(invocation, model, cancellationToken) as IMethodSymbol;
        var target = (called?.ReducedFrom ?? called)?.OriginalDefinition;
        return target is { DeclaringSyntaxReferences.IsEmpty: false } && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, model.Compilation.Assembly)
            ? target
            : null;
    }

    public static string Name(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    /// <summary>
    /// For each first-level call (<paramref name="first"/>: the called method and the job's call site), the calls its body
    /// makes into other project methods, lambdas included, as second-level calls at the job's call site. Methods of
    /// <paramref name="job"/> itself and the first-level method are skipped.
    /// </summary>
    public static IEnumerable<HostedServiceCall> SecondLevel(IEnumerable<(IMethodSymbol Method, SourceLocation? Site)> first, INamedTypeSymbol? job,
        Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var (method, site) in first)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.ReadSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration) continue;
                var model = compilation.ReadSemanticModel(declaration.SyntaxTree);
                foreach (var call in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (ProjectMethod(call, model, cancellationToken) is not { } callee) continue;
                    if (SymbolEqualityComparer.Default.Equals(callee, method)
                        || (job is not null && SymbolEqualityComparer.Default.Equals(callee.ContainingType, job))) continue;
                    yield return new HostedServiceCall(Name(callee), site, Name(method));
                }
            }
        }
    }
}
