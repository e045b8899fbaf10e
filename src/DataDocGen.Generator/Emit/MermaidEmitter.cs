using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// A Mermaid <c>erDiagram</c> of a context's tables and relationships, as GitHub renders it. Identifiers are reduced to
/// letters, digits and underscores; large models drop column lists, and very large ones get no diagram (the caller
/// says so).
/// </summary>
internal static class MermaidEmitter
{
    /// <summary>Above this many tables the diagram shows tables and relationships only.</summary>
    public const int MaxTablesWithColumns = 40;

    /// <summary>Above this many tables no diagram is drawn: it would not be readable.</summary>
    public const int MaxTables = 150;

    public static string? Emit(ContextReport context)
    {
        var tables = context.Tables;
        if (tables.IsEmpty || tables.Count > MaxTables) return null;

        // An owned type owned through several navigations, each with a table of its own (OwnsOne(...).ToTable), is listed
        // by several tables: its edges are drawn only where a foreign key tells its table (else none, never a wrong one).
        var tablesOf = new Dictionary<string, List<TableReport>>();
        foreach (var table in tables)
        {
            foreach (var entity in table.Entities)
            {
                if (!tablesOf.TryGetValue(entity, out var list)) tablesOf[entity] = list = new List<TableReport>();
                list.Add(table);
            }
        }
        var ids = UniqueIds(tables);

        var text = new StringBuilder("```mermaid\nerDiagram\n");
        var withColumns = tables.Count <= MaxTablesWithColumns;
        foreach (var table in tables)
        {
            if (!withColumns)
            {
                text.Append("    ").Append(ids[table]).Append(" {\n    }\n");
                continue;
            }
            text.Append("    ").Append(ids[table]).Append(" {\n");
            var foreignKeyColumns = new HashSet<string>(table.ForeignKeys.SelectMany(f => f.Columns));
            foreach (var column in table.Columns)
            {
                var markers = new List<string>();
                if (table.PrimaryKey?.Columns.Contains(column.Name) == true) markers.Add("PK");
                if (foreignKeyColumns.Contains(column.Name)) markers.Add("FK");
                text.Append("        ").Append(Identifier(ShortType(column.ClrType))).Append(' ').Append(Identifier(column.Name));
                if (markers.Count > 0) text.Append(' ').Append(string.Join(", ", markers));
                if (column.Nullable) text.Append(" \"nullable\"");
                text.Append('\n');
            }
            text.Append("    }\n");
        }
        // A join class (UsingEntity<TJoin>) is an entity type whose own relationships duplicate the many-to-many's
        // edges: the many-to-many draws them, labelled with its navigations.
        var joinTables = new HashSet<string>(context.Relationships.Where(r => r.JoinTable is not null).Select(r => r.JoinTable!), System.StringComparer.Ordinal);
        foreach (var relationship in context.Relationships)
        {
            if (relationship.IsOwnership) continue; // owned types live in their owner's box
            if (!tablesOf.TryGetValue(relationship.Principal, out var principals) || principals.Count != 1 || !tablesOf.TryGetValue(relationship.Dependent, out var dependents)) continue;
            var principal = principals[0];
            var referencing = dependents.Count == 1 ? dependents : dependents.Where(d => d.ForeignKeys.Any(f => f.PrincipalTable == principal.QualifiedName)).ToList();
            if (referencing.Count != 1) continue;
            var dependent = referencing[0];
            if (relationship.JoinTable is not null)
            {
                // Many-to-many: each end has many rows in the join table.
                var join = tables.FirstOrDefault(t => t.QualifiedName == relationship.JoinTable);
                if (join is null) continue;
                text.Append("    ").Append(ids[principal]).Append(" ||--o{ ").Append(ids[join]).Append(" : \"").Append(relationship.PrincipalNavigation ?? "has").Append("\"\n");
                text.Append("    ").Append(ids[dependent]).Append(" ||--o{ ").Append(ids[join]).Append(" : \"").Append(relationship.DependentNavigation ?? "has").Append("\"\n");
                continue;
            }
            if (joinTables.Contains(dependent.QualifiedName)) continue;
            var left = relationship.Required ? "||" : "|o";
            var right = relationship.Cardinality == "OneToOne" ? "o|" : "o{";
            var label = relationship.DependentNavigation ?? relationship.PrincipalNavigation ?? "has";
            text.Append("    ").Append(ids[principal]).Append(' ').Append(left).Append("--").Append(right).Append(' ').Append(ids[dependent])
                .Append(" : \"").Append(label.Replace("\"", "")).Append("\"\n");
        }
        return text.Append("```").ToString();
    }

    private static Dictionary<TableReport, string> UniqueIds(IEnumerable<TableReport> tables)
    {
        var ids = new Dictionary<TableReport, string>();
        var used = new HashSet<string>();
        foreach (var table in tables)
        {
            var id = Identifier(table.Schema is null ? table.Name : table.Schema + "_" + table.Name);
            var candidate = id;
            for (var i = 2; !used.Add(candidate); i++) candidate = id + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[table] = candidate;
        }
        return ids;
    }

    /// <summary>Letters, digits and underscores only, not starting with a digit.</summary>
    public static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_') ? c : '_');
        if (builder.Length == 0 || char.IsDigit(builder[0])) builder.Insert(0, '_');
        return builder.ToString();
    }

    /// <summary>A readable type name: <c>System.Int32</c> is <c>int</c>, <c>Shop.OrderStatus</c> is <c>OrderStatus</c>.</summary>
    public static string ShortType(string clrType) => clrType switch
    {
        "System.Int32" => "int",
        "System.Int64" => "long",
        "System.Int16" => "short",
        "System.Byte" => "byte",
        "System.Boolean" => "bool",
        "System.String" => "string",
        "System.Decimal" => "decimal",
        "System.Double" => "double",
        "System.Single" => "float",
        "System.Byte[]" => "bytes",
        "System.Char" => "char",
        _ => clrType.Substring(clrType.LastIndexOfAny(new[] { '.', '+' }) + 1),
    };
}
