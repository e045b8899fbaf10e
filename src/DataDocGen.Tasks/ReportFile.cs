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
