using System.Collections.Generic;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>The lines a namespace declaration covers in its file (syntax only): DataDocGenExcludeNamespaces and
/// DataDocGenIncludeNamespaces decide by them which facts' evidence lies in which namespace.</summary>
internal sealed record NamespaceSpan(string Path, string Namespace, int StartLine, int EndLine);

internal static class NamespaceSpanParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is BaseNamespaceDeclarationSyntax;

    public static NamespaceSpan? Parse(SiteContext context, CancellationToken _)
    {
        var declaration = (BaseNamespaceDeclarationSyntax)context.Node;
        var names = new List<string>();
        for (SyntaxNode? node = declaration; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax ns) names.Insert(0, ns.Name.ToString());
        }
        // A file-scoped namespace covers the rest of the file; a block one, its braces.
        var span = declaration is FileScopedNamespaceDeclarationSyntax
            ? Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(declaration.SpanStart, declaration.SyntaxTree.Length)
            : declaration.Span;
        var lines = declaration.SyntaxTree.GetLineSpan(span);
        if (string.IsNullOrEmpty(lines.Path)) return null;
        return new NamespaceSpan(SourceLocation.Normalize(lines.Path), string.Join(".", names), lines.StartLinePosition.Line + 1, lines.EndLinePosition.Line + 1);
    }
}
