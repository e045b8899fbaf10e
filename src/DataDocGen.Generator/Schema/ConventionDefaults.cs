using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// Pre-convention configuration from <c>ConfigureConventions</c>: <c>configurationBuilder.Properties&lt;T&gt;()</c>
/// followed by facet calls sets defaults for every property of type T (or every enum for <c>Properties&lt;Enum&gt;</c>),
/// applied over data annotations and under fluent calls (EF Core treats it as explicit configuration; checked in the
/// fidelity tests), and to the TPH discriminator too.
/// </summary>
internal sealed class ConventionDefaults
{
    private readonly Dictionary<string, List<FluentStepSpec>> _byType = new(System.StringComparer.Ordinal);

    public static ConventionDefaults Read(IEnumerable<FluentChainSpec> chains, SchemaBuilder builder)
    {
        var defaults = new ConventionDefaults();
        foreach (var chain in chains.Where(IsConventionChain))
        {
            var first = chain.Steps.FirstOrDefault();
            if (first is not { Method: "Properties", TypeArguments.Count: 1 })
            {
                builder.Unknown("`" + (first?.Method ?? "?") + "` in ConfigureConventions is not evaluated", chain.Location);
                continue;
            }
            var facets = chain.Steps.Skip(1).ToList();
            var unknown = facets.FirstOrDefault(f => f.Method is not ("HaveMaxLength" or "HavePrecision" or "AreUnicode" or "AreFixedLength" or "HaveColumnType" or "HaveConversion"));
            if (unknown is not null)
            {
                builder.Unknown("`" + unknown.Method + "` in ConfigureConventions is not evaluated", unknown.Location);
                continue;
            }
            if (!defaults._byType.TryGetValue(first.TypeArguments[0], out var list)) defaults._byType[first.TypeArguments[0]] = list = new List<FluentStepSpec>();
            list.AddRange(facets);
        }
        return defaults;
    }

    public static bool IsConventionChain(FluentChainSpec chain) => chain.Root == FluentRoot.Other && chain.RootType == "ModelConfigurationBuilder";

    /// <summary>A property EF adds by convention (a shadow foreign key, a join table's column, an owned collection's key):
    /// EF applies the pre-convention configuration to it as to any property of its type (EF judge: the studio model).
    /// A foreign key copies its principal key's type, so an enum key's foreign key (its provider type differs) takes
    /// <c>Properties&lt;Enum&gt;()</c> too.</summary>
    public void ApplyToShadow(PropertyNode property) => Apply(property, property.ProviderClrType != property.ClrType);

    /// <summary>Sets the facets configured for the property's type.</summary>
    public void Apply(PropertyNode property, bool isEnum)
    {
        foreach (var type in isEnum ? new[] { "System.Enum", property.ClrType } : new[] { property.ClrType })
        {
            if (!_byType.TryGetValue(type, out var facets)) continue;
            foreach (var facet in facets)
            {
                property.Evidence.Add(new EvidenceReport("ConfigureConventions: Properties<" + type.Substring(type.LastIndexOf('.') + 1) + ">()." + ChainInterpreter.Render(facet), facet.Location));
                switch (facet.Method)
                {
                    case "HaveMaxLength": property.MaxLength = int.TryParse(facet.Argument(0), out var length) ? length : null; break;
                    case "HavePrecision":
                        property.Precision = int.TryParse(facet.Argument(0), out var precision) ? precision : null;
                        property.Scale = int.TryParse(facet.Argument(1), out var scale) ? scale : null;
                        break;
                    case "AreUnicode": property.Unicode = facet.Argument(0) != "false"; break;
                    case "AreFixedLength": property.FixedLength = facet.Argument(0) != "false"; break;
                    case "HaveColumnType": property.ColumnType = facet.Argument(0) is { } text && text.StartsWith("\"", System.StringComparison.Ordinal) ? text.Substring(1) : null; break;
                    case "HaveConversion":
                        property.Converted = true;
                        property.Conversion = facet.Converter;
                        break;
                }
            }
        }
    }
}
