using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Scan;

/// <summary>
/// Every node's findings, regrouped per detector in the order the nodes were found (files, then position), which is the
/// order a provider per detector gave. Equal when every detector's results are equal, so an edit that changes no result
/// stops here.
/// </summary>
internal sealed class ScannedSites : IEquatable<ScannedSites>
{
    private readonly object[][] byDetector;

    public ScannedSites(ImmutableArray<EquatableArray<Finding>> nodes)
    {
        var lists = new List<object>[Detectors.All.Count];
        for (var i = 0; i < lists.Length; i++) lists[i] = new List<object>();
        List<string>? failures = null;
        foreach (var node in nodes)
        {
            foreach (var finding in node)
            {
                if (finding.Detector == Finding.FailureIndex) (failures ??= new List<string>()).Add((string)finding.Result);
                else lists[finding.Detector].Add(finding.Result);
            }
        }
        byDetector = Array.ConvertAll(lists, list => list.ToArray());
        Failures = failures is null ? EquatableArray<string>.Empty : failures.ToEquatableArray();
    }

    /// <summary>Detectors' unexpected exceptions, one line each, in file order (for the DDG001 warning).</summary>
    public EquatableArray<string> Failures { get; }

    public EquatableArray<T> Of<T>(Detector<T> detector) where T : class, IEquatable<T> => detector.Results(byDetector[detector.Index]);

    public EquatableArray<T> Of<T>(ManyDetector<T> detector) where T : IEquatable<T> => detector.Results(byDetector[detector.Index]);

    public bool Equals(ScannedSites? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!Failures.Equals(other.Failures)) return false;
        for (var i = 0; i < byDetector.Length; i++)
        {
            var mine = byDetector[i];
            var theirs = other.byDetector[i];
            if (mine.Length != theirs.Length) return false;
            for (var j = 0; j < mine.Length; j++)
            {
                if (!mine[j].Equals(theirs[j])) return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ScannedSites);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var results in byDetector) hash = unchecked(hash * 31 + results.Length);
        return hash;
    }
}
