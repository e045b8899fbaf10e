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
/// DbContext, the argument's type. Only the last call of a chain is a candidate, so a query is counted once. A set written
/// whole with no call of its own (a join's inner sequence, a <c>foreach</c> collection, a set returned as a query) is read
/// by <see cref="BareSetReads"/>.
/// A <c>SaveChanges</c> call is a candidate too: the updates it writes through change tracking are read by
/// <see cref="TrackedChangeReader"/> where the loading, the change and the save are in one body.
/// linq2db (its rows carry the store <c>linq2db</c>): a chain rooted at an <c>ITable&lt;T&gt;</c> (a property or
/// <c>GetTable&lt;T&gt;()</c>) reads T, or writes it when its last call is linq2db's set-based <c>Update</c>/<c>Delete</c> or an
/// <c>Insert</c> with a setter; on a data context (<c>DataConnection</c>, <c>DataContext</c>, any <c>IDataContext</c>),
/// <c>Insert*</c>, <c>Update</c>, <c>Delete</c> and <c>BulkCopy</c> write their type argument. Writes are confirmed by the
/// method's namespace (a project's own <c>Insert</c> is nothing). linq2db's upserts (<c>InsertOrReplace[Async]</c> on a data
/// context, <c>InsertOrUpdate[Async]</c> on a table) and merges (<c>Merge</c>/<c>MergeInto</c> ... <c>Merge[Async]()</c>, and the
/// legacy <c>Merge</c> of <c>LinqToDB.Data.LegacyMergeExtensions</c>) are a row per operation they can perform
/// (<see cref="Linq2DbUpsert"/>).
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

    /// <summary>linq2db's upserts and merges (6.5.1: <c>DataExtensions.InsertOrReplace[Async]</c>,
    /// <c>LinqExtensions.InsertOrUpdate[Async]</c>, <c>LinqExtensions.Merge[Async]</c> ending a merge builder,
    /// <c>LegacyMergeExtensions.Merge[Async]</c>).</summary>
    private static readonly HashSet<string> Linq2DbUpserts = new(System.StringComparer.Ordinal)
    {
        "InsertOrReplace", "InsertOrReplaceAsync", "InsertOrUpdate", "InsertOrUpdateAsync", "Merge", "MergeAsync",
    };

    /// <summary>The operations of a linq2db merge builder (<c>LinqToDB.LinqExtensions</c>, 6.5.1), each with what it
    /// writes into the target table and how the report names it.</summary>
    private static readonly Dictionary<string, (CrudOperation[] Operations, string Text)> MergeActions = new(System.StringComparer.Ordinal)
    {
        ["InsertWhenNotMatched"] = (new[] { CrudOperation.Create }, "insert when not matched"),
        ["InsertWhenNotMatchedAnd"] = (new[] { CrudOperation.Create }, "insert when not matched and a condition holds"),
        ["UpdateWhenMatched"] = (new[] { CrudOperation.Update }, "update when matched"),
        ["UpdateWhenMatchedAnd"] = (new[] { CrudOperation.Update }, "update when matched and a condition holds"),
        ["UpdateWhenMatchedThenDelete"] = (new[] { CrudOperation.Update, CrudOperation.Delete }, "update when matched then delete"),
        ["UpdateWhenMatchedAndThenDelete"] = (new[] { CrudOperation.Update, CrudOperation.Delete }, "update when matched and a condition holds then delete"),
        ["UpdateWhenNotMatchedBySource"] = (new[] { CrudOperation.Update }, "update when not matched by source"),
        ["UpdateWhenNotMatchedBySourceAnd"] = (new[] { CrudOperation.Update }, "update when not matched by source and a condition holds"),
        ["DeleteWhenMatched"] = (new[] { CrudOperation.Delete }, "delete when matched"),
        ["DeleteWhenMatchedAnd"] = (new[] { CrudOperation.Delete }, "delete when matched and a condition holds"),
        ["DeleteWhenNotMatchedBySource"] = (new[] { CrudOperation.Delete }, "delete when not matched by source"),
        ["DeleteWhenNotMatchedBySourceAnd"] = (new[] { CrudOperation.Delete }, "delete when not matched by source and a condition holds"),
    };

    /// <summary>Operators that end a read over a DbSet: LINQ, EF Core's async operators, Find, and query shaping
    /// (a repository may return the IQueryable).</summary>
    private static readonly HashSet<string> Reads = new(System.StringComparer.Ordinal)
    {
        "Where", "Select", "SelectMany", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "GroupBy", "Join", "Distinct",
        "Include", "ThenInclude", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery", "IgnoreQueryFilters",
        "TagWith", "AsQueryable", "AsAsyncEnumerable", "AsEnumerable", "ToAsyncEnumerable", "FromSql", "FromSqlRaw", "FromSqlInterpolated",
        "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "ToDictionary", "ToDictionaryAsync", "ToHashSet", "ToHashSetAsync",
        "First", "FirstAsync", "FirstOrDefault", "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync",
        "Last", "LastAsync", "LastOrDefault", "LastOrDefaultAsync", "Count", "CountAsync", "LongCount", "LongCountAsync",
        "Any", "AnyAsync", "All", "AllAsync", "Sum", "SumAsync", "Min", "MinAsync", "Max", "MaxAsync", "Average", "AverageAsync",
        "Find", "FindAsync", "Contains", "ContainsAsync", "ForEachAsync", "Load", "LoadAsync",
    };

    /// <summary>The read operators that compose a query without running it: a chain ending in one of them over a local
    /// is not followed back to the local's value (its result is another query, assigned or returned).</summary>
    private static readonly HashSet<string> Composing = new(System.StringComparer.Ordinal)
    {
        "Where", "Select", "SelectMany", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "GroupBy", "Join", "Distinct",
        "Include", "ThenInclude", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery", "IgnoreQueryFilters",
        "TagWith", "AsQueryable", "AsAsyncEnumerable", "AsEnumerable", "ToAsyncEnumerable", "FromSql", "FromSqlRaw", "FromSqlInterpolated",
    };

    /// <summary>The last call of a chain (not continued by <c>.Next(...)</c>) with a CRUD or query name.</summary>
    /// <summary><c>context.Entry(x).State = EntityState.Modified</c>, <c>Added</c> or <c>Deleted</c>: as <c>Update(x)</c>,
    /// <c>Add(x)</c> and <c>Remove(x)</c> (for x alone, not its graph), written by the context's next save.</summary>
    private static readonly Dictionary<string, CrudOperation> EntryStates = new()
    {
        ["Modified"] = CrudOperation.Update, ["Added"] = CrudOperation.Create, ["Deleted"] = CrudOperation.Delete,
    };

    /// <summary>The API text of a write through an entry's state (<c>Entry State = Modified</c>).</summary>
    public const string EntryStateApi = "Entry State = ";

    private static bool IsEntryState(SyntaxNode node) =>
        node is AssignmentExpressionSyntax
        {
            Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "State", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entry" } } },
            Right: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Modified" or "Added" or "Deleted" },
        };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _)
    {
        if (IsEntryState(node) || TrackedChangeReader.IsMarkedModified(node)) return true;
        if (QuerySyntaxSource(node) is not null || IsSetValues(node) || BareSetReads.Candidate(node) is not null) return true;
        // db.SaveChanges(), or SaveChanges() in a context's own code: the tracked updates it writes.
        if (node is InvocationExpressionSyntax save && TrackedChangeReader.IsSaveChanges(save)) return true;
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation) return false;
        if (Awaited(invocation) is not { Expression: MemberAccessExpressionSyntax query }) return false;
        var name = query.Name.Identifier.ValueText;
        if (!Writes.ContainsKey(name) && !Reads.Contains(name) && !Linq2DbWrites.ContainsKey(name) && !Linq2DbUpserts.Contains(name)) return false;
        return invocation.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax };
    }

    public static CrudResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        if (context.Node is AssignmentExpressionSyntax assignment)
        {
            try
            {
                var spec = IsEntryState(assignment) ? EntryState(assignment, context.SemanticModel, cancellationToken)
                    : TrackedChangeReader.UnsavedMarkedModified(assignment, context.SemanticModel, cancellationToken);
                return spec is null ? null : new CrudResult(spec, null);
            }
            catch (System.Exception exception) when (exception is not System.OperationCanceledException)
            {
                return new CrudResult(null, Diagnostics.GeneratorFailure.Describe(exception, assignment));
            }
        }
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

    /// <summary>
    /// The source of a query-syntax clause (<c>from g in db.Groups</c>, <c>join u in db.Users on ...</c>) when it is not a
    /// call chain (a chain such as <c>db.Groups.Where(...)</c> is a candidate of its own): a member or a
    /// <c>Set&lt;T&gt;()</c> call. The bitwarden audit found every read written in query syntax missing from the matrix.
    /// </summary>
    private static ExpressionSyntax? QuerySyntaxSource(SyntaxNode node)
    {
        var source = node switch
        {
            FromClauseSyntax from => from.Expression,
            JoinClauseSyntax join => join.InExpression,
            _ => null,
        };
        return source is MemberAccessExpressionSyntax or IdentifierNameSyntax
               || source is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } } or GenericNameSyntax { Identifier.ValueText: "Set" } }
            ? source : null;
    }

    /// <summary>The API text of an update through <c>Entry(x).CurrentValues.SetValues(...)</c>.</summary>
    public const string SetValuesApi = "Entry CurrentValues.SetValues";

    /// <summary><c>….Entry(x).CurrentValues.SetValues(…)</c>, or <c>entry.CurrentValues.SetValues(…)</c> on a local, before any binding.</summary>
    private static bool IsSetValues(SyntaxNode node) =>
        node is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "SetValues",
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CurrentValues", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entry" } } or IdentifierNameSyntax },
            },
        };

    /// <summary>
    /// <c>context.Entry(x).CurrentValues.SetValues(y)</c>: x's properties take y's values and those that change are marked
    /// modified, so the context's next save updates x's row (as <c>Entry(x).State = Modified</c> does); confirmed as
    /// EF Core's <c>DbContext.Entry</c> and <c>PropertyValues.SetValues</c>. The bitwarden audit found its generic
    /// repository's <c>ReplaceAsync</c> listed as a read only.
    /// </summary>
    private static CrudResult? SetValues(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var holder = ((MemberAccessExpressionSyntax)((MemberAccessExpressionSyntax)invocation.Expression).Expression).Expression;
        if (Semantics.Method(invocation, model, cancellationToken) is not { ContainingType: { } values } || !values.Is("Microsoft.EntityFrameworkCore.ChangeTracking", "PropertyValues")) return null;
        // var entry = context.Entry(item); entry.CurrentValues.SetValues(changed): the local assigned once (dotnet/eShop's Catalog API).
        if ((holder as InvocationExpressionSyntax ?? Semantics.SingleAssignmentInitializer(holder, model, cancellationToken)) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entry" } } entry) return null;
        if (Semantics.Method(entry, model, cancellationToken) is not { ContainingType: { } owner } || !owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return null;
        if (entry.ArgumentList.Arguments.Count != 1) return null;
        var entity = Semantics.TypeOf(entry.ArgumentList.Arguments[0].Expression, model, cancellationToken);
        if (entity is null || entity.SpecialType == SpecialType.System_Object || entity.TypeKind is TypeKind.Error or TypeKind.Interface) return null;
        return new CrudResult(new CrudSpec(entity.EntityName(), entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity, CrudOperation.Update, SetValuesApi, false,
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name)), null);
    }

    /// <summary>A query-syntax clause over a <c>DbSet&lt;T&gt;</c> reads T (API <c>from</c> or <c>join</c>).</summary>
    private static CrudResult? QuerySyntaxRead(SyntaxNode clause, ExpressionSyntax source, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(source, model, cancellationToken).DbSetEntity() is not { } entity) return null;
        var target = entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
        return new CrudResult(new CrudSpec(entity.EntityName(), target, CrudOperation.Read, clause is JoinClauseSyntax ? "join" : "from", false,
            CodeText.MemberName(clause, model, cancellationToken), SourceLocation.From(source)), null);
    }

    /// <summary>Also called for the operations inside a transaction (<see cref="TransactionBodyReader"/>).</summary>
    public static CrudResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            if (QuerySyntaxSource(node) is { } source) return QuerySyntaxRead(node, source, model, cancellationToken);
            if (IsSetValues(node)) return SetValues((InvocationExpressionSyntax)node, model, cancellationToken);
            if (node is not InvocationExpressionSyntax) return BareSetReads.Candidate(node) is { } set ? BareSetReads.Parse(node, set, model, cancellationToken) : null;
            if (Awaited((InvocationExpressionSyntax)node) is not { Expression: MemberAccessExpressionSyntax } invocation) return null;
            var name = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
            if (Linq2DbUpserts.Contains(name)) return Linq2DbUpsert(invocation, name, model, cancellationToken);
            if (!Writes.ContainsKey(name) && !Reads.Contains(name) && !Linq2DbWrites.ContainsKey(name)) return null;
            var (entity, onContext, linq2db) = Root(invocation, model, cancellationToken);
            // A query held in a local (var query = db.Set<T>(); ...; return query.ToListAsync()) is read where it runs.
            if (entity is null && !onContext && Reads.Contains(name) && !Composing.Contains(name)) entity = LocalQueryEntity(invocation, model, cancellationToken);
            if (linq2db) return Linq2DbCall(invocation, name, entity, onContext, model, cancellationToken);
            if (!Writes.ContainsKey(name) && !Reads.Contains(name)) return null;
            if (onContext && name is "Find" or "FindAsync")
            {
                // context.FindAsync<ClientRequest>(id), context.Find(typeof(Order), id): DbContext's own Find reads its type.
                entity = ContextFindEntity(invocation, model, cancellationToken);
                if (entity is null) return null;
            }
            else if (onContext)
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
            var entityName = entity.EntityName();
            return new CrudResult(new CrudSpec(entityName, target, operation, name, bulk, CodeText.MemberName(invocation, model, cancellationToken),
                SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name)), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new CrudResult(null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    /// <summary>A write through an entry's state, confirmed as EF Core's: <c>Entry</c> of a <c>DbContext</c>, a member of
    /// <c>EntityState</c>. The entity is the argument's static type (a type parameter in a generic repository). A
    /// <c>Modified</c> state that a save of the same context later in the same body writes is that save's row
    /// (<see cref="TrackedChangeReader"/>, "saved by ..."), not a second one here.</summary>
    private static CrudSpec? EntryState(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsEntryState(assignment)) return null;
        var left = (MemberAccessExpressionSyntax)assignment.Left;
        var entry = (InvocationExpressionSyntax)left.Expression;
        var state = (MemberAccessExpressionSyntax)assignment.Right;
        if (Semantics.SymbolOf(state, model, cancellationToken) is not IFieldSymbol { ContainingType: var stateType } || !stateType.Is("Microsoft.EntityFrameworkCore", "EntityState")) return null;
        if (Semantics.Method(entry, model, cancellationToken) is not { ContainingType: { } owner } || !owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return null;
        if (entry.ArgumentList.Arguments.Count != 1) return null;
        var entity = Semantics.TypeOf(entry.ArgumentList.Arguments[0].Expression, model, cancellationToken);
        if (entity is null || entity.SpecialType == SpecialType.System_Object || entity.TypeKind is TypeKind.Error or TypeKind.Interface) return null;
        var name = state.Name.Identifier.ValueText;
        if (name == "Modified" && TrackedChangeReader.SavedInBody(assignment, model, cancellationToken)) return null;
        return new CrudSpec(entity.EntityName(), entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity, EntryStates[name], EntryStateApi + name, false,
            CodeText.MemberName(assignment, model, cancellationToken), SourceLocation.From(assignment));
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
        var entityName = entity.EntityName();
        return new CrudResult(new CrudSpec(entityName, target, isWrite ? operation : CrudOperation.Read, name, bulk, CodeText.MemberName(invocation, model, cancellationToken),
            SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name), Linq2Db), null);
    }

    /// <summary>
    /// A linq2db upsert or merge: a row per operation it can perform on the target entity (the method's first type argument),
    /// with the API and what it does named. <c>InsertOrReplace</c> (by primary key) creates and updates;
    /// <c>InsertOrUpdate</c> updates only when its update setter, written in place, sets a field (a <c>null</c> setter or one
    /// without field setters is linq2db's <c>INSERT IF NOT EXISTS</c>; a setter held elsewhere is not read, so no update is
    /// claimed); a merge builder ending in <c>Merge[Async]()</c> does what its <c>...When...</c> operations say, read along
    /// the chain back to the <c>Merge()</c> or <c>MergeInto(target)</c> that starts it, whose target must be a table of the
    /// entity (or a query rooted at one): a chain broken by a local or by any call linq2db does not document there is left
    /// out. The legacy <c>Merge(source)</c> updates and inserts, and deletes by source with a <c>predicate</c> or a constant
    /// <c>delete: true</c> (a non-constant flag claims no delete). <c>MergeWithOutput</c> (run only when enumerated) is left out.
    /// </summary>
    private static CrudResult? Linq2DbUpsert(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        var method = Semantics.ExactMethod(invocation, model, cancellationToken);
        if (method is null || method.TypeArguments.Length == 0) return null;
        var original = method.ReducedFrom ?? method;
        var owner = original.ContainingType;
        var entity = method.TypeArguments[0];
        if (entity.SpecialType == SpecialType.System_Object || entity.TypeKind is TypeKind.Error or TypeKind.Interface) return null;
        var parameters = original.Parameters.Skip(original.IsExtensionMethod ? 1 : 0).ToList();
        var receiver = OptionsBuilderParser.ReceiverType(method);
        CrudOperation[] operations;
        string what;
        var bulk = false;
        (ITypeSymbol Entity, SourceLocation? Location)? source = null;
        if (name is "InsertOrReplace" or "InsertOrReplaceAsync" && owner.Is("LinqToDB", "DataExtensions") && IsLinq2DbContext(receiver))
        {
            (operations, what) = (new[] { CrudOperation.Create, CrudOperation.Update }, "upsert");
        }
        else if (name is "InsertOrUpdate" or "InsertOrUpdateAsync" && owner.Is("LinqToDB", "LinqExtensions") && Linq2DbTableEntity(receiver) is not null)
        {
            var setter = Argument(invocation, method, "onDuplicateKeyUpdateSetter");
            var sets = setter is null ? (bool?)null : SetsFields(setter);
            (operations, what) = sets switch
            {
                true => (new[] { CrudOperation.Create, CrudOperation.Update }, "upsert"),
                false => (new[] { CrudOperation.Create }, "insert if not exists"),
                _ => (new[] { CrudOperation.Create }, "insert; its update setter is not read here"),
            };
        }
        else if (name is "Merge" or "MergeAsync" && owner.Is("LinqToDB", "LinqExtensions") && original.TypeParameters.Length == 2
                 && receiver is INamedTypeSymbol { Name: "IMergeable" } mergeable && mergeable.IsInNamespace("LinqToDB.Linq"))
        {
            if (MergeOperations(invocation, entity, model, cancellationToken) is not { } merge) return null;
            (operations, what, bulk) = (merge.Operations, merge.Text, true);
            source = merge.Source;
        }
        else if (name is "Merge" or "MergeAsync" && owner.Is("LinqToDB.Data", "LegacyMergeExtensions") && original.TypeParameters.Length == 1)
        {
            var deletes = parameters.Any(p => p.Name == "predicate")
                          || (parameters.Any(p => p.Name == "delete") && Argument(invocation, method, "delete") is { } flag
                              && Semantics.ConstantOf(flag, model, cancellationToken) is { HasValue: true, Value: true });
            (operations, what, bulk) = deletes
                ? (new[] { CrudOperation.Update, CrudOperation.Create, CrudOperation.Delete }, "update, insert, delete by source", true)
                : (new[] { CrudOperation.Update, CrudOperation.Create }, "update, insert", true);
        }
        else
        {
            return null;
        }
        var target = entity is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
        var entityName = entity.EntityName();
        var api = name + " (" + what + ")";
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        var specs = operations.OrderBy(o => o).Distinct().Select(o => new CrudSpec(entityName, target, o, api, bulk, member, location, Linq2Db)).ToList();
        // The merge's source, when it is a table or a query over one, is read where the chain names it.
        if (source is { Entity: var read } && read is not ITypeParameterSymbol)
        {
            specs.Add(new CrudSpec(read.ClrFullName(), CrudTarget.Entity, CrudOperation.Read, name + " (merge source)", false, member, source.Value.Location, Linq2Db));
        }
        return new CrudResult(specs[0], null, specs.Skip(1).ToEquatableArray());
    }

    /// <summary>What a merge builder's chain does to its target, from the <c>Merge[Async]()</c> that runs it back to the
    /// <c>Merge()</c> or <c>MergeInto(target)</c> that starts it; null when the chain does not show it all.</summary>
    private static (CrudOperation[] Operations, string Text, (ITypeSymbol, SourceLocation?)? Source)? MergeOperations(InvocationExpressionSyntax run, ITypeSymbol entity, SemanticModel model, CancellationToken cancellationToken)
    {
        var operations = new List<CrudOperation>();
        var texts = new List<string>();
        // Using(source) or source.MergeInto(target): the rows merged, read when they are a table or a query over one.
        (ITypeSymbol, SourceLocation?)? source = null;
        ExpressionSyntax current = ((MemberAccessExpressionSyntax)run.Expression).Expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            var name = access.Name.Identifier.ValueText;
            var method = Semantics.Method(call, model, cancellationToken);
            if (method is null || !(method.ReducedFrom ?? method).ContainingType.Is("LinqToDB", "LinqExtensions")) return null;
            if (MergeActions.TryGetValue(name, out var action))
            {
                operations.AddRange(action.Operations);
                texts.Insert(0, action.Text);
            }
            else if (name is "Merge")
            {
                // table.Merge(), query.Merge(): the target is the receiver.
                return operations.Count > 0 && TableOf(access.Expression, model, cancellationToken) is { } table && SymbolEqualityComparer.Default.Equals(table, entity)
                    ? (operations.ToArray(), string.Join(", ", texts.Distinct()), source)
                    : null;
            }
            else if (name is "MergeInto")
            {
                // source.MergeInto(target): the target is the argument.
                if (operations.Count == 0 || call.ArgumentList.Arguments.FirstOrDefault() is not { NameColon: null } argument
                    || TableOf(argument.Expression, model, cancellationToken) is not { } table || !SymbolEqualityComparer.Default.Equals(table, entity)) return null;
                return (operations.ToArray(), string.Join(", ", texts.Distinct()),
                    TableOf(access.Expression, model, cancellationToken) is { } read ? (read, SourceLocation.From(access.Name)) : null);
            }
            else if (name is "Using" && call.ArgumentList.Arguments.Count == 1 && TableOf(call.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { } read)
            {
                source = (read, SourceLocation.From(access.Name));
            }
            else if (name is not ("Using" or "UsingTarget" or "On" or "OnTargetKey"))
            {
                return null;
            }
            current = access.Expression;
        }
        return null;
    }

    /// <summary>The row type of the linq2db table an expression is, or the query over it starts at (<c>db.Orders</c>,
    /// <c>db.GetTable&lt;Order&gt;().Where(...)</c>); null when it reaches none.</summary>
    private static ITypeSymbol? TableOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = expression;
        while (true)
        {
            if (Linq2DbTableEntity(Semantics.TypeOf(current, model, cancellationToken)) is { } row) return row;
            if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) return null;
            current = access.Expression;
        }
    }

    /// <summary>The argument given for a parameter, by name or position (extension methods called as such, or in static
    /// form with <paramref name="method"/> unreduced).</summary>
    internal static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameter)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is { } named)
            {
                if (named.Name.Identifier.ValueText == parameter) return arguments[i].Expression;
            }
            else if (i < method.Parameters.Length && method.Parameters[i].Name == parameter)
            {
                return arguments[i].Expression;
            }
        }
        return null;
    }

    /// <summary>An <c>InsertOrUpdate</c> update setter: true when a lambda written in place creates the row with at least
    /// one field set, false for <c>null</c> or a creation without setters, null when it cannot be read.</summary>
    private static bool? SetsFields(ExpressionSyntax setter)
    {
        while (setter is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            setter = setter is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)setter).Expression;
        }
        if (setter.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression) || setter.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression)) return false;
        if (setter is not LambdaExpressionSyntax { ExpressionBody: BaseObjectCreationExpressionSyntax creation }) return null;
        return creation.Initializer is { Expressions.Count: > 0 } initializer && initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ObjectInitializerExpression);
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
            // context.Add(item) through an interface the project's one DbContext implements with DbContext's own Add.
            if (first && type is { TypeKind: TypeKind.Interface } && Writes.ContainsKey(access.Name.Identifier.ValueText)
                && ContextInterfaces.IsContext(type, access.Name.Identifier.ValueText, model.Compilation, cancellationToken)) return (null, true, false);
            if (first && IsLinq2DbContext(type)) return (null, true, true);
            first = false;
            current = receiver;
        }
        return (null, false, false);
    }

    /// <summary>
    /// The entity of a query that runs over a local of an <c>IQueryable</c> type (<c>query.ToListAsync()</c>) when every value the local is given in its
    /// block is a chain over a <c>DbSet</c> of that one entity, or over the local itself (<c>query = query.AsNoTracking()</c>),
    /// or an Ardalis.Specification evaluator's <c>GetQuery(query, specification)</c> over such a value (it applies the
    /// specification to the query it is given: <c>WhereEvaluator</c>, <c>OrderEvaluator</c>, <c>SpecificationEvaluator</c>, ...).
    /// Null when any value is something else (a parameter, a project method's result), a compound assignment or a
    /// <c>ref</c>/<c>out</c> argument changes it, or it is declared elsewhere than in a block.
    /// </summary>
    private static ITypeSymbol? LocalQueryEntity(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = invocation;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) current = access.Expression;
        if (current is not IdentifierNameSyntax identifier || Semantics.SymbolOf(identifier, model, cancellationToken) is not ILocalSymbol local) return null;
        // A query, not a list it was copied into: List<T>.Count() runs in memory.
        static bool IsQueryable(ITypeSymbol type) => type is INamedTypeSymbol { Name: "IQueryable", TypeArguments.Length: 1 } && type.IsInNamespace("System.Linq");
        if (!IsQueryable(local.Type) && !local.Type.AllInterfaces.Any(IsQueryable)) return null;
        if (local.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference || reference.SyntaxTree != identifier.SyntaxTree) return null;
        if (reference.ReadSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initial } declarator) return null;
        if (declarator.FirstAncestorOrSelf<BlockSyntax>() is not { } scope) return null;
        var values = new List<ExpressionSyntax> { initial };
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment && left.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(left, model, cancellationToken), local))
            {
                if (!assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression)) return null;
                values.Add(assignment.Right);
            }
            else if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == local.Name)
            {
                return null;
            }
        }
        ITypeSymbol? entity = null;
        foreach (var value in values)
        {
            var (source, self) = QuerySource(value, local, model, cancellationToken);
            if (self) continue;
            if (source is null || (entity is not null && !SymbolEqualityComparer.Default.Equals(entity, source))) return null;
            entity = source;
        }
        return entity;
    }

    /// <summary>The <c>DbSet</c> entity a value assigned to a query local starts from, or that it starts from the local itself.</summary>
    private static (ITypeSymbol? Entity, bool Self) QuerySource(ExpressionSyntax value, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = value;
        for (var hops = 0; hops < 64; hops++)
        {
            if (current is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized.Expression;
                continue;
            }
            // (IQueryable<CatalogItem>)context.CatalogItems: the same query, typed as the interface (eShop's catalog API).
            if (current is CastExpressionSyntax cast && IsQueryableType(Semantics.TypeOf(cast, model, cancellationToken)))
            {
                current = cast.Expression;
                continue;
            }
            if (current is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(name, model, cancellationToken), local)) return (null, true);
            if (Semantics.TypeOf(current, model, cancellationToken).DbSetEntity() is { } entity) return (entity, false);
            if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call) return (null, false);
            if (access.Name.Identifier.ValueText == "GetQuery" && call.ArgumentList.Arguments.FirstOrDefault() is { NameColon: null, RefKindKeyword.RawKind: 0 } query
                && Semantics.Method(call, model, cancellationToken) is { } method && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Ardalis.Specification"))
            {
                current = query.Expression;
                continue;
            }
            current = access.Expression;
        }
        return (null, false);
    }

    /// <summary>The entity DbContext's <c>Find[Async]</c> looks up: its type argument (<c>Find&lt;T&gt;</c>), or the
    /// <c>typeof(T)</c> written as the first argument of the non-generic one; null for a project's own <c>Find</c>.</summary>
    internal static ITypeSymbol? ContextFindEntity(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method || !method.ContainingType.Is("Microsoft.EntityFrameworkCore", "DbContext")) return null;
        ITypeSymbol? entity = null;
        if (method.TypeArguments.Length == 1) entity = method.TypeArguments[0];
        else if (method.TypeArguments.Length == 0 && method.Parameters.FirstOrDefault()?.Type is { } first && first.Is("System", "Type")
                 && invocation.ArgumentList.Arguments.FirstOrDefault() is { NameColon: null, Expression: TypeOfExpressionSyntax written })
            entity = Semantics.WrittenType(written.Type, model, cancellationToken);
        return entity is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } ? entity : null;
    }

    /// <summary>System.Linq's <c>IQueryable&lt;T&gt;</c> itself.</summary>
    private static bool IsQueryableType(ITypeSymbol? type) => type is INamedTypeSymbol { Name: "IQueryable", TypeArguments.Length: 1 } && type.IsInNamespace("System.Linq");

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

/// <param name="Tracked">For a <c>SaveChanges</c> call, the tracked updates it writes (<see cref="TrackedChangeReader"/>); for a
/// linq2db upsert or merge, its operations after the first (<see cref="CrudParser"/>).</param>
internal sealed record CrudResult(CrudSpec? Spec, string? Error, EquatableArray<CrudSpec> Tracked = default);
