using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the <c>&lt;summary&gt;</c> of a declaration's XML documentation comment from its syntax trivia, so it works
/// whether or not the build parses documentation (SDK builds without GenerateDocumentationFile do not).
/// </summary>
internal static class DocumentationReader
{
    private static readonly Regex CrefTag = new("<see(?:also)?\\s+(?:cref|langword|href)=\"(?:[A-Z]:)?([^\"]+)\"\\s*/>", RegexOptions.CultureInvariant);
    private static readonly Regex AnyTag = new("<[^>]+>", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new("\\s+", RegexOptions.CultureInvariant);

    public static string? Summary(SyntaxNode declaration)
    {
        var text = new StringBuilder();
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                text.Append(trivia.ToFullString());
            }
            else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.ToString().StartsWith("///", System.StringComparison.Ordinal))
            {
                text.Append(trivia.ToString()).Append('\n');
            }
        }
        var xml = string.Join("\n", text.ToString().Split('\n').Select(line => line.TrimStart().StartsWith("///", System.StringComparison.Ordinal) ? line.TrimStart().Substring(3) : line));
        var start = xml.IndexOf("<summary>", System.StringComparison.Ordinal);
        var end = xml.IndexOf("</summary>", System.StringComparison.Ordinal);
        if (start < 0 || end <= start) return null;
        var summary = xml.Substring(start + 9, end - start - 9);
        summary = CrefTag.Replace(summary, m => m.Groups[1].Value.Substring(m.Groups[1].Value.LastIndexOf('.') + 1));
        summary = AnyTag.Replace(summary, "");
        summary = Spaces.Replace(summary, " ").Trim()
            .Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
        return summary.Length == 0 ? null : summary.Length > 400 ? summary.Substring(0, 400) + "…" : summary;
    }
}
