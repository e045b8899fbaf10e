using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

internal enum CrudOperation { Create, Read, Update, Delete }

/// <summary>What a CRUD row is about: an entity type, a generic repository's type parameter, or a table named in SQL
/// that no entity of this project maps to.</summary>
internal enum CrudTarget { Entity, TypeParameter, Table }

/// <summary>A place that creates, reads, updates or deletes an entity through EF Core or SQL, or a document through a
/// document store (MongoDB, LiteDB, Marten).</summary>
/// <param name="Entity">The entity type's full name; for a generic repository's <c>Set&lt;T&gt;()</c>, the type
/// parameter as <c>T of Repository&lt;T&gt;</c>; for SQL text, the table name when no entity maps to it.</param>
/// <param name="Api">The EF Core or document-store call that decides the operation, e.g. <c>AddAsync</c>, <c>ExecuteDeleteAsync</c>, <c>ToListAsync</c>.</param>
/// <param name="Bulk">A set-based or multi-entity operation: <c>ExecuteUpdate/Delete</c>, <c>AddRange</c>, <c>RemoveRange</c>, <c>UpdateRange</c>;
/// for document stores <c>InsertMany</c>, <c>DeleteMany</c>, <c>BulkWrite</c>, a Marten <c>Store</c> of several documents.</param>
/// <param name="Store">The document store (MongoDB, LiteDB, Marten) for a document's row; null for EF Core and SQL.</param>
/// <param name="SoftDelete">For a tracked delete (<c>Remove</c>, <c>RemoveRange</c>): the save hook that turns it into an update.</param>
/// <param name="Through">For a call to a generic repository with a concrete entity (<see cref="GenericRepositoryCallSpec"/>): the
/// repository method (<c>Repository.Add</c>) whose own body makes the type parameter's row this one repeats for the entity,
/// at the call site; null otherwise.</param>
/// <param name="UntrackedUnder">For a tracked update through a property set on an entity a plain query loaded: the context
/// class the query runs on. The report drops the row when that context's options turn tracking off
/// (<c>UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)</c>): the entity is then not tracked, and nothing is written.</param>
internal sealed record CrudSpec(
    string Entity,
    CrudTarget Target,
    CrudOperation Operation,
    string Api,
    bool Bulk,
    string Member,
    SourceLocation? Location,
    string? Store = null,
    SoftDeleteSpec? SoftDelete = null,
    string? Through = null,
    string? UntrackedUnder = null);

/// <summary>A save hook that sets a deleted entry's state to <c>Modified</c> or <c>Unchanged</c>, so that EF Core saves a
/// tracked delete as an update (a soft delete).</summary>
/// <param name="HookType">The hook's class (full name): a SaveChanges interceptor or the context overriding SaveChanges.</param>
/// <param name="Entries">The entry types the hook turns deletes of into updates (<see cref="SaveHookSpec.SoftDeleteEntries"/>); empty when not known.</param>
/// <param name="Certain">The entity is one of <see cref="Entries"/> (or derives from or implements one) and the hook is the
/// context's own override or an interceptor the context's options add; otherwise the hook may apply (its condition, or a
/// registration not read, decides).</param>
/// <param name="On">The save calls on which the hook saves the delete as an update (<see cref="SaveHookSpec.SoftDeleteOn"/>):
/// with one of the two, the other deletes the row.</param>
internal sealed record SoftDeleteSpec(string HookType, EquatableArray<string> Entries, bool Certain, SourceLocation? Location, EquatableArray<string> On = default);
