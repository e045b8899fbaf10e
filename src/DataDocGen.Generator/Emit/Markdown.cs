using System.Linq;
using System.Text;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Emit;

/// <summary>Markdown building blocks: code spans emitted verbatim whatever backticks or pipes the code holds, plain text
/// escaped, prose holding code spans (<see cref="Inline"/>), table-safe cells, evidence links.</summary>
internal sealed class Markdown
{
    private readonly StringBuilder _text = new();
    private readonly RelativePath _paths;

    public Markdown(RelativePath paths) => _paths = paths;

    /// <summary>Appends a line. A pipe inside a code span (<see cref="Code"/>) is escaped only in a table row, where GFM
    /// reads <c>\|</c> as a pipe even in code; elsewhere a code span shows a backslash literally, so it stays a bare pipe.</summary>
    public Markdown Line(string text = "")
    {
        if (text.IndexOf(CodePipe) >= 0) text = string.Join("\n", text.Split('\n').Select(line => line.Replace(CodePipe.ToString(), line.StartsWith("|", System.StringComparison.Ordinal) ? "\\|" : "|")));
        _text.Append(text).Append('\n');
        return this;
    }

    /// <summary>Appends another part's lines as they are (already escaped by its own <see cref="Line"/>).</summary>
    public Markdown Append(Markdown part)
    {
        _text.Append(part._text);
        return this;
    }

    public bool IsEmpty => _text.Length == 0;

    public override string ToString() => _text.ToString();

    /// <summary>Stands for a pipe inside a code span until <see cref="Line"/> knows whether the line is a table row (a
    /// private-use character, never in the text itself: <see cref="Code"/> and <see cref="Text"/> replace one).</summary>
    private const char CodePipe = '\uE000';

    /// <summary>A code span, verbatim (CommonMark reads no escapes in code), on one line, fenced and padded as
    /// <see cref="Helpers.CodeSpan"/> says; a pipe is marked for <see cref="Line"/>.</summary>
    public static string Code(string text)
    {
        return Helpers.CodeSpan.Of(text.Replace(CodePipe, '\uFFFD').Replace("\r", " ").Replace("\n", " ").Replace('|', CodePipe));
    }

    /// <summary>Plain text made safe for a table cell and free of markdown surprises: emphasis, HTML, and backticks
    /// (which would otherwise open a code span).</summary>
    public static string Text(string text) =>
        text.Replace(CodePipe, '\uFFFD').Replace("\r", " ").Replace("\n", " ").Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_")
            .Replace("`", "\\`").Replace("<", "&lt;");

    /// <summary>
    /// Text that holds code spans, as the model's prose does (<c>the change token `_token` fires</c>): each span, as
    /// CommonMark delimits it (a run of backticks up to the next run of the same length), is emitted verbatim through
    /// <see cref="Code"/>, and the words around it through <see cref="Text"/>. A backtick run that closes nothing is text.
    /// </summary>
    public static string Inline(string text)
    {
        var result = new StringBuilder();
        var words = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '`')
            {
                words.Append(text[i++]);
                continue;
            }
            var length = RunAt(text, i);
            var close = i + length;
            while (close < text.Length && (text[close] != '`' || RunAt(text, close) != length)) close += text[close] == '`' ? RunAt(text, close) : 1;
            if (close >= text.Length)
            {
                words.Append(text, i, length);
                i += length;
                continue;
            }
            var code = text.Substring(i + length, close - i - length);
            if (code.Length > 1 && code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim().Length > 0) code = code.Substring(1, code.Length - 2);
            result.Append(Text(words.ToString())).Append(Code(code));
            words.Clear();
            i = close + length;
        }
        return result.Append(Text(words.ToString())).ToString();
    }

    private static int RunAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '`') end++;
        return end - start;
    }

    /// <summary><c>[path:line](path#Lline)</c>, relative to the report's folder; empty when there is no source location.</summary>
    public string Link(SourceLocation? location) => location is null ? string.Empty : Link(location.Path, location.Line);

    /// <summary>The text followed by its evidence link, when there is one.</summary>
    public string WithLink(string text, SourceLocation? location) => location is null ? text : text + " " + Link(location);

    public string Link(string path, int line)
    {
        var relative = _paths.Of(path);
        return "[" + Text(relative) + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "](" + RelativePath.LinkTarget(relative, line) + ")";
    }
}
