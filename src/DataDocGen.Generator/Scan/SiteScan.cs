using System;
using System.Collections.Immutable;
using System.Threading;
using DataDocGen.Generator.Helpers;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Scan;

/// <summary>
/// All detectors in one syntax provider. Roslyn walks every node of every file once per syntax provider and times every
/// transform call; with a provider per detector that was 26 walks and, at 1,000 entities, about a quarter of a full run
/// (issue 7). One provider walks once, asks each detector's predicate, and runs the accepting detectors' transforms on
/// the node together, behind one <see cref="TransformCache"/> entry; <see cref="ScannedSites"/> then hands each
/// detector its own results, so the report's inputs are what they were with separate providers.
/// </summary>
internal static class SiteScan
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var detector in Detectors.All)
        {
            if (detector.IsCandidate(node, cancellationToken)) return true;
        }
        return false;
    }

    /// <summary>The node's findings, in detector order (empty when no detector found anything).</summary>
    public static EquatableArray<Finding> Scan(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        ImmutableArray<Finding>.Builder? found = null;
        foreach (var detector in Detectors.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!detector.IsCandidate(context.Node, cancellationToken)) continue;
            if (detector.Find(context, cancellationToken) is { } result)
            {
                (found ??= ImmutableArray.CreateBuilder<Finding>()).Add(new Finding(detector.Index, result));
            }
        }
        return found is null ? EquatableArray<Finding>.Empty : new EquatableArray<Finding>(found.ToImmutable());
    }
}

/// <summary>What one detector found at one node: its result, compared by the result's own value equality.</summary>
internal readonly record struct Finding(int Detector, object Result);
