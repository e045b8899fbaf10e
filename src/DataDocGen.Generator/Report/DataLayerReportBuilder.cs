using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Schema;
using DataDocGen.Generator.Security;

namespace DataDocGen.Generator.Report;

/// <summary>Joins what the parsers found (contexts, entity configurations, registrations, appsettings files) into the report model.</summary>
internal static class DataLayerReportBuilder
{
    public static DataLayerReport Build(
        string projectName,
        IReadOnlyList<DbContextSpec> sourceContexts,
        IReadOnlyList<EntityConfigurationSpec> configurations,
        IReadOnlyList<RegistrationSpec> registrations,
        IReadOnlyList<AppSettingsSpec> appSettings,
        List<string> errors,
        IReadOnlyList<MigrationSnapshotSpec>? snapshots = null,
        IReadOnlyList<RawSqlSpec>? rawSql = null,
        IReadOnlyList<MigrationSpec>? migrations = null,
        IReadOnlyList<CallSiteSpec>? migrationApplications = null,
        IReadOnlyList<CacheResult>? caching = null,
        IReadOnlyList<TransactionSpec>? transactions = null,
        IReadOnlyList<QueryShapeSpec>? queryShapes = null,
        IReadOnlyList<SaveHookSpec>? saveHooks = null,
        IReadOnlyList<StoreResult>? stores = null,
        IReadOnlyList<CrudSpec>? crud = null,
        IReadOnlyList<RepositoryResult>? repositories = null,
        IReadOnlyList<ValidationResult>? validation = null,
        IReadOnlyList<SeedingSpec>? seeding = null,
        IReadOnlyList<SecuritySpec>? security = null,
        IReadOnlyList<MartenResult>? marten = null,
        IReadOnlyList<MessagingSpec>? messaging = null,
        IReadOnlyList<SqlScriptSpec>? sqlScripts = null,
        IReadOnlyList<SqlFactSpec>? sqlInCode = null,
        IReadOnlyList<DeclaredMemberSpec>? declaredMembers = null,
        IReadOnlyList<SpecificationSpec>? specifications = null,
        IReadOnlyList<IdentityStoreOptionSpec>? identityOptions = null,
        IReadOnlyList<OutputCacheSpec>? outputCache = null,
        IReadOnlyList<TransportSecuritySpec>? transportSecurity = null,
        IReadOnlyList<GenericRepositoryCallSpec>? genericRepositoryCalls = null,
        IReadOnlyList<BuiltOptionsSpec>? builtOptions = null,
        IReadOnlyList<ProviderCallSpec>? providerCalls = null)
    {
        var storeOptions = (identityOptions ?? new List<IdentityStoreOptionSpec>()).OrderBy(o => o.Location, LocationComparer.Instance).ToList();
        // Marten is a store like the others (AddMarten), holding documents; its event-sourcing facts go to section 5.
        var martenResults = marten ?? new List<MartenResult>();
        stores = (stores ?? new List<StoreResult>())
            .Concat(martenResults.Where(m => m.Store is not null).Select(m => new StoreResult(m.Store, null, null)))
            .Concat(martenResults.SelectMany(m => m.Objects).Select(o => new StoreResult(null, o, null)))
            .ToList();
        // Contexts declared here, plus contexts declared in referenced assemblies that this project registers.
        var contexts = new Dictionary<string, DbContextSpec>(StringComparer.Ordinal);
        foreach (var context in sourceContexts) contexts[context.FullName] = context;
        foreach (var registration in registrations)
        {
            if (registration.ExternalContext is { } external && !contexts.ContainsKey(external.FullName)) contexts.Add(external.FullName, external);
        }

        var settings = appSettings.OrderBy(a => a.Environment is null ? 0 : 1).ThenBy(a => a.Environment, StringComparer.Ordinal)
            .ThenBy(a => a.Path, StringComparer.Ordinal).ToList();

        // Run-time builders first: 1.1 lists a design-time factory's provider after the application's.
        var built = (builtOptions ?? new List<BuiltOptionsSpec>()).OrderBy(b => b.DesignTime).ThenBy(b => b.Location, LocationComparer.Instance).ToList();
        var unattributed = Unattributed(providerCalls ?? new List<ProviderCallSpec>(), contexts.Values, registrations, built);
        var reports = contexts.Values
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.FullName, StringComparer.Ordinal)
            .Select(c => BuildContext(c, configurations, registrations.Where(r => r.ContextFullName == c.FullName).OrderBy(r => r.Location, LocationComparer.Instance).ToList(),
                built.Where(b => b.ContextFullName == c.FullName).ToList(), unattributed, settings, storeOptions, errors))
            .Select(c => snapshots?.FirstOrDefault(s => s.ContextFullName == c.FullName) is { } snapshot ? c with { Snapshot = SnapshotComparison.Compare(c, snapshot) } : c)
            .ToEquatableArray();
        var sql = (rawSql ?? new List<RawSqlSpec>()).OrderBy(r => r.Location, LocationComparer.Instance).ThenBy(r => r.Api, StringComparer.Ordinal).ToEquatableArray();
        // Migrations in the order EF Core applies them: by id (its timestamp prefix), per context.
        // EF Core ids sort by their timestamp prefix; FluentMigrator versions are numbers (padded so 9 sorts before 10).
        var ordered = (migrations ?? new List<MigrationSpec>()).OrderBy(m => m.Tool, StringComparer.Ordinal).ThenBy(m => m.ContextFullName ?? "", StringComparer.Ordinal)
            .ThenBy(m => m.Tool == MigrationSpec.FluentMigrator ? m.Id.PadLeft(20, '0') : m.Id, StringComparer.Ordinal).ToEquatableArray();
        var calls = (migrationApplications ?? new List<CallSiteSpec>()).OrderBy(a => a.Location, LocationComparer.Instance).ToList();
        var applied = calls.Where(c => c.Method != "IgnoreQueryFilters")
            .Select(c => c.ScriptFolder is null ? c : c with { Scripts = DbUpScriptOrder.Find(c, sqlScripts ?? new List<SqlScriptSpec>()) })
            .ToEquatableArray();
        var bypasses = calls.Where(c => c.Method == "IgnoreQueryFilters").ToEquatableArray();
        var cacheProviders = (caching ?? new List<CacheResult>()).Select(c => c.Provider).Where(p => p is not null).Select(p => p!)
            .OrderBy(p => p.Location, LocationComparer.Instance).ToEquatableArray();
        var cacheUses = (caching ?? new List<CacheResult>()).SelectMany(c => (c.Use is null ? Enumerable.Empty<CacheUseSpec>() : new[] { c.Use }).Concat(c.Callbacks))
            .OrderBy(u => u.Location, LocationComparer.Instance).ToEquatableArray();
        var boundaries = (transactions ?? new List<TransactionSpec>()).OrderBy(t => t.Location, LocationComparer.Instance)
            .Select(t => t.DataSources.IsEmpty ? t : t with { DataSources = t.DataSources.Where(source => Enlists(source, reports)).ToEquatableArray() })
            .ToEquatableArray();
        var shapes = LazyLoopsThatLoadLazily(queryShapes ?? new List<QueryShapeSpec>(), reports)
            .OrderBy(q => q.Location, LocationComparer.Instance).ThenBy(q => q.Kind, StringComparer.Ordinal).ToEquatableArray();
        var hooks = (saveHooks ?? new List<SaveHookSpec>()).OrderBy(h => h.TypeName, StringComparer.Ordinal).ThenBy(h => h.Location, LocationComparer.Instance).ToEquatableArray();
        var storeReports = Stores((stores ?? new List<StoreResult>()).Select(s => s.Store).Where(s => s is not null).Select(s => s!), settings);
        var storeObjects = (stores ?? new List<StoreResult>()).SelectMany(s => s.Objects)
            .OrderBy(o => o.Store, StringComparer.Ordinal).ThenBy(o => o.Location, LocationComparer.Instance).ToEquatableArray();
        var crudRows = UntrackedUpdates.Drop(SoftDeletes.Mark(CrudMatrix.Build(crud ?? new List<CrudSpec>(), sql, reports, genericRepositoryCalls), hooks, contexts.Values, reports), reports);
        var registered = (repositories ?? new List<RepositoryResult>()).Select(r => r.Registration).Where(r => r is not null).Select(r => r!).ToList();
        var repositoryReports = (repositories ?? new List<RepositoryResult>()).Select(r => r.Repository).Where(r => r is not null).Select(r => r!)
            .OrderBy(r => r.FullName, StringComparer.Ordinal)
            .Select(r => new RepositoryReport(r, registered.Where(g => g.ImplementationFullName == r.FullName).OrderBy(g => g.Location, LocationComparer.Instance).ToEquatableArray()))
            .ToList();
        repositoryReports = WithSqlTables(SavingThroughBase(repositoryReports), sql);
        return new DataLayerReport(projectName, reports, sql, ordered, applied, cacheProviders, cacheUses, boundaries, bypasses, shapes, hooks, storeReports, storeObjects, crudRows, repositoryReports.ToEquatableArray(),
            (validation ?? new List<ValidationResult>()).Select(v => v.Validator).Where(v => v is not null).Select(v => v!)
                .OrderBy(v => v.Kind, StringComparer.Ordinal).ThenBy(v => v.Target, StringComparer.Ordinal).ThenBy(v => v.Location, LocationComparer.Instance).ToEquatableArray(),
            (validation ?? new List<ValidationResult>()).SelectMany(v => new[] { v.Property, v.Extra }).Where(p => p is not null).Select(p => p!)
                .OrderBy(p => p.TypeFullName, StringComparer.Ordinal).ThenBy(p => p.Location, LocationComparer.Instance).ToEquatableArray(),
            (seeding ?? new List<SeedingSpec>()).OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Kind, StringComparer.Ordinal).ToEquatableArray(),
            ProtectedPersonalDataInClear(security ?? new List<SecuritySpec>(), storeOptions).Concat(IdentityPersonalDataProtection(storeOptions))
                .OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Location, LocationComparer.Instance).ToEquatableArray(),
            martenResults.SelectMany(m => m.Configured).Concat(martenResults.Where(m => m.Event is not null).Select(m => m.Event!))
                .OrderBy(e => e.Location, LocationComparer.Instance).ThenBy(e => e.Kind, StringComparer.Ordinal).ToEquatableArray(),
            (messaging ?? new List<MessagingSpec>()).OrderBy(m => m.Location, LocationComparer.Instance).ThenBy(m => m.Kind, StringComparer.Ordinal).ToEquatableArray(),
            // The scripts' tables are assembled across scripts into ScriptTables; the scripts keep their summaries and facts.
            (sqlScripts ?? new List<SqlScriptSpec>()).OrderBy(s => s.Path, StringComparer.Ordinal)
                .Select(s => s with { Tables = EquatableArray<ScriptTableSpec>.Empty, TableChanges = EquatableArray<ScriptTableChangeSpec>.Empty }).ToEquatableArray(),
            (sqlScripts ?? new List<SqlScriptSpec>()).SelectMany(s => s.Facts).Concat(sqlInCode ?? new List<SqlFactSpec>())
                .Concat(NonBlockingIndexes(sourceContexts, configurations))
                .OrderBy(f => f.Location, LocationComparer.Instance).ThenBy(f => f.Fact, StringComparer.Ordinal).ToEquatableArray(),
            // Registrations of repositories declared in another project: a referencing host's report joins them.
            registered.Where(g => repositoryReports.All(r => r.Repository.FullName != g.ImplementationFullName))
                .OrderBy(g => g.Location, LocationComparer.Instance).ToEquatableArray(),
            (declaredMembers ?? new List<DeclaredMemberSpec>()).Distinct().OrderBy(m => m.TypeFullName, StringComparer.Ordinal)
                .ThenBy(m => m.Member, StringComparer.Ordinal).ThenBy(m => m.Location, LocationComparer.Instance).ToEquatableArray(),
            (specifications ?? new List<SpecificationSpec>()).OrderBy(s => s.ClassName, StringComparer.Ordinal).ToEquatableArray())
        {
            Guards = (validation ?? new List<ValidationResult>()).Select(v => v.Guard).Where(g => g is not null).Select(g => g!)
                .OrderBy(g => g.TypeFullName, StringComparer.Ordinal).ThenBy(g => g.Location, LocationComparer.Instance).ToEquatableArray(),
            Sanitisation = (validation ?? new List<ValidationResult>()).Select(v => v.Sanitisation).Where(s => s is not null).Select(s => s!)
                .OrderBy(s => s.TargetType, StringComparer.Ordinal).ThenBy(s => s.Location, LocationComparer.Instance).ToEquatableArray(),
            ValidationRuns = (validation ?? new List<ValidationResult>()).Select(v => v.Run).Where(r => r is not null).Select(r => r!)
                .OrderBy(r => r.Location, LocationComparer.Instance).ThenBy(r => r.Api, StringComparer.Ordinal).ToEquatableArray(),
            MartenTenancy = MartenTenancy(martenResults),
            OutputCache = OutputCacheGroups.Join(outputCache ?? new List<OutputCacheSpec>()).OrderBy(o => o.Location, LocationComparer.Instance).ThenBy(o => o.Kind, StringComparer.Ordinal).ToEquatableArray(),
            TransportSecurity = TransportSecurity(transportSecurity ?? new List<TransportSecuritySpec>(), settings),
            ScriptTables = ScriptTables.Assemble(sqlScripts ?? new List<SqlScriptSpec>()),
            UnmatchedSnapshots = SnapshotComparison.Unmatched(snapshots, contexts.Keys),
        };
    }

    /// <summary>Broker connections in transit: settings in code as they are; addresses and Service Bus connection strings
    /// classified per constant or per appsettings value of the configuration key they are read from (redacted first).</summary>
    private static EquatableArray<TransportSecurityReport> TransportSecurity(IReadOnlyList<TransportSecuritySpec> specs, IReadOnlyList<AppSettingsSpec> settings)
    {
        var rows = new List<TransportSecurityReport>();
        foreach (var spec in specs.OrderBy(s => s.Location, LocationComparer.Instance))
        {
            if (spec.Kind == TransportSecuritySpec.SettingKind)
            {
                rows.Add(new TransportSecurityReport(spec.Broker, spec.Client, spec.Setting ?? "", spec.Meaning ?? "", null, spec.Member, spec.Location));
                continue;
            }
            var serviceBus = spec.Kind == TransportSecuritySpec.ServiceBusConnection;
            var classified = 0;
            foreach (var source in spec.Connection)
            {
                if (source.Kind == ConnectionSourceKind.Literal)
                {
                    var row = Classify(spec, source.Value, serviceBus);
                    if (row is { } found) { rows.Add(new TransportSecurityReport(spec.Broker, spec.Client, found.Setting, found.Meaning, null, spec.Member, spec.Location)); classified++; }
                    continue;
                }
                if (source.ConfigurationKey is not { } key) continue;
                foreach (var file in settings)
                {
                    foreach (var value in file.Values.Where(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase)))
                    {
                        // Classified from the value as written (the redactor masks settings it does not know, such as the
                        // emulator's); only the redacted value is printed.
                        var row = Classify(spec, value.Value, serviceBus);
                        if (row is not { } found) continue;
                        var report = new ConnectionValueReport(key, file.Environment, file.Path, value.Line, value.Value is null ? null : ConnectionStringRedactor.Redact(value.Value));
                        rows.Add(new TransportSecurityReport(spec.Broker, spec.Client, found.Setting, found.Meaning, report, spec.Member, spec.Location));
                        classified++;
                    }
                }
            }
            // A Service Bus client whose connection string is not known here: still TLS, unless it is the emulator's.
            if (serviceBus && classified == 0)
            {
                var (setting, meaning) = TransportSecurityReader.ServiceBusConnection(null);
                rows.Add(new TransportSecurityReport(spec.Broker, spec.Client, setting, meaning, null, spec.Member, spec.Location));
            }
        }
        return rows.Distinct().ToEquatableArray();
    }

    private static (string Setting, string Meaning)? Classify(TransportSecuritySpec spec, string? value, bool serviceBus) =>
        value is null ? null
            : serviceBus ? TransportSecurityReader.ServiceBusConnection(value)
            : TransportSecurityReader.RabbitMqAddress(value, spec.Client, spec.AddressOnly);

    /// <summary>Marten tenancy facts, connection literals redacted; a document type used in many operations is kept once (its first site).</summary>
    private static EquatableArray<MartenTenancySpec> MartenTenancy(IReadOnlyList<MartenResult> results)
    {
        var all = results.SelectMany(r => r.Tenancy).OrderBy(t => t.Location, LocationComparer.Instance).ThenBy(t => t.Kind).ThenBy(t => t.How, StringComparer.Ordinal).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        return all.Where(t => t.Kind != MartenTenancyKind.DocumentUsed || used.Add(t.Subject!))
            .Select(t => t.Connection.IsEmpty ? t : t with { Connection = Safe(t.Connection) })
            .ToEquatableArray();
    }

    /// <summary>Whether an ambient transaction's data source can enlist: an EF Core context whose provider is SQLite
    /// (Microsoft.Data.Sqlite has no System.Transactions support), in-memory or Cosmos cannot.</summary>
    private static bool Enlists(AmbientDataSourceSpec source, EquatableArray<ContextReport> contexts) =>
        source.ContextFullName is null || !contexts.Any(c => c.FullName == source.ContextFullName && c.Provider is "Sqlite" or "InMemory" or "Cosmos");

    /// <summary>The provider calls attributed to no context: not in an <c>OnConfiguring</c> read for a context, a registration's
    /// options, or on an options builder made for a context (matched by location).</summary>
    private static EquatableArray<ProviderCallSpec> Unattributed(IReadOnlyList<ProviderCallSpec> calls, IEnumerable<DbContextSpec> contexts,
        IReadOnlyList<RegistrationSpec> registrations, IReadOnlyList<BuiltOptionsSpec> built)
    {
        if (calls.Count == 0) return EquatableArray<ProviderCallSpec>.Empty;
        var attributed = new HashSet<SourceLocation?>(contexts.SelectMany(c => c.ConfiguredProviders).Concat(registrations.SelectMany(r => r.Providers))
            .Concat(built.SelectMany(b => b.Providers)).Select(p => p.Location));
        return calls.Where(c => !attributed.Contains(c.Location)).Distinct().OrderBy(c => c.Location, LocationComparer.Instance).ToEquatableArray();
    }

    private static ContextReport BuildContext(DbContextSpec context, IReadOnlyList<EntityConfigurationSpec> configurations,
        IReadOnlyList<RegistrationSpec> registrations, IReadOnlyList<BuiltOptionsSpec> built, EquatableArray<ProviderCallSpec> unattributed,
        IReadOnlyList<AppSettingsSpec> settings, IReadOnlyList<IdentityStoreOptionSpec> identityOptions, List<string> errors)
    {
        var providers = context.ConfiguredProviders.Select(p => Provider(p, "OnConfiguring", settings))
            .Concat(registrations.SelectMany(r => r.Providers.Select(p => Provider(p, r.Method, settings) with { OptionsLifetime = r.OptionsLifetime })))
            .Concat(built.SelectMany(b => b.Providers.Select(p => Provider(p, b.Member, settings) with { Role = b.DesignTime ? ProviderRole.DesignTime : ProviderRole.Builder })))
            .ToEquatableArray();
        // A design-time factory's provider is what `dotnet ef` uses, not the application's: it decides no store type
        // (docs/architecture.md, "Providers chosen on an options builder").
        var distinctProviders = providers.Where(p => p.Role != ProviderRole.DesignTime).Select(p => p.Use.Provider).Distinct().ToList();
        var provider = distinctProviders.Count == 1 ? distinctProviders[0] : null;
        var isRelational = distinctProviders.Count == 0 || distinctProviders.Any(KnownProviders.IsRelational);
        // Options and hand-overs on the builders the code makes for the application count as the context's own.
        var runTimeBuilt = built.Where(b => !b.DesignTime).ToList();
        context = context with
        {
            ConfiguredOptions = context.ConfiguredOptions.Concat(runTimeBuilt.SelectMany(b => b.Options)).ToEquatableArray(),
            ConfiguredNotFollowed = context.ConfiguredNotFollowed.Concat(runTimeBuilt.SelectMany(b => b.NotFollowed)).ToEquatableArray(),
        };

        // Configuration that runs only for some providers (`if (Database.IsSqlServer())`), as it runs for this one.
        var providerUnknown = new List<UnresolvedConfigurationSpec>();
        context = ProviderConditions.Apply(context, provider, providerUnknown);
        // Configuration classes this context applies: by ApplyConfiguration, or all applicable ones from its own assembly.
        var applied = configurations.Where(c => context.Model.AppliedConfigurations.Contains(c.FullName)
                                               || (context.Model.AppliesConfigurationsFromAssembly && c.CanBeAppliedFromAssembly))
            .OrderBy(c => c.FullName, StringComparer.Ordinal)
            .Select(c => c with { Model = ProviderConditions.Apply(c.Model, provider, providerUnknown) }).ToList();
        // ASP.NET Core Identity's OnModelCreating, replayed from what DataDocGen knows of it (Schema/IdentityModel).
        var identity = context.Identity is { } identityBase ? IdentityModel.Configure(identityBase, identityOptions) : null;
        var fluent = IdentityModel.Splice(identity, applied.SelectMany(c => c.Model.Mappings), context.Model.Mappings.ToList());
        var defaultSchema = context.Model.DefaultSchema;

        var unknown = context.Model.Unresolved.Concat(applied.SelectMany(c => c.Model.Unresolved)).Concat(identity?.Unknown ?? new List<UnresolvedConfigurationSpec>())
            .Concat(providerUnknown).ToList();
        // Naming-convention plug-ins (EFCore.NamingConventions) rename tables, columns and constraints: applied when
        // the context uses exactly one known convention, else the names are withheld.
        NameRewriter? naming = null;
        var namingCalls = context.ConfiguredOptions.Concat(registrations.SelectMany(r => r.Options))
            .Where(o => o.Call.StartsWith("Use", StringComparison.Ordinal) && o.Call.Contains("NamingConvention(")).ToList();
        var rewriters = namingCalls.Select(o => NameRewriter.For(o)?.Convention).Distinct().ToList();
        if (rewriters.Count == 1 && rewriters[0] is not null)
        {
            naming = NameRewriter.For(namingCalls[0]);
        }
        else
        {
            foreach (var option in namingCalls)
            {
                unknown.Add(new UnresolvedConfigurationSpec("a naming-convention plug-in renames tables (`" + option.Call + "`)", option.Location));
            }
        }
        if (context.AssemblyName is not null)
        {
            unknown.Add(new UnresolvedConfigurationSpec("the context is compiled in `" + context.AssemblyName + "`, whose OnModelCreating cannot be read from this project", null));
        }

        SchemaResult schema;
        try
        {
            schema = SchemaBuilder.Build(context, applied, fluent, defaultSchema, provider, naming, identity);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The rest of the report stands; the schema is withheld and the failure becomes the DDG001 warning.
            errors.Add(Diagnostics.GeneratorFailure.Describe(exception));
            schema = new SchemaResult(new List<EntityReport>(), EquatableArray<TableReport>.Empty, EquatableArray<TableReport>.Empty,
                EquatableArray<RelationshipReport>.Empty, new List<UnresolvedConfigurationSpec> { new("DataDocGen failed while computing this context's schema (warning DDG001)", null) });
        }
        unknown.AddRange(schema.TableNamesUnknown); // a rename loop not applied: the names the entities show are not EF's
        var entities = schema.Entities.OrderBy(e => e.FullName, StringComparer.Ordinal).ToEquatableArray();
        var tables = EquatableArray<TableReport>.Empty;
        var views = EquatableArray<TableReport>.Empty;
        var relationships = EquatableArray<RelationshipReport>.Empty;
        var schemaUnknown = new List<UnresolvedConfigurationSpec>();
        if (unknown.Count == 0 && isRelational)
        {
            if (schema.Unknown.Count == 0)
            {
                (tables, views, relationships) = (schema.Tables, schema.Views, schema.Relationships);
            }
            else
            {
                // Table names are known, their detail is not: name the tables, say why the rest is missing.
                // With the tables EF adds itself (many-to-many joins, owned collections), which are no entity rows.
                tables = NamesOnly(entities.Where(e => e.Table is not null && !e.IsView).Concat(schema.AddedTables));
                views = NamesOnly(entities.Where(e => e.Table is not null && e.IsView));
                schemaUnknown = schema.Unknown;
            }
        }
        else if (!isRelational && schema.Unknown.Count == 0)
        {
            relationships = schema.Relationships;
        }

        // No provider anywhere in this project (a class library whose host registers the context): the schema is also
        // built for each provider whose type mappings DataDocGen knows, so that a referencing host's report, which
        // knows the provider, takes the matching one (ReportMerger) rather than this provider-neutral one.
        var variants = EquatableArray<ProviderSchemaReport>.Empty;
        if (distinctProviders.Count == 0 && unknown.Count == 0 && schema.Unknown.Count == 0)
        {
            variants = KnownProviders.WithStoreTypes.Select(p =>
            {
                var variant = SchemaBuilder.Build(context, applied, fluent, defaultSchema, p, naming, identity);
                return new ProviderSchemaReport(p, variant.Tables, variant.Views, variant.Relationships,
                    variant.Unknown.ToEquatableArray());
            }).ToEquatableArray();
        }

        // The report keeps registrations without what it never shows raw: their providers' connection literals are
        // redacted like the providers above, and the referenced assembly's context spec (read to build this report) is
        // dropped. Everything in the report may be written out (the fragment other projects merge holds it all).
        var safeRegistrations = registrations.Select(r => r with
        {
            Providers = r.Providers.Select(p => p with { Connection = Safe(p.Connection) }).ToEquatableArray(),
            ExternalContext = null,
        }).ToEquatableArray();
        return new ContextReport(context.Name, context.FullName, context.Location, context.AssemblyName, provider, providers,
            safeRegistrations, context.ConfiguredOptions, entities, tables, views, unknown.ToEquatableArray(),
            relationships, schemaUnknown.ToEquatableArray(), isRelational, Summary: context.Summary,
            Seeds: schema.Seeds.OrderBy(s => s.Entity, StringComparer.Ordinal).ThenBy(s => s.Location, LocationComparer.Instance).ToEquatableArray(),
            QueryFilters: schema.QueryFilters.OrderBy(f => f.Location, LocationComparer.Instance).ToEquatableArray(),
            ProviderVariants: variants, ConfiguredNotFollowed: context.ConfiguredNotFollowed,
            UnattributedProviderCalls: distinctProviders.Count == 0 ? unattributed : EquatableArray<ProviderCallSpec>.Empty,
            OwnedNavigations: schema.OwnedNavigations.ToEquatableArray());
    }

    private static EquatableArray<TableReport> NamesOnly(IEnumerable<EntityReport> entities) =>
        entities.GroupBy(e => (e.Schema, e.Table!))
            .Select(g => new TableReport(g.Key.Item2, g.Key.Schema, g.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
                EquatableArray<ColumnReport>.Empty, null, EquatableArray<ForeignKeyReport>.Empty, EquatableArray<IndexReport>.Empty,
                EquatableArray<KeyReport>.Empty, EquatableArray<CheckConstraintReport>.Empty))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Schema, StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>A navigation read on a loop variable is an N+1 risk only when it loads lazily: kept when lazy-loading proxies
    /// are configured (or the entity takes an ILazyLoader) and the declaring type is an entity of a context.</summary>
    private static IEnumerable<QueryShapeSpec> LazyLoopsThatLoadLazily(IReadOnlyList<QueryShapeSpec> shapes, EquatableArray<ContextReport> contexts)
    {
        // Entities of contexts that turn proxies on, in OnConfiguring or in their registration.
        var proxied = new HashSet<string>(contexts
            .Where(c => c.ConfiguredOptions.Concat(c.Registrations.SelectMany(r => r.Options)).Any(o => o.Call.StartsWith("UseLazyLoadingProxies", StringComparison.Ordinal)))
            .SelectMany(c => c.Entities.Select(e => e.FullName)), StringComparer.Ordinal);
        var entities = new HashSet<string>(contexts.SelectMany(c => c.Entities.Select(e => e.FullName)), StringComparer.Ordinal);
        var injected = new HashSet<string>(shapes.Where(s => s.Kind == "Lazy loading (ILazyLoader injected)" && s.Entity is not null).Select(s => s.Entity!), StringComparer.Ordinal);
        return shapes.Where(s => s.Kind != QueryShapeParser.LazyLoopKind
                                 || (s.Entity is not null && (proxied.Contains(s.Entity) || (injected.Contains(s.Entity) && entities.Contains(s.Entity)))));
    }

    /// <summary>Adds the tables a repository's own raw SQL names (a Dapper repository has no DbSet to name its entities).
    /// SQL sites know their member as <c>Type.Method</c>, so a repository is matched by its simple name, and only when
    /// no other repository shares it.</summary>
    /// <summary>A repository whose own code does not save, over a base repository of this project whose code does, saves
    /// through the members it inherits (Ombi's <c>Repository&lt;T&gt; : BaseRepository&lt;T, U&gt;</c> was "not known" beside a
    /// "yes" for its base). A base that does not save leaves it not known: its own base, or a base's partial parts, may.</summary>
    private static List<RepositoryReport> SavingThroughBase(List<RepositoryReport> repositories)
    {
        var byName = repositories.GroupBy(r => r.Repository.FullName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Repository, StringComparer.Ordinal);
        return repositories.Select(r =>
        {
            if (r.Repository.SavesChanges is not null) return r;
            // Up the chain of project repositories, a few steps at most (a cycle cannot compile, but stay finite).
            var current = r.Repository;
            for (var depth = 0; depth < 8 && current.BaseFullName is { } baseName && byName.TryGetValue(baseName, out var baseRepository); depth++)
            {
                if (baseRepository.SavesChanges == true)
                {
                    return r with { Repository = r.Repository with { SavesChanges = true, SavesThroughBase = baseRepository.SavesThroughBase ?? baseRepository.FullName } };
                }
                current = baseRepository;
            }
            return r;
        }).ToList();
    }

    private static List<RepositoryReport> WithSqlTables(List<RepositoryReport> repositories, EquatableArray<RawSqlSpec> sql)
    {
        static string SimpleName(string fullName)
        {
            var name = fullName.Split('<')[0];
            return name.Substring(name.LastIndexOf('.') + 1);
        }
        var unique = repositories.GroupBy(r => SimpleName(r.Repository.FullName)).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        return repositories.Select(r =>
        {
            var name = SimpleName(r.Repository.FullName);
            if (!unique.ContainsKey(name)) return r;
            var tables = sql.Where(s => s.Member.StartsWith(name + ".", StringComparison.Ordinal)).SelectMany(s => s.Tables)
                .Select(t => "table " + CrudMatrix.QualifiedName(t)).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
            return tables.Count == 0 ? r : r with { Repository = r.Repository with { Entities = r.Repository.Entities.Concat(tables).ToEquatableArray() } };
        }).ToList();
    }

    /// <summary>Stores grouped by what they are and where their connection comes from; each group lists every site.</summary>
    private static EquatableArray<StoreReport> Stores(IEnumerable<StoreSpec> stores, IReadOnlyList<AppSettingsSpec> settings) => stores
        .OrderBy(s => s.Location, LocationComparer.Instance)
        // The connection's own evidence differs per site; the group is the source it names (kind and value).
        .GroupBy(s => (s.Store, s.IsSql, s.Client, s.How, Connection: string.Join("\n", s.Connection.Select(c => c.Kind + ":" + c.Value))))
        .Select(g => new StoreReport(g.Key.Store, g.Key.IsSql, g.Key.Client, g.Key.How, Safe(g.First().Connection),
            g.Select(s => new StoreSite(s.Member, s.Location)).Distinct().ToEquatableArray(),
            ConnectionValues(g.First().Connection, settings)))
        .OrderBy(s => s.Store, StringComparer.Ordinal).ThenBy(s => s.Sites[0].Location, LocationComparer.Instance)
        .ToEquatableArray();

    /// <summary>A provider call with its connection sources made safe (literals redacted) and their appsettings values (redacted).</summary>
    private static ProviderReport Provider(ProviderUseSpec use, string origin, IReadOnlyList<AppSettingsSpec> settings) =>
        new(use with { Connection = Safe(use.Connection) }, origin, ConnectionValues(use.Connection, settings));

    private static EquatableArray<ConnectionSourceSpec> Safe(EquatableArray<ConnectionSourceSpec> sources) => sources
        .Select(s => s.Kind == ConnectionSourceKind.Literal ? s with { Value = ConnectionStringRedactor.Redact(s.Value ?? string.Empty) } : s)
        .ToEquatableArray();

    /// <summary>The appsettings values (redacted) of the configuration keys the sources read.</summary>
    private static EquatableArray<ConnectionValueReport> ConnectionValues(EquatableArray<ConnectionSourceSpec> sources, IReadOnlyList<AppSettingsSpec> settings)
    {
        var values = new List<ConnectionValueReport>();
        foreach (var source in sources)
        {
            if (source.ConfigurationKey is not { } key) continue;
            foreach (var file in settings)
            {
                foreach (var value in file.Values)
                {
                    if (string.Equals(value.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        values.Add(new ConnectionValueReport(key, file.Environment, file.Path, value.Line,
                            value.Value is null ? null : ConnectionStringRedactor.Redact(value.Value)));
                    }
                }
            }
        }
        return values.ToEquatableArray();
    }

    /// <summary>Identity's <c>ProtectPersonalData = true</c>: its <c>OnModelCreating</c> gives every string property marked
    /// <c>[ProtectedPersonalData]</c> of the user and token types a value converter through <c>IPersonalDataProtector</c>
    /// (Identity 10, <c>IdentityUserContext.OnModelCreatingVersion1/2/3</c>): encryption at the field level.</summary>
    /// <summary>Identity encrypts <c>[ProtectedPersonalData]</c> only when its <c>ProtectPersonalData</c> store option is on:
    /// without it in this project's code, each such property says it is stored as it is.</summary>
    private static IEnumerable<SecuritySpec> ProtectedPersonalDataInClear(IEnumerable<SecuritySpec> security, IReadOnlyList<IdentityStoreOptionSpec> storeOptions)
    {
        var protecting = storeOptions.Any(o => o.Option == "ProtectPersonalData" && o.Value == "true");
        return security.Select(s => s.Kind == "protected personal data" && s.Detail is null && !protecting
            ? s with { Detail = "stored unencrypted: Identity's `ProtectPersonalData` store option is not turned on in this project's code" }
            : s);
    }

    private static IEnumerable<SecuritySpec> IdentityPersonalDataProtection(IReadOnlyList<IdentityStoreOptionSpec> storeOptions) =>
        storeOptions.Where(o => o.Option == "ProtectPersonalData" && o.Value == "true").Select(o => new SecuritySpec(
            "encrypted property", "[ProtectedPersonalData] properties of Identity's user and token types",
            "Identity's `ProtectPersonalData` store option: stored through a value converter calling `IPersonalDataProtector`",
            "Identity store options", o.Location));

    /// <summary>EF Core's <c>IsCreatedOnline()</c> (SQL Server) and <c>IsCreatedConcurrently()</c> (Npgsql) on an index in the
    /// fluent model: the migration that creates the index builds it without blocking writes (a zero-downtime practice,
    /// listed with the SQL ones in section 3.1). Every step after <c>HasIndex</c> in a chain is on its index builder.</summary>
    private static IEnumerable<SqlFactSpec> NonBlockingIndexes(IReadOnlyList<DbContextSpec> contexts, IReadOnlyList<EntityConfigurationSpec> configurations)
    {
        var chains = contexts.SelectMany(c => c.Model.Chains.Select(chain => (Source: c.Name, Chain: chain)))
            .Concat(configurations.SelectMany(c => c.Model.Chains.Select(chain => (Source: c.FullName.Substring(c.FullName.LastIndexOf('.') + 1), Chain: chain))));
        foreach (var (source, chain) in chains)
        {
            // A chain for some providers only (`if (Database.IsSqlServer())`) is not evaluated here: left out.
            if (chain.Root != FluentRoot.Entity || chain.Entity is null || chain.When is not null) continue;
            for (var i = 0; i < chain.Steps.Count; i++)
            {
                if (chain.Steps[i].Method != "HasIndex") continue;
                var index = IndexText(chain.Entity, chain.Steps[i]);
                for (var j = i + 1; j < chain.Steps.Count && chain.Steps[j].Method != "HasIndex"; j++)
                {
                    var step = chain.Steps[j];
                    var how = step.Method switch
                    {
                        "IsCreatedOnline" => "created online (IsCreatedOnline(), SQL Server)",
                        "IsCreatedConcurrently" => "created concurrently (IsCreatedConcurrently(), PostgreSQL)",
                        _ => null,
                    };
                    if (how is not null && step.Argument(0) is null or "true") yield return new SqlFactSpec("deployment", index + " " + how, source, step.Location);
                }
            }
        }
    }

    /// <summary><c>index on Order (Date, Status)</c>, from <c>HasIndex</c>'s members or names.</summary>
    private static string IndexText(string entity, FluentStepSpec hasIndex) =>
        "index on " + entity.Substring(entity.LastIndexOf('.') + 1) + " (" + (ChainInterpreter.Members(hasIndex) is { } names ? string.Join(", ", names) : "…") + ")";
}

/// <summary>Orders locations by path then line, ordinally, so output does not depend on the order files were compiled in.</summary>
internal sealed class LocationComparer : IComparer<SourceLocation?>
{
    public static readonly LocationComparer Instance = new();

    public int Compare(SourceLocation? x, SourceLocation? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var byPath = string.CompareOrdinal(x.Path, y.Path);
        return byPath != 0 ? byPath : x.Line.CompareTo(y.Line);
    }
}
