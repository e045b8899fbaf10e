using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The tables a project's SQL scripts create (section 1.2), each with the statements of the project's scripts that
/// add to it (<c>CREATE INDEX</c>, <c>ALTER TABLE ... ADD</c> of columns and constraints). Statements are ordered by
/// script path (ordinal) and position; a statement earlier in the same script as the <c>CREATE TABLE</c> is not about
/// the table it creates. A change not followed (a drop, <c>ALTER COLUMN</c>, <c>DROP COLUMN</c>, a rename, a table
/// created again) is named on the table instead: what is shown is then the table as created, not necessarily as it is.
/// Names match ignoring quotes and case; an unqualified name matches <c>dbo.</c>/<c>public.</c> for additions, and any
/// schema for changes not followed (when in doubt, say less).
/// </summary>
internal static class ScriptTables
{
    public static EquatableArray<ScriptTableSpec> Assemble(IReadOnlyList<SqlScriptSpec> scripts)
    {
        var ordered = scripts.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        var creates = ordered.SelectMany((s, order) => s.Tables.Select(t => (Order: order, Table: t))).ToList();
        var changes = ordered.SelectMany((s, order) => s.TableChanges.Select(c => (Order: order, Change: c)))
            .Concat(creates.Select(c => (c.Order, Change: new ScriptTableChangeSpec(c.Table.Name, "create", c.Table.Offset, c.Table.Location, null, "CREATE TABLE"))))
            .ToList();
        var result = new List<ScriptTableSpec>();
        foreach (var (order, created) in creates)
        {
            var table = created;
            var changed = new List<ScriptNoteSpec>();
            var indexNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (changeOrder, change) in changes.OrderBy(c => c.Order).ThenBy(c => c.Change.Offset))
            {
                if (changeOrder == order && change.Offset <= created.Offset) continue;
                var later = changeOrder >= order ? "a later script" : "another script (run order not known)";
                if (changeOrder == order) later = "a later statement of the same script";
                if (change.Kind == "dropindex")
                {
                    if (indexNames.Contains(change.What ?? "") && (change.Table.Length == 0 || SameName(change.Table, table.Name)))
                        changed.Add(new ScriptNoteSpec("an index " + change.What + " dropped by " + later, change.Location));
                    continue;
                }
                var exact = Matches(change.Table, table.Name);
                if (!exact && !SameName(change.Table, table.Name)) continue;
                switch (change.Kind)
                {
                    case "unchanged":
                        break;
                    case "index" when exact && change.Adds is { } index:
                        table = table with { Indexes = table.Indexes.Concat(index.Indexes).ToEquatableArray() };
                        foreach (var name in index.Indexes.Select(i => i.Name).Where(n => n is not null)) indexNames.Add(name!);
                        break;
                    case "index":
                        break; // an index on a table of the same name in another schema, or not told apart: not attached
                    case "add" when exact && change.Adds is { } adds && table.ColumnsKnown:
                        table = table with
                        {
                            Columns = table.Columns.Concat(adds.Columns).ToEquatableArray(),
                            PrimaryKey = adds.PrimaryKey ?? table.PrimaryKey,
                            ForeignKeys = table.ForeignKeys.Concat(adds.ForeignKeys).ToEquatableArray(),
                            UniqueConstraints = table.UniqueConstraints.Concat(adds.UniqueConstraints).ToEquatableArray(),
                            CheckConstraints = table.CheckConstraints.Concat(adds.CheckConstraints).ToEquatableArray(),
                            Indexes = table.Indexes.Concat(adds.Indexes).ToEquatableArray(),
                        };
                        break;
                    case "drop":
                        changed.Add(new ScriptNoteSpec("dropped by " + later + " (DROP TABLE)", change.Location));
                        break;
                    case "create":
                        changed.Add(new ScriptNoteSpec("created again by " + later, change.Location));
                        break;
                    default:
                        changed.Add(new ScriptNoteSpec("changed by " + later + " (" + (change.What ?? "ALTER TABLE") + ")", change.Location));
                        break;
                }
            }
            result.Add(table with { Changed = changed.ToEquatableArray() });
        }
        return result.ToEquatableArray();
    }

    private static string[] Parts(string name) => name.Split('.').Select(p => p.ToLowerInvariant()).ToArray();

    /// <summary>The same table: same parts, or one unqualified and the other in <c>dbo</c> or <c>public</c>.</summary>
    internal static bool Matches(string a, string b)
    {
        var x = Parts(a);
        var y = Parts(b);
        if (x.SequenceEqual(y)) return true;
        if (x.Length == 1 && y.Length == 2) return y[1] == x[0] && y[0] is "dbo" or "public";
        if (y.Length == 1 && x.Length == 2) return x[1] == y[0] && x[0] is "dbo" or "public";
        return false;
    }

    /// <summary>The same table name, whatever the schema: for changes not followed, where a doubt is enough.</summary>
    private static bool SameName(string a, string b) => Parts(a).Last() == Parts(b).Last();
}
