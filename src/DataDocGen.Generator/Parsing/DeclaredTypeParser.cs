using System.Threading;
using DataDocGen.Generator.Diagnostics;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>What a class declaration with a base list turned out to be: a DbContext, an entity configuration, a
/// migrations model snapshot, or none of these.</summary>
internal sealed record DeclaredTypeSpec(DbContextSpec? Context, EntityConfigurationSpec? Configuration, string? Error, MigrationSnapshotSpec? Snapshot = null);

internal static class DeclaredTypeParser
{
    /// <summary>Cheap syntactic filter: only classes that derive from or implement something can be either kind.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is ClassDeclarationSyntax { BaseList: not null };

    public static DeclaredTypeSpec? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var declaration = (ClassDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;

            // A partial class is seen once per part: read it from its first part only.
            var first = type.DeclaringSyntaxReferences[0];
            if (first.SyntaxTree != declaration.SyntaxTree || first.Span != declaration.Span) return null;

            var compilation = context.SemanticModel.Compilation;
            if (DbContextParser.IsConcreteDbContext(type))
            {
                return new DeclaredTypeSpec(DbContextParser.Parse(type, compilation, cancellationToken), null, null);
            }
            if (ModelSnapshotParser.IsSnapshot(type))
            {
                return ModelSnapshotParser.Parse(type, cancellationToken) is { } snapshot ? new DeclaredTypeSpec(null, null, null, snapshot) : null;
            }
            if (EntityConfigurationParser.ConfiguredInterface(type) is { } configured)
            {
                return new DeclaredTypeSpec(null, EntityConfigurationParser.Parse(type, configured, compilation, cancellationToken), null);
            }
            return null;
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new DeclaredTypeSpec(null, null, GeneratorFailure.Describe(exception, context.Node));
        }
    }
}
