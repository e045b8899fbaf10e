using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A table as the migrations' model snapshot records it: qualified name and column names.</summary>
internal sealed record SnapshotTableSpec(string Name, string? Schema, EquatableArray<string> Columns)
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
