using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using DataDocGen.Generator.Diagnostics;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Scan;

/// <summary>
/// Every detector, run over every file by one step on the compilation, each file's findings reused while neither it nor
/// any declaration changed (<see cref="TransformCache"/>). Why not syntax providers (issue 7, docs/performance.md,
/// sessions 6 and 7): Roslyn walks every file once per syntax provider, and after any edit it calls a provider's
/// transform again for every candidate of every file, because another file may have changed what a node means. At
/// 1,000 entities that was 15,000 calls per keystroke, each only looking up a reused result, and most of an unrelated
/// edit's 20 ms; one candidate per file still cost 11 ms (a semantic model made per file, Roslyn's tables and
/// timers). Here an edit costs a table lookup per file and the scan of the edited file: about 4 ms. The step's value,
/// <see cref="ScannedSites"/>, holds only equatable results (no compilation, symbol or node), so an edit that changes
/// no result stops at it and nothing downstream runs.
/// </summary>
internal static class SiteScan
{
    /// <summary>Each file's findings, in the compilation's file order, regrouped per detector.</summary>
    public static ScannedSites Scan(ConditionalWeakTable<SyntaxTree, TransformCache.Entry<EquatableArray<Finding>>> results, Compilation compilation,
        CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<EquatableArray<Finding>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = TransformCache.ForFile(results, tree, compilation, ScanFile, cancellationToken);
            if (!found.IsEmpty) files.Add(found);
        }
        return new ScannedSites(files.ToImmutable());
    }

    /// <summary>The file's findings, nodes in document order (pre-order, as a syntax provider's walk visits them, no
    /// structured trivia) and each node's in detector order; empty when no detector found anything. The predicates are
    /// syntactic; the semantic model is made only for a file with a candidate.</summary>
    private static EquatableArray<Finding> ScanFile(SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken) =>
        ScanFile(tree, compilation, Detectors.All, cancellationToken);

    /// <summary><see cref="ScanFile(SyntaxTree, Compilation, CancellationToken)"/> with the given detectors (tests give
    /// one that fails). A detector that throws (a predicate on syntax nobody foresaw, a transform's own catch missing
    /// something) costs that node that detector's result and becomes a failure for the DDG001 warning; the scan goes on,
    /// since an exception out of a generator is CS8785, which TreatWarningsAsErrors makes a broken build.</summary>
    internal static EquatableArray<Finding> ScanFile(SyntaxTree tree, Compilation compilation, IReadOnlyList<Detector> detectors,
        CancellationToken cancellationToken)
    {
        ImmutableArray<Finding>.Builder? found = null;
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var detector in detectors)
            {
                Finding? finding;
                try
                {
                    if (!detector.IsCandidate(node, cancellationToken)) continue;
                    model ??= compilation.GetSemanticModel(tree);
                    finding = detector.Find(new SiteContext(node, model), cancellationToken) is { } result ? new Finding(detector.Index, result) : null;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    finding = Finding.Failure(GeneratorFailure.Describe(exception, node));
                }
                if (finding is { } value) (found ??= ImmutableArray.CreateBuilder<Finding>()).Add(value);
            }
        }
        return found is null ? EquatableArray<Finding>.Empty : new EquatableArray<Finding>(found.ToImmutable());
    }
}

/// <summary>What one detector found at one node: its result, compared by the result's own value equality; or, with
/// <see cref="FailureIndex"/>, the one-line description of a detector's unexpected exception.</summary>
internal readonly record struct Finding(int Detector, object Result)
{
    public const int FailureIndex = -1;

    public static Finding Failure(string description) => new(FailureIndex, description);
}
