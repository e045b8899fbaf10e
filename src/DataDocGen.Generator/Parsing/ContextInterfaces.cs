using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A context used through an interface of the project (Clean Architecture's <c>IApplicationDbContext</c>, implemented by
/// <c>ApplicationDbContext : DbContext, IApplicationDbContext</c>): a call of an interface member counts as the DbContext's
/// own when exactly one class of the project implements the interface, that class is a DbContext, and the method that runs
/// for the member there is DbContext's (inherited, or an override of it). Anything else (two contexts, a context and an
/// in-memory double of the interface, an explicit implementation, a method of the project's own with the same name) is
/// not the context's: the call may run on the other class.
/// </summary>
internal static class ContextInterfaces
{
    private const string Ef = "Microsoft.EntityFrameworkCore";

    /// <summary>True when <paramref name="method"/> is a DbContext method, or an interface method that runs as one.</summary>
    public static bool RunsAsContext(IMethodSymbol? method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method is not { ContainingType: { } owner }) return false;
        if (owner.DerivesFromOrIs(Ef, "DbContext")) return true;
        return owner.TypeKind == TypeKind.Interface && ContextMember(owner, method, compilation, cancellationToken);
    }

    /// <summary>True when <paramref name="type"/> is a DbContext, or a project interface whose <paramref name="member"/>
    /// (looked up by name) runs as DbContext's.</summary>
    public static bool IsContext(ITypeSymbol? type, string member, Compilation compilation, CancellationToken cancellationToken)
    {
        if (type is null) return false;
        if (type.DerivesFromOrIs(Ef, "DbContext")) return true;
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Interface } service || ContextClasses(compilation, cancellationToken).Count == 0) return false;
        var methods = new[] { service }.Concat(service.AllInterfaces).SelectMany(i => i.GetMembers(member)).OfType<IMethodSymbol>().ToList();
        return methods.Count > 0 && methods.All(m => ContextMember(service, m, compilation, cancellationToken));
    }

    private static bool ContextMember(INamedTypeSymbol service, IMethodSymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        if (member.ContainingType.TypeKind != TypeKind.Interface) return false;
        var contexts = ContextClasses(compilation, cancellationToken).Where(c => c.AllInterfaces.Contains(service, SymbolEqualityComparer.Default)).Take(2).ToList();
        if (contexts.Count != 1 || Implementers(compilation, cancellationToken).TryGetValue(service, out var count) && count != 1) return false;
        for (var runs = contexts[0].FindImplementationForInterfaceMember(member) as IMethodSymbol; runs is not null; runs = runs.OverriddenMethod)
        {
            if (runs.ContainingType.Is(Ef, "DbContext")) return true;
        }
        return false;
    }

    private static readonly ConditionalWeakTable<Compilation, List<INamedTypeSymbol>> ContextsByCompilation = new();
    private static readonly ConditionalWeakTable<Compilation, Dictionary<INamedTypeSymbol, int>> ImplementersByCompilation = new();

    /// <summary>For each interface a project DbContext implements, how many classes of the project that can be created
    /// (not abstract or static; generic ones count) implement it: the context, and any other class such as an in-memory
    /// fake. Found once per compilation, like <see cref="ContextClasses"/>.</summary>
    private static Dictionary<INamedTypeSymbol, int> Implementers(Compilation compilation, CancellationToken cancellationToken) =>
        ImplementersByCompilation.GetValue(compilation, c =>
        {
            var counts = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
            foreach (var context in ContextClasses(c, cancellationToken))
            {
                foreach (var service in context.AllInterfaces) counts[service] = 0;
            }
            if (counts.Count == 0) return counts;
            foreach (var type in ProjectImplementations.Classes(c))
            {
                if (type.IsAbstract || type.IsStatic) continue;
                foreach (var service in type.AllInterfaces)
                {
                    if (counts.TryGetValue(service, out var count)) counts[service] = count + 1;
                }
            }
            return counts;
        });

    /// <summary>The project's DbContext classes that can run (not abstract, generic or static, as
    /// <see cref="ProjectImplementations"/> counts them), found once per compilation: asking every class of the project
    /// for each interface call cost a full run at 1,000 entities three times its allocations (issue 7's benchmark). They
    /// depend on declarations only, which <see cref="Helpers.TransformCache"/>'s shape covers.</summary>
    private static List<INamedTypeSymbol> ContextClasses(Compilation compilation, CancellationToken cancellationToken) =>
        ContextsByCompilation.GetValue(compilation, c => ProjectImplementations.Classes(c)
            .Where(t => !t.IsAbstract && !t.IsGenericType && !t.IsStatic && t.DerivesFrom(Ef, "DbContext")).ToList());
}
