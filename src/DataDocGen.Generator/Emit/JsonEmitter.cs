using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// Renders DATA_LAYER.json. The <c>contexts</c> part mirrors EF Core's relational model (IRelationalModel) so that EF
/// Core itself can check it: property names and order are fixed, every property is always written, arrays of named
/// things are sorted ordinally. When a context's schema could not be computed completely, its detail arrays are
/// left empty and the top-level <c>contextsWithIncompleteSchema</c> says so, with the reasons, rather than letting
/// empty arrays pass for facts. <c>storeType</c> is null until provider type mapping is implemented.
/// </summary>
internal static class JsonEmitter
{
    public const int SchemaVersion = 1;

    public static string Emit(DataLayerReport report, RelativePath paths)
    {
        var json = new JsonWriter();
        json.StartObject()
            .Name("schemaVersion").Number(SchemaVersion)
            .Property("project", report.ProjectName)
            .Name("contexts").StartArray();
        foreach (var context in report.Contexts)
        {
            json.StartObject()
                .Property("name", context.Name)
                .Property("fullName", context.FullName)
                .Property("provider", context.Provider)
                .Name("tables").StartArray();
            foreach (var table in context.Tables) WriteTable(json, table);
            json.EndArray().Name("views").StartArray();
            foreach (var view in context.Views) WriteTable(json, view);
            json.EndArray().Name("relationships").StartArray();
            foreach (var relationship in context.Relationships) WriteRelationship(json, relationship);
            json.EndArray().EndObject();
        }
        json.EndArray();

        json.Name("contextsWithIncompleteSchema").StartArray();
        foreach (var context in report.Contexts.Where(c => !c.TablesUnknownBecause.IsEmpty || !c.SchemaUnknownBecause.IsEmpty))
        {
            json.StartObject()
                .Property("name", context.Name)
                .Name("tableNamesKnown").Bool(context.TablesUnknownBecause.IsEmpty)
                .StringArray("reasons", context.TablesUnknownBecause.Concat(context.SchemaUnknownBecause).Select(r => r.What).Distinct().OrderBy(r => r, System.StringComparer.Ordinal))
                .EndObject();
        }
        json.EndArray();
        // Contexts whose provider is null, with why; and the calls handing the options builder to code DataDocGen does not
        // follow (kept out of `contexts`, whose objects are EF Core's model as the EF judge dumps it).
        json.Name("contextsWithUnknownProvider").StartArray();
        foreach (var context in report.Contexts.Where(c => c.Provider is null))
        {
            json.StartObject()
                .Property("name", context.Name)
                .Property("reason", ProviderUnknownBecause(context, paths))
                .Name("optionsNotFollowed").StartArray();
            foreach (var call in context.OptionsNotFollowed)
            {
                json.StartObject().Property("call", call.Call).Property("location", Location(paths, call.Location)).EndObject();
            }
            // Provider calls attributed to no context, and a design-time factory's providers (dotnet ef's, not the application's).
            json.EndArray().Name("unattributedProviderCalls").StartArray();
            foreach (var call in context.UnattributedProviderCalls)
            {
                json.StartObject().Property("provider", call.Provider).Property("method", call.Method).Property("location", Location(paths, call.Location)).EndObject();
            }
            json.EndArray().Name("designTimeProviders").StartArray();
            foreach (var provider in context.DesignTimeProviders)
            {
                json.StartObject().Property("provider", provider.Use.Provider).Property("method", provider.Use.Method).Property("factory", provider.Origin)
                    .Property("location", Location(paths, provider.Use.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();
        json.Name("migrationSnapshots").StartArray();
        foreach (var context in report.Contexts.Where(c => c.Snapshot is not null))
        {
            var snapshot = context.Snapshot!;
            json.StartObject()
                .Property("context", context.Name)
                .Property("snapshot", snapshot.FullName)
                .Property("productVersion", snapshot.ProductVersion)
                .Name("compared").Bool(snapshot.NotComparedBecause.IsEmpty)
                .StringArray("pendingChanges", snapshot.PendingChanges)
                .StringArray("notComparedBecause", snapshot.NotComparedBecause)
                .StringArray("comparedFacts", snapshot.Compared)
                .StringArray("notCompared", snapshot.NotCompared)
                .EndObject();
        }
        foreach (var snapshot in report.UnmatchedSnapshots)
        {
            json.StartObject()
                .Property("context", snapshot.ContextFullName)
                .Property("snapshot", snapshot.FullName)
                .Property("productVersion", snapshot.ProductVersion)
                .Name("compared").Bool(false)
                .StringArray("pendingChanges", snapshot.PendingChanges)
                .StringArray("notComparedBecause", snapshot.NotComparedBecause)
                .StringArray("comparedFacts", snapshot.Compared)
                .StringArray("notCompared", snapshot.NotCompared)
                .EndObject();
        }
        json.EndArray();

        json.Name("stores").StartArray();
        foreach (var store in report.Stores)
        {
            json.StartObject().Property("store", store.Store).Name("sql").Bool(store.IsSql).Property("client", store.Client).Property("openedBy", store.How)
                .Name("connection").StartArray();
            foreach (var source in store.Connection)
            {
                json.StartObject().Property("kind", source.Kind.ToString()).Property("value", source.Value);
                if (source.ReadThrough is not null) json.Property(source.Kind == Model.ConnectionSourceKind.Parameter ? "method" : "readThrough", source.ReadThrough);
                json.Property("location", Location(paths, source.Location)).EndObject();
            }
            json.EndArray().Name("sites").StartArray();
            foreach (var site in store.Sites)
            {
                json.StartObject().Property("member", site.Member).Property("location", Location(paths, site.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray().Name("storeObjects").StartArray();
        foreach (var item in report.StoreObjects)
        {
            json.StartObject().Property("store", item.Store).Property("kind", item.Kind).Property("name", item.Name).Property("documentType", item.DocumentType)
                .Property("detail", item.Detail).Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        // Command timeouts set in code: `value` from constants, null when set at run time (`code` then, when it holds no literal).
        json.Name("commandTimeouts").StartArray();
        foreach (var item in report.CommandTimeouts)
        {
            json.StartObject().Property("api", item.Api).Property("store", item.Store).Property("client", item.Client).Property("appliesTo", item.Scope)
                .Property("value", item.Value).Property("code", item.Code).Property("connectionOpenedBy", item.OpenedBy).Name("connection").StartArray();
            foreach (var source in item.Connection)
            {
                json.StartObject().Property("kind", source.Kind.ToString()).Property("value", source.Value);
                if (source.Kind == Model.ConnectionSourceKind.Parameter) json.Property("method", source.ReadThrough);
                json.Property("location", Location(paths, source.Location)).EndObject();
            }
            json.EndArray().Property("member", item.Member).Property("condition", item.Condition).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        // Queries built with a query builder (LinqKit): the builder, its entity or context, the conditions joined in code order.
        json.Name("queryBuilders").StartArray();
        foreach (var item in report.QueryBuilders)
        {
            json.StartObject().Property("library", item.Library).Property("builder", item.Builder).Property("entity", item.Entity).StringArray("parts", item.Parts)
                .StringArray("handedTo", item.AppliedIn).Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        json.Name("repositories").StartArray();
        foreach (var item in report.Repositories)
        {
            var repository = item.Repository;
            json.StartObject().Property("class", repository.FullName).Property("kind", repository.Kind).StringArray("interfaces", repository.Interfaces)
                .StringArray("entities", repository.Entities).StringArray("dataAccess", repository.DataAccess).Name("savesChanges");
            if (repository.SavesChanges is { } saves) json.Bool(saves); else json.Null();
            if (repository.SavesThroughBase is { } through) json.Property("savesChangesInBaseClass", through);
            json.Property("location", Location(paths, repository.Location)).Name("registrations").StartArray();
            foreach (var registration in item.Registrations)
            {
                json.StartObject().Property("service", registration.Service).Property("implementation", registration.Implementation)
                    .Property("lifetime", registration.Lifetime).Property("location", Location(paths, registration.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();

        json.Name("validation").StartObject().Name("validators").StartArray();
        foreach (var validator in report.Validators)
        {
            json.StartObject().Property("kind", validator.Kind).Property("class", validator.ClassName).Property("validates", validator.Target)
                .StringArray("rules", validator.Rules).Property("location", Location(paths, validator.Location)).EndObject();
        }
        json.EndArray().Name("annotatedProperties").StartArray();
        foreach (var property in report.AnnotatedProperties)
        {
            json.StartObject().Property("type", property.TypeFullName).Property("property", property.Property)
                .StringArray("attributes", property.Attributes).Property("appliesTo", property.AppliesTo ?? "property");
            if (property.AppliesTo is null) json.Name("boundThroughConstructor").Null();
            else json.Name("boundThroughConstructor").Bool(property.BoundThroughConstructor);
            json.Property("location", Location(paths, property.Location)).EndObject();
        }
        // Guards of entity types only, as in the markdown: every class checks its constructor's arguments.
        json.EndArray().Name("entityGuards").StartArray();
        foreach (var guard in EntityTypes.Guards(report))
        {
            json.StartObject().Property("type", guard.TypeFullName).Property("member", guard.Member).Property("kind", guard.IsArgumentCheck ? "argument" : "invariant")
                .Property("check", guard.Check).Property("throwsOrGuardLibrary", guard.Throws).Property("location", Location(paths, guard.Location)).EndObject();
        }
        json.EndArray().Name("sanitisation").StartArray();
        foreach (var item in report.Sanitisation)
        {
            json.StartObject().Property("type", item.TargetType).Property("member", item.TargetMember).Property("sanitiser", item.Sanitiser)
                .Property("site", item.Site).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray().Name("runs").StartArray();
        foreach (var run in report.ValidationRuns)
        {
            json.StartObject().Property("kind", run.Kind).Property("api", run.Api).Property("validates", run.Validated).Property("where", run.Site)
                .Property("detail", run.Detail).Property("location", Location(paths, run.Location)).EndObject();
        }
        json.EndArray().Name("valueConversions").StartArray();
        foreach (var conversion in SecurityFacts.ValueConversions(report))
        {
            json.StartObject().Property("property", conversion.Subject).Property("conversion", conversion.Detail).Property("where", conversion.Member)
                .Property("location", Location(paths, conversion.Location)).EndObject();
        }
        json.EndArray().EndObject();

        json.Name("specifications").StartArray();
        foreach (var item in report.Specifications)
        {
            json.StartObject().Property("class", item.ClassName).Property("entity", item.Entity).Property("result", item.Result)
                .StringArray("query", item.Query).Property("location", Location(paths, item.Location)).Name("byConstructor").StartArray();
            foreach (var alternative in item.Alternatives)
            {
                json.StartObject().Property("constructor", alternative.Constructor).StringArray("query", alternative.Query)
                    .Property("location", Location(paths, alternative.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();

        json.Name("crud").StartArray();
        foreach (var row in report.Crud)
        {
            json.StartObject().Property("entity", row.Entity).Property("target", row.Target.ToString()).Property("operation", row.Operation.ToString())
                .Property("api", row.Api).Name("bulk").Bool(row.Bulk).Property("store", row.Store).Property("member", row.Member).Property("location", Location(paths, row.Location));
            if (row.Through is not null) json.Property("through", row.Through);
            if (row.SoftDelete is { } soft)
            {
                json.Name("softDelete").StartObject().Property("savedAsUpdateBy", soft.HookType).StringArray("entries", soft.Entries).Name("certain").Bool(soft.Certain)
                    .StringArray("on", soft.On)
                    .Property("location", Location(paths, soft.Location)).EndObject();
            }
            json.EndObject();
        }
        json.EndArray();

        json.Name("rawSql").StartArray();
        foreach (var site in report.RawSql)
        {
            json.StartObject()
                .Property("api", site.Api)
                .Property("member", site.Member)
                .Property("statement", site.Statement)
                .StringArray("tables", site.Tables)
                .Property("parameterization", site.Parameterization.ToString())
                .StringArray("placeholders", site.Placeholders);
            if (site.Procedure is { } procedure)
            {
                // A stored procedure call: its name as the code gives it and the parameters it passes.
                json.Name("procedure").StartObject()
                    .Property("name", procedure.Name)
                    .Property("nameKind", procedure.NameKind.ToString())
                    .StringArray("nameFrom", procedure.NameFrom)
                    .Property("parameters", procedure.Parameters.ToString())
                    .Property("argument", procedure.Argument)
                    .StringArray("parameterNames", procedure.Names)
                    .Name("unnamedParameters").Number(procedure.Unnamed)
                    .Name("commandTypeInferred").Bool(procedure.Inferred)
                    .EndObject();
            }
            json.Property("location", Location(paths, site.Location))
                .EndObject();
        }
        json.EndArray();

        // Background services and scheduled jobs (5.2): texts are the markdown's prose (code spans in backticks).
        json.Name("backgroundJobs").StartArray();
        foreach (var job in report.BackgroundJobs)
        {
            json.StartObject().Property("job", job.FullName).Property("kind", job.Kind).Property("location", Location(paths, job.Location)).Name("schedules").StartArray();
            foreach (var schedule in job.Schedules)
            {
                json.StartObject().Property("text", schedule.Text).Property("location", Location(paths, schedule.Location)).EndObject();
            }
            json.EndArray().Name("implementation").StartArray();
            foreach (var part in job.Implementation)
            {
                json.StartObject().Property("text", part.Text).Property("location", Location(paths, part.Location)).EndObject();
            }
            json.EndArray().Name("steps").StartArray();
            foreach (var step in job.Steps)
            {
                json.StartObject().Property("text", step.Text).Property("through", step.Through).Name("onCacheMiss").Bool(step.OnCacheMiss).Property("guard", step.Guard).Property("location", Location(paths, step.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();

        json.Name("caching").StartObject().Name("providers").StartArray();
        foreach (var provider in report.CacheProviders)
        {
            json.StartObject().Property("provider", provider.Provider).Property("registration", provider.Method).StringArray("settings", provider.Settings)
                .Property("condition", provider.Condition).EndObject();
        }
        json.EndArray().Name("uses").StartArray();
        foreach (var use in report.CacheUses)
        {
            json.StartObject().Property("member", use.Member).Property("cache", use.Cache).Property("operation", use.Operation).Property("strategy", use.Kind)
                .Property("key", use.Key).StringArray("tags", use.Tags).Property("expiration", ExpirationName(use.Expiration)).StringArray("expirations", use.Expirations)
                .Property("location", Location(paths, use.Location))
                .EndObject();
        }
        // ASP.NET Core output caching: policies (kind "base policy", "named policy") and cached endpoints ("endpoint", "attribute").
        json.EndArray().Name("outputCache").StartArray();
        foreach (var item in report.OutputCache)
        {
            json.StartObject().Property("kind", item.Kind).Property("name", item.Name).Property("call", item.Call).Property("policy", item.Policy)
                .StringArray("expirations", item.Expirations).Property("expiration", OutputCacheExpiration.Describe(item, report))
                .StringArray("tags", item.Tags).StringArray("settings", item.Settings).StringArray("notRead", item.NotRead).Name("noCache").Bool(item.NoCache)
                .Property("replacesClassAttributeOf", item.ReplacesClassAttributeOf).StringArray("replacedOnActions", item.ReplacedOn)
                .Property("replacesGroupPolicy", item.ReplacesGroupPolicy).StringArray("replacedOnRoutes", item.ReplacedOnRoutes)
                .Property("location", Location(paths, item.Location))
                .EndObject();
        }
        json.EndArray().EndObject();

        json.Name("queryFilters").StartArray();
        foreach (var context in report.Contexts)
        {
            foreach (var filter in context.QueryFilters)
            {
                json.StartObject().Property("context", context.Name).Property("entity", filter.Entity).Property("filter", filter.Filter).EndObject();
            }
        }
        json.EndArray().Name("queryFilterBypasses").StartArray();
        foreach (var bypass in report.FilterBypasses)
        {
            json.StartObject().Property("member", bypass.Member).Property("condition", bypass.Condition)
                .Property("location", Location(paths, bypass.Location))
                .EndObject();
        }
        json.EndArray();

        json.Name("transactions").StartArray();
        foreach (var transaction in report.Transactions)
        {
            json.StartObject().Property("member", transaction.Member).Property("kind", transaction.Kind).Property("call", transaction.Detail)
                .Property("condition", transaction.Condition).StringArray("operations", transaction.Operations)
                .Name("operationsRead").Bool(!transaction.ExtentUnknown)
                .StringArray("dataSources", transaction.DataSources.Select(d => d.Text))
                .Property("location", Location(paths, transaction.Location))
                .EndObject();
        }
        json.EndArray();

        json.Name("queryShapes").StartArray();
        var kinds = OwnedIncludes.Kinds(report);
        foreach (var shape in report.QueryShapes)
        {
            json.StartObject().Property("member", shape.Member).Property("kind", kinds(shape)).Property("entity", shape.Entity)
                .Property("detail", shape.Detail).Property("condition", shape.Condition).Property("context", shape.Context)
                .Property("location", Location(paths, shape.Location))
                .EndObject();
        }
        json.EndArray();

        json.Name("saveHooks").StartArray();
        foreach (var hook in report.SaveHooks)
        {
            json.StartObject().Property("type", hook.TypeName).Property("kind", hook.Kind)
                .StringArray("entries", hook.Entries).StringArray("sets", hook.AssignedMembers).StringArray("entryStates", hook.StateChanges).StringArray("publishes", hook.Publishes).StringArray("addsRows", hook.AddsRows).StringArray("addsRowsHow", hook.AddsRowsHow).StringArray("softDeleteEntries", hook.SoftDeleteEntries)
                .StringArray("runsOn", hook.RunsOn).StringArray("softDeleteOn", hook.SoftDeleteOn).StringArray("entriesWhen", hook.EntriesWhen).StringArray("notRead", hook.NotRead)
                .Property("location", Location(paths, hook.Location))
                .EndObject();
        }
        json.EndArray();

        json.Name("migrations").StartArray();
        foreach (var migration in report.Migrations)
        {
            var isEf = migration.Tool == Model.MigrationSpec.EfCore;
            json.StartObject()
                .Property("tool", migration.Tool)
                .Property("context", migration.ContextFullName)
                // The assembly the context is compiled in when not this project (null otherwise).
                .Property("contextAssembly", migration.ContextAssembly)
                .Property("id", migration.Id)
                .Property("name", isEf ? MigrationMarkdownEmitter.Name(migration.Id) : migration.ClassName)
                .Property("createdUtc", isEf ? MigrationMarkdownEmitter.Created(migration.Id) : null)
                .StringArray("upOperations", migration.UpOperations)
                .Name("hasDown").Bool(migration.HasDown || migration.AutoReversing)
                // What Down does: EF Core's "implemented", "empty" (a declared override without operations), "throws",
                // "not implemented" (EF Core's own Migration.Down runs, which throws) or "not read"; FluentMigrator's
                // "implemented", "empty" or "derived from Up".
                .Property("down", migration.Down ?? (migration.AutoReversing && !migration.HasDown ? "derived from Up" : migration.HasDown ? Model.MigrationSpec.DownImplemented : Model.MigrationSpec.DownEmpty))
                // Up or Down declared by a base class rather than the migration class (upOperations are then that Up's).
                .Property("upInheritedFrom", migration.UpFrom?.Name).Property("upInheritedLocation", Location(paths, migration.UpFrom?.Location))
                .Property("downInheritedFrom", migration.DownFrom?.Name).Property("downInheritedLocation", Location(paths, migration.DownFrom?.Location))
                .EndObject();
        }
        json.EndArray();

        // Where migrations are applied (Migrate, EnsureCreated, DbUp, Evolve...), with DbUp's scripts in the order it runs them.
        json.Name("migrationRuns").StartArray();
        foreach (var run in report.MigrationApplications)
        {
            json.StartObject().Property("method", run.Method).Property("member", run.Member).Property("condition", run.Condition)
                .StringArray("details", run.Details).Property("scriptFolder", run.ScriptFolder)
                .StringArray("folderScripts", run.Scripts.Select(s => Location(paths, s)!))
                .Name("embeddedScripts").StartArray();
            foreach (var source in run.Embedded)
            {
                json.StartObject().Name("thisAssembly").Bool(source.IsThisAssembly).Property("otherAssembly", source.OtherAssembly)
                    .Name("hasFilter").Bool(source.HasFilter).Name("filterEvaluated").Bool(source.Filter is not null)
                    .Name("customOrder").Bool(source.CustomOrder).Name("candidatesOnly").Bool(source.Candidates)
                    .Name("scripts").StartArray();
                foreach (var script in source.Scripts)
                {
                    json.StartObject().Property("resourceName", script.ResourceName).Property("summary", script.Summary).Property("location", Location(paths, script.Location)).EndObject();
                }
                json.EndArray().EndObject();
            }
            json.EndArray();
            Callers(json, paths, run.Callers);
            json.Property("location", Location(paths, run.Location)).EndObject();
        }
        json.EndArray();

        // Tables libraries create or change by themselves at run time (Hangfire, Rebus, Marten): in no migration or script.
        json.Name("librarySchemas").StartArray();
        foreach (var item in report.LibrarySchemas)
        {
            json.StartObject().Property("library", item.Library).Property("database", item.Database).Property("objects", item.Objects)
                .Property("behaviour", item.Behaviour).Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        json.Name("security").StartObject().Name("code").StartArray();
        foreach (var item in SecurityFacts.Protection(report))
        {
            json.StartObject().Property("kind", item.Kind).Property("subject", item.Subject).Property("detail", item.Detail)
                .Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray().Name("personalDataColumnsByName").StartArray();
        foreach (var column in SecurityFacts.PiiColumns(report))
        {
            json.StartObject().Property("context", column.Context).Property("table", column.Table).Property("column", column.Column)
                .Property("suggests", column.Hint).Property("location", Location(paths, column.Location)).EndObject();
        }
        json.EndArray().Name("connectionEncryption").StartArray();
        foreach (var setting in SecurityFacts.EncryptionSettings(report))
        {
            json.StartObject().Property("key", setting.Key).Property("environment", setting.Environment).Property("setting", setting.Shown).Property("clientDefault", setting.ClientDefault).Property("meaning", setting.Meaning.Replace("**", ""))
                .Property("location", paths.Of(setting.FilePath) + ":" + setting.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).EndObject();
        }
        // Brokers in transit: `value` is the appsettings value a row classifies (null for a setting in code).
        json.EndArray().Name("brokersInTransit").StartArray();
        foreach (var row in report.TransportSecurity)
        {
            json.StartObject().Property("broker", row.Broker).Property("setBy", row.Client).Property("setting", row.Setting).Property("meaning", row.Meaning).Name("value");
            if (row.Value is null) json.Null();
            else
            {
                json.StartObject().Property("key", row.Value.Key).Property("environment", row.Value.Environment)
                    .Property("location", paths.Of(row.Value.FilePath) + ":" + row.Value.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).EndObject();
            }
            json.Property("member", row.Member).Property("location", Location(paths, row.Location)).EndObject();
        }
        json.EndArray().Name("tenantFilters").StartArray();
        foreach (var (context, filter) in SecurityFacts.TenantFilters(report))
        {
            json.StartObject().Property("context", context).Property("entity", filter.Entity).Property("filter", filter.Filter).Property("location", Location(paths, filter.Location)).EndObject();
        }
        json.EndArray().Name("tenantColumnsWithoutFilter").StartArray();
        foreach (var gap in SecurityFacts.TenantGaps(report))
        {
            json.StartObject().Property("context", gap.Context).Property("table", gap.Table).Property("column", gap.Column)
                .StringArray("entities", gap.Entities).Property("location", Location(paths, gap.Location)).EndObject();
        }
        json.EndArray().Name("runTimeDefaultSchemas").StartArray();
        foreach (var schema in TenancyFacts.RunTimeSchemas(report))
        {
            json.StartObject().Property("context", schema.Context).Name("schemaPerTenant").Bool(schema.IsSchemaPerTenant)
                .Property("schemaArgument", schema.Schema.Code).Property("location", Location(paths, schema.Schema.Location))
                .Property("keyFactory", schema.Registration?.Factory).Property("keyFactoryRegistration", Location(paths, schema.Registration?.Location))
                .Property("key", schema.Factory?.Code).Property("keyFactoryLocation", Location(paths, schema.Factory?.Location))
                .StringArray("keyReadsWhatSchemaReads", schema.SharedReads).EndObject();
        }
        json.EndArray().Name("databasePerTenantByName").StartArray();
        foreach (var database in TenancyFacts.TenantDatabases(report))
        {
            json.StartObject().Property("usedBy", database.Subject).Property("call", database.Call).Property("registration", database.Registration).Property("readFrom", database.Source.Value)
                .Property("readThrough", database.Source.ReadThrough).Property("location", Location(paths, database.Source.Location)).EndObject();
        }
        json.EndArray().Name("tenantSources").StartArray();
        foreach (var source in TenancyFacts.TenantSources(report))
        {
            json.StartObject().Property("class", source.Factory).Property("reads", source.Code).Property("location", Location(paths, source.Location)).EndObject();
        }
        json.EndArray();
        WriteMartenTenancy(json, report, paths);
        json.EndObject();

        json.Name("sqlScripts").StartArray();
        foreach (var script in report.SqlScripts)
        {
            json.StartObject().Property("path", paths.Of(script.Path)).Property("statements", script.Summary);
            if (script.EfMigrations is { } ef)
            {
                // A script dotnet ef migrations script wrote: the migrations whose history rows it inserts or deletes.
                json.Name("efMigrations").StartObject().StringArray("applies", ef.Applied).StringArray("reverts", ef.Reverted)
                    .StringArray("productVersions", ef.ProductVersions).Name("idempotent").Bool(ef.Idempotent)
                    .Property("location", Location(paths, ef.Location)).EndObject();
            }
            json.EndObject();
        }
        json.EndArray();
        WriteScriptTables(json, report, paths);
        WriteLinq2DbTables(json, report, paths);
        json.Name("sqlFacts").StartArray();
        foreach (var fact in report.SqlFacts)
        {
            json.StartObject().Property("category", fact.Category).Property("fact", fact.Fact).Property("location", Location(paths, fact.Location)).EndObject();
        }
        json.EndArray();

        json.Name("messaging").StartArray();
        foreach (var item in report.Messaging)
        {
            json.StartObject().Property("library", item.Library).Property("kind", item.Kind).Property("subject", item.Subject).Property("detail", item.Detail).StringArray("items", item.Items);
            if (item.Endpoint is not null) json.Property("endpoint", item.Endpoint);
            json.Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        // Hand-written orchestrations (sagas recognised by their try/catch compensation structure): texts are the markdown's prose.
        json.Name("orchestrations").StartArray();
        foreach (var item in report.Orchestrations)
        {
            json.StartObject().Property("member", item.Member).Property("recognisedBy", "try/catch compensation structure").Property("location", Location(paths, item.Location)).Name("steps").StartArray();
            foreach (var step in item.Steps) WriteOrchestrationStep(json, paths, step);
            json.EndArray().Name("compensations").StartArray();
            foreach (var path in item.Compensations)
            {
                json.StartObject().Property("kind", path.Kind).Property("text", path.Text).Property("location", Location(paths, path.Location)).Name("steps").StartArray();
                foreach (var step in path.Steps) WriteOrchestrationStep(json, paths, step);
                json.EndArray().EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();

        // Messages handed to brokers through their own clients: each name is constant (redacted when it looks like an
        // address), or the code when it holds no string literal, or null.
        json.Name("brokerMessages").StartArray();
        foreach (var item in report.BrokerMessages)
        {
            json.StartObject().Property("broker", item.Broker).Property("api", item.Api).Property("verb", item.Verb).Property("target", item.Target);
            WriteBrokerName(json, paths, "destination", item.Destination);
            WriteBrokerName(json, paths, "routingKey", item.RoutingKey);
            json.Property("messageType", item.MessageType).Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray();

        json.Name("eventSourcing").StartArray();
        foreach (var item in report.EventSourcing)
        {
            json.StartObject().Property("store", item.Store).Property("kind", item.Kind).Property("subject", item.Subject).StringArray("events", item.Events)
                .Property("detail", item.Detail).Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        // Found by column names: the key says so.
        json.EndArray().Name("eventTablesByColumnNames").StartArray();
        foreach (var item in EventTables.Find(report))
        {
            json.StartObject().Property("context", item.Context).Property("table", item.Table.QualifiedName).Property("stream", item.Stream).Property("version", item.Version)
                .Property("payload", item.Payload).Property("eventType", item.Type).Name("uniqueStreamVersion").Bool(item.UniqueStreamVersion);
            json.Name("replays").StartArray();
            foreach (var replay in EventReplays.For(item, report))
            {
                json.StartObject().Property("member", replay.Spec.Member).Property("api", replay.Spec.Api).Property("entity", replay.Spec.Entity)
                    .Property("sqlTable", replay.Spec.Table).StringArray("orderBy", replay.Spec.OrderKeys).Name("oneStream").Bool(replay.OneStream)
                    .Property("fold", replay.Fold.Kind.ToString()).Property("foldName", replay.Fold.Name).Property("foldLocation", Location(paths, replay.Fold.Location))
                    .Property("location", Location(paths, replay.Spec.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray().Name("outboxTablesByColumnNames").StartArray();
        foreach (var item in OutboxTables.Find(report))
        {
            json.StartObject().Property("context", item.Context).Property("table", item.Table.QualifiedName).Property("type", item.Type).Property("payload", item.Payload)
                .Property("processed", item.Processed).Property("processedState", item.ProcessedState).StringArray("publishers", item.Publishers.Select(j => j.FullName));
            json.Name("writtenInTransactions").StartArray();
            foreach (var transaction in item.WrittenIn)
            {
                json.StartObject().Property("member", transaction.Member).Property("kind", transaction.Kind).Property("joinsCallersTransaction", transaction.JoinedParameter)
                    .Property("location", Location(paths, transaction.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();

        json.Name("seedingCode").StartArray();
        foreach (var seeding in report.Seeding)
        {
            json.StartObject().Property("kind", seeding.Kind).Property("subject", seeding.Subject).StringArray("details", seeding.Details)
                .Property("condition", seeding.Condition).Property("writesOnlyIf", seeding.WritesOnlyIf).Property("member", seeding.Member).Property("location", Location(paths, seeding.Location)).EndObject();
        }
        json.EndArray();

        json.Name("seeding").StartArray();
        foreach (var context in report.Contexts)
        {
            foreach (var seed in context.Seeds)
            {
                json.StartObject().Property("context", context.Name).Property("entity", seed.Entity).Name("rows");
                if (seed.Rows is { } rows) json.Number(rows); else json.Null();
                json.EndObject();
            }
        }
        json.EndArray();

        json.StringArray("searchedWithoutResult", SearchedWithoutResult(report));
        return json.EndObject().ToString();
    }

    private static void WriteTable(JsonWriter json, TableReport table)
    {
        json.StartObject()
            .Property("name", table.Name)
            .Property("schema", table.Schema)
            .StringArray("entities", table.Entities)
            .Name("columns").StartArray();
        foreach (var column in table.Columns)
        {
            json.StartObject()
                .Property("name", column.Name)
                .Property("clrType", column.ClrType)
                .Name("nullable").Bool(column.Nullable)
                .Name("maxLength");
            if (column.MaxLength is { } maxLength) json.Number(maxLength); else json.Null();
            json.Property("storeType", column.StoreType).EndObject();
        }
        json.EndArray().Name("primaryKey");
        if (table.PrimaryKey is { } key) WriteKey(json, key); else json.Null();
        json.Name("foreignKeys").StartArray();
        foreach (var foreignKey in table.ForeignKeys)
        {
            json.StartObject()
                .Property("name", foreignKey.Name)
                .StringArray("columns", foreignKey.Columns)
                .Property("principalTable", foreignKey.PrincipalTable)
                .StringArray("principalColumns", foreignKey.PrincipalColumns)
                .Property("onDelete", foreignKey.OnDelete)
                .EndObject();
        }
        json.EndArray().Name("indexes").StartArray();
        foreach (var index in table.Indexes)
        {
            json.StartObject()
                .Property("name", index.Name)
                .StringArray("columns", index.Columns)
                .Name("unique").Bool(index.Unique)
                .Property("filter", index.Filter)
                .EndObject();
        }
        json.EndArray().Name("uniqueConstraints").StartArray();
        foreach (var unique in table.UniqueConstraints) WriteKey(json, unique);
        json.EndArray().Name("checkConstraints").StartArray();
        foreach (var check in table.CheckConstraints)
        {
            json.StartObject().Property("name", check.Name).Property("sql", check.Sql).EndObject();
        }
        json.EndArray().EndObject();
    }

    /// <summary><c>path:line</c> relative to the report's folder, or null.</summary>
    private static string? ExpirationName(Model.CacheExpiration expiration) => expiration switch
    {
        Model.CacheExpiration.Set => "set",
        Model.CacheExpiration.None => "none",
        Model.CacheExpiration.Unresolved => "unresolved",
        Model.CacheExpiration.DefaultOptions => "default",
        _ => null,
    };

    /// <summary>Marten tenancy (section 4.2): configuration, tenant sessions and databases; document coverage null when not known exactly.</summary>
    private static void WriteMartenTenancy(JsonWriter json, DataLayerReport report, RelativePath paths)
    {
        json.Name("martenTenancy").StartArray();
        // Injected sessions are listed only where they fall to the default tenant; a session factory the project builds is kept.
        var defaultTenant = MartenTenancyFacts.DefaultTenantSessions(report);
        foreach (var item in report.MartenTenancy.Where(t => t.Kind is not (Model.MartenTenancyKind.DocumentUsed or Model.MartenTenancyKind.InjectedSession)).Concat(defaultTenant))
        {
            json.StartObject().Property("kind", item.Kind.ToString()).Property("document", item.Subject).Property("code", item.How)
                .Property("tenant", item.Tenant);
            if (item.Kind == Model.MartenTenancyKind.Session) json.Name("tenantIsConstant").Bool(item.TenantIsConstant);
            if (item.Kind == Model.MartenTenancyKind.DatabasePerTenant)
            {
                json.StringArray("tenants", item.Tenants).Name("connection").StartArray();
                foreach (var source in item.Connection)
                {
                    json.StartObject().Property("kind", source.Kind.ToString()).Property("value", source.Value);
                    if (source.Kind == Model.ConnectionSourceKind.Parameter) json.Property("method", source.ReadThrough);
                    json.Property("location", Location(paths, source.Location)).EndObject();
                }
                json.EndArray();
            }
            json.Property("member", item.Member).Property("location", Location(paths, item.Location)).EndObject();
        }
        json.EndArray().Name("martenDocumentCoverage");
        if (MartenTenancyFacts.Documents(report) is not { } coverage)
        {
            json.Null();
            return;
        }
        json.StartObject().StringArray("multiTenanted", coverage.Covered).Name("notMultiTenanted").StartArray();
        foreach (var used in coverage.Uncovered)
        {
            json.StartObject().Property("document", used.Subject).Property("member", used.Member).Property("location", Location(paths, used.Location)).EndObject();
        }
        json.EndArray().EndObject();
    }

    /// <summary>The entity classes used with linq2db and their tables as its attributes map them (1.2).</summary>
    private static void WriteLinq2DbTables(JsonWriter json, DataLayerReport report, RelativePath paths)
    {
        json.Name("linq2dbTables").StartArray();
        foreach (var table in report.Linq2DbTables)
        {
            json.StartObject().Property("entity", table.Entity).Property("table", table.Table).Property("schema", table.Schema).Property("tableFrom", table.TableFrom)
                .Name("columnAttributeRequired");
            if (table.ColumnAttributeRequired is { } required) json.Bool(required); else json.Null();
            json.Property("location", Location(paths, table.EntityLocation))
                .Property("notRead", table.NotRead).Property("notReadLocation", Location(paths, table.NotReadLocation)).Name("uses").StartArray();
            foreach (var use in table.Uses) json.StartObject().Property("what", use.What).Property("location", Location(paths, use.Location)).EndObject();
            json.EndArray().Name("columns").StartArray();
            foreach (var column in table.Columns)
            {
                json.StartObject().Property("member", column.Member).Property("name", column.Name).Property("clrType", column.ClrType).Name("canBeNull").Bool(column.Nullable)
                    .Property("nullableFrom", column.NullableFrom).Name("primaryKey").Bool(column.PrimaryKey).Name("primaryKeyOrder");
                if (column.KeyOrder is { } order) json.Number(order); else json.Null();
                json.Name("identity").Bool(column.Identity).Name("length");
                if (column.Length is { } length) json.Number(length); else json.Null();
                json.Name("precision");
                if (column.Precision is { } precision) json.Number(precision); else json.Null();
                json.Name("scale");
                if (column.Scale is { } scale) json.Number(scale); else json.Null();
                json.Property("dataType", column.DataType).Property("dbType", column.DbType).Name("implicit").Bool(column.Implicit)
                    .Property("location", Location(paths, column.Location)).EndObject();
            }
            json.EndArray().EndObject();
        }
        json.EndArray();
    }

    /// <summary>The tables the project's SQL scripts create (1.2), as written there.</summary>
    private static void WriteScriptTables(JsonWriter json, DataLayerReport report, RelativePath paths)
    {
        json.Name("scriptTables").StartArray();
        foreach (var table in report.ScriptTables)
        {
            json.StartObject().Property("name", table.Name).Property("location", Location(paths, table.Location)).Name("columnsKnown").Bool(table.ColumnsKnown)
                .Name("columns").StartArray();
            foreach (var column in table.Columns)
            {
                json.StartObject().Property("name", column.Name).Property("type", column.Type).Property("nullability", column.Nullability).Property("default", column.Default)
                    .Property("generated", column.Generated).StringArray("notRead", column.NotRead).Property("location", Location(paths, column.Location)).EndObject();
            }
            json.EndArray().Name("primaryKey");
            if (table.PrimaryKey is { } key) ScriptKey(json, key, paths); else json.Null();
            json.Name("foreignKeys").StartArray();
            foreach (var foreignKey in table.ForeignKeys)
            {
                json.StartObject().Property("name", foreignKey.Name).StringArray("columns", foreignKey.Columns).Property("principalTable", foreignKey.PrincipalTable)
                    .StringArray("principalColumns", foreignKey.PrincipalColumns).Property("onDelete", foreignKey.OnDelete).Property("onUpdate", foreignKey.OnUpdate)
                    .Property("location", Location(paths, foreignKey.Location)).EndObject();
            }
            json.EndArray().Name("uniqueConstraints").StartArray();
            foreach (var unique in table.UniqueConstraints) ScriptKey(json, unique, paths);
            json.EndArray().Name("checkConstraints").StartArray();
            foreach (var check in table.CheckConstraints)
            {
                json.StartObject().Property("name", check.Name).Property("sql", check.Sql).Property("location", Location(paths, check.Location)).EndObject();
            }
            json.EndArray().Name("indexes").StartArray();
            foreach (var index in table.Indexes)
            {
                json.StartObject().Property("name", index.Name).StringArray("columns", index.Columns).StringArray("included", index.Included).Name("unique").Bool(index.Unique).Property("filter", index.Filter)
                    .Property("location", Location(paths, index.Location)).EndObject();
            }
            json.EndArray().Name("notes").StartArray();
            foreach (var note in table.Notes) json.StartObject().Property("what", note.What).Property("location", Location(paths, note.Location)).EndObject();
            json.EndArray().Name("notFollowed").StartArray();
            foreach (var change in table.Changed) json.StartObject().Property("what", change.What).Property("location", Location(paths, change.Location)).EndObject();
            json.EndArray().EndObject();
        }
        json.EndArray();
    }

    /// <summary>A migration run's <c>callers</c>: the project's calls to the method it sits in, each with its own callers.</summary>
    private static void Callers(JsonWriter json, RelativePath paths, Helpers.EquatableArray<Model.MethodCallerSpec> callers)
    {
        json.Name("callers").StartArray();
        foreach (var caller in callers)
        {
            json.StartObject().Property("member", caller.Member).Property("within", caller.Within).Property("condition", caller.Condition)
                .Property("location", Location(paths, caller.Location));
            Callers(json, paths, caller.Callers);
            json.EndObject();
        }
        json.EndArray();
    }

    private static void ScriptKey(JsonWriter json, Parsing.ScriptKeySpec key, RelativePath paths) =>
        json.StartObject().Property("name", key.Name).StringArray("columns", key.Columns).Property("location", Location(paths, key.Location)).EndObject();

    /// <summary>Why a context's <c>provider</c> is null (the markdown's reason for blank store types).</summary>
    private static string ProviderUnknownBecause(ContextReport context, RelativePath paths)
    {
        var names = context.RunTimeProviders.Select(p => p.Use.Provider).Distinct().OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        var notFollowed = context.OptionsNotFollowed;
        string Cite(string call, Model.SourceLocation? location) => location is null ? call : call + " (" + Location(paths, location) + ")";
        var note = ProviderUnknownText.DesignTimeNote(context, code => code, provider => provider, Cite);
        var designTime = note is null ? string.Empty : "; " + note;
        if (names.Count == 0 && notFollowed.Count > 0)
        {
            return "no provider is chosen in the code DataDocGen follows: the options builder is handed to "
                   + string.Join(", ", notFollowed.Select(n => Cite(n.Call, n.Location))) + ", which DataDocGen does not follow" + designTime;
        }
        return (names.Count == 0 ? ProviderUnknownText.Reason(context, Cite) : "the provider is chosen at run time (" + string.Join(" or ", names) + ")") + designTime;
    }

    private static string? Location(RelativePath paths, Model.SourceLocation? location) =>
        location is null ? null : paths.Of(location.Path) + ":" + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteOrchestrationStep(JsonWriter json, RelativePath paths, OrchestrationStepReport step) =>
        json.StartObject().Property("text", step.Text).Property("through", step.Through).Name("onCacheMiss").Bool(step.OnCacheMiss)
            .Property("pairing", step.Pairing).Property("location", Location(paths, step.Location)).EndObject();

    private static void WriteBrokerName(JsonWriter json, RelativePath paths, string name, Model.BrokerName? value)
    {
        json.Name(name);
        if (value is null) { json.Null(); return; }
        json.StartObject().Property("constant", value.Constant).Property("code", value.Code).Property("location", Location(paths, value.Location)).EndObject();
    }

    private static void WriteKey(JsonWriter json, KeyReport key) =>
        json.StartObject().Property("name", key.Name).StringArray("columns", key.Columns).EndObject();

    private static void WriteRelationship(JsonWriter json, RelationshipReport relationship) =>
        json.StartObject()
            .Property("principal", relationship.Principal)
            .Property("dependent", relationship.Dependent)
            .Property("cardinality", relationship.Cardinality)
            .Property("principalNavigation", relationship.PrincipalNavigation)
            .Property("dependentNavigation", relationship.DependentNavigation)
            .Name("required").Bool(relationship.Required)
            .Property("joinTable", relationship.JoinTable)
            .EndObject();

    private static bool SpecificationsShapeQueries(DataLayerReport report) =>
        report.Specifications.SelectMany(s => s.Query.Concat(s.Alternatives.SelectMany(a => a.Query)))
            .Any(step => step.StartsWith("Include", System.StringComparison.Ordinal) || step.StartsWith("ThenInclude", System.StringComparison.Ordinal)
                         || step.StartsWith("AsNoTracking", System.StringComparison.Ordinal) || step.StartsWith("AsSplitQuery", System.StringComparison.Ordinal)
                         || step.StartsWith("AsTracking", System.StringComparison.Ordinal));

    /// <summary>The outline topics DataDocGen looked for and found nothing on (the markdown never names what is absent).</summary>
    private static string[] SearchedWithoutResult(DataLayerReport report)
    {
        var topics = new System.Collections.Generic.List<string>();
        if (report.Contexts.IsEmpty) topics.Add("1.1 Databases and connections: EF Core DbContexts and their registrations");
        if (report.Stores.IsEmpty) topics.Add("1.1 Databases and connections: stores opened without EF Core (ADO.NET connections, NpgsqlDataSource, MongoClient, ConnectionMultiplexer, LiteDatabase, CosmosClient, Marten, linq2db DataConnection/DataContext/DataOptions)");
        if (report.Contexts.All(c => c.Entities.IsEmpty && c.TablesUnknownBecause.IsEmpty && c.SchemaUnknownBecause.IsEmpty)) topics.Add("1.2 Data models and entities: DbSet entity types");
        if (report.Migrations.IsEmpty) topics.Add("3.1 Migrations: classes marked with EF Core's or FluentMigrator's own [Migration] attribute (a project attribute deriving from FluentMigrator's is not read)");
        if (report.Repositories.IsEmpty) topics.Add("1.3 Data access layer: repositories and units of work that depend on a data-access type (a field, property, constructor parameter or local of their own methods)");
        // Guard clauses are read in the entities of this project's contexts only: a project without a DbContext (Clean
        // Architecture's ApplicationCore, whose entities guard their arguments) was said to have none.
        if (report.Validators.IsEmpty && report.AnnotatedProperties.IsEmpty && EntityTypes.Guards(report).Count == 0 && report.Sanitisation.IsEmpty) topics.Add("2.3 Validation: FluentValidation validators, IValidatableObject, data-annotation attributes, guard clauses in the entities of this project's DbContexts, sanitisation");
        if (report.ValidationRuns.IsEmpty) topics.Add("2.3 Validation: code that runs validation (FluentValidation Validate/ValidateAsync/ValidateAndThrow calls, System.ComponentModel.DataAnnotations.Validator calls, AddValidation, AddFluentValidationAutoValidation, [ApiController])");
        if (report.EventSourcing.IsEmpty && EventTables.Find(report).Count == 0) topics.Add("5.1 Event sourcing: Marten event streams, appends, projections and snapshots");
        if (report.Crud.IsEmpty) topics.Add("2.1 CRUD: EF Core adds, queries, updates and deletes per entity, SQL naming its tables, linq2db tables and writes, and MongoDB, LiteDB and Marten document operations");
        if (report.SaveHooks.IsEmpty) topics.Add("2.1 Save hooks: SaveChanges overrides, SaveChangesInterceptors and ChangeTracker.Tracked/StateChanged handlers");
        if (report.QueryShapes.IsEmpty)
        {
            // A specification's Include and AsNoTracking steps are listed with it, not as query shapes (eShopOnWeb's
            // ApplicationCore has Include(b => b.Items) in its specifications).
            topics.Add(SpecificationsShapeQueries(report)
                ? "2.4 Query optimisation: N+1 risks and database calls inside loops (the specifications' own loading and tracking steps are listed with each specification)"
                : "2.4 Query optimisation: Include paths, AsNoTracking, split queries, compiled queries, N+1 risks, database calls inside loops");
        }
        if (report.Transactions.IsEmpty) topics.Add("2.2 Transactions: explicit boundaries (BeginTransaction, including linq2db's, TransactionScope, execution strategies), joins (UseTransaction, EnlistTransaction), EF Core's CommitTransaction/RollbackTransaction on Database, the distributed transactions switch, and Marten units of work (SaveChanges)");
        if (report.CacheProviders.IsEmpty && report.CacheUses.IsEmpty && report.OutputCache.IsEmpty) topics.Add("1.4 Caching layer: uses of IMemoryCache, IDistributedCache and HybridCache, and cache providers registered through their libraries' Add* calls (a project's own cache class is not read as a provider)");
        if (report.RawSql.IsEmpty) topics.Add("1.3 Data access layer: raw SQL (EF Core raw SQL APIs, Dapper, linq2db, ADO.NET command text)");
        return topics.OrderBy(t => t, System.StringComparer.Ordinal).ToArray();
    }
}
