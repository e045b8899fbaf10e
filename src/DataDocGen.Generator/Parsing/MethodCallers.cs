using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The project's calls to the methods that hold a listed call (a migration runner: <c>PerformUpgrade</c>,
/// <c>Migrate</c>...), so that the report can say where, and under which condition, that method is called
/// (<c>DatabaseMigrator.MigrateCatalogue</c>, called from the top-level statements when a setting is on).
/// </summary>
/// <remarks>
/// Which methods hold a runner is known only after the scan (<see cref="Scan.SiteScan"/>), and depends on method bodies,
/// so it cannot be a detector's predicate (a file's findings are reused while only other files' bodies change). This is a
/// second step on the compilation and the scan's list of those methods: each file's invocations whose name is one of
/// theirs are bound, and kept when bound to one of them. Each file's result is reused as the scan's are
/// (<see cref="TransformCache"/>), in a table kept per list of methods; with no such method, nothing is read.
/// A method is followed only when a call bound to it is the only way to run it: an ordinary method, not virtual,
/// abstract, an override, an interface member or an explicit implementation. Calls through an interface or a base
/// method, and a method group handed over as a delegate, are not followed (where they lead is not known here).
/// </remarks>
internal static class MethodCallers
{
    /// <summary>The documentation id of the method <paramref name="call"/> sits in directly, when that method can run only
    /// through calls bound to it; null in a lambda or local function (their caller is not known), in another member, or in
    /// top-level statements.</summary>
    public static string? EnclosingMethod(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in call.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case MethodDeclarationSyntax declaration:
                    return model.GetDeclaredSymbol(declaration, cancellationToken) is IMethodSymbol method && IsReachedOnlyByItsCalls(method)
                        ? method.OriginalDefinition.GetDocumentationCommentId()
                        : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    private static bool IsReachedOnlyByItsCalls(IMethodSymbol method) =>
        method is { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsAbstract: false, IsOverride: false, ExplicitInterfaceImplementations.IsEmpty: true }
        && method.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct };

    /// <summary>Each file's results, kept per level for one list of methods (a new list starts a new table).</summary>
    internal sealed class Cache
    {
        private readonly List<Level> levels = new();

        public Level For(int level, EquatableArray<string> wanted)
        {
            lock (levels)
            {
                while (levels.Count <= level) levels.Add(new Level(EquatableArray<string>.Empty));
                if (!levels[level].Methods.Equals(wanted)) levels[level] = new Level(wanted);
                return levels[level];
            }
        }
    }

    /// <summary>One level's results: per file, reused while the file and the compilation's shape are the same
    /// (<see cref="TransformCache"/>). The last compilation's files and results are kept too: after an edit, a file that
    /// is the same object at the same place in the list (all but the edited one) is reused by comparing references, which
    /// costs far less than a table lookup per file.</summary>
    internal sealed class Level(EquatableArray<string> methods)
    {
        public EquatableArray<string> Methods { get; } = methods;

        public ConditionalWeakTable<SyntaxTree, TransformCache.Entry<EquatableArray<MethodCallerSpec>>> Table { get; } = new();

        /// <summary>The last run's (replaced whole, so a concurrent reader sees one run's or the other's). It holds that
        /// run's syntax trees, most of which the current compilation shares, never a compilation.</summary>
        public Snapshot? Last { get; set; }
    }

    /// <summary>A run's shape, files, results and, per file, whether its result read other files.</summary>
    internal sealed class Snapshot(long shape, SyntaxTree[] trees, EquatableArray<MethodCallerSpec>[] results, bool[] readOthers)
    {
        public long Shape { get; } = shape;
        public SyntaxTree[] Trees { get; } = trees;
        public EquatableArray<MethodCallerSpec>[] Results { get; } = results;
        public bool[] ReadOthers { get; } = readOthers;
    }

    /// <summary>How many levels of callers are looked for: a runner's method, its callers' methods, and so on.</summary>
    internal const int Levels = 4;

    /// <summary>The calls to <paramref name="methods"/> (documentation ids) in the compilation, files in compilation order;
    /// an unexpected exception becomes the result's error (the DDG001 warning), with no callers.</summary>
    public static MethodCallersResult Find(Cache cache, Compilation compilation, EquatableArray<string> methods, CancellationToken cancellationToken)
    {
        if (methods.IsEmpty) return MethodCallersResult.None;
        try
        {
            return new MethodCallersResult(Scan(cache, compilation, methods, cancellationToken), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MethodCallersResult(EquatableArray<MethodCallerSpec>.Empty, Diagnostics.GeneratorFailure.Describe(exception));
        }
    }

    /// <summary>The callers of <paramref name="methods"/>, then of the methods those calls sit in (when they can run only
    /// through their calls), up to <see cref="Levels"/> levels; a method is looked for once.</summary>
    private static EquatableArray<MethodCallerSpec> Scan(Cache cache, Compilation compilation, EquatableArray<string> methods, CancellationToken cancellationToken)
    {
        var all = new List<MethodCallerSpec>();
        var seen = new HashSet<string>(methods, System.StringComparer.Ordinal);
        var wanted = methods;
        for (var level = 0; level < Levels && !wanted.IsEmpty; level++)
        {
            var found = ScanLevel(cache.For(level, wanted), compilation, wanted, cancellationToken);
            all.AddRange(found);
            wanted = found.Select(f => f.InMethod).Where(id => id is not null && seen.Add(id)).Select(id => id!)
                .OrderBy(id => id, System.StringComparer.Ordinal).ToEquatableArray();
        }
        return all.ToEquatableArray();
    }

    private static List<MethodCallerSpec> ScanLevel(Level level, Compilation compilation, EquatableArray<string> methods, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal);
        foreach (var id in methods)
        {
            if (NameOf(id) is not { } name) continue;
            if (!byName.TryGetValue(name, out var ids)) byName[name] = ids = new HashSet<string>(System.StringComparer.Ordinal);
            ids.Add(id);
        }
        System.Func<SyntaxTree, Compilation, CancellationToken, EquatableArray<MethodCallerSpec>> scan = (t, c, token) => ScanFile(t, c, byName, token);
        var shape = TransformCache.Shape(compilation, cancellationToken);
        var trees = compilation.SyntaxTrees.ToArray();
        var results = new EquatableArray<MethodCallerSpec>[trees.Length];
        var readOthers = new bool[trees.Length];
        // The last run's results stand for the same file objects while the shape is the same, unless they read another file.
        var last = level.Last is { } previous && previous.Shape == shape && previous.Trees.Length == trees.Length ? previous : null;
        var found = new List<MethodCallerSpec>();
        for (var i = 0; i < trees.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = trees[i];
            if (last is not null && ReferenceEquals(last.Trees[i], tree) && !last.ReadOthers[i])
            {
                results[i] = last.Results[i];
            }
            else
            {
                results[i] = TransformCache.ForFile(level.Table, tree, compilation, scan, cancellationToken);
                readOthers[i] = !level.Table.TryGetValue(tree, out var entry) || entry.Reads.Length > 0;
            }
            foreach (var caller in results[i]) found.Add(caller);
        }
        level.Last = new Snapshot(shape, trees, results, readOthers);
        return found;
    }

