using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>An event-sourcing fact (outline 5.1): an event stream started or appended to with its event types, a
/// projection or snapshot and its lifecycle, a stream aggregated on read, a projection rebuild.</summary>
/// <param name="Store">The event store library, e.g. Marten.</param>
/// <param name="Kind">stream started, events appended, projection, snapshot, live aggregation, projection rebuild.</param>
/// <param name="Subject">The aggregate, projection or snapshot type.</param>
/// <param name="Events">Event types written (full names), when the call shows them.</param>
/// <param name="Detail">The lifecycle (Inline, Async, Live) or other options.</param>
internal sealed record EventSourcingSpec(string Store, string Kind, string? Subject, EquatableArray<string> Events, string? Detail, string Member, SourceLocation? Location);
