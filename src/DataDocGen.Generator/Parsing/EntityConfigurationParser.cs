using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads an <c>IEntityTypeConfiguration&lt;T&gt;</c> class: which entity it configures and what its <c>Configure</c> says about tables.</summary>
internal static class EntityConfigurationParser
{
    public static INamedTypeSymbol? ConfiguredInterface(INamedTypeSymbol type) =>
        type.AllInterfaces.FirstOrDefault(i => i is { MetadataName: "IEntityTypeConfiguration`1", TypeArguments.Length: 1 }
                                               && i.IsInNamespace(DbContextParser.EfNamespace));

    public static EntityConfigurationSpec Parse(INamedTypeSymbol type, INamedTypeSymbol configuredInterface, Compilation compilation, CancellationToken cancellationToken)
    {
        var entity = configuredInterface.TypeArguments[0];
        var model = ModelConfigurationSpec.Empty;
        var configuredTypes = new List<ITypeSymbol> { entity };
        // The Configure EF Core calls: the class's own, or one inherited from a (generic) base configuration class, whose
        // base.Configure(builder) calls are read where they are made (ModelHelperCalls).
        if (configuredInterface.GetMembers("Configure").OfType<IMethodSymbol>().FirstOrDefault() is { } contract
            && type.FindImplementationForInterfaceMember(contract) is IMethodSymbol implementation)
        {
            model = ModelConfigurationParser.ParseMethod(MostDerived(type, implementation), compilation, configuredTypes, cancellationToken);
        }

        // ApplyConfigurationsFromAssembly only instantiates non-abstract, non-generic classes with a public
        // parameterless constructor (it calls Type.GetConstructor(Type.EmptyTypes)).
        var applicable = !type.IsAbstract && !type.IsGenericType
                         && type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
        return new EntityConfigurationSpec(type.ClrFullName(), entity.ClrFullName(), applicable, model,
            EntityTypeParser.Closure(configuredTypes, cancellationToken, maxDepth: 1), SourceLocation.From(type));
    }

    /// <summary>The override EF Core's call reaches: the interface maps to the virtual method that implements it
    /// (<c>TrackedConfiguration&lt;Dog&gt;.Configure</c>), and a derived class may override it (<c>DogConfiguration.Configure</c>).</summary>
    private static IMethodSymbol MostDerived(INamedTypeSymbol type, IMethodSymbol implementation)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(implementation.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = candidate; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden, implementation)) return candidate;
                }
            }
        }
        return implementation;
    }
}
