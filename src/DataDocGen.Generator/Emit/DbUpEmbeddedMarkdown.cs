using System;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// The lines under a DbUp <c>PerformUpgrade()</c> for its <c>WithScriptsEmbeddedInAssembly</c> sources: the project's
/// embedded <c>.sql</c> files in DbUp's order, the candidates when the filter is decided at run time, or why another
/// assembly's scripts are not listed. Nothing when the project embeds no <c>.sql</c> file the source takes.
/// </summary>
internal static class DbUpEmbeddedMarkdown
{
    public static void Write(Markdown md, CallSiteSpec application)
    {
        foreach (var source in application.Embedded)
        {
            if (!source.IsThisAssembly)
            {
                md.Line(source.OtherAssembly is { } other
                    ? "  - the scripts embedded in the assembly " + Markdown.Code(other) + " (another project or package) are not read"
                    : "  - the assembly whose embedded scripts run is chosen at run time: not read");
                continue;
            }
            if (source.Scripts.IsEmpty) continue;
            var ordered = !source.CustomOrder && !source.Candidates;
            var which = source.Candidates
                ? "a filter in code decides at run time which embedded resources run; the project's embedded `.sql` files, which it may take"
                : !source.HasFilter
                    ? "the embedded `.sql` files it runs (DbUp's default: resource names ending in `.sql`, any case)"
                    : "the embedded `.sql` files its filter takes (evaluated here" + (source.Filter is { } filter && EndsWithSql(filter) ? ")" : "; other embedded resources it may take are not read)");
            var order = source.CustomOrder
                ? ", by resource name (the chain sets its own script order, applied at run time):"
                : source.Candidates
                    ? ", by resource name (DbUp's order among those it takes):"
                    : ", in the order DbUp runs them (by manifest resource name, ordinal):";
            md.Line("  - " + which + order);
            var number = 0;
            foreach (var script in source.Scripts)
            {
                number++;
                var bullet = ordered ? "    " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "    - ";
                md.Line(bullet + Markdown.Code(script.ResourceName) + (script.Summary.Length == 0 ? "" : ": " + Markdown.Text(script.Summary)) + " " + md.Link(script.Location));
            }
        }
    }

    /// <summary>The filter takes only names ending in <c>.sql</c> (some case), so no other resource can run.</summary>
    private static bool EndsWithSql(DbUpNameFilter filter) => filter.Op switch
    {
        "And" => filter.Operands.Any(EndsWithSql),
        "Or" => filter.Operands.All(EndsWithSql),
        "EndsWith" => filter.Value?.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) == true,
        _ => false,
    };
}
