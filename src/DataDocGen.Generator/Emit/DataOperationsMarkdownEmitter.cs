using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2: CRUD by entity, query filters (soft delete, tenancy) and their bypasses and save hooks (2.1);
/// explicit transaction boundaries (2.2); how queries load and track (2.4: Include paths, no-tracking, split queries,
/// compiled queries, N+1 risks).</summary>
internal static class DataOperationsMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var filtered = report.Contexts.Where(c => !c.QueryFilters.IsEmpty).ToList();
        var sagas = report.Messaging.Where(m => m.Kind is "saga" or "saga registration" or "saga storage" or "outbox" or "outbox tables" or "retry").ToList();
        if (report.Crud.IsEmpty && sagas.Count == 0 && report.Validators.IsEmpty && report.AnnotatedProperties.IsEmpty && EntityTypes.Guards(report).Count == 0 && report.Sanitisation.IsEmpty && filtered.Count == 0 && report.FilterBypasses.IsEmpty && report.Transactions.IsEmpty && report.QueryShapes.IsEmpty && report.SaveHooks.IsEmpty) return;
        md.Line("## 2. Data operations").Line();

        if (!report.Crud.IsEmpty || filtered.Count > 0 || !report.FilterBypasses.IsEmpty || !report.SaveHooks.IsEmpty)
        {
            md.Line("### 2.1 CRUD, soft deletes and audit").Line();
        }
        CrudMarkdownEmitter.Write(md, report);

        if (filtered.Count > 0 || !report.FilterBypasses.IsEmpty)
        {
            md.Line("#### Query filters (soft delete, tenancy)").Line();
            foreach (var context in filtered)
            {
                md.Line("Global query filters in " + Markdown.Code(context.Name) + ":").Line();
                md.Line("| Entity | Filter | Evidence |").Line("| --- | --- | --- |");
                foreach (var filter in context.QueryFilters)
                {
                    md.Line("| " + (filter.Entity is null ? "entity types chosen in code at run time" : Markdown.Code(filter.Entity))
                            + " | " + (filter.Filter is null ? "set in code" : Markdown.Code(filter.Filter)) + " | " + md.Link(filter.Location) + " |");
                }
                md.Line();
            }
            if (!report.FilterBypasses.IsEmpty)
            {
                md.Line("Queries that bypass the filters (`IgnoreQueryFilters`):").Line();
                foreach (var bypass in report.FilterBypasses)
                {
                    md.Line("- " + md.WithLink(Markdown.Code(bypass.Member) + (bypass.Condition is null ? "" : ", when " + Markdown.Code(bypass.Condition)), bypass.Location));
                }
                md.Line();
            }
        }

        if (!report.SaveHooks.IsEmpty)
        {
            md.Line("#### Save hooks (audit fields, soft delete)").Line();
            md.Line("Code that runs when changes are saved, and what it does to the tracked entries:").Line();
            var publishing = report.SaveHooks.Any(h => !h.Publishes.IsEmpty);
            md.Line("| Hook | Kind | Entries | Sets | Entry states" + (publishing ? " | Publishes" : "") + " | Evidence |")
              .Line("| --- | --- | --- | --- | --- |" + (publishing ? " --- |" : "") + " --- |");
            foreach (var hook in report.SaveHooks)
            {
                md.Line("| " + Markdown.Code(hook.TypeName) + " | " + Markdown.Text(hook.Kind)
                        + " | " + (hook.Entries.IsEmpty ? "" : string.Join(", ", hook.Entries.Select(Markdown.Code)))
                        + " | " + (hook.AssignedMembers.IsEmpty ? "" : string.Join(", ", hook.AssignedMembers.Select(Markdown.Code)))
                        + " | " + (hook.StateChanges.IsEmpty ? "" : string.Join("; ", hook.StateChanges.Select(Markdown.Code)))
                        + (publishing ? " | " + string.Join("; ", hook.Publishes.Select(Markdown.Text)) : "")
                        + " | " + md.Link(hook.Location) + " |");
            }
            md.Line();
        }

        if (!report.Transactions.IsEmpty || sagas.Count > 0)
        {
            md.Line("### 2.2 Transactions").Line();
        }
        if (sagas.Count > 0)
        {
            md.Line("#### Sagas, outbox and retries (" + string.Join(", ", sagas.Select(m => m.Library).Distinct().OrderBy(l => l, System.StringComparer.Ordinal)) + ")").Line();
            md.Line("| Kind | Subject | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var item in sagas)
            {
                var detail = string.Join("; ", new[] { item.Detail }.Concat(item.Items).Where(d => d is not null).Select(d => Markdown.Inline(d!)));
                md.Line("| " + item.Kind + " | " + Markdown.Code(item.Subject) + " | " + detail + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
        if (!report.Transactions.IsEmpty)
        {
            if (sagas.Count > 0) md.Line("#### Transaction boundaries").Line();
            if (report.Transactions.Any(t => t.Kind == "Marten unit of work"))
            {
                md.Line("A Marten unit of work is a session's `SaveChanges[Async]`: it commits the operations queued on the session in one database transaction. Inside lists those queued on the same session earlier in the same method; operations queued elsewhere are not followed.").Line();
            }
            md.Line("| Where | Kind | Call | Inside (in order) | Condition | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
            foreach (var transaction in report.Transactions)
            {
                md.Line("| " + Markdown.Code(transaction.Member) + " | " + Markdown.Text(transaction.Kind) + " | " + Markdown.Code(transaction.Detail)
                        + " | " + string.Join("; ", transaction.Operations.Select(Markdown.Text))
                        + " | " + (transaction.Condition is null ? "" : Markdown.Code(transaction.Condition)) + " | " + md.Link(transaction.Location) + " |");
            }
            md.Line();
        }

        ValidationMarkdownEmitter.Write(md, report);

        if (!report.QueryShapes.IsEmpty)
        {
            md.Line("### 2.4 Query optimisation: loading and tracking").Line();
            md.Line("| Where | What | Entity | Path or call | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var shape in report.QueryShapes)
            {
                md.Line("| " + Markdown.Code(shape.Member) + " | " + Markdown.Text(shape.Kind) + " | " + (shape.Entity is null ? "" : Markdown.Code(shape.Entity))
                        + " | " + (shape.Detail is null ? "" : Markdown.Code(shape.Detail)) + " | " + md.Link(shape.Location) + " |");
            }
            md.Line();
        }
    }
}
