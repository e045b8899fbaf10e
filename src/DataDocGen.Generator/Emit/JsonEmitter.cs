using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// Renders DATA_LAYER.json. The <c>contexts</c> part mirrors EF Core's relational model (IRelationalModel) so that EF
/// Core itself can check it: property names and order are fixed, every property is always written, arrays of named
/// things are sorted ordinally. Column, key, index and relationship detail is not computed yet: the top-level
/// <c>notYetComputed</c> list says so rather than letting empty arrays pass for facts.
/// </summary>
internal static class JsonEmitter
{
    public const int SchemaVersion = 1;

    private static readonly string[] NotYetComputed =
        { "columns", "primaryKey", "foreignKeys", "indexes", "uniqueConstraints", "checkConstraints", "relationships", "entitiesWithoutDbSet" };

    public static string Emit(DataLayerReport report)
    {
        var json = new JsonWriter();
        json.StartObject()
            .Name("schemaVersion").Number(SchemaVersion)
            .Property("project", report.ProjectName)
            .Name("contexts").StartArray();
        foreach (var context in report.Contexts)
        {
            json.StartObject()
                .Property("name", context.Name)
                .Property("fullName", context.FullName)
                .Property("provider", context.Provider)
                .Name("tables").StartArray();
            foreach (var table in context.Tables) WriteTable(json, table);
            json.EndArray().Name("views").StartArray();
            foreach (var view in context.Views) WriteTable(json, view);
            json.EndArray()
                .Name("relationships").StartArray().EndArray()
                .EndObject();
        }
        json.EndArray();

        json.Name("contextsWithUnknownTables").StartArray();
        foreach (var context in report.Contexts.Where(c => !c.TablesUnknownBecause.IsEmpty))
        {
            json.StartObject()
                .Property("name", context.Name)
                .StringArray("reasons", context.TablesUnknownBecause.Select(r => r.What).Distinct().OrderBy(r => r, System.StringComparer.Ordinal))
                .EndObject();
        }
        json.EndArray();

        json.StringArray("notYetComputed", NotYetComputed);
        json.StringArray("searchedWithoutResult", SearchedWithoutResult(report));
        return json.EndObject().ToString();
    }

    private static void WriteTable(JsonWriter json, TableReport table)
    {
        json.StartObject()
            .Property("name", table.Name)
            .Property("schema", table.Schema)
            .StringArray("entities", table.Entities)
            .Name("columns").StartArray().EndArray()
            .Name("primaryKey").Null()
            .Name("foreignKeys").StartArray().EndArray()
            .Name("indexes").StartArray().EndArray()
            .Name("uniqueConstraints").StartArray().EndArray()
            .Name("checkConstraints").StartArray().EndArray()
            .EndObject();
    }

    /// <summary>The outline topics DataDocGen looked for and found nothing on (the markdown never names what is absent).</summary>
    private static string[] SearchedWithoutResult(DataLayerReport report)
    {
        var topics = new System.Collections.Generic.List<string>();
        if (report.Contexts.IsEmpty) topics.Add("1.1 Databases and connections: EF Core DbContexts and their registrations");
        if (report.Contexts.All(c => c.Entities.IsEmpty)) topics.Add("1.2 Data models and entities: DbSet entity types");
        return topics.ToArray();
    }
}
