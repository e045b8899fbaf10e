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

    /// <summary>An unexpected exception inside one of the analyzer's checks (DDG1001–DDG1005): that check is skipped at
    /// that place. A warning the package keeps out of TreatWarningsAsErrors, where Roslyn's own AD0001 would not be.</summary>
    public static readonly DiagnosticDescriptor AnalyzerError = new(
        id: "DDG002",
        title: "DataDocGen could not complete a data-access check",
        messageFormat: "DataDocGen hit an unexpected error in a data-access check and skipped it here; please report it: {0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        // The soft-delete check (DDG1004) runs at the end of the compilation, so its failures are reported there too.
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private const string DataAccessCategory = "DataDocGen.DataAccess";

    // Help pages are docs/diagnostics/<id>.md in this repository. No helpLinkUri yet: the repository has no public
    // address to point to, and a made-up one would send users to a 404.

    public static readonly DiagnosticDescriptor QueryInLoop = new(
        id: "DDG1001",
        title: "Database query inside a loop (N+1 risk)",
        messageFormat: "'{0}' runs a database query on every iteration of the loop at line {1} (N+1 risk)",
        category: DataAccessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A query executed in a loop body costs one database round trip per iteration. Load the data once before the loop (a Where over the keys, Include, or a join).");

    public static readonly DiagnosticDescriptor RawSqlFromText = new(
        id: "DDG1002",
        title: "Raw SQL built from non-constant text",
        messageFormat: "The SQL given to '{0}' is built from non-constant text by interpolation, concatenation or formatting: the values become part of the SQL (injection risk)",
        category: DataAccessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Pass values as parameters: FromSql/ExecuteSql/SqlQuery with an interpolated string, or a parameter object for Dapper and DbCommand.");

    public static readonly DiagnosticDescriptor CacheEntryWithoutExpiration = new(
        id: "DDG1003",
        title: "Cache entry without expiration",
        messageFormat: "'{0}' writes the {1} entry {2} with no expiration: it stays until it is removed or evicted",
        category: DataAccessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An entry without an absolute, relative or sliding expiration can serve stale data indefinitely and keeps its memory. Give it an expiration, or suppress this where the entry is invalidated explicitly.");

    /// <summary>Reported at the end of the compilation: it needs every entity and every query filter.</summary>
    public static readonly DiagnosticDescriptor SoftDeleteWithoutFilter = new(
        id: "DDG1004",
        title: "Soft-delete flag without a query filter",
        messageFormat: "'{0}.{1}' looks like a soft-delete flag, but no query filter applies to '{0}': every query returns deleted rows unless it filters them itself",
        category: DataAccessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The flag is recognised by its name (IsDeleted, Deleted, IsSoftDeleted, SoftDeleted, DeletedAt, DeletedOn...) on an entity type of a DbContext. Add HasQueryFilter for the entity (or its hierarchy's root), or suppress this where deleted rows are meant to be visible.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Reported at the end of the compilation: it needs every save hook and every save call.</summary>
    public static readonly DiagnosticDescriptor SaveHookOnOneSaveCall = new(
        id: "DDG1005",
        title: "Save hook runs on one save call only",
        messageFormat: "'{0}' runs on {1} only, but {2} is also called ({3}): those saves skip it ({4})",
        category: DataAccessCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "EF Core runs an interceptor's SavingChanges on SaveChanges() only and SavingChangesAsync on SaveChangesAsync() only, and a context's SaveChanges override is bypassed by SaveChangesAsync (and the reverse). Override both, with one calling the shared code, or suppress this where the other call must skip the hook.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
