using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// CRUD through EF Core, per call chain: the chain's last call decides the operation (<c>Add*</c> creates,
/// <c>Update*</c> updates, <c>Remove*</c> deletes, <c>ExecuteUpdate*</c>/<c>ExecuteDelete*</c> are bulk updates and
/// deletes, anything else over a <c>DbSet&lt;T&gt;</c> reads), and the chain's root decides the entity: a
/// <c>DbSet&lt;T&gt;</c> (property, field or <c>Set&lt;T&gt;()</c>), or for <c>context.Add(entity)</c>-style calls on a
/// DbContext, the argument's type. Only the last call of a chain is a candidate, so a query is counted once.
/// A <c>SaveChanges</c> call is a candidate too: the updates it writes through change tracking are read by
/// <see cref="TrackedChangeReader"/> where the loading, the change and the save are in one body.
/// </summary>
internal static class CrudParser
{
    private static readonly Dictionary<string, (CrudOperation Operation, bool Bulk)> Writes = new()
    {
        ["Add"] = (CrudOperation.Create, false), ["AddAsync"] = (CrudOperation.Create, false),
        ["AddRange"] = (CrudOperation.Create, true), ["AddRangeAsync"] = (CrudOperation.Create, true),
        ["Update"] = (CrudOperation.Update, false), ["UpdateRange"] = (CrudOperation.Update, true),
        ["Remove"] = (CrudOperation.Delete, false), ["RemoveRange"] = (CrudOperation.Delete, true),
        ["ExecuteUpdate"] = (CrudOperation.Update, true), ["ExecuteUpdateAsync"] = (CrudOperation.Update, true),
        ["ExecuteDelete"] = (CrudOperation.Delete, true), ["ExecuteDeleteAsync"] = (CrudOperation.Delete, true),
    };

    /// <summary>Operators that end a read over a DbSet: LINQ, EF Core's async operators, Find, and query shaping
    /// (a repository may return the IQueryable).</summary>
    private static readonly HashSet<string> Reads = new(System.StringComparer.Ordinal)
    {
        "Where", "Select", "SelectMany", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "GroupBy", "Join", "Distinct",
        "Include", "ThenInclude", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery", "IgnoreQueryFilters",
        "TagWith", "AsQueryable", "AsAsyncEnumerable", "FromSql", "FromSqlRaw", "FromSqlInterpolated",
        "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "ToDictionary", "ToDictionaryAsync", "ToHashSet", "ToHashSetAsync",
        "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync",
        "Last", "LastAsync", "LastOrDefault", "LastOrDefaultAsync", "Count", "CountAsync", "LongCount", "LongCountAsync",
        "Any", "AnyAsync", "All", "AllAsync", "Sum", "SumAsync", "Min", "MinAsync", "Max", "MaxAsync", "Average", "AverageAsync",
        "Find", "FindAsync", "Contains", "ContainsAsync", "ForEachAsync", "Load", "LoadAsync",
    };

    /// <summary>The last call of a chain (not continued by <c>.Next(...)</c>) with a CRUD or query name.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation) return false;
        if (access.Name.Identifier.ValueText is "SaveChanges" or "SaveChangesAsync") return true;
        if (Awaited(invocation) is not { Expression: MemberAccessExpressionSyntax query }) return false;
        var name = query.Name.Identifier.ValueText;
        if (!Writes.ContainsKey(name) && !Reads.Contains(name)) return false;
        return invocation.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax };
    }

    public static CrudResult? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.Node is InvocationExpressionSyntax save && TrackedChangeReader.IsSaveChanges(save))
        {
            try
            {
                var updates = TrackedChangeReader.Updates(save, context.SemanticModel, cancellationToken);
                return updates.Count == 0 ? null : new CrudResult(null, null, updates.ToEquatableArray());
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                return new CrudResult(null, Diagnostics.GeneratorFailure.Describe(exception, save));
            }
        }
        return Parse(context.Node, context.SemanticModel, cancellationToken);
    }

    /// <summary>Also called for the operations inside a transaction (<see cref="TransactionBodyReader"/>).</summary>
    public static CrudResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            if (Awaited((InvocationExpressionSyntax)node) is not { Expression: MemberAccessExpressionSyntax } invocation) return null;
            var name = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
            if (!Writes.ContainsKey(name) && !Reads.Contains(name)) return null;
            var (entity, onContext) = Root(invocation, model, cancellationToken);
            if (onContext)
            {
                // context.Add(order), context.RemoveRange(a, b): the entity is the argument's type.
                if (!Writes.TryGetValue(name, out var write) || name.StartsWith("Execute", System.StringComparison.Ordinal)) return null;
                var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                var type = argument is null ? null : Semantics.TypeOf(argument, model, cancellationToken);
                if (type is IArrayTypeSymbol array) type = array.ElementType;
                else if (write.Bulk && type is INamedTypeSymbol { TypeArguments.Length: 1 } sequence && !type.IsInNamespace("System")) type = sequence.TypeArguments[0];
                if (type is null || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Error or TypeKind.Interface) return null;
                entity = type;
            }
            if (entity is null) return null;
            var (operation, bulk) = Writes.TryGetValue(name, out var found) ? found : (CrudOperation.Read, false);
            var target = entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
            var entityName = entity is ITypeParameterSymbol parameter
                ? parameter.Name + " of " + (parameter.DeclaringType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? parameter.DeclaringMethod?.Name ?? "?")
                : entity.ClrFullName();
            return new CrudResult(new CrudSpec(entityName, target, operation, name, bulk, CodeText.MemberName(invocation, model, cancellationToken),
                SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name)), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new CrudResult(null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    /// <summary>The call a <c>.ConfigureAwait(…)</c> wraps (<c>query.FirstAsync().ConfigureAwait(false)</c>: the call before
    /// decides), else the call itself.</summary>
    private static InvocationExpressionSyntax? Awaited(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner }
            ? inner as InvocationExpressionSyntax
            : invocation;

    /// <summary>Walks the chain inwards to the first receiver that is an EF Core <c>DbSet&lt;T&gt;</c> (its T), or a DbContext
    /// (onContext: the entity comes from the argument). Null when the chain does not start at either.</summary>
    private static (ITypeSymbol? Entity, bool OnContext) Root(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = invocation;
        var first = true;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            var receiver = access.Expression;
            var type = Semantics.TypeOf(receiver, model, cancellationToken);
            if (type.DbSetEntity() is { } entity) return (entity, false);
            if (first && type is not null && (type.Is("Microsoft.EntityFrameworkCore", "DbContext") || type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext"))) return (null, true);
            first = false;
            current = receiver;
        }
        return (null, false);
    }
}

/// <param name="Tracked">For a <c>SaveChanges</c> call, the tracked updates it writes (<see cref="TrackedChangeReader"/>).</param>
internal sealed record CrudResult(CrudSpec? Spec, string? Error, EquatableArray<CrudSpec> Tracked = default);
