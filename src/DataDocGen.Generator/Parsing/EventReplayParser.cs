using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The replay code of hand-written event stores (outline 5.1): a <c>foreach</c> over, or an <c>Aggregate</c> of, the
/// rows of one query, when the query is ordered (LINQ <c>OrderBy</c>/<c>ThenBy</c> over a <c>DbSet&lt;T&gt;</c>, or the
/// <c>ORDER BY</c> of constant SQL given to Dapper or EF Core) and the loop folds each row into state: it calls an
/// <c>Apply</c>-like method of the project with the row, rebuilds a state variable from itself and the row, or switches on
/// the row (a member or its type) with arms that change state declared outside the loop. Whether the query reads an
/// event table, and whether its order is the table's version, is decided on the built model
/// (<see cref="Report.EventReplays"/>); this parser only records what the code does.
/// Everything is syntax until a loop has both an ordered (or SQL) source in the same method and a fold; only then is the
/// semantic model asked (the DbSet's entity, <c>System.Linq</c>'s operators, Dapper's or EF Core's SQL API, the applied
/// method declared in source). The rows must come from a local of the same method (assigned once) or the loop's own
/// expression: rows handed in by a caller are not followed.
/// </summary>
internal static class EventReplayParser
{
    /// <summary>Methods an aggregate applies an event with, by the common conventions (Apply, ApplyEvent, When, Evolve...).</summary>
    private static bool IsApplyName(string name) =>
        name.StartsWith("Apply", System.StringComparison.Ordinal) || name is "When" or "Evolve" or "Mutate" or "Fold";

    /// <summary>Query operators that keep the rows and their order (or only filter, page, shape or materialise them).</summary>
    private static readonly HashSet<string> Kept = new(System.StringComparer.Ordinal)
    {
        "Where", "Select", "Take", "Skip", "TakeWhile", "SkipWhile", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking",
        "Include", "ThenInclude", "IgnoreQueryFilters", "AsSplitQuery", "AsSingleQuery", "TagWith", "AsQueryable", "AsEnumerable",
        "AsAsyncEnumerable", "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "AsList", "Cast", "OfType",
    };

    private static readonly HashSet<string> Orderings = new(System.StringComparer.Ordinal) { "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending" };

    private static readonly HashSet<string> EfSql = new(System.StringComparer.Ordinal) { "FromSql", "FromSqlRaw", "FromSqlInterpolated" };

    /// <summary>Calls whose SQL text returns rows: Dapper's queries and EF Core's <c>Database.SqlQuery*</c>.</summary>
    private static readonly HashSet<string> SqlReads = new(System.StringComparer.Ordinal)
    {
        "Query", "QueryAsync", "QueryUnbufferedAsync", "SqlQuery", "SqlQueryRaw",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ForEachStatementSyntax => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Aggregate" } } => true,
        _ => false,
    };

    public static EventReplayResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = context.Node switch
            {
                ForEachStatementSyntax loop => FromLoop(loop, context.SemanticModel, cancellationToken),
                InvocationExpressionSyntax aggregate => FromAggregate(aggregate, context.SemanticModel, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new EventReplayResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new EventReplayResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static EventReplaySpec? FromLoop(ForEachStatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var folds = LoopFolds(loop);
        if (folds.Count == 0) return null;
        if (Chain.Read(loop.Expression, loop) is not { } chain || !chain.MayBeOrderedRows) return null;
        // Semantic work from here on: a candidate with a fold and an ordered (or SQL) source.
        var confirmed = folds.Where(f => f.Kind != ReplayFoldKind.ApplyCall
                                         || (f.Site is InvocationExpressionSyntax call ? Semantics.Method(call, model, cancellationToken) : model.GetSymbolInfo(f.Site, cancellationToken).Symbol) is IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false })
            .Select(f => new ReplayFold(f.Kind, f.Name, SourceLocation.From(f.Site))).ToList();
        if (confirmed.Count == 0) return null;
        return Query(chain, confirmed, loop, model, cancellationToken);
    }

    private static EventReplaySpec? FromAggregate(InvocationExpressionSyntax aggregate, SemanticModel model, CancellationToken cancellationToken)
    {
        var receiver = ((MemberAccessExpressionSyntax)aggregate.Expression).Expression;
        if (Chain.Read(receiver, aggregate) is not { } chain || !chain.MayBeOrderedRows) return null;
        if (Semantics.Method(aggregate, model, cancellationToken) is not { } method
            || !(method.ReducedFrom ?? method).ContainingType.Is("System.Linq", "Enumerable")) return null;
        var fold = new ReplayFold(ReplayFoldKind.Aggregate, null, SourceLocation.From(((MemberAccessExpressionSyntax)aggregate.Expression).Name));
        return Query(chain, new List<ReplayFold> { fold }, aggregate, model, cancellationToken);
    }

    /// <summary>The query the rows come from: a DbSet's LINQ chain (its entity, ordering keys and filters) or constant SQL
    /// text (its one table, ORDER BY columns and WHERE columns). Null when neither is confirmed or the order cannot be read.</summary>
    private static EventReplaySpec? Query(Chain chain, List<ReplayFold> folds, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var member = CodeText.MemberName(site, model, cancellationToken);
        var foldArray = folds.ToEquatableArray();
        // LINQ over a DbSet: the root (db.Events), or Set<T>() as the first call.
        var steps = chain.Calls;
        var entity = Semantics.TypeOf(chain.Root, model, cancellationToken).DbSetEntity();
        if (entity is null && steps.Count > 0 && steps[0].Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } })
        {
            entity = Semantics.TypeOf(steps[0], model, cancellationToken).DbSetEntity();
            steps = steps.Skip(1).ToList();
        }
        if (entity is not null) return Linq(entity, steps, foldArray, member, model, cancellationToken);

