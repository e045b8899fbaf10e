using System;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Evaluates a DbUp resource-name filter on a name, or says it cannot be done exactly (null). Ordinal comparisons
/// (and <c>Contains</c> without a comparison, which is ordinal) are exact. <c>StartsWith</c>/<c>EndsWith</c> without a
/// comparison use the current culture at run time: cultures join letters into one unit (Czech "ch", Danish "aa") and
/// some treat '-' specially, so those are evaluated only when the name and the constant are ASCII letters, digits, '.'
/// and '_' and the constant's letter at the joint (its last for StartsWith, its first for EndsWith) is not a letter.
/// A current-culture ignore-case comparison (Turkish i) is never evaluated.
/// </summary>
internal static class DbUpNameFilterEvaluator
{
    public static bool? Accepts(DbUpNameFilter filter, string name)
    {
        switch (filter.Op)
        {
            case "Not":
                return !Accepts(filter.Operands[0], name);
            case "And":
            case "Or":
                var results = filter.Operands.Select(o => Accepts(o, name)).ToList();
                var decisive = filter.Op == "And" ? false : true;
                if (results.Contains(decisive)) return decisive; // false && unknown is false: C# would not even evaluate it
                return results.All(r => r.HasValue) ? !decisive : null;
            default:
                return Call(filter.Op, filter.Value ?? "", filter.Comparison, name);
        }
    }

    private static bool? Call(string op, string value, string? comparison, string name)
    {
        var cultural = comparison is null ? op != "Contains" : comparison.StartsWith("CurrentCulture", StringComparison.Ordinal) || comparison.StartsWith("InvariantCulture", StringComparison.Ordinal);
        var ignoreCase = comparison?.EndsWith("IgnoreCase", StringComparison.Ordinal) == true;
        if (cultural)
        {
            if (ignoreCase && comparison!.StartsWith("CurrentCulture", StringComparison.Ordinal)) return null;
            var joint = op switch { "StartsWith" => value.Length > 0 ? value[value.Length - 1] : '.', "EndsWith" => value.Length > 0 ? value[0] : '.', _ => 'a' };
            if (!Plain(value) || !Plain(name) || char.IsLetter(joint)) return null;
        }
        var ordinal = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return op switch
        {
            "StartsWith" => name.StartsWith(value, ordinal),
            "EndsWith" => name.EndsWith(value, ordinal),
            "Contains" => name.IndexOf(value, ordinal) >= 0,
            _ => null,
        };
    }

    private static bool Plain(string text) => text.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_');
}
