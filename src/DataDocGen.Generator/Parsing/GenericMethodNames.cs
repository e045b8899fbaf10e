using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Whether a call named <c>Add</c> can reach a method of a generic type (or a generic method) this project declares,
/// told from the declarations before the call is bound (issue 7): <see cref="GenericRepositoryCallParser"/> looks at
/// every call on a member access, and binding each one is the cost; most names (<c>ToString</c>, <c>WriteLine</c>) the
/// project never declares on a generic type. Kept per compilation and name, from declarations only (the shape
/// <see cref="Helpers.TransformCache"/> covers), as <see cref="SetMemberNames"/> does.
/// </summary>
internal static class GenericMethodNames
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, bool>> ByCompilation = new();

    public static bool MayBeGeneric(string name, Compilation compilation, CancellationToken cancellationToken)
    {
        var known = ByCompilation.GetValue(compilation, _ => new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal));
        if (known.TryGetValue(name, out var generic)) return generic;
        generic = compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>()
            .Any(m => m.IsGenericMethod || m.ContainingType is { IsGenericType: true });
        return known.GetOrAdd(name, generic);
    }
}