        // SQL text: the first call sends it (connection.QueryAsync<T>(sql), db.Database.SqlQuery<T>(sql)).
        if (steps.Count == 0 || SyntaxFacts.CalledName(steps[0]) is not { } name || !SqlReads.Contains(name)) return null;
        if (RawSqlParser.Parse(steps[0], model, cancellationToken)?.Spec is not { Statement: "SELECT", Tables.Count: 1 } raw) return null;
        // Rows ordered again, or regrouped, in memory: the SQL's order is not the loop's.
        if (steps.Skip(1).Any(s => SyntaxFacts.CalledName(s) is not { } next || !Kept.Contains(next))) return null;
        if (RawSqlParser.ConstantText(steps[0], model, cancellationToken) is not { } sql || SqlOrder(sql) is not { } keys) return null;
        return new EventReplaySpec(null, Unquote(raw.Tables[0]), keys, true, SqlFilters(sql), raw.Api, foldArray, member, raw.Location);
    }

    private static EventReplaySpec? Linq(ITypeSymbol entity, List<InvocationExpressionSyntax> steps, EquatableArray<ReplayFold> folds, string member,
        SemanticModel model, CancellationToken cancellationToken)
    {
        List<string>? keys = null;
        SourceLocation? orderedAt = null;
        var filters = new SortedSet<string>(System.StringComparer.Ordinal);
        var projected = false;
        string? fromSql = null;
        foreach (var step in steps)
        {
            var name = SyntaxFacts.CalledName(step);
            if (name is null) return null;
            if (Orderings.Contains(name))
            {
                // Ordering a projection: its keys are not the table's columns.
                if (projected || Semantics.Method(step, model, cancellationToken) is not { } method
                    || !(method.ReducedFrom ?? method).ContainingType.IsInNamespace("System.Linq")) return null;
                var key = OrderKey(step) + (name.EndsWith("Descending", System.StringComparison.Ordinal) ? " desc" : "");
                if (name.StartsWith("OrderBy", System.StringComparison.Ordinal))
                {
                    keys = new List<string> { key };
                    orderedAt = SourceLocation.From(((MemberAccessExpressionSyntax)step.Expression).Name);
                }
                else if (keys is null) return null;
                else keys.Add(key);
            }
            else if (name == "Where")
            {
                if (!projected) foreach (var compared in ComparedMembers(step)) filters.Add(compared);
            }
            else if (name == "Select") projected = true;
            else if (EfSql.Contains(name)) fromSql = RawSqlParser.ConstantText(step, model, cancellationToken) ?? "";
            else if (!Kept.Contains(name)) return null;
        }
        if (keys is not null)
        {
            return new EventReplaySpec(entity.ClrFullName(), null, keys.ToEquatableArray(), false, filters.ToEquatableArray(), "EF Core LINQ", folds, member, orderedAt);
        }
        // FromSql with an ORDER BY and no LINQ ordering after it: the SQL's order (column names).
        if (fromSql is not null && SqlOrder(fromSql) is { } sqlKeys)
        {
            var site = steps.First(s => SyntaxFacts.CalledName(s) is { } n && EfSql.Contains(n));
            return new EventReplaySpec(entity.ClrFullName(), null, sqlKeys, true, SqlFilters(fromSql), "EF Core " + SyntaxFacts.CalledName(site), folds, member,
                SourceLocation.From(site));
        }
        return null;
    }

    /// <summary>The member an ordering lambda selects (<c>e =&gt; e.Version</c>), else <c>?</c>.</summary>
    private static string OrderKey(InvocationExpressionSyntax step) =>
        step.ArgumentList.Arguments.Count == 1 && step.ArgumentList.Arguments[0].Expression is LambdaExpressionSyntax lambda
        && SyntaxFacts.SingleParameter(lambda) is { } parameter
        && lambda.Body is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax selected }
        && owner.Identifier.ValueText == parameter
            ? selected.Identifier.ValueText
            : "?";

    /// <summary>The members of a <c>Where</c> lambda's parameter that the filter reads (<c>e.StreamId == id</c>: StreamId).</summary>
    private static IEnumerable<string> ComparedMembers(InvocationExpressionSyntax where)
    {
        if (where.ArgumentList.Arguments.Count != 1 || where.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax lambda
            || SyntaxFacts.SingleParameter(lambda) is not { } parameter) yield break;
        foreach (var access in lambda.Body.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>())
        {
            if (access.Expression is IdentifierNameSyntax owner && owner.Identifier.ValueText == parameter) yield return access.Name.Identifier.ValueText;
        }
    }

    private static readonly Regex OrderBy = new(@"\bORDER\s+BY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex OrderEnd = new(@"\b(?:LIMIT|OFFSET|FETCH|FOR|OPTION)\b|;|\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex OrderItem = new(
        @"^\s*(?:(?:\[[^\]]+\]|""[^""]+""|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)\.)?(\[[^\]]+\]|""[^""]+""|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)(?:\s+(ASC|DESC))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The columns of the statement's one ORDER BY (an alias prefix dropped; a descending column ends with
    /// <c> desc</c>; an expression is <c>?</c>). Null with no ORDER BY, or more than one (a subquery's order says nothing).</summary>
    internal static EquatableArray<string>? SqlOrder(string sql)
    {
        var text = SqlFactsReader.Blank(sql);
        var found = OrderBy.Matches(text);
        if (found.Count != 1) return null;
        var rest = text.Substring(found[0].Index + found[0].Length);
        var end = OrderEnd.Match(rest);
        if (end.Success) rest = rest.Substring(0, end.Index);
        var keys = rest.Split(',').Select(item => OrderItem.Match(item) is { Success: true } m
            ? Unquote(m.Groups[1].Value) + (m.Groups[2].Value.Equals("DESC", System.StringComparison.OrdinalIgnoreCase) ? " desc" : "")
            : "?").ToEquatableArray();
        return keys;
    }

    private static readonly Regex Where = new(@"\bWHERE\b(.*?)(?:\bORDER\s+BY\b|\bGROUP\s+BY\b|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Compared = new(@"(?:(?:\[[^\]]+\]|""[^""]+""|[A-Za-z_][A-Za-z0-9_]*)\.)?(\[[^\]]+\]|""[^""]+""|[A-Za-z_][A-Za-z0-9_]*)\s*(?:=|>=|<=|>|<)", RegexOptions.CultureInvariant);

    /// <summary>The columns a WHERE clause compares (<c>stream_id = @id</c>).</summary>
    private static EquatableArray<string> SqlFilters(string sql)
    {
        var where = Where.Match(SqlFactsReader.Blank(sql));
        if (!where.Success) return EquatableArray<string>.Empty;
        return Compared.Matches(where.Groups[1].Value).Cast<Match>().Select(m => Unquote(m.Groups[1].Value))
            .Distinct(System.StringComparer.Ordinal).OrderBy(c => c, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private static string Unquote(string name) => string.Join(".", name.Split('.').Select(p => p.Trim('[', ']', '"', '`')));

    private sealed record Fold(ReplayFoldKind Kind, string? Name, SyntaxNode Site);

    /// <summary>What in the loop's body folds the row (syntax only; nested lambdas and local functions are not the loop's).</summary>
    private static List<Fold> LoopFolds(ForEachStatementSyntax loop)
    {
        var row = loop.Identifier.ValueText;
        var nodes = loop.Statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).ToList();
        // Names declared in the loop are per-row scratch, not state; the row itself neither.
        var inside = new HashSet<string>(System.StringComparer.Ordinal) { row };
        foreach (var node in nodes)
        {
            if (node is VariableDeclaratorSyntax declarator) inside.Add(declarator.Identifier.ValueText);
            else if (node is SingleVariableDesignationSyntax designation) inside.Add(designation.Identifier.ValueText);
        }
        bool Mentions(SyntaxNode node, string name) => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);
        bool ChangesState(SyntaxNode node) => node.DescendantNodesAndSelf().Any(n => n switch
        {
            AssignmentExpressionSyntax assignment => StateName(assignment.Left, inside) is not null,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } unary => StateName(unary.Operand, inside) is not null,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } unary => StateName(unary.Operand, inside) is not null,
            _ => false,
        });

        var folds = new List<Fold>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case InvocationExpressionSyntax call when CalledName(call) is { } name && IsApplyName(name) && Mentions(call.ArgumentList, row):
                    folds.Add(new Fold(ReplayFoldKind.ApplyCall, name, call));
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    when StateName(assignment.Left, inside) is { } state && Unwrap(assignment.Right) is InvocationExpressionSyntax rebuilt
                         && Mentions(rebuilt, row) && Mentions(rebuilt, state):
                    folds.Add(new Fold(ReplayFoldKind.StateReassigned, state, assignment));
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    when StateName(assignment.Left, inside) is not null && Unwrap(assignment.Right) is SwitchExpressionSyntax switched
                         && SwitchedOn(switched.GoverningExpression, row, switched.Arms.Select(a => a.Pattern)) is { } on:
                    folds.Add(new Fold(on.Kind, on.Name, switched));
                    break;
                case SwitchStatementSyntax statement
                    when SwitchedOn(statement.Expression, row, statement.Sections.SelectMany(s => s.Labels).OfType<CasePatternSwitchLabelSyntax>().Select(l => l.Pattern)) is { } on
                         && statement.Sections.Any(s => s.Statements.Any(ChangesState)):
                    folds.Add(new Fold(on.Kind, on.Name, statement));
                    break;
            }
        }
        return folds;
    }

    /// <summary>A switch on the row: on one of its members (<c>row.EventType</c>), or on the row itself with type patterns.</summary>
    private static (ReplayFoldKind Kind, string? Name)? SwitchedOn(ExpressionSyntax governing, string row, IEnumerable<PatternSyntax> patterns)
    {
        if (governing is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax member } && owner.Identifier.ValueText == row)
        {
            return (ReplayFoldKind.SwitchOnMember, member.Identifier.ValueText);
        }
        if (governing is IdentifierNameSyntax self && self.Identifier.ValueText == row
            && patterns.Any(p => p is DeclarationPatternSyntax or TypePatternSyntax or RecursivePatternSyntax { Type: not null }))
        {
            return (ReplayFoldKind.SwitchOnType, null);
        }
        return null;
    }

    /// <summary>The state an assignment target belongs to, when it is declared outside the loop: <c>balance</c>,
    /// <c>this.Balance</c>, <c>card.Balance</c> (card); null for the row, its members, and names declared in the loop.</summary>
    private static string? StateName(ExpressionSyntax target, HashSet<string> inside)
    {
        var current = target;
        while (true)
        {
            switch (current)
            {
                case IdentifierNameSyntax identifier:
                    return inside.Contains(identifier.Identifier.ValueText) ? null : identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                    return access.Name.Identifier.ValueText;
                case MemberAccessExpressionSyntax access:
                    current = access.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    current = element.Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    private static string? CalledName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Parentheses, <c>await</c> and <c>.ConfigureAwait(...)</c> removed.</summary>
    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case AwaitExpressionSyntax awaited: expression = awaited.Expression; break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access }:
                    expression = access.Expression; break;
                default: return expression;
            }
        }
    }

    /// <summary>The calls that produce the rows, innermost first, and the expression they start from; a local of the
    /// same member, declared once before the site and never assigned again, is replaced by its initializer.</summary>
    private sealed class Chain(List<InvocationExpressionSyntax> calls, ExpressionSyntax root)
    {
        public List<InvocationExpressionSyntax> Calls { get; } = calls;
        public ExpressionSyntax Root { get; } = root;

        /// <summary>Syntax only: some call orders the rows or sends SQL, so the semantic model is worth asking.</summary>
        public bool MayBeOrderedRows => Calls.Any(c => SyntaxFacts.CalledName(c) is { } name && (Orderings.Contains(name) || SqlReads.Contains(name) || EfSql.Contains(name)));

        public static Chain? Read(ExpressionSyntax expression, SyntaxNode site)
        {
            var calls = new List<InvocationExpressionSyntax>();
            var current = Unwrap(expression);
            for (var locals = 0; ;)
            {
                if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
                {
                    calls.Insert(0, call);
                    current = Unwrap(access.Expression);
                }
                else if (current is IdentifierNameSyntax local && locals++ < 3 && Initializer(local.Identifier.ValueText, site) is { } initializer)
                {
                    current = Unwrap(initializer);
                }
                else break;
            }
            return calls.Count == 0 ? null : new Chain(calls, current);
        }

        /// <summary>The initializer of the one declaration of <paramref name="name"/> in the site's member, before the site,
        /// when nothing in the member assigns it again (or passes it by reference).</summary>
        private static ExpressionSyntax? Initializer(string name, SyntaxNode site)
        {
            var scope = site.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
            if (scope is null) return null;
            var declarators = scope.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(d => d.Identifier.ValueText == name).ToList();
            if (declarators.Count != 1 || declarators[0].Initializer is not { } initializer || declarators[0].SpanStart > site.SpanStart) return null;
            var reassigned = scope.DescendantNodes().Any(n => n switch
            {
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left.Identifier.ValueText == name,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } => passed.Identifier.ValueText == name,
                _ => false,
            });
            return reassigned ? null : initializer.Value;
        }
    }
}
