using System.Diagnostics;
using System.Globalization;
using System.Text;
using DataDocGen.Benchmarks;
using DataDocGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: dotnet run -c Release --project tests/DataDocGen.Benchmarks -- [entity counts...]
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : new[] { 100, 1000, 5000 };
// DATADOCGEN_BENCH_RUNS=N: fewer runs per median for the largest sizes (each 5,000-entity run takes minutes).
var Runs = int.TryParse(Environment.GetEnvironmentVariable("DATADOCGEN_BENCH_RUNS"), out var requestedRuns) && requestedRuns > 0 ? requestedRuns : 5;

var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
    .Where(p => !Path.GetFileName(p).StartsWith("DataDocGen", StringComparison.Ordinal))
    .GroupBy(Path.GetFileName).Select(g => g.First())
    .Where(IsAssembly)
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"median of {Runs} runs each; allocations on the measuring thread");
Console.WriteLine();
Console.WriteLine("| entities | relationships | files | compile (ms) | DataDocGen full run (ms) | share of compile | allocated (MB) | compile + DataDocGen (ms) | marginal share | unrelated edit (ms) | steps cached/unchanged | entity edit (ms) |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");

foreach (var size in sizes)
{
    var files = SyntheticModel.Create(size);
    var parse = new CSharpParseOptions(LanguageVersion.Latest);
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, "/bench/" + f.Key, Encoding.UTF8)).ToList();
    var compilation = CSharpCompilation.Create("Synthetic", trees, references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0) Console.Error.WriteLine($"  warning: the synthetic project has {errors.Count} compile errors, first: {errors[0]}");

    var serviceTree = trees.First(t => t.FilePath.EndsWith("Service1.cs", StringComparison.Ordinal));
    // DATADOCGEN_BENCH_PROFILE_EDITS=N: only repeat an unrelated edit N times, each a new edit, for a profiler to sample.
    if (int.TryParse(Environment.GetEnvironmentVariable("DATADOCGEN_BENCH_PROFILE_EDITS"), out var profileEdits))
    {
        var profiled = CreateDriver().RunGenerators(compilation);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime; // moves less than the wall clock on a busy machine
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < profileEdits; i++)
        {
            var text = serviceTree.GetText().ToString().Replace("k * 1", "k * " + (i + 3));
            profiled.RunGenerators(compilation.ReplaceSyntaxTree(serviceTree, serviceTree.WithChangedText(SourceText.From(text))));
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.Error.WriteLine($"  {profileEdits} fresh unrelated edits: {Ms(watch.Elapsed.TotalMilliseconds / profileEdits)} ms each, {Ms(cpuMs / profileEdits)} ms CPU each");
        continue;
    }

    // DATADOCGEN_BENCH_PROFILE_FULL=N: only repeat a full run N times, for a profiler to sample.
    if (int.TryParse(Environment.GetEnvironmentVariable("DATADOCGEN_BENCH_PROFILE_FULL"), out var profileFull))
    {
        var warmUp = CreateDriver().RunGenerators(compilation.Clone()); // warm-up: JIT and the references' metadata
        Console.Error.WriteLine($"  payload: {warmUp.GetRunResult().GeneratedTrees.Sum(t => t.Length):N0} characters");
        if (Environment.GetEnvironmentVariable("DATADOCGEN_BENCH_DUMP") is { } dump) File.WriteAllText(dump, warmUp.GetRunResult().GeneratedTrees[0].ToString());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < profileFull; i++) CreateDriver().RunGenerators(compilation.Clone());
        // CPU time and allocation too: on a busy machine they move far less than the wall clock.
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var megabytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0;
        Console.Error.WriteLine($"  {profileFull} full runs: {Ms(watch.Elapsed.TotalMilliseconds / profileFull)} ms each, {Ms(cpuMs / profileFull)} ms of CPU each, {megabytes / profileFull:F0} MB allocated each");
        continue;
    }

    // The compile's own time: binding, diagnostics and emit of the same compilation, fresh each run.
    var compile = Median(Runs, () =>
    {
        var fresh = compilation.Clone();
        using var stream = new MemoryStream();
        fresh.Emit(stream);
    }).Time;

    // A full DataDocGen run on a fresh compilation (what a clean build pays).
    var full = Median(Runs, () =>
    {
        var driver = CreateDriver();
        driver.RunGenerators(compilation.Clone());
    });

    // What a build really pays: the compiler creates one compilation, runs the generators on it and then emits it, so
    // the declarations the generator binds (source symbols, members, attributes) are shared with the emit. Its
    // marginal cost is this build's time minus the compile alone.
    var build = Median(Runs, () =>
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation.Clone(), out var output, out _);
        using var stream = new MemoryStream();
        output.Emit(stream);
    }).Time;

    // Incremental runs, as in an IDE: an unrelated method-body edit, then a property added to one entity.
    var baseDriver = CreateDriver().RunGenerators(compilation);
    var edited = compilation.ReplaceSyntaxTree(serviceTree, serviceTree.WithChangedText(SourceText.From(serviceTree.GetText().ToString().Replace("k * 1", "k * 2"))));
    var unrelated = Median(Runs, () => baseDriver.RunGenerators(edited)).Time;
    var afterEdit = CreateDriver(trackSteps: true).RunGenerators(compilation).RunGenerators(edited);

    var steps = afterEdit.GetRunResult().Results[0].TrackedSteps
        .Where(s => typeof(DataLayerReportGenerator.TrackingNames).GetFields().Any(f => (string)f.GetValue(null)! == s.Key))
        .SelectMany(s => s.Value).SelectMany(r => r.Outputs)
        .All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

    var entityTree = trees.First(t => t.FilePath.EndsWith("Entity1.cs", StringComparison.Ordinal));
    // A new property name each run: a declaration change every time, so no run can reuse the previous one's work.
    var added = 0;
    var entityEdit = Median(Runs, () =>
    {
        var withProperty = compilation.ReplaceSyntaxTree(entityTree, entityTree.WithChangedText(SourceText.From(
            entityTree.GetText().ToString().Replace("public int Id { get; set; }", "public int Id { get; set; }\n    public int Added" + (++added) + " { get; set; }"))));
        baseDriver.RunGenerators(withProperty);
    }).Time;

    // The diagnostics (DDG1001-DDG1005) run as an analyzer, in the IDE as you type and in the build: their cost is an
    // analyzer run's time minus the compiler's own diagnostics on the same compilation (binding every body).
    var compilerDiagnostics = Median(Runs, () => compilation.Clone().GetDiagnostics()).Time;
    var withAnalyzer = Median(Runs, () => compilation.Clone()
        .WithAnalyzers([new DataDocGen.Generator.Diagnostics.DataLayerAnalyzer()])
        .GetAllDiagnosticsAsync().GetAwaiter().GetResult()).Time;
    // Roslyn's analyzer driver costs something for any analyzer (compilation events, a semantic model per tree): an
    // empty analyzer with the same registrations shows that part; the rest is DataDocGen's own work.
    var withEmptyAnalyzer = Median(Runs, () => compilation.Clone()
        .WithAnalyzers([new EmptyAnalyzer()])
        .GetAllDiagnosticsAsync().GetAwaiter().GetResult()).Time;
    Console.Error.WriteLine($"  {size} entities: compiler diagnostics {Ms(compilerDiagnostics)} ms; with an empty analyzer (same registrations) {Ms(withEmptyAnalyzer)} ms; "
        + $"with the DataDocGen analyzer {Ms(withAnalyzer)} ms; DataDocGen's own share {((withAnalyzer - withEmptyAnalyzer) / compilerDiagnostics).ToString("P1", CultureInfo.InvariantCulture)}");

    var relationships = CountRelationships(baseDriver);
    if (Environment.GetEnvironmentVariable("DATADOCGEN_BENCH_STEPS") == "1")
    {
        foreach (var (name, runs) in CreateDriver(trackSteps: true).RunGenerators(compilation.Clone()).GetRunResult().Results[0].TrackedSteps)
        {
            Console.Error.WriteLine($"  step {name}: {runs.Length} runs, {Ms(runs.Sum(r => r.ElapsedTime.TotalMilliseconds))} ms");
        }
        foreach (var (name, runs) in afterEdit.GetRunResult().Results[0].TrackedSteps)
        {
            Console.Error.WriteLine($"  after the unrelated edit, step {name}: {runs.Length} runs, {Ms(runs.Sum(r => r.ElapsedTime.TotalMilliseconds))} ms");
        }
    }
    Console.WriteLine($"| {size} | {relationships} | {files.Count} | {Ms(compile)} | {Ms(full.Time)} | {(full.Time / compile).ToString("P1", CultureInfo.InvariantCulture)} | {(full.Bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)} | {Ms(build)} | {((build - compile) / compile).ToString("P1", CultureInfo.InvariantCulture)} | {Ms(unrelated)} | {(steps ? "yes" : "NO")} | {Ms(entityEdit)} |");
}

