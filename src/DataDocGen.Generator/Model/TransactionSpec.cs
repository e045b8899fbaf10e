namespace DataDocGen.Generator.Model;

/// <summary>An explicit transaction boundary or execution strategy in the code.</summary>
/// <param name="Kind">EF Core transaction, ADO.NET transaction, linq2db transaction, TransactionScope, EF Core execution strategy, or Marten unit of work.</param>
/// <param name="Detail">The call with its arguments as safe code (isolation level, scope options, timeout...).</param>
/// <param name="Operations">What runs inside it, in source order: SQL sites, EF Core writes and SaveChanges, repository
/// calls, and Commit/Rollback/Complete (see <c>TransactionBodyReader</c>).</param>
/// <param name="ExtentUnknown">The boundary does not end in the code that begins it (the transaction is kept in a field
/// or returned; the strategy's <c>Execute*</c> call is not beside it), so what runs inside is not read: the report says
/// so rather than show an empty list.</param>
/// <param name="DataSources">For an ambient transaction (TransactionScope, CommittableTransaction): the EF Core contexts and
/// ADO.NET connections its own body uses, each of which enlists (see <c>AmbientDataSources</c>).</param>
/// <param name="JoinedParameter">For a join of the transaction the method's caller passes in (<c>UseTransaction(transaction)</c>,
/// <c>UseTransaction(transaction.GetDbTransaction())</c> on a parameter never assigned), the parameter's name; its
/// <paramref name="Operations"/> are then those made through the joining context after the join (<c>CallerTransactionJoin</c>).</param>
internal sealed record TransactionSpec(string Kind, string Detail, string Member, string? Condition, SourceLocation? Location,
    DataDocGen.Generator.Helpers.EquatableArray<string> Operations = default,
    DataDocGen.Generator.Helpers.EquatableArray<AmbientDataSourceSpec> DataSources = default, bool ExtentUnknown = false,
    string? JoinedParameter = null);

/// <summary>A data source an ambient transaction's body uses: an EF Core context (by type) or an ADO.NET connection or
/// data source (by the field, parameter or local that holds it).</summary>
/// <param name="TypeName">The context's or connection's type name.</param>
/// <param name="ContextFullName">The context's full name; null for a connection.</param>
/// <param name="Holder">The name holding a connection; null for a context.</param>
internal sealed record AmbientDataSourceSpec(string TypeName, string? ContextFullName, string? Holder)
{
    /// <summary>As the report writes it: <c>`ShopContext` (EF Core)</c>, <c>`connection` (SqlConnection)</c>.</summary>
    public string Text => Holder is null ? "`" + TypeName + "` (EF Core)" : "`" + Holder + "` (" + TypeName + ")";
}
