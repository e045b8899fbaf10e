using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 1.2: per context, its entities and tables, an ER diagram, the relationships, then each table's
/// columns, keys, foreign keys, indexes and constraints, each linked to where it is configured.</summary>
internal static class SchemaMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        // A context with no entity read but a reason why is listed with that reason: MassTransit's SagaDbContext has no
        // DbSet and maps its sagas through class maps, and its section was silently absent.
        var withEntities = report.Contexts.Where(c => !c.Entities.IsEmpty || !c.TablesUnknownBecause.IsEmpty || !c.SchemaUnknownBecause.IsEmpty).ToList();
        if (withEntities.Count == 0 && report.ScriptTables.IsEmpty && report.Linq2DbTables.IsEmpty) return;

        md.Line("### 1.2 Data models and entities").Line();
        foreach (var context in withEntities)
        {
            md.Line("#### " + Markdown.Text(context.Name)).Line();
            if (context.Entities.IsEmpty)
            {
                md.Line("No entity type is shown for this context: its model is configured by code DataDocGen does not evaluate, and it shows nothing rather than something untrue:");
                foreach (var reason in context.TablesUnknownBecause.Concat(context.SchemaUnknownBecause).Distinct()) md.Line("- " + md.WithLink(Markdown.Inline(reason.What), reason.Location));
                md.Line();
                continue;
            }
            WriteEntities(md, context);
            WriteSnapshot(md, context);
            var hasSchema = context.IsRelational && context.TablesUnknownBecause.IsEmpty && context.SchemaUnknownBecause.IsEmpty;
            if (!hasSchema)
            {
                WriteWithheld(md, context);
                continue;
            }
            WriteDiagram(md, context);
            WriteRelationships(md, context);
            var collapse = context.Tables.Count + context.Views.Count > CollapseTablesAbove;
            // Store types and SQL Server's filter on unique indexes depend on the provider: said once when it is not one
            // known provider (none in this project, or several chosen at run time).
            string? providerUnknown = null;
            if (context.Provider is null)
            {
                var names = context.RunTimeProviders.Select(p => p.Use.Provider).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
                var notFollowed = context.OptionsNotFollowed;
                // A design-time factory's provider is said after the reason: it decides no store type.
                var note = ProviderUnknownText.DesignTimeNote(context, Markdown.Code, Parsing.KnownProviders.DisplayName, (call, location) => md.WithLink(Markdown.Code(call), location));
                var designTime = note is null ? string.Empty : " T" + note.Substring(1) + ".";
                if (names.Count == 0 && notFollowed.Count > 0)
                {
                    // The options builder is handed to code not followed (an interface's Initialise(opt)): "no provider is
                    // chosen" would be false there (the Jellyfin audit).
                    providerUnknown = "no provider is chosen in the code DataDocGen follows";
                    md.Line("Store types are not shown: they depend on the provider, which is not chosen in the code DataDocGen follows: the options builder is handed to "
                            + string.Join(", ", notFollowed.Select(n => md.WithLink(Markdown.Code(n.Call), n.Location))) + ", which DataDocGen does not follow." + designTime).Line();
                }
                else if (names.Count == 0)
                {
                    providerUnknown = ProviderUnknownText.Short(context);
                    md.Line("Store types are not shown: " + ProviderUnknownText.Reason(context, (call, location) => md.WithLink(Markdown.Code(call), location))
                            + ", and they depend on it." + designTime).Line();
                }
                else
                {
                    providerUnknown = "the provider is chosen at run time (" + string.Join(" or ", names.Select(Parsing.KnownProviders.DisplayName)) + ")";
                    md.Line("Store types are not shown: " + providerUnknown + ", and they depend on it." + designTime).Line();
                }
                if (names.Count > 0 && !names.Contains("SqlServer")) providerUnknown = null; // no SQL Server filter to mention
                // Nor when every provider call the project leaves unattributed (and every design-time one) is another
                // provider's: the Ombi audit read the note under contexts whose only calls were UseSqlite/UseMySql.
                if (names.Count == 0 && notFollowed.Count == 0 && !context.UnattributedProviderCalls.IsEmpty
                    && context.UnattributedProviderCalls.All(c => c.Provider != "SqlServer") && context.DesignTimeProviders.All(p => p.Use.Provider != "SqlServer"))
                    providerUnknown = null;
            }
            foreach (var table in context.Tables) WriteTable(md, table, "Table", collapse, providerUnknown);
            foreach (var view in context.Views) WriteTable(md, view, "View", collapse, providerUnknown);
        }
        WriteLinq2DbTables(md, report);
        WriteScriptTables(md, report);
    }

    /// <summary>The heading of the tables linq2db maps; listed in the contents (<see cref="MarkdownEmitter"/>).</summary>
    internal const string Linq2DbTablesHeading = "Tables mapped by linq2db";

    /// <summary>The entity classes the code uses with linq2db and their tables, as linq2db's attributes map them (Parsing/Linq2DbTableParser).</summary>
    private static void WriteLinq2DbTables(Markdown md, DataLayerReport report)
    {
        if (report.Linq2DbTables.IsEmpty) return;
        md.Line("#### " + Linq2DbTablesHeading).Line()
          .Line("Entity classes the code uses through a linq2db data context (an `ITable<T>` property or `GetTable<T>()`), mapped as linq2db's attributes map them: "
                + "with `[Table]`, only members with `[Column]`, `[PrimaryKey]` or `[Identity]` are columns (unless `IsColumnAttributeRequired = false`); without it, every public property and field of a scalar type is one. "
                + "Null is linq2db's `CanBeNull`: `[NotNull]`, `[Nullable]` or `CanBeNull` when given, else from the CLR type (a reference type or `Nullable<T>` can be null; linq2db does not read nullable reference annotations). "
                + "Key order is shown when the code gives one.").Line();
        foreach (var table in report.Linq2DbTables)
        {
            if (table.Table is null || table.NotRead is not null)
            {
                md.Line("##### " + Markdown.Code(table.Entity) + " → table not shown").Line();
                md.Line("- Class: " + md.WithLink(Markdown.Code(table.Entity), table.EntityLocation));
                md.Line("- Used through " + string.Join(", ", table.Uses.Select(u => md.WithLink(Markdown.Code(u.What), u.Location))));
                md.Line("- Table and columns not shown: " + md.WithLink(Markdown.Text(table.NotRead ?? "not read"), table.NotReadLocation)).Line();
                continue;
            }
            var name = table.Schema is null ? table.Table : table.Schema + "." + table.Table;
            md.Line("##### " + Markdown.Code(table.Entity) + " → table " + Markdown.Code(name)).Line();
            md.Line("- Class: " + md.WithLink(Markdown.Code(table.Entity), table.EntityLocation) + "; table name from " + (table.TableFrom == "[Table]" ? "`[Table]`" : "the class name")
                    + (table.Schema is null ? ", no schema given (the connection's default)" : ", schema from `[Table]`"));
            md.Line("- Used through " + string.Join(", ", table.Uses.Select(u => md.WithLink(Markdown.Code(u.What), u.Location))));
            md.Line();
            if (table.Columns.IsEmpty)
            {
                md.Line("No columns mapped.").Line();
                continue;
            }
            md.Line("| Property | Column | CLR type | Null | Key | Identity | Given in code | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var column in table.Columns)
            {
                var key = column.PrimaryKey ? "PK" + (column.KeyOrder is { } order && order >= 0 ? " (order " + order.ToString(CultureInfo.InvariantCulture) + ")" : "") : "";
                var details = new List<string>();
                if (column.DataType is not null) details.Add("DataType " + Markdown.Code(column.DataType));
                if (column.DbType is not null) details.Add("DbType " + Markdown.Code(column.DbType));
                if (column.Length is { } length) details.Add("length " + length.ToString(CultureInfo.InvariantCulture));
                if (column.Precision is { } precision) details.Add("precision " + precision.ToString(CultureInfo.InvariantCulture));
                if (column.Scale is { } scale) details.Add("scale " + scale.ToString(CultureInfo.InvariantCulture));
                md.Line("| " + Markdown.Code(column.Member) + " | " + Markdown.Code(column.Name) + (column.Implicit ? " (no `[Column]`)" : "") + " | " + Markdown.Code(column.ClrType)
                        + " | " + (column.Nullable ? "yes" : "no") + " (" + Markdown.Text(column.NullableFrom) + ") | " + key + " | " + (column.Identity ? "yes" : "")
                        + " | " + string.Join(", ", details) + " | " + md.Link(column.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>The heading of the tables SQL scripts create; listed in the contents (<see cref="MarkdownEmitter"/>).</summary>
    internal const string ScriptTablesHeading = "Tables declared in SQL scripts";

    /// <summary>The tables the project's <c>.sql</c> scripts create, as written there (Report/ScriptTables).</summary>
    private static void WriteScriptTables(Markdown md, DataLayerReport report)
    {
        if (report.ScriptTables.IsEmpty) return;
        md.Line("#### " + ScriptTablesHeading).Line()
          .Line("As the project's `.sql` scripts write them (types, defaults and constraints as written; \"not written\": the script says nothing, the database's default applies). "
                + "Later `CREATE INDEX` and `ALTER TABLE ... ADD` statements of the scripts are included; a change not followed is named on the table, which is then shown as created.").Line();
        foreach (var table in report.ScriptTables)
        {
            md.Line("##### Table " + Markdown.Code(table.Name)).Line();
            md.Line("Created at " + md.Link(table.Location) + ".").Line();
            if (!table.Changed.IsEmpty)
            {
                md.Line("Not followed, so what follows may no longer hold:");
                foreach (var change in table.Changed) md.Line("- " + Markdown.Text(change.What) + ": " + md.Link(change.Location));
                md.Line();
            }
            foreach (var note in table.Notes) md.Line("- " + Markdown.Text(note.What) + ": " + md.Link(note.Location));
            if (!table.Notes.IsEmpty) md.Line();
            if (!table.ColumnsKnown) continue;
            var foreignKeyColumns = new HashSet<string>(table.ForeignKeys.SelectMany(f => f.Columns), System.StringComparer.OrdinalIgnoreCase);
            var keyColumns = new HashSet<string>(table.PrimaryKey?.Columns ?? default, System.StringComparer.OrdinalIgnoreCase);
            md.Line("| Column | SQL type | Null | Default | Generated | Key | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var column in table.Columns)
            {
                var keys = new List<string>();
                if (keyColumns.Contains(column.Name)) keys.Add("PK");
                if (foreignKeyColumns.Contains(column.Name)) keys.Add("FK");
                var generated = column.Generated is null ? "" : Markdown.Code(column.Generated);
                if (!column.NotRead.IsEmpty) generated += (generated.Length == 0 ? "" : "; ") + "not read: " + string.Join(", ", column.NotRead.Select(Markdown.Code));
                md.Line("| " + Markdown.Code(column.Name) + " | " + (column.Type is null ? "" : Markdown.Code(column.Type)) + " | " + (column.Nullability ?? "not written")
                        + " | " + (column.Default is null ? "" : Markdown.Code(column.Default)) + " | " + generated + " | " + string.Join(", ", keys) + " | " + md.Link(column.Location) + " |");
            }
            md.Line();
            if (table.PrimaryKey is { } key)
            {
                md.Line("- Primary key " + (key.Name is null ? "" : Markdown.Code(key.Name) + " ") + "(" + Columns(key.Columns) + "): " + md.Link(key.Location));
            }
            foreach (var foreignKey in table.ForeignKeys)
            {
                md.Line("- Foreign key " + (foreignKey.Name is null ? "" : Markdown.Code(foreignKey.Name) + " ") + "(" + Columns(foreignKey.Columns) + ") references " + Markdown.Code(foreignKey.PrincipalTable)
                        + (foreignKey.PrincipalColumns.IsEmpty ? " (its primary key: no columns written)" : " (" + Columns(foreignKey.PrincipalColumns) + ")")
                        + ", " + (foreignKey.OnDelete is null ? "no ON DELETE written" : "ON DELETE " + foreignKey.OnDelete)
                        + (foreignKey.OnUpdate is null ? "" : ", ON UPDATE " + foreignKey.OnUpdate) + ": " + md.Link(foreignKey.Location));
            }
            foreach (var unique in table.UniqueConstraints)
            {
                md.Line("- Unique constraint " + (unique.Name is null ? "" : Markdown.Code(unique.Name) + " ") + "(" + Columns(unique.Columns) + "): " + md.Link(unique.Location));
            }
            foreach (var check in table.CheckConstraints)
            {
                md.Line("- Check constraint " + (check.Name is null ? "" : Markdown.Code(check.Name) + " ") + Markdown.Code(check.Sql) + ": " + md.Link(check.Location));
            }
            foreach (var index in table.Indexes)
            {
                md.Line("- " + (index.Unique ? "Unique index " : "Index ") + (index.Name is null ? "" : Markdown.Code(index.Name) + " ") + "(" + Columns(index.Columns) + ")"
                        + (index.Included.IsEmpty ? "" : ", including " + Columns(index.Included))
                        + (index.Filter is null ? "" : ", filter " + Markdown.Code(index.Filter)) + ": " + md.Link(index.Location));
            }
            if (table.PrimaryKey is not null || !table.ForeignKeys.IsEmpty || !table.UniqueConstraints.IsEmpty || !table.CheckConstraints.IsEmpty || !table.Indexes.IsEmpty) md.Line();
        }
    }

    private static void WriteEntities(Markdown md, ContextReport context)
    {
        var showTables = context.IsRelational && context.TablesUnknownBecause.IsEmpty;
        md.Line(showTables ? "| Entity | DbSet | Table | Table name from |" : "| Entity | DbSet |")
          .Line(showTables ? "| --- | --- | --- | --- |" : "| --- | --- |");
        foreach (var entity in context.Entities)
        {
            var dbSet = entity.DbSetName is null ? "none (reached through navigations or configuration)" : md.WithLink(Markdown.Code(entity.DbSetName), entity.DbSetLocation);
            if (!showTables)
            {
                md.Line("| " + Markdown.Code(entity.FullName) + " | " + dbSet + " |");
                continue;
            }
            var table = entity.Table is null ? "none" : Markdown.Code(entity.Schema is null ? entity.Table : entity.Schema + "." + entity.Table) + (entity.IsView ? " (view)" : string.Empty);
            md.Line("| " + Markdown.Code(entity.FullName) + " | " + dbSet + " | " + table + " | " + DescribeTableEvidence(entity, md) + " |");
        }
        md.Line();
    }

    private static void WriteSnapshot(Markdown md, ContextReport context)
    {
        if (context.Snapshot is not { } snapshot) return;
        var version = snapshot.ProductVersion is null ? "" : " (EF Core " + Markdown.Text(snapshot.ProductVersion) + ")";
        var title = "Migrations model snapshot " + md.WithLink(Markdown.Code(snapshot.FullName), snapshot.Location) + version;
        if (!snapshot.NotComparedBecause.IsEmpty)
        {
            md.Line(title + ": not compared with the current model, because " + string.Join("; ", snapshot.NotComparedBecause) + ".").Line();
        }
        else if (snapshot.PendingChanges.IsEmpty)
        {
            // Never "no pending model changes": only what was compared is said to match.
            md.Line(title + ": the current model matches it in " + JoinWithAnd(snapshot.Compared.ToList()) + "." + NotCompared(snapshot)).Line();
        }
        else
        {
            md.Line(title + ": **pending model changes**, not captured by any migration yet:");
            foreach (var change in snapshot.PendingChanges) md.Line("- " + change);
            md.Line();
            if (!snapshot.NotCompared.IsEmpty) md.Line(NotCompared(snapshot).TrimStart()).Line();
        }
    }

    private static string NotCompared(SnapshotReport snapshot) =>
        snapshot.NotCompared.IsEmpty ? "" : " Not compared, so a pending change there would not show here: " + string.Join("; ", snapshot.NotCompared) + ".";

    private static string JoinWithAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    private static void WriteWithheld(Markdown md, ContextReport context)
    {
        if (!context.TablesUnknownBecause.IsEmpty)
        {
            md.Line("Table names are not shown for this context because:");
            foreach (var reason in context.TablesUnknownBecause) md.Line("- " + md.WithLink(Markdown.Inline(reason.What), reason.Location));
            md.Line();
        }
        else if (!context.SchemaUnknownBecause.IsEmpty)
        {
            // Tables EF adds itself are no entity rows above: named here, as the JSON names them.
            var entityNames = new HashSet<string>(context.Entities.Select(e => e.FullName), System.StringComparer.Ordinal);
            var added = context.Tables.Where(t => !t.Entities.Any(entityNames.Contains)).Select(t => Markdown.Code(t.QualifiedName)).ToList();
            if (added.Count > 0) md.Line("Tables EF Core adds for many-to-many joins and owned collections: " + string.Join(", ", added) + ".").Line();
            md.Line("Columns, keys and relationships are not shown for this context: DataDocGen does not evaluate this configuration yet, and shows nothing rather than something untrue:");
            foreach (var reason in context.SchemaUnknownBecause) md.Line("- " + md.WithLink(Markdown.Inline(reason.What), reason.Location));
            md.Line();
        }
    }

    private static void WriteDiagram(Markdown md, ContextReport context)
    {
        if (MermaidEmitter.Emit(context) is not { } diagram)
        {
            if (context.Tables.Count > MermaidEmitter.MaxTables)
            {
                md.Line("No diagram: " + context.Tables.Count.ToString(CultureInfo.InvariantCulture) + " tables are too many to draw readably.").Line();
            }
            return;
        }
        if (context.Tables.Count > MermaidEmitter.MaxTablesWithColumns)
        {
            md.Line("The diagram shows tables and relationships only; columns are listed per table below.").Line();
        }
        md.Line(diagram).Line();
    }

    private static void WriteRelationships(Markdown md, ContextReport context)
    {
        if (context.Relationships.IsEmpty) return;
        md.Line("Relationships (\"required\": a dependent always has its principal, its foreign key cannot be null; it does not say that a principal must have a dependent):").Line()
          .Line("| Principal | Dependent | Cardinality | Required | On delete | Navigations | Evidence |")
          .Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var relationship in context.Relationships)
        {
            var cardinality = relationship.Cardinality switch { "OneToOne" => "1:1", "OneToMany" => "1:N", _ => "M:N" }
                              + (relationship.IsOwnership ? " (owned, stored in the owner's table)" : relationship.JoinTable is { } join ? " (join table " + Markdown.Code(join) + ")" : "");
            var navigations = string.Join(" / ", new[] { relationship.PrincipalNavigation, relationship.DependentNavigation }.Where(n => n is not null).Select(n => Markdown.Code(n!)));
            md.Line("| " + Markdown.Code(relationship.Principal) + " | " + Markdown.Code(relationship.Dependent) + " | " + cardinality
                    + " | " + (relationship.JoinTable is not null ? "n/a" : relationship.Required ? "required" : "optional")
                    + " | " + (relationship.JoinTable is null ? DeleteBehavior(relationship.DeleteBehavior)
                           : relationship.DeleteBehavior == "Cascade" ? "Cascade (join rows)"
                           : relationship.DeleteBehavior == Schema.SchemaBuilder.JoinForeignKeysDecide ? "join rows as the join table's foreign keys say"
                           : "Cascade (join rows), by the database through one foreign key and by EF Core only through the other")
                    + " | " + (navigations.Length == 0 ? "none" : navigations) + " | " + md.Link(relationship.Location) + " |");
        }
        md.Line();
    }

    /// <summary>Beyond this many tables and views in a context, each table's details are collapsed under its heading
    /// (GitHub renders <c>&lt;details&gt;</c>; the headings, and so the page's anchors, stay visible).</summary>
    internal const int CollapseTablesAbove = 10;

    private static void WriteTable(Markdown md, TableReport table, string kind, bool collapse, string? providerUnknown)
    {
        md.Line("##### " + kind + " " + Markdown.Code(table.QualifiedName)).Line();
        if (collapse) md.Line("<details><summary>" + Markdown.Text(Summary(table)) + "</summary>").Line();
        WriteTableDetails(md, table, providerUnknown);
        if (collapse) md.Line("</details>").Line();
    }

    /// <summary>What a collapsed table holds, e.g. "5 columns, primary key, 2 foreign keys, 1 index".</summary>
    private static string Summary(TableReport table)
    {
        static string Count(int count, string one, string many) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
        var parts = new List<string> { Count(table.Columns.Count, "column", "columns") };
        if (table.PrimaryKey is not null) parts.Add("primary key");
        if (table.ForeignKeys.Count > 0) parts.Add(Count(table.ForeignKeys.Count, "foreign key", "foreign keys"));
        if (table.Indexes.Count > 0) parts.Add(Count(table.Indexes.Count, "index", "indexes"));
        if (table.CheckConstraints.Count > 0) parts.Add(Count(table.CheckConstraints.Count, "check constraint", "check constraints"));
        return string.Join(", ", parts);
    }

    private static void WriteTableDetails(Markdown md, TableReport table, string? providerUnknown)
    {
        md.Line("Entities: " + string.Join(", ", table.Entities.Select(Markdown.Code)) + ".").Line();
        md.Line("| Column | CLR type | Store type | Nullable | Max length | Key | From and configured by |").Line("| --- | --- | --- | --- | --- | --- | --- |");
        var foreignKeyColumns = new HashSet<string>(table.ForeignKeys.SelectMany(f => f.Columns));
        foreach (var column in table.Columns)
        {
            var keys = new List<string>();
            if (table.PrimaryKey?.Columns.Contains(column.Name) == true) keys.Add("PK");
            if (foreignKeyColumns.Contains(column.Name)) keys.Add("FK");
            md.Line("| " + Markdown.Code(column.Name) + " | " + Markdown.Code(column.ClrType) + " | " + (column.StoreType is null ? "" : Markdown.Code(column.StoreType))
                    + " | " + (column.Nullable ? "yes" : "no")
                    + " | " + (column.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "") + " | " + string.Join(", ", keys)
                    + " | " + md.WithLink(Markdown.Text(column.Origin), column.Location)
                    + string.Concat(column.ConfiguredBy.Select(e => "; " + md.WithLink(Markdown.Code(e.Code) + (e.Origin is null ? "" : " " + e.Origin), e.Location))) + " |");
        }
        md.Line();
        if (table.PrimaryKey is { } key)
        {
            md.Line("- Primary key " + Markdown.Code(key.Name) + " (" + Columns(key.Columns) + ")" + LinkSuffix(md, key.Location));
        }
        foreach (var foreignKey in table.ForeignKeys)
        {
            md.Line("- Foreign key " + Markdown.Code(foreignKey.Name) + " (" + Columns(foreignKey.Columns) + ") references " + Markdown.Code(foreignKey.PrincipalTable)
                    + " (" + Columns(foreignKey.PrincipalColumns) + "), on delete " + Markdown.Text(foreignKey.OnDelete) + LinkSuffix(md, foreignKey.Location));
        }
        foreach (var index in table.Indexes)
        {
            md.Line("- " + (index.Unique ? "Unique index " : "Index ") + Markdown.Code(index.Name) + " (" + Columns(index.Columns) + ")"
                    + (index.Filter is null ? "" : ", filter " + Markdown.Code(index.Filter))
                    + (providerUnknown is not null && index.Unique && index.Filter is null && index.Columns.Any(c => table.Columns.Any(col => col.Name == c && col.Nullable))
                        ? " (" + providerUnknown + ": on SQL Server EF Core adds a filter excluding NULLs)" : "")
                    + LinkSuffix(md, index.Location));
        }
        foreach (var check in table.CheckConstraints)
        {
            md.Line("- Check constraint " + Markdown.Code(check.Name) + ": " + Markdown.Code(check.Sql) + LinkSuffix(md, check.Location));
        }
        md.Line();
    }

    /// <summary>EF's delete behaviour; client-side ones are marked, since the database itself then takes no action.</summary>
    private static string DeleteBehavior(string behavior) =>
        behavior.StartsWith("Client", System.StringComparison.Ordinal) ? behavior + " (in EF Core only; the database takes no action)" : behavior;

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Markdown.Code));

    private static string LinkSuffix(Markdown md, Model.SourceLocation? location) => location is null ? "" : ": " + md.Link(location);

    private static string DescribeTableEvidence(EntityReport entity, Markdown md)
    {
        var text = entity.Evidence switch
        {
            TableEvidenceKind.DbSetConvention => "convention: the DbSet property's name",
            TableEvidenceKind.ClassNameConvention => "convention: the class name",
            TableEvidenceKind.TableAttribute => "`[Table]` attribute",
            TableEvidenceKind.FluentApi => (entity.IsView ? "`ToView` call" : "`ToTable` call") + (entity.EvidenceNote is null ? "" : " " + entity.EvidenceNote),
            TableEvidenceKind.HierarchyRoot => entity.EvidenceNote ?? "inheritance",
            TableEvidenceKind.NoTable => entity.EvidenceNote ?? "mapped to no table",
            _ => string.Empty,
        };
        return md.WithLink(text, entity.EvidenceLocation);
    }
}
