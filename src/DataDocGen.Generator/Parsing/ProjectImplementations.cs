using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The classes of this project's source that could run an interface or abstract member: every non-abstract,
/// non-generic, non-static class that implements the interface (or derives from the abstract class), each with the
/// method that runs for the member (an inherited or explicit implementation included). Read from the compilation's
/// declarations, which <see cref="Helpers.TransformCache"/>'s shape covers. Shared by Hangfire's typed jobs
/// (<see cref="ScheduledJobParser"/>) and the calls jobs make through interfaces (<see cref="CalledMethods"/>).
/// </summary>
internal static class ProjectImplementations
{
    /// <param name="service">The type the code asks for: the interface or abstract class (a Hangfire job's type argument).</param>
    /// <param name="member">The interface or abstract member called.</param>
    public static IEnumerable<(INamedTypeSymbol Type, IMethodSymbol Runs)> Of(INamedTypeSymbol service, IMethodSymbol member, Compilation compilation,
        CancellationToken cancellationToken)
    {
        foreach (var type in SourceClasses(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.IsAbstract || type.IsGenericType || type.IsStatic) continue;
            var implements = service.TypeKind == TypeKind.Interface
                ? type.AllInterfaces.Contains(service, SymbolEqualityComparer.Default)
                : Bases(type).Contains(service, SymbolEqualityComparer.Default);
            if (!implements) continue;
            var runs = member.ContainingType.TypeKind == TypeKind.Interface
                ? type.FindImplementationForInterfaceMember(member) as IMethodSymbol
                : Override(type, member);
            if (runs is null || runs.IsAbstract) continue;
            yield return (type, runs);
        }
    }

    /// <summary>Every class declared in this project (nested ones included), generic or not.</summary>
    public static IEnumerable<INamedTypeSymbol> Classes(Compilation compilation) => SourceClasses(compilation.Assembly.GlobalNamespace);

    private static IEnumerable<INamedTypeSymbol> SourceClasses(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in SourceClasses(inner)) yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var nested in WithNested(type)) yield return nested;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Class) yield return type;
        foreach (var nested in type.GetTypeMembers().SelectMany(WithNested)) yield return nested;
    }

    private static IEnumerable<INamedTypeSymbol> Bases(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType) yield return current;
    }

    /// <summary>The most derived override of the abstract <paramref name="member"/> in <paramref name="type"/> or its bases.</summary>
    private static IMethodSymbol? Override(INamedTypeSymbol type, IMethodSymbol member) => OverrideOf(type, member) as IMethodSymbol;

    /// <summary>The most derived override of a method or property <paramref name="member"/> in <paramref name="type"/> or
    /// its bases; null when none overrides it.</summary>
    public static ISymbol? OverrideOf(INamedTypeSymbol type, ISymbol member)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(member.Name))
            {
                for (var overridden = Overridden(candidate); overridden is not null; overridden = Overridden(overridden))
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member.OriginalDefinition)) return candidate;
                }
            }
        }
        return null;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };
}
