using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Compares a context's current model with its migrations snapshot, table by table and column by column (names, store
/// type, nullability) and primary key columns, to tell whether the model has changes no migration captures yet. Only
/// made when both sides are fully known: the context's schema is complete and the snapshot uses nothing the snapshot
/// reader skips. What the model states and is not compared (a store type withheld, a nullability not read, indexes and
/// foreign keys) is listed, so the report never claims more than was compared.
/// </summary>
internal static class SnapshotComparison
{
    /// <summary>Why no comparison was made when the context's schema is withheld (its reasons are listed above the snapshot).</summary>
    public const string SchemaNotKnown = "the current model's schema is not fully known (see above)";

    /// <summary>Why a snapshot of a context compiled in another project is not compared, where the snapshot is.</summary>
    public static string ContextElsewhere(string? assembly) =>
        "the context is compiled in another project" + (assembly is null ? "" : " (" + CodeSpan.Of(assembly) + ")")
        + ", whose model the project holding the snapshot cannot read in full";

    /// <summary>Snapshots whose context is neither declared nor registered in this project (eShopOnContainers' Ordering.API
    /// holds <c>OrderingContextModelSnapshot</c>; a host that does not register the context would drop it): kept, not
    /// compared, for a referencing report to join to the context or to list in 3.1.</summary>
    public static EquatableArray<SnapshotReport> Unmatched(IReadOnlyList<MigrationSnapshotSpec>? snapshots, IEnumerable<string> contexts)
    {
        if (snapshots is null || snapshots.Count == 0) return EquatableArray<SnapshotReport>.Empty;
        var known = new HashSet<string>(contexts, StringComparer.Ordinal);
        return snapshots.Where(s => !known.Contains(s.ContextFullName)).OrderBy(s => s.Location, LocationComparer.Instance)
            .Select(s => new SnapshotReport(s.FullName, s.Location, s.ProductVersion, EquatableArray<string>.Empty,
                new[] { "its context is neither declared nor registered in this project, so its model is not known here" }.ToEquatableArray(),
                ContextFullName: s.ContextFullName))
            .ToEquatableArray();
    }

    public static SnapshotReport Compare(ContextReport context, MigrationSnapshotSpec snapshot)
    {
        var reasons = new List<string>();
        if (!context.IsRelational) reasons.Add("the context's provider is not relational");
        if (!context.TablesUnknownBecause.IsEmpty || !context.SchemaUnknownBecause.IsEmpty) reasons.Add(SchemaNotKnown);
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
        var typesCompared = 0;
        var nullabilityCompared = 0;
        var keysCompared = 0;
        var typeNotStated = new List<string>();
        var typeNotRecorded = new List<string>();
        var typeCaseOnly = new List<string>();
        var nullabilityNotRead = new List<string>();
        var keysNotCompared = new List<string>();
        foreach (var name in model.Keys.Intersect(recorded.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            var current = model[name].Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var old = recorded[name].Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var column in current.Keys.Except(old.Keys).OrderBy(c => c, StringComparer.Ordinal)) changes.Add("column " + CodeSpan.Of(name + "." + column) + " is in the model, not in the snapshot");
            foreach (var column in old.Keys.Except(current.Keys).OrderBy(c => c, StringComparer.Ordinal)) changes.Add("column " + CodeSpan.Of(name + "." + column) + " is in the snapshot, no longer in the model");
            foreach (var columnName in current.Keys.Intersect(old.Keys).OrderBy(c => c, StringComparer.Ordinal))
            {
                var (now, then) = (current[columnName], old[columnName]);
                var column = CodeSpan.Of(name + "." + columnName);
                var differences = new List<string>();
                if (now.StoreType is null) typeNotStated.Add(column);
                else if (then.StoreType is null) typeNotRecorded.Add(column);
                else if (string.Equals(now.StoreType, then.StoreType, StringComparison.Ordinal)) typesCompared++;
                else if (string.Equals(now.StoreType, then.StoreType, StringComparison.OrdinalIgnoreCase)) typeCaseOnly.Add(column);
                else
                {
                    typesCompared++;
                    // The max length goes with the store type (nvarchar(50)); alone, with the same store type, EF Core 10's
                    // differ finds no change, so it is shown only beside a store type that differs.
                    differences.Add("store type " + CodeSpan.Of(now.StoreType) + MaxLength(now.MaxLength) + " in the model, " + CodeSpan.Of(then.StoreType) + MaxLength(then.MaxLength) + " in the snapshot");
                }
                if (then.Nullable is not { } wasNullable) nullabilityNotRead.Add(column);
                else
                {
                    nullabilityCompared++;
                    if (now.Nullable != wasNullable) differences.Add(Nullability(now.Nullable) + " in the model, " + Nullability(wasNullable) + " in the snapshot");
                }
                if (differences.Count > 0) changes.Add("column " + column + ": " + string.Join("; ", differences));
            }
            var key = model[name].PrimaryKey;
            var recordedKey = recorded[name];
            if (key is null && !recordedKey.KeyKnown) continue;
            if (key is null || !recordedKey.KeyKnown) { keysNotCompared.Add(CodeSpan.Of(name)); continue; }
            keysCompared++;
            if (!key.Columns.SequenceEqual(recordedKey.KeyColumns, StringComparer.Ordinal))
            {
                changes.Add("primary key of " + CodeSpan.Of(name) + ": (" + string.Join(", ", key.Columns.Select(CodeSpan.Of)) + ") in the model, ("
                            + string.Join(", ", recordedKey.KeyColumns.Select(CodeSpan.Of)) + ") in the snapshot");
            }
        }

        var compared = new List<string> { "table and column names" };
        if (typesCompared > 0) compared.Add("column store types");
        if (nullabilityCompared > 0) compared.Add("column nullability");
        if (keysCompared > 0) compared.Add("primary key columns");
        var notCompared = new List<string>();
        if (typeNotStated.Count > 0) notCompared.Add("the store type of " + List(typeNotStated) + " (not shown for the current model)");
        if (typeNotRecorded.Count > 0) notCompared.Add("the store type of " + List(typeNotRecorded) + " (the snapshot does not state it)");
        if (typeCaseOnly.Count > 0) notCompared.Add("the store type of " + List(typeCaseOnly) + " (the model's and the snapshot's differ only in letter case)");
        if (nullabilityNotRead.Count > 0) notCompared.Add("the nullability of " + List(nullabilityNotRead) + " (not read from the snapshot: owned types stored in their owner's table, complex types not marked required, tables or columns shared by several entity types, types not recognised)");
        if (keysNotCompared.Count > 0) notCompared.Add("the primary key of " + List(keysNotCompared) + " (not read from the snapshot, or not shown for the current model)");
        notCompared.Add("indexes, foreign keys, unique constraints, check constraints and the names of keys and constraints (DataDocGen does not read them in snapshots yet)");
        return new SnapshotReport(snapshot.FullName, snapshot.Location, snapshot.ProductVersion, changes.ToEquatableArray(), EquatableArray<string>.Empty,
            compared.ToEquatableArray(), notCompared.ToEquatableArray());
    }

    private static string MaxLength(int? length) => length is { } n ? " (max length " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : "";

    private static string Nullability(bool? nullable) => nullable == true ? "nullable" : "not nullable";

    /// <summary>Up to ten names, then how many more.</summary>
    private static string List(List<string> names) =>
        names.Count <= 10 ? string.Join(", ", names) : string.Join(", ", names.Take(10)) + " and " + (names.Count - 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more";
}
