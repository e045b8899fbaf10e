using System;
using System.Collections.Generic;
using System.Text;

namespace DataDocGen.Generator.Emit;

/// <summary>Makes source paths relative to the folder the report is written to, with forward slashes, so reports hold no
/// absolute path and are byte-identical wherever the repository is cloned.</summary>
internal sealed class RelativePath
{
    private readonly string[] _baseSegments;
    private readonly bool _ignoreCase;

    /// <param name="baseDirectory">The report's folder (absolute, any slash style); empty when unknown.</param>
    public RelativePath(string baseDirectory)
    {
        var normalized = baseDirectory.Replace('\\', '/').TrimEnd('/');
        _baseSegments = normalized.Length == 0 ? Array.Empty<string>() : normalized.Split('/');
        // Windows drive paths compare case-insensitively.
        _ignoreCase = normalized.Length > 1 && normalized[1] == ':';
    }

    /// <summary>The path relative to the report's folder; the bare file name when there is no common root (never an absolute path).</summary>
    public string Of(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var comparison = _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < _baseSegments.Length && common < segments.Length - 1 && string.Equals(_baseSegments[common], segments[common], comparison))
        {
            common++;
        }
        // No shared root (other drive, or base unknown): fall back to the file name alone.
        if (common == 0)
        {
            return segments[segments.Length - 1];
        }
        var parts = new List<string>();
        for (var i = common; i < _baseSegments.Length; i++) parts.Add("..");
        for (var i = common; i < segments.Length; i++) parts.Add(segments[i]);
        return string.Join("/", parts);
    }

    /// <summary>A markdown link target: the relative path with characters that break links percent-encoded.</summary>
    public static string LinkTarget(string relativePath, int line)
    {
        var builder = new StringBuilder(relativePath.Length + 8);
        foreach (var c in relativePath)
        {
            switch (c)
            {
                case ' ': builder.Append("%20"); break;
                case '(': builder.Append("%28"); break;
                case ')': builder.Append("%29"); break;
                case '<': builder.Append("%3C"); break;
                case '>': builder.Append("%3E"); break;
                case '#': builder.Append("%23"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append("#L").Append(line.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString();
    }
}
