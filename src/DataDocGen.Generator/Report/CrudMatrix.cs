using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The CRUD rows of the report: EF Core and document-store calls as the parsers found them, plus raw SQL whose constant text names its
/// tables, a row per operation its statements perform on a table (<see cref="RawSqlSpec.Operations"/>, read by
/// <see cref="Parsing.RawSqlStatements"/>: a write on the statement's target, reads of the other tables it names). A SQL
/// table is attributed to the entity a context maps to it (by name, schema ignored, case-insensitive);
/// a table no entity maps to, or one named with its database (<c>archive.dbo.Orders</c>), stays a table. A call to a generic repository with a concrete entity (<see cref="GenericRepositoryCallSpec"/>) repeats,
/// for that entity at the call site, each row the called method's own body makes for the type parameter the entity is given
/// (same operation, API, bulk flag and store; the row says which repository method it goes through); the type parameter's
/// rows stay, as the repository's own. A method whose body makes no such row (a generic class that is no repository, or a
/// repository method calling another one) gives nothing.
/// </summary>
internal static class CrudMatrix
{
    public static EquatableArray<CrudSpec> Build(IReadOnlyList<CrudSpec> calls, EquatableArray<RawSqlSpec> sql, EquatableArray<ContextReport> contexts,
        IReadOnlyList<GenericRepositoryCallSpec>? genericCalls = null)
    {
        var tableEntities = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in contexts.SelectMany(c => c.Tables.Concat(c.Views)))
        {
            if (!tableEntities.TryGetValue(table.Name, out var set)) tableEntities[table.Name] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(table.Entities);
        }

        var rows = new List<CrudSpec>(calls);
        rows.AddRange(ThroughGenericRepositories(calls, genericCalls ?? Array.Empty<GenericRepositoryCallSpec>()));
        foreach (var site in sql)
        {
            foreach (var operation in site.Operations)
            {
                var table = TableName(operation.Table);
                var api = site.Api + " (" + operation.Statement + ")";
                // A bulk copy writes many rows by design.
                var bulk = site.Parameterization == SqlParameterization.BulkCopy;
                // A name with a database part (archive.dbo.Orders) is another database's table: no entity of the contexts.
                if (QualifiedName(operation.Table).Split('.').Length < 3 && tableEntities.TryGetValue(table, out var entities) && entities.Count == 1)
                {
                    rows.Add(new CrudSpec(entities.First(), CrudTarget.Entity, operation.Operation, api, bulk, site.Member, site.Location));
                }
                else
                {
                    rows.Add(new CrudSpec(QualifiedName(operation.Table), CrudTarget.Table, operation.Operation, api, bulk, site.Member, site.Location));
                }
            }
        }
        return rows.Distinct()
            .OrderBy(r => r.Target).ThenBy(r => r.Entity, StringComparer.Ordinal).ThenBy(r => r.Store ?? "", StringComparer.Ordinal).ThenBy(r => r.Operation)
            .ThenBy(r => r.Location, LocationComparer.Instance).ThenBy(r => r.Api, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>The rows of each generic repository method called with a concrete entity, for that entity at the call site.</summary>
    private static IEnumerable<CrudSpec> ThroughGenericRepositories(IReadOnlyList<CrudSpec> calls, IReadOnlyList<GenericRepositoryCallSpec> genericCalls)
    {
        if (genericCalls.Count == 0) yield break;
        var byMember = calls.Where(r => r.Target == CrudTarget.TypeParameter && r.Location is not null).ToLookup(r => r.Member, StringComparer.Ordinal);
        foreach (var call in genericCalls)
        {
            foreach (var row in byMember[call.Called])
            {
                if (row.Entity != call.TypeParameter || row.Location!.Path != call.CalledPath || row.Location.Line < call.CalledStart || row.Location.Line > call.CalledEnd) continue;
                yield return new CrudSpec(call.Entity, CrudTarget.Entity, row.Operation, row.Api, row.Bulk, call.Caller, call.Location, row.Store, Through: call.Called);
            }
        }
    }

    /// <summary>A store call's method and what it does, when its API names both (<c>InsertOrReplaceAsync (upsert)</c>,
    /// <c>Merge (insert when not matched, update when matched)</c>, <c>ReplaceOne (upsert)</c>); otherwise the API whole
    /// (a SQL row's <c>Dapper ExecuteAsync (UPDATE)</c> stays one text, as before).</summary>
    public static (string Name, string? What) Api(CrudSpec row)
    {
        var open = row.Api.IndexOf(" (", StringComparison.Ordinal);
        if (row.Store is null || open <= 0 || !row.Api.EndsWith(")", StringComparison.Ordinal)) return (row.Api, null);
        return (row.Api.Substring(0, open), row.Api.Substring(open + 2, row.Api.Length - open - 3));
    }

    /// <summary><c>[dbo].[Orders]</c>, <c>"public"."orders"</c>, <c>dbo.Orders</c> → the last part without quotes.</summary>
    public static string TableName(string written) => written.Split('.').Last().Trim('[', ']', '"', '`');

    /// <summary><c>[dbo].[Orders]</c> → <c>dbo.Orders</c>: every part without its quotes.</summary>
    public static string QualifiedName(string written) => string.Join(".", written.Split('.').Select(p => p.Trim('[', ']', '"', '`')));
}
