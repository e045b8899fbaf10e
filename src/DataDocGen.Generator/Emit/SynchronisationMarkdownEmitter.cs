using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 5: event sourcing (5.1: streams, appends, projections, snapshots, live aggregation, rebuilds) and
/// the messages the code sends to other systems (5.2: transports, published and sent message types).</summary>
internal static class SynchronisationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var messages = report.Messaging.Where(m => m.Kind is "published" or "sent" or "transport").ToList();
        var capture = report.SqlFacts.Where(f => f.Category == "capture").ToList();
        if (report.EventSourcing.IsEmpty && messages.Count == 0 && capture.Count == 0) return;
        md.Line("## 5. Data synchronisation").Line();
        WriteEventSourcing(md, report);
        if (messages.Count == 0 && capture.Count == 0) return;
        md.Line("### 5.2 Change data capture and messages to other systems").Line();
        SecurityMarkdownEmitter.WriteSqlFacts(md, capture, "Change capture set up in SQL (scripts and migrations):");
        WriteMessages(md, messages);
    }

    private static void WriteEventSourcing(Markdown md, DataLayerReport report)
    {
        if (report.EventSourcing.IsEmpty) return;
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

    private static void WriteMessages(Markdown md, List<MessagingSpec> messages)
    {
        if (messages.Count == 0) return;
        md.Line("Message transports and the messages the code publishes or sends (MassTransit):").Line();
        md.Line("| Kind | Message or transport | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
        foreach (var item in messages)
        {
            md.Line("| " + item.Kind + " | " + Markdown.Code(item.Subject) + " | " + (item.Detail is null ? "" : Markdown.Text(item.Detail))
                    + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }
}
