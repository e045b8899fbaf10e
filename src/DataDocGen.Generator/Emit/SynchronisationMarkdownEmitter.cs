using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 5: event sourcing (5.1: streams, appends, projections, snapshots, live aggregation, rebuilds) and
/// the messages the code exchanges with other systems (5.2: transports, published and sent message types with constant
/// destinations, consumers with the messages they consume and their registrations).</summary>
internal static class SynchronisationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var messages = report.Messaging.Where(m => m.Kind is "published" or "sent" or "scheduled" or "schedule cancelled" or "request sent" or "response sent" or "transport" or "route").ToList();
        var consumers = report.Messaging.Where(m => m.Kind is "consumer" or "consumer registration" or "consumer scan" or "consumers on endpoint").ToList();
        var capture = report.SqlFacts.Where(f => f.Category == "capture").ToList();
        var eventTables = EventTables.Find(report);
        var outboxes = OutboxTables.Find(report);
        var brokers = report.BrokerMessages;
        if (report.EventSourcing.IsEmpty && eventTables.Count == 0 && outboxes.Count == 0 && messages.Count == 0 && brokers.IsEmpty && consumers.Count == 0 && capture.Count == 0 && report.BackgroundJobs.IsEmpty) return;
        md.Line("## 5. Data synchronisation").Line();
        WriteEventSourcing(md, report, eventTables);
        if (messages.Count == 0 && brokers.IsEmpty && consumers.Count == 0 && capture.Count == 0 && outboxes.Count == 0 && report.BackgroundJobs.IsEmpty) return;
        md.Line("### 5.2 Change data capture and messages to other systems").Line();
        SecurityMarkdownEmitter.WriteSqlFacts(md, capture, "Change capture set up in SQL (scripts and migrations):");
        WriteMessages(md, messages);
        WriteBrokerMessages(md, brokers);
        WriteConsumers(md, consumers);
        WriteOutboxTables(md, outboxes);
        WriteBackgroundJobs(md, report);
    }

    private static void WriteOutboxTables(Markdown md, List<OutboxTables.OutboxTable> outboxes)
    {
        if (outboxes.Count == 0) return;
        md.Line("Tables shaped like a hand-written transactional outbox (**heuristic: by column names**: a message type, a payload and when it was processed), with the background jobs that read them and publish or send messages:").Line();
        md.Line("| Context | Table | Type | Payload | Processed | Written in a transaction with other changes | Read by jobs that publish or send | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var item in outboxes)
        {
            var evidence = item.Table.Columns.FirstOrDefault(c => c.Name == item.Payload)?.Location;
            // A state column: its enum and the member that marks a message processed.
            var state = item.ProcessedState is null ? ""
                : " (enum " + Markdown.Code(OutboxTables.SimpleName(item.Table.Columns.First(c => c.Name == item.Processed).ClrType)) + " with " + Markdown.Code(item.ProcessedState) + ")";
            md.Line("| " + Markdown.Code(item.Context) + " | " + Markdown.Code(item.Table.QualifiedName) + " | " + Markdown.Code(item.Type) + " | " + Markdown.Code(item.Payload)
                    + " | " + Markdown.Code(item.Processed) + state
                    + " | " + string.Join("<br>", item.WrittenIn.Select(t => md.WithLink(Markdown.Code(t.Member)
                        + (t.JoinedParameter is { } parameter ? " (joins the caller's transaction, passed as " + Markdown.Code(parameter) + ")" : " (" + Markdown.Text(t.Kind) + ")"), t.Location)))
                    + " | " + (item.Publishers.Count == 0 ? "none found" : string.Join("<br>", item.Publishers.Select(j => md.WithLink(Markdown.Code(j.FullName), j.Location))))
                    + " | " + md.Link(evidence) + " |");
        }
        md.Line();
    }

    /// <summary>Background services and scheduled jobs (Hangfire, Quartz.NET) and the data they move, step by step in the
    /// order of their code, with where the code hands them to a scheduler and when they run.</summary>
    private static void WriteBackgroundJobs(Markdown md, DataLayerReport report)
    {
        if (report.BackgroundJobs.IsEmpty) return;
        md.Line("Background jobs and the data they move (their own code, and the project methods they call, in the order of the job's code):").Line();
        md.Line("| Job | Kind | Scheduled | Steps | Evidence |").Line("| --- | --- | --- | --- | --- |");
        foreach (var job in report.BackgroundJobs)
        {
            var steps = job.Steps.Select(step => md.WithLink(Markdown.Inline(step.Text) + (step.Through is null ? "" : " through " + Markdown.Code(step.Through))
                + (step.OnCacheMiss ? " (on a cache miss)" : "") + (step.Guard is null ? "" : " (" + Markdown.Inline(step.Guard) + ")"), step.Location));
            var schedules = job.Schedules.Select(schedule => md.WithLink(Markdown.Inline(schedule.Text), schedule.Location));
            // A job on an interface or abstract member: the class that runs it (or why none is named), under its name.
            var implementation = string.Concat(job.Implementation.Select(part => md.WithLink(Markdown.Inline(part.Text), part.Location)));
            md.Line("| " + Markdown.Code(job.FullName) + (implementation.Length == 0 ? "" : "<br>" + implementation) + " | " + Markdown.Text(job.Kind) + " | " + string.Join("<br>", schedules) + " | " + string.Join("<br>", steps) + " | " + md.Link(job.Location) + " |");
        }
        md.Line();
    }

    /// <summary>One row per consumer class (declared here, or only registered here): the message types it consumes,
    /// read from its <c>IConsumer&lt;T&gt;</c> interfaces, and its <c>AddConsumer</c> registrations.</summary>
    private static void WriteConsumers(Markdown md, List<MessagingSpec> consumers)
    {
        var scans = consumers.Where(c => c.Kind == "consumer scan").ToList();
        var classes = consumers.Where(c => c.Kind is "consumer" or "consumer registration").ToList();
        if (classes.Count > 0)
        {
            md.Line("Messages the code consumes (MassTransit `IConsumer<T>` implementations) and where each consumer is registered:").Line();
            md.Line("| Consumer | Consumes | Registered | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var consumer in classes.GroupBy(c => c.Subject).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                var declared = consumer.Where(c => c.Kind == "consumer").ToList();
                var registrations = consumer.Where(c => c.Kind == "consumer registration")
                    .Select(r => Markdown.Code(r.Detail ?? "AddConsumer") + (r.Endpoint is null ? "" : " " + Markdown.Inline(r.Endpoint)) + " in " + Markdown.Code(r.Member) + " " + md.Link(r.Location));
                // A scan registers the consumers it finds: known only for consumers declared in this report's projects.
                var scanned = declared.Count == 0 ? Enumerable.Empty<string>() : scans
                    .Where(s => declared.Any(d => Parsing.ConsumerScanReader.Registers(s, consumer.Key, d.Assembly)))
                    .Select(s => Markdown.Code(s.Detail ?? "AddConsumers") + " in " + Markdown.Code(s.Member) + " " + md.Link(s.Location)
                                 + (s.Items.Contains("filtered") ? " (if its filter admits it)" : ""));
                var messages = consumer.SelectMany(c => c.Items).Distinct().OrderBy(m => m, System.StringComparer.Ordinal);
                md.Line("| " + Markdown.Code(consumer.Key) + " | " + string.Join(", ", messages.Select(Markdown.Code))
                        + " | " + string.Join("<br>", registrations.Concat(scanned))
                        + " | " + string.Join(", ", declared.Select(d => md.Link(d.Location))) + " |");
            }
            md.Line();
        }
        // e.ConfigureConsumers(context): which consumers it takes is decided at run time (MassTransit's IncludeInConfigureEndpoints).
        var everyConsumer = consumers.Where(c => c.Kind == "consumers on endpoint").ToList();
        if (everyConsumer.Count > 0)
        {
            md.Line("Receive endpoints configured with the consumers registered with the bus (`ConfigureConsumers`: each registered consumer not excluded from `ConfigureEndpoints` and not already configured on an endpoint):").Line();
            foreach (var call in everyConsumer)
            {
                md.Line("- " + Markdown.Code(call.Detail ?? "ConfigureConsumers") + (call.Endpoint is null ? "" : " " + Markdown.Inline(call.Endpoint)) + " in " + Markdown.Code(call.Member) + " " + md.Link(call.Location));
            }
            md.Line();
        }
        var unresolved = scans.Where(s => s.Subject == Parsing.ConsumerScanReader.Unresolved).ToList();
        if (unresolved.Count > 0)
        {
            md.Line("Consumers are also registered by assembly scans whose assemblies or types are computed in code and not read:").Line();
            foreach (var scan in unresolved) md.Line("- " + Markdown.Code(scan.Detail ?? "AddConsumers") + " in " + Markdown.Code(scan.Member) + " " + md.Link(scan.Location));
            md.Line();
        }
    }

    private static void WriteEventSourcing(Markdown md, DataLayerReport report, List<EventTables.EventTable> eventTables)
    {
        if (report.EventSourcing.IsEmpty && eventTables.Count == 0) return;
        md.Line("### 5.1 Event sourcing").Line();
        if (!report.EventSourcing.IsEmpty)
        {
            md.Line("| Store | Kind | Aggregate or projection | Events | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var item in report.EventSourcing)
            {
                md.Line("| " + Markdown.Text(item.Store) + " | " + item.Kind + " | " + (item.Subject is null ? "" : Markdown.Code(item.Subject))
                        + " | " + string.Join(", ", item.Events.Select(Markdown.Code)) + " | " + (item.Detail is null ? "" : Markdown.Inline(item.Detail))
                        + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
        if (eventTables.Count > 0)
        {
            md.Line("Tables shaped like a hand-written event store (**heuristic: by column names**: a stream, a position in it and a payload):").Line();
            md.Line("| Context | Table | Stream | Version | Payload | Event type | Unique (stream, version) | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var item in eventTables)
            {
                var evidence = item.Table.Columns.FirstOrDefault(c => c.Name == item.Stream)?.Location;
                md.Line("| " + Markdown.Code(item.Context) + " | " + Markdown.Code(item.Table.QualifiedName) + " | " + Markdown.Code(item.Stream) + " | " + Markdown.Code(item.Version)
                        + " | " + Markdown.Code(item.Payload) + " | " + (item.Type is null ? "" : Markdown.Code(item.Type))
                        + " | " + (item.UniqueStreamVersion ? "yes" : "no key or unique index found: concurrent appends to one stream are not prevented by the schema") + " | " + md.Link(evidence) + " |");
            }
            md.Line();
            WriteReplays(md, report, eventTables);
        }
    }

    /// <summary>The code that replays these tables: a query ordered by the version column whose rows are folded into state.</summary>
    private static void WriteReplays(Markdown md, DataLayerReport report, List<EventTables.EventTable> eventTables)
    {
        var replays = eventTables.SelectMany(t => EventReplays.For(t, report).Select(r => (Table: t, Replay: r))).ToList();
        if (replays.Count == 0) return;
        md.Line("Code that replays these tables (**heuristic**: the table is found by column names and the fold by the code's shape: the rows of a query ordered by the table's version column, folded into state by a loop or `Aggregate`):").Line();
        md.Line("| Table | Where | Reads | Order | Fold | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var (table, replay) in replays)
        {
            var spec = replay.Spec;
            var reads = (spec.Entity is not null ? Markdown.Text(spec.Api) + " over " + Markdown.Code(spec.Entity) : Markdown.Text(spec.Api))
                        + (replay.OneStream ? ", one stream (filtered on " + Markdown.Code(table.Stream) + ")" : "");
            md.Line("| " + Markdown.Code(table.Table.QualifiedName) + " | " + Markdown.Code(spec.Member) + " | " + reads
                    + " | " + string.Join(", ", spec.OrderKeys.Select(Markdown.Code)) + " | " + md.WithLink(Markdown.Inline(EventReplays.Describe(replay.Fold)), replay.Fold.Location)
                    + " | " + md.Link(spec.Location) + " |");
        }
        md.Line();
    }

    /// <summary>Messages handed to a broker through its own client: the call, the exchange, topic or queue as far as the
    /// code names it (with the <c>CreateSender</c> it was read from), the routing key and the typed message.</summary>
    private static void WriteBrokerMessages(Markdown md, Helpers.EquatableArray<BrokerMessageSpec> brokers)
    {
        if (brokers.IsEmpty) return;
        md.Line("Messages the code hands to brokers through their own clients (RabbitMQ.Client, Confluent.Kafka, Azure.Messaging.ServiceBus):").Line();
        md.Line("| Broker | Call | Destination | Routing or message key | Message type | Where | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var item in brokers)
        {
            var destination = Markdown.Inline(BackgroundJobs.Destination(item));
            if (item.Destination?.Location is { } read) destination = md.WithLink(destination + " from " + Markdown.Code("CreateSender"), read);
            var routingKey = item.RoutingKey is null ? "" : item.RoutingKey.Constant is { } key ? Markdown.Code(key)
                : item.RoutingKey.Code is { } code ? Markdown.Code(code) + " (not a constant)" : "not a constant";
            md.Line("| " + Markdown.Text(item.Broker) + " | " + Markdown.Code(item.Api) + " | " + destination + " | " + routingKey
                    + " | " + (item.MessageType is null ? "" : Markdown.Code(item.MessageType)) + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }

    private static void WriteMessages(Markdown md, List<MessagingSpec> messages)
    {
        if (messages.Count == 0) return;
        md.Line("Message transports and the messages the code publishes or sends (" + string.Join(", ", messages.Select(m => m.Library).Distinct().OrderBy(l => l, System.StringComparer.Ordinal)) + "):").Line();
        md.Line("| Kind | Message or transport | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
        foreach (var item in messages)
        {
            md.Line("| " + item.Kind + " | " + Markdown.Code(item.Subject) + " | " + (item.Detail is null ? "" : Markdown.Inline(item.Detail))
                    + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }
}
