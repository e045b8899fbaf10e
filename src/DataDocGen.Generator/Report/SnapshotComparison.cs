using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Compares a context's current model with its migrations snapshot, table by table and column by column, to tell
/// whether the model has changes no migration captures yet. Only made when both sides are fully known: the context's
/// schema is complete and the snapshot uses nothing the snapshot reader skips.
/// </summary>
internal static class SnapshotComparison
{
    public static SnapshotReport Compare(ContextReport context, MigrationSnapshotSpec snapshot)
    {
        var reasons = new List<string>();
        if (!context.IsRelational) reasons.Add("the context's provider is not relational");
        if (!context.TablesUnknownBecause.IsEmpty || !context.SchemaUnknownBecause.IsEmpty) reasons.Add("the current model's schema is not fully known (see above)");
        foreach (var construct in snapshot.NotComparable) reasons.Add("the snapshot uses `" + construct + "`, which DataDocGen does not read in snapshots yet");
        if (reasons.Count > 0)
        {
            return new SnapshotReport(snapshot.FullName, snapshot.Location, snapshot.ProductVersion, EquatableArray<string>.Empty, reasons.ToEquatableArray());
        }

        var changes = new List<string>();
        var model = context.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        var recorded = snapshot.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
        foreach (var table in model.Keys.Except(recorded.Keys).OrderBy(k => k, StringComparer.Ordinal)) changes.Add("table " + CodeSpan.Of(table) + " is in the model, not in the snapshot");
        foreach (var table in recorded.Keys.Except(model.Keys).OrderBy(k => k, StringComparer.Ordinal)) changes.Add("table " + CodeSpan.Of(table) + " is in the snapshot, no longer in the model");
        foreach (var name in model.Keys.Intersect(recorded.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var current = model[name].Columns.Select(c => c.Name).ToList();
            var old = recorded[name].Columns.ToList();
            foreach (var column in current.Except(old).OrderBy(c => c, StringComparer.Ordinal)) changes.Add("column " + CodeSpan.Of(name + "." + column) + " is in the model, not in the snapshot");
            foreach (var column in old.Except(current).OrderBy(c => c, StringComparer.Ordinal)) changes.Add("column " + CodeSpan.Of(name + "." + column) + " is in the snapshot, no longer in the model");
        }
        return new SnapshotReport(snapshot.FullName, snapshot.Location, snapshot.ProductVersion, changes.ToEquatableArray(), EquatableArray<string>.Empty);
    }
}
