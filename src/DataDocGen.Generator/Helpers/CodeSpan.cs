namespace DataDocGen.Generator.Helpers;

/// <summary>
/// A code span as the model's prose writes one (<c>the change token `_token` fires</c>), which the Markdown emitter
/// renders through <c>Markdown.Inline</c> and the JSON carries as is. CommonMark's rules, so that any code reads back
/// verbatim: fenced with one more backtick than the longest run in the code, padded with a space where the code starts
/// or ends with a backtick, or starts and ends with a space (one of which a reader strips).
/// </summary>
internal static class CodeSpan
{
    public static string Of(string code)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in code)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        var fence = new string('`', longest + 1);
        var spaced = code.Length > 1 && code[0] == ' ' && code[code.Length - 1] == ' ' && code.Trim().Length > 0;
        var pad = code.StartsWith("`", System.StringComparison.Ordinal) || code.EndsWith("`", System.StringComparison.Ordinal) || spaced ? " " : string.Empty;
        return fence + pad + code + pad + fence;
    }
}
