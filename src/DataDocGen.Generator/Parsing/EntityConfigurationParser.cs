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
        foreach (var member in type.GetMembers("Configure"))
        {
            if (member is not IMethodSymbol { Parameters.Length: 1 } method) continue;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.ReadSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                    && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body)
                {
                    model = ModelConfigurationParser.Parse(body, compilation.ReadSemanticModel(declaration.SyntaxTree), configuredTypes, cancellationToken);
                }
            }
        }

        // ApplyConfigurationsFromAssembly only instantiates non-abstract, non-generic classes with a public
        // parameterless constructor (it calls Type.GetConstructor(Type.EmptyTypes)).
        var applicable = !type.IsAbstract && !type.IsGenericType
                         && type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
        return new EntityConfigurationSpec(type.ClrFullName(), entity.ClrFullName(), applicable, model,
            EntityTypeParser.Closure(configuredTypes, cancellationToken, maxDepth: 1), SourceLocation.From(type));
    }
}
