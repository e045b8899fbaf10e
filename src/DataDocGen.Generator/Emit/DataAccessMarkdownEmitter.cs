using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 1.3: how the code reaches its data. Today: the raw SQL inventory.</summary>
internal static class DataAccessMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        if (!report.Repositories.IsEmpty || !report.RawSql.IsEmpty || !report.Specifications.IsEmpty || !report.QueryBuilders.IsEmpty) md.Line("### 1.3 Data access layer").Line();
        WriteRepositories(md, report);
        WriteSpecifications(md, report);
        WriteQueryBuilders(md, report);
        WriteRawSql(md, report);
        WriteCaching(md, report);
    }

    // 1.4: cache providers and where caches are read, written and invalidated.
    private static void WriteCaching(Markdown md, DataLayerReport report)
    {
        if (report.CacheProviders.IsEmpty && report.CacheUses.IsEmpty && report.OutputCache.IsEmpty) return;
        md.Line("### 1.4 Caching layer").Line();
        if (!report.CacheProviders.IsEmpty)
        {
            md.Line("| Provider | Registration | Settings | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var provider in report.CacheProviders)
            {
                md.Line("| " + Markdown.Text(provider.Provider) + " | " + Markdown.Code(provider.Method + "()") + (provider.Condition is null ? "" : ", when " + Markdown.Code(provider.Condition))
                        + " | " + string.Join("; ", provider.Settings.Select(Markdown.Code)) + " | " + md.Link(provider.Location) + " |");
            }
            md.Line();
        }
        if (!report.CacheUses.IsEmpty)
        {
            md.Line("| Where | Cache | Operation | Strategy | Key or tag | Expiration | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var use in report.CacheUses)
            {
                md.Line("| " + Markdown.Code(use.Member) + " | " + use.Cache + " | " + Markdown.Code(use.Operation) + " | " + Markdown.Inline(use.Kind)
                        + " | " + (use.KeyIsTag ? "tag " : "") + (use.Key is null ? "computed" : Markdown.Code(use.Key))
                        + (use.Tags.IsEmpty ? "" : "; tags " + string.Join(", ", use.Tags.Select(Markdown.Code)))
                        + " | " + Expiration(use)
                        + " | " + md.Link(use.Location) + " |");
            }
            md.Line();
        }
        WriteOutputCache(md, report);
    }

    // ASP.NET Core output caching: the policies configured, then where responses are cached (evictions are cache uses above).
    private static void WriteOutputCache(Markdown md, DataLayerReport report)
    {
        if (report.OutputCache.IsEmpty) return;
        md.Line("#### Output caching (ASP.NET Core)").Line();
        var policies = report.OutputCache.Where(o => o.IsPolicy).ToList();
        if (policies.Count > 0)
        {
            md.Line("Policies configured on `OutputCacheOptions`: base policies run for every request that reaches the output-cache middleware, "
                    + "before an endpoint's own policy; a named policy applies where an endpoint or `[OutputCache]` names it.").Line();
            md.Line("| Policy | Expiration | Tags | Other settings | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var policy in policies)
            {
                md.Line("| " + (policy.Kind == OutputCacheSpec.BasePolicy ? "base policy" : policy.Name is null ? "(name computed)" : Markdown.Code(policy.Name))
                        + " | " + Markdown.Inline(OutputCacheExpiration.Describe(policy, report)) + " | " + Tags(policy.Tags) + " | " + Markdown.Inline(string.Join("; ", policy.Settings))
                        + " | " + md.Link(policy.Location) + " |");
            }
            md.Line();
        }
        var uses = report.OutputCache.Where(o => !o.IsPolicy).ToList();
        if (uses.Count > 0)
        {
            md.Line("Where responses are cached:").Line();
            md.Line("| Where | How | Policy | Expiration | Tags | Other settings | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var use in uses)
            {
                md.Line("| " + Markdown.Code(use.Name ?? "?") + " | " + Markdown.Code(use.Call) + " | " + (use.Policy is null ? "" : Markdown.Code(use.Policy))
                        + " | " + Markdown.Inline(OutputCacheExpiration.Describe(use, report)) + " | " + UseTags(use, report) + " | " + Markdown.Inline(string.Join("; ", use.Settings.Concat(Precedence(use))))
                        + " | " + md.Link(use.Location) + " |");
            }
            md.Line();
        }
    }

    /// <summary>Which of a controller's and an action's <c>[OutputCache]</c> applies: the action's, alone.</summary>
    private static IEnumerable<string> Precedence(OutputCacheSpec use)
    {
        if (use.ReplacesClassAttributeOf is { } holder)
        {
            yield return "replaces the class-level `[OutputCache]` of " + CodeSpan.Of(holder) + " for this action (the action's attribute applies alone, the class's settings do not combine with it)";
        }
        if (!use.ReplacedOn.IsEmpty)
        {
            yield return "replaced on " + string.Join(", ", use.ReplacedOn.Select(CodeSpan.Of)) + " by the action's own `[OutputCache]`";
        }
        if (use.ReplacesGroupPolicy is { } group)
        {
            yield return "replaces the `CacheOutput` of " + CodeSpan.Of(group) + " here (one `CacheOutput` policy applies, the most specific; they do not combine)";
        }
        if (!use.ReplacedOnRoutes.IsEmpty)
        {
            yield return "replaced on " + string.Join(", ", use.ReplacedOnRoutes.Select(CodeSpan.Of)) + " by their own `CacheOutput`";
        }
    }

    /// <summary>An endpoint's own tags, then those of the named policy it uses (one policy of that name in the code read).</summary>
    private static string UseTags(OutputCacheSpec use, DataLayerReport report)
    {
        var own = Tags(use.Tags);
        var named = use.Policy is null ? new List<OutputCacheSpec>()
            : report.OutputCache.Where(o => o.Kind == OutputCacheSpec.NamedPolicy && string.Equals(o.Name, use.Policy, System.StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count != 1 || named[0].Tags.IsEmpty) return own;
        var fromPolicy = string.Join(", ", named[0].Tags.Select(t => (t.StartsWith("`", System.StringComparison.Ordinal) ? Markdown.Inline(t) : Markdown.Code(t)) + " (policy)"));
        return own.Length == 0 ? fromPolicy : own + ", " + fromPolicy;
    }

    private static string Tags(Helpers.EquatableArray<string> tags) =>
        string.Join(", ", tags.Select(t => t.StartsWith("`", System.StringComparison.Ordinal) ? Markdown.Inline(t) : Markdown.Code(t)));

    private static string Expiration(CacheUseSpec use) => use.Expiration switch
    {
        CacheExpiration.None when use.Cache == "IMemoryCache" => "**no expiration**: kept until removed or evicted",
        CacheExpiration.None => "**no expiration** set (only a provider-wide default could apply)",
        CacheExpiration.DefaultOptions => "none in this call: the cache's default entry options apply",
        _ => string.Join("; ", use.Expirations.Select(Markdown.Inline)) + (SlidingOnly(use) ? "; no absolute expiration: an entry read within every window never expires" : ""),
    };

    /// <summary>A sliding expiration with nothing that ends the entry regardless of reads (an absolute expiration, a
    /// relative one, a change token): each read renews it, so an entry read often enough is never read from its source again.</summary>
    private static bool SlidingOnly(CacheUseSpec use) =>
        !use.Expirations.IsEmpty && use.Expirations.All(e => e.StartsWith("sliding expiration", System.StringComparison.Ordinal));

    /// <summary>Whether the class commits a unit of work itself (<c>SaveChanges[Async]</c>): said only where it has one, an
    /// EF Core context or a Marten session; blank for stores that write at once (Dapper, MongoDB, LiteDB...), where a "no"
    /// would read as "does not write".</summary>
    private static string SavesChanges(RepositorySpec repository) =>
        repository.SavesChanges == true ? (repository.SavesThroughBase is { } through ? "yes, in its base class " + Markdown.Code(through) : "yes")
        : !repository.DataAccess.Any(a => a.EndsWith("(EF Core)", System.StringComparison.Ordinal) || a.EndsWith("(Marten)", System.StringComparison.Ordinal)) ? ""
        : repository.SavesChanges == false ? "no"
        : "not known (its base class or other partial parts are not read)";

    // Repositories and units of work: classes named so that depend on a data-access type.
    private static void WriteRepositories(Markdown md, DataLayerReport report)
    {
        if (report.Repositories.IsEmpty) return;
        md.Line("#### Repositories and units of work").Line();
        md.Line("Classes named `*Repository` or `*UnitOfWork` (or implementing an interface so named) that depend on a data-access type (held in a field, property or constructor parameter, or else in locals of their own methods):").Line();
        md.Line("| Class | Kind | Implements | Entities (or tables its SQL names) | Data access through | Calls SaveChanges | Registered | Evidence |")
          .Line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var item in report.Repositories)
        {
            var repository = item.Repository;
            var registrations = string.Join("<br>", item.Registrations.Select(r =>
                Markdown.Code(r.Call + "<" + (r.Service == r.Implementation ? r.Implementation : r.Service + ", " + r.Implementation) + ">") + " (" + r.Lifetime.ToLowerInvariant() + ") " + md.Link(r.Location)));
            md.Line("| " + Markdown.Code(repository.FullName) + " | " + repository.Kind
                    + " | " + string.Join(", ", repository.Interfaces.Select(Markdown.Code))
                    + " | " + string.Join(", ", repository.Entities.Select(e => e.StartsWith("table ", System.StringComparison.Ordinal) ? "table " + Markdown.Code(e.Substring(6)) : Markdown.Code(e)))
                    + " | " + string.Join(", ", repository.DataAccess.Select(Markdown.Text))
                    + " | " + SavesChanges(repository)
                    + " | " + registrations + " | " + md.Link(repository.Location) + " |");
        }
        md.Line();
    }

    // Query specifications (Ardalis.Specification) with the query each builds.
    private static void WriteQueryBuilders(Markdown md, DataLayerReport report)
    {
        if (report.QueryBuilders.IsEmpty) return;
        md.Line("#### Query builders").Line();
        md.Line("| Where | Library | Builder | Entity or context | Built from, or what it does | Handed to | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var item in report.QueryBuilders)
        {
            md.Line("| " + Markdown.Code(item.Member) + " | " + item.Library + " | " + Markdown.Code(item.Builder) + " | " + (item.Entity is null ? "" : Markdown.Code(item.Entity))
                    + " | " + string.Join("<br>", item.Parts.Select(Markdown.Inline)) + " | " + string.Join(", ", item.AppliedIn.Select(Markdown.Inline)) + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }

    private static void WriteSpecifications(Markdown md, DataLayerReport report)
    {
        if (report.Specifications.IsEmpty) return;
        md.Line("#### Specifications").Line();
        md.Line("| Specification | Entity | Result | Query | Evidence |").Line("| --- | --- | --- | --- | --- |");
        foreach (var item in report.Specifications)
        {
            md.Line("| " + Markdown.Code(item.ClassName) + " | " + Markdown.Code(item.Entity) + " | " + (item.Result is null ? "" : Markdown.Code(item.Result))
                    + " | " + (item.Alternatives.IsEmpty ? string.Join("<br>", item.Query.Select(Markdown.Code))
                        : "one of, by constructor:<br>" + string.Join("<br>", item.Alternatives.Select(a => Markdown.Code(a.Constructor) + " " + md.Link(a.Location) + ": " + string.Join(" ", a.Query.Select(Markdown.Code)))))
                    + " | " + md.Link(item.Location) + " |");
        }
        md.Line();
    }

    private static void WriteRawSql(Markdown md, DataLayerReport report)
    {
        if (report.RawSql.IsEmpty) return;
        md.Line("#### Raw SQL").Line();
        var risky = report.RawSql.Count(s => s.Parameterization == SqlParameterization.BuiltIntoRawSql);
        if (risky > 0)
        {
            md.Line("**" + risky.ToString(System.Globalization.CultureInfo.InvariantCulture) + " place(s) build SQL text by interpolation or concatenation and pass it to a raw API**: values become part of the SQL (an injection risk unless they are trusted).").Line();
        }
        md.Line("| Where | API | Statement | Tables named | Parameters | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
        foreach (var site in report.RawSql)
        {
            md.Line("| " + Markdown.Code(site.Member) + " | " + Markdown.Text(site.Api) + " | " + Statement(site)
                    + " | " + string.Join(", ", site.Tables.Select(Markdown.Code)) + " | " + Describe(site) + " | " + md.Link(site.Location) + " |");
        }
        md.Line();
    }

    /// <summary>The statement kind; a stored procedure call with the procedure's name when the code gives it.</summary>
    private static string Statement(RawSqlSpec site) =>
        site.Procedure is { Name: { } name } ? (site.Statement ?? "") + " " + Markdown.Code(name) : site.Statement ?? "";

    /// <summary>How values reach the SQL; for constant text, its parameter placeholders (or that it has none); for a
    /// stored procedure call, how its name is given and the parameters passed.</summary>
    private static string Describe(RawSqlSpec site) => site.Parameterization switch
    {
        SqlParameterization.Constant => "constant SQL text, " + (site.Placeholders.IsEmpty ? "no parameters" : "parameters " + string.Join(", ", site.Placeholders.Select(Markdown.Code))),
        SqlParameterization.StoredProcedure when site.Procedure is { } procedure => Describe(procedure),
        SqlParameterization.ConstantFragments => Describe(site.Parameterization) + (site.Placeholders.IsEmpty ? "" : ", parameters " + string.Join(", ", site.Placeholders.Select(Markdown.Code))),
        _ => Describe(site.Parameterization),
    };

    private static string Describe(ProcedureCall procedure)
    {
        var name = procedure.NameKind switch
        {
            ProcedureName.Built => "procedure name built from " + (procedure.NameFrom.IsEmpty ? "values that are not constants" : string.Join(", ", procedure.NameFrom.Select(Markdown.Code))) + " (not a constant); ",
            ProcedureName.NotFollowed => "procedure name from " + (procedure.NameFrom.IsEmpty ? "a value" : string.Join(", ", procedure.NameFrom.Select(Markdown.Code))) + " (not followed); ",
            _ => "",
        };
        var parameters = procedure.Parameters switch
        {
            ProcedureParameters.None => "no parameters",
            ProcedureParameters.NotRead => "parameters not read (the command comes from or is handed to other code)",
            _ when procedure.Argument is { } argument => "parameters passed: " + Markdown.Code(argument),
            _ when !procedure.Names.IsEmpty => "parameters " + string.Join(", ", procedure.Names.Select(Markdown.Code))
                + (procedure.Unnamed > 0 ? " and " + procedure.Unnamed.ToString(System.Globalization.CultureInfo.InvariantCulture) + " not named here" : ""),
            _ when procedure.Unnamed > 0 => "parameters added to the command (names not read)",
            _ => "parameters passed",
        };
        return "stored procedure call" + (procedure.Inferred ? " (no command type given: Dapper runs a bare name as a procedure)" : "") + ": " + name + parameters;
    }

    public static string Describe(SqlParameterization parameterization) => parameterization switch
    {
        SqlParameterization.Constant => "constant SQL text",
        SqlParameterization.InterpolatedParameters => "interpolated values sent as parameters",
        SqlParameterization.BuiltIntoRawSql => "**values built into the SQL text**",
        SqlParameterization.StoredProcedure => "stored procedure call",
        SqlParameterization.CommandTypeNotRead => "command type not a constant read here: SQL text or a stored procedure name, not known",
        SqlParameterization.BulkCopy => "rows streamed by bulk copy (no SQL text)",
        SqlParameterization.ConstantFragments => "SQL composed from constant fragments the code chooses (no value written into the text)",
        _ => "SQL text from a variable (not followed)",
    };
}
