using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Joins the calls that apply migrations (3.1) with the project's calls to the methods they sit in
/// (<see cref="MethodCallers"/>): <c>DatabaseMigrator.MigrateCatalogue</c> runs DbUp unconditionally, and is called from the
/// top-level statements when a setting is on. A method the project never calls gets nothing (it may be called from
/// elsewhere).
/// </summary>
internal static class RunnerCallers
{
    /// <summary>The documentation ids of the methods that hold a runner call, distinct and sorted (the callers step's input).</summary>
    public static EquatableArray<string> Methods(EquatableArray<CallSiteSpec> applications) =>
        applications.Where(a => a.InMethod is not null && a.Method != "IgnoreQueryFilters").Select(a => a.InMethod!)
            .Distinct().OrderBy(m => m, System.StringComparer.Ordinal).ToEquatableArray();

    public static DataLayerReport Join(DataLayerReport report, EquatableArray<MethodCallerSpec> callers)
    {
        if (callers.IsEmpty) return report;
        var byMethod = callers.GroupBy(c => c.Method, System.StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Location, LocationComparer.Instance).ToEquatableArray(), System.StringComparer.Ordinal);
        var applications = report.MigrationApplications
            .Select(a => a.InMethod is { } method ? a with { Callers = Of(method, byMethod, new HashSet<string>(System.StringComparer.Ordinal) { method }) } : a)
            .ToEquatableArray();
        return report with { MigrationApplications = applications };
    }

    /// <summary>The calls to <paramref name="method"/>, each with the calls to the method it sits in; a method already on the
    /// path (mutual recursion) is not followed again.</summary>
    private static EquatableArray<MethodCallerSpec> Of(string method, Dictionary<string, EquatableArray<MethodCallerSpec>> byMethod, HashSet<string> path)
    {
        if (!byMethod.TryGetValue(method, out var callers)) return EquatableArray<MethodCallerSpec>.Empty;
        return callers.Select(c =>
        {
            if (c.InMethod is not { } outer || !path.Add(outer)) return c;
            var above = Of(outer, byMethod, path);
            path.Remove(outer);
            return above.IsEmpty ? c : c with { Callers = above };
        }).ToEquatableArray();
    }
}
