using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A query specification (Ardalis.Specification): the entity it queries, what it projects to, and the query it
/// builds (<c>Where</c>, <c>Include</c>, <c>OrderBy</c>, paging, tracking), in order.</summary>
internal sealed record SpecificationSpec(string ClassName, string Entity, string? Result, EquatableArray<string> Query, SourceLocation? Location);
