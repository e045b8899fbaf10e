using System.Globalization;
using System.Text;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// The name rewriting of the EFCore.NamingConventions plug-in (<c>UseSnakeCaseNamingConvention</c>,
/// <c>UseLowerCaseNamingConvention</c>, <c>UseCamelCaseNamingConvention</c>, <c>UseUpperCaseNamingConvention</c>,
/// <c>UseUpperSnakeCaseNamingConvention</c>), with the invariant culture. Checked against the plug-in itself in the
/// fidelity tests.
/// </summary>
internal sealed class NameRewriter
{
    private readonly string _convention;

    private NameRewriter(string convention) => _convention = convention;

    /// <summary>The rewriter for the plug-in's options call such as <c>UseSnakeCaseNamingConvention()</c>, or null when
    /// it is not one (a method of the same name from another assembly is not the plug-in).</summary>
    public static NameRewriter? For(Model.OptionCallSpec option)
    {
        if (option.Assembly != "EFCore.NamingConventions") return null;
        var call = option.Call;
        foreach (var convention in new[] { "SnakeCase", "LowerCase", "CamelCase", "UpperCase", "UpperSnakeCase" })
        {
            if (call.StartsWith("Use" + convention + "NamingConvention(", System.StringComparison.Ordinal)) return new NameRewriter(convention);
        }
        return null;
    }

    public string Convention => _convention;

    public string Rewrite(string name) => _convention switch
    {
        "SnakeCase" => SnakeCase(name),
        "UpperSnakeCase" => SnakeCase(name).ToUpperInvariant(),
        "LowerCase" => name.ToLowerInvariant(),
        "UpperCase" => name.ToUpperInvariant(),
        "CamelCase" => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1),
        _ => name,
    };

    /// <summary>Word boundaries before an upper-case letter that follows a lower-case letter or a space, or that starts
    /// a word after an acronym (HTTPClient is http_client); digits stay attached (Value2Text is value2text).</summary>
    private static string SnakeCase(string name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        var builder = new StringBuilder(name.Length + System.Math.Min(2, name.Length / 5));
        UnicodeCategory? previous = null;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            if (current == '_')
            {
                builder.Append('_');
                previous = null;
                continue;
            }
            var category = char.GetUnicodeCategory(current);
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                    if (previous == UnicodeCategory.SpaceSeparator || previous == UnicodeCategory.LowercaseLetter
                        || (previous != UnicodeCategory.DecimalDigitNumber && previous != null && i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        builder.Append('_');
                    }
                    current = char.ToLowerInvariant(current);
                    break;
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.DecimalDigitNumber:
                    if (previous == UnicodeCategory.SpaceSeparator) builder.Append('_');
                    break;
                default:
                    if (previous != null) previous = UnicodeCategory.SpaceSeparator;
                    continue;
            }
            builder.Append(current);
            previous = category;
        }
        return builder.ToString();
    }
}
