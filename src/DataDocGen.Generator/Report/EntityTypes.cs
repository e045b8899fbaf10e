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

    /// <summary>Whether the report's stated schema maps a property of an entity type to no column (a get-only property, one
    /// ignored): true only when every context showing the type states its columns, the type is an entity of its own (an
    /// owned or complex type's columns name the owner's navigation: Entry.Address.Street) and the property is no
    /// navigation. Built once per report; the eShop audit found <c>[Required]</c> on <c>IntegrationEventLogEntry.Content</c>,
    /// a get-only property EF does not store, listed as an EF Core entity's annotation with nothing saying it is no column.</summary>
    public static System.Func<string, string, bool> NoColumn(DataLayerReport report)
    {
        var withheld = new HashSet<string>(report.Contexts.Where(c => !c.SchemaUnknownBecause.IsEmpty || !c.TablesUnknownBecause.IsEmpty)
            .SelectMany(c => c.Entities.Select(e => e.FullName).Concat(c.Tables.Concat(c.Views).SelectMany(t => t.Entities))), System.StringComparer.Ordinal);
        var stated = report.Contexts.Where(c => c.SchemaUnknownBecause.IsEmpty && c.TablesUnknownBecause.IsEmpty).ToList();
        var ownEntities = new HashSet<string>(stated.SelectMany(c => c.Entities.Select(e => e.FullName)), System.StringComparer.Ordinal);
        var tabled = new HashSet<string>(stated.SelectMany(c => c.Tables.Concat(c.Views).SelectMany(t => t.Entities)), System.StringComparer.Ordinal);
        var owned = new HashSet<string>(stated.SelectMany(c => c.Relationships).Where(r => r.IsOwnership).Select(r => r.Dependent), System.StringComparer.Ordinal);
        var navigations = new HashSet<(string, string?)>(stated.SelectMany(c => c.Relationships)
            .SelectMany(r => new[] { (r.Principal, r.PrincipalNavigation), (r.Dependent, r.DependentNavigation) }));
        // Columns say where they come from: Type.Member, owned ones Type.Member.Inner (each prefix counts as the member's).
        var origins = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var origin in stated.SelectMany(c => c.Tables.Concat(c.Views)).SelectMany(t => t.Columns).Select(c => c.Origin))
        {
            origins.Add(origin);
            for (var dot = origin.LastIndexOf('.'); dot > 0 && origin.IndexOf('.') < dot; dot = origin.LastIndexOf('.', dot - 1)) origins.Add(origin.Substring(0, dot));
        }
        return (typeFullName, property) =>
        {
            if (withheld.Contains(typeFullName) || !tabled.Contains(typeFullName) || !ownEntities.Contains(typeFullName) || owned.Contains(typeFullName)) return false;
            if (navigations.Contains((typeFullName, property))) return false;
            return !origins.Contains(typeFullName.Substring(typeFullName.LastIndexOfAny(new[] { '.', '+' }) + 1) + "." + property);
        };
    }

    /// <summary>The guard clauses the report shows: those in entity types (every class checks its constructor's arguments).</summary>
    public static List<Model.GuardSpec> Guards(DataLayerReport report)
    {
        if (report.Guards.IsEmpty) return new List<Model.GuardSpec>();
        var entities = Of(report);
        return report.Guards.Where(g => entities.Contains(g.TypeFullName)).ToList();
    }
}
