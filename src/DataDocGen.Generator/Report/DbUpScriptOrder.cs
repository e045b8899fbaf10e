using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The scripts a DbUp <c>WithScriptsFromFileSystem("Scripts")</c> runs, in DbUp's order. DbUp reads the folder at run
/// time, relative to the working directory; in the sources, the folder of that name nearest to the code (its own
/// folder, then each parent) that holds <c>.sql</c> files stands for it. DbUp names a top-level file by its file name
/// and sorts by run group (all 0 here: no options) then name with <c>StringComparer.Ordinal</c>
/// (<c>UpgradeConfiguration.ScriptNameComparer</c>'s default); subfolders are not read without options.
/// </summary>
internal static class DbUpScriptOrder
{
    public static EquatableArray<SourceLocation> Find(CallSiteSpec call, IReadOnlyList<SqlScriptSpec> scripts)
    {
        if (call.ScriptFolder is not { } folder || call.Location is not { } location) return EquatableArray<SourceLocation>.Empty;
        var byFolder = scripts.Select(s => SourceLocation.Normalize(s.Path))
            .GroupBy(p => p.Substring(0, Math.Max(0, p.LastIndexOf('/'))), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        for (var directory = Parent(location.Path); directory is not null; directory = Parent(directory))
        {
            if (byFolder.TryGetValue(directory + "/" + folder, out var files))
            {
                return files.OrderBy(f => f.Substring(f.LastIndexOf('/') + 1), StringComparer.Ordinal)
                    .Select(f => new SourceLocation(f, 1)).ToEquatableArray();
            }
        }
        return EquatableArray<SourceLocation>.Empty;
    }

    private static string? Parent(string path)
    {
        var cut = path.LastIndexOf('/');
        return cut <= 0 ? null : path.Substring(0, cut);
    }
}
