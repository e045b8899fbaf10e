using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

internal enum SqlParameterization
{
    /// <summary>Constant SQL text (values, if any, passed as parameters).</summary>
    Constant,
    /// <summary>An interpolated string given to an API that turns the holes into parameters (FromSql, SqlQuery, ExecuteSql).</summary>
    InterpolatedParameters,
    /// <summary>Text built by interpolation or concatenation and given to a raw API: values become part of the SQL.</summary>
    BuiltIntoRawSql,
    /// <summary>Text from a variable, parameter or call DataDocGen does not follow.</summary>
    Unknown,
    /// <summary>A stored procedure call (<c>CommandType.StoredProcedure</c>): the text is the procedure's name and values go
    /// as the call's parameters (<see cref="RawSqlSpec.Procedure"/>).</summary>
    StoredProcedure,
    /// <summary>The command type is not a constant DataDocGen reads (a variable, a conditional assignment): whether the text
    /// is SQL or a procedure's name is not known, so nothing is said of its statement, tables or parameters.</summary>
    CommandTypeNotRead,
    /// <summary>SqlClient's <c>SqlBulkCopy.WriteToServer[Async]</c>: rows streamed into the destination table, no SQL text.</summary>
    BulkCopy,
    /// <summary>Text built by interpolation, concatenation or a choice (<c>?:</c>, <c>switch</c>) whose every piece is a
    /// constant string the code picks (a literal, a const, or a local given only such values): SQL text chosen by the
    /// code, not values written into it. <see cref="RawSqlSpec.Placeholders"/> are those of any text it can be.</summary>
    ConstantFragments,
}

/// <summary>A place that sends SQL text to the database: EF Core raw SQL APIs, Dapper, or ADO.NET command text.</summary>
/// <param name="Api">The library and method, e.g. <c>EF Core FromSqlRaw</c>, <c>Dapper QueryAsync</c>, <c>ADO.NET CommandText</c>.</param>
/// <param name="Statement">The SQL statement kind (SELECT, INSERT, UPDATE, DELETE, MERGE, EXEC...) when the text is known;
/// <see cref="StoredProcedureStatement"/> for a stored procedure call; <see cref="BulkCopyStatement"/> for a bulk copy.</param>
/// <param name="Tables">Tables named in constant SQL text (FROM, JOIN, INTO, UPDATE), as written; for SQL composed from
/// constant fragments, those of every text they can make.</param>
/// <param name="Member">The containing type and method, e.g. <c>OrderRepository.FindAsync</c>.</param>
/// <param name="Placeholders">The parameter placeholders of constant SQL text (<c>@sku</c>, <c>:id</c>, <c>$1</c>, <c>{0}</c>), in order; empty when none or the text is not constant.
/// For <see cref="SqlParameterization.ConstantFragments"/>, those of every text the fragments can make (empty when they are not enumerated).</param>
/// <param name="Procedure">For a stored procedure call: its name and parameters; null otherwise.</param>
/// <param name="Operations">What the text does to each table it names, statement by statement
/// (<see cref="Parsing.RawSqlStatements"/>): the CRUD matrix's rows. For SQL composed from constant fragments, those of
/// every text they can make.</param>
internal sealed record RawSqlSpec(
    string Api,
    string? Statement,
    EquatableArray<string> Tables,
    SqlParameterization Parameterization,
    string Member,
    SourceLocation? Location,
    EquatableArray<string> Placeholders = default,
    ProcedureCall? Procedure = null,
    EquatableArray<SqlTableOperation> Operations = default)
{
    /// <summary>The <see cref="Statement"/> of a stored procedure call (no table is inferred from a procedure's name).</summary>
    public const string StoredProcedureStatement = "stored procedure";

    /// <summary>The statement column of a <c>SqlBulkCopy</c> write: rows inserted into <see cref="Tables"/>' one table.</summary>
    public const string BulkCopyStatement = "bulk copy";
}

/// <summary>What one statement of SQL text does to a table it names.</summary>
/// <param name="Table">The table as written (one of <see cref="RawSqlSpec.Tables"/>).</param>
/// <param name="Statement">The statement that does it, as the CRUD row names it: its verb (<c>SELECT</c>, <c>DELETE</c>,
/// <c>bulk copy</c>), or an upsert's form (<c>INSERT ... ON CONFLICT DO UPDATE</c>), one of <see cref="Upserts"/>.</param>
internal sealed record SqlTableOperation(string Table, CrudOperation Operation, string Statement)
{
    public const string OnConflictUpdate = "INSERT ... ON CONFLICT DO UPDATE";
    public const string OnDuplicateKeyUpdate = "INSERT ... ON DUPLICATE KEY UPDATE";
    public const string InsertOrReplace = "INSERT OR REPLACE";
    public const string Replace = "REPLACE";

    /// <summary>The statements listed as a create and an update of their table.</summary>
    public static readonly string[] Upserts = { OnConflictUpdate, OnDuplicateKeyUpdate, InsertOrReplace, Replace };
}
