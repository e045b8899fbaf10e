using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads what decides an entity type's table from its symbol: base types, abstractness and <c>[Table]</c>.</summary>
internal static class EntityTypeParser
{
    public static EntityTypeSpec Parse(ITypeSymbol type)
    {
        var fullName = type.ClrFullName();
        var baseTypes = new List<string>();
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            baseTypes.Add(current.ClrFullName());
        }
        return new EntityTypeSpec(fullName, type.Name, type.IsAbstract, baseTypes.ToEquatableArray(), TableAttribute(type, fullName), SourceLocation.From(type));
    }

    private static TableMappingSpec? TableAttribute(ITypeSymbol type, string fullName)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (!attribute.AttributeClass.Is("System.ComponentModel.DataAnnotations.Schema", "TableAttribute")) continue;
            if (attribute.ConstructorArguments.FirstOrDefault().Value is not string name) continue;
            var schema = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Schema").Value.Value as string;
            var location = attribute.ApplicationSyntaxReference is { } reference ? SourceLocation.From(reference.GetSyntax()) : null;
            return new TableMappingSpec(fullName, TableMappingKind.Table, name, schema, location);
        }
        return null;
    }
}
