using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Helpers;

/// <summary>
/// The syntax trees a transform reads beyond its own node's. <see cref="TransformCache"/> may reuse a result while
/// the compilation's declarations are unchanged, but a transform that reads a method body in another file (a base
/// context's <c>OnModelCreating</c>, a configuration's <c>Configure</c>, a converter class) also depends on that
/// file: every such read goes through here, and the cache keeps the result only while each tree read is still part of
/// the compilation (Roslyn keeps an unedited file's tree object across compilations and replaces an edited one).
/// Outside a cached transform (the analyzer, tests) recording is a no-op.
/// </summary>
internal static class SourceReads
{
    [ThreadStatic] private static List<SyntaxTree>? current;

    /// <summary>The declaration a reference points at, recorded as read.</summary>
    public static SyntaxNode ReadSyntax(this SyntaxReference reference, CancellationToken cancellationToken)
    {
        current?.Add(reference.SyntaxTree);
        return reference.GetSyntax(cancellationToken);
    }

    /// <summary>A semantic model for another file, recorded as read.</summary>
    public static SemanticModel ReadSemanticModel(this Compilation compilation, SyntaxTree tree)
    {
        current?.Add(tree);
        return compilation.GetSemanticModel(tree);
    }

    /// <summary>Records a file read through a node already in hand (e.g. walking up from a declaration).</summary>
    public static void Record(SyntaxTree tree) => current?.Add(tree);

    /// <summary>Runs <paramref name="transform"/> and returns the trees it read (nested runs keep their own lists).</summary>
    public static (T Value, SyntaxTree[] Trees) Tracking<T>(Func<T> transform)
    {
        var outer = current;
        var reads = new List<SyntaxTree>();
        current = reads;
        try
        {
            var value = transform();
            return (value, new HashSet<SyntaxTree>(reads).ToArrayOrEmpty());
        }
        finally
        {
            current = outer;
            outer?.AddRange(reads);
        }
    }

    private static SyntaxTree[] ToArrayOrEmpty(this HashSet<SyntaxTree> trees)
    {
        if (trees.Count == 0) return Array.Empty<SyntaxTree>();
        var array = new SyntaxTree[trees.Count];
        trees.CopyTo(array);
        return array;
    }
}
