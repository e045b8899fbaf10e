using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 4.2, Marten multi-tenancy: conjoined tenancy, sessions opened for a tenant, databases chosen per tenant,
/// and the documents per-document tenancy leaves out.</summary>
internal static class MartenTenancyMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var configuration = MartenTenancyFacts.Configuration(report);
        if (configuration.Count > 0)
        {
            md.Line("**Marten multi-tenancy configuration** (conjoined tenancy: one database; Marten stores a tenant id with each multi-tenanted row and filters queries by the session's tenant):").Line();
            md.Line("| Applies to | Code | Where | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var item in configuration)
            {
                md.Line("| " + AppliesTo(item) + " | " + Markdown.Code(item.How) + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
        if (MartenTenancyFacts.Documents(report) is { } coverage)
        {
            md.Line("No store-wide tenancy policy was found in the code read: only " + string.Join(", ", coverage.Covered.Select(c => Markdown.Code(ShortName(c))))
                    + " " + (coverage.Covered.Count == 1 ? "is" : "are") + " multi-tenanted.").Line();
            if (coverage.Uncovered.Count > 0)
            {
                // Marten keeps a document without conjoined tenancy in one table with no tenant id: every tenant's sessions see the same rows.
                md.Line("**Document types used in Marten sessions that are not multi-tenanted** (no tenant id is stored with them, so sessions of every tenant share their rows):").Line();
                md.Line("| Document | First used in | Evidence |").Line("| --- | --- | --- |");
                foreach (var used in coverage.Uncovered)
                {
                    md.Line("| " + Markdown.Code(used.Subject!) + " | " + Markdown.Code(used.Member) + " | " + md.Link(used.Location) + " |");
                }
                md.Line();
            }
        }
        var sessions = MartenTenancyFacts.Sessions(report);
        if (sessions.Count > 0)
        {
            md.Line("Marten sessions opened for a tenant:").Line();
            md.Line("| Call | Tenant | Where | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var session in sessions)
            {
                var tenant = session.Tenant is null ? "chosen at run time (code not shown: it holds a string)"
                    : session.TenantIsConstant ? Markdown.Code(session.Tenant) : "the value of " + Markdown.Code(session.Tenant) + " (known at run time)";
                md.Line("| " + Markdown.Code(session.How) + " | " + tenant + " | " + Markdown.Code(session.Member) + " | " + md.Link(session.Location) + " |");
            }
            md.Line();
        }
        var injected = MartenTenancyFacts.DefaultTenantSessions(report);
        if (injected.Count > 0)
        {
            md.Line("**Sessions the container injects use the default tenant**: Marten's session factory opens them without a tenant id (no `BuildSessionsWith` or `ISessionFactory` in the code), so what these classes read and write is the default tenant's (`*DEFAULT*`):").Line();
            md.Line("| Class | Session | Evidence |").Line("| --- | --- | --- |");
            foreach (var session in injected)
            {
                md.Line("| " + Markdown.Code(session.Subject!) + " | " + Markdown.Code(session.How) + " | " + md.Link(session.Location) + " |");
            }
            md.Line();
        }
        var databases = MartenTenancyFacts.Databases(report);
        if (databases.Count > 0)
        {
            md.Line("**Database per tenant (Marten)**: the database a session uses is chosen by its tenant:").Line();
            md.Line("| Call | Tenants | Connection string | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var database in databases)
            {
                md.Line("| " + Markdown.Code(database.How) + " | " + string.Join(", ", database.Tenants.Select(Markdown.Code)) + " | "
                        + string.Join("; ", database.Connection.Select(MarkdownEmitter.DescribeSource)) + " | " + Markdown.Code(database.Member) + " | " + md.Link(database.Location) + " |");
            }
            md.Line();
        }
    }

    private static string AppliesTo(MartenTenancySpec item) => item.Kind switch
    {
        MartenTenancyKind.AllDocuments => "all documents",
        MartenTenancyKind.Document => "document " + (item.Subject is null ? "(a generic type parameter)" : Markdown.Code(ShortName(item.Subject))),
        MartenTenancyKind.SingleTenanted => "document " + (item.Subject is null ? "(a generic type parameter)" : Markdown.Code(ShortName(item.Subject))) + ", single-tenanted",
        MartenTenancyKind.Events => "events",
        _ => "document mappings (which ones depends on the code around it)",
    };

    private static string ShortName(string fullName) => fullName.Substring(fullName.LastIndexOfAny(new[] { '.', '+' }) + 1);
}
