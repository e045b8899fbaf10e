using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

// The resolved, render-ready model: what the report says, with its evidence. Built from the parsed specs by
// DataLayerReportBuilder; read by the markdown and JSON emitters. Value equality keeps the render step cached.

internal sealed record DataLayerReport(
    string ProjectName,
    EquatableArray<ContextReport> Contexts,
    EquatableArray<RawSqlSpec> RawSql = default,
    EquatableArray<MigrationSpec> Migrations = default,
    EquatableArray<CallSiteSpec> MigrationApplications = default,
    EquatableArray<CacheProviderSpec> CacheProviders = default,
    EquatableArray<CacheUseSpec> CacheUses = default,
    EquatableArray<TransactionSpec> Transactions = default,
    EquatableArray<CallSiteSpec> FilterBypasses = default,
    EquatableArray<QueryShapeSpec> QueryShapes = default,
    EquatableArray<SaveHookSpec> SaveHooks = default,
    EquatableArray<StoreReport> Stores = default,
    EquatableArray<StoreObjectSpec> StoreObjects = default,
    EquatableArray<CrudSpec> Crud = default,
    EquatableArray<RepositoryReport> Repositories = default,
    EquatableArray<ValidatorSpec> Validators = default,
    EquatableArray<AnnotatedPropertySpec> AnnotatedProperties = default,
    EquatableArray<SeedingSpec> Seeding = default,
    EquatableArray<SecuritySpec> Security = default,
    EquatableArray<EventSourcingSpec> EventSourcing = default,
    EquatableArray<MessagingSpec> Messaging = default,
    EquatableArray<SqlScriptSpec> SqlScripts = default,
    EquatableArray<SqlFactSpec> SqlFacts = default,
    EquatableArray<ServiceRegistrationSpec> UnmatchedRegistrations = default,
    EquatableArray<DeclaredMemberSpec> DeclaredMembers = default,
    EquatableArray<SpecificationSpec> Specifications = default,
    EquatableArray<BackgroundJobReport> BackgroundJobs = default,
    EquatableArray<GuardSpec> Guards = default,
    EquatableArray<SanitisationSpec> Sanitisation = default,
    EquatableArray<ValidationRunSpec> ValidationRuns = default,
    EquatableArray<TenancySpec> Tenancy = default,
    EquatableArray<MartenTenancySpec> MartenTenancy = default,
    EquatableArray<EventReplaySpec> EventReplays = default,
    EquatableArray<BrokerMessageSpec> BrokerMessages = default,
    EquatableArray<OutputCacheSpec> OutputCache = default,
    EquatableArray<OrchestrationReport> Orchestrations = default,
    EquatableArray<CommandTimeoutSpec> CommandTimeouts = default,
    EquatableArray<TransportSecurityReport> TransportSecurity = default,
    EquatableArray<ScriptTableSpec> ScriptTables = default,
    EquatableArray<LibrarySchemaSpec> LibrarySchemas = default,
    EquatableArray<QueryBuilderSpec> QueryBuilders = default,
    EquatableArray<TransitClientSpec> TransitClients = default,
    EquatableArray<TlsInCodeSpec> TlsInCode = default,
    EquatableArray<Linq2DbTableSpec> Linq2DbTables = default,
    EquatableArray<SnapshotReport> UnmatchedSnapshots = default)
{
    public bool IsEmpty => Contexts.IsEmpty && UnmatchedSnapshots.IsEmpty && BackgroundJobs.IsEmpty && Orchestrations.IsEmpty && Tenancy.IsEmpty && MartenTenancy.IsEmpty && Specifications.IsEmpty && SqlScripts.IsEmpty && ScriptTables.IsEmpty && Linq2DbTables.IsEmpty && SqlFacts.IsEmpty && Messaging.IsEmpty && BrokerMessages.IsEmpty && EventSourcing.IsEmpty && Security.IsEmpty && TransportSecurity.IsEmpty && Seeding.IsEmpty && Crud.IsEmpty && Repositories.IsEmpty && Validators.IsEmpty && AnnotatedProperties.IsEmpty && Guards.IsEmpty && Sanitisation.IsEmpty && ValidationRuns.IsEmpty && Stores.IsEmpty && StoreObjects.IsEmpty && CommandTimeouts.IsEmpty && LibrarySchemas.IsEmpty && QueryBuilders.IsEmpty && RawSql.IsEmpty && Migrations.IsEmpty && MigrationApplications.IsEmpty && CacheProviders.IsEmpty && CacheUses.IsEmpty && OutputCache.IsEmpty && Transactions.IsEmpty && QueryShapes.IsEmpty && SaveHooks.IsEmpty;
}

