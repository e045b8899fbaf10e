namespace DataDocGen.Generator.Model;

/// <summary>A query-shaping call: eager loading with its path, tracking mode, split or single query, compiled query.</summary>
/// <param name="Kind">"Eager loading", "No tracking", "No tracking with identity resolution", "Tracking", "Split query",
/// "Single query" or "Compiled query".</param>
/// <param name="Entity">The entity type queried (the element type of the query), when known.</param>
/// <param name="Detail">The include path (<c>Lines.Product</c>) or the call; null when the kind says it all.</param>
/// <param name="Condition">The <c>if</c> the call is made under (<c>specification.AsNoTracking</c>), when it is one.</param>
/// <param name="Context">For a context-wide tracking default (<c>ChangeTracker.QueryTrackingBehavior</c>,
/// <c>UseQueryTrackingBehavior</c>): the context it applies to, by full name, when known.</param>
internal sealed record QueryShapeSpec(string Kind, string? Entity, string? Detail, string Member, SourceLocation? Location, string? Condition = null, string? Context = null);
