using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>One <c>WithScriptsEmbeddedInAssembly(assembly[, filter])</c> of a DbUp chain (confirmed as DbUp's extension).</summary>
/// <param name="IsThisAssembly">The assembly is the project's own (<c>Assembly.GetExecutingAssembly()</c>, <c>typeof(T).Assembly</c> of a type
/// declared here): its embedded <c>.sql</c> files can be listed.</param>
/// <param name="OtherAssembly">The assembly's name when it is another one (<c>typeof(T).Assembly</c> of a referenced type): not read.</param>
/// <param name="HasFilter">A filter argument replaces DbUp's default (names ending in <c>.sql</c>, any case).</param>
/// <param name="Filter">That filter when its shape is evaluated exactly (see <c>DbUpNameFilterEvaluator</c>); null when it is decided at run time.</param>
/// <param name="CustomOrder">The chain sets its own order (<c>WithScriptNameComparer</c>, <c>WithScriptSorter</c>).</param>
/// <param name="Scripts">The project's embedded <c>.sql</c> files this source takes, in DbUp's order (set when the report is built).</param>
/// <param name="Candidates">The filter could not be evaluated for every name: <paramref name="Scripts"/> are all embedded <c>.sql</c> files, which it may take.</param>
internal sealed record DbUpEmbeddedSpec(
    bool IsThisAssembly,
    string? OtherAssembly,
    bool HasFilter,
    DbUpNameFilter? Filter,
    bool CustomOrder,
    EquatableArray<DbUpEmbeddedScript> Scripts = default,
    bool Candidates = false);

/// <summary>A filter on resource names made only of <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and string calls on the name with a
/// constant: <paramref name="Op"/> is And, Or, Not, StartsWith, EndsWith or Contains; <paramref name="Comparison"/> the
/// <c>StringComparison</c> member given, or null when the call has none.</summary>
internal sealed record DbUpNameFilter(string Op, string? Value, string? Comparison, EquatableArray<DbUpNameFilter> Operands = default);

/// <summary>An embedded script as DbUp names it (the manifest resource name), with the SQL reader's summary and its file.</summary>
internal sealed record DbUpEmbeddedScript(string ResourceName, string Summary, SourceLocation Location);

/// <summary>A <c>.sql</c> AdditionalFile that is also an <c>EmbeddedResource</c> of the project, with its manifest resource name
/// (handed over by the package's targets as AdditionalFiles metadata).</summary>
internal sealed record EmbeddedSqlResource(string Path, string ResourceName);