/// <param name="Provider">The single provider DATA_LAYER.json names; null when none or several are configured.</param>
/// <param name="TablesUnknownBecause">Set when table names cannot be stated (the reasons, with their evidence).</param>
/// <param name="ConfiguredOptions">Option calls in <c>OnConfiguring</c> and on options builders the code makes for the
/// context at run time (<see cref="Model.BuiltOptionsSpec"/>; a design-time factory's are left out).</param>
/// <param name="ConfiguredNotFollowed">Calls in <c>OnConfiguring</c>, and on run-time options builders the code makes for
/// the context, that hand the options builder to code not followed.</param>
/// <param name="UnattributedProviderCalls">Provider calls of the project DataDocGen attributes to no context (kept when this
/// context has no run-time provider): the provider may be chosen there, so "no provider is chosen" would be false.</param>
/// <param name="OwnedNavigations">The model's navigations to owned types (<see cref="Schema.SchemaResult.OwnedNavigations"/>).</param>
internal sealed record ContextReport(
    string Name,
    string FullName,
    SourceLocation? Location,
    string? AssemblyName,
    string? Provider,
    EquatableArray<ProviderReport> Providers,
    EquatableArray<RegistrationSpec> Registrations,
    EquatableArray<OptionCallSpec> ConfiguredOptions,
    EquatableArray<EntityReport> Entities,
    EquatableArray<TableReport> Tables,
    EquatableArray<TableReport> Views,
    EquatableArray<UnresolvedConfigurationSpec> TablesUnknownBecause,
    EquatableArray<RelationshipReport> Relationships,
    EquatableArray<UnresolvedConfigurationSpec> SchemaUnknownBecause,
    bool IsRelational,
    SnapshotReport? Snapshot = null,
    string? Summary = null,
    EquatableArray<SeedReport> Seeds = default,
    EquatableArray<QueryFilterReport> QueryFilters = default,
    EquatableArray<ProviderSchemaReport> ProviderVariants = default,
    EquatableArray<OptionCallSpec> ConfiguredNotFollowed = default,
    EquatableArray<ProviderCallSpec> UnattributedProviderCalls = default,
    EquatableArray<OwnedNavigationReport> OwnedNavigations = default)
{
    /// <summary>The providers chosen for the application at run time: all but a design-time factory's.</summary>
    public IReadOnlyList<ProviderReport> RunTimeProviders => Providers.Where(p => p.Role != ProviderRole.DesignTime).ToList();

    /// <summary>The providers a design-time factory (<c>IDesignTimeDbContextFactory&lt;T&gt;</c>) chooses for <c>dotnet ef</c>.</summary>
    public IReadOnlyList<ProviderReport> DesignTimeProviders => Providers.Where(p => p.Role == ProviderRole.DesignTime).ToList();

    /// <summary>The calls, in <c>OnConfiguring</c> and in registrations, that hand the options builder to code DataDocGen
    /// does not follow: the provider and options may be set there.</summary>
    public IReadOnlyList<OptionCallSpec> OptionsNotFollowed =>
        ConfiguredNotFollowed.Concat(Registrations.SelectMany(r => r.NotFollowed)).Distinct().ToList();
}

/// <summary>The schema as one provider would map it, kept (never rendered) when the project that declares a context
/// chooses no provider: a referencing project that registers the context with a known provider uses it.</summary>
internal sealed record ProviderSchemaReport(
    string Provider,
    EquatableArray<TableReport> Tables,
    EquatableArray<TableReport> Views,
    EquatableArray<RelationshipReport> Relationships,
    EquatableArray<UnresolvedConfigurationSpec> SchemaUnknownBecause);

