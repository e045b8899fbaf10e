using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// An entity class the code uses with linq2db (an <c>ITable&lt;T&gt;</c> property of, or <c>GetTable&lt;T&gt;()</c> on, a linq2db
/// data context) and the table linq2db maps it to, read from linq2db's mapping attributes (<see cref="Parsing.Linq2DbTableParser"/>).
/// </summary>
/// <param name="TableFrom">Where the table name comes from: <c>[Table]</c> with a name, or the class name.</param>
/// <param name="Table">The table name; null (with schema, its source and the columns) when the mapping is not read.</param>
/// <param name="NotRead">Why the table and columns are not shown (a mapping this section does not read); null when they are.</param>
/// <param name="NotReadLocation">The code that configures the mapping in code, when that is why.</param>
internal sealed record Linq2DbTableSpec(
    string Entity,
    string? Table,
    string? Schema,
    string? TableFrom,
    SourceLocation? EntityLocation,
    bool? ColumnAttributeRequired,
    EquatableArray<Linq2DbColumnSpec> Columns,
    string? NotRead,
    EquatableArray<Linq2DbUseSpec> Uses,
    SourceLocation? NotReadLocation = null);

/// <param name="Member">The property or field.</param>
/// <param name="Nullable">linq2db's <c>CanBeNull</c>.</param>
/// <param name="NullableFrom">What decides it: <c>[NotNull]</c>, <c>[Nullable]</c>, <c>CanBeNull</c>, or the CLR type.</param>
/// <param name="KeyOrder">The primary key order given (<c>[PrimaryKey(1)]</c>, <c>PrimaryKeyOrder</c>); null when none is given.</param>
internal sealed record Linq2DbColumnSpec(
    string Member,
    string Name,
    string ClrType,
    bool Nullable,
    string NullableFrom,
    bool PrimaryKey,
    int? KeyOrder,
    bool Identity,
    int? Length,
    int? Precision,
    int? Scale,
    string? DataType,
    string? DbType,
    bool Implicit,
    SourceLocation? Location);

/// <summary>Where the code uses the entity with linq2db: <c>InventoryDb.Counts</c> (an <c>ITable&lt;T&gt;</c> property) or a
/// <c>GetTable&lt;T&gt;()</c> call.</summary>
internal sealed record Linq2DbUseSpec(string What, SourceLocation? Location);

/// <summary>Code that configures linq2db's mapping (a <c>FluentMappingBuilder</c>, a mapping schema handed to the options):
/// for one entity, or for any when <paramref name="Entity"/> is null.</summary>
internal sealed record Linq2DbMappingCodeSpec(string? Entity, string What, SourceLocation? Location);

internal sealed record Linq2DbTableResult(Linq2DbTableSpec? Table, Linq2DbMappingCodeSpec? MappingCode, string? Error);
