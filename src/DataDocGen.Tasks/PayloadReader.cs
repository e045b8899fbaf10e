using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace DataDocGen.Tasks;

/// <summary>Reads the report files out of the generator's payload source (see DataDocGen.Generator's PayloadEmitter).</summary>
internal static class PayloadReader
{
    /// <summary>v2: each file deflated, then base64.</summary>
    public const string Header = "// DataDocGen payload v2";
    /// <summary>v1: each file base64 only (a payload left in obj by an older package version).</summary>
    public const string HeaderV1 = "// DataDocGen payload v1";
    public const string FailedMarker = "// DataDocGen: report not produced";

    internal enum Status { Ok, Failed, Unrecognised }

    /// <summary>The files in the payload by name, or the status that explains why there are none.</summary>
    public static Status Read(string source, out IReadOnlyDictionary<string, string> files)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        files = result;
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var deflated = Array.IndexOf(lines, Header) >= 0;
        if (!deflated && Array.IndexOf(lines, HeaderV1) < 0) return Status.Unrecognised;

        string? current = null;
        var encoded = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.StartsWith(FailedMarker, StringComparison.Ordinal)) return Status.Failed;
            if (line.StartsWith("// begin ", StringComparison.Ordinal))
            {
                current = line.Substring("// begin ".Length);
                encoded.Clear();
            }
            else if (current is not null && line == "// end " + current)
            {
                var bytes = Convert.FromBase64String(encoded.ToString());
                result[current] = new UTF8Encoding(false).GetString(deflated ? Inflate(bytes) : bytes);
                current = null;
            }
            else if (current is not null && line.StartsWith("// ", StringComparison.Ordinal))
            {
                encoded.Append(line, 3, line.Length - 3);
            }
        }
        return result.Count > 0 ? Status.Ok : Status.Unrecognised;
    }

    private static byte[] Inflate(byte[] bytes)
    {
        using var input = new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
