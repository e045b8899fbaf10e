using System.Collections.Generic;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>The types the report's EF Core models show as entities: DbSets and navigations, owned types and join entities
/// in tables and relationships. What is not in it is unknown, never "not an entity": a withheld schema may hide one.</summary>
internal static class EntityTypes
{
    public static HashSet<string> Of(DataLayerReport report) =>
        new(report.Contexts.SelectMany(c => c.Entities.Select(e => e.FullName)
            .Concat(c.Tables.Concat(c.Views).SelectMany(t => t.Entities))
            .Concat(c.Relationships.SelectMany(r => new[] { r.Principal, r.Dependent }))), System.StringComparer.Ordinal);

    /// <summary>The guard clauses the report shows: those in entity types (every class checks its constructor's arguments).</summary>
    public static List<Model.GuardSpec> Guards(DataLayerReport report)
    {
        if (report.Guards.IsEmpty) return new List<Model.GuardSpec>();
        var entities = Of(report);
        return report.Guards.Where(g => entities.Contains(g.TypeFullName)).ToList();
    }
}
