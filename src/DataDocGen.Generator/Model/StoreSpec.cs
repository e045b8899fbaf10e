using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A data store the code opens without EF Core: an ADO.NET connection or data source, a MongoDB, Redis or
/// LiteDB client. Confirmed by the created type's namespace, never by a name alone.</summary>
/// <param name="Store">The database product: SQL Server, PostgreSQL, SQLite, MySQL, Oracle, MongoDB, Redis, LiteDB.</param>
/// <param name="IsSql">True for relational stores.</param>
/// <param name="Client">The client type and its library, e.g. <c>SqlConnection (Microsoft.Data.SqlClient)</c>.</param>
/// <param name="How">The call that opens it, e.g. <c>new SqlConnection</c>, <c>NpgsqlDataSource.Create</c>.</param>
/// <param name="Connection">Where its connection string comes from (literals redacted when the report is built).</param>
internal sealed record StoreSpec(
    string Store,
    bool IsSql,
    string Client,
    string How,
    EquatableArray<ConnectionSourceSpec> Connection,
    string Member,
    SourceLocation? Location);

/// <summary>What a store holds, as the code names it: a MongoDB database, collection or index, a LiteDB collection,
/// a Redis key.</summary>
/// <param name="Kind">database, collection, index, key.</param>
/// <param name="Name">The name as a constant, or a pattern with {…} for interpolated parts; null when computed.</param>
/// <param name="DocumentType">The document (or entity) type the collection or index is typed with.</param>
/// <param name="Detail">Index keys and options; the Redis data type and operation.</param>
internal sealed record StoreObjectSpec(
    string Store,
    string Kind,
    string? Name,
    string? DocumentType,
    string? Detail,
    string Member,
    SourceLocation? Location);
