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

    /// <summary>Whether the report's stated schema maps <paramref name="property"/> of an entity type to no column (a get-only
    /// property, one ignored): true only when every context showing the type states its columns. The eShopOnWeb/eShop
    /// audit found <c>[Required]</c> on <c>IntegrationEventLogEntry.Content</c>, a get-only property EF does not store,
    /// listed as an EF Core entity's annotation with nothing saying it is no column.</summary>
    public static bool IsNoColumn(DataLayerReport report, string typeFullName, string property)
    {
        var showing = report.Contexts.Where(c => c.Entities.Any(e => e.FullName == typeFullName)
                                                 || c.Tables.Concat(c.Views).Any(t => t.Entities.Contains(typeFullName))).ToList();
        if (showing.Count == 0 || showing.Any(c => !c.SchemaUnknownBecause.IsEmpty || !c.TablesUnknownBecause.IsEmpty)) return false;
        if (!showing.SelectMany(c => c.Tables.Concat(c.Views)).Any(t => t.Entities.Contains(typeFullName))) return false;
        // Only entity types of their own: an owned or complex type's columns name the owner's navigation (Entry.Address.Street).
        if (!showing.All(c => c.Entities.Any(e => e.FullName == typeFullName))
            || showing.SelectMany(c => c.Relationships).Any(r => r.IsOwnership && r.Dependent == typeFullName)) return false;
        // A navigation is no column but is mapped ([Required] on it makes its foreign key required).
        if (showing.SelectMany(c => c.Relationships).Any(r => (r.Principal == typeFullName && r.PrincipalNavigation == property)
                                                             || (r.Dependent == typeFullName && r.DependentNavigation == property))) return false;
        // Columns say where they come from (Type.Member, owned ones Type.Member.Inner), in any of the contexts' tables.
        var origin = typeFullName.Substring(typeFullName.LastIndexOfAny(new[] { '.', '+' }) + 1) + "." + property;
        return !showing.SelectMany(c => c.Tables.Concat(c.Views)).SelectMany(t => t.Columns)
            .Any(c => c.Origin == origin || c.Origin.StartsWith(origin + ".", System.StringComparison.Ordinal));
    }

    /// <summary>The guard clauses the report shows: those in entity types (every class checks its constructor's arguments).</summary>
    public static List<Model.GuardSpec> Guards(DataLayerReport report)
    {
        if (report.Guards.IsEmpty) return new List<Model.GuardSpec>();
        var entities = Of(report);
        return report.Guards.Where(g => entities.Contains(g.TypeFullName)).ToList();
    }
}
