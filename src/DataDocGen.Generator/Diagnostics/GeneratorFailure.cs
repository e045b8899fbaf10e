using System;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Diagnostics;

/// <summary>Describes an unexpected exception in one line for the DDG001 warning: what failed and where, never a stack dump.</summary>
internal static class GeneratorFailure
{
    public static string Describe(Exception exception, SyntaxNode? node = null)
    {
        var where = string.Empty;
        if (node is not null)
        {
            var span = node.GetLocation().GetLineSpan();
            where = " while reading " + System.IO.Path.GetFileName(span.Path) + " line " + (span.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var frame = FirstFrame(exception);
        return exception.GetType().Name + ": " + exception.Message + where + (frame is null ? string.Empty : " (at " + frame + ")");
    }

    private static string? FirstFrame(Exception exception)
    {
        var trace = exception.StackTrace;
        if (string.IsNullOrEmpty(trace)) return null;
        var line = trace!.Split('\n')[0].Trim();
        return line.StartsWith("at ", StringComparison.Ordinal) ? line.Substring(3) : line;
    }
}
