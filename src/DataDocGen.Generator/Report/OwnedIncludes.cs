using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// An <c>Include</c> of an owned type's navigation loads nothing more: EF Core loads owned types with their owner whether
/// or not a query includes them (eShopOnContainers' <c>_context.Orders.Include(x =&gt; x.Address)</c>, <c>Address</c> being
/// <c>OwnsOne</c>'d, was listed as eager loading of <c>Address</c>). The query does not say which context it runs through,
/// so the row says so only where every context of the report that knows the entity type has each step of the include's
/// path as an owned navigation (<see cref="ContextReport.OwnedNavigations"/>); an entity no context knows, a context
/// whose model could not be read at all, a filtered include or a path through a non-owned navigation keep the row as it is.
/// Decided on the report being rendered (a project's own, or the merged one), in the markdown and the JSON alike.
/// </summary>
internal static class OwnedIncludes
{
    /// <summary>The kind such an include is shown with.</summary>
    public const string Kind = "Eager loading (no effect: an owned type, loaded with its owner anyway)";

    /// <summary>The kind to show for each row of <see cref="DataLayerReport.QueryShapes"/>.</summary>
    public static Func<QueryShapeSpec, string> Kinds(DataLayerReport report)
    {
        if (!report.QueryShapes.Any(s => s.Kind == "Eager loading" && s.Entity is not null && s.Detail is not null)) return s => s.Kind;
        // A context whose schema failed to build names no entity: it could map the type either way.
        if (report.Contexts.Any(c => c.Entities.IsEmpty && !c.SchemaUnknownBecause.IsEmpty)) return s => s.Kind;
        var contexts = report.Contexts.Select(c => (Known: Known(c), Owned: new HashSet<(string, string)>(c.OwnedNavigations.Select(o => (o.Owner, o.Path))))).ToList();
        return shape =>
        {
            if (shape.Kind != "Eager loading" || shape.Entity is not { } entity || shape.Detail is not { } path) return shape.Kind;
            var knowing = contexts.Where(c => c.Known.Contains(entity)).ToList();
            return knowing.Count > 0 && knowing.All(c => Prefixes(path).All(p => c.Owned.Contains((entity, p)))) ? Kind : shape.Kind;
        };
    }

    /// <summary>The entity types a context's model names: its entities, its tables', its relationships' and the owners of its owned navigations.</summary>
    private static HashSet<string> Known(ContextReport context) =>
        new(context.Entities.Select(e => e.FullName)
            .Concat(context.Tables.Concat(context.Views).SelectMany(t => t.Entities))
            .Concat(context.Relationships.SelectMany(r => new[] { r.Principal, r.Dependent }))
            .Concat(context.OwnedNavigations.Select(o => o.Owner)), StringComparer.Ordinal);

    /// <summary><c>Address.Geo</c>: <c>Address</c>, <c>Address.Geo</c>.</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1)) yield return path.Substring(0, dot);
        yield return path;
    }
}
