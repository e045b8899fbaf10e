using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// A command timeout set in code (section 1.1): ADO.NET <c>CommandTimeout</c> on a command, Dapper's
/// <c>commandTimeout</c> argument (of a query or execute call, or of a <c>CommandDefinition</c>), or EF Core's
/// <c>Database.SetCommandTimeout</c>. Each is confirmed by its symbol, never by its name.
/// </summary>
/// <param name="Api">How it is set: <c>ADO.NET CommandTimeout</c>, <c>Dapper ExecuteAsync</c>, <c>Dapper CommandDefinition</c>,
/// <c>EF Core Database.SetCommandTimeout</c>.</param>
/// <param name="Store">The database product when the code shows it (the command's or connection's provider type): SQL
/// Server, PostgreSQL, SQLite, MySQL, Oracle; null when not known here.</param>
/// <param name="Client">The command, connection or context type the timeout is set on, as declared (<c>NpgsqlCommand</c>,
/// <c>SqlConnection</c>, <c>Shop.Data.ShopContext</c>), or the abstraction (<c>DbCommand</c>, <c>IDbConnection</c>).</param>
/// <param name="Scope">What the timeout applies to: <c>command</c> (this command), <c>call</c> (the command of this call),
/// <c>definition</c> (commands run with this definition), <c>context</c> (the commands this context instance runs from then on).</param>
/// <param name="Value">The timeout, from constants: <c>10 seconds</c>, <c>2 minutes</c>, <c>0 (no limit)</c>; null when set at run time.</param>
/// <param name="Code">When <see cref="Value"/> is null: the code of the value if it holds no string literal.</param>
/// <param name="OpenedBy">The connection's creation when followed from the command or the Dapper receiver (<c>new NpgsqlConnection</c>).</param>
/// <param name="Connection">That connection's connection string sources (literals redacted).</param>
/// <param name="Condition">The condition around the setting (<see cref="Parsing.CodeText.EnclosingCondition"/>): an
/// <c>if</c>, a <c>switch</c> case, an early exit before it (<c>if (_created) return;</c> in a context's constructor); null
/// when it is set whenever its member runs.</param>
internal sealed record CommandTimeoutSpec(
    string Api,
    string? Store,
    string Client,
    string Scope,
    string? Value,
    string? Code,
    string? OpenedBy,
    EquatableArray<ConnectionSourceSpec> Connection,
    string Member,
    SourceLocation? Location,
    string? Condition = null);
