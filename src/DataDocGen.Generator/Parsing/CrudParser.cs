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
/// linq2db (its rows carry the store <c>linq2db</c>): a chain rooted at an <c>ITable&lt;T&gt;</c> (a property or
/// <c>GetTable&lt;T&gt;()</c>) reads T, or writes it when its last call is linq2db's set-based <c>Update</c>/<c>Delete</c> or an
/// <c>Insert</c> with a setter; on a data context (<c>DataConnection</c>, <c>DataContext</c>, any <c>IDataContext</c>),
/// <c>Insert*</c>, <c>Update</c>, <c>Delete</c> and <c>BulkCopy</c> write their type argument. Writes are confirmed by the
/// method's namespace (a project's own <c>Insert</c> is nothing).
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

    /// <summary>linq2db's writes (6.x: <c>LinqToDB.DataExtensions</c> on a data context, <c>LinqToDB.LinqExtensions</c> on a
    /// table or query, <c>LinqToDB.Data.DataConnectionExtensions</c> for <c>BulkCopy</c>).</summary>
    private static readonly Dictionary<string, CrudOperation> Linq2DbWrites = new(System.StringComparer.Ordinal)
    {
        ["Insert"] = CrudOperation.Create, ["InsertAsync"] = CrudOperation.Create,
        ["InsertWithIdentity"] = CrudOperation.Create, ["InsertWithIdentityAsync"] = CrudOperation.Create,
        ["InsertWithInt32Identity"] = CrudOperation.Create, ["InsertWithInt32IdentityAsync"] = CrudOperation.Create,
        ["InsertWithInt64Identity"] = CrudOperation.Create, ["InsertWithInt64IdentityAsync"] = CrudOperation.Create,
        ["InsertWithDecimalIdentity"] = CrudOperation.Create, ["InsertWithDecimalIdentityAsync"] = CrudOperation.Create,
        ["BulkCopy"] = CrudOperation.Create, ["BulkCopyAsync"] = CrudOperation.Create,
        ["Update"] = CrudOperation.Update, ["UpdateAsync"] = CrudOperation.Update,
        ["Delete"] = CrudOperation.Delete, ["DeleteAsync"] = CrudOperation.Delete,
    };

    public const string Linq2Db = "linq2db";

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
        if (!Writes.ContainsKey(name) && !Reads.Contains(name) && !Linq2DbWrites.ContainsKey(name)) return false;
        return invocation.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax };
    }

    public static CrudResult? Parse(SiteContext context, CancellationToken cancellationToken)
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
            if (!Writes.ContainsKey(name) && !Reads.Contains(name) && !Linq2DbWrites.ContainsKey(name)) return null;
            var (entity, onContext, linq2db) = Root(invocation, model, cancellationToken);
            if (linq2db) return Linq2DbCall(invocation, name, entity, onContext, model, cancellationToken);
            if (!Writes.ContainsKey(name) && !Reads.Contains(name)) return null;
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

    /// <summary>A linq2db call: a read or write of a chain over an <c>ITable&lt;T&gt;</c>, or a write on a data context whose
    /// entity is the method's type argument.</summary>
    private static CrudResult? Linq2DbCall(InvocationExpressionSyntax invocation, string name, ITypeSymbol? entity, bool onContext, SemanticModel model, CancellationToken cancellationToken)
    {
        var isWrite = Linq2DbWrites.TryGetValue(name, out var operation);
        if (!isWrite && (onContext || !Reads.Contains(name))) return null;
        var bulk = false;
        if (isWrite)
        {
            // The exact overload: its type argument is the entity written.
            var method = Semantics.ExactMethod(invocation, model, cancellationToken);
            if (method is null) return null;
            var original = method.ReducedFrom ?? method;
            if (!original.ContainingType.IsInNamespaceOrBelow("LinqToDB")) return null;
            // INSERT ... SELECT or UPDATE into another table (a target ITable<TTarget> argument, or Update<TSource, TTarget> with a
            // target selector): the rows written are not the root's; left out. Every write kept has one type parameter, the row.
            if (original.TypeParameters.Length != 1) return null;
            if (original.Parameters.Skip(original.IsExtensionMethod ? 1 : 0).Any(p => Linq2DbTableEntity(p.Type) is not null)) return null;
            // table.Update(item, ...) and table.Insert(item, ...) write the item they are given, not a set of rows.
            var takesItem = original.Parameters.Skip(original.IsExtensionMethod ? 1 : 0).Any(p => SymbolEqualityComparer.Default.Equals(p.Type, original.TypeParameters[0]));
            // On a chain, the rows written must be the root table's: query.Select(o => o.Customer).Delete() deletes customers.
            if (!onContext && (method.TypeArguments.Length != 1 || !SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], entity))) return null;
            if (onContext)
            {
                // db.Insert(order), db.BulkCopy(orders): the entity is the method's type argument.
                if (method.TypeArguments.Length == 0) return null;
                entity = method.TypeArguments[0];
                if (entity.SpecialType == SpecialType.System_Object || entity.TypeKind is TypeKind.Error or TypeKind.Interface) return null;
            }
            // Set-based statements over a query (UPDATE/DELETE ... WHERE) and BulkCopy write many rows by design.
            bulk = name.StartsWith("BulkCopy", System.StringComparison.Ordinal) || (!onContext && !takesItem && operation is CrudOperation.Update or CrudOperation.Delete);
        }
        if (entity is null) return null;
        var target = entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
        var entityName = entity is ITypeParameterSymbol parameter
            ? parameter.Name + " of " + (parameter.DeclaringType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? parameter.DeclaringMethod?.Name ?? "?")
            : entity.ClrFullName();
        return new CrudResult(new CrudSpec(entityName, target, isWrite ? operation : CrudOperation.Read, name, bulk, CodeText.MemberName(invocation, model, cancellationToken),
            SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name), Linq2Db), null);
    }

    /// <summary>Walks the chain inwards to the first receiver that is an EF Core <c>DbSet&lt;T&gt;</c> or a linq2db
    /// <c>ITable&lt;T&gt;</c> (its T), or a DbContext or linq2db data context (onContext: the entity comes from the argument
    /// or the type argument). Null when the chain does not start at any of them.</summary>
    private static (ITypeSymbol? Entity, bool OnContext, bool Linq2Db) Root(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = invocation;
        var first = true;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            var receiver = access.Expression;
            var type = Semantics.TypeOf(receiver, model, cancellationToken);
            if (type.DbSetEntity() is { } entity) return (entity, false, false);
            if (Linq2DbTableEntity(type) is { } row) return (row, false, true);
            if (first && type is not null && (type.Is("Microsoft.EntityFrameworkCore", "DbContext") || type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext"))) return (null, true, false);
            if (first && IsLinq2DbContext(type)) return (null, true, true);
            first = false;
            current = receiver;
        }
        return (null, false, false);
    }

    /// <summary>The row type T of a linq2db <c>ITable&lt;T&gt;</c> (or a type implementing it), else null.</summary>
    internal static ITypeSymbol? Linq2DbTableEntity(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named) return null;
        foreach (var candidate in new[] { named }.Concat(named.AllInterfaces))
        {
            if (candidate is { Name: "ITable", TypeArguments.Length: 1 } && candidate.IsInNamespace("LinqToDB")) return candidate.TypeArguments[0];
        }
        return null;
    }

    /// <summary>A linq2db data context: <c>LinqToDB.IDataContext</c> or a type implementing it (<c>DataConnection</c>,
    /// <c>DataContext</c> and their subclasses).</summary>
    internal static bool IsLinq2DbContext(ITypeSymbol? type) =>
        type is not null && (type.Is("LinqToDB", "IDataContext") || type.AllInterfaces.Any(i => i.Is("LinqToDB", "IDataContext")));
}

/// <param name="Tracked">For a <c>SaveChanges</c> call, the tracked updates it writes (<see cref="TrackedChangeReader"/>).</param>
internal sealed record CrudResult(CrudSpec? Spec, string? Error, EquatableArray<CrudSpec> Tracked = default);
