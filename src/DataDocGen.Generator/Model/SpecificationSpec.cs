using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A query specification (Ardalis.Specification): the entity it queries, what it projects to, and the query it
/// builds (<c>Where</c>, <c>Include</c>, <c>OrderBy</c>, paging, tracking), in order.</summary>
/// <param name="Alternatives">When several constructors build a query, each one's (<see cref="Query"/> is then empty): one
/// instance runs only its constructor's, so the steps are not one query (the eShopOnWeb audit read a
/// <c>BasketWithItemsSpecification</c> built by id or by buyer as filtering on both).</param>
internal sealed record SpecificationSpec(string ClassName, string Entity, string? Result, EquatableArray<string> Query, SourceLocation? Location,
    EquatableArray<SpecificationQuery> Alternatives = default);

/// <summary>The query one constructor of a specification builds: its parameter list as written, and the steps.</summary>
internal sealed record SpecificationQuery(string Constructor, EquatableArray<string> Query, SourceLocation? Location);
