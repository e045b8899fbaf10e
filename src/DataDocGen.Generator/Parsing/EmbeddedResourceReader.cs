using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The manifest resource name of a <c>.sql</c> AdditionalFile that is also an <c>EmbeddedResource</c>: the package's
/// targets copy it onto the AdditionalFiles item after MSBuild's <c>CreateManifestResourceNames</c>, and
/// <c>CompilerVisibleItemMetadata</c> hands it to the generator as <c>build_metadata.AdditionalFiles.DataDocGenResourceName</c>.
/// Only the file's path and that value are read (not its text): cheap, and equal across edits.
/// </summary>
internal static class EmbeddedResourceReader
{
    public const string Key = "build_metadata.AdditionalFiles.DataDocGenResourceName";

    public static EmbeddedSqlResource? Read((AdditionalText File, AnalyzerConfigOptionsProvider Options) input, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return input.Options.GetOptions(input.File).TryGetValue(Key, out var name) && !string.IsNullOrWhiteSpace(name)
            ? new EmbeddedSqlResource(SourceLocation.Normalize(input.File.Path), name.Trim())
            : null;
    }
}