/// <summary>A global query filter: on one entity (<c>HasQueryFilter</c>), or applied in code to entity types chosen at run
/// time (<c>Entity</c> null: a loop calling <c>SetQueryFilter</c>/<c>HasQueryFilter</c>).</summary>
internal sealed record QueryFilterReport(string? Entity, string? Filter, SourceLocation? Location);

/// <summary>Rows seeded with <c>HasData</c> for an entity type: the count when the call shows it, else null.</summary>
internal sealed record SeedReport(string Entity, int? Rows, SourceLocation? Location);

/// <summary>The context's migrations model snapshot and how the current model compares with it.</summary>
/// <param name="PendingChanges">Tables and columns in the model and not in the snapshot, or the reverse, and columns and
/// primary keys that differ: changes no migration captures yet.</param>
/// <param name="NotComparedBecause">Why no comparison was made (empty when <see cref="PendingChanges"/> is meaningful).</param>
/// <param name="Compared">What was compared (markdown), e.g. "table and column names".</param>
/// <param name="NotCompared">What the model states and was not compared, with why (markdown): a change there would not show.</param>
/// <param name="ContextFullName">The context its <c>[DbContext]</c> names, for a snapshot no context of the report holds
/// (<see cref="DataLayerReport.UnmatchedSnapshots"/>); null on a context's own snapshot.</param>
internal sealed record SnapshotReport(
    string FullName,
    SourceLocation? Location,
    string? ProductVersion,
    EquatableArray<string> PendingChanges,
    EquatableArray<string> NotComparedBecause,
    EquatableArray<string> Compared = default,
    EquatableArray<string> NotCompared = default,
    string? ContextFullName = null);

/// <summary>A provider call and where it sits: in <c>OnConfiguring</c>, in a registration (named by <see cref="Origin"/>),
/// or on an options builder the code makes (<see cref="Origin"/> is the member that makes it, <see cref="Role"/> says so).</summary>
/// <param name="OptionsLifetime">The options' lifetime a registration passes (<see cref="Model.RegistrationSpec.OptionsLifetime"/>).</param>
internal sealed record ProviderReport(ProviderUseSpec Use, string Origin, EquatableArray<ConnectionValueReport> Values, string? OptionsLifetime = null,
    ProviderRole Role = ProviderRole.Configured);

/// <summary>Where a provider is chosen, for what the report says of it.</summary>
internal enum ProviderRole
{
    /// <summary>In <c>OnConfiguring</c> or a registration's options.</summary>
    Configured,

    /// <summary>On an options builder the code makes for the context (<c>new DbContextOptionsBuilder&lt;T&gt;()</c>).</summary>
    Builder,

    /// <summary>On an options builder made in a design-time factory: what <c>dotnet ef</c> uses, not the application.</summary>
    DesignTime,
}

/// <summary>A store opened outside EF Core, once per distinct client and connection source, with every place it is opened.</summary>
internal sealed record StoreReport(
    string Store,
    bool IsSql,
    string Client,
    string How,
    EquatableArray<ConnectionSourceSpec> Connection,
    EquatableArray<StoreSite> Sites,
    EquatableArray<ConnectionValueReport> Values);

internal sealed record StoreSite(string Member, SourceLocation? Location);

/// <summary>A repository or unit of work with the registrations whose implementation it is.</summary>
internal sealed record RepositoryReport(RepositorySpec Repository, EquatableArray<ServiceRegistrationSpec> Registrations);

/// <summary>A configuration value a connection string resolves to in one appsettings file.</summary>
internal sealed record ConnectionValueReport(string Key, string? Environment, string FilePath, int Line, string? RedactedValue);

internal enum TableEvidenceKind { DbSetConvention, ClassNameConvention, TableAttribute, FluentApi, HierarchyRoot, NoTable, Unknown }

/// <summary>One entity type of a context and the table (or view) EF Core maps it to.</summary>
internal sealed record EntityReport(
    string FullName,
    string? DbSetName,
    SourceLocation? DbSetLocation,
    string? Table,
    string? Schema,
    bool IsView,
    TableEvidenceKind Evidence,
    SourceLocation? EvidenceLocation,
    string? EvidenceNote);

