using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Multi-tenancy by schema or by database (outline 4.2), from what the report holds.
/// Schema per tenant needs code, not names: a default schema read at run time, with the pieces EF Core needs to keep
/// one model per schema (a replaced <c>IModelCacheKeyFactory</c> and its key). Database per tenant is a naming
/// heuristic, labelled so: a connection string read at run time through a type whose name says tenant.
/// </summary>
internal static class TenancyFacts
{
    /// <param name="Registration">The <c>ReplaceService&lt;IModelCacheKeyFactory, T&gt;</c> made for the context, if seen.</param>
    /// <param name="Factory">The key factory class registered, when declared in the code read.</param>
    /// <param name="SharedReads">Members both the schema argument and the key read (the key follows the schema).</param>
    public sealed record RunTimeSchema(string Context, TenancySpec Schema, TenancySpec? Registration, TenancySpec? Factory, IReadOnlyList<string> SharedReads)
    {
        /// <summary>EF Core builds a model per key: with the factory in place each schema gets its own model.</summary>
        public bool IsSchemaPerTenant => Registration is not null && Factory is not null;
    }

    /// <param name="Registration">Where the call sits for a context (<c>OnConfiguring</c>, <c>AddDbContext</c>...); null for a store.</param>
    public sealed record TenantDatabase(string Subject, string Call, string? Registration, ConnectionSourceSpec Source, string When);

    public static IReadOnlyList<RunTimeSchema> RunTimeSchemas(DataLayerReport report)
    {
        var result = new List<RunTimeSchema>();
        foreach (var schema in report.Tenancy.Where(t => t.Kind == TenancyKind.RunTimeDefaultSchema))
        {
            var context = schema.Context ?? "(context not known)";
            var registration = report.Tenancy.FirstOrDefault(t => t.Kind == TenancyKind.ModelCacheKeyFactoryReplaced && t.Context is not null && t.Context == schema.Context);
            var factory = registration is null ? null
                : report.Tenancy.FirstOrDefault(t => t.Kind == TenancyKind.ModelCacheKeyFactory && t.Factory == registration.Factory);
            var shared = factory is null ? new List<string>() : schema.Reads.Intersect(factory.Reads, StringComparer.Ordinal).ToList();
            result.Add(new RunTimeSchema(context, schema, registration, factory, shared));
        }
        return result;
    }

    /// <summary>Contexts and stores whose connection string is read at run time through a type named like a tenant.</summary>
    public static IReadOnlyList<TenantDatabase> TenantDatabases(DataLayerReport report)
    {
        var result = new List<TenantDatabase>();
        foreach (var context in report.Contexts)
        {
            foreach (var provider in context.Providers)
            {
                foreach (var source in provider.Use.Connection.Where(c => c.NamesTenant))
                {
                    result.Add(new TenantDatabase(context.Name, provider.Use.Method, provider.Origin, source, MarkdownEmitter.WhenOptionsAreBuilt(provider)));
                }
            }
        }
        foreach (var store in report.Stores)
        {
            foreach (var source in store.Connection.Where(c => c.NamesTenant))
            {
                result.Add(new TenantDatabase(store.Store, store.How, null, source, "each time `" + store.How + "` runs"));
            }
        }
        return result;
    }

    /// <summary>Classes named after a tenant and what of the request they read (<see cref="Parsing.TenantSourceReader"/>).</summary>
    public static IReadOnlyList<TenancySpec> TenantSources(DataLayerReport report) =>
        report.Tenancy.Where(t => t.Kind == TenancyKind.TenantSource).OrderBy(t => t.Factory, System.StringComparer.Ordinal).ToList();
}
