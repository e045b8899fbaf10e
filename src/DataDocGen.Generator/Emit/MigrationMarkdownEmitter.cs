using System.Globalization;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 3: the EF Core and FluentMigrator migrations in the order they apply, where the code applies them, and seeding.</summary>
internal static class MigrationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var seeded = report.Contexts.Where(c => !c.Seeds.IsEmpty).ToList();
        var online = report.SqlFacts.Any(f => f.Category == "deployment");
        var migrations = !report.Migrations.IsEmpty || !report.UnmatchedSnapshots.IsEmpty || !report.MigrationApplications.IsEmpty || !report.LibrarySchemas.IsEmpty || !report.SqlScripts.IsEmpty || online;
        if (!migrations && seeded.Count == 0 && report.Seeding.IsEmpty) return;
        md.Line("## 3. Data migration and seeding").Line();
        if (migrations) WriteMigrations(md, report);
        if (seeded.Count == 0 && report.Seeding.IsEmpty) return;
        md.Line("### 3.2 Seeding").Line();
        if (!report.Seeding.IsEmpty)
        {
            md.Line("Seeding code:").Line();
            md.Line("| Kind | What | Does | Where | Condition | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
            foreach (var seeding in report.Seeding)
            {
                md.Line("| " + seeding.Kind + " | " + Markdown.Code(seeding.Subject) + " | " + string.Join("; ", seeding.Details.Select(Markdown.Text))
                        + " | " + Markdown.Code(seeding.Member) + " | " + string.Join("; ", new[] { seeding.Condition is null ? null : Markdown.Code(seeding.Condition), seeding.WritesOnlyIf is null ? null : Markdown.Inline(seeding.WritesOnlyIf) }.Where(c => c is not null)) + " | " + md.Link(seeding.Location) + " |");
            }
            md.Line();
        }
        foreach (var context in seeded)
        {
            md.Line("Rows seeded with `HasData` in " + Markdown.Code(context.Name) + " (part of the model: migrations insert them):").Line();
            md.Line("| Entity | Rows | Evidence |").Line("| --- | --- | --- |");
            foreach (var seed in context.Seeds)
            {
                md.Line("| " + Markdown.Code(seed.Entity) + " | " + (seed.Rows?.ToString(CultureInfo.InvariantCulture) ?? "not counted (computed in code)") + " | " + md.Link(seed.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>An EF Core migration script's cell: what it applies or reverts, with EF Core's version, and which of its
    /// migrations this project has (said only when the project has EF Core migrations).</summary>
    private static string EfScript(Markdown md, EfMigrationScriptSpec script, System.Collections.Generic.List<string> projectMigrations)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (!script.Applied.IsEmpty) parts.Add("applies " + Ids(script.Applied));
        if (!script.Reverted.IsEmpty) parts.Add("reverts " + Ids(script.Reverted));
        var text = "EF Core migration script (" + (script.Idempotent ? "idempotent, " : "") + "history rows as `dotnet ef migrations script` writes them "
                   + md.Link(script.Location) + "): " + string.Join("; ", parts)
                   + (script.ProductVersions.IsEmpty ? "" : ", EF Core " + string.Join(", ", script.ProductVersions.Select(Markdown.Text)));
        if (projectMigrations.Count == 0) return text;
        var ids = script.Applied.Concat(script.Reverted).ToList();
        var unknown = ids.Where(id => !projectMigrations.Contains(id)).ToList();
        text += unknown.Count == 0 ? "; all are this project's EF Core migrations" : unknown.Count == ids.Count ? "; none is among this project's EF Core migrations"
            : "; not among this project's EF Core migrations: " + string.Join(", ", unknown.Select(Markdown.Code));
        if (!script.Applied.IsEmpty)
        {
            var last = script.Applied.OrderBy(id => id, System.StringComparer.Ordinal).Last();
            var later = projectMigrations.Where(id => string.CompareOrdinal(id, last) > 0 && !ids.Contains(id)).OrderBy(id => id, System.StringComparer.Ordinal).ToList();
            if (later.Count > 0) text += "; migrations of this project newer than its last, missing from it: " + string.Join(", ", later.Select(Markdown.Code));
        }
        return text;
    }

    /// <summary><c>`A`</c>, <c>`A`, `B`</c>, or for more <c>`A` … `Z` (5 migrations)</c>.</summary>
    private static string Ids(Helpers.EquatableArray<string> ids) => ids.Count <= 2
        ? string.Join(", ", ids.Select(Markdown.Code))
        : Markdown.Code(ids[0]) + " … " + Markdown.Code(ids[ids.Count - 1]) + " (" + ids.Count.ToString(CultureInfo.InvariantCulture) + " migrations)";

    private static void WriteMigrations(Markdown md, DataLayerReport report)
    {
        md.Line("### 3.1 Migrations").Line();
        if (!report.SqlScripts.IsEmpty)
        {
            md.Line("SQL scripts in the project, ordered by path (each link gives the path; what runs them, and in which order, is up to the tool that does):").Line();
            md.Line("| Script | Statements | Evidence |").Line("| --- | --- | --- |");
            var projectMigrations = report.Migrations.Where(m => m.Tool == MigrationSpec.EfCore).Select(m => m.Id).ToList();
            foreach (var script in report.SqlScripts)
            {
                var ef = script.EfMigrations is { } efScript ? EfScript(md, efScript, projectMigrations) + "; statements: " : "";
                md.Line("| " + Markdown.Code(System.IO.Path.GetFileName(script.Path)) + " | " + ef + Markdown.Text(script.Summary) + " | " + md.Link(script.Path, 1) + " |");
            }
            md.Line();
        }
        foreach (var group in report.Migrations.Where(m => m.Tool == MigrationSpec.EfCore).GroupBy(m => m.ContextFullName))
        {
            var elsewhere = group.Select(m => m.ContextAssembly).FirstOrDefault(a => a is not null);
            md.Line("EF Core migrations" + (group.Key is null ? "" : " of " + Markdown.Code(group.Key))
                    + (elsewhere is null ? "" : " (a context compiled in another assembly, " + Markdown.Code(elsewhere) + ")") + ", in the order they apply:").Line();
            md.Line("| Migration | Created (UTC) | Up | Down | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var migration in group)
            {
                md.Line("| " + Markdown.Code(Name(migration.Id)) + " | " + (Created(migration.Id) ?? "") + " | " + Up(md, migration) + " | " + Down(md, migration)
                        + " | " + md.Link(migration.Location) + " |");
            }
            md.Line();
        }
        // A snapshot no context of the report holds (its context is compiled in another project this report does not merge).
        foreach (var snapshot in report.UnmatchedSnapshots)
        {
            md.Line("Migrations model snapshot " + md.WithLink(Markdown.Code(snapshot.FullName), snapshot.Location)
                    + (snapshot.ProductVersion is null ? "" : " (EF Core " + Markdown.Text(snapshot.ProductVersion) + ")")
                    + " of " + Markdown.Code(snapshot.ContextFullName ?? "") + ": not compared with the current model, because " + string.Join("; ", snapshot.NotComparedBecause) + ".").Line();
        }
        var fluent = report.Migrations.Where(m => m.Tool == MigrationSpec.FluentMigrator).ToList();
        if (fluent.Count > 0)
        {
            md.Line("FluentMigrator migrations, in the order of their versions:").Line();
            md.Line("| Version | Migration | Up | Down | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var migration in fluent)
            {
                md.Line("| " + migration.Id + " | " + Markdown.Code(migration.ClassName ?? "") + " | " + string.Join("; ", migration.UpOperations.Select(Markdown.Text))
                        + " | " + (migration.AutoReversing && !migration.HasDown ? "derived from Up (AutoReversingMigration)" : migration.HasDown ? "implemented" : "empty")
                        + " | " + md.Link(migration.Location) + " |");
            }
            md.Line();
        }
        var online = report.SqlFacts.Where(f => f.Category == "deployment").ToList();
        if (online.Count > 0)
        {
            md.Line("Schema changes the SQL makes without blocking reads and writes (zero-downtime practices, as the statements show them):").Line();
            md.Line("| Fact | Source | Evidence |").Line("| --- | --- | --- |");
            foreach (var fact in online)
            {
                md.Line("| " + Markdown.Code(fact.Fact) + " | " + Markdown.Code(System.IO.Path.GetFileName(fact.Source)) + " | " + md.Link(fact.Location) + " |");
            }
            md.Line();
        }
        if (!report.MigrationApplications.IsEmpty)
        {
            var deletes = report.MigrationApplications.Any(a => IsDelete(a.Method));
            md.Line(deletes ? "Applied or deleted by the code at run time:" : "Applied by the code at run time:").Line();
            foreach (var application in report.MigrationApplications)
            {
                md.Line("- " + md.WithLink(Markdown.Code(application.Method + "()") + " in " + Markdown.Code(application.Member)
                        + (application.Condition is null ? "" : ", when " + Markdown.Code(application.Condition))
                        + (application.Details.IsEmpty ? "" : ": " + string.Join(", ", application.Details))
                        + (IsDelete(application.Method) ? (application.Details.IsEmpty ? ": " : "; ") + "**deletes the database** (EF Core drops the whole database the context connects to, if it exists)" : ""),
                    application.Location));
                WriteCallers(md, application.Member, application.Callers, "  ");
                if (!application.Scripts.IsEmpty)
                {
                    md.Line("  - the `.sql` files in " + Markdown.Code(application.ScriptFolder + "/") + " next to this code, in the order DbUp runs them (by file name, ordinal; "
                            + "DbUp reads the folder at run time, relative to the working directory): "
                            + string.Join(", ", application.Scripts.Select(s => md.Link(s))));
                }
                DbUpEmbeddedMarkdown.Write(md, application);
            }
            md.Line();
        }
        WriteLibrarySchemas(md, report);
    }

    /// <summary>EF Core's <c>EnsureDeleted</c>/<c>EnsureDeletedAsync</c> (<see cref="Parsing.MigrationParser.IsApplyCandidate"/>).</summary>
    private static bool IsDelete(string method) => method is "EnsureDeleted" or "EnsureDeletedAsync";

    /// <summary>An EF Core migration's Up cell: its operations (with the conditions and loops around them, code spans
    /// kept), preceded by the base class method they come from when the class declares no <c>Up</c>.</summary>
    private static string Up(Markdown md, MigrationSpec migration)
    {
        var operations = string.Join("; ", migration.UpOperations.Select(Markdown.Inline));
        return migration.UpFrom is { } from ? Inherited(md, from) + ": " + (migration.UpOperations.IsEmpty ? "empty" : operations) : operations;
    }

    /// <summary>An EF Core migration's Down cell: implemented, empty (a declared override without operations), throws,
    /// not implemented (EF Core's own <c>Migration.Down</c> runs, which throws) or not read; inherited ones say from where.</summary>
    private static string Down(Markdown md, MigrationSpec migration)
    {
        var text = migration.Down switch
        {
            null => migration.HasDown ? MigrationSpec.DownImplemented : MigrationSpec.DownEmpty,
            MigrationSpec.DownNotImplemented => "not implemented (EF Core's `Migration.Down` throws `NotSupportedException`: reverting fails)",
            MigrationSpec.DownThrows => "throws (reverting fails)",
            var state => state,
        };
        return migration.DownFrom is { } from ? Inherited(md, from) + ": " + text : text;
    }

    /// <summary><c>inherited from `DBScriptsMigration.Up` [link]</c>, or <c>(another assembly)</c> for a base not in this project.</summary>
    private static string Inherited(Markdown md, InheritedMethodSpec from) =>
        "inherited from " + Markdown.Code(from.Name) + (from.InProject ? (from.Location is null ? "" : " " + md.Link(from.Location)) : " (another assembly)");

    /// <summary>Tables libraries create or change by themselves: in no migration or script, yet part of the schema.</summary>
    private static void WriteLibrarySchemas(Markdown md, DataLayerReport report)
    {
        if (report.LibrarySchemas.IsEmpty) return;
        md.Line("Tables that libraries create or change by themselves at run time (in no migration or script of the project):").Line();
        md.Line("| Library | Database | Tables | What the library does | Where | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var schema in report.LibrarySchemas)
        {
            md.Line("| " + schema.Library + " | " + schema.Database + " | " + Markdown.Inline(schema.Objects) + " | " + Markdown.Inline(schema.Behaviour ?? "")
                    + " | " + Markdown.Code(schema.Member) + " | " + md.Link(schema.Location) + " |");
        }
        md.Line();
    }

    /// <summary>The project's calls to <paramref name="method"/>, each followed by the calls to the method it sits in.</summary>
    private static void WriteCallers(Markdown md, string method, Helpers.EquatableArray<MethodCallerSpec> callers, string indent)
    {
        foreach (var caller in callers)
        {
            md.Line(indent + "- " + md.WithLink(Markdown.Code(method) + " is called from " + Markdown.Code(caller.Member)
                    + (caller.Within is null ? "" : " (in " + (caller.Within.StartsWith("anonymous", System.StringComparison.Ordinal) ? "an " : "a ") + caller.Within + ")")
                    + (caller.Condition is null ? "" : ", when " + Markdown.Code(caller.Condition)), caller.Location));
            WriteCallers(md, caller.Member, caller.Callers, indent + "  ");
        }
    }

    /// <summary>The name part of a migration id: <c>20240101120000_AddOrders</c> is <c>AddOrders</c>.</summary>
    public static string Name(string id) => id.Length > 15 && id[14] == '_' && id.Take(14).All(char.IsDigit) ? id.Substring(15) : id;

    /// <summary>The creation time encoded in a migration id (yyyyMMddHHmmss), or null.</summary>
    public static string? Created(string id) =>
        id.Length >= 14 && System.DateTime.TryParseExact(id.Substring(0, 14), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)
            ? created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : null;
}