/// <summary>A table or view with its schema as EF Core would create it. The detail lists are empty when
/// <see cref="ContextReport.SchemaUnknownBecause"/> says the context's schema could not be computed.</summary>
internal sealed record TableReport(
    string Name,
    string? Schema,
    EquatableArray<string> Entities,
    EquatableArray<ColumnReport> Columns,
    KeyReport? PrimaryKey,
    EquatableArray<ForeignKeyReport> ForeignKeys,
    EquatableArray<IndexReport> Indexes,
    EquatableArray<KeyReport> UniqueConstraints,
    EquatableArray<CheckConstraintReport> CheckConstraints)
{
    public string QualifiedName => Schema is null ? Name : Schema + "." + Name;
}

/// <param name="Origin">What the column comes from: a property (<c>Order.CustomerId</c>), or a shadow or discriminator column.</param>
/// <param name="ConfiguredBy">The attributes and calls that set its facets (<c>[MaxLength(50)]</c>, <c>HasMaxLength(50)</c>...), with their lines.</param>
/// <param name="EnumMembers">For a property of an enum declared in the source of the project that declares the entity,
/// the enum's members' names (never rendered; read by <see cref="OutboxTables"/>); empty otherwise.</param>
internal sealed record ColumnReport(string Name, string ClrType, bool Nullable, int? MaxLength, string? StoreType, string Origin, SourceLocation? Location,
    EquatableArray<EvidenceReport> ConfiguredBy = default, EquatableArray<string> EnumMembers = default);

/// <summary>A piece of configuration and where it is.</summary>
/// <param name="What">The code; for calls made by library code (ASP.NET Core Identity), followed by <see cref="OriginSeparator"/>
/// and a markdown note saying where they come from (<see cref="Location"/> then points at the user's code that brings them in).</param>
internal sealed record EvidenceReport(string What, SourceLocation? Location)
{
    public const string OriginSeparator = "\u001F";

    public string Code => What.IndexOf(OriginSeparator, System.StringComparison.Ordinal) is var at and >= 0 ? What.Substring(0, at) : What;

    public string? Origin => What.IndexOf(OriginSeparator, System.StringComparison.Ordinal) is var at and >= 0 ? What.Substring(at + OriginSeparator.Length) : null;
}

internal sealed record KeyReport(string Name, EquatableArray<string> Columns, SourceLocation? Location);

internal sealed record ForeignKeyReport(string Name, EquatableArray<string> Columns, string PrincipalTable, EquatableArray<string> PrincipalColumns, string OnDelete, SourceLocation? Location);

internal sealed record IndexReport(string Name, EquatableArray<string> Columns, bool Unique, string? Filter, SourceLocation? Location);

internal sealed record CheckConstraintReport(string Name, string Sql, SourceLocation? Location);

/// <summary>A navigation of an entity type to an owned type, by its path from the owner (<c>Address</c>, <c>Address.Geo</c>):
/// EF Core loads it with the owner. Kept when the context's schema is withheld (the configuration states it).</summary>
internal sealed record OwnedNavigationReport(string Owner, string Path);

internal sealed record RelationshipReport(
    string Principal,
    string Dependent,
    string Cardinality,
    string? PrincipalNavigation,
    string? DependentNavigation,
    bool Required,
    string? JoinTable,
    string DeleteBehavior,
    SourceLocation? Location,
    bool IsOwnership = false);

/// <summary>A broker connection's protection in transit, from code or from one appsettings value (<see cref="Value"/>).</summary>
/// <param name="Setting">The setting shown (<c>SaslSsl</c>, <c>UseSsl</c>, a redacted address).</param>
/// <param name="Meaning">What it means in transit (TLS, not encrypted, the emulator).</param>
/// <param name="Value">The appsettings value the row reads, when it comes from configuration.</param>
internal sealed record TransportSecurityReport(
    string Broker,
    string Client,
    string Setting,
    string Meaning,
    ConnectionValueReport? Value,
    string Member,
    SourceLocation? Location);
