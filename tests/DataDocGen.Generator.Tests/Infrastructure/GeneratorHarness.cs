using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using DataDocGen.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>Compiles C# sources in memory against the real EF Core assemblies and runs DataDocGen on them.</summary>
internal static class GeneratorHarness
{
    /// <summary>The folder test sources pretend to live in; links in reports are relative to it.</summary>
    public const string ProjectDir = "/src/Shop/";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // Everything the test host can load: the framework plus EF Core, its providers and Microsoft.Extensions.*.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("DataDocGen", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName).Select(g => g.First());
        var references = new List<MetadataReference>();
        foreach (var path in paths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (pe.HasMetadata) references.Add(MetadataReference.CreateFromFile(path));
            }
            catch (BadImageFormatException)
            {
            }
        }
        return references.ToImmutableArray();
    });

    public static CSharpCompilation Compile(IReadOnlyDictionary<string, string> sources, string assemblyName = "Shop",
        IEnumerable<MetadataReference>? extraReferences = null, string projectDir = ProjectDir)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, ParseOptions, projectDir + s.Key, Encoding.UTF8));
        return CSharpCompilation.Create(assemblyName, trees, References.Value.AddRange(extraReferences ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalFiles = null, IReadOnlyDictionary<string, string>? properties = null,
        string projectDir = ProjectDir)
    {
        var options = new Dictionary<string, string> { ["build_property.DataDocGenReportDirectory"] = projectDir };
        foreach (var (key, value) in properties ?? new Dictionary<string, string>()) options["build_property." + key] = value;
        return CSharpGeneratorDriver.Create(
            [new DataLayerReportGenerator().AsSourceGenerator()],
            additionalFiles ?? [],
            ParseOptions,
            new TestOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and returns the report files it carried, its diagnostics, and the updated compilation.</summary>
    public static GeneratorOutput Run(IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string>? appSettings = null,
        IReadOnlyDictionary<string, string>? properties = null, IEnumerable<MetadataReference>? extraReferences = null,
        string projectDir = ProjectDir, string assemblyName = "Shop", IReadOnlyDictionary<string, string>? resourceNames = null)
    {
        var compilation = Compile(sources, assemblyName, extraReferences, projectDir);
        // Every test's sources also hold DeclarationBinder to the binder (its answers must be the binder's).
        var mismatches = DeclarationBinderAudit.Mismatches(compilation);
        if (mismatches.Count > 0) throw new InvalidOperationException("DeclarationBinder disagrees with the binder:\n" + string.Join("\n", mismatches.Take(20)));
        // Keys that are absolute paths (another project's files, such as a referenced fragment) are taken as they are.
        // resourceNames: the manifest resource name of an AdditionalFile that is an EmbeddedResource, as the package's targets pass it.
        var driver = CreateDriver(appSettings?.Select(a => (AdditionalText)new InMemoryAdditionalText(a.Key.StartsWith("/", StringComparison.Ordinal) ? a.Key : projectDir + a.Key, a.Value,
            resourceNames is not null && resourceNames.TryGetValue(a.Key, out var resource) ? new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DataDocGenResourceName"] = resource } : null)), properties, projectDir);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics);
        return GeneratorOutput.From(driver.GetRunResult(), updated, diagnostics);
    }
}

internal sealed record GeneratorOutput(string? Markdown, string? Json, string? Payload, ImmutableArray<Diagnostic> Diagnostics, Compilation Compilation, GeneratorDriverRunResult RunResult, string? Fragment = null,
    IReadOnlyDictionary<string, string>? Files = null)
{
    public static GeneratorOutput From(GeneratorDriverRunResult result, Compilation compilation, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        var generated = result.Results.Single();
        if (generated.Exception is not null) throw new InvalidOperationException("The generator threw.", generated.Exception);
        var payload = generated.GeneratedSources.SingleOrDefault().SourceText?.ToString();
        string? markdown = null, json = null, fragment = null;
        IReadOnlyDictionary<string, string>? files = null;
        if (payload is not null && PayloadReader.Read(payload, out files) == PayloadReader.Status.Ok)
        {
            markdown = files["DATA_LAYER.md"];
            json = files["DATA_LAYER.json"];
            files.TryGetValue("DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix, out fragment);
        }
        return new GeneratorOutput(markdown, json, payload, driverDiagnostics.AddRange(generated.Diagnostics).Distinct().ToImmutableArray(), compilation, result, fragment, files);
    }

    /// <summary>Every file DataDocGen writes: the report, its JSON, the fragment referencing projects read, and any other
    /// file the payload carries (tbls schemas), in name order.</summary>
    public string All => Files is null ? "" : string.Join("\n", Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value));
}

internal sealed class InMemoryAdditionalText(string path, string text, IReadOnlyDictionary<string, string>? metadata = null) : AdditionalText
{
    public override string Path { get; } = path;

    /// <summary>The file's <c>build_metadata.AdditionalFiles.*</c> options (CompilerVisibleItemMetadata).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; } = metadata;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
}

internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile is InMemoryAdditionalText { Metadata: { } metadata } ? new DictionaryOptions(metadata) : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
