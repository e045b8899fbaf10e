using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 5: event sourcing (event streams, appends, projections, snapshots, live aggregation, rebuilds).</summary>
internal static class SynchronisationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        if (report.EventSourcing.IsEmpty) return;
        md.Line("## 5. Data synchronisation").Line();
        md.Line("### 5.1 Event sourcing").Line();
        md.Line("| Store | Kind | Aggregate or projection | Events | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var item in report.EventSourcing)
        {
            md.Line("| " + Markdown.Text(item.Store) + " | " + item.Kind + " | " + (item.Subject is null ? "" : Markdown.Code(item.Subject))
                    + " | " + string.Join(", ", item.Events.Select(Markdown.Code)) + " | " + (item.Detail is null ? "" : Markdown.Text(item.Detail))
                    + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }
}
