namespace DataDocGen.Generator.Model;

/// <summary>An explicit transaction boundary or execution strategy in the code.</summary>
/// <param name="Kind">EF Core transaction, ADO.NET transaction, linq2db transaction, TransactionScope, EF Core execution strategy, or Marten unit of work.</param>
/// <param name="Detail">The call with its arguments as safe code (isolation level, scope options, timeout...).</param>
/// <param name="Operations">What runs inside it, in source order: SQL sites, EF Core writes and SaveChanges, repository
/// calls, and Commit/Rollback/Complete (see <c>TransactionBodyReader</c>).</param>
/// <param name="DataSources">For an ambient transaction (TransactionScope, CommittableTransaction): the EF Core contexts and
/// ADO.NET connections its own body uses, each of which enlists (see <c>AmbientDataSources</c>).</param>
internal sealed record TransactionSpec(string Kind, string Detail, string Member, string? Condition, SourceLocation? Location,
    DataDocGen.Generator.Helpers.EquatableArray<string> Operations = default,
    DataDocGen.Generator.Helpers.EquatableArray<string> DataSources = default);
