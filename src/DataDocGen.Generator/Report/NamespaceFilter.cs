using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// DataDocGenExcludeNamespaces / DataDocGenIncludeNamespaces: a fact is left out when its evidence lies in an excluded
/// namespace (or a namespace below it), or, with an include list, in a namespace not below an included one; code in
/// no namespace (top-level statements, the global namespace) is kept. A context declared in a left-out namespace is
/// left out with its schema; the schema of a kept context stays whole (EF Core maps its entities whatever their
/// namespace). Applied to a project's own facts, so its fragment carries the same choice to referencing projects.
/// </summary>
internal static class NamespaceFilter
{
    /// <summary>The report's lists this filter reads; <c>NamespaceFilterTests</c> checks that it covers every list.</summary>
    internal static readonly string[] FilteredLists =
    {
        nameof(DataLayerReport.Contexts), nameof(DataLayerReport.RawSql), nameof(DataLayerReport.Migrations), nameof(DataLayerReport.MigrationApplications),
        nameof(DataLayerReport.CacheProviders), nameof(DataLayerReport.CacheUses), nameof(DataLayerReport.OutputCache), nameof(DataLayerReport.Transactions), nameof(DataLayerReport.FilterBypasses),
        nameof(DataLayerReport.QueryShapes), nameof(DataLayerReport.SaveHooks), nameof(DataLayerReport.Stores), nameof(DataLayerReport.StoreObjects),
        nameof(DataLayerReport.Crud), nameof(DataLayerReport.Repositories), nameof(DataLayerReport.Validators), nameof(DataLayerReport.AnnotatedProperties),
        nameof(DataLayerReport.Seeding), nameof(DataLayerReport.Security), nameof(DataLayerReport.EventSourcing), nameof(DataLayerReport.Messaging),
        nameof(DataLayerReport.SqlFacts), nameof(DataLayerReport.UnmatchedRegistrations), nameof(DataLayerReport.Specifications), nameof(DataLayerReport.BackgroundJobs),
        nameof(DataLayerReport.Guards), nameof(DataLayerReport.Sanitisation), nameof(DataLayerReport.ValidationRuns),
        nameof(DataLayerReport.Tenancy), nameof(DataLayerReport.MartenTenancy), nameof(DataLayerReport.EventReplays), nameof(DataLayerReport.BrokerMessages), nameof(DataLayerReport.CommandTimeouts), nameof(DataLayerReport.LibrarySchemas), nameof(DataLayerReport.QueryBuilders), nameof(DataLayerReport.Linq2DbTables), nameof(DataLayerReport.TransportSecurity),
        nameof(DataLayerReport.Orchestrations), nameof(DataLayerReport.UnmatchedSnapshots),
    };

    /// <summary>Lists not about code in a namespace: SQL script files and the tables they create, the declared properties used
    /// for links, the client libraries referenced, and code setting a client's TLS (kept wherever it is: it withholds the
    /// client's defaults for the whole project, left-out code runs too).</summary>
    internal static readonly string[] UnfilteredLists =
    {
        nameof(DataLayerReport.SqlScripts), nameof(DataLayerReport.ScriptTables), nameof(DataLayerReport.DeclaredMembers),
        nameof(DataLayerReport.TransitClients), nameof(DataLayerReport.TlsInCode),
    };

    public static bool IsSet(string exclude, string include) => Names(exclude).Count > 0 || Names(include).Count > 0;

