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
/// (<see cref="HostedServiceCall.Via"/>). Bodies in other files are read through <see cref="SourceReads"/>. Hosted
/// services, Quartz.NET jobs (<see cref="HostedServiceParser"/>) and Hangfire jobs (<see cref="ScheduledJobParser"/>) share it.
/// </summary>
internal static class CalledMethods
{
    /// <summary>Both levels of calls made from <paramref name="bodies"/> (syntax of the job, read with <paramref name="model"/>):
    /// calls to methods of <paramref name="job"/> itself are not followed (its own code is read as the job's).</summary>
    /// <param name="skip">Nodes of <paramref name="bodies"/> whose calls are not the job's (a lambda pushed onto a compensation
    /// stack: it runs later, if at all); null to read everything.</param>
    public static EquatableArray<HostedServiceCall> Of(IEnumerable<SyntaxNode> bodies, SemanticModel model, ISymbol job, CancellationToken cancellationToken,
        ISet<SyntaxNode>? skip = null)
    {
        // A partial method's body may sit in another file than its first declaration: each body is read with its own model.
        var first = bodies.SelectMany(body => In(body, body.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(body.SyntaxTree), job, cancellationToken, skip)).ToList();
        return first.Select(c => new HostedServiceCall(Name(c.Method), c.Site, null, c.OnCacheMiss))
            .Concat(SecondLevel(first, job, model.Compilation, cancellationToken))
            .ToEquatableArray();
    }

    public static string Name(IMethodSymbol method) => method.TypeAndMemberName();

    /// <summary>The method that runs for an interface or abstract <paramref name="member"/> when the classes of this project
    /// implementing it (<see cref="ProjectImplementations"/>) all run the same one; null when there is none, or more than
    /// one and so which one runs is not known here, or the member is generic (matching it to constructed implementations
    /// is not done).</summary>
    internal static IMethodSymbol? SoleImplementation(IMethodSymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        if (member.IsGenericMethod || member.ContainingType.IsGenericType) return null;
        var runs = ProjectImplementations.Of(member.ContainingType, member, compilation, cancellationToken)
            .Select(found => found.Runs.OriginalDefinition).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default).Take(2).ToList();
        return runs.Count == 1 ? runs[0] : null;
    }

    /// <summary>The calls <paramref name="body"/> makes into this project's methods (original definitions), other than into
    /// <paramref name="skip"/> (a type: its methods; a method: itself), with their sites.</summary>
    private static IEnumerable<(IMethodSymbol Method, SourceLocation? Site, bool OnCacheMiss)> In(SyntaxNode body, SemanticModel model, ISymbol skip, CancellationToken cancellationToken,
        ISet<SyntaxNode>? skipNodes = null)
    {
        var factories = new Dictionary<SyntaxNode, bool>();
        foreach (var invocation in body.DescendantNodes(node => skipNodes is null || !skipNodes.Contains(node)).OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // What an eviction callback calls runs when an entry is evicted, at no step of this code: section 1.4 lists it.
            if (invocation.Ancestors().TakeWhile(a => a != body).OfType<AnonymousFunctionExpressionSyntax>().Any(IsEvictionCallback)) continue;
            var called = Semantics.SymbolOrMethod(invocation, model, cancellationToken) as IMethodSymbol;
            var target = (called?.ReducedFrom ?? called)?.OriginalDefinition;
            if (target is not { DeclaringSyntaxReferences.IsEmpty: false } || !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, model.Compilation.Assembly)) continue;
            if (SymbolEqualityComparer.Default.Equals(target, skip) || SymbolEqualityComparer.Default.Equals(target.ContainingType, skip)) continue;
            // A call through an interface or to an abstract member: the code that runs is the sole implementation in this
            // project, when there is exactly one (else which one runs is not known here, and its body is not read).
            if (target.ContainingType.TypeKind == TypeKind.Interface || target.IsAbstract)
            {
                target = SoleImplementation(target, model.Compilation, cancellationToken) ?? target;
                if (SymbolEqualityComparer.Default.Equals(target, skip) || SymbolEqualityComparer.Default.Equals(target.ContainingType, skip)) continue;
            }
            yield return (target, SourceLocation.From(invocation), InCacheFactory(invocation, body, model, factories, cancellationToken));
        }
    }

    /// <summary>The call sits, at any depth, inside the factory lambda of a cache-aside call (syntax: the lambda is that
    /// call's <c>factory</c> argument), within <paramref name="body"/>.</summary>
    private static bool InCacheFactory(SyntaxNode call, SyntaxNode body, SemanticModel model, Dictionary<SyntaxNode, bool> factories, CancellationToken cancellationToken)
    {
        for (var node = call.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is not AnonymousFunctionExpressionSyntax function) continue;
            if (!factories.TryGetValue(function, out var factory))
            {
                factory = CacheParser.IsCacheAsideFactory(function, model, cancellationToken);
                factories[function] = factory;
            }
            if (factory) return true;
        }
        return false;
    }

    /// <summary>A lambda handed to <c>RegisterPostEvictionCallback</c> or set as a <c>PostEvictionCallbackRegistration</c>'s
    /// <c>EvictionCallback</c> (syntax: the names are IMemoryCache's own, and a wrong guess only withholds "on a cache miss").</summary>
    private static bool IsEvictionCallback(AnonymousFunctionExpressionSyntax function) => function.Parent switch
    {
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegisterPostEvictionCallback" } } } } => true,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "EvictionCallback" } } => true,
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EvictionCallback" } } => true,
        _ => false,
    };

    /// <summary>For each first-level call, the calls its body makes, lambdas included, as second-level calls at the job's
    /// call site; calls back into the job and recursion into the method itself are skipped.</summary>
    private static IEnumerable<HostedServiceCall> SecondLevel(IEnumerable<(IMethodSymbol Method, SourceLocation? Site, bool OnCacheMiss)> first, ISymbol job,
        Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var (method, site, onCacheMiss) in first)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.ReadSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration) continue;
                var model = compilation.ReadSemanticModel(declaration.SyntaxTree);
                foreach (var (callee, _, inFactory) in In(declaration, model, method, cancellationToken))
                {
                    if (SymbolEqualityComparer.Default.Equals(callee, job) || SymbolEqualityComparer.Default.Equals(callee.ContainingType, job)) continue;
                    yield return new HostedServiceCall(Name(callee), site, Name(method), onCacheMiss || inFactory);
                }
            }
        }
    }
}
