using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// Code that replays rows (outline 5.1, hand-written event stores): a query ordered by some keys whose rows a loop or
/// <c>Aggregate</c> folds into state. The parser does not know which tables are event tables (that is decided on the
/// built model, by column names): <see cref="Report.EventReplays"/> keeps a spec only when its query reads such a table
/// and its order is the table's version column (or stream, then version).
/// </summary>
/// <param name="Entity">The entity (full name) of the <c>DbSet&lt;T&gt;</c> the query starts at; null for SQL text.</param>
/// <param name="Table">The one table named by the query's constant SQL (as written, brackets and quotes removed); null for LINQ.</param>
/// <param name="OrderKeys">The ordering keys, in order: property names (LINQ) or column names (SQL); a descending key ends
/// with <c> desc</c>, a key that is not a plain member or column is <c>?</c>.</param>
/// <param name="KeysAreColumns">True when the keys come from SQL text (column names), false for LINQ (property names).</param>
/// <param name="FilteredBy">The members (LINQ <c>Where</c>) or columns (SQL <c>WHERE</c>) the query compares, sorted.</param>
/// <param name="Api">How the rows are read, e.g. <c>EF Core OrderBy</c>, <c>Dapper QueryAsync</c>.</param>
/// <param name="Folds">What folds the rows into state, in source order.</param>
/// <param name="Location">The ordering (LINQ <c>OrderBy</c>) or the SQL call.</param>
internal sealed record EventReplaySpec(
    string? Entity,
    string? Table,
    EquatableArray<string> OrderKeys,
    bool KeysAreColumns,
    EquatableArray<string> FilteredBy,
    string Api,
    EquatableArray<ReplayFold> Folds,
    string Member,
    SourceLocation? Location);

/// <summary>One piece of code that folds a replayed row into state.</summary>
/// <param name="Kind">What the code does with each row (<see cref="ReplayFoldKind"/>).</param>
/// <param name="Name">The method called (<c>Apply</c>), the state assigned, or the member switched on; null for <c>Aggregate</c>.</param>
internal sealed record ReplayFold(ReplayFoldKind Kind, string? Name, SourceLocation? Location);

internal enum ReplayFoldKind
{
    /// <summary>A call of an <c>Apply*</c>/<c>When</c>/<c>Evolve</c>/<c>Mutate</c>/<c>Fold</c> method declared in the project, given the row.</summary>
    ApplyCall,
    /// <summary><c>state = F(state, row)</c> or <c>state = state.F(row)</c>: the state is rebuilt from itself and the row.</summary>
    StateReassigned,
    /// <summary>A switch on a member of the row (<c>Name</c>) whose arms change state declared outside the loop.</summary>
    SwitchOnMember,
    /// <summary>A switch on the row's type (type patterns) whose arms change state declared outside the loop.</summary>
    SwitchOnType,
    /// <summary><c>System.Linq.Enumerable.Aggregate</c> over the rows.</summary>
    Aggregate,
}

internal sealed record EventReplayResult(EventReplaySpec? Spec, string? Error);
