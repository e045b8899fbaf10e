using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads a DbContext class: its DbSets, its <c>OnConfiguring</c> provider setup and its <c>OnModelCreating</c> table mappings.</summary>
internal static class DbContextParser
{
    public const string EfNamespace = "Microsoft.EntityFrameworkCore";

    public static bool IsDbContext(ITypeSymbol type) => type.TypeKind == TypeKind.Class && type.DerivesFrom(EfNamespace, "DbContext");

    /// <param name="compilation">The compilation to read source bodies from; null reads the type from metadata only.</param>
    public static DbContextSpec Parse(INamedTypeSymbol context, Compilation? compilation, CancellationToken cancellationToken)
    {
        var fromSource = compilation is not null;
        var providers = EquatableArray<ProviderUseSpec>.Empty;
        var options = EquatableArray<OptionCallSpec>.Empty;
        var model = ModelConfigurationSpec.Empty;

        if (fromSource)
        {
            if (OverrideBody(context, "OnConfiguring", compilation!, cancellationToken) is { } configuring)
            {
                (providers, options) = OptionsBuilderParser.Parse(configuring.Body, configuring.Model, cancellationToken);
            }
            if (OverrideBody(context, "OnModelCreating", compilation!, cancellationToken) is { } creating)
            {
                model = ModelConfigurationParser.Parse(creating.Body, creating.Model, cancellationToken);
            }
        }

        return new DbContextSpec(
            context.Name,
            context.ClrFullName(),
            SourceLocation.From(context),
            fromSource ? null : context.ContainingAssembly?.Name,
            DbSets(context, cancellationToken),
            providers,
            options,
            model);
    }

    /// <summary>DbSet properties as EF Core's DbSetFinder sees them: instance, non-indexer, on the context or its bases below DbContext.</summary>
    private static EquatableArray<DbSetSpec> DbSets(INamedTypeSymbol context, CancellationToken cancellationToken)
    {
        var sets = new List<DbSetSpec>();
        var seen = new HashSet<string>();
        for (var type = context; type is not null && !type.Is(EfNamespace, "DbContext"); type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property) continue;
                if (property.Type is not INamedTypeSymbol { MetadataName: "DbSet`1", TypeArguments.Length: 1 } set || !set.IsInNamespace(EfNamespace)) continue;
                if (!seen.Add(property.Name)) continue; // an override or `new` property seen on a derived type first
                sets.Add(new DbSetSpec(property.Name, EntityTypeParser.Parse(set.TypeArguments[0]), SourceLocation.From(property)));
            }
        }
        return sets.OrderBy(s => s.PropertyName, System.StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>The body of a method override declared in source (any partial part), with a semantic model for its tree.</summary>
    public static (SyntaxNode Body, SemanticModel Model)? OverrideBody(INamedTypeSymbol type, string name, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is not IMethodSymbol { IsOverride: true } method) continue;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                    && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body)
                {
                    return (body, compilation.GetSemanticModel(declaration.SyntaxTree));
                }
            }
        }
        return null;
    }
}
