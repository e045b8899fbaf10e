using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 1.1, continued: data stores the code opens without EF Core, and what the code says they hold.</summary>
internal static class StoreMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        if (!report.Stores.IsEmpty)
        {
            md.Line("#### Stores opened without EF Core").Line();
            md.Line("| Store | Client | Opened by | Connection string | Opened in |").Line("| --- | --- | --- | --- | --- |");
            foreach (var store in report.Stores)
            {
                var connection = store.Connection.IsEmpty
                    ? "not passed here"
                    : string.Join("; then ", store.Connection.Select(c => MarkdownEmitter.DescribeSource(c) + " " + md.Link(c.Location)));
                var sites = string.Join("<br>", store.Sites.Select(s => Markdown.Code(s.Member) + " " + md.Link(s.Location)));
                md.Line("| " + Markdown.Text(store.Store) + (store.IsSql ? " (SQL)" : store.Store == Parsing.StoreParser.ProcessMemory ? "" : " (NoSQL)") + " | " + Markdown.Text(store.Client) + " | "
                        + Markdown.Code(store.How) + " | " + connection + " | " + sites + " |");
            }
            md.Line();
            MarkdownEmitter.WriteConnectionValues(md, report.Stores.SelectMany(s => s.Values));
        }
        if (!report.StoreObjects.IsEmpty)
        {
            md.Line("What the code names in these stores:").Line();
            md.Line("| Store | Kind | Name | Document type | Detail | Where | Evidence |").Line("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var item in report.StoreObjects)
            {
                md.Line("| " + Markdown.Text(item.Store) + " | " + item.Kind + " | " + (item.Name is not null ? Markdown.Code(item.Name) : item.Kind is "key" or "collection" or "database" ? "computed" : "")
                        + " | " + (item.DocumentType is null ? "" : Markdown.Code(item.DocumentType)) + " | " + (item.Detail is null ? "" : Markdown.Inline(item.Detail))
                        + " | " + Markdown.Code(item.Member) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
    }
}
