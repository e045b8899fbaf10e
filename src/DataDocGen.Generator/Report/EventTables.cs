using System;
using System.Collections.Generic;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Hand-written event stores (outline 5.1): tables of the EF Core model whose columns name a stream, a position in it
/// and a payload (<c>StreamId</c>/<c>AggregateId</c>, <c>Version</c>/<c>Sequence</c>, <c>Payload</c>/<c>Data</c>),
/// the shape of an append-only event log. Found by column names alone, so the report labels the list a heuristic;
/// a unique index or key over the stream and version columns (what keeps concurrent appends from both winning) is
/// stated when the model has one.
/// </summary>
internal static class EventTables
{
    private static readonly string[] StreamNames = { "StreamId", "AggregateId", "StreamName", "AggregateRootId", "EntityId" };
    private static readonly string[] VersionNames = { "Version", "Sequence", "SequenceNumber", "Revision", "StreamVersion", "EventNumber", "Position" };
    private static readonly string[] PayloadNames = { "Payload", "Data", "EventData", "Body", "Json", "SerializedEvent" };
    private static readonly string[] TypeNames = { "EventType", "Type", "EventName", "TypeName" };

    internal sealed record EventTable(string Context, TableReport Table, string Stream, string Version, string Payload, string? Type, bool UniqueStreamVersion);

    public static List<EventTable> Find(DataLayerReport report)
    {
        var found = new List<EventTable>();
        foreach (var context in report.Contexts)
        {
            foreach (var table in context.Tables)
            {
                var stream = ColumnNames.Find(table, StreamNames);
                var version = ColumnNames.Find(table, VersionNames);
                var payload = ColumnNames.Find(table, PayloadNames);
                if (stream is null || version is null || payload is null) continue;
                var pair = new[] { stream, version };
                bool Covers(IEnumerable<string> columns) => columns.Count() == 2 && pair.All(columns.Contains);
                var unique = (table.PrimaryKey is { } key && Covers(key.Columns))
                             || table.Indexes.Any(i => i.Unique && i.Filter is null && Covers(i.Columns))
                             || table.UniqueConstraints.Any(u => Covers(u.Columns));
                found.Add(new EventTable(context.Name, table, stream, version, payload, ColumnNames.Find(table, TypeNames), unique));
            }
        }
        return found;
    }
}
