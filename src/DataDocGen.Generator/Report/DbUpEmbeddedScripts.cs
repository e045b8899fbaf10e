using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The project's embedded <c>.sql</c> files a DbUp <c>WithScriptsEmbeddedInAssembly</c> takes, in DbUp's order. DbUp names
/// an embedded script by its manifest resource name and sorts all scripts by run group, then name with
/// <c>StringComparer.Ordinal</c> (UpgradeEngine with <c>UpgradeConfiguration.ScriptNameComparer</c>'s default); the scripts
/// of one provider share a run group, so among themselves they run in name order. Without a filter DbUp takes the
/// names ending in <c>.sql</c> (any case); an exactly evaluable filter is applied here, any other keeps every embedded
/// <c>.sql</c> file as a candidate (the emitter says so).
/// </summary>
internal static class DbUpEmbeddedScripts
{
    public static DataLayerReport Join(DataLayerReport report, IReadOnlyList<EmbeddedSqlResource> resources)
    {
        if (resources.Count == 0 || report.MigrationApplications.All(a => a.Embedded.IsEmpty)) return report;
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var script in report.SqlScripts) summaries[script.Path] = script.Summary;
        var applications = report.MigrationApplications
            .Select(a => a.Embedded.IsEmpty ? a : a with { Embedded = a.Embedded.Select(e => e.IsThisAssembly ? Find(e, resources, summaries) : e).ToEquatableArray() })
            .ToEquatableArray();
        return report with { MigrationApplications = applications };
    }

    private static DbUpEmbeddedSpec Find(DbUpEmbeddedSpec source, IReadOnlyList<EmbeddedSqlResource> resources, Dictionary<string, string> summaries)
    {
        var evaluated = !source.HasFilter;
        var candidates = resources.OrderBy(r => r.ResourceName, StringComparer.Ordinal).ThenBy(r => r.Path, StringComparer.Ordinal).ToList();
        // A filter evaluated exactly for every candidate selects; otherwise every candidate is listed, as a candidate.
        if (source.Filter is { } filter && candidates.All(c => DbUpNameFilterEvaluator.Accepts(filter, c.ResourceName).HasValue))
        {
            candidates = candidates.Where(c => DbUpNameFilterEvaluator.Accepts(filter, c.ResourceName) == true).ToList();
            evaluated = true;
        }
        else if (!source.HasFilter)
        {
            candidates = candidates.Where(c => c.ResourceName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).ToList();
        }
        var scripts = candidates.Select(c => new DbUpEmbeddedScript(c.ResourceName, summaries.TryGetValue(c.Path, out var summary) ? summary : "", new SourceLocation(c.Path, 1)))
            .ToEquatableArray();
        return source with { Scripts = scripts, Candidates = !evaluated };
    }
}
