using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// DataDocGenSections: keeps only the outline sections a project asks for, e.g. <c>1;2.1;4</c> keeps all of 1 and 4 and,
/// of 2, the "## 2." heading and 2.1. A section is a "## N." or "### N.M" heading with everything up to the next heading
/// of the same or a higher level. An empty setting keeps everything; DATA_LAYER.json always holds everything.
/// </summary>
internal static class SectionFilter
{
    private static readonly Regex Heading = new(@"^(#{2,3}) (\d+(?:\.\d+)?)[. ]", RegexOptions.CultureInvariant);

    public static string Keep(string body, string sections)
    {
        var wanted = sections.Split(new[] { ';', ',' }, System.StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().TrimEnd('.')).Where(s => s.Length > 0).ToList();
        if (wanted.Count == 0) return body;
        var kept = new List<string>();
        var keep = true;
        foreach (var line in body.Split('\n'))
        {
            var match = Heading.Match(line);
            if (match.Success)
            {
                var number = match.Groups[2].Value;
                var top = number.Split('.')[0];
                keep = match.Groups[1].Value.Length == 2
                    ? wanted.Any(w => w == top || w.StartsWith(top + ".", System.StringComparison.Ordinal)) // a top heading stays when any of its parts is wanted
                    : wanted.Contains(top) || wanted.Contains(number);
            }
            if (keep) kept.Add(line);
        }
        return string.Join("\n", kept);
    }
}
