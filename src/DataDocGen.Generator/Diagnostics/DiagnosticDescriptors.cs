using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Diagnostics;

internal static class DiagnosticDescriptors
{
    private const string Category = "DataDocGen";

    /// <summary>An unexpected exception inside DataDocGen. A warning, never an error: documenting must not break a build
    /// (the package's targets also keep it out of TreatWarningsAsErrors).</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        id: "DDG001",
        title: "DataDocGen could not complete the data-layer report",
        messageFormat: "DataDocGen hit an unexpected error and left out part of DATA_LAYER.md; please report it: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true);
}
