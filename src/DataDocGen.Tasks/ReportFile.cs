using System;
using System.IO;
using System.Text;

namespace DataDocGen.Tasks;

/// <summary>Writes report files only when their content changed (a no-op build leaves bytes and timestamps alone),
/// and atomically: the content goes to a temporary file in the same folder, which then replaces the target, so a
/// cancelled build never leaves a half-written report.</summary>
internal static class ReportFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <returns>True when the file was written, false when it already held this content.</returns>
    public static bool WriteIfChanged(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        if (File.Exists(path) && ContentEquals(File.ReadAllBytes(path), bytes)) return false;
        // A read-only report (a locked checkout, a file protected on purpose) is never replaced: on Unix a rename
        // would succeed silently, on Windows it fails; both now fail the same way, which the task reports as DDG103.
        if (File.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
        {
            throw new UnauthorizedAccessException("the file is read-only");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            if (File.Exists(path)) File.Replace(temporary, path, null);
            else File.Move(temporary, path);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return true;
    }

    /// <summary>Compares a committed file with fresh content, ignoring CRLF/LF differences (git may convert line endings on checkout).</summary>
    public static bool SameText(string path, string content, out int firstDifferentLine)
    {
        firstDifferentLine = 0;
        if (!File.Exists(path)) return false;
        var committed = File.ReadAllText(path, Utf8NoBom).Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n');
        var fresh = content.Split('\n');
        for (var i = 0; i < Math.Max(committed.Length, fresh.Length); i++)
        {
            if (i >= committed.Length || i >= fresh.Length || !string.Equals(committed[i], fresh[i], StringComparison.Ordinal))
            {
                firstDifferentLine = i + 1;
                return false;
            }
        }
        return true;
    }

    /// <summary>The headings (nearest <c>#</c> line above) of the sections whose lines differ between the committed
    /// report and the fresh one, in the fresh report's order; at most <paramref name="max"/>.</summary>
    public static System.Collections.Generic.List<string> ChangedSections(string path, string content, int max = 5)
    {
        var committed = File.Exists(path) ? File.ReadAllText(path, Utf8NoBom).Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n') : new string[0];
        var fresh = content.Split('\n');
        var committedSet = new System.Collections.Generic.HashSet<string>(committed, StringComparer.Ordinal);
        var freshSet = new System.Collections.Generic.HashSet<string>(fresh, StringComparer.Ordinal);
        var sections = new System.Collections.Generic.List<string>();
        void Add(string[] lines, int index)
        {
            for (var i = index; i >= 0; i--)
            {
                if (!lines[i].StartsWith("#", StringComparison.Ordinal)) continue;
                var heading = lines[i].TrimStart('#').Trim();
                if (!sections.Contains(heading)) sections.Add(heading);
                return;
            }
        }
        for (var i = 0; i < fresh.Length && sections.Count < max; i++)
        {
            if (!committedSet.Contains(fresh[i])) Add(fresh, i);
        }
        for (var i = 0; i < committed.Length && sections.Count < max; i++)
        {
            if (!freshSet.Contains(committed[i])) Add(committed, i);
        }
        return sections;
    }

    private static bool ContentEquals(byte[] a, byte[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
}
