using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2.1's CRUD matrix (entity or document type × create/read/update/delete, each cell the members that
/// do it with their evidence; a document type's row names its store) and the bulk operations.</summary>
internal static class CrudMarkdownEmitter
{
    private static readonly CrudOperation[] Operations = { CrudOperation.Create, CrudOperation.Read, CrudOperation.Update, CrudOperation.Delete };

    public static void Write(Markdown md, DataLayerReport report)
    {
        if (report.Crud.IsEmpty) return;
        md.Line("#### CRUD by entity").Line();
        var documents = report.Crud.Any(r => r.Store is not null && r.Store != CrudParser.Linq2Db);
        var linq2db = report.Crud.Any(r => r.Store == CrudParser.Linq2Db);
        var relational = report.Crud.Any(r => r.Store is null) || linq2db;
        var sources = new List<string>();
        // EF Core rows without a context in the project: DbSets reached through an interface (CleanArchitecture's
        // IApplicationDbContext in the Application project). SQL rows name an entity only when a context maps the table.
        var efCore = !report.Contexts.IsEmpty || report.Crud.Any(r => r.Store is null && r.Target != CrudTarget.Table);
        var sqlOnly = report.Contexts.IsEmpty && report.Crud.Any(r => r.Store is null && r.Target == CrudTarget.Table);
        if (report.Crud.Any(r => r.Store is null))
            sources.Add(!efCore ? "SQL whose constant text names its table"
                : report.Contexts.IsEmpty && !sqlOnly ? "EF Core calls on its `DbSet` or context"
                : "EF Core calls on its `DbSet` or context, and SQL whose constant text names its table");
        if (linq2db) sources.Add("linq2db calls (a query over an `ITable<T>` or `GetTable<T>()`, its set-based `Update`/`Delete` or `Insert` with a setter, and `Insert*`/`Update`/`Delete`/`BulkCopy` of an entity on a data context), named (linq2db)");
        var linq2dbUpserts = report.Crud.Any(r => r.Store == CrudParser.Linq2Db && CrudMatrix.Api(r).What is not null);
        var sqlUpserts = report.Crud.Any(r => r.Store is null && SqlTableOperation.Upserts.Any(u => r.Api.EndsWith(" (" + u + ")", System.StringComparison.Ordinal)));
        var sqlMerges = report.Crud.Any(r => r.Store is null && r.Api.EndsWith(" (MERGE)", System.StringComparison.Ordinal));
        if (documents) sources.Add("document-store calls on a MongoDB `IMongoCollection<T>`, a LiteDB `ILiteCollection<T>` or a Marten session, the store named after the document type");
        md.Line("Which code creates, reads, updates and deletes each " + (relational ? "entity" : "document type") + ": " + string.Join("; ", sources) + "."
                + (relational && efCore ? " A tracked change counts as an update where one body loads an entity from a `DbSet`, sets a property on it and calls the same context's `SaveChanges`; other tracked changes (made in called methods or through navigations) are not attributed." : "")
                + (report.Crud.Any(r => r.Store is null && Tracked(r) is not null)
                    ? " `Attach` alone writes nothing (it tracks the entity as unchanged): a property set after it in the body that calls the context's `SaveChanges` is an update, marked \"after `Attach`\"; `Entry(x).State = EntityState.Modified` before the save writes every column, marked so."
                    : "")
                + (documents ? " An upsert (Marten `Store`, LiteDB `Upsert`, MongoDB options created with `IsUpsert = true`) is listed as a create and an update; documents that Marten projections write are not attributed." : "")
                + (!report.SaveHooks.IsEmpty && report.Crud.Any(BypassesSaveHooks) ? " `ExecuteUpdate`, `ExecuteDelete` and SQL writes do not pass through SaveChanges: the save hooks (see below) neither set audit fields on them nor publish them." : "")
                + (report.Crud.Any(r => r.SoftDelete is not null) ? " A `Remove` that a save hook saves as an update (it sets the deleted entry's state to `Modified`; see Save hooks) is marked as a soft delete; `ExecuteDelete` and SQL `DELETE` do not pass through save hooks and stay deletes." : "")
                + (report.Crud.Any(r => r.Through is not null) ? " A call to a generic repository of this project with a concrete entity (`IRepository<Order>.Add`) is listed under that entity at the call, \"through\" the repository method whose own code makes the row of its type parameter (one level: the caller calls that method; through an interface, only when one class of this project implements it); the type parameter's row lists the repository itself." : "")
                + (sqlUpserts ? " A SQL upsert (`" + string.Join("`, `", SqlTableOperation.Upserts) + "`) is listed as a create and an update" + (sqlMerges ? ", a SQL `MERGE` under each operation its `WHEN ... THEN` branches perform." : ".")
                    : sqlMerges ? " A SQL `MERGE` is listed under each operation its `WHEN ... THEN` branches perform." : "")
                + (linq2dbUpserts ? " A linq2db upsert (`InsertOrReplace`, `InsertOrUpdate` with an update setter) is listed as a create and an update, a `Merge` under each operation its `...When...` calls perform, the call named after its link." : "")).Line();
        md.Line("| " + (relational ? "Entity" : "Document type") + " | Create | Read | Update | Delete |").Line("| --- | --- | --- | --- | --- |");
        foreach (var entity in report.Crud.GroupBy(r => (r.Target, r.Entity, r.Store)))
        {
            var store = entity.Key.Store;
            var label = entity.Key.Target switch
            {
                CrudTarget.Table => "table " + Markdown.Code(entity.Key.Entity) + " (SQL)",
                CrudTarget.TypeParameter => Markdown.Code(entity.Key.Entity) + TypeParameterScope(store),
                _ => Markdown.Code(entity.Key.Entity) + (store is null ? "" : " (" + store + ")"),
            };
            md.Line("| " + label + " | " + string.Join(" | ", Operations.Select(op => Cell(md, entity.Where(r => r.Operation == op)))) + " |");
        }
        md.Line();

        var bulk = report.Crud.Where(r => r.Bulk).OrderBy(r => r.Location, LocationComparer.Instance).ToList();
        if (bulk.Count > 0)
        {
            md.Line("Bulk operations (set-based, or many " + (relational && documents ? "entities or documents" : relational ? "entities" : "documents") + " in one call):").Line();
            md.Line("| Where | " + (relational ? "Entity" : "Document type") + " | Operation | Call | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var row in bulk)
            {
                md.Line("| " + Markdown.Code(row.Member) + " | " + Markdown.Code(row.Entity) + (row.Store is null ? "" : " (" + row.Store + ")") + " | " + row.Operation.ToString().ToLowerInvariant()
                        + " | " + Api(row) + Through(row) + " | " + md.Link(row.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>Each member once, with the links of its calls: <c>`OrderService.Place` [Services/OrderService.cs:12](...)</c>;
    /// a call whose API says what it does (an upsert, a merge) is named after its link:
    /// <c>[...](...) with `InsertOrReplace` (upsert)</c>.</summary>
    private static string Cell(Markdown md, IEnumerable<CrudSpec> rows) => string.Join("<br>", rows
        .GroupBy(r => r.Member)
        .Select(g => Markdown.Code(g.Key) + " " + string.Join(", ", g.Select(r => (r.Location, Described: Through(r) + (Tracked(r) ?? (CrudMatrix.Api(r).What is null ? "" : " with " + Api(r))) + SoftDelete(r))).Distinct()
            .Select(c => md.Link(c.Location) + c.Described))));

    /// <summary>A call to a generic repository: the repository method it goes through.</summary>
    private static string Through(CrudSpec row) => row.Through is null ? "" : " through " + Markdown.Code(row.Through);

    private static bool BypassesSaveHooks(CrudSpec row) =>
        row.Store is null && row.Operation != CrudOperation.Read
        && (row.Api.StartsWith("ExecuteUpdate", System.StringComparison.Ordinal) || row.Api.StartsWith("ExecuteDelete", System.StringComparison.Ordinal) || row.Api.EndsWith(")", System.StringComparison.Ordinal) && row.Api.Contains(" ("));

    /// <summary>What a generic type parameter's row stands for: any EF Core entity, any class linq2db maps to a table
    /// (relational: not a document), or any document of a document store.</summary>
    private static string TypeParameterScope(string? store) => store switch
    {
        null => " (any entity)",
        CrudParser.Linq2Db => " (any mapped class, " + store + ")",
        _ => " (any document, " + store + ")",
    };

    /// <summary>A tracked delete a save hook saves as an update: said plainly when the hook covers the entity and runs for
    /// its context, as "may" otherwise, and for a generic repository's type parameter with the entries the hook reads.</summary>
    private static string SoftDelete(CrudSpec row)
    {
        if (row.SoftDelete is not { } soft) return "";
        var hook = Markdown.Code(soft.HookType);
        var update = "save it as an update" + OnlyOn(soft);
        if (row.Target == CrudTarget.TypeParameter)
        {
            return soft.Entries.IsEmpty ? " (" + hook + " may " + update + ": soft delete)"
                : " (soft delete for " + string.Join(", ", soft.Entries.Select(Markdown.Code)) + ": " + hook + " saves it as an update" + OnlyOn(soft) + ")";
        }
        return soft.Certain ? " (soft delete: " + hook + " saves it as an update" + OnlyOn(soft) + ")" : " (" + hook + " may " + update + ": soft delete)";
    }

    /// <summary>A hook that turns deletes into updates on one of the two save calls only: the other deletes the row.</summary>
    private static string OnlyOn(SoftDeleteSpec soft)
    {
        if (soft.On.Count != 1) return "";
        var other = soft.On[0] == "SaveChangesAsync" ? "SaveChanges" : "SaveChangesAsync";
        return " when saved with " + Markdown.Code(soft.On[0]) + "; " + Markdown.Code(other) + " deletes the row";
    }

    /// <summary>How an EF Core update through change tracking happens, when the cell must say it: after <c>Attach</c>, or
    /// by setting the entry's state.</summary>
    private static string? Tracked(CrudSpec row) =>
        row.Store is not null ? null
        : row.Api.StartsWith(TrackedChangeReader.AttachedSet + ",", System.StringComparison.Ordinal) ? " after `Attach`"
        : row.Api == TrackedChangeReader.AttachedMarked || row.Api.StartsWith(TrackedChangeReader.AttachedMarked + ",", System.StringComparison.Ordinal) ? " after `Attach` (`IsModified = true`)"
        : row.Api == TrackedChangeReader.MarkedModifiedApi || row.Api.StartsWith(TrackedChangeReader.MarkedModifiedApi + ",", System.StringComparison.Ordinal) ? " (`IsModified = true`)"
        : row.Api.StartsWith(TrackedChangeReader.EntryModified + ",", System.StringComparison.Ordinal) ? " (`State = Modified`)"
        : row.Api.StartsWith(CrudParser.EntryStateApi, System.StringComparison.Ordinal) ? " (`State = " + row.Api.Substring(CrudParser.EntryStateApi.Length) + "`)"
        // The values that differ are marked modified; the context's next save writes them.
        : row.Api == CrudParser.SetValuesApi ? " (`CurrentValues.SetValues`: the changed columns, by the next save)"
        // Update marks every property modified: the UPDATE writes every column, whatever the caller meant to change.
        : row.Operation == CrudOperation.Update && row.Target != CrudTarget.Table && row.Api is "Update" or "UpdateRange" ? " with `" + row.Api + "` (every column)"
        : null;

    /// <summary>The API as code, and what it does as words: <c>`InsertOrReplaceAsync` (upsert)</c>.</summary>
    private static string Api(CrudSpec row) =>
        CrudMatrix.Api(row) is (var name, { } what) ? Markdown.Code(name) + " (" + Markdown.Text(what) + ")" : Markdown.Code(row.Api);
}
