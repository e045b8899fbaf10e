using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A column as the snapshot records it. A fact the snapshot does not state, or that is not read, is null.</summary>
/// <param name="StoreType">The snapshot's <c>HasColumnType("...")</c> (EF writes it for every column of a relational provider).</param>
/// <param name="MaxLength">The snapshot's <c>HasMaxLength(n)</c>.</param>
/// <param name="Nullable">The column's nullability in its table: from <c>Property&lt;T?&gt;</c>, a value type, <c>IsRequired()</c> on a
/// reference type, the key, and TPH (a derived type's column is nullable); null where it is not read (owned types stored in
/// the owner's table, a complex type not marked required, a column or table shared by several entity types, a type not recognised).</param>
internal sealed record SnapshotColumnSpec(string Name, string? StoreType, int? MaxLength, bool? Nullable);

/// <summary>A table as the migrations' model snapshot records it: qualified name, columns and primary key columns
/// (<see cref="KeyKnown"/> false when the key is not read).</summary>
internal sealed record SnapshotTableSpec(string Name, string? Schema, EquatableArray<SnapshotColumnSpec> Columns, EquatableArray<string> KeyColumns = default, bool KeyKnown = false)
{
    public string QualifiedName => Schema is null ? Name : Schema + "." + Name;
}

/// <summary>A <c>*ModelSnapshot</c> class: EF Core's own record of the schema at the last migration.</summary>
/// <param name="ContextFullName">The context named by its <c>[DbContext(typeof(...))]</c> attribute.</param>
/// <param name="NotComparable">Constructs in the snapshot DataDocGen does not read (owned types, TPC...): no comparison then.</param>
internal sealed record MigrationSnapshotSpec(
    string FullName,
    string ContextFullName,
    string? ProductVersion,
    EquatableArray<SnapshotTableSpec> Tables,
    EquatableArray<string> NotComparable,
    SourceLocation? Location);
