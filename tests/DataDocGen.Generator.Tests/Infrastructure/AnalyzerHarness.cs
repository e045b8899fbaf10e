using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DataDocGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>Runs <see cref="DataLayerAnalyzer"/> the way the compiler does (suppressions and severities applied), and
/// reads the diagnostics a test source expects from end-of-line markers: <c>// expect DDG1001</c>.</summary>
internal static partial class AnalyzerHarness
{
    public static ImmutableArray<Diagnostic> Run(IReadOnlyDictionary<string, string> sources,
        IReadOnlyDictionary<string, ReportDiagnostic>? severities = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var compilation = GeneratorHarness.Compile(sources);
        if (severities is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
        }
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile: " + string.Join("; ", errors));
        var options = new Dictionary<string, string>();
        foreach (var (key, value) in properties ?? new Dictionary<string, string>()) options["build_property." + key] = value;
        var analyzerOptions = new AnalyzerOptions([], new TestOptionsProvider(options));
        var withAnalyzers = compilation.WithAnalyzers([new DataLayerAnalyzer()], new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var all = withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        var crashes = all.Where(d => d.Id is "AD0001" or "AD0002").ToList();
        Assert.True(crashes.Count == 0, "The analyzer threw: " + string.Join("; ", crashes));
        return all.Where(d => d.Id.StartsWith("DDG", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>"path:line id" for each diagnostic, sorted.</summary>
    public static IEnumerable<string> Found(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath) + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + " " + d.Id)
        .OrderBy(s => s, StringComparer.Ordinal);

    /// <summary>"path:line id" for each <c>// expect DDGnnnn</c> marker in the sources, sorted.</summary>
    public static IEnumerable<string> Expected(IReadOnlyDictionary<string, string> sources) => sources
        .SelectMany(s => s.Value.Split('\n').Select((line, index) => (s.Key, line, index)))
        .SelectMany(t => Marker().Matches(t.line).Select(m => Path.GetFileName(t.Key) + ":" + (t.index + 1) + " " + m.Groups[1].Value))
        .OrderBy(s => s, StringComparer.Ordinal);

    [GeneratedRegex(@"expect (DDG\d{4})")]
    private static partial Regex Marker();
}
