using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

// The resolved, render-ready model: what the report says, with its evidence. Built from the parsed specs by
// DataLayerReportBuilder; read by the markdown and JSON emitters. Value equality keeps the render step cached.

internal sealed record DataLayerReport(string ProjectName, EquatableArray<ContextReport> Contexts);

/// <param name="Provider">The single provider DATA_LAYER.json names; null when none or several are configured.</param>
/// <param name="TablesUnknownBecause">Set when table names cannot be stated (the reasons, with their evidence).</param>
internal sealed record ContextReport(
    string Name,
    string FullName,
    SourceLocation? Location,
    string? AssemblyName,
    string? Provider,
    EquatableArray<ProviderReport> Providers,
    EquatableArray<RegistrationSpec> Registrations,
    EquatableArray<OptionCallSpec> ConfiguredOptions,
    EquatableArray<EntityReport> Entities,
    EquatableArray<TableReport> Tables,
    EquatableArray<TableReport> Views,
    EquatableArray<UnresolvedConfigurationSpec> TablesUnknownBecause,
    bool IsRelational);

/// <summary>A provider call and where it sits: in <c>OnConfiguring</c>, or in a registration (named by <see cref="Origin"/>).</summary>
internal sealed record ProviderReport(ProviderUseSpec Use, string Origin, EquatableArray<ConnectionValueReport> Values);

/// <summary>A configuration value a connection string resolves to in one appsettings file.</summary>
internal sealed record ConnectionValueReport(string Key, string? Environment, string FilePath, int Line, string? RedactedValue);

internal enum TableEvidenceKind { DbSetConvention, TableAttribute, FluentApi, HierarchyRoot, NoTable, Unknown }

/// <summary>One entity type of a context and the table (or view) EF Core maps it to.</summary>
internal sealed record EntityReport(
    string FullName,
    string DbSetName,
    SourceLocation? DbSetLocation,
    string? Table,
    string? Schema,
    bool IsView,
    TableEvidenceKind Evidence,
    SourceLocation? EvidenceLocation,
    string? EvidenceNote);

internal sealed record TableReport(string Name, string? Schema, EquatableArray<string> Entities);
