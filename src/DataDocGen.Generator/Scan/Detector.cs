using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Scan;

/// <summary>
/// One detector of <see cref="SiteScan"/>: a cheap syntactic predicate and the transform of the nodes it accepts into an
/// equatable result (or nothing). Detectors do not register syntax providers of their own: see <see cref="SiteScan"/>.
/// </summary>
internal abstract class Detector(int index, string name)
{
    /// <summary>The detector's place in <see cref="Detectors.All"/>, and in a <see cref="ScannedSites"/>.</summary>
    public int Index { get; } = index;

    /// <summary>The tracking name of the detector's step, for tests and the benchmark.</summary>
    public string Name { get; } = name;

    public abstract bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken);

    /// <summary>The node's finding, or null when the transform found nothing.</summary>
    public abstract object? Find(SiteContext context, CancellationToken cancellationToken);
}

/// <summary>A detector with at most one result per candidate node.</summary>
internal sealed class Detector<T>(int index, string name, Func<SyntaxNode, CancellationToken, bool> isCandidate,
    Func<SiteContext, CancellationToken, T?> parse) : Detector(index, name)
    where T : class, IEquatable<T>
{
    public override bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) => isCandidate(node, cancellationToken);

    public override object? Find(SiteContext context, CancellationToken cancellationToken) => parse(context, cancellationToken);

    public EquatableArray<T> Results(IEnumerable<object> found) => found.Cast<T>().ToEquatableArray();
}

/// <summary>A detector with any number of results per candidate node (a type's declared members).</summary>
internal sealed class ManyDetector<T>(int index, string name, Func<SyntaxNode, CancellationToken, bool> isCandidate,
    Func<SiteContext, CancellationToken, EquatableArray<T>> parse) : Detector(index, name)
    where T : IEquatable<T>
{
    public override bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken) => isCandidate(node, cancellationToken);

    public override object? Find(SiteContext context, CancellationToken cancellationToken)
    {
        var found = parse(context, cancellationToken);
        return found.IsEmpty ? null : found;
    }

    public EquatableArray<T> Results(IEnumerable<object> found) => found.SelectMany(f => (EquatableArray<T>)f).ToEquatableArray();
}
