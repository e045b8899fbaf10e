using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Tracked deletes that a save hook saves as updates. A hook that sets a deleted entry's <c>State</c> to <c>Modified</c>
/// (or <c>Unchanged</c>) under a condition on <c>EntityState.Deleted</c>, as <see cref="Parsing.SaveHookParser"/> writes it
/// (<c>State = EntityState.Modified when entry.State == EntityState.Deleted</c>), turns <c>Remove</c>/<c>RemoveRange</c>
/// into an update of its soft-delete flag; <c>ExecuteDelete</c> and SQL <c>DELETE</c> never reach SaveChanges and stay deletes.
/// </summary>
internal static class SoftDeletes
{
    public static EquatableArray<CrudSpec> Mark(EquatableArray<CrudSpec> rows, IEnumerable<SaveHookSpec> hooks, IReadOnlyCollection<DbContextSpec> contexts, EquatableArray<ContextReport> reports)
    {
        var softHooks = hooks.Where(TurnsDeletesIntoUpdates).ToList();
        if (softHooks.Count == 0) return rows;
        var types = new Dictionary<string, EntityTypeSpec>(StringComparer.Ordinal);
        foreach (var type in contexts.SelectMany(c => c.ReachableTypes))
        {
            if (!types.ContainsKey(type.FullName)) types.Add(type.FullName, type);
        }
        return rows.Select(row => IsTrackedDelete(row) && Find(row, softHooks, types, contexts, reports) is { } soft ? row with { SoftDelete = soft } : row).ToEquatableArray();
    }

    /// <summary>A state change to Modified or Unchanged whose condition asks for a deleted entry, made before the save
    /// (in <c>SavedChanges[Async]</c> it comes after the rows are deleted).</summary>
    public static bool TurnsDeletesIntoUpdates(SaveHookSpec hook) => hook.StateChanges.Any(TurnsDeletedIntoUpdated) && !hook.SoftDeleteOn.IsEmpty;

    /// <summary>One state change as <see cref="Parsing.SaveHookParser"/> writes it: <c>State = EntityState.Modified when entry.State == EntityState.Deleted</c>.</summary>
    public static bool TurnsDeletedIntoUpdated(string change)
    {
        var when = change.IndexOf(" when ", StringComparison.Ordinal);
        if (when < 0) return false;
        var assigned = change.Substring(0, when);
        var condition = change.Substring(when);
        // One of the conditions (joined with &&) must be the test itself: not negated ("not (...)", an else), not one side
        // of an ||.
        var conditions = condition.Substring(" when ".Length).Split(new[] { " && " }, StringSplitOptions.None);
        return (assigned.EndsWith("EntityState.Modified", StringComparison.Ordinal) || assigned.EndsWith("EntityState.Unchanged", StringComparison.Ordinal))
               && conditions.Any(c => !c.StartsWith("not (", StringComparison.Ordinal) && !c.StartsWith("!", StringComparison.Ordinal) && c.IndexOf("||", StringComparison.Ordinal) < 0
                                      && (c.EndsWith("== EntityState.Deleted", StringComparison.Ordinal) || c.EndsWith(" is EntityState.Deleted", StringComparison.Ordinal) || IsDeletedAmong(c)));
    }

    /// <summary>A switch section with several labels, one of them the deleted state: <c>entry.State is EntityState.Added or
    /// EntityState.Deleted</c> (<see cref="Parsing.SwitchLabels"/>).</summary>
    private static bool IsDeletedAmong(string condition)
    {
        var at = condition.IndexOf(" is ", StringComparison.Ordinal);
        if (at < 0) return false;
        var alternatives = condition.Substring(at + " is ".Length).Split(new[] { " or " }, StringSplitOptions.None);
        return alternatives.Length > 1 && alternatives.Contains("EntityState.Deleted")
               && alternatives.All(a => a.IndexOf(' ') < 0 && a.IndexOf('(') < 0);
    }

    private static bool IsTrackedDelete(CrudSpec row) =>
        row.Store is null && row.Operation == CrudOperation.Delete && row.Target != CrudTarget.Table && row.Api is "Remove" or "RemoveRange" or Parsing.CrudParser.EntryStateApi + "Deleted";

    private static SoftDeleteSpec? Find(CrudSpec row, List<SaveHookSpec> hooks, Dictionary<string, EntityTypeSpec> types, IReadOnlyCollection<DbContextSpec> contexts,
        EquatableArray<ContextReport> reports)
    {
        SoftDeleteSpec? possible = null;
        foreach (var hook in hooks)
        {
            bool? covered = null;
            if (row.Target == CrudTarget.Entity && !hook.SoftDeleteEntries.IsEmpty)
            {
                if (!types.TryGetValue(row.Entity, out var type)) continue;
                var names = new HashSet<string>(type.BaseTypes.Concat(type.Interfaces), StringComparer.Ordinal) { type.FullName };
                covered = hook.SoftDeleteEntries.Any(names.Contains);
                if (covered == false) continue;
            }
            var certain = covered == true && contexts.Any(c => c.ReachableTypes.Any(t => t.FullName == row.Entity)
                && reports.FirstOrDefault(r => r.FullName == c.FullName) is { } report && Applies(hook, report));
            var spec = new SoftDeleteSpec(hook.TypeName, hook.SoftDeleteEntries, certain, hook.Location, hook.SoftDeleteOn);
            if (certain) return spec;
            possible ??= spec;
        }
        return possible;
    }

    /// <summary>The hook runs for this context: the context's own SaveChanges override, or an interceptor its options add
    /// (<c>AddInterceptors(...)</c> with an argument of the interceptor's class, by type; an argument whose type is not a
    /// class of its own, such as an interface or an array, counts when the call's text names the class).</summary>
    private static bool Applies(SaveHookSpec hook, ContextReport context)
    {
        if (hook.Kind == "SaveChanges override") return hook.TypeName == context.FullName;
        var simpleName = hook.TypeName.Substring(hook.TypeName.LastIndexOf('.') + 1);
        return context.ConfiguredOptions.Concat(context.Registrations.SelectMany(r => r.Options))
            .Any(o => o.Call.StartsWith("AddInterceptors(", StringComparison.Ordinal)
                      && (o.ArgumentTypes.Contains(hook.TypeName) || (o.ArgumentTypes.IsEmpty || o.ArgumentTypes.Contains("?")) && NamesType(o.Call, simpleName)));
    }

    private static bool NamesType(string code, string name)
    {
        for (var at = code.IndexOf(name, StringComparison.Ordinal); at >= 0; at = code.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : code[at - 1];
            var end = at + name.Length;
            var after = end >= code.Length ? ' ' : code[end];
            if (!char.IsLetterOrDigit(before) && before != '_' && !char.IsLetterOrDigit(after) && after != '_') return true;
        }
        return false;
    }
}
