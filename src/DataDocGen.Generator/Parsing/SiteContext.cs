using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A candidate node and its file's semantic model: what a detector's transform reads. <see cref="Scan.SiteScan"/> finds
/// the candidates itself, and Roslyn's own <see cref="GeneratorSyntaxContext"/> cannot be made outside Roslyn.
/// </summary>
internal readonly struct SiteContext(SyntaxNode node, SemanticModel semanticModel)
{
    public SyntaxNode Node { get; } = node;

    public SemanticModel SemanticModel { get; } = semanticModel;
}
