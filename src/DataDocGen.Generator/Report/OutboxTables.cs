using System;
using System.Collections.Generic;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Hand-written transactional outboxes (outline 2.2 and 5.2): EF Core tables whose columns name a message type, a
/// payload and when it was processed (<c>Type</c>, <c>Payload</c>, <c>ProcessedOn</c>), the shape of messages saved
/// with the data and published later. The processed mark may also be a state column whose enum, declared in the project's
/// source, has a member such as <c>Published</c> (eShopOnContainers' <c>IntegrationEventLogEntry.State</c>, an
/// <c>EventStateEnum</c> with <c>NotPublished</c>, <c>InProgress</c>, <c>Published</c>, <c>PublishedFailed</c>), when the
/// type column names a message or an event (<c>EventTypeName</c>): a plain <c>Type</c> beside a <c>Status</c> of
/// <c>Draft</c>/<c>Published</c> is an article. Found by names alone, so the report labels the list a heuristic. The
/// background jobs that read the table's entity and publish or send messages are named as its publishers: both are
/// facts the report already shows, joined here. So are the explicit transactions that add a row of the table together
/// with another write (the business change the message announces, committed with it or not at all), and the methods
/// that add a row after joining the transaction their caller passes in (<see cref="Model.TransactionSpec.JoinedParameter"/>):
/// the row commits with whatever the caller wrote in that transaction. Which callers pass which transaction is not
/// followed (eShopOnContainers' callers are in other projects, through an interface).
/// </summary>
internal static class OutboxTables
{
    private static readonly string[] PayloadNames = { "Payload", "Content", "Data", "Body", "Message", "MessageBody", "Json", "SerializedMessage" };
    private static readonly string[] TypeNames = { "Type", "MessageType", "EventType", "TypeName", "EventTypeName", "MessageTypeName" };
    /// <summary>Type columns that name a message or an event: required beside a state enum, weaker evidence than a date.</summary>
    private static readonly string[] MessageTypeNames = { "MessageType", "EventType", "EventTypeName", "MessageTypeName" };
    /// <summary>Enum members that say a message has gone out.</summary>
    private static readonly string[] ProcessedStates = { "Published", "Processed", "Sent", "Dispatched" };
    private static readonly string[] ProcessedNames =
    {
        "ProcessedOn", "ProcessedAt", "ProcessedOnUtc", "ProcessedAtUtc", "SentAt", "SentOn", "SentOnUtc", "PublishedAt", "PublishedOn", "PublishedOnUtc",
        "DispatchedAt", "DispatchedOn", "Processed", "IsProcessed", "IsPublished", "IsSent", "Dispatched",
    };

    /// <param name="ProcessedState">For a state column, the enum member that marks a message processed; null for a date or flag.</param>
    internal sealed record OutboxTable(string Context, TableReport Table, string Payload, string Type, string Processed, List<BackgroundJobReport> Publishers,
        List<Model.TransactionSpec> WrittenIn, string? ProcessedState = null);

    private static readonly string[] Creates = { "Add", "AddAsync", "AddRange", "AddRangeAsync" };

    public static List<OutboxTable> Find(DataLayerReport report)
    {
        var found = new List<OutboxTable>();
        foreach (var context in report.Contexts)
        {
            foreach (var table in context.Tables)
            {
                var payload = ColumnNames.Find(table, PayloadNames);
                var type = ColumnNames.Find(table, TypeNames);
                var processed = ColumnNames.Find(table, ProcessedNames);
                string? state = null;
                if (processed is null && ColumnNames.Find(table, MessageTypeNames) is { } messageType && StateColumn(table) is { } stateColumn)
                {
                    (type, processed, state) = (messageType, stateColumn.Column, stateColumn.Member);
                }
                if (payload is null || type is null || processed is null) continue;
                // A job that reads one of the table's entities and publishes or sends something.
                var publishers = report.BackgroundJobs.Where(job =>
                        job.Steps.Any(s => s.Text.StartsWith("reads ", StringComparison.Ordinal) && table.Entities.Any(e => s.Text.Contains("`" + e + "`")))
                        && job.Steps.Any(s => s.Text.StartsWith("publishes ", StringComparison.Ordinal) || s.Text.StartsWith("sends ", StringComparison.Ordinal)))
                    .ToList();
                // An explicit transaction (not an execution strategy, which only retries) that creates a row of the table and
                // also writes something else: SQL, another entity, a repository call.
                bool CreatesRow(string operation) => Creates.Any(c => table.Entities.Any(e => operation == c + " " + e));
                // Or a method that joins the transaction its caller passes in and creates a row through the joining context.
                var writtenIn = report.Transactions
                    .Where(t => t.JoinedParameter is not null
                        ? t.Operations.Any(CreatesRow)
                        : t.Kind != "EF Core execution strategy" && t.Operations.Any(CreatesRow)
                          && t.Operations.Any(o => !CreatesRow(o) && o is not ("SaveChanges" or "SaveChangesAsync" or "Commit" or "CommitAsync" or "Rollback" or "RollbackAsync" or "Complete")))
                    .ToList();
                found.Add(new OutboxTable(context.Name, table, payload, type, processed, publishers, writtenIn, state));
            }
        }
        return found;
    }

    /// <summary>The one column whose enum (declared in the source of the project that declares the entity) has a member
    /// saying a message went out, with that member; null when none or several.</summary>
    private static (string Column, string Member)? StateColumn(TableReport table)
    {
        var states = table.Columns
            .Select(c => (c.Name, Member: c.EnumMembers.FirstOrDefault(m => ProcessedStates.Any(p => string.Equals(p, m, StringComparison.OrdinalIgnoreCase)))))
            .Where(c => c.Member is not null)
            .ToList();
        return states.Count == 1 ? (states[0].Name, states[0].Member!) : null;
    }

    /// <summary>A type's simple name from its full name (<c>Ns.Outer+EventState</c>: <c>EventState</c>).</summary>
    public static string SimpleName(string fullName) => fullName.Substring(Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf('+')) + 1);
}
