using System.Text;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Emit;

/// <summary>Markdown building blocks: code spans that survive any backtick in the text, table-safe cells, evidence links.</summary>
internal sealed class Markdown
{
    private readonly StringBuilder _text = new();
    private readonly RelativePath _paths;

    public Markdown(RelativePath paths) => _paths = paths;

    public Markdown Line(string text = "")
    {
        _text.Append(text).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>A code span, fenced with more backticks than the text holds in a row; pipes escaped for table cells.</summary>
    public static string Code(string text)
    {
        text = text.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        var fence = new string('`', longest + 1);
        var pad = text.StartsWith("`") || text.EndsWith("`") ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }

    /// <summary>Plain text made safe for a table cell and free of markdown emphasis surprises.</summary>
    public static string Text(string text) =>
        text.Replace("\r", " ").Replace("\n", " ").Replace("\\", "\\\\").Replace("|", "\\|").Replace("*", "\\*").Replace("_", "\\_").Replace("<", "&lt;");

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
