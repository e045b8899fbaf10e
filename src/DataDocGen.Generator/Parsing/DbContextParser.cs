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

    /// <summary>A context EF Core can instantiate: abstract and open generic base contexts are not reported themselves
    /// (their DbSets and configuration show up on the concrete contexts that derive from them).</summary>
    public static bool IsConcreteDbContext(INamedTypeSymbol type) => !type.IsAbstract && !type.IsGenericType && IsDbContext(type);

    /// <param name="compilation">The compilation to read source bodies from; null reads the type from metadata only.</param>
    public static DbContextSpec Parse(INamedTypeSymbol context, Compilation? compilation, CancellationToken cancellationToken)
    {
        var fromSource = compilation is not null;
        var providers = EquatableArray<ProviderUseSpec>.Empty;
        var options = EquatableArray<OptionCallSpec>.Empty;
        var notFollowed = EquatableArray<OptionCallSpec>.Empty;
        var model = ModelConfigurationSpec.Empty;
        var configuredTypes = new List<ITypeSymbol>();

        IdentityContextSpec? identity = null;
        if (fromSource)
        {
            var configuring = OverrideChain(context, "OnConfiguring", compilation!, cancellationToken)
                .Select(o => OptionsBuilderParser.Parse(o.Body, o.Model, cancellationToken)).ToList();
            providers = configuring.SelectMany(c => c.Providers).ToEquatableArray();
            options = configuring.SelectMany(c => c.Options).ToEquatableArray();
            notFollowed = configuring.SelectMany(c => c.NotFollowed).ToEquatableArray();
            var overrides = OverrideChain(context, "OnModelCreating", compilation!, cancellationToken).ToList();
            var parts = overrides.Select(o => ModelConfigurationParser.Parse(o.Body, o.Model, configuredTypes, cancellationToken)).ToList();
            var baseType = UnreadableBaseOverride(context, "OnModelCreating", compilation!, cancellationToken);
            if (IdentityContextReader.IsIdentityContext(baseType))
            {
                // ASP.NET Core Identity's OnModelCreating is known code (Schema/IdentityModel): it runs where the base-most
                // source override calls base.OnModelCreating, or first when no override exists.
                UnresolvedConfigurationSpec? reason = null;
                var split = overrides.Count == 0 ? null : IdentitySplit.AtBaseCall(overrides[0].Body, parts[0], out reason);
                if (reason is not null)
                {
                    parts.Add(ModelConfigurationSpec.Empty with { Unresolved = new[] { reason }.ToEquatableArray() });
                }
                else
                {
                    if (split is { } halves)
                    {
                        parts.RemoveAt(0);
                        parts.InsertRange(0, new[] { halves.Before, halves.After });
                    }
                    identity = IdentityContextReader.Read(context, split?.Before.Chains.Count ?? 0, split?.Before.Mappings.Count ?? 0, cancellationToken);
                    if (identity is null) parts.Add(Unreadable(baseType!));
                }
            }
            else if (baseType is not null)
            {
                parts.Add(Unreadable(baseType));
            }
            model = ModelConfigurationSpec.Merge(parts);
            // Pre-convention configuration (Properties<T>().HaveMaxLength(...)): its chains are read like the model's,
            // rooted at ModelConfigurationBuilder; the schema builder applies them before attributes and fluent calls.
            if (OverrideBody(context, "ConfigureConventions", compilation!, cancellationToken) is { } conventions)
            {
                // Under a condition (`if (Database.IsSqlite()) ...Properties<decimal>().HaveConversion<double>()`) it was
                // applied as if it always ran (a wrong fact): kept with provider checks, else reported as not evaluated.
                var conditional = new List<UnresolvedConfigurationSpec>();
                var conventionChains = FluentChainParser.Parse(conventions.Body, conventions.Model, configuredTypes, cancellationToken, conditional: conditional);
                model = model with { Chains = conventionChains.Concat(model.Chains).ToEquatableArray(), Unresolved = model.Unresolved.Concat(conditional).ToEquatableArray() };
                if (identity is not null) identity = identity with { ChainIndex = identity.ChainIndex + conventionChains.Count };
            }
        }

        var dbSets = DbSets(context, cancellationToken);
        return new DbContextSpec(
            context.Name,
            context.ClrFullName(),
            SourceLocation.From(context),
            fromSource ? null : context.ContainingAssembly?.Name,
            dbSets.Sets,
            EntityTypeParser.Closure(dbSets.Types.Concat(configuredTypes), cancellationToken),
            providers,
            options,
            model,
            identity,
            fromSource ? context.DeclaringSyntaxReferences.Select(r => DocumentationReader.Summary(r.ReadSyntax(cancellationToken))).FirstOrDefault(s => s is not null) : null,
            EfCoreMajorVersion(context),
            notFollowed);
    }

    /// <summary>The major version of the EF Core assembly that declares <c>DbContext</c> (10 for 10.0.0.0), 0 when not found.</summary>
    private static int EfCoreMajorVersion(INamedTypeSymbol context)
    {
        for (var type = context.BaseType; type is not null; type = type.BaseType)
        {
            if (type.Name == "DbContext" && type.IsInNamespace(EfNamespace)) return type.ContainingAssembly?.Identity.Version.Major ?? 0;
        }
        return 0;
    }

    private static ModelConfigurationSpec Unreadable(INamedTypeSymbol baseType) => ModelConfigurationSpec.Empty with
    {
        Unresolved = new[]
        {
            new UnresolvedConfigurationSpec("the base class `" + baseType.ToDisplayString() + "` configures the model in `"
                + baseType.ContainingAssembly?.Name + "`, which cannot be read from this project", null),
        }.ToEquatableArray(),
    };

    /// <summary>DbSet properties as EF Core's DbSetFinder sees them: instance, non-indexer, on the context or its bases below DbContext.</summary>
    private static (EquatableArray<DbSetSpec> Sets, List<ITypeSymbol> Types) DbSets(INamedTypeSymbol context, CancellationToken cancellationToken)
    {
        var sets = new List<DbSetSpec>();
        var types = new List<ITypeSymbol>();
        var seen = new HashSet<string>();
        for (var type = context; type is not null && !type.Is(EfNamespace, "DbContext"); type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property) continue;
                if (property.Type is not INamedTypeSymbol { MetadataName: "DbSet`1", TypeArguments.Length: 1 } set || !set.IsInNamespace(EfNamespace)) continue;
                if (!seen.Add(property.Name)) continue; // an override or `new` property seen on a derived type first
                sets.Add(new DbSetSpec(property.Name, set.TypeArguments[0].ClrFullName(), SourceLocation.From(property)));
                types.Add(set.TypeArguments[0]);
            }
        }
        return (sets.OrderBy(s => s.PropertyName, System.StringComparer.Ordinal).ToEquatableArray(), types);
    }

    /// <summary>The source overrides of a method that run for this context, base-most first: the context's own, then its
    /// base classes' as long as each override calls <c>base.Name(...)</c> (a base never reached is left out).</summary>
    private static IEnumerable<(SyntaxNode Body, SemanticModel Model)> OverrideChain(INamedTypeSymbol context, string name, Compilation compilation, CancellationToken cancellationToken)
    {
        var chain = new List<(SyntaxNode Body, SemanticModel Model)>();
        for (var type = context; type is not null && !type.Is(EfNamespace, "DbContext"); type = type.BaseType)
        {
            if (OverrideBody(type, name, compilation, cancellationToken) is not { } body) continue;
            chain.Add(body);
            if (!CallsBase(body.Body, name)) break;
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>The first base class compiled elsewhere (e.g. IdentityDbContext) whose override of the method runs for this
    /// context: reached because no override in between exists, or every one in between calls <c>base.Name(...)</c>.</summary>
    private static INamedTypeSymbol? UnreadableBaseOverride(INamedTypeSymbol context, string name, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var type = context; type is not null && !type.Is(EfNamespace, "DbContext"); type = type.BaseType)
        {
            var overrides = type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.IsOverride).ToList();
            if (overrides.Count == 0) continue;
            if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) return type;
            if (OverrideBody(type, name, compilation, cancellationToken) is not { } body || !CallsBase(body.Body, name)) return null;
        }
        return null;
    }

    private static bool CallsBase(SyntaxNode body, string name) =>
        body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i =>
            i.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } access && access.Name.Identifier.ValueText == name);

    /// <summary>The body of a method override declared in source (any partial part), with a semantic model for its tree.</summary>
    public static (SyntaxNode Body, SemanticModel Model)? OverrideBody(INamedTypeSymbol type, string name, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is not IMethodSymbol { IsOverride: true } method) continue;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.ReadSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                    && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } body)
                {
                    return (body, compilation.ReadSemanticModel(declaration.SyntaxTree));
                }
            }
        }
        return null;
    }
}
