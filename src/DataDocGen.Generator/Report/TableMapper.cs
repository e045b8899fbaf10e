using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Decides each DbSet entity's table by EF Core's rules: explicit mappings (fluent API over <c>[Table]</c>), the
/// inheritance strategy of its hierarchy (TPH by default; TPT when a derived type names its own table or the root asks
/// for it; TPC), the DbSet name by convention, and the model's default schema.
/// </summary>
internal static class TableMapper
{
    public static List<EntityReport> Map(IReadOnlyList<MappedEntity> mappedEntities, IReadOnlyList<TableMappingSpec> fluentMappings, string? defaultSchema)
    {
        // One entity per CLR type (EF Core maps a type once even when two DbSets expose it); the first DbSet by name wins.
        var entities = new Dictionary<string, MappedEntity>(StringComparer.Ordinal);
        foreach (var set in mappedEntities)
        {
            if (!entities.ContainsKey(set.Entity.FullName)) entities.Add(set.Entity.FullName, set);
        }

        // Later fluent calls override earlier ones, as EF's builders do.
        var explicitTable = new Dictionary<string, TableMappingSpec>(StringComparer.Ordinal);
        var strategy = new Dictionary<string, TableMappingSpec>(StringComparer.Ordinal);
        foreach (var mapping in fluentMappings)
        {
            if (mapping.Kind is TableMappingKind.TphStrategy or TableMappingKind.TptStrategy or TableMappingKind.TpcStrategy) strategy[mapping.EntityFullName] = mapping;
            else explicitTable[mapping.EntityFullName] = mapping;
        }
        TableMappingSpec? ExplicitOf(MappedEntity set) =>
            explicitTable.TryGetValue(set.Entity.FullName, out var fluent) ? fluent : set.Entity.TableAttribute;

        // Each hierarchy once: roots computed a single time, so large models stay linear.
        var roots = entities.Values.ToDictionary(e => e, e => RootOf(e, entities));
        var hierarchies = roots.GroupBy(r => r.Value, r => r.Key).ToDictionary(g => g.Key, g => g.ToList());
        var reports = new List<EntityReport>();
        foreach (var set in entities.Values)
        {
            var root = roots[set];
            var rootStrategy = strategy.TryGetValue(root.Entity.FullName, out var s) ? s.Kind : (TableMappingKind?)null;
            var hierarchy = hierarchies[root];
            if (rootStrategy is null && hierarchy.Any(e => e != root && ExplicitOf(e) is { Kind: TableMappingKind.Table }))
            {
                rootStrategy = TableMappingKind.TptStrategy; // a derived type with its own table name implies TPT
            }

            var own = ExplicitOf(set);
            if (own is { Kind: TableMappingKind.NoTable })
            {
                reports.Add(Report(set, null, null, false, TableEvidenceKind.NoTable, own.Location, null));
            }
            else if (set != root && rootStrategy is null or TableMappingKind.TphStrategy)
            {
                var rootTable = ExplicitOf(root);
                var (name, schema) = (rootTable is { Kind: TableMappingKind.Table or TableMappingKind.View } ? rootTable.Name! : root.DefaultTableName, rootTable?.Schema);
                reports.Add(Report(set, name, schema ?? defaultSchema, rootTable?.Kind == TableMappingKind.View, TableEvidenceKind.HierarchyRoot,
                    root.DbSetLocationOrEntity(), "TPH: stored in the table of `" + root.Entity.FullName + "`"));
            }
            else if (rootStrategy == TableMappingKind.TpcStrategy && set.Entity.IsAbstract)
            {
                reports.Add(Report(set, null, null, false, TableEvidenceKind.NoTable, strategy[root.Entity.FullName].Location, "TPC: abstract types have no table"));
            }
            else if (own is { Kind: TableMappingKind.Table or TableMappingKind.View, Name: not null })
            {
                var evidence = ReferenceEquals(own, set.Entity.TableAttribute) ? TableEvidenceKind.TableAttribute : TableEvidenceKind.FluentApi;
                reports.Add(Report(set, own.Name, own.Schema ?? defaultSchema, own.Kind == TableMappingKind.View, evidence, own.Location, own.Origin));
            }
            else
            {
                reports.Add(set.DbSetName is null
                    ? Report(set, set.DefaultTableName, defaultSchema, false, TableEvidenceKind.ClassNameConvention, set.Entity.Location, null)
                    : Report(set, set.DefaultTableName, defaultSchema, false, TableEvidenceKind.DbSetConvention, set.DbSetLocation, null));
            }
        }
        return reports;
    }

    private static EntityReport Report(MappedEntity set, string? table, string? schema, bool isView, TableEvidenceKind evidence, SourceLocation? location, string? note) =>
        new(set.Entity.FullName, set.DbSetName, set.DbSetLocation, table, table is null ? null : schema, isView, evidence, location, note);

    private static SourceLocation? DbSetLocationOrEntity(this MappedEntity set) => set.DbSetLocation ?? set.Entity.Location;

    /// <summary>The most derived-from base type of <paramref name="set"/>'s entity that is itself an entity of the context.</summary>
    private static MappedEntity RootOf(MappedEntity set, IReadOnlyDictionary<string, MappedEntity> entities)
    {
        var root = set;
        foreach (var baseType in set.Entity.BaseTypes)
        {
            if (entities.TryGetValue(baseType, out var baseSet)) root = baseSet;
        }
        return root;
    }
}

/// <summary>An entity type of the model: with its DbSet when it has one, else reached through a navigation or configuration.</summary>
internal sealed record MappedEntity(EntityTypeSpec Entity, string? DbSetName, SourceLocation? DbSetLocation)
{
    /// <summary>EF Core's default table name: the DbSet property's name, else the class name.</summary>
    public string DefaultTableName => DbSetName ?? Entity.Name;
}
