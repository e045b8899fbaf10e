using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Helpers;

/// <summary>
/// A file's scan (<see cref="Scan.SiteScan"/>) is reused while the file is the same object and the compilation's
/// "shape" is the same: every file's text outside member bodies, the references and the options. Another file can only
/// change what a node means through its declarations (method and accessor bodies are invisible outside), so an edit
/// inside a body elsewhere reuses everything, and a declaration change anywhere (a DbSet's type, a constant, an
/// attribute) rescans every file, as a syntax provider would. A scan that reads another file's bodies or trivia (a base
/// context's OnModelCreating, a configuration class, a converter, a doc comment) does so through
/// <see cref="SourceReads"/>, and its result is reused only while each of those files is unchanged too.
/// </summary>
internal static class TransformCache
{
    private sealed class Box(long value) { public long Value { get; } = value; }

    /// <summary>One file's result, with what it was computed against.</summary>
    internal sealed class Entry<T>(long shape, T value, SyntaxTree[] reads)
    {
        public long Shape { get; } = shape;
        public T Value { get; } = value;
        /// <summary>Other files whose bodies the scan read (<see cref="SourceReads"/>): the result is stale once one is replaced.</summary>
        public SyntaxTree[] Reads { get; } = reads;

        public bool IsCurrent(long shape, Compilation compilation)
        {
            if (Shape != shape) return false;
            foreach (var tree in Reads)
            {
                if (!compilation.ContainsSyntaxTree(tree)) return false;
            }
            return true;
        }
    }

    /// <summary>Raised when a file is scanned rather than its result reused (tests watch it for their own compilation).</summary>
    internal static event Action<Compilation, SyntaxTree>? Missed;

    private static readonly ConditionalWeakTable<SyntaxTree, Box> TreeShapes = new();
    private static readonly ConditionalWeakTable<Compilation, Box> CompilationShapes = new();

    /// <summary>The file's result from <paramref name="results"/> when current, else <paramref name="scan"/>'s, stored.
    /// The table belongs to one generator instance, as Roslyn's own step tables do.</summary>
    public static T ForFile<T>(ConditionalWeakTable<SyntaxTree, Entry<T>> results, SyntaxTree tree, Compilation compilation,
        Func<SyntaxTree, Compilation, CancellationToken, T> scan, CancellationToken cancellationToken)
    {
        var shape = Shape(compilation, cancellationToken);
        // Reads need no lock: ConditionalWeakTable's lookups are thread-safe and an entry never changes once stored.
        if (results.TryGetValue(tree, out var entry) && entry.IsCurrent(shape, compilation)) return entry.Value;
        Missed?.Invoke(compilation, tree);
        var (value, reads) = SourceReads.Tracking(() => scan(tree, compilation, cancellationToken));
        reads = Array.FindAll(reads, read => read != tree); // the file itself is the key
        lock (results)
        {
            results.Remove(tree);
            results.Add(tree, new Entry<T>(shape, value, reads));
        }
        return value;
    }

    /// <summary>The compilation's shape: what other files can see of each file, the references and the options.</summary>
    internal static long Shape(Compilation compilation, CancellationToken cancellationToken) =>
        // TryGetValue first: every file asks, and GetValue's callback would allocate a closure each time.
        CompilationShapes.TryGetValue(compilation, out var known) ? known.Value : CompilationShapes.GetValue(compilation, c =>
        {
            BindAssemblyAttributes(c);
            var hash = Fnv.Start;
            foreach (var tree in c.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash = Fnv.Add(hash, TreeShapes.GetValue(tree, t => new Box(TreeShape(t, cancellationToken))).Value);
            }
            foreach (var reference in c.References) hash = Fnv.Add(hash, reference.Display ?? "");
            hash = Fnv.Add(hash, c.AssemblyName ?? "");
            hash = Fnv.Add(hash, (long)((CSharpCompilationOptions)c.Options).NullableContextOptions);
            return new Box(hash);
        }).Value;

    /// <summary>
    /// Binding any call to a source method asks whether its module or assembly is [Obsolete]/[Experimental]; until their
    /// attributes are bound, Roslyn answers by scanning every file's declarations, once per call: quadratic in the
    /// project's size (seconds at 2,500 entities). Binding them once per compilation, before the first scan (this
    /// runs with the first shape), as the compile does anyway, makes each answer a field read.
    /// </summary>
    private static void BindAssemblyAttributes(Compilation compilation)
    {
        compilation.Assembly.GetAttributes();
        compilation.SourceModule.GetAttributes();
    }

    /// <summary>The file's tokens outside method, constructor, operator, accessor and local-function bodies (and its
    /// parse options): what other files can see of it.</summary>
    private static long TreeShape(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var hash = Fnv.Add(Fnv.Start, tree.FilePath);
        foreach (var symbol in tree.Options.PreprocessorSymbolNames) hash = Fnv.Add(hash, symbol);
        var root = tree.GetRoot(cancellationToken);
        foreach (var token in root.DescendantTokens(node => !IsBody(node)))
        {
            if (IsBody(token.Parent)) continue;
            hash = Fnv.Add(hash, (long)token.RawKind);
            hash = Fnv.Add(hash, token.ValueText);
        }
        return hash;
    }

    /// <summary>Bodies other files cannot see. A transform that follows a value into one (a read-only field into its
    /// constructor in another part of a partial class) reads it through <see cref="SourceReads"/>.</summary>
    private static bool IsBody(SyntaxNode? node) =>
        node is BlockSyntax or ArrowExpressionClauseSyntax
        && node.Parent is MethodDeclarationSyntax or ConstructorDeclarationSyntax or OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax
            or DestructorDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
        || node is ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }
        || node is GlobalStatementSyntax { Statement: not LocalFunctionStatementSyntax };

    private static class Fnv
    {
        public const long Start = unchecked((long)14695981039346656037UL);

        public static long Add(long hash, long value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash ^= (value >> (i * 8)) & 0xFF;
                hash = unchecked(hash * 1099511628211L);
            }
            return hash;
        }

        public static long Add(long hash, string text)
        {
            foreach (var c in text)
            {
                hash ^= c;
                hash = unchecked(hash * 1099511628211L);
            }
            return Add(hash, (long)text.Length);
        }
    }
}