    public static DataLayerReport Apply(DataLayerReport report, IReadOnlyList<NamespaceSpan> spans, string exclude, string include)
    {
        var excluded = Names(exclude);
        var included = Names(include);
        if (excluded.Count == 0 && included.Count == 0) return report;
        var byFile = spans.GroupBy(s => s.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        bool LeftOut(SourceLocation? location)
        {
            if (location is null || !byFile.TryGetValue(location.Path, out var inFile)) return false;
            // The innermost namespace declaration around the line: nested blocks give their full name.
            var ns = inFile.Where(s => location.Line >= s.StartLine && location.Line <= s.EndLine)
                .OrderByDescending(s => s.StartLine).Select(s => s.Namespace).FirstOrDefault();
            if (ns is null) return false;
            return excluded.Any(n => Below(ns, n)) || (included.Count > 0 && !included.Any(n => Below(ns, n)));
        }
        EquatableArray<T> Keep<T>(EquatableArray<T> items, Func<T, SourceLocation?> location) where T : IEquatable<T> =>
            items.Where(i => !LeftOut(location(i))).ToEquatableArray();
        EquatableArray<MethodCallerSpec> KeepCallers(EquatableArray<MethodCallerSpec> callers) =>
            Keep(callers, c => c.Location).Select(c => c.Callers.IsEmpty ? c : c with { Callers = KeepCallers(c.Callers) }).ToEquatableArray();

        return report with
        {
            Contexts = Keep(report.Contexts, c => c.Location),
            RawSql = Keep(report.RawSql, r => r.Location),
            Migrations = Keep(report.Migrations, m => m.Location),
            UnmatchedSnapshots = Keep(report.UnmatchedSnapshots, s => s.Location),
            // A kept call keeps the callers of its method that are not left out themselves.
            MigrationApplications = Keep(report.MigrationApplications, a => a.Location)
                .Select(a => a.Callers.IsEmpty ? a : a with { Callers = KeepCallers(a.Callers) }).ToEquatableArray(),
            CacheProviders = Keep(report.CacheProviders, c => c.Location),
            CacheUses = Keep(report.CacheUses, c => c.Location),
            OutputCache = Keep(report.OutputCache, o => o.Location),
            Transactions = Keep(report.Transactions, t => t.Location),
            FilterBypasses = Keep(report.FilterBypasses, b => b.Location),
            QueryShapes = Keep(report.QueryShapes, q => q.Location),
            SaveHooks = Keep(report.SaveHooks, h => h.Location),
            // A store is kept with the sites that remain; one opened only in left-out code goes.
            Stores = report.Stores.Select(s => s with { Sites = Keep(s.Sites, x => x.Location) }).Where(s => !s.Sites.IsEmpty).ToEquatableArray(),
            StoreObjects = Keep(report.StoreObjects, o => o.Location),
            Crud = Keep(report.Crud, c => c.Location),
            Repositories = Keep(report.Repositories, r => r.Repository.Location),
            Validators = Keep(report.Validators, v => v.Location),
            AnnotatedProperties = Keep(report.AnnotatedProperties, p => p.Location),
            Guards = Keep(report.Guards, g => g.Location),
            Sanitisation = Keep(report.Sanitisation, s => s.Location),
            ValidationRuns = Keep(report.ValidationRuns, r => r.Location),
            Seeding = Keep(report.Seeding, s => s.Location),
            Security = Keep(report.Security, s => s.Location),
            EventSourcing = Keep(report.EventSourcing, e => e.Location),
            Messaging = Keep(report.Messaging, m => m.Location),
            BrokerMessages = Keep(report.BrokerMessages, m => m.Location),
            CommandTimeouts = Keep(report.CommandTimeouts, t => t.Location),
            LibrarySchemas = Keep(report.LibrarySchemas, s => s.Location),
            QueryBuilders = Keep(report.QueryBuilders, q => q.Location),
            Linq2DbTables = Keep(report.Linq2DbTables, t => t.EntityLocation),
            TransportSecurity = Keep(report.TransportSecurity, t => t.Location),
            SqlFacts = Keep(report.SqlFacts, f => f.Location),
            UnmatchedRegistrations = Keep(report.UnmatchedRegistrations, r => r.Location),
            Specifications = Keep(report.Specifications, s => s.Location),
            BackgroundJobs = Keep(report.BackgroundJobs, j => j.Location),
            Tenancy = Keep(report.Tenancy, t => t.Location),
            MartenTenancy = Keep(report.MartenTenancy, t => t.Location),
            EventReplays = Keep(report.EventReplays, r => r.Location),
            Orchestrations = Keep(report.Orchestrations, o => o.Location),
        };
    }

    private static bool Below(string ns, string name) =>
        ns.Equals(name, StringComparison.Ordinal) || ns.StartsWith(name + ".", StringComparison.Ordinal);

    private static List<string> Names(string list) =>
        list.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
}
