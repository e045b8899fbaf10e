using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// A tbls-compatible <c>schema.json</c> per relational context whose schema is fully known (issue 6: tbls lint,
/// coverage and ER diagrams with no database). The shape follows tbls' JSON schema
/// (github.com/k1LoW/tbls, spec/tbls.schema.json_schema.json): tables with columns, indexes and constraints,
/// and relations from the foreign keys. Definitions (<c>def</c>) are written the way the providers' DDL reads; column
/// types are the store types EF Core chooses, or the CLR type when the provider's store type is not known.
/// </summary>
internal static class TblsEmitter
{
    public static IEnumerable<(string FileName, string Content)> Emit(DataLayerReport report) => report.Contexts
        .Where(c => c.IsRelational && c.TablesUnknownBecause.IsEmpty && c.SchemaUnknownBecause.IsEmpty && !c.Tables.IsEmpty)
        .Select(c => ("tbls/" + c.Name + ".schema.json", Emit(c)));

    private static string Emit(ContextReport context)
    {
        var tables = context.Tables.Select(t => (Table: t, View: false)).Concat(context.Views.Select(v => (Table: v, View: true))).ToList();
        var json = new JsonWriter();
        json.StartObject().Property("name", context.Name).Property("desc", "EF Core context " + context.FullName + ", documented by DataDocGen from the code");
        json.Name("tables").StartArray();
        foreach (var (table, view) in tables)
        {
            var name = table.QualifiedName;
            json.StartObject().Property("name", name).Property("type", TableType(context.Provider, view)).Property("comment", "entities: " + string.Join(", ", table.Entities));
            json.Name("columns").StartArray();
            foreach (var column in table.Columns)
            {
                json.StartObject().Property("name", column.Name).Property("type", column.StoreType ?? column.ClrType).Name("nullable").Bool(column.Nullable)
                    .Property("comment", column.Origin).EndObject();
            }
            json.EndArray().Name("indexes").StartArray();
            foreach (var index in table.Indexes)
            {
                json.StartObject().Property("name", index.Name)
                    .Property("def", "CREATE " + (index.Unique ? "UNIQUE " : "") + "INDEX " + index.Name + " ON " + name + " (" + string.Join(", ", index.Columns) + ")" + (index.Filter is null ? "" : " WHERE " + index.Filter))
                    .Property("table", name).StringArray("columns", index.Columns).EndObject();
            }
            json.EndArray().Name("constraints").StartArray();
            if (table.PrimaryKey is { } key)
            {
                json.StartObject().Property("name", key.Name).Property("type", "PRIMARY KEY").Property("def", "PRIMARY KEY (" + string.Join(", ", key.Columns) + ")")
                    .Property("table", name).StringArray("columns", key.Columns).EndObject();
            }
            foreach (var unique in table.UniqueConstraints)
            {
                json.StartObject().Property("name", unique.Name).Property("type", "UNIQUE").Property("def", "UNIQUE (" + string.Join(", ", unique.Columns) + ")")
                    .Property("table", name).StringArray("columns", unique.Columns).EndObject();
            }
            foreach (var foreignKey in table.ForeignKeys)
            {
                json.StartObject().Property("name", foreignKey.Name).Property("type", "FOREIGN KEY").Property("def", ForeignKeyDef(foreignKey))
                    .Property("table", name).Property("referenced_table", foreignKey.PrincipalTable)
                    .StringArray("columns", foreignKey.Columns).StringArray("referenced_columns", foreignKey.PrincipalColumns).EndObject();
            }
            foreach (var check in table.CheckConstraints)
            {
                json.StartObject().Property("name", check.Name).Property("type", "CHECK").Property("def", "CHECK (" + check.Sql + ")")
                    .Property("table", name).StringArray("columns", System.Array.Empty<string>()).EndObject();
            }
            json.EndArray().StringArray("referenced_tables", table.ForeignKeys.Select(f => f.PrincipalTable).Distinct().OrderBy(t => t, System.StringComparer.Ordinal));
            json.EndObject();
        }
        json.EndArray().Name("relations").StartArray();
        foreach (var (table, _) in tables)
        {
            foreach (var foreignKey in table.ForeignKeys)
            {
                // Child side: one row per parent when the FK columns are unique (1:1), else any number. Parent side:
                // exactly one when every FK column is required, else zero or one.
                var unique = table.Indexes.Any(i => i.Unique && i.Columns.SequenceEqual(foreignKey.Columns))
                             || (table.PrimaryKey is { } pk && pk.Columns.SequenceEqual(foreignKey.Columns));
                var required = foreignKey.Columns.All(c => table.Columns.FirstOrDefault(col => col.Name == c) is { Nullable: false });
                json.StartObject().Property("table", table.QualifiedName).StringArray("columns", foreignKey.Columns)
                    .Property("cardinality", unique ? "zero_or_one" : "zero_or_more")
                    .Property("parent_table", foreignKey.PrincipalTable).StringArray("parent_columns", foreignKey.PrincipalColumns)
                    .Property("parent_cardinality", required ? "exactly_one" : "zero_or_one")
                    .Property("def", ForeignKeyDef(foreignKey)).EndObject();
            }
        }
        json.EndArray();
        if (Driver(context.Provider) is { } driver) json.Name("driver").StartObject().Property("name", driver).EndObject();
        return json.EndObject().ToString();
    }

    private static string ForeignKeyDef(ForeignKeyReport foreignKey) =>
        "FOREIGN KEY (" + string.Join(", ", foreignKey.Columns) + ") REFERENCES " + foreignKey.PrincipalTable + " (" + string.Join(", ", foreignKey.PrincipalColumns) + ") ON DELETE " + foreignKey.OnDelete;

    /// <summary>The table types tbls' own drivers write (its sample documents): SQL Server "BASIC TABLE", SQLite "table"/"view".</summary>
    private static string TableType(string? provider, bool view) => (provider, view) switch
    {
        ("Sqlite", true) => "view",
        ("Sqlite", false) => "table",
        (_, true) => "VIEW",
        ("SqlServer", false) => "BASIC TABLE",
        _ => "BASE TABLE",
    };

    /// <summary>tbls' driver names for the providers whose store types the report knows.</summary>
    private static string? Driver(string? provider) => provider switch
    {
        "SqlServer" => "sqlserver",
        "Npgsql" => "postgres",
        "Sqlite" => "sqlite",
        _ => null,
    };
}
