using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

internal enum TableMappingKind
{
    Table,
    View,
    /// <summary><c>ToTable((string?)null)</c>: the entity has no table of its own.</summary>
    NoTable,
    TphStrategy,
    TptStrategy,
    TpcStrategy,
}

/// <summary>A table-shaping call or attribute for one entity type (<c>ToTable</c>, <c>ToView</c>, <c>[Table]</c>, <c>UseTpcMappingStrategy</c>...).</summary>
/// <param name="Origin">Set for mappings made by library code (ASP.NET Core Identity): where they come from.</param>
/// <param name="When">Set when the mapping runs only for some database providers (see <see cref="ProviderCondition"/>).</param>
internal sealed record TableMappingSpec(string EntityFullName, TableMappingKind Kind, string? Name, string? Schema, SourceLocation? Location, string? Origin = null,
    ProviderCondition? When = null);

/// <summary>A model-changing statement the generator recognised but cannot evaluate, so names it reports may differ.</summary>
/// <param name="When">Set when the statement runs only for some database providers: dropped for a provider the
/// condition excludes (it does not run), kept otherwise.</param>
internal sealed record UnresolvedConfigurationSpec(string What, SourceLocation? Location, ProviderCondition? When = null);

/// <summary>Configuration that runs only for some database providers: every check must hold (<c>SqlServer</c>,
/// <c>!Sqlite</c>, <c>relational</c>, from <c>Database.IsSqlServer()</c>, <c>Database.ProviderName == "..."</c>,
/// <c>Database.IsRelational()</c>, negated by <c>!</c>, an <c>else</c> or an early exit; see <c>Parsing/ProviderChecks</c>).</summary>
/// <param name="Text">The condition as the code says it, for the report when the provider is not known.</param>
internal sealed record ProviderCondition(EquatableArray<string> Checks, string Text)
{
    /// <summary>Both conditions (configuration under <paramref name="inner"/> in a helper called under <paramref name="outer"/>).</summary>
    public static ProviderCondition And(ProviderCondition outer, ProviderCondition? inner) => inner is null ? outer
        : new ProviderCondition(outer.Checks.Concat(inner.Checks).Distinct().ToEquatableArray(), outer.Text + " and " + inner.Text);
}

/// <summary>A <c>HasDefaultSchema("...")</c> call with a constant schema, in the order the body makes them, with the
/// provider checks it runs under (<c>if (Database.IsSqlServer()) modelBuilder.HasDefaultSchema("app");</c>): the report
/// takes the last one that runs for the context's provider.</summary>
internal sealed record DefaultSchemaCall(string Schema, ProviderCondition? When, SourceLocation? Location);

/// <summary>An <c>ApplyConfiguration(new X())</c> that runs only for some providers (<c>if (Database.IsSqlServer())</c>, or
/// a helper called under such a check): the report applies X where the checks hold (Report/ProviderConditions).</summary>
internal sealed record ConditionalApply(string ConfigurationFullName, ProviderCondition When, SourceLocation? Location);

/// <summary>What a model-building body (OnModelCreating or an IEntityTypeConfiguration) says about tables.</summary>
internal sealed record ModelConfigurationSpec(
    EquatableArray<TableMappingSpec> Mappings,
    string? DefaultSchema,
    EquatableArray<string> AppliedConfigurations,
    bool AppliesConfigurationsFromAssembly,
    EquatableArray<UnresolvedConfigurationSpec> Unresolved,
    EquatableArray<FluentChainSpec> Chains,
    EquatableArray<DefaultSchemaCall> SchemaCalls = default,
    EquatableArray<ConditionalApply> ConditionalApplies = default)
{
    public static readonly ModelConfigurationSpec Empty = new(
        EquatableArray<TableMappingSpec>.Empty, null, EquatableArray<string>.Empty, false, EquatableArray<UnresolvedConfigurationSpec>.Empty, EquatableArray<FluentChainSpec>.Empty);

    /// <summary>Bodies that run one after the other (a base class's OnModelCreating, then the override): later ones win.</summary>
    public static ModelConfigurationSpec Merge(IEnumerable<ModelConfigurationSpec> parts)
    {
        var list = parts.ToList();
        if (list.Count == 0) return Empty;
        if (list.Count == 1) return list[0];
        return new ModelConfigurationSpec(
            list.SelectMany(p => p.Mappings).ToEquatableArray(),
            list.Select(p => p.DefaultSchema).LastOrDefault(s => s is not null),
            list.SelectMany(p => p.AppliedConfigurations).ToEquatableArray(),
            list.Any(p => p.AppliesConfigurationsFromAssembly),
            list.SelectMany(p => p.Unresolved).ToEquatableArray(),
            list.SelectMany(p => p.Chains).ToEquatableArray(),
            list.SelectMany(p => p.SchemaCalls).ToEquatableArray(),
            list.SelectMany(p => p.ConditionalApplies).ToEquatableArray());
    }
}

/// <summary>A class implementing <c>IEntityTypeConfiguration&lt;T&gt;</c>.</summary>
/// <param name="CanBeAppliedFromAssembly">False for abstract classes and classes without a parameterless constructor, which <c>ApplyConfigurationsFromAssembly</c> skips.</param>
/// <param name="ReachableTypes">The configured entity class and the classes reached from it (see <see cref="DbContextSpec.ReachableTypes"/>).</param>
internal sealed record EntityConfigurationSpec(
    string FullName,
    string EntityFullName,
    bool CanBeAppliedFromAssembly,
    ModelConfigurationSpec Model,
    EquatableArray<EntityTypeSpec> ReachableTypes,
    SourceLocation? Location);
