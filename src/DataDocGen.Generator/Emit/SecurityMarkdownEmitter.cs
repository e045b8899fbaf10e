using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 4: data protection (personal data, encryption in code and in connection strings) and access control
/// (tenant query filters, tenant columns they do not cover, schema, database and Marten tenancy).</summary>
internal static class SecurityMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var code = SecurityFacts.Protection(report);
        var pii = SecurityFacts.PiiColumns(report);
        var encryption = SecurityFacts.EncryptionSettings(report);
        var tenantFilters = SecurityFacts.TenantFilters(report);
        var gaps = SecurityFacts.TenantGaps(report);
        var sqlProtection = report.SqlFacts.Where(f => f.Category == "protection").ToList();
        var sqlAccess = report.SqlFacts.Where(f => f.Category == "access").ToList();
        var schemas = TenancyFacts.RunTimeSchemas(report);
        var databases = TenancyFacts.TenantDatabases(report);
        var protection = code.Count > 0 || pii.Count > 0 || encryption.Count > 0 || sqlProtection.Count > 0 || !report.TransportSecurity.IsEmpty;
        var tenantSources = TenancyFacts.TenantSources(report);
        var access = tenantFilters.Count > 0 || sqlAccess.Count > 0 || schemas.Count > 0 || databases.Count > 0 || MartenTenancyFacts.Any(report) || tenantSources.Count > 0;
        if (!protection && !access) return;
        md.Line("## 4. Data security").Line();

        if (protection)
        {
            md.Line("### 4.1 Data protection").Line();
            if (code.Count > 0)
            {
                md.Line("| Kind | Subject | How | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
                foreach (var item in code)
                {
                    md.Line("| " + item.Kind + " | " + Markdown.Code(item.Subject) + " | " + (item.Detail is null ? "" : Markdown.Inline(item.Detail))
                            + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
                }
                md.Line();
            }
            WriteSqlFacts(md, sqlProtection, "Protection set up in SQL (scripts and migrations):");
            if (encryption.Count > 0)
            {
                md.Line("Encryption settings in the connection strings the code uses:").Line();
                md.Line("| Key | Environment | Setting | Meaning | Evidence |").Line("| --- | --- | --- | --- | --- |");
                var values = SecurityFacts.ConnectionValues(report);
                foreach (var setting in encryption)
                {
                    md.Line("| " + Markdown.Code(setting.Key) + " | " + MarkdownEmitter.EnvironmentLabel(setting.Key, setting.Environment, values)
                            + " | " + (setting.ClientDefault is null ? Markdown.Code(setting.Setting) : Markdown.Code(setting.Setting) + " not set") + " | " + setting.Meaning + " | " + md.Link(setting.FilePath, setting.Line) + " |");
                }
                md.Line();
            }
            WriteTransportSecurity(md, report);
            if (pii.Count > 0)
            {
                md.Line("Columns whose names suggest personal data (**heuristic: by name only**, check before relying on it):").Line();
                md.Line("| Context | Table | Column | Suggests | Evidence |").Line("| --- | --- | --- | --- | --- |");
                foreach (var column in pii)
                {
                    md.Line("| " + Markdown.Code(column.Context) + " | " + Markdown.Code(column.Table) + " | " + Markdown.Code(column.Column) + " | " + column.Hint + " | " + md.Link(column.Location) + " |");
                }
                md.Line();
            }
        }

        if (access)
        {
            md.Line("### 4.2 Access control").Line();
            WriteSqlFacts(md, sqlAccess, "Users, roles, grants and row-level security in SQL (scripts and migrations; passwords are never read):");
            TenancyMarkdownEmitter.Write(md, schemas, databases);
            MartenTenancyMarkdownEmitter.Write(md, report);
            if (tenantSources.Count > 0)
            {
                md.Line("Where the tenant comes from (**heuristic: classes named after a tenant**; what each reads is confirmed by ASP.NET Core's types):").Line();
                md.Line("| Class | Reads | Evidence |").Line("| --- | --- | --- |");
                foreach (var source in tenantSources)
                {
                    md.Line("| " + Markdown.Code(source.Factory!) + " | " + Markdown.Inline(source.Code!) + " | " + md.Link(source.Location) + " |");
                }
                md.Line();
            }
        }
        if (tenantFilters.Count > 0)
        {
            md.Line("Tenant isolation by global query filter (**heuristic: by name**: filters whose code mentions a tenant):").Line();
            md.Line("| Context | Entity | Filter | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var (context, filter) in tenantFilters)
            {
                md.Line("| " + Markdown.Code(context) + " | " + Markdown.Code(filter.Entity ?? "entity types chosen in code at run time") + " | " + Markdown.Code(filter.Filter!) + " | " + md.Link(filter.Location) + " |");
            }
            md.Line();
            if (gaps.Count > 0)
            {
                md.Line("**Tables with a tenant column that no tenant filter covers** (**heuristic: by name**: a column named like `TenantId` and no filter above on its entities; if the column does hold the tenant, queries see every tenant's rows):").Line();
                md.Line("| Context | Table | Column | Entities | Evidence |").Line("| --- | --- | --- | --- | --- |");
                foreach (var gap in gaps)
                {
                    md.Line("| " + Markdown.Code(gap.Context) + " | " + Markdown.Code(gap.Table) + " | " + Markdown.Code(gap.Column) + " | "
                            + string.Join(", ", gap.Entities.Select(Markdown.Code)) + " | " + md.Link(gap.Location) + " |");
                }
                md.Line();
            }
        }
    }

    /// <summary>Message brokers in transit: settings in code, and each address or connection string value classified.</summary>
    private static void WriteTransportSecurity(Markdown md, DataLayerReport report)
    {
        if (report.TransportSecurity.IsEmpty) return;
        md.Line("Message brokers in transit (settings in code, and the broker addresses and connection strings the code reads):").Line();
        md.Line("| Broker | Set by | Setting | Environment | Meaning | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
        var values = report.TransportSecurity.Where(t => t.Value is not null).Select(t => t.Value!).ToList();
        foreach (var row in report.TransportSecurity)
        {
            var setting = row.Value is null ? Markdown.Code(row.Setting) : Markdown.Code(row.Value.Key) + ": " + Markdown.Code(row.Setting);
            var environment = row.Value is null ? "(in code)" : MarkdownEmitter.EnvironmentLabel(row.Value.Key, row.Value.Environment, values);
            var evidence = row.Value is null ? md.Link(row.Location) : md.Link(row.Value.FilePath, row.Value.Line) + ", read at " + md.Link(row.Location);
            md.Line("| " + Markdown.Text(row.Broker) + " | " + Markdown.Text(row.Client) + " in " + Markdown.Code(row.Member) + " | " + setting + " | " + environment
                    + " | " + Markdown.Inline(row.Meaning) + " | " + evidence + " |");
        }
        md.Line();
    }

    internal static void WriteSqlFacts(Markdown md, System.Collections.Generic.List<Model.SqlFactSpec> facts, string title)
    {
        if (facts.Count == 0) return;
        md.Line(title).Line();
        md.Line("| Fact | Source | Evidence |").Line("| --- | --- | --- |");
        foreach (var fact in facts)
        {
            md.Line("| " + Markdown.Code(fact.Fact) + " | " + Markdown.Code(System.IO.Path.GetFileName(fact.Source)) + " | " + md.Link(fact.Location) + " |");
        }
        md.Line();
    }
}
