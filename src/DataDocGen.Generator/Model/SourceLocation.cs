using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Model;

/// <summary>Where a fact was found: the file path as the compiler sees it and a 1-based line.</summary>
/// <remarks>Kept as strings rather than a Roslyn <see cref="Location"/> so models stay cheap to compare and do not
/// keep syntax trees alive. Paths are made relative to the report's folder only when the report is written.</remarks>
internal sealed record SourceLocation(string Path, int Line)
{
    /// <remarks>The file is recorded as read (<see cref="Helpers.SourceReads"/>): a line number depends on everything
    /// above it, bodies and comments included, so a cached result citing it must be recomputed when that file changes.</remarks>
    public static SourceLocation? From(SyntaxNode node)
    {
        Helpers.SourceReads.Record(node.SyntaxTree);
        var span = node.SyntaxTree.GetLineSpan(DeclarationStart(node));
        return string.IsNullOrEmpty(span.Path) ? null : new SourceLocation(Normalize(span.Path), span.StartLinePosition.Line + 1);
    }

    /// <summary>Where a node is cited: a declaration at its modifiers or keyword, not at the attributes above it (a class
    /// written under <c>[DisallowConcurrentExecution]</c> is cited on its own line); a call at its method's name.</summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan DeclarationStart(SyntaxNode node)
    {
        // A call is cited at its method's name: in a fluent chain written one call per line (options.UseSqlServer(...)
        // / .UseSeeding(...)), each call on its own line, not on the chain's first.
        if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access })
        {
            return Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, node.Span.End);
        }
        var attributes = node switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax member => member.AttributeLists,
            Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax parameter => parameter.AttributeLists,
            Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax function => function.AttributeLists,
            _ => default,
        };
        if (attributes.Count == 0) return node.Span;
        var start = attributes.Last().GetLastToken().GetNextToken();
        return start.RawKind == 0 || start.SpanStart >= node.Span.End ? node.Span : Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start.SpanStart, node.Span.End);
    }

    public static SourceLocation? From(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                Helpers.SourceReads.Record(location.SourceTree!);
                var span = location.GetLineSpan();
                return new SourceLocation(Normalize(span.Path), span.StartLinePosition.Line + 1);
            }
        }
        return null;
    }

    /// <summary>Forward slashes everywhere, so ordering and links are the same on Windows and Unix.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');
}