    /// <summary>The method's name in its documentation id (<c>M:Ns.Type.Name``1(System.String)</c>: <c>Name</c>).</summary>
    internal static string? NameOf(string id)
    {
        var end = id.IndexOf('(');
        var text = end < 0 ? id : id.Substring(0, end);
        var arity = text.IndexOf("``", System.StringComparison.Ordinal);
        if (arity >= 0) text = text.Substring(0, arity);
        var dot = text.LastIndexOf('.');
        return dot < 0 || dot == text.Length - 1 ? null : text.Substring(dot + 1);
    }

    private static EquatableArray<MethodCallerSpec> ScanFile(SyntaxTree tree, Compilation compilation, Dictionary<string, HashSet<string>> byName, CancellationToken cancellationToken)
    {
        // Most files never write one of the names: a text search (the parsed text, not copied) spares walking their nodes.
        // A name written with a Unicode escape (M\u0069grate) is missed: a caller left out, never a wrong one.
        if (tree.TryGetText(out var source) && !MentionsAny(source.ToString(), byName.Keys)) return EquatableArray<MethodCallerSpec>.Empty;
        List<MethodCallerSpec>? found = null;
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || CalledName(invocation.Expression) is not { } name || !byName.TryGetValue(name, out var ids)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            model ??= compilation.GetSemanticModel(tree);
            if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method) continue;
            var id = (method.ReducedFrom ?? method).OriginalDefinition.GetDocumentationCommentId();
            if (id is null || !ids.Contains(id) || IsInside(invocation, id, model, cancellationToken)) continue;
            (found ??= new List<MethodCallerSpec>()).Add(Describe(invocation, id, model, cancellationToken));
        }
        return found is null ? EquatableArray<MethodCallerSpec>.Empty : found.ToEquatableArray();
    }

    private static bool MentionsAny(string text, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (text.IndexOf(name, System.StringComparison.Ordinal) >= 0) return true;
        }
        return false;
    }

    /// <summary>The name a call is made by: <c>M()</c>, <c>x.M()</c>, <c>x?.M()</c>, <c>M&lt;T&gt;()</c>; null for other callees
    /// (a delegate returned by a call, an indexer).</summary>
    private static string? CalledName(ExpressionSyntax callee) => callee switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The call sits in the method it calls (recursion tells nothing of where the method is run from).</summary>
    private static bool IsInside(SyntaxNode call, string id, SemanticModel model, CancellationToken cancellationToken) =>
        call.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault() is { } declaration
        && model.GetDeclaredSymbol(declaration, cancellationToken)?.OriginalDefinition.GetDocumentationCommentId() == id;

    private static MethodCallerSpec Describe(InvocationExpressionSyntax invocation, string id, SemanticModel model, CancellationToken cancellationToken)
    {
        // In a lambda or local function, the call runs when that does, which is up to its own caller: the condition is read
        // inside it only, and the report says where it sits.
        SyntaxNode? function = null;
        LocalFunctionStatementSyntax? outerLocal = null;
        foreach (var ancestor in invocation.Ancestors())
        {
            if (ancestor is MemberDeclarationSyntax) break;
            if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) function ??= ancestor;
            if (ancestor is LocalFunctionStatementSyntax local) outerLocal = local;
        }
        var within = function switch
        {
            LocalFunctionStatementSyntax local => "local function `" + local.Identifier.ValueText + "`",
            AnonymousMethodExpressionSyntax => "anonymous method",
            AnonymousFunctionExpressionSyntax => "lambda",
            _ => null,
        };
        // A local function's own name is no place in the code: name the member it is declared in.
        var member = CodeText.MemberName(outerLocal ?? (SyntaxNode)invocation, model, cancellationToken);
        return new MethodCallerSpec(id, member, within, CodeText.EnclosingCondition(invocation, function), SourceLocation.From(invocation),
            function is null ? EnclosingMethod(invocation, model, cancellationToken) : null);
    }
}

/// <summary>The callers step's value: the calls found, or the error that stopped the search.</summary>
internal sealed record MethodCallersResult(EquatableArray<MethodCallerSpec> Callers, string? Error)
{
    public static readonly MethodCallersResult None = new(EquatableArray<MethodCallerSpec>.Empty, null);
}
