using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A <c>DbSet&lt;T&gt;</c> property.</summary>
/// <remarks>The entity class itself is read once, into <see cref="DbContextSpec.ReachableTypes"/>.</remarks>
internal sealed record DbSetSpec(string PropertyName, string EntityFullName, SourceLocation? Location);

/// <summary>A DbContext with what its own code says about the data layer.</summary>
/// <param name="AssemblyName">Set when the context was read from a referenced assembly, not from source.</param>
/// <param name="ConfiguredProviders">Provider calls in <c>OnConfiguring</c>.</param>
/// <param name="ReachableTypes">The DbSet types and every class reached from them through navigations, read once
/// for the schema (properties, navigations, attributes).</param>
/// <param name="Model">What <c>OnModelCreating</c> says about the model.</param>
/// <param name="Identity">The ASP.NET Core Identity base whose OnModelCreating runs for this context, when it has one.</param>
/// <param name="Summary">The class's XML documentation summary: its purpose in the code's own words.</param>
/// <param name="EfCoreMajorVersion">The major version of the EF Core assembly <c>DbContext</c> comes from (0 when unknown):
/// a few schema facts depend on it (EF Core 8 and 9 refuse optional complex properties).</param>
/// <param name="ConfiguredNotFollowed">Calls in <c>OnConfiguring</c> that hand the options builder to code DataDocGen does
/// not follow (<c>Parsing/OptionsBuilderParser</c>).</param>
internal sealed record DbContextSpec(
    string Name,
    string FullName,
    SourceLocation? Location,
    string? AssemblyName,
    EquatableArray<DbSetSpec> DbSets,
    EquatableArray<EntityTypeSpec> ReachableTypes,
    EquatableArray<ProviderUseSpec> ConfiguredProviders,
    EquatableArray<OptionCallSpec> ConfiguredOptions,
    ModelConfigurationSpec Model,
    IdentityContextSpec? Identity = null,
    string? Summary = null,
    int EfCoreMajorVersion = 0,
    EquatableArray<OptionCallSpec> ConfiguredNotFollowed = default);
