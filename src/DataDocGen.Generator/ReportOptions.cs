using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator;

/// <summary>The MSBuild properties the generator reads (made visible by the package's props as CompilerVisibleProperty).</summary>
/// <param name="ReportDirectory">The folder DATA_LAYER.md is written to; links are relative to it.</param>
/// <param name="SimulateFailure">Test hook (DataDocGenSimulateFailure=true): throws inside the generator to prove a failure stays a warning.</param>
/// <param name="Tbls">DataDocGenTbls=true: also a tbls-compatible schema JSON per context, in the build output.</param>
/// <param name="Sections">DataDocGenSections: the outline sections the markdown keeps (e.g. <c>1;2.1;4</c>); empty keeps all.</param>
/// <param name="ExcludeNamespaces">DataDocGenExcludeNamespaces: facts in these namespaces (and below) are left out.</param>
/// <param name="IncludeNamespaces">DataDocGenIncludeNamespaces: when set, facts in other namespaces are left out.</param>
internal sealed record ReportOptions(bool Enabled, string ReportDirectory, bool SimulateFailure, bool Tbls = false, string Sections = "",
    string ExcludeNamespaces = "", string IncludeNamespaces = "")
{
    public static ReportOptions From(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.DataDocGenEnabled", out var enabled);
        options.TryGetValue("build_property.DataDocGenSimulateFailure", out var simulateFailure);
        options.TryGetValue("build_property.DataDocGenTbls", out var tbls);
        options.TryGetValue("build_property.DataDocGenSections", out var sections);
        options.TryGetValue("build_property.DataDocGenExcludeNamespaces", out var excludeNamespaces);
        options.TryGetValue("build_property.DataDocGenIncludeNamespaces", out var includeNamespaces);
        if (!options.TryGetValue("build_property.DataDocGenReportDirectory", out var directory) || string.IsNullOrWhiteSpace(directory))
        {
            options.TryGetValue("build_property.ProjectDir", out directory);
        }
        return new ReportOptions(
            !string.Equals(enabled?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase),
            directory?.Trim() ?? string.Empty,
            string.Equals(simulateFailure?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase),
            string.Equals(tbls?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase),
            sections?.Trim() ?? string.Empty,
            excludeNamespaces?.Trim() ?? string.Empty,
            includeNamespaces?.Trim() ?? string.Empty);
    }
}
