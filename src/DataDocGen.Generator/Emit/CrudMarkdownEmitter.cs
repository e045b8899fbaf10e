using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2.1's CRUD matrix (entity × create/read/update/delete, each cell the members that do it with their
/// evidence) and the bulk operations.</summary>
internal static class CrudMarkdownEmitter
{
    private static readonly CrudOperation[] Operations = { CrudOperation.Create, CrudOperation.Read, CrudOperation.Update, CrudOperation.Delete };

    public static void Write(Markdown md, DataLayerReport report)
    {
        if (report.Crud.IsEmpty) return;
        md.Line("#### CRUD by entity").Line();
        md.Line("Which code creates, reads, updates and deletes each entity: EF Core calls on its `DbSet` or context, and SQL whose constant text names its table. Changes to tracked entities that `SaveChanges` writes are not attributed.").Line();
        md.Line("| Entity | Create | Read | Update | Delete |").Line("| --- | --- | --- | --- | --- |");
        foreach (var entity in report.Crud.GroupBy(r => (r.Target, r.Entity)))
        {
            var label = entity.Key.Target switch
            {
                CrudTarget.Table => "table " + Markdown.Code(entity.Key.Entity) + " (SQL)",
                CrudTarget.TypeParameter => Markdown.Code(entity.Key.Entity) + " (any entity)",
                _ => Markdown.Code(entity.Key.Entity),
            };
            md.Line("| " + label + " | " + string.Join(" | ", Operations.Select(op => Cell(md, entity.Where(r => r.Operation == op)))) + " |");
        }
        md.Line();

        var bulk = report.Crud.Where(r => r.Bulk).OrderBy(r => r.Location, LocationComparer.Instance).ToList();
        if (bulk.Count > 0)
        {
            md.Line("Bulk operations (set-based, or many entities in one call):").Line();
            md.Line("| Where | Entity | Operation | Call | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var row in bulk)
            {
                md.Line("| " + Markdown.Code(row.Member) + " | " + Markdown.Code(row.Entity) + " | " + row.Operation.ToString().ToLowerInvariant()
                        + " | " + Markdown.Code(row.Api) + " | " + md.Link(row.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>Each member once, with the links of its calls: <c>`OrderService.Place` [Services/OrderService.cs:12](...)</c>.</summary>
    private static string Cell(Markdown md, IEnumerable<CrudSpec> rows) => string.Join("<br>", rows
        .GroupBy(r => r.Member)
        .Select(g => Markdown.Code(g.Key) + " " + string.Join(", ", g.Select(r => r.Location).Distinct().Select(md.Link))));
}
