using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Query optimisation as written in the code: EF Core <c>Include</c> (with the <c>ThenInclude</c>s that extend it into
/// a path), <c>AsNoTracking</c>, <c>AsNoTrackingWithIdentityResolution</c>, <c>AsTracking</c>, <c>AsSplitQuery</c>,
/// <c>AsSingleQuery</c>, and <c>EF.CompileQuery</c>/<c>EF.CompileAsyncQuery</c>. Names are the cheap filter; the
/// symbol must be EF Core's (an <c>Include</c> of another library is not eager loading). linq2db's <c>LoadWith</c> and
/// <c>LoadWithAsTable</c> (with the <c>ThenLoad</c>s that extend the path) are eager loading too, confirmed on
/// <c>LinqToDB.LinqExtensions</c>.
/// </summary>
internal static partial class QueryShapeParser
{
    private static readonly Dictionary<string, string> Kinds = new(System.StringComparer.Ordinal)
    {
        ["Include"] = "Eager loading",
        ["LoadWith"] = Linq2DbEagerLoading,
        ["LoadWithAsTable"] = Linq2DbEagerLoading,
        ["AsNoTracking"] = "No tracking",
        ["AsNoTrackingWithIdentityResolution"] = "No tracking with identity resolution",
        ["AsTracking"] = "Tracking",
        ["AsSplitQuery"] = "Split query",
        ["AsSingleQuery"] = "Single query",
        ["CompileQuery"] = "Compiled query",
        ["CompileAsyncQuery"] = "Compiled query",
    };

    /// <summary>The kind of linq2db's <c>LoadWith</c>.</summary>
    public const string Linq2DbEagerLoading = "Eager loading (linq2db)";

    /// <summary>The kind of a query executed in a loop body.</summary>
    public const string LoopQueryKind = "Query inside a loop (N+1 risk)";

    /// <summary>Calls that run a query: inside a loop body, each is an N+1 risk.</summary>
    private static readonly HashSet<string> Executing = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "ToDictionary", "ToDictionaryAsync", "First", "FirstAsync", "FirstOrDefault",
        "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync", "Last", "LastAsync", "LastOrDefault",
        "LastOrDefaultAsync", "Count", "CountAsync", "LongCount", "LongCountAsync", "Any", "AnyAsync", "All", "AllAsync", "Sum", "SumAsync",
        "Min", "MinAsync", "Max", "MaxAsync", "Average", "AverageAsync", "Find", "FindAsync", "Load", "LoadAsync", "ToHashSet", "ToHashSetAsync",
        "ToLookup", "ToLookupAsync",
    };

    /// <summary>Enumerable's operators that enumerate their source at once: on an <c>IQueryable</c> (C# binds
    /// <c>query.ToList()</c> to <c>Enumerable.ToList</c>, Queryable having none) each runs the query.</summary>
    private static readonly HashSet<string> EnumerableMaterialisers = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation =>
            Kinds.ContainsKey(access.Name.Identifier.ValueText) || IsLoadingCandidate(invocation, access) || access.Name.Identifier.ValueText == "UseQueryTrackingBehavior"
            || (Executing.Contains(access.Name.Identifier.ValueText) && EnclosingLoop(invocation) is not null),
        ForEachStatementSyntax forEach => EnclosingLoop(forEach) is not null,
        AssignmentExpressionSyntax assignment => IsTrackingAssignment(assignment),
        ParameterSyntax { Type: IdentifierNameSyntax { Identifier.ValueText: "ILazyLoader" } or QualifiedNameSyntax { Right.Identifier.ValueText: "ILazyLoader" } } => true,
        MemberAccessExpressionSyntax access when access.Parent is not InvocationExpressionSyntax { Expression: var callee } || callee != access => IsLoopVariableMember(access),
        _ => false,
    };

    /// <summary>The loop whose body (not its collection or condition) holds the node, within the same member.</summary>
    internal static StatementSyntax? EnclosingLoop(SyntaxNode node)
    {
        for (var child = node; child.Parent is { } parent; child = parent)
        {
            switch (parent)
            {
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    return null; // a lambda body runs when it is called, not once per iteration of an outer loop
                case ForEachStatementSyntax loop when child == loop.Statement: return loop;
                case ForStatementSyntax loop when child == loop.Statement: return loop;
                case WhileStatementSyntax loop when child == loop.Statement: return loop;
                case DoStatementSyntax loop when child == loop.Statement: return loop;
            }
        }
        return null;
    }

    public static QueryShapeResult? Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>Also called by the analyzer (<see cref="Diagnostics.DataLayerAnalyzer"/>) on the same nodes.</summary>
    public static QueryShapeResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            if (node is ParameterSyntax parameter) return LazyLoader(parameter, model, cancellationToken);
            if (node is MemberAccessExpressionSyntax member) return LazyNavigation(member, model, cancellationToken);
            if (node is ForEachStatementSyntax forEach) return ForEachOverQuery(forEach, model, cancellationToken);
            if (node is AssignmentExpressionSyntax assignment) return ChangeTrackerDefault(assignment, model, cancellationToken);
            var invocation = (InvocationExpressionSyntax)node;
            if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
            if (method.Name == "UseQueryTrackingBehavior") return OptionsDefault(invocation, method, model, cancellationToken);
            var original = method.ReducedFrom ?? method;
            var name = method.Name;
            if (Loading(invocation, method, model, cancellationToken) is { } loading) return loading;
            if (!Kinds.ContainsKey(name)) return InLoop(invocation, method, model, cancellationToken);
            if (name is "LoadWith" or "LoadWithAsTable") return LoadWith(invocation, method, model, cancellationToken);
            if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null;
            var kind = Kinds[name];
            if (name is "CompileQuery" or "CompileAsyncQuery" && !original.ContainingType.Is("Microsoft.EntityFrameworkCore", "EF")) return null;

            string? entity = null;
            string? detail = null;
            if (name is "CompileQuery" or "CompileAsyncQuery")
            {
                detail = "EF." + name;
            }
            else
            {
                var element = ElementType(OptionsBuilderParser.ReceiverType(method));
                entity = element?.EntityName();
                if (name == "Include")
                {
                    detail = IncludePath(invocation, model, cancellationToken);
                    // EF Core ignores an Include whose entity the query's result does not hold (a projection, a count, a grouping).
                    if (IgnoredBecause(invocation, element, model, cancellationToken) is { } reason) kind = IgnoredKind(reason);
                }
            }
            // The line of the call's name, not of the chain's start: a fluent query spans several lines.
            var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
            // A tracking mode or load set only under a condition (if (spec.AsNoTracking) query = query.AsNoTracking()).
            var spec = new QueryShapeSpec(kind, entity, detail, CodeText.MemberName(invocation, model, cancellationToken), location, CodeText.EnclosingCondition(invocation, null));
            return new QueryShapeResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new QueryShapeResult(null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    /// <summary>linq2db's <c>LoadWith(x => x.Nav)</c> (on a query) or <c>LoadWithAsTable</c> (on a table), with the
    /// <c>ThenLoad</c>s chained on it; a <c>loadFunc</c> argument (filters or further loads of the loaded rows) is noted.</summary>
    private static QueryShapeResult? LoadWith(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!(method.ReducedFrom ?? method).ContainingType.Is("LinqToDB", "LinqExtensions")) return null;
        var entity = ElementType(OptionsBuilderParser.ReceiverType(method))?.EntityName();
        var detail = Path(invocation, "ThenLoad", model, cancellationToken);
        var spec = new QueryShapeSpec(Linq2DbEagerLoading, entity, detail, CodeText.MemberName(invocation, model, cancellationToken),
            SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name));
        return new QueryShapeResult(spec, null);
    }

    /// <summary>A query executed in a loop body: EF Core's async operators and <c>Find</c>, or LINQ operators on an
    /// <c>IQueryable</c> (not on an in-memory sequence).</summary>
    private static QueryShapeResult? InLoop(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        // Select and Take are candidates outside loops too (projections, paging): a LINQ call on an IQueryable that is
        // not rooted at a DbSet (Marten's, MongoDB's, AsQueryable()) falls through to here with no loop around it.
        if (EnclosingLoop(invocation) is not { } loop) return null;
        var original = method.ReducedFrom ?? method;
        var receiver = OptionsBuilderParser.ReceiverType(method);
        var isQuery = original.ContainingType.Is("System.Linq", "Queryable")
                      || original.ContainingType.Is("Microsoft.EntityFrameworkCore", "EntityFrameworkQueryableExtensions")
                      // linq2db's async operators (ToListAsync, FirstOrDefaultAsync...) on its IQueryable.
                      || original.ContainingType.Is("LinqToDB.Async", "AsyncExtensions")
                      || (method.Name is "Find" or "FindAsync" && receiver is INamedTypeSymbol { Name: "DbSet" } set && set.IsInNamespace("Microsoft.EntityFrameworkCore"));
        if (!isQuery && EnumerableMaterialisers.Contains(method.Name) && original.ContainingType.Is("System.Linq", "Enumerable")
            && method.ReducedFrom is not null && QueryableElement(((MemberAccessExpressionSyntax)invocation.Expression).Expression, model, cancellationToken) is { } element)
        {
            isQuery = true;
            receiver = element;
        }
        if (!isQuery || method.Name is "Load" or "LoadAsync" && !original.ContainingType.Is("Microsoft.EntityFrameworkCore", "EntityFrameworkQueryableExtensions")) return null;
        if (InMemory(((MemberAccessExpressionSyntax)invocation.Expression).Expression, model, cancellationToken)) return null;
        var loopLine = loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var spec = new QueryShapeSpec(LoopQueryKind, ElementType(receiver)?.EntityName(),
            method.Name + " in the loop at line " + loopLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name));
        return new QueryShapeResult(spec, null);
    }

    /// <summary>A <c>foreach</c> (or <c>await foreach</c>) over a query inside another loop's body: the query runs on
    /// every iteration of the outer loop.</summary>
    private static QueryShapeResult? ForEachOverQuery(ForEachStatementSyntax forEach, SemanticModel model, CancellationToken cancellationToken)
    {
        if (EnclosingLoop(forEach) is not { } loop || QueryableElement(forEach.Expression, model, cancellationToken) is not INamedTypeSymbol query
            || InMemory(forEach.Expression, model, cancellationToken)) return null;
        var loopLine = loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        var spec = new QueryShapeSpec(LoopQueryKind, query.TypeArguments[0].EntityName(),
            "foreach over a query in the loop at line " + loopLine.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CodeText.MemberName(forEach, model, cancellationToken), SourceLocation.From(forEach.Expression));
        return new QueryShapeResult(spec, null);
    }

    /// <summary>A query chain rooted at <c>AsQueryable()</c> over an in-memory sequence (<c>list.AsQueryable().Where(...)</c>,
    /// directly or through a local initialised so in the same body): LINQ to Objects behind an <c>IQueryable</c>, no
    /// database round trip. Follows receivers, parentheses, <c>await</c> and locals (a few hops); anything else is a query.</summary>
    private static bool InMemory(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = expression;
        for (var hops = 0; hops < 32 && current is not null; hops++)
        {
            switch (current)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsQueryable" } access } call
                    when Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol asQueryable
                         && (asQueryable.ReducedFrom ?? asQueryable).ContainingType.Is("System.Linq", "Queryable"):
                    return QueryableElement(access.Expression, model, cancellationToken) is null;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    current = access.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                case AwaitExpressionSyntax awaited:
                    current = awaited.Expression;
                    break;
                case IdentifierNameSyntax identifier
                    when Semantics.SymbolOf(identifier, model, cancellationToken) is ILocalSymbol local
                         && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initial }
                         && initial.SyntaxTree == identifier.SyntaxTree:
                    current = initial;
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>The <c>IQueryable&lt;T&gt;</c> an expression's static type is or implements (a DbSet, a linq2db table, a
    /// query), as that interface; null for an in-memory sequence.</summary>
    private static ITypeSymbol? QueryableElement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(expression, model, cancellationToken) is not INamedTypeSymbol type) return null;
        static bool IsQueryable(INamedTypeSymbol t) => t is { Name: "IQueryable", TypeArguments.Length: 1 } && t.IsInNamespace("System.Linq");
        return IsQueryable(type) ? type : type.AllInterfaces.FirstOrDefault(IsQueryable);
    }


    /// <summary>The T of the IQueryable&lt;T&gt; (or DbSet&lt;T&gt;) a query method is called on.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.Name is "IQueryable" or "DbSet" or "IEnumerable" or "ITable") return named.TypeArguments[0];
        if (type is INamedTypeSymbol { TypeArguments.Length: 2, Name: "IIncludableQueryable" } includable) return includable.TypeArguments[0];
        return null;
    }

    /// <summary>The path an <c>Include</c> starts: its member path, then each following <c>ThenInclude</c>'s.
    /// <c>Include(o => o.Lines.Where(...))</c> is a filtered include; a string path is read when constant.</summary>
    private static string? IncludePath(InvocationExpressionSyntax include, SemanticModel model, CancellationToken cancellationToken) =>
        Path(include, "ThenInclude", model, cancellationToken);

    /// <summary>The path an eager load starts, extended by each following <paramref name="thenName"/> call
    /// (<c>ThenInclude</c>, linq2db's <c>ThenLoad</c>).</summary>
    private static string? Path(InvocationExpressionSyntax start, string thenName, SemanticModel model, CancellationToken cancellationToken)
    {
        var first = Segment(start, model, cancellationToken);
        if (first is null) return null;
        var parts = new List<string> { first };
        SyntaxNode current = start;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax then } next && next.Name.Identifier.ValueText == thenName)
        {
            parts.Add(Segment(then, model, cancellationToken) ?? "?");
            current = then;
        }
        return string.Join(".", parts);
    }

    private static string? Segment(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.ArgumentList.Arguments.FirstOrDefault()?.Expression is not { } argument) return null;
        if (model.ConstantString(argument, cancellationToken) is { } text) return text;
        if (argument is not SimpleLambdaExpressionSyntax { ExpressionBody: { } body } lambda) return null;
        // linq2db's LoadWith/ThenLoad(selector, loadFunc): the second lambda filters or extends what is loaded.
        var loadFunc = call.ArgumentList.Arguments.Count > 1;
        var filtered = false;
        if (body is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" or "OrderBy" or "OrderByDescending" or "Take" or "Skip" or "ThenBy" or "ThenByDescending" } filter })
        {
            filtered = true;
            body = filter.Expression;
            while (body is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner }) body = inner.Expression;
        }
        while (body is CastExpressionSyntax cast) body = cast.Expression;
        var names = new List<string>();
        while (body is MemberAccessExpressionSyntax access)
        {
            names.Insert(0, access.Name.Identifier.ValueText);
            body = access.Expression;
            // o.Customer!.Address: the null-forgiving operator changes nothing at run time.
            while (body is PostfixUnaryExpressionSyntax suppressed && suppressed.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression)) body = suppressed.Operand;
        }
        while (body is ParenthesizedExpressionSyntax { Expression: CastExpressionSyntax { Expression: var castInner } }) body = castInner; // ((Derived)x).Nav
        if (body is not IdentifierNameSyntax root || root.Identifier.ValueText != lambda.Parameter.Identifier.ValueText || names.Count == 0) return null;
        return string.Join(".", names) + (filtered ? " (filtered)" : "") + (loadFunc ? " (with a load function)" : "");
    }
}

internal sealed record QueryShapeResult(QueryShapeSpec? Shape, string? Error);
