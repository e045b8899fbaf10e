using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// A query built in code with a query builder (section 1.3), confirmed by symbol (<see cref="Parsing.QueryBuilderParser"/>):
/// LinqKit's <c>PredicateBuilder</c> predicates with the conditions joined to them, <c>AsExpandable()</c> queries and
/// <c>WithExpressionExpanding()</c> contexts.
/// </summary>
/// <param name="Builder">What builds or expands the query: <c>PredicateBuilder.New&lt;Patient&gt;()</c>, <c>AsExpandable()</c>, <c>WithExpressionExpanding()</c>.</param>
/// <param name="Entity">The entity type the predicate or query is over, when known.</param>
/// <param name="Parts">The conditions joined to a predicate, in code order, each with its guard or loop
/// (<c>`Or(p =&gt; p.FullName.Contains(word))`, for each `word` in `words`</c>); for a query, what the expansion does.</param>
/// <param name="AppliedIn">Where a predicate is handed to a query (<c>Where</c> on line 24), when in the same body.</param>
internal sealed record QueryBuilderSpec(
    string Library,
    string Builder,
    string? Entity,
    EquatableArray<string> Parts,
    EquatableArray<string> AppliedIn,
    string Member,
    SourceLocation? Location);

internal sealed record QueryBuilderResult(QueryBuilderSpec? Spec, string? Error);