// Timings use a driver without step tracking, as the compiler and IDEs run generators (tracking times and records
// every node of every step, which at this size costs more than the steps themselves); a tracked driver checks caching.
static GeneratorDriver CreateDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
    [new DataLayerReportGenerator().AsSourceGenerator()], [], new CSharpParseOptions(LanguageVersion.Latest), null,
    new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

static (double Time, long Bytes) Median(int runs, Action action)
{
    action(); // warm-up
    var samples = new List<(double Time, long Bytes)>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        samples.Add((watch.Elapsed.TotalMilliseconds, GC.GetAllocatedBytesForCurrentThread() - before));
    }
    return samples.OrderBy(s => s.Time).ElementAt(runs / 2);
}

static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

static int CountRelationships(GeneratorDriver driver)
{
    var source = driver.GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString();
    var lines = source.Split('\n');
    var start = Array.IndexOf(lines, "// begin DATA_LAYER.json");
    var end = Array.IndexOf(lines, "// end DATA_LAYER.json");
    // Payload v2: deflated, then base64 (see PayloadEmitter).
    using var inflate = new System.IO.Compression.DeflateStream(new MemoryStream(Convert.FromBase64String(string.Concat(lines[(start + 1)..end].Select(l => l[3..])))), System.IO.Compression.CompressionMode.Decompress);
    var json = new StreamReader(inflate, Encoding.UTF8).ReadToEnd();
    using var document = System.Text.Json.JsonDocument.Parse(json);
    return document.RootElement.GetProperty("contexts").EnumerateArray().Sum(c => c.GetProperty("relationships").GetArrayLength());
}

static bool IsAssembly(string path)
{
    try
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.HasMetadata;
    }
    catch (BadImageFormatException)
    {
        return false;
    }
}

/// <summary>Registers what DataLayerAnalyzer registers and does nothing: the analyzer driver's own cost.</summary>
// Not a shipped analyzer: only instantiated here, so the analyzer-project rules do not apply.
#pragma warning disable RS1036, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0", "never", "never", "bench", DiagnosticSeverity.Warning, true);

    public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression, Microsoft.CodeAnalysis.CSharp.SyntaxKind.ObjectCreationExpression);
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(_ => { }, Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}
#pragma warning restore RS1036, RS2008
