using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The whole-solution report: this project's report merged with the fragments of the projects it references (each
/// fragment holds only its own project's facts, so a project referenced twice is merged once). Facts keep their own
/// locations; the renderer makes every link relative to this report's folder.
/// A context declared in a referenced project and registered here becomes one context: the declaring project's model
/// (entities, tables, relationships) with this project's registrations, providers and options. When the provider
/// becomes known only here and is not relational, the tables the declaring project assumed are dropped.
/// </summary>
internal static class ReportMerger
{
    public static DataLayerReport Merge(DataLayerReport own, IReadOnlyList<DataLayerReport> referenced)
    {
        if (referenced.Count == 0) return own;
        var all = referenced.Append(own).ToList();
        var members = referenced.SelectMany(r => r.DeclaredMembers).ToList();
        var (contexts, unmatched) = WithUnmatchedSnapshots(Contexts(all), all);
        return own with
        {
            Contexts = contexts.Select(c => WithMemberLocations(c, members)).ToEquatableArray(),
            UnmatchedSnapshots = unmatched,
            RawSql = Concat(all, r => r.RawSql, s => s.Location),
            Migrations = all.SelectMany(r => r.Migrations).Distinct().ToEquatableArray(),
            MigrationApplications = Concat(all, r => r.MigrationApplications, c => c.Location),
            CacheProviders = Concat(all, r => r.CacheProviders, c => c.Location),
            CacheUses = Concat(all, r => r.CacheUses, c => c.Location),
            OutputCache = Concat(all, r => r.OutputCache, o => o.Location),
            Transactions = Concat(all, r => r.Transactions, t => t.Location),
            FilterBypasses = Concat(all, r => r.FilterBypasses, c => c.Location),
            QueryShapes = Concat(all, r => r.QueryShapes, q => q.Location),
            SaveHooks = Concat(all, r => r.SaveHooks, h => h.Location),
            Stores = all.SelectMany(r => r.Stores).Distinct().OrderBy(s => s.Store, StringComparer.Ordinal).ThenBy(s => s.Sites.IsEmpty ? null : s.Sites[0].Location, LocationComparer.Instance).ToEquatableArray(),
            StoreObjects = all.SelectMany(r => r.StoreObjects).Distinct().OrderBy(o => o.Store, StringComparer.Ordinal).ThenBy(o => o.Location, LocationComparer.Instance).ToEquatableArray(),
            // A context's options may turn tracking off in the host: the updates another project claimed through it go.
            Crud = UntrackedUpdates.Drop(all.SelectMany(r => r.Crud).Distinct().OrderBy(r => r.Target).ThenBy(r => r.Entity, StringComparer.Ordinal).ThenBy(r => r.Store ?? "", StringComparer.Ordinal).ThenBy(r => r.Operation)
                .ThenBy(r => r.Location, LocationComparer.Instance).ThenBy(r => r.Api, StringComparer.Ordinal).ToEquatableArray(), contexts),
            Repositories = Repositories(all),
            UnmatchedRegistrations = all.SelectMany(r => r.UnmatchedRegistrations).Distinct()
                .Where(g => all.SelectMany(r => r.Repositories).All(r => r.Repository.FullName != g.ImplementationFullName))
                .OrderBy(g => g.Location, LocationComparer.Instance).ToEquatableArray(),
            Validators = all.SelectMany(r => r.Validators).Distinct().OrderBy(v => v.Kind, StringComparer.Ordinal).ThenBy(v => v.Target, StringComparer.Ordinal)
                .ThenBy(v => v.Location, LocationComparer.Instance).ToEquatableArray(),
            AnnotatedProperties = all.SelectMany(r => r.AnnotatedProperties).Distinct().OrderBy(p => p.TypeFullName, StringComparer.Ordinal)
                .ThenBy(p => p.Location, LocationComparer.Instance).ToEquatableArray(),
            Guards = all.SelectMany(r => r.Guards).Distinct().OrderBy(g => g.TypeFullName, StringComparer.Ordinal).ThenBy(g => g.Location, LocationComparer.Instance).ToEquatableArray(),
            Sanitisation = all.SelectMany(r => r.Sanitisation).Distinct().OrderBy(s => s.TargetType, StringComparer.Ordinal).ThenBy(s => s.Location, LocationComparer.Instance).ToEquatableArray(),
            ValidationRuns = all.SelectMany(r => r.ValidationRuns).Distinct().OrderBy(r => r.Location, LocationComparer.Instance).ThenBy(r => r.Api, StringComparer.Ordinal).ToEquatableArray(),
            Seeding = Concat(all, r => r.Seeding, s => s.Location),
            Security = all.SelectMany(r => r.Security).Distinct().OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.Location, LocationComparer.Instance).ToEquatableArray(),
            EventSourcing = Concat(all, r => r.EventSourcing, e => e.Location),
            Messaging = Concat(all, r => r.Messaging, m => m.Location),
            BrokerMessages = Concat(all, r => r.BrokerMessages, m => m.Location),
            CommandTimeouts = Concat(all, r => r.CommandTimeouts, t => t.Location),
            LibrarySchemas = Concat(all, r => r.LibrarySchemas, s => s.Location),
            QueryBuilders = Concat(all, r => r.QueryBuilders, q => q.Location),
            Linq2DbTables = Concat(all, r => r.Linq2DbTables, t => t.EntityLocation),
            TransportSecurity = Concat(all, r => r.TransportSecurity, t => t.Location),
            SqlScripts = all.SelectMany(r => r.SqlScripts).Distinct().OrderBy(s => s.Path, StringComparer.Ordinal).ToEquatableArray(),
            SqlFacts = Concat(all, r => r.SqlFacts, f => f.Location),
            // Each project's scripts were assembled with that project's own later scripts; not joined across projects.
            ScriptTables = Concat(all, r => r.ScriptTables, t => t.Location),
            Specifications = all.SelectMany(r => r.Specifications).Distinct().OrderBy(s => s.ClassName, StringComparer.Ordinal).ToEquatableArray(),
            BackgroundJobs = all.SelectMany(r => r.BackgroundJobs).Distinct().OrderBy(j => j.FullName, StringComparer.Ordinal).ToEquatableArray(),
            // A context's key factory may be declared in another project than its OnModelCreating: joined by full name.
            Tenancy = Concat(all, r => r.Tenancy, t => t.Location),
            // Marten's options may be set in one project and its sessions opened in another: coverage is judged on the merged list.
            MartenTenancy = Concat(all, r => r.MartenTenancy, t => t.Location),
            // Replay code may read an event table declared in another project: joined with the merged model's tables at render time.
            EventReplays = Concat(all, r => r.EventReplays, r => r.Location),
            // Joined with each project's own facts when it was built (the steps it calls are in that project).
            Orchestrations = Concat(all, r => r.Orchestrations, o => o.Location),
            // A client's defaults are claimed only when every project references the same version and none sets its TLS in code.
            TransitClients = all.SelectMany(r => r.TransitClients).Distinct().ToEquatableArray(),
            TlsInCode = Concat(all, r => r.TlsInCode, t => t.Location),
        };
    }

    /// <summary>Repositories with the registrations any merged project makes of them (a host registers what
    /// Infrastructure declares).</summary>
    private static EquatableArray<RepositoryReport> Repositories(List<DataLayerReport> reports)
    {
        var registrations = reports.SelectMany(r => r.UnmatchedRegistrations).Distinct().ToList();
        return reports.SelectMany(r => r.Repositories).Distinct()
            .Select(r => r with
            {
                Registrations = r.Registrations.Concat(registrations.Where(g => g.ImplementationFullName == r.Repository.FullName))
                    .Distinct().OrderBy(g => g.Location, LocationComparer.Instance).ToEquatableArray(),
            })
            .OrderBy(r => r.Repository.FullName, StringComparer.Ordinal).ToEquatableArray();
    }

    private static EquatableArray<T> Concat<T>(List<DataLayerReport> reports, Func<DataLayerReport, EquatableArray<T>> list, Func<T, SourceLocation?> location)
        where T : IEquatable<T> =>
        reports.SelectMany(r => (IEnumerable<T>)list(r)).Distinct().OrderBy(location, LocationComparer.Instance).ToEquatableArray();

    private static EquatableArray<ContextReport> Contexts(List<DataLayerReport> reports)
    {
        var merged = new Dictionary<string, ContextReport>(StringComparer.Ordinal);
        foreach (var context in reports.SelectMany(r => r.Contexts))
        {
            if (!merged.TryGetValue(context.FullName, out var existing))
            {
                merged[context.FullName] = context;
                continue;
            }
            // The declaring project's model wins; the other side brings its registrations, providers and options.
            var (declared, other) = existing.AssemblyName is null || context.AssemblyName is not null ? (existing, context) : (context, existing);
            merged[context.FullName] = Combine(declared, other);
        }
        return merged.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.FullName, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>Columns of entities compiled in another project have no location where the context is declared; the
    /// fragment of the project that declares the entity has its properties. A column is linked when its origin
    /// (<c>Order.Number</c>) names an entity of the table and that entity's property is found; the primary key then
    /// links where its first column does; a relationship where one of its navigations is declared; a foreign key where
    /// its relationship's navigation is (or its first column, when the relationship cannot be told); an index where its
    /// foreign key or first column is. A table can hold several entities: where a link cannot be told, none is made.</summary>
    private static ContextReport WithMemberLocations(ContextReport context, List<DeclaredMemberSpec> members)
    {
        if (members.Count == 0) return context;
        var byMember = members.GroupBy(m => (m.TypeFullName, m.Member)).ToDictionary(g => g.Key, g => g.First().Location);
        // Relationships link a navigation of theirs when the project that declares the entity lists it.
        SourceLocation? Navigation(string type, string? navigation) =>
            navigation is not null && byMember.TryGetValue((type, navigation), out var location) ? location : null;
        var relationships = context.Relationships.Select(r => r.Location is not null ? r
            : r with { Location = Navigation(r.Dependent, r.DependentNavigation) ?? Navigation(r.Principal, r.PrincipalNavigation) }).ToEquatableArray();
        var tableOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in context.Tables)
        {
            foreach (var entity in table.Entities) tableOf[entity] = table.QualifiedName;
        }
        TableReport Fill(TableReport table)
        {
            var columns = table.Columns.Select(column =>
            {
                if (column.Location is not null) return column;
                var dot = column.Origin.IndexOf('.');
                if (dot <= 0 || column.Origin.IndexOf(' ') >= 0) return column;
                var (type, member) = (column.Origin.Substring(0, dot), column.Origin.Substring(dot + 1));
                var owners = table.Entities.Where(e => SimpleName(e) == type).ToList();
                return owners.Count == 1 && byMember.TryGetValue((owners[0], member), out var location) ? column with { Location = location } : column;
            }).ToEquatableArray();
            var key = table.PrimaryKey is { Location: null } primaryKey && primaryKey.Columns.Count > 0
                ? primaryKey with { Location = columns.FirstOrDefault(c => c.Name == primaryKey.Columns[0])?.Location }
                : table.PrimaryKey;
            SourceLocation? ColumnLocation(string name) => columns.FirstOrDefault(c => c.Name == name)?.Location;
            // A foreign key links where its relationship's navigation is declared when exactly one relationship of the
            // table's entities points at its principal table, else where its first column is declared.
            var foreignKeys = table.ForeignKeys.Select(fk => fk.Location is not null || fk.Columns.Count == 0 ? fk : fk with
            {
                Location = relationships.Where(r => !r.IsOwnership && r.Cardinality != "ManyToMany" && table.Entities.Contains(r.Dependent)
                                                    && tableOf.TryGetValue(r.Principal, out var principal) && principal == fk.PrincipalTable).ToList() is { Count: 1 } single
                    ? single[0].Location ?? ColumnLocation(fk.Columns[0])
                    : ColumnLocation(fk.Columns[0]),
            }).ToEquatableArray();
            // An index made for a foreign key links where the key does; another, where its first column is declared.
            var indexes = table.Indexes.Select(index => index.Location is not null || index.Columns.Count == 0 ? index : index with
            {
                Location = foreignKeys.FirstOrDefault(fk => fk.Columns.SequenceEqual(index.Columns))?.Location ?? ColumnLocation(index.Columns[0]),
            }).ToEquatableArray();
            return table with { Columns = columns, PrimaryKey = key, ForeignKeys = foreignKeys, Indexes = indexes };
        }
        return context with { Tables = context.Tables.Select(Fill).ToEquatableArray(), Views = context.Views.Select(Fill).ToEquatableArray(), Relationships = relationships };
    }

    private static string SimpleName(string fullName)
    {
        var cut = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf('+'));
        return cut < 0 ? fullName : fullName.Substring(cut + 1);
    }

    private static TableReport NameOnly(TableReport table) => table with
    {
        Columns = EquatableArray<ColumnReport>.Empty,
        PrimaryKey = null,
        ForeignKeys = EquatableArray<ForeignKeyReport>.Empty,
        Indexes = EquatableArray<IndexReport>.Empty,
        UniqueConstraints = EquatableArray<KeyReport>.Empty,
        CheckConstraints = EquatableArray<CheckConstraintReport>.Empty,
    };

    /// <summary>The migrations snapshot of a project that registers a context compiled in another (eShopOnContainers'
    /// Ordering.API holds <c>OrderingContextModelSnapshot</c> and its migrations; OrderingContext is compiled in
    /// Ordering.Infrastructure): kept, where it used to be lost with the registering side's context. A comparison made
    /// there stands (the model was known there); one not made keeps no "(see above)", which would point at the schema
    /// notes of that side's context, replaced here by the declaring project's model.</summary>
    private static SnapshotReport? ForeignSnapshot(ContextReport other) =>
        other.Snapshot is { } snapshot && snapshot.NotComparedBecause.Contains(SnapshotComparison.SchemaNotKnown)
            ? snapshot with
            {
                NotComparedBecause = snapshot.NotComparedBecause.Select(reason => reason != SnapshotComparison.SchemaNotKnown ? reason
                    : SnapshotComparison.ContextElsewhere(other.AssemblyName)).ToEquatableArray(),
            }
            : other.Snapshot;

    /// <summary>A project's snapshot of a context it neither declares nor registers, joined to that context when another
    /// merged project has it (and no snapshot of its own): not compared, as its project could not read the model.</summary>
    private static (List<ContextReport> Contexts, EquatableArray<SnapshotReport> Unmatched) WithUnmatchedSnapshots(EquatableArray<ContextReport> contexts, List<DataLayerReport> reports)
    {
        var unmatched = reports.SelectMany(r => r.UnmatchedSnapshots).Distinct().OrderBy(s => s.Location, LocationComparer.Instance).ToList();
        var joined = new List<ContextReport>();
        foreach (var context in contexts)
        {
            var snapshot = context.Snapshot is null ? unmatched.FirstOrDefault(s => s.ContextFullName == context.FullName) : null;
            if (snapshot is null) { joined.Add(context); continue; }
            unmatched.Remove(snapshot);
            joined.Add(context with { Snapshot = snapshot with { ContextFullName = null, NotComparedBecause = new[] { SnapshotComparison.ContextElsewhere(null) }.ToEquatableArray() } });
        }
        return (joined, unmatched.ToEquatableArray());
    }

    private static ContextReport Combine(ContextReport declared, ContextReport other)
    {
        var providers = declared.Providers.Concat(other.Providers).Distinct().ToEquatableArray();
        // A design-time factory's provider decides nothing about the application's store (as in DataLayerReportBuilder).
        var distinct = providers.Where(p => p.Role != ProviderRole.DesignTime).Select(p => p.Use.Provider).Distinct().ToList();
        var provider = distinct.Count == 1 ? distinct[0] : null;
        var relational = distinct.Count == 0 || distinct.Any(KnownProviders.IsRelational);
        var combined = declared with
        {
            Provider = provider,
            IsRelational = relational,
            Providers = providers,
            Registrations = declared.Registrations.Concat(other.Registrations).Distinct().OrderBy(r => r.Location, LocationComparer.Instance).ToEquatableArray(),
            ConfiguredOptions = declared.ConfiguredOptions.Concat(other.ConfiguredOptions).Distinct().ToEquatableArray(),
            ConfiguredNotFollowed = declared.ConfiguredNotFollowed.Concat(other.ConfiguredNotFollowed).Distinct().ToEquatableArray(),
            UnattributedProviderCalls = distinct.Count > 0 ? EquatableArray<ProviderCallSpec>.Empty
                : declared.UnattributedProviderCalls.Concat(other.UnattributedProviderCalls).Distinct().ToEquatableArray(),
            Snapshot = declared.Snapshot ?? ForeignSnapshot(other),
        };
        // Tables were computed where the context is declared, assuming a relational store when no provider was known there;
        // that project then also computed them for each provider it could map, and the provider known now picks one.
        if (declared.Provider is null && declared.RunTimeProviders.Count == 0 && provider is not null
            && declared.ProviderVariants.FirstOrDefault(v => v.Provider == provider) is { } variant)
        {
            combined = variant.SchemaUnknownBecause.IsEmpty
                ? combined with { Tables = variant.Tables, Views = variant.Views, Relationships = variant.Relationships }
                : combined with
                {
                    // As when the provider is known where the context is declared: table names, and why the rest is not stated.
                    Tables = declared.Tables.Select(NameOnly).ToEquatableArray(),
                    Views = declared.Views.Select(NameOnly).ToEquatableArray(),
                    Relationships = EquatableArray<RelationshipReport>.Empty,
                    SchemaUnknownBecause = variant.SchemaUnknownBecause,
                };
        }
        combined = combined with { ProviderVariants = EquatableArray<ProviderSchemaReport>.Empty };
        return relational ? combined : combined with { Tables = EquatableArray<TableReport>.Empty, Views = EquatableArray<TableReport>.Empty };
    }
}
