using System;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>Finding a table's column by a list of conventional names, for the by-name heuristics (event stores, outboxes).</summary>
internal static class ColumnNames
{
    /// <summary>The first column named one of <paramref name="names"/>, in the list's order (case-insensitive, underscores
    /// ignored, so the naming plug-ins' <c>stream_id</c> matches <c>StreamId</c>).</summary>
    public static string? Find(TableReport table, string[] names) =>
        names.Select(n => table.Columns.FirstOrDefault(c => string.Equals(c.Name.Replace("_", ""), n, StringComparison.OrdinalIgnoreCase))?.Name)
            .FirstOrDefault(n => n is not null);
}
