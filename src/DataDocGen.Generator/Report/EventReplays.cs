using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The replay code of a hand-written event table (outline 5.1): of the ordered, folded queries the code holds
/// (<see cref="Parsing.EventReplayParser"/>), those that read the table (its entity's DbSet, or SQL naming the table)
/// ordered by its version column alone or by stream then version, ascending. A switch on a row member counts as a fold
/// only when the member is the table's event-type column. Anything else (another table, another order, a descending
/// one, a projection switched on) is not replay and is not reported.
/// </summary>
internal static class EventReplays
{
    /// <param name="OneStream">True when the query's filter compares the stream column (one stream's events).</param>
    internal sealed record Replay(EventReplaySpec Spec, ReplayFold Fold, bool OneStream);

    public static List<Replay> For(EventTables.EventTable table, DataLayerReport report)
    {
        var found = new List<Replay>();
        foreach (var spec in report.EventReplays)
        {
            if (!Reads(spec, table.Table)) continue;
            string? Column(string key) => spec.KeysAreColumns
                ? table.Table.Columns.FirstOrDefault(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase))?.Name
                : ColumnOf(table.Table, spec.Entity!, key);
            var keys = spec.OrderKeys.Select(Column).ToList();
            var ordered = (keys.Count == 1 && keys[0] == table.Version) || (keys.Count == 2 && keys[0] == table.Stream && keys[1] == table.Version);
            if (!ordered) continue;
            var fold = spec.Folds.FirstOrDefault(f => f.Kind != ReplayFoldKind.SwitchOnMember
                                                      || (table.Type is not null && !spec.KeysAreColumns && f.Name is not null && ColumnOf(table.Table, spec.Entity!, f.Name) == table.Type));
            if (fold is null) continue;
            found.Add(new Replay(spec, fold, spec.FilteredBy.Any(f => Column(f) == table.Stream)));
        }
        return found;
    }

    private static bool Reads(EventReplaySpec spec, TableReport table)
    {
        if (spec.Entity is not null) return table.Entities.Contains(spec.Entity);
        if (spec.Table is null) return false;
        // SQL names the table with or without its schema.
        return spec.Table.IndexOf('.') >= 0
            ? string.Equals(spec.Table, table.QualifiedName, StringComparison.OrdinalIgnoreCase)
            : string.Equals(spec.Table, table.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The column an entity's property maps to in the table (columns name their origin as <c>Type.Property</c>).</summary>
    private static string? ColumnOf(TableReport table, string entity, string property)
    {
        var simple = entity.Substring(entity.LastIndexOfAny(new[] { '.', '+' }) + 1);
        return (table.Columns.FirstOrDefault(c => c.Origin == simple + "." + property)
                ?? table.Columns.FirstOrDefault(c => c.Origin.EndsWith("." + property, StringComparison.Ordinal)))?.Name;
    }

    /// <summary>What the fold does, for the report (code parts between backticks).</summary>
    public static string Describe(ReplayFold fold) => fold.Kind switch
    {
        ReplayFoldKind.ApplyCall => "calls `" + fold.Name + "` for each row",
        ReplayFoldKind.StateReassigned => "rebuilds `" + fold.Name + "` from itself and each row",
        ReplayFoldKind.SwitchOnMember => "switches on `" + fold.Name + "` and changes state",
        ReplayFoldKind.SwitchOnType => "switches on each row's type and changes state",
        _ => "folds the rows with `Aggregate`",
    };
}
