using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The data sources an ambient transaction's own body opens connections to: EF Core contexts (by type) that save, run SQL,
/// run a query or open their connection, and ADO.NET connections and data sources (by the field, parameter or local that
/// holds them) that are opened or used by Dapper. Each connection opened inside a <c>TransactionScope</c> enlists in it,
/// and a second one can promote it to a distributed transaction, which is why they are counted.
/// </summary>
/// <remarks>
/// Only what the body itself does is seen: calls into other methods (a repository) are not followed, a connection reached
/// through an expression that is not a plain name is not counted, and MongoDB, Redis and Marten sessions are no
/// System.Transactions resources here, nor is a Microsoft.Data.Sqlite connection (that provider does not enlist; the
/// report also drops contexts whose provider is SQLite, in-memory or Cosmos). So the list can be short of the truth but
/// never names a source that is not used; the report states it only when it holds two or more.
/// </remarks>
internal static class AmbientDataSources
{
    /// <summary>Methods that run a query against the database: LINQ's and EF Core's operators that return no query.</summary>
    private static readonly HashSet<string> Materialisers = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup", "First", "FirstOrDefault", "Single", "SingleOrDefault",
        "Last", "LastOrDefault", "Any", "All", "Count", "LongCount", "Sum", "Min", "Max", "Average", "Contains", "ElementAt",
        "ElementAtOrDefault", "ForEachAsync", "Load", "Find", "ExecuteUpdate", "ExecuteDelete",
    };

    public static EquatableArray<AmbientDataSourceSpec> In(IEnumerable<SyntaxNode> scopes, SemanticModel model, CancellationToken cancellationToken)
    {
        var sources = new List<AmbientDataSourceSpec>();
        foreach (var scope in scopes)
        {
            foreach (var invocation in scope.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Source(invocation, model, cancellationToken) is { } source && !sources.Contains(source)) sources.Add(source);
            }
        }
        return sources.ToEquatableArray();
    }

    private static AmbientDataSourceSpec? Source(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is IdentifierNameSyntax && SyntaxFacts.IsSaveChangesCall(invocation))
        {
            // SaveChanges() in a context's own code saves that context (this.SaveChanges() is read below, by its receiver).
            return Semantics.Method(invocation, model, cancellationToken).IsContextSave() && Semantics.EnclosingContext(invocation, model, cancellationToken) is { } own
                ? Context(own) : null;
        }
        if (invocation.Expression is not MemberAccessExpressionSyntax access) return null;
        var name = Unsuffixed(access.Name.Identifier.ValueText);
        if (!IsContextCall(name) && !IsConnectionCall(name)) return null; // cheap: most calls stop here
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var declaring = (method.ReducedFrom ?? method).ContainingType;

        var receiver = Semantics.TypeOf(access.Expression, model, cancellationToken);
        if (name is "SaveChanges" && receiver is not null && receiver.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return Context(receiver);
        if (declaring.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore") && receiver.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade")
            && name is "ExecuteSql" or "ExecuteSqlRaw" or "ExecuteSqlInterpolated" or "SqlQuery" or "SqlQueryRaw" or "OpenConnection")
        {
            // db.Database.ExecuteSql(...): the context is the receiver of Database.
            return access.Expression is MemberAccessExpressionSyntax { Expression: var context }
                   && Semantics.TypeOf(context, model, cancellationToken) is { } type && type.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")
                ? Context(type) : null;
        }
        if (Materialisers.Contains(name) && (declaring.IsInNamespaceOrBelow("System.Linq") || declaring.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")))
        {
            return QueryRoot(access.Expression, model, cancellationToken) is { } context ? Context(context) : null;
        }
        if (IsConnectionCall(name) && receiver is not null && (receiver.IsAdoConnection() || receiver.DerivesFromOrIs("System.Data.Common", "DbDataSource"))
            && !receiver.IsInNamespaceOrBelow("Microsoft.Data.Sqlite") // no System.Transactions support: it never enlists
            && (name is "Open" or "OpenConnection" or "CreateCommand" || declaring.IsInNamespaceOrBelow("Dapper"))
            && Semantics.SymbolOf(access.Expression, model, cancellationToken) is { Kind: SymbolKind.Local or SymbolKind.Parameter or SymbolKind.Field or SymbolKind.Property } holder)
        {
            return new AmbientDataSourceSpec(receiver.Name, null, holder.Name);
        }
        return null;
    }

    private static AmbientDataSourceSpec Context(ITypeSymbol type) => new(type.Name, type.ClrFullName(), null);

    /// <summary>The context a query starts from: <c>db.Orders.Where(...)</c> or <c>db.Set&lt;Order&gt;()</c>, down the
    /// receivers, each of which must be a query (<c>IQueryable&lt;T&gt;</c>): <c>db.Orders.Local.Any()</c> and
    /// <c>db.ChangeTracker.Entries().Any()</c> run in memory and open no connection.</summary>
    private static ITypeSymbol? QueryRoot(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            if (Semantics.TypeOf(expression, model, cancellationToken) is not { } type || !IsQuery(type)) return null;
            if (type.DbSetEntity() is not null)
            {
                var holder = expression switch
                {
                    MemberAccessExpressionSyntax member => member.Expression,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Set" } set } => set.Expression,
                    _ => null,
                };
                return holder is not null && Semantics.TypeOf(holder, model, cancellationToken) is { } context && context.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")
                    ? context : null;
            }
            if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }) return null;
            expression = inner.Expression;
        }
        return null;
    }

    private static bool IsQuery(ITypeSymbol type) =>
        type.Is("System.Linq", "IQueryable`1") || type.AllInterfaces.Any(i => i.Is("System.Linq", "IQueryable`1"));

    private static string Unsuffixed(string name) => name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;

    private static bool IsContextCall(string name) =>
        name is "SaveChanges" or "ExecuteSql" or "ExecuteSqlRaw" or "ExecuteSqlInterpolated" or "SqlQuery" or "SqlQueryRaw" or "OpenConnection" || Materialisers.Contains(name);

    /// <summary>Opening a connection, a data source's command, and Dapper's extension methods (which open a closed connection).</summary>
    private static bool IsConnectionCall(string name) =>
        name is "Open" or "OpenConnection" or "CreateCommand" or "Execute" or "ExecuteScalar" or "ExecuteReader" or "Query" or "QueryFirst"
            or "QueryFirstOrDefault" or "QuerySingle" or "QuerySingleOrDefault" or "QueryMultiple";
}
