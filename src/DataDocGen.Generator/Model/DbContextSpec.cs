using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>An entity type as the DbContext declares it, with what decides its table by EF Core's rules.</summary>
/// <param name="BaseTypes">Full names of the CLR base types, nearest first (used to find TPH/TPT/TPC roots).</param>
/// <param name="TableAttribute">The <c>[Table]</c> attribute's table and schema, when present.</param>
internal sealed record EntityTypeSpec(
    string FullName,
    string Name,
    bool IsAbstract,
    EquatableArray<string> BaseTypes,
    TableMappingSpec? TableAttribute,
    SourceLocation? Location);

/// <summary>A <c>DbSet&lt;T&gt;</c> property.</summary>
internal sealed record DbSetSpec(string PropertyName, EntityTypeSpec Entity, SourceLocation? Location);

/// <summary>A DbContext with what its own code says about the data layer.</summary>
/// <param name="AssemblyName">Set when the context was read from a referenced assembly, not from source.</param>
/// <param name="ConfiguredProviders">Provider calls in <c>OnConfiguring</c>.</param>
/// <param name="Model">What <c>OnModelCreating</c> says about tables.</param>
internal sealed record DbContextSpec(
    string Name,
    string FullName,
    SourceLocation? Location,
    string? AssemblyName,
    EquatableArray<DbSetSpec> DbSets,
    EquatableArray<ProviderUseSpec> ConfiguredProviders,
    EquatableArray<OptionCallSpec> ConfiguredOptions,
    ModelConfigurationSpec Model);
