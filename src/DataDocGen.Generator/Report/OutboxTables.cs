using System;
using System.Collections.Generic;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Hand-written transactional outboxes (outline 2.2 and 5.2): EF Core tables whose columns name a message type, a
/// payload and when it was processed (<c>Type</c>, <c>Payload</c>, <c>ProcessedOn</c>), the shape of messages saved
/// with the data and published later. Found by column names alone, so the report labels the list a heuristic. The
/// background jobs that read the table's entity and publish or send messages are named as its publishers: both are
/// facts the report already shows, joined here. So are the explicit transactions that add a row of the table together
/// with another write (the business change the message announces, committed with it or not at all).
/// </summary>
internal static class OutboxTables
{
    private static readonly string[] PayloadNames = { "Payload", "Content", "Data", "Body", "Message", "MessageBody", "Json", "SerializedMessage" };
    private static readonly string[] TypeNames = { "Type", "MessageType", "EventType", "TypeName" };
    private static readonly string[] ProcessedNames =
    {
        "ProcessedOn", "ProcessedAt", "ProcessedOnUtc", "ProcessedAtUtc", "SentAt", "SentOn", "SentOnUtc", "PublishedAt", "PublishedOn", "PublishedOnUtc",
        "DispatchedAt", "DispatchedOn", "Processed", "IsProcessed", "IsPublished", "IsSent", "Dispatched",
    };

    internal sealed record OutboxTable(string Context, TableReport Table, string Payload, string Type, string Processed, List<BackgroundJobReport> Publishers,
        List<Model.TransactionSpec> WrittenIn);

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
                if (payload is null || type is null || processed is null) continue;
                // A job that reads one of the table's entities and publishes or sends something.
                var publishers = report.BackgroundJobs.Where(job =>
                        job.Steps.Any(s => s.Text.StartsWith("reads ", StringComparison.Ordinal) && table.Entities.Any(e => s.Text.Contains("`" + e + "`")))
                        && job.Steps.Any(s => s.Text.StartsWith("publishes ", StringComparison.Ordinal) || s.Text.StartsWith("sends ", StringComparison.Ordinal)))
                    .ToList();
                // An explicit transaction (not an execution strategy, which only retries) that creates a row of the table and
                // also writes something else: SQL, another entity, a repository call.
                bool CreatesRow(string operation) => Creates.Any(c => table.Entities.Any(e => operation == c + " " + e));
                var writtenIn = report.Transactions
                    .Where(t => t.Kind != "EF Core execution strategy" && t.Operations.Any(CreatesRow)
                                && t.Operations.Any(o => !CreatesRow(o) && o is not ("SaveChanges" or "SaveChangesAsync" or "Commit" or "CommitAsync" or "Rollback" or "RollbackAsync" or "Complete")))
                    .ToList();
                found.Add(new OutboxTable(context.Name, table, payload, type, processed, publishers, writtenIn));
            }
        }
        return found;
    }
}
