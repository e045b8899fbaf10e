using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator.Diagnostics;

/// <summary>
/// DDG1004, over one compilation: entity types (DbSet&lt;T&gt; properties of DbContexts, IEntityTypeConfiguration&lt;T&gt;
/// classes) with a soft-delete-like property, and the entity types a query filter covers. A filter on a hierarchy's
/// root covers its derived types (EF Core only allows filters on the root). A filter whose entity type cannot be told
/// statically (modelBuilder.Entity(clrType).HasQueryFilter in a loop over the model, SetQueryFilter, a generic helper)
/// may cover any entity, so the check then stays silent: a false warning here would teach users to ignore it.
/// </summary>
internal sealed class SoftDeleteCheck
{
    private static readonly HashSet<string> FlagNames = new(System.StringComparer.Ordinal) { "IsDeleted", "Deleted", "IsSoftDeleted", "SoftDeleted" };

    private static readonly HashSet<string> TimestampNames = new(System.StringComparer.Ordinal)
    {
        "DeletedAt", "DeletedOn", "DeletedAtUtc", "DeletedOnUtc", "DeletedUtc", "DeletedDate", "DeletedTime",
    };

    private readonly ConcurrentDictionary<ITypeSymbol, byte> _entities = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, byte> _filtered = new(SymbolEqualityComparer.Default);
    private int _filtersOfUnknownType;

    public void CollectEntities(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext"))
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.Type.DbSetEntity() is { } entity) _entities.TryAdd(entity, 0);
            }
        }
        foreach (var contract in type.AllInterfaces)
        {
            if (contract is { Name: "IEntityTypeConfiguration", TypeArguments.Length: 1 } && contract.IsInNamespace("Microsoft.EntityFrameworkCore"))
            {
                _entities.TryAdd(contract.TypeArguments[0], 0);
            }
        }
    }

    public void CollectFilter(SyntaxNodeAnalysisContext context)
    {
        if (context.Node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasQueryFilter" or "SetQueryFilter" } } invocation) return;
        if (OptionsBuilderParser.ResolveMethod(invocation, context.SemanticModel, context.CancellationToken) is not { } method) return;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return;
        if (OptionsBuilderParser.ReceiverType(method) is INamedTypeSymbol { Name: "EntityTypeBuilder", TypeArguments.Length: 1 } builder
            && builder.TypeArguments[0] is INamedTypeSymbol entity)
        {
            _filtered.TryAdd(entity, 0);
        }
        else
        {
            Interlocked.Increment(ref _filtersOfUnknownType);
        }
    }

    public void Report(CompilationAnalysisContext context)
    {
        if (Volatile.Read(ref _filtersOfUnknownType) > 0) return;
        foreach (var entity in _entities.Keys.OrderBy(e => e.ToDisplayString(), System.StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (Covered(entity)) continue;
            if (Flag(entity) is not { } flag) continue;
            var location = flag.Locations.FirstOrDefault(l => l.IsInSource);
            if (location is null) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SoftDeleteWithoutFilter, location, entity.Name, flag.Name));
        }
    }

    private bool Covered(ITypeSymbol entity)
    {
        for (var current = entity; current is not null; current = current.BaseType)
        {
            if (_filtered.ContainsKey(current)) return true;
        }
        return false;
    }

    /// <summary>A mapped, writable bool flag or nullable date named like a soft delete, declared on the type or a base.</summary>
    private static IPropertySymbol? Flag(ITypeSymbol entity)
    {
        for (var current = entity; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.DeclaredAccessibility != Accessibility.Public || property.SetMethod is null) continue;
                if (property.GetAttributes().Any(a => a.AttributeClass is { Name: "NotMappedAttribute" })) continue;
                var type = property.Type;
                if (FlagNames.Contains(property.Name) && type.SpecialType == SpecialType.System_Boolean) return property;
                if (TimestampNames.Contains(property.Name) && type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    && nullable.TypeArguments[0] is var inner && (inner.SpecialType == SpecialType.System_DateTime || inner.Is("System", "DateTimeOffset")))
                {
                    return property;
                }
            }
        }
        return null;
    }
}
