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
        WriteCommandTimeouts(md, report);
    }

    /// <summary>Command timeouts set in code: what each applies to (the command, the call's command, a Dapper definition,
    /// or a context instance), the value from constants or "set at run time", and where.</summary>
    private static void WriteCommandTimeouts(Markdown md, DataLayerReport report)
    {
        if (report.CommandTimeouts.IsEmpty) return;
        md.Line("#### Command timeouts set in code").Line();
        md.Line("| Applies to | Set by | Timeout | Where | Evidence |").Line("| --- | --- | --- | --- | --- |");
        foreach (var timeout in report.CommandTimeouts)
        {
            var value = timeout.Value is not null ? Markdown.Text(timeout.Value) : "set at run time" + (timeout.Code is null ? "" : ": " + Markdown.Code(timeout.Code));
            // Set under a condition (an if, a switch case, an early exit before it): the Where cell says it, as a migration's does.
            var where = Markdown.Code(timeout.Member) + (timeout.Condition is null ? "" : ", when " + Markdown.Code(timeout.Condition));
            md.Line("| " + AppliesTo(md, timeout) + " | " + Markdown.Text(timeout.Api) + " | " + value + " | " + where + " | " + md.Link(timeout.Location) + " |");
        }
        md.Line();
    }

    private static string AppliesTo(Markdown md, Model.CommandTimeoutSpec timeout)
    {
        if (timeout.Scope == "context")
        {
            var name = timeout.Client.Substring(timeout.Client.LastIndexOf('.') + 1);
            // Under a condition, not every instance makes the call (Ombi's context sets it in its constructor after
            // `if (_created) return;`: the first instance only); "this instance" read as every one.
            return timeout.Condition is null
                ? "the commands this " + Markdown.Code(name) + " instance runs after the call (EF Core)"
                : "the commands run after the call by each " + Markdown.Code(name) + " instance that makes it (EF Core)";
        }
        var what = timeout.Scope switch
        {
            "command" => "this command",
            "call" => "this call's command",
            _ => "commands run with this definition",
        };
        var text = what + ": " + (timeout.Store is null ? "" : Markdown.Text(timeout.Store) + ", ") + Markdown.Code(timeout.Client);
        if (timeout.OpenedBy is not null)
        {
            text += ", on a connection opened by " + Markdown.Code(timeout.OpenedBy);
            if (!timeout.Connection.IsEmpty)
            {
                text += " with " + string.Join("; then ", timeout.Connection.Select(c => MarkdownEmitter.DescribeSource(c) + " " + md.Link(c.Location)));
            }
        }
        return text;
    }
}
