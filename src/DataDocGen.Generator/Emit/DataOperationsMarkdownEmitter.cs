using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2: CRUD by entity, query filters (soft delete, tenancy) and their bypasses and save hooks (2.1);
/// explicit transaction boundaries (2.2); how queries load and track (2.4: Include paths, no-tracking, split queries,
/// compiled queries, N+1 risks).</summary>
internal static class DataOperationsMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var filtered = report.Contexts.Where(c => !c.QueryFilters.IsEmpty).ToList();
        var sagas = report.Messaging.Where(m => m.Kind is "saga" or "saga registration" or "saga storage" or "outbox" or "outbox tables" or "retry").ToList();
        var temporal = TemporalTables(report);
        if (report.Crud.IsEmpty && sagas.Count == 0 && report.Validators.IsEmpty && report.AnnotatedProperties.IsEmpty && EntityTypes.Guards(report).Count == 0 && report.Sanitisation.IsEmpty && report.ValidationRuns.IsEmpty && filtered.Count == 0 && report.FilterBypasses.IsEmpty && report.Transactions.IsEmpty && report.QueryShapes.IsEmpty && report.SaveHooks.IsEmpty && report.Orchestrations.IsEmpty && SecurityFacts.ValueConversions(report).Count == 0 && temporal.Count == 0) return;
        md.Line("## 2. Data operations").Line();

        if (!report.Crud.IsEmpty || filtered.Count > 0 || !report.FilterBypasses.IsEmpty || !report.SaveHooks.IsEmpty || temporal.Count > 0)
        {
            md.Line("### 2.1 CRUD, soft deletes and audit").Line();
        }
        CrudMarkdownEmitter.Write(md, report);

        if (filtered.Count > 0 || !report.FilterBypasses.IsEmpty)
        {
            md.Line("#### Query filters (soft delete, tenancy)").Line();
            foreach (var context in filtered)
            {
                md.Line("Global query filters in " + Markdown.Code(context.Name) + ":").Line();
                md.Line("| Entity | Filter | Evidence |").Line("| --- | --- | --- |");
                foreach (var filter in context.QueryFilters)
                {
                    md.Line("| " + (filter.Entity is null ? "entity types chosen in code at run time" : Markdown.Code(filter.Entity))
                            + " | " + (filter.Filter is null ? "set in code" : Markdown.Code(filter.Filter)) + " | " + md.Link(filter.Location) + " |");
                }
                md.Line();
            }
            if (!report.FilterBypasses.IsEmpty)
            {
                md.Line("Queries that bypass the filters (`IgnoreQueryFilters`):").Line();
                foreach (var bypass in report.FilterBypasses)
                {
                    md.Line("- " + md.WithLink(Markdown.Code(bypass.Member) + (bypass.Condition is null ? "" : ", when " + Markdown.Code(bypass.Condition)), bypass.Location));
                }
                md.Line();
            }
            var rawSql = RawSqlOnFilteredTables(report, filtered);
            if (rawSql.Count > 0)
            {
                md.Line("Raw SQL on the tables of filtered entities (a global query filter is added to EF Core's LINQ queries, not to this SQL):").Line();
                md.Line("| Where | API | Statement | Table | Filtered entity | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
                foreach (var (sql, table, entity) in rawSql)
                {
                    md.Line("| " + Markdown.Code(sql.Member) + " | " + Markdown.Text(sql.Api) + " | " + (sql.Statement ?? "") + " | " + Markdown.Code(table) + " | " + Markdown.Code(entity) + " | " + md.Link(sql.Location) + " |");
                }
                md.Line();
            }
        }

        if (!report.SaveHooks.IsEmpty)
        {
            md.Line("#### Save hooks (audit fields, soft delete)").Line();
            md.Line("Code that runs when changes are saved, and what it does to the tracked entries:").Line();
            var publishing = report.SaveHooks.Any(h => !h.Publishes.IsEmpty);
            var adding = report.SaveHooks.Any(h => !h.AddsRows.IsEmpty);
            md.Line("| Hook | Kind | Entries | Sets | Entry states" + (adding ? " | Adds rows (audit table)" : "") + (publishing ? " | Publishes" : "") + " | Evidence |")
              .Line("| --- | --- | --- | --- | --- |" + (adding ? " --- |" : "") + (publishing ? " --- |" : "") + " --- |");
            foreach (var hook in report.SaveHooks)
            {
                // An interceptor overriding SavingChangesAsync alone does nothing on SaveChanges(): said in the kind.
                md.Line("| " + Markdown.Code(hook.TypeName) + " | " + Markdown.Text(hook.Kind) + (hook.RunsOn.Count == 1 ? ", on " + Markdown.Code(hook.RunsOn[0]) + " only" : "")
                        + " | " + HookCell(EntriesCell(hook), hook, append: false)
                        + " | " + HookCell(hook.AssignedMembers.IsEmpty ? "" : string.Join(", ", hook.AssignedMembers.Select(Markdown.Code)), hook, append: true)
                        + " | " + HookCell(hook.StateChanges.IsEmpty ? "" : string.Join("; ", hook.StateChanges.Select(Markdown.Code)), hook, append: true)
                        + (adding ? " | " + HookCell(string.Join(", ", hook.AddsRows.Select(entity => Markdown.Code(entity)
                            + (hook.AddsRowsHow.FirstOrDefault(h => h.StartsWith(entity + ": ", System.StringComparison.Ordinal)) is { } how ? " (" + Markdown.Inline(how.Substring(entity.Length + 2)) + ")" : ""))), hook, append: false) : "")
                        + (publishing ? " | " + HookCell(string.Join("; ", hook.Publishes.Select(Markdown.Text)), hook, append: false) : "")
                        + " | " + md.Link(hook.Location) + " |");
            }
            md.Line();
        }

        if (temporal.Count > 0)
        {
            md.Line("#### Audit trails kept by the database").Line();
            md.Line("| Context | Table | How | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var (context, table, periods) in temporal)
            {
                md.Line("| " + Markdown.Code(context) + " | " + Markdown.Code(table.QualifiedName) + " | SQL Server temporal table: the database keeps every earlier version of each row in a history table, with the period it was valid ("
                        + string.Join(", ", periods.Select(p => Markdown.Code(p.Name))) + ") | " + md.Link(periods[0].Location) + " |");
            }
            md.Line();
        }

        if (!report.Transactions.IsEmpty || sagas.Count > 0 || !report.Orchestrations.IsEmpty)
        {
            md.Line("### 2.2 Transactions").Line();
        }
        if (sagas.Count > 0)
        {
            md.Line("#### Sagas, outbox and retries (" + string.Join(", ", sagas.Select(m => m.Library).Distinct().OrderBy(l => l, System.StringComparer.Ordinal)) + ")").Line();
            md.Line("| Kind | Subject | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var item in sagas)
            {
                var detail = string.Join("; ", new[] { item.Detail }.Concat(item.Items).Where(d => d is not null).Select(d => Markdown.Inline(d!)));
                md.Line("| " + item.Kind + " | " + Markdown.Code(item.Subject) + " | " + detail + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
        WriteOrchestrations(md, report);
        if (!report.Transactions.IsEmpty)
        {
            if (sagas.Count > 0 || !report.Orchestrations.IsEmpty) md.Line("#### Transaction boundaries").Line();
            if (report.Transactions.Any(t => t.Kind == "Marten unit of work"))
            {
                // Marten runs inline projections (and inline snapshots) within SaveChanges, in the events' transaction.
                var inline = report.EventSourcing.Where(e => e.Store == "Marten" && e.Kind is "projection" or "snapshot" && e.Detail == "Inline" && e.Subject is not null)
                    .Select(e => Markdown.Code(e.Subject!) + (e.Kind == "snapshot" ? " (snapshot)" : "")).Distinct().ToList();
                var appends = report.Transactions.Any(t => t.Kind == "Marten unit of work" && t.Operations.Any(o => o.StartsWith("Events.", System.StringComparison.Ordinal)));
                md.Line("A Marten unit of work is a session's `SaveChanges[Async]`: it commits the operations queued on the session in one database transaction. Inside lists those queued on the same session earlier in the same method; operations queued elsewhere are not followed."
                        + (appends && inline.Count > 0 ? " Where events are appended, the inline projections (" + string.Join(", ", inline) + ") also write their documents in that transaction." : "")).Line();
            }
            var marten = report.Transactions.Any(t => t.Kind == "Marten unit of work");
            md.Line((marten ? "For the other boundaries, Inside" : "Inside") + " lists, in the order the code runs them, the data operations in the boundary's own code, how it ends, and the calls it makes to the project's other methods and to delegates (named, not followed).").Line();
            md.Line("| Where | Kind | Call | Inside (in order) | Condition | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
            foreach (var transaction in report.Transactions)
            {
                var sources = transaction.DataSources.Count < 2 ? ""
                    : (transaction.Operations.IsEmpty ? "" : "<br>") + "data sources used directly inside: " + string.Join(", ", transaction.DataSources.Select(d => Markdown.Inline(d.Text))) + " (see below)";
                md.Line("| " + Markdown.Code(transaction.Member) + " | " + Markdown.Text(transaction.Kind) + " | " + Markdown.Code(transaction.Detail)
                        + " | " + (transaction.ExtentUnknown ? NotRead : string.Join("; ", transaction.Operations.Select(Markdown.Inline))) + sources
                        + " | " + (transaction.Condition is null ? "" : Markdown.Code(transaction.Condition)) + " | " + md.Link(transaction.Location) + " |");
            }
            md.Line();
            WriteDistributed(md, report);
        }

        ValidationMarkdownEmitter.Write(md, report);

        if (!report.QueryShapes.IsEmpty)
        {
            md.Line("### 2.4 Query optimisation: loading and tracking").Line();
            md.Line("| Where | What | Entity | Path or call | Evidence |").Line("| --- | --- | --- | --- | --- |");
            var kinds = OwnedIncludes.Kinds(report);
            foreach (var shape in report.QueryShapes)
            {
                // A context-wide default names the context in the Entity column: it applies to every entity queried through it
                // (through the one instance whose change tracker is set, or every instance built with the options).
                var scope = shape.Kind.EndsWith("(" + Parsing.QueryShapeParser.InstanceScope + ")", System.StringComparison.Ordinal) ? "queries made through this instance of " : "every query of ";
                md.Line("| " + Markdown.Code(shape.Member) + " | " + Markdown.Text(kinds(shape)) + " | " + (shape.Entity is not null ? Markdown.Code(shape.Entity) : shape.Context is not null ? scope + Markdown.Code(shape.Context) : "")
                        + " | " + (shape.Detail is null ? "" : Markdown.Code(shape.Detail))
                        + (shape.Condition is null ? "" : (shape.Detail is null ? "" : ", ") + "when " + Markdown.Code(shape.Condition)) + " | " + md.Link(shape.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>A boundary that does not end in the code beginning it (kept in a field, returned): its work is not read.</summary>
    private const string NotRead = "not read: it does not end in a `using` block, its local's block or an `Execute*` lambda here";

    /// <summary>Where a <c>TransactionScope</c> uses two or more data sources, or the code sets
    /// <c>TransactionManager.ImplicitDistributedTransactions</c>: what System.Transactions does with a second connection.</summary>
    private static void WriteDistributed(Markdown md, DataLayerReport report)
    {
        var spanning = report.Transactions.Where(t => t.DataSources.Count >= 2).ToList();
        var switches = report.Transactions.Where(t => t.Kind == "distributed transactions switch").ToList();
        if (spanning.Count == 0 && switches.Count == 0) return;
        md.Line("**Distributed transactions.** A `TransactionScope` is ambient: a connection opened inside it enlists in its transaction where its provider "
                + "supports System.Transactions (SqlClient, Npgsql and MySqlConnector do, unless the connection string turns enlisting off; Microsoft.Data.Sqlite "
                + "does not, and SQLite contexts are not counted). When a second connection enlists, System.Transactions promotes the transaction to a distributed one (MSDTC) unless "
                + "the provider can carry the first connection's local transaction over (SqlClient can for the same connection string once the first connection "
                + "is closed). .NET runs distributed transactions only on Windows and only after `TransactionManager.ImplicitDistributedTransactions = true`; "
                + "otherwise the promotion throws `NotSupportedException`."
                + (spanning.Count == 0 ? "" : " Scopes that use two or more data sources in their own body: "
                   + string.Join(", ", spanning.Select(t => md.WithLink(Markdown.Code(t.Member), t.Location))) + ".")
                + (switches.Count > 0 ? " The switch is set at " + string.Join(", ", switches.Select(t => md.WithLink(Markdown.Code(t.Detail), t.Location))) + "."
                   : " This project's code does not set it.")).Line();
    }

    /// <summary>Hand-written orchestrations: each method with its data-changing steps and, per failure path, what it does to
    /// compensate, numbered in the order of the code, each with its evidence.</summary>
    private static void WriteOrchestrations(Markdown md, DataLayerReport report)
    {
        if (report.Orchestrations.IsEmpty) return;
        md.Line("#### Hand-written orchestrations").Line();
        md.Line("Methods recognised as hand-written orchestrations by their try/catch compensation structure (not by names): a `try` block that makes two or more "
                + "data-changing steps (its own code and the project methods it calls, two levels), and a failure path that makes data-changing steps before the "
                + "failure goes on: a `catch` that then throws or returns, or a `finally` guarded by a success flag, one of whose steps deletes an entity type a step creates "
                + "(or the reverse) or, before a throw, changes an entity type or table a step changes; or compensating delegates pushed onto a collection as the steps run, "
                + "and run on failure. A pairing compares entity types and tables only, not rows.").Line();
        md.Line("| Orchestration | Steps (in order) | Compensations (in order) | Evidence |").Line("| --- | --- | --- | --- |");
        foreach (var orchestration in report.Orchestrations)
        {
            var steps = orchestration.Steps.Select((step, i) => Step(md, step, i));
            var compensations = orchestration.Compensations.Select(path => md.WithLink(Markdown.Inline(path.Text), path.Location) + ":<br>"
                + string.Join("<br>", path.Steps.Select((step, i) => Step(md, step, i))));
            md.Line("| " + Markdown.Code(orchestration.Member) + " | " + string.Join("<br>", steps) + " | " + string.Join("<br>", compensations) + " | " + md.Link(orchestration.Location) + " |");
        }
        md.Line();
    }

    private static string Step(Markdown md, OrchestrationStepReport step, int index) =>
        (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". "
        + md.WithLink(Markdown.Inline(step.Text) + (step.Through is null ? "" : " through " + Markdown.Code(step.Through))
                      + (step.OnCacheMiss ? " (on a cache miss)" : "") + (step.Pairing is null ? "" : " (" + Markdown.Text(step.Pairing) + ")"), step.Location);

    /// <summary>Tables EF Core maps as SQL Server temporal tables (their period columns come from <c>IsTemporal</c>): an
    /// audit trail the database keeps (issue 4.4).</summary>
    private static System.Collections.Generic.List<(string Context, TableReport Table, System.Collections.Generic.List<ColumnReport> Periods)> TemporalTables(DataLayerReport report) =>
        report.Contexts.SelectMany(c => c.Tables.Select(t => (c.Name, t, t.Columns.Where(col => col.Origin == Schema.SchemaBuilder.TemporalPeriodOrigin).ToList())))
            .Where(x => x.Item3.Count > 0).ToList();

    /// <summary>Raw SQL (outside EF Core's <c>FromSql*</c>, which EF Core composes into a LINQ query) whose constant text
    /// names the table of an entity that has a global query filter: the filter (soft delete, tenant) does not apply to it.
    /// Tables match by name, a <c>dbo</c> schema standing for none (SQL Server's default), brackets and quotes aside.</summary>
    private static System.Collections.Generic.List<(Model.RawSqlSpec Sql, string Table, string Entity)> RawSqlOnFilteredTables(DataLayerReport report, System.Collections.Generic.List<ContextReport> filtered)
    {
        static string Normal(string name)
        {
            var bare = name.Replace("[", "").Replace("]", "").Replace("\"", "").Replace("`", "").ToLowerInvariant();
            return bare.StartsWith("dbo.", System.StringComparison.Ordinal) ? bare.Substring(4) : bare;
        }
        var tables = filtered.SelectMany(c => c.Tables.SelectMany(t => t.Entities
                .Where(e => c.QueryFilters.Any(f => f.Entity == e && f.Filter is not null))
                .Select(e => (Key: Normal(t.QualifiedName), Entity: e))))
            .GroupBy(x => x.Key, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Entity, System.StringComparer.Ordinal);
        var result = new System.Collections.Generic.List<(Model.RawSqlSpec, string, string)>();
        if (tables.Count == 0) return result;
        foreach (var sql in report.RawSql.Where(r => !r.Api.StartsWith("EF Core FromSql", System.StringComparison.Ordinal)))
        {
            foreach (var table in sql.Tables)
            {
                if (tables.TryGetValue(Normal(table), out var entity)) result.Add((sql, table, entity));
            }
        }
        return result;
    }

    /// <summary>The entry types a hook asks for, with the conditions its sets are made under (a change-tracker handler's
    /// <c>e.NewState == EntityState.Modified</c>): "`IEntityDate` when `...`", "entries when `...`".</summary>
    private static string EntriesCell(Model.SaveHookSpec hook)
    {
        var types = string.Join(", ", hook.Entries.Select(Markdown.Code));
        if (hook.EntriesWhen.IsEmpty) return types;
        return (types.Length == 0 ? "entries" : types) + " when " + string.Join(" or ", hook.EntriesWhen.Select(Markdown.Code));
    }

    /// <summary>A cell of what a hook does, saying which calls into this project it did not follow: a blank cell would
    /// read as "touches nothing" (the Kavita audit: a hook calling <c>IHasConcurrencyToken.OnSavingChanges()</c> on each
    /// modified entry showed blank cells). <paramref name="append"/>: also after what was read.</summary>
    private static string HookCell(string cell, Model.SaveHookSpec hook, bool append)
    {
        if (hook.NotRead.IsEmpty) return cell;
        var notRead = "not read: calls " + string.Join(", ", hook.NotRead.Select(Markdown.Code));
        return cell.Length == 0 ? notRead : append ? cell + "; " + notRead : cell;
    }
}
