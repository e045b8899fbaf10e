using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 4.2, multi-tenancy: a schema or a database chosen per tenant, each piece with its evidence.</summary>
internal static class TenancyMarkdownEmitter
{
    public static void Write(Markdown md, IReadOnlyList<TenancyFacts.RunTimeSchema> schemas, IReadOnlyList<TenancyFacts.TenantDatabase> databases)
    {
        foreach (var schema in schemas)
        {
            var context = Markdown.Code(ShortName(schema.Context));
            md.Line(schema.IsSchemaPerTenant
                ? "**Schema per tenant** in " + context + ": the default schema is read at run time for each context instance, and a model cache key factory makes EF Core build and keep one model per key. Table schemas are therefore set at run time."
                : "**Default schema chosen at run time** in " + context + ". Table schemas are therefore set at run time.").Line();
            md.Line("| Piece | Code | Evidence |").Line("| --- | --- | --- |");
            md.Line("| default schema read at run time | " + Markdown.Code("HasDefaultSchema(" + (schema.Schema.Code ?? "…") + ")") + " | " + md.Link(schema.Schema.Location) + " |");
            if (schema.Registration is { } registration)
            {
                md.Line("| model cache key factory registered | " + Markdown.Code("ReplaceService<IModelCacheKeyFactory, " + ShortName(registration.Factory!) + ">()") + " in " + Markdown.Code(registration.Member) + " | " + md.Link(registration.Location) + " |");
            }
            if (schema.Factory is { } factory)
            {
                var key = factory.Code is null ? "computed in `Create`" : "key " + Markdown.Code(factory.Code);
                var follows = schema.SharedReads.Count == 0 ? string.Empty
                    : ", which reads " + string.Join(", ", schema.SharedReads.Select(Markdown.Code)) + " as `HasDefaultSchema` does";
                md.Line("| model cache key factory " + Markdown.Code(ShortName(factory.Factory!)) + " | " + key + follows + " | " + md.Link(factory.Location) + " |");
            }
            md.Line();
            if (schema.Registration is null)
            {
                // EF Core caches the model per context type by default: OnModelCreating runs once, with the first schema.
                md.Line("No `IModelCacheKeyFactory` replacement for this context was found in the code read: EF Core's default model cache key is the context type, so unless it is replaced elsewhere, the model (and its schema) built for the first instance serves every instance.").Line();
            }
        }

        if (databases.Count > 0)
        {
            md.Line("Database per tenant (**heuristic: by name**: the connection string is read at run time through a type whose name says tenant):").Line();
            md.Line("| Used by | Call | Connection string | Evaluated | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var database in databases)
            {
                var call = Markdown.Code(database.Call) + (database.Registration is null ? string.Empty : " in " + Markdown.Code(database.Registration));
                md.Line("| " + Markdown.Code(database.Subject) + " | " + call + " | " + MarkdownEmitter.DescribeSource(database.Source)
                        + " | " + database.When + " | " + md.Link(database.Source.Location) + " |");
            }
            md.Line();
        }
    }

    private static string ShortName(string fullName) => fullName.Substring(fullName.LastIndexOf('.') + 1);
}
