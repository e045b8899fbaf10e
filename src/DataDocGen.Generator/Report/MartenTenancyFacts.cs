using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>Marten multi-tenancy (outline 4.2) from the report: the conjoined configuration, tenant sessions, tenant
/// databases, and which document types the per-document configuration covers.</summary>
internal static class MartenTenancyFacts
{
    /// <param name="Covered">Document types configured as multi-tenanted.</param>
    /// <param name="Uncovered">Root document types Marten operations use that no configuration makes multi-tenanted (first site each).</param>
    public sealed record Coverage(IReadOnlyList<string> Covered, IReadOnlyList<MartenTenancySpec> Uncovered);

    public static IReadOnlyList<MartenTenancySpec> Configuration(DataLayerReport report) => report.MartenTenancy
        .Where(t => t.Kind is MartenTenancyKind.AllDocuments or MartenTenancyKind.Document or MartenTenancyKind.SingleTenanted or MartenTenancyKind.Events or MartenTenancyKind.DocumentMapping)
        .ToList();

    public static IReadOnlyList<MartenTenancySpec> Sessions(DataLayerReport report) => report.MartenTenancy.Where(t => t.Kind == MartenTenancyKind.Session).ToList();

    public static IReadOnlyList<MartenTenancySpec> Databases(DataLayerReport report) => report.MartenTenancy.Where(t => t.Kind == MartenTenancyKind.DatabasePerTenant).ToList();

    /// <summary>True when section 4.2 has Marten tenancy to show (the document types operations use are not shown alone).</summary>
    public static bool Any(DataLayerReport report) =>
        report.MartenTenancy.Any(t => t.Kind is not (MartenTenancyKind.DocumentUsed or MartenTenancyKind.InjectedSession or MartenTenancyKind.SessionFactory))
        || DefaultTenantSessions(report).Count > 0;

    /// <summary>Classes given a session by the container while documents or events are conjoined-tenanted, and the project
    /// builds no sessions itself (no <c>BuildSessionsWith</c>, no <c>ISessionFactory</c>): Marten's session factories open
    /// them without a tenant id, so they read and write the default tenant's data (<c>*DEFAULT*</c>, checked against
    /// Marten 9.58). A database per tenant is left out: there the default tenant is a database choice, not a row filter.</summary>
    public static IReadOnlyList<MartenTenancySpec> DefaultTenantSessions(DataLayerReport report)
    {
        var tenancy = report.MartenTenancy;
        var conjoined = tenancy.Any(t => t.Kind is MartenTenancyKind.AllDocuments or MartenTenancyKind.Document or MartenTenancyKind.Events);
        if (!conjoined || tenancy.Any(t => t.Kind is MartenTenancyKind.SessionFactory or MartenTenancyKind.DatabasePerTenant)) return Array.Empty<MartenTenancySpec>();
        // One row per class and session type: a class given both an IDocumentSession and an IQuerySession reads the
        // default tenant through each (a second constructor taking the same type adds nothing).
        return tenancy.Where(t => t.Kind == MartenTenancyKind.InjectedSession).GroupBy(t => (t.Subject, t.How)).Select(g => g.First())
            .OrderBy(t => t.Subject, StringComparer.Ordinal).ThenBy(t => t.How, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per-document tenancy and the documents it leaves out, only when that can be told exactly: some document is
    /// configured multi-tenanted by name, and nothing in the code read reaches documents the report cannot name (a store-wide
    /// policy, a <c>TenancyStyle</c> set on a mapping, an open-generic configuration). A database per tenant separates
    /// documents by database, so without conjoined tenancy they are not shared: then no document is called uncovered.
    /// </summary>
    public static Coverage? Documents(DataLayerReport report)
    {
        var tenancy = report.MartenTenancy;
        if (tenancy.Any(t => t.Kind is MartenTenancyKind.AllDocuments or MartenTenancyKind.DocumentMapping or MartenTenancyKind.DatabasePerTenant)
            || tenancy.Any(t => t.Kind == MartenTenancyKind.Document && t.Subject is null)) return null;
        var covered = tenancy.Where(t => t.Kind == MartenTenancyKind.Document).Select(t => t.Subject!).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (covered.Count == 0) return null;
        var uncovered = tenancy.Where(t => t.Kind == MartenTenancyKind.DocumentUsed && !covered.Contains(t.Subject!, StringComparer.Ordinal))
            .GroupBy(t => t.Subject!, StringComparer.Ordinal).Select(g => g.First()).OrderBy(t => t.Subject, StringComparer.Ordinal).ToList();
        return new Coverage(covered, uncovered);
    }
}
