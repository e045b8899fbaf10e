using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>Lays the model out as tables the way EF Core's relational model does: columns (TPH siblings and the
/// discriminator in the root's table, TPT tables with their own columns and a key-to-key foreign key), primary keys,
/// foreign key constraints, explicit and foreign-key indexes (with SQL Server's filter on unique nullable indexes).</summary>
internal sealed class TableAssembler(SchemaBuilder builder, List<EntityNode> entities, List<RelationshipNode> relationships, string? provider)
{
    /// <summary>Relationships by the entity that declares their foreign key (looked up per table: keeps large models linear).</summary>
    private readonly ILookup<EntityNode, RelationshipNode> _byForeignKeyOwner =
        relationships.Where(r => r.ForeignKey.Count > 0).ToLookup(r => r.ForeignKey[0].Owner);

    /// <summary>The relationships whose foreign key columns are in this table; TPC repeats its ancestors' on every table.</summary>
    private IEnumerable<RelationshipNode> RelationshipsStoredIn(List<EntityNode> members) =>
        members.SelectMany(m => m.IsTpc ? m.SelfAndAncestors() : new[] { m }).Distinct().SelectMany(m => _byForeignKeyOwner[m]);

    public (List<TableReport> Tables, List<TableReport> Views) Assemble()
    {
        var groups = entities.Where(e => e.Mapping?.Table is not null)
            .GroupBy(e => (e.Mapping!.Schema, e.Mapping.Table!, e.Mapping.IsView))
            .ToList();
        var tables = new List<TableReport>();
        var views = new List<TableReport>();
        foreach (var group in groups)
        {
            var report = Table(group.Key.Item2, group.Key.Schema, group.Key.IsView, group.ToList());
            if (report is null) continue;
            (group.Key.IsView ? views : tables).Add(report);
        }
        return (tables.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Schema, StringComparer.Ordinal).ToList(),
                views.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Schema, StringComparer.Ordinal).ToList());
    }

    private TableReport? Table(string name, string? schema, bool isView, List<EntityNode> members)
    {
        // The properties stored here: for each entity, its own; for an entity whose base lives in another table (TPT), the key too.
        var columns = new Dictionary<string, ColumnReport>(StringComparer.Ordinal);
        var owners = new Dictionary<PropertyNode, string>();
        foreach (var entity in members.OrderBy(e => Depth(e)))
        {
            var sharesBaseTable = entity.Base is not null && SameTable(entity, entity.Base);
            if (entity.IsTpc)
            {
                // TPC: the concrete type's table holds its inherited columns too.
                foreach (var property in entity.SelfAndAncestors().Reverse().SelectMany(n => n.Properties)) AddColumn(columns, owners, property, forceNullable: false);
                continue;
            }
            if (entity.Base is not null && !sharesBaseTable)
            {
                foreach (var key in KeyOf(entity)) AddColumn(columns, owners, key, forceNullable: false);
            }
            foreach (var property in entity.Properties)
            {
                // In TPH, only some rows carry a derived type's columns.
                AddColumn(columns, owners, property, forceNullable: sharesBaseTable);
            }
        }
        var hierarchyRoots = members.Select(m => m.Root).Distinct().ToList();
        if (!isView && members.Any(m => m.Base is not null && SameTable(m, m.Base)) && members[0].Root.Discriminator?.Property is null)
        {
            // TPH discriminator (a property configured as one is a column already). EF Core gives a string one a max length
            // by convention (checked against EF 8, 9 and 10 in the fidelity tests). That convention
            // (DiscriminatorLengthConvention, dotnet/efcore#29946) came with EF Core 8: before, the column had none.
            var configured = members[0].Root.Discriminator;
            var isString = configured is null || configured.ClrType == "System.String";
            var lengthByConvention = builder.EfCoreMajorVersion is not (> 0 and < 8);
            var discriminator = new PropertyNode(members[0].Root, members[0].Root.DiscriminatorColumn ?? builder.Name(configured?.Name ?? "Discriminator"), configured?.ClrType ?? "System.String", nullable: false, configured?.Location)
            {
                MaxLength = isString && lengthByConvention ? DiscriminatorLength(members, configured) : null,
            };
            builder.Conventions.Apply(discriminator, isEnum: false);
            columns[discriminator.Name] = new ColumnReport(discriminator.Name, discriminator.ClrType, false, discriminator.MaxLength,
                StoreTypeMapper.Map(provider, discriminator), DiscriminatorOrigin(members, configured), configured?.Location);
        }

        KeyReport? primaryKey = null;
        var foreignKeys = new List<ForeignKeyReport>();
        var indexes = new List<IndexReport>();
        var checks = new List<CheckConstraintReport>();
        if (!isView)
        {
            var keyEntity = members.FirstOrDefault(m => m.Base is null || !SameTable(m, m.Base));
            if (keyEntity is not null && !keyEntity.Root.Keyless && KeyOf(keyEntity) is { Count: > 0 } key)
            {
                primaryKey = new KeyReport(keyEntity == keyEntity.Root && keyEntity.Root.KeyName is { } keyName ? keyName : PrimaryKeyName(keyEntity, name),
                    key.Select(k => k.Column).ToEquatableArray(), keyEntity.Root.KeyLocation);
            }
            foreignKeys.AddRange(ForeignKeys(name, members));
            indexes.AddRange(Indexes(name, members, columns, primaryKey, foreignKeys));
            checks.AddRange(members.SelectMany(m => m.CheckConstraints));
        }

        return new TableReport(
            name,
            schema,
            members.Select(m => m.FullName).Concat(members.SelectMany(builder.OwnedTypesOf)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
            columns.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray(),
            primaryKey,
            foreignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToEquatableArray(),
            indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToEquatableArray(),
            AlternateKeys(name, members).OrderBy(k => k.Name, StringComparer.Ordinal).ToEquatableArray(),
            checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>PK_[table], rewritten by a naming plug-in, except in the tables of a TPT hierarchy, which the plug-in
    /// leaves as EF Core names them (observed with EFCore.NamingConventions 10; see the naming fidelity tests).</summary>
    private string PrimaryKeyName(EntityNode keyEntity, string table) =>
        builder.Naming is not null && IsTptHierarchy(keyEntity.Root) ? "PK_" + table : builder.Name("PK_" + table);

    private static bool IsTptHierarchy(EntityNode root) => root.Derived.Any(d => !SameTable(d, root) || IsTptHierarchy(d));

    /// <summary>Unique constraints for alternate keys: AK_[table]_[columns].</summary>
    private IEnumerable<KeyReport> AlternateKeys(string table, List<EntityNode> members)
    {
        foreach (var entity in members.Where(m => m.Root == m))
        {
            foreach (var (properties, name, location) in entity.AlternateKeys)
            {
                var columns = ToColumns(entity, properties);
                yield return new KeyReport(name ?? builder.Name("AK_" + table + "_" + string.Join("_", columns)), columns.ToEquatableArray(), location);
            }
        }
    }

    private static int Depth(EntityNode entity) => entity.Base is null ? 0 : 1 + Depth(entity.Base);

    private static bool SameTable(EntityNode a, EntityNode b) =>
        a.Mapping?.Table == b.Mapping?.Table && a.Mapping?.Schema == b.Mapping?.Schema && a.Mapping?.IsView == b.Mapping?.IsView;

    private static List<PropertyNode> KeyOf(EntityNode entity) =>
        entity.Root.KeyProperties?.Select(k => entity.Root.FindProperty(k)).Where(p => p is not null).Select(p => p!).ToList() ?? new List<PropertyNode>();

    private void AddColumn(Dictionary<string, ColumnReport> columns, Dictionary<PropertyNode, string> owners, PropertyNode property, bool forceNullable)
    {
        if (columns.ContainsKey(property.Column)) return;
        var isKey = property.Owner.Root.KeyProperties?.Contains(property.Name) == true && property.Owner.Root == property.Owner;
        var nullable = !isKey && (forceNullable || property.Nullable);
        columns[property.Column] = new ColumnReport(property.Column, property.ClrType, nullable, property.MaxLength,
            StoreTypeMapper.Map(provider, property), property.Origin, property.Location, property.Evidence.ToEquatableArray(), property.EnumMembers);
        owners[property] = property.Column;
    }

    private static string DiscriminatorValue(EntityNode entity, DiscriminatorNode? configured) =>
        configured is not null && configured.Values.TryGetValue(entity.FullName, out var value) ? value : entity.Spec.Name;

    /// <summary>"discriminator", with each type's value when <c>HasValue</c> configured any.</summary>
    private static string DiscriminatorOrigin(List<EntityNode> members, DiscriminatorNode? configured)
    {
        if (configured is null || configured.Values.Count == 0) return "discriminator";
        var quote = configured.ClrType == "System.String" ? "'" : "";
        return "discriminator: " + string.Join(", ", members.Where(m => configured.Values.ContainsKey(m.FullName))
            .OrderBy(m => m.Spec.Name, System.StringComparer.Ordinal)
            .Select(m => m.Spec.Name + " = " + quote + configured.Values[m.FullName] + quote));
    }

    /// <summary>DiscriminatorLengthConvention: the smallest Fibonacci number at least as long as the longest
    /// discriminator value in the hierarchy (by default each entity type's class name, abstract ones included).</summary>
    public static int DiscriminatorLength(List<EntityNode> members, DiscriminatorNode? configured)
    {
        var longest = members.Select(m => DiscriminatorValue(m, configured).Length).DefaultIfEmpty(1).Max();
        int previous = 1, current = 1;
        while (longest > current)
        {
            var next = current + previous;
            previous = current;
            current = next;
        }
        return current;
    }

    private IEnumerable<ForeignKeyReport> ForeignKeys(string table, List<EntityNode> members)
    {
        foreach (var relationship in RelationshipsStoredIn(members))
        {
            var principalTable = relationship.Principal.Mapping;
            if (principalTable?.Table is null || principalTable.IsView) continue;
            if (relationship.Principal.IsTpc && relationship.Principal.Derived.Count > 0) continue; // rows spread over several tables: no constraint
            var columns = relationship.ForeignKey.Select(p => p.Column).ToList();
            var principalColumns = relationship.PrincipalKeyNames is { } principalKey
                ? principalKey.Select(k => relationship.Principal.FindProperty(k)?.Column ?? k).ToList()
                : KeyOf(relationship.Principal).Select(p => p.Column).ToList();
            var principalName = Qualified(principalTable.Schema, principalTable.Table);
            // A naming plug-in leaves the copies TPC makes of an ancestor's foreign key as EF Core names them.
            var defaultName = "FK_" + table + "_" + principalTable.Table + "_" + string.Join("_", columns);
            var inherited = !members.Contains(relationship.ForeignKey[0].Owner);
            yield return new ForeignKeyReport(
                relationship.ConstraintName ?? (inherited ? defaultName : builder.Name(defaultName)),
                columns.ToEquatableArray(), principalName, principalColumns.ToEquatableArray(),
                ReferentialAction(SchemaBuilder.DeleteBehaviorOf(relationship)), relationship.Location);
        }
        // TPT: the derived table's key references the base table's key.
        foreach (var entity in members.Where(m => !m.IsTpc && m.Base is not null && !SameTable(m, m.Base) && m.Base.Mapping?.Table is not null))
        {
            var baseTable = entity.Base!.Mapping!;
            var key = KeyOf(entity).Select(p => p.Column).ToList();
            yield return new ForeignKeyReport(builder.Name("FK_" + table + "_" + baseTable.Table + "_" + string.Join("_", key)), key.ToEquatableArray(),
                Qualified(baseTable.Schema, baseTable.Table!), key.ToEquatableArray(), "Cascade", entity.Mapping?.EvidenceLocation);
        }
    }

    private static string Qualified(string? schema, string table) => schema is null ? table : schema + "." + table;

    /// <summary>The database action of a delete behaviour: client-side behaviours leave the database with no action.</summary>
    private static string ReferentialAction(string deleteBehavior) => deleteBehavior switch
    {
        "Cascade" => "Cascade",
        "SetNull" => "SetNull",
        "Restrict" => "Restrict",
        _ => "NoAction",
    };

    private IEnumerable<IndexReport> Indexes(string table, List<EntityNode> members, Dictionary<string, ColumnReport> columns, KeyReport? primaryKey, List<ForeignKeyReport> foreignKeys)
    {
        var result = new List<(List<string> Columns, bool Unique, string? Name, string? Filter, bool FilterSet, Model.SourceLocation? Location, bool Inherited)>();
        foreach (var entity in members.SelectMany(m => m.IsTpc ? m.SelfAndAncestors() : new[] { m }).Distinct())
        {
            foreach (var attribute in entity.Spec.Attributes.Where(a => a.Name == "Index"))
            {
                var properties = attribute.Arguments.ToList();
                // A naming plug-in replaces names given by [Index(Name = ...)] with its own (fluent HasDatabaseName stays).
                var attributeName = builder.Naming is null ? attribute.NamedValue("Name") : null;
                result.Add((ToColumns(entity, properties), attribute.NamedValue("IsUnique") == "true", attributeName, null, false, attribute.Location, !members.Contains(entity)));
            }
            foreach (var index in entity.Indexes)
            {
                result.Add((ToColumns(entity, index.Properties), index.Unique, index.Name ?? (builder.Naming is null ? index.ModelName : null), index.Filter, index.FilterSet, index.Location, !members.Contains(entity)));
            }
        }
        // ForeignKeyIndexConvention: an index per foreign key, unless its columns start the primary key or another index.
        foreach (var relationship in RelationshipsStoredIn(members))
        {
            var fkColumns = relationship.ForeignKey.Select(p => p.Column).ToList();
            bool Covers(IReadOnlyList<string> existing) => existing.Count >= fkColumns.Count && existing.Take(fkColumns.Count).SequenceEqual(fkColumns);
            if (primaryKey is not null && Covers(primaryKey.Columns.ToList())) continue;
            if (relationship.Dependent.Root.AlternateKeys.Any(k => Covers(ToColumns(relationship.Dependent, k.Properties)))) continue;
            if (result.Any(i => Covers(i.Columns) && (!relationship.Unique || i.Unique))) continue;
            result.Add((fkColumns, relationship.Unique, null, null, false, relationship.Location, !members.Contains(relationship.ForeignKey[0].Owner)));
        }

        foreach (var (indexColumns, unique, name, filter, filterSet, location, inherited) in result)
        {
            var effectiveFilter = filterSet ? filter : unique && provider == "SqlServer" ? NotNullFilter(indexColumns, columns) : null;
            var defaultName = "IX_" + table + "_" + string.Join("_", indexColumns);
            yield return new IndexReport(name ?? (inherited ? defaultName : builder.Name(defaultName)), indexColumns.ToEquatableArray(), unique, effectiveFilter, location);
        }
    }

    private List<string> ToColumns(EntityNode entity, List<string> properties)
    {
        var result = new List<string>();
        foreach (var name in properties)
        {
            if (entity.FindProperty(name) is { } property) result.Add(property.Column);
            else
            {
                builder.Unknown("index on `" + name + "`, which is not a property DataDocGen maps", entity.Spec.Location);
                result.Add(name);
            }
        }
        return result;
    }

    /// <summary>SQL Server: a unique index over nullable columns gets <c>[Col] IS NOT NULL</c> filters (SqlServerIndexConvention).</summary>
    private static string? NotNullFilter(List<string> indexColumns, Dictionary<string, ColumnReport> columns)
    {
        var nullable = indexColumns.Where(c => columns.TryGetValue(c, out var column) && column.Nullable).ToList();
        return nullable.Count == 0 ? null : string.Join(" AND ", nullable.Select(c => "[" + c + "] IS NOT NULL"));
    }
}
