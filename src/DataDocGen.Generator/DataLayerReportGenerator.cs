using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using DataDocGen.Generator.Configuration;
using DataDocGen.Generator.Diagnostics;
using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Scan;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator;

/// <summary>
/// Documents the project's data layer. The pipeline:
/// 1. syntax: classes with a base list (DbContexts, entity configurations) and generic <c>Add*</c> registration calls;
/// 2. transform: each candidate into a small equatable spec (or null), semantic work only here;
/// 3. appsettings*.json AdditionalFiles into flattened configuration values;
/// 4. join everything into the report model; render it only when the model changed.
/// An unrelated edit re-runs the transforms, which produce equal specs, so the report step stays cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataLayerReportGenerator : IIncrementalGenerator
{
    public static class TrackingNames
    {
        public const string ScannedSites = nameof(ScannedSites);
        public const string ScanFailures = nameof(ScanFailures);
        public const string ReportWithScanFailures = nameof(ReportWithScanFailures);
        public const string DeclaredTypes = nameof(DeclaredTypes);
        public const string Registrations = nameof(Registrations);
        public const string BuiltOptions = nameof(BuiltOptions);
        public const string ProviderCalls = nameof(ProviderCalls);
        public const string RawSql = nameof(RawSql);
        public const string Migrations = nameof(Migrations);
        public const string FluentMigrations = nameof(FluentMigrations);
        public const string QueryShapes = nameof(QueryShapes);
        public const string LoopRoundTrips = nameof(LoopRoundTrips);
        public const string SaveHooks = nameof(SaveHooks);
        public const string Caching = nameof(Caching);
        public const string OutputCache = nameof(OutputCache);
        public const string Transactions = nameof(Transactions);
        public const string Stores = nameof(Stores);
        public const string Crud = nameof(Crud);
        public const string DocumentCrud = nameof(DocumentCrud);
        public const string GenericRepositoryCalls = nameof(GenericRepositoryCalls);
        public const string Repositories = nameof(Repositories);
        public const string RepositoryFacts = nameof(RepositoryFacts);
        public const string ServiceRegistrations = nameof(ServiceRegistrations);
        public const string Validation = nameof(Validation);
        public const string Seeding = nameof(Seeding);
        public const string Security = nameof(Security);
        public const string Marten = nameof(Marten);
        public const string Messaging = nameof(Messaging);
        public const string SqlScripts = nameof(SqlScripts);
        public const string SqlInCode = nameof(SqlInCode);
        public const string EmbeddedSqlResources = nameof(EmbeddedSqlResources);
        public const string DbUpEmbeddedJoined = nameof(DbUpEmbeddedJoined);
        public const string Fragments = nameof(Fragments);
        public const string DeclaredMembers = nameof(DeclaredMembers);
        public const string Specifications = nameof(Specifications);
        public const string NamespaceSpans = nameof(NamespaceSpans);
        public const string BrokerMessages = nameof(BrokerMessages);
        public const string BrokerMessagesJoined = nameof(BrokerMessagesJoined);
        public const string CommandTimeouts = nameof(CommandTimeouts);
        public const string CommandTimeoutsJoined = nameof(CommandTimeoutsJoined);
        public const string LibrarySchemas = nameof(LibrarySchemas);
        public const string LibrarySchemasJoined = nameof(LibrarySchemasJoined);
        public const string QueryBuilders = nameof(QueryBuilders);
        public const string QueryBuildersJoined = nameof(QueryBuildersJoined);
        public const string TlsInCode = nameof(TlsInCode);
        public const string TransitClients = nameof(TransitClients);
        public const string TransitJoined = nameof(TransitJoined);
        public const string Linq2DbTables = nameof(Linq2DbTables);
        public const string Linq2DbTablesJoined = nameof(Linq2DbTablesJoined);
        public const string HostedServices = nameof(HostedServices);
        public const string ScheduledJobs = nameof(ScheduledJobs);
        public const string BackgroundJobs = nameof(BackgroundJobs);
        public const string Tenancy = nameof(Tenancy);
        public const string TenancyJoined = nameof(TenancyJoined);
        public const string EventReplays = nameof(EventReplays);
        public const string EventReplaysJoined = nameof(EventReplaysJoined);
        public const string Orchestrations = nameof(Orchestrations);
        public const string OrchestrationsJoined = nameof(OrchestrationsJoined);
        public const string IdentityOptions = nameof(IdentityOptions);
        public const string MigrationApplications = nameof(MigrationApplications);
        public const string RunnerMethods = nameof(RunnerMethods);
        public const string RunnerCallers = nameof(RunnerCallers);
        public const string RunnerCallersJoined = nameof(RunnerCallersJoined);
        public const string AppSettings = nameof(AppSettings);
        public const string ProjectName = nameof(ProjectName);
        public const string Options = nameof(Options);
        public const string Report = nameof(Report);
        public const string Rendered = nameof(Rendered);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every detector over every file in one step (Scan/SiteScan), each file's findings reused while neither it nor any
        // declaration changed, in a table of this generator instance's (as Roslyn's own step tables are). The step's
        // value holds only equatable results; each detector's results are a step of their own.
        var scanResults = new ConditionalWeakTable<SyntaxTree, TransformCache.Entry<EquatableArray<Finding>>>();
        var scanned = context.CompilationProvider
            .Select((compilation, cancellationToken) => SiteScan.Scan(scanResults, compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ScannedSites);

        var declaredTypes = scanned.Select(static (sites, _) => sites.Of(Detectors.DeclaredTypes)).WithTrackingName(TrackingNames.DeclaredTypes);
        var registrations = scanned.Select(static (sites, _) => sites.Of(Detectors.Registrations)).WithTrackingName(TrackingNames.Registrations);
        // Options builders the code makes for a context, and every provider call (those attributed to no context are named
        // when a context's provider is unknown): taken with the registrations, where providers are chosen too.
        var builtOptions = scanned.Select(static (sites, _) => sites.Of(Detectors.BuiltOptions)).WithTrackingName(TrackingNames.BuiltOptions);
        var providerCalls = scanned.Select(static (sites, _) => sites.Of(Detectors.ProviderCalls)).WithTrackingName(TrackingNames.ProviderCalls);
        var rawSql = scanned.Select(static (sites, _) => sites.Of(Detectors.RawSql)).WithTrackingName(TrackingNames.RawSql);

        // [Migration] marks EF Core migrations: ForAttributeWithMetadataName is Roslyn's cheapest way to find them.
        var migrations = context.SyntaxProvider
            .ForAttributeWithMetadataName(MigrationParser.MigrationAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax, MigrationParser.Parse)
            .Where(static result => result is not null)
            .WithTrackingName(TrackingNames.Migrations);

        var fluentMigrations = context.SyntaxProvider
            .ForAttributeWithMetadataName(FluentMigratorParser.MigrationAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax, FluentMigratorParser.Parse)
            .Where(static result => result is not null)
            .WithTrackingName(TrackingNames.FluentMigrations);

        var migrationApplications = scanned.Select(static (sites, _) => sites.Of(Detectors.MigrationApplications)).WithTrackingName(TrackingNames.MigrationApplications);
        var queryShapes = scanned.Select(static (sites, _) => sites.Of(Detectors.QueryShapes)).WithTrackingName(TrackingNames.QueryShapes);
        var loopRoundTrips = scanned.Select(static (sites, _) => sites.Of(Detectors.LoopRoundTrips)).WithTrackingName(TrackingNames.LoopRoundTrips);
        var saveHooks = scanned.Select(static (sites, _) => sites.Of(Detectors.SaveHooks)).WithTrackingName(TrackingNames.SaveHooks);
        var caching = scanned.Select(static (sites, _) => sites.Of(Detectors.Caching)).WithTrackingName(TrackingNames.Caching);
        var outputCache = scanned.Select(static (sites, _) => sites.Of(Detectors.OutputCache)).WithTrackingName(TrackingNames.OutputCache);
        var transactions = scanned.Select(static (sites, _) => sites.Of(Detectors.Transactions)).WithTrackingName(TrackingNames.Transactions);
        var stores = scanned.Select(static (sites, _) => sites.Of(Detectors.Stores)).WithTrackingName(TrackingNames.Stores);
        var crud = scanned.Select(static (sites, _) => sites.Of(Detectors.Crud)).WithTrackingName(TrackingNames.Crud);
        var documentCrud = scanned.Select(static (sites, _) => sites.Of(Detectors.DocumentCrud)).WithTrackingName(TrackingNames.DocumentCrud);
        var genericRepositoryCalls = scanned.Select(static (sites, _) => sites.Of(Detectors.GenericRepositoryCalls)).WithTrackingName(TrackingNames.GenericRepositoryCalls);
        var repositorySites = scanned.Select(static (sites, _) => sites.Of(Detectors.Repositories)).WithTrackingName(TrackingNames.Repositories);
        // The report step takes repositories and their registrations only: registrations of other services (read for the
        // jobs Hangfire resolves through the container) go to the background jobs step, and leave the report's inputs unchanged.
        var repositories = repositorySites
            .Select(static (found, _) => found.Where(r => r!.Repository is not null || r.Registration is not null || r.Error is not null)
                .Select(r => r!.Service is null ? r : r with { Service = null }).ToEquatableArray())
            .WithTrackingName(TrackingNames.RepositoryFacts);
        var serviceRegistrations = repositorySites
            .Select(static (found, _) => found.Select(r => r!.Service).Where(s => s is not null).Select(s => s!).ToEquatableArray())
            .WithTrackingName(TrackingNames.ServiceRegistrations);
        var validation = scanned.Select(static (sites, _) => sites.Of(Detectors.Validation)).WithTrackingName(TrackingNames.Validation);
        var seeding = scanned.Select(static (sites, _) => sites.Of(Detectors.Seeding)).WithTrackingName(TrackingNames.Seeding);
        var security = scanned.Select(static (sites, _) => sites.Of(Detectors.Security)).WithTrackingName(TrackingNames.Security);
        var marten = scanned.Select(static (sites, _) => sites.Of(Detectors.Marten)).WithTrackingName(TrackingNames.Marten);
        var messaging = scanned.Select(static (sites, _) => sites.Of(Detectors.Messaging)).WithTrackingName(TrackingNames.Messaging);
        var sqlInCode = scanned.Select(static (sites, _) => sites.Of(Detectors.SqlInCode)).WithTrackingName(TrackingNames.SqlInCode);

        var sqlScripts = context.AdditionalTextsProvider
            .Where(SqlScriptParser.IsScript)
            .Select(SqlScriptParser.ParseScript)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.SqlScripts);

        var declaredMembers = scanned.Select(static (sites, _) => sites.Of(Detectors.DeclaredMembers)).WithTrackingName(TrackingNames.DeclaredMembers);
        var specifications = scanned.Select(static (sites, _) => sites.Of(Detectors.Specifications)).WithTrackingName(TrackingNames.Specifications);
        var identityOptions = scanned.Select(static (sites, _) => sites.Of(Detectors.IdentityOptions)).WithTrackingName(TrackingNames.IdentityOptions);

        var appSettings = context.AdditionalTextsProvider
            .Where(AppSettingsParser.IsAppSettings)
            .Select(AppSettingsParser.Parse)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.AppSettings);

        // Only the assembly name is taken from the compilation: a string, equal across edits, so nothing downstream re-runs.
        var projectName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? "project")
            .WithTrackingName(TrackingNames.ProjectName);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReportOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var report = declaredTypes
            .Combine(registrations.Combine(builtOptions.Combine(providerCalls)))
            .Combine(appSettings.Collect())
            .Combine(rawSql)
            .Combine(migrations.Collect().Combine(fluentMigrations.Collect()).Select(static (both, _) => both.Left.AddRange(both.Right)))
            .Combine(migrationApplications)
            .Combine(caching.Combine(outputCache))
            .Combine(transactions)
            .Combine(queryShapes.Combine(loopRoundTrips))
            .Combine(saveHooks)
            .Combine(stores.Combine(crud.Combine(documentCrud.Combine(genericRepositoryCalls))).Combine(repositories).Combine(validation).Combine(seeding).Combine(security).Combine(marten).Combine(messaging).Combine(sqlScripts.Collect().Combine(sqlInCode)).Combine(declaredMembers).Combine(specifications.Combine(identityOptions)))
            .Combine(projectName)
            .Select(static (input, cancellationToken) =>
            {
                var (((((((((((declared, (registered, (builtSites, providerCallSites))), settings), sqlSites), migrationClasses), applications), (cacheSites, outputCacheSites)), transactionSites), (shapeSites, loopSites)), hookSites), ((((((((((storeSites, (crudSites, (documentCrudSites, genericCallSites))), repositorySites), validationSites), seedingSites), securitySites), martenSites), messagingSites), (scriptFiles, sqlCodeSites)), memberSites), (specificationSites, identitySites))), name) = input;
                var errors = declared.Select(d => d!.Error).Concat(registered.Select(r => r!.Error)).Concat(builtSites.Select(b => b!.Error)).Concat(sqlSites.Select(s => s!.Error))
                    .Concat(migrationClasses.Select(m => m!.Error)).Concat(cacheSites.Select(c => c!.Error)).Concat(outputCacheSites.Select(c => c!.Error)).Concat(transactionSites.Select(t => t!.Error)).Concat(shapeSites.Select(q => q!.Error)).Concat(hookSites.Select(h => h!.Error)).Concat(storeSites.Select(s => s!.Error)).Concat(crudSites.Select(c => c!.Error)).Concat(documentCrudSites.Select(c => c!.Error)).Concat(repositorySites.Select(r => r!.Error)).Concat(validationSites.Select(v => v!.Error)).Concat(seedingSites.Select(s => s!.Error)).Concat(securitySites.Select(s => s!.Error)).Concat(martenSites.Select(m => m!.Error)).Concat(messagingSites.Select(m => m!.Error)).Concat(sqlCodeSites.Select(s => s!.Error)).Concat(specificationSites.Select(s => s!.Error)).Concat(identitySites.Select(s => s!.Error))
                    .Where(e => e is not null).Select(e => e!).ToEquatableArray();
                try
                {
                    var buildErrors = new System.Collections.Generic.List<string>();
                    var built = DataLayerReportBuilder.Build(
                        name,
                        declared.Select(d => d!.Context).Where(c => c is not null).Select(c => c!).ToList(),
                        declared.Select(d => d!.Configuration).Where(c => c is not null).Select(c => c!).ToList(),
                        registered.Select(r => r!.Registration).Where(r => r is not null).Select(r => r!).ToList(),
                        settings.Select(s => s!).ToList(),
                        buildErrors,
                        declared.Select(d => d!.Snapshot).Where(s => s is not null).Select(s => s!).ToList(),
                        sqlSites.Select(s => s!.Spec).Where(s => s is not null).Select(s => s!).ToList(),
                        migrationClasses.Select(m => m!.Migration).Where(m => m is not null).Select(m => m!).ToList(),
                        applications.Select(a => a!).ToList(),
                        cacheSites.Select(c => c!).ToList(),
                        transactionSites.Select(t => t!.Transaction).Where(t => t is not null).Select(t => t!).ToList(),
                        shapeSites.Select(q => q!.Shape).Where(q => q is not null).Select(q => q!).Concat(loopSites).ToList(),
                        hookSites.Select(h => h!.Hook).Where(h => h is not null).Select(h => h!).ToList(),
                        storeSites.Select(s => s!).ToList(),
                        crudSites.Select(c => c!.Spec).Where(c => c is not null).Select(c => c!).Concat(crudSites.SelectMany(c => c!.Tracked)).Concat(documentCrudSites.SelectMany(c => c!.Specs)).ToList(),
                        repositorySites.Select(r => r!).ToList(),
                        validationSites.Select(v => v!).ToList(),
                        seedingSites.Select(s => s!.Spec).Where(s => s is not null).Select(s => s!).ToList(),
                        securitySites.SelectMany(s => s!.Specs).ToList(),
                        martenSites.Select(m => m!).ToList(),
                        messagingSites.Select(m => m!.Spec).Where(m => m is not null).Select(m => m!).ToList(),
                        scriptFiles.Select(s => s!).ToList(),
                        sqlCodeSites.SelectMany(s => s!.Facts).ToList(),
                        memberSites.Select(m => m!).ToList(),
                        specificationSites.Select(s => s!.Spec).Where(s => s is not null).Select(s => s!).ToList(),
                        identitySites.Select(s => s!.Spec).Where(s => s is not null).Select(s => s!).ToList(),
                        outputCacheSites.Select(o => o!.Spec).Where(o => o is not null).Select(o => o!).ToList(),
                        securitySites.Select(s => s!.Transport).Where(t => t is not null).Select(t => t!).ToList(),
                        genericCallSites.ToList(),
                        builtSites.Select(b => b!.Site).Where(b => b is not null).Select(b => b!).ToList(),
                        providerCallSites.Select(p => p!).ToList());
                    return new ReportResult(built, errors.Concat(buildErrors).ToEquatableArray());
                }
                catch (System.Exception exception) when (exception is not System.OperationCanceledException)
                {
                    return new ReportResult(null, errors.Concat(new[] { GeneratorFailure.Describe(exception) }).ToEquatableArray());
                }
            })
            .WithTrackingName(TrackingNames.Report);

        // A detector's unexpected exception (Scan/SiteScan) joins the DDG001 warning; the rest of the report stands.
        var scanFailures = scanned.Select(static (sites, _) => sites.Failures).WithTrackingName(TrackingNames.ScanFailures);
        report = report.Combine(scanFailures)
            .Select(static (input, _) => input.Right.IsEmpty ? input.Left : input.Left with { Errors = input.Left.Errors.Concat(input.Right).ToEquatableArray() })
            .WithTrackingName(TrackingNames.ReportWithScanFailures);

        // Messages handed to brokers through their own clients (RabbitMQ.Client, Confluent.Kafka, Azure Service Bus), joined
        // after the report is built like tenancy, and before the background jobs, which list them among their steps.
        var brokerMessages = scanned.Select(static (sites, _) => sites.Of(Detectors.BrokerMessages)).WithTrackingName(TrackingNames.BrokerMessages);
        report = report.Combine(brokerMessages)
            .Select(static (input, _) => WithBrokerMessages(input.Left, input.Right))
            .WithTrackingName(TrackingNames.BrokerMessagesJoined);

        // Command timeouts set in code (1.1), joined after the report is built as broker messages are.
        var commandTimeouts = scanned.Select(static (sites, _) => sites.Of(Detectors.CommandTimeouts)).WithTrackingName(TrackingNames.CommandTimeouts);
        report = report.Combine(commandTimeouts)
            .Select(static (input, _) => WithCommandTimeouts(input.Left, input.Right))
            .WithTrackingName(TrackingNames.CommandTimeoutsJoined);

        // Tables libraries create or change at run time (3.1), decided for the whole project when joined.
        var librarySchemas = scanned.Select(static (sites, _) => sites.Of(Detectors.LibrarySchemas)).WithTrackingName(TrackingNames.LibrarySchemas);
        report = report.Combine(librarySchemas)
            .Select(static (input, _) => WithLibrarySchemas(input.Left, input.Right))
            .WithTrackingName(TrackingNames.LibrarySchemasJoined);

        // Queries built with a query builder (1.3), joined like command timeouts.
        var queryBuilders = scanned.Select(static (sites, _) => sites.Of(Detectors.QueryBuilders)).WithTrackingName(TrackingNames.QueryBuilders);
        report = report.Combine(queryBuilders)
            .Select(static (input, _) => WithQueryBuilders(input.Left, input.Right))
            .WithTrackingName(TrackingNames.QueryBuildersJoined);

        // What the database clients do in transit when a connection string says nothing (4.1): the client versions the
        // compilation references (small strings, equal across edits) and code that sets a client's TLS itself.
        var tlsInCode = scanned.Select(static (sites, _) => sites.Of(Detectors.TlsInCode)).WithTrackingName(TrackingNames.TlsInCode);
        var transitClients = context.CompilationProvider.Select(static (compilation, cancellationToken) => TransitClientReader.Read(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.TransitClients);
        report = report.Combine(tlsInCode.Combine(transitClients))
            .Select(static (input, _) => WithTransit(input.Left, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.TransitJoined);

        // Entity classes used with linq2db and the tables its attributes map them to (1.2), joined like command timeouts.
        var linq2DbTables = scanned.Select(static (sites, _) => sites.Of(Detectors.Linq2DbTables)).WithTrackingName(TrackingNames.Linq2DbTables);
        report = report.Combine(linq2DbTables)
            .Select(static (input, _) => WithLinq2DbTables(input.Left, input.Right))
            .WithTrackingName(TrackingNames.Linq2DbTablesJoined);

        // Background services and jobs handed to Hangfire or Quartz.NET, joined with the facts found in their code and in
        // the project methods they call (5.2).
        var hostedServices = scanned.Select(static (sites, _) => sites.Of(Detectors.HostedServices)).WithTrackingName(TrackingNames.HostedServices);
        var scheduledJobs = scanned.Select(static (sites, _) => sites.Of(Detectors.ScheduledJobs)).WithTrackingName(TrackingNames.ScheduledJobs);
        report = report.Combine(hostedServices.Combine(scheduledJobs).Combine(serviceRegistrations))
            .Select(static (input, _) => WithBackgroundJobs(input.Left, input.Right.Left.Left, input.Right.Left.Right, input.Right.Right))
            .WithTrackingName(TrackingNames.BackgroundJobs);

        // Hand-written orchestrations (sagas): try statements whose failure paths compensate, joined with the data-changing
        // facts of their code and of the project methods they call, as background jobs are.
        var orchestrations = scanned.Select(static (sites, _) => sites.Of(Detectors.Orchestrations)).WithTrackingName(TrackingNames.Orchestrations);
        report = report.Combine(orchestrations)
            .Select(static (input, _) => WithOrchestrations(input.Left, input.Right))
            .WithTrackingName(TrackingNames.OrchestrationsJoined);

        // Schema per tenant (4.2): the run-time default schema, the key factory registration and the factory, joined
        // after the report is built (a provider of its own keeps the report step's inputs unchanged).
        var tenancy = scanned.Select(static (sites, _) => sites.Of(Detectors.Tenancy)).WithTrackingName(TrackingNames.Tenancy);
        report = report.Combine(tenancy)
            .Select(static (input, _) => WithTenancy(input.Left, input.Right))
            .WithTrackingName(TrackingNames.TenancyJoined);

        // Replay code of hand-written event stores (5.1): loops and Aggregate calls folding the rows of an ordered query,
        // joined after the report is built like tenancy; which of them read an event table is decided at render time.
        var eventReplays = scanned.Select(static (sites, _) => sites.Of(Detectors.EventReplays)).WithTrackingName(TrackingNames.EventReplays);
        report = report.Combine(eventReplays)
            .Select(static (input, _) => WithEventReplays(input.Left, input.Right))
            .WithTrackingName(TrackingNames.EventReplaysJoined);

        // DbUp's WithScriptsEmbeddedInAssembly (5.1): the .sql AdditionalFiles that are embedded resources, with their
        // manifest resource names (AdditionalFiles metadata from the package's targets), joined after the report is
        // built like tenancy. Not a syntax provider, so TransformCache does not apply: the options provider is the same
        // object until an .editorconfig or the item metadata changes, and no file text is read here.
        var embeddedSqlResources = context.AdditionalTextsProvider
            .Where(SqlScriptParser.IsScript)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(EmbeddedResourceReader.Read)
            .Where(static resource => resource is not null)
            .WithTrackingName(TrackingNames.EmbeddedSqlResources);
        report = report.Combine(embeddedSqlResources.Collect())
            .Select(static (input, _) => input.Left.Report is { } built && !input.Right.IsEmpty
                ? input.Left with { Report = DbUpEmbeddedScripts.Join(built, input.Right.Select(r => r!).ToList()) }
                : input.Left)
            .WithTrackingName(TrackingNames.DbUpEmbeddedJoined);

        // Where the project calls the methods that hold a migration runner (3.1), with the condition at each call: a second
        // step on the compilation, given the methods the scan found (known only after it, and from method bodies), each
        // file's result reused as the scan's are (Parsing/MethodCallers). No such method: nothing is read.
        var callerResults = new MethodCallers.Cache();
        var runnerMethods = migrationApplications.Select(static (found, _) => Report.RunnerCallers.Methods(found)).WithTrackingName(TrackingNames.RunnerMethods);
        var runnerCallers = context.CompilationProvider.Combine(runnerMethods)
            .Select((input, cancellationToken) => MethodCallers.Find(callerResults, input.Left, input.Right, cancellationToken))
            .WithTrackingName(TrackingNames.RunnerCallers);
        report = report.Combine(runnerCallers)
            .Select(static (input, _) => input.Right.Error is { } error
                ? input.Left with { Errors = input.Left.Errors.Concat(new[] { error }).ToEquatableArray() }
                : input.Left.Report is { } built && !input.Right.Callers.IsEmpty
                    ? input.Left with { Report = Report.RunnerCallers.Join(built, input.Right.Callers) }
                    : input.Left)
            .WithTrackingName(TrackingNames.RunnerCallersJoined);

        // The whole-solution report: the fragments of referenced projects (their own facts, handed over by the
        // package's targets as AdditionalFiles) merged into this project's report. Ordered by path for determinism.
        var fragments = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(FragmentSuffix, System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new FragmentFile(Model.SourceLocation.Normalize(file.Path), ReportFragment.Read(file.GetText(cancellationToken)?.ToString() ?? string.Empty)))
            .WithTrackingName(TrackingNames.Fragments);

        // Namespace spans matter only with DataDocGenExclude/IncludeNamespaces: otherwise an empty list, so that edits
        // which move lines in files without facts do not re-render.
        var namespaceSpans = scanned.Select(static (sites, _) => sites.Of(Detectors.NamespaceSpans))
            .Combine(options)
            .Select(static (input, _) => NamespaceFilter.IsSet(input.Right.ExcludeNamespaces, input.Right.IncludeNamespaces)
                ? input.Left.Select(s => s!).OrderBy(s => s.Path, System.StringComparer.Ordinal).ThenBy(s => s.StartLine).ToEquatableArray()
                : EquatableArray<NamespaceSpan>.Empty)
            .WithTrackingName(TrackingNames.NamespaceSpans);

        var rendered = report.Combine(fragments.Collect()).Combine(options).Combine(namespaceSpans)
            .Select(static (input, _) => Render(input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.Rendered);

        // An implementation output: the payload is a comment that changes nothing a user or the IDE sees, so a host may
        // skip it (and, pulling nothing, every transform above) while typing; command-line builds always run it.
        context.RegisterImplementationSourceOutput(rendered, static (production, output) =>
        {
            if (output is null) return;
            if (output.Error is not null)
            {
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, output.Error));
            }
            production.AddSource(PayloadEmitter.HintName, output.Source);
        });
    }

    /// <summary>The file name ending of report fragments; the package's targets name them so.</summary>
    public const string FragmentSuffix = ".ddgfragment.json";

    private static RenderedOutput? Render(ReportResult result, System.Collections.Immutable.ImmutableArray<FragmentFile> fragments, ReportOptions options,
        EquatableArray<NamespaceSpan> namespaceSpans)
    {
        if (!options.Enabled) return null;
        var error = result.Errors.IsEmpty ? null
            : result.Errors[0] + (result.Errors.Count > 1 ? " (and " + (result.Errors.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more)" : string.Empty);
        if (result.Report is null) return new RenderedOutput(PayloadEmitter.Failed(), error);
        try
        {
            if (options.SimulateFailure) throw new System.InvalidOperationException("Simulated failure (DataDocGenSimulateFailure=true).");
            var paths = new RelativePath(options.ReportDirectory);
            var referenced = fragments.Where(f => f.Report is not null).GroupBy(f => f.Path).Select(g => g.First())
                .OrderBy(f => f.Path, System.StringComparer.Ordinal).Select(f => f.Report!).ToList();
            // The namespace choice applies to this project's own facts (referenced fragments carry their projects' choice).
            var own = NamespaceFilter.Apply(result.Report, namespaceSpans.ToList(), options.ExcludeNamespaces, options.IncludeNamespaces);
            var merged = ReportMerger.Merge(own, referenced);
            var files = new System.Collections.Generic.List<(string, string)>
            {
                ("DATA_LAYER.md", MarkdownEmitter.Emit(merged, paths, options.Sections)),
                ("DATA_LAYER.json", JsonEmitter.Emit(merged, paths)),
                // This project's own facts only, for the projects that reference it to merge.
                ("DATA_LAYER" + FragmentSuffix, ReportFragment.Write(own)),
            };
            if (options.Tbls) files.AddRange(TblsEmitter.Emit(merged));
            var source = PayloadEmitter.Emit(files.ToArray());
            return new RenderedOutput(source, error);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new RenderedOutput(PayloadEmitter.Failed(), GeneratorFailure.Describe(exception));
        }
    }

    private static ReportResult WithTenancy(ReportResult result, EquatableArray<TenancyResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) =>
            report with { Tenancy = specs.OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Kind).ToEquatableArray() });

    private static ReportResult WithBackgroundJobs(ReportResult result, EquatableArray<HostedServiceSpec> services, EquatableArray<ScheduledJobResult> scheduled,
        EquatableArray<ServiceImplementationSpec> registrations)
    {
        if (services.IsEmpty && scheduled.IsEmpty) return result;
        var errors = scheduled.Select(f => f!.Error).Where(e => e is not null).Select(e => e!).ToList();
        var specs = scheduled.Select(f => f!.Spec).Where(s => s is not null).Select(s => s!).ToList();
        var built = result.Report is { } report ? report with { BackgroundJobs = BackgroundJobs.Find(report, services.Select(s => s!).ToList(), specs, registrations.Select(r => r!).ToList()) } : null;
        return new ReportResult(built, errors.Count == 0 ? result.Errors : result.Errors.Concat(errors).ToEquatableArray());
    }

    private static ReportResult WithOrchestrations(ReportResult result, EquatableArray<OrchestrationResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) => report with { Orchestrations = Orchestrations.Find(report, specs) });

    private static ReportResult WithBrokerMessages(ReportResult result, EquatableArray<BrokerMessageResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) =>
            report with { BrokerMessages = specs.OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Api, System.StringComparer.Ordinal).ToEquatableArray() });

    private static ReportResult WithLinq2DbTables(ReportResult result, EquatableArray<Linq2DbTableResult> found)
    {
        if (found.IsEmpty) return result;
        var errors = found.Select(f => f!.Error).Where(e => e is not null).Select(e => e!).ToList();
        var tables = Linq2DbTables.Assemble(found.Select(f => f!.Table).Where(t => t is not null).Select(t => t!).ToList(),
            found.Select(f => f!.MappingCode).Where(m => m is not null).Select(m => m!).ToList());
        return new ReportResult(result.Report is { } built ? built with { Linq2DbTables = tables } : null, result.Errors.Concat(errors).ToEquatableArray());
    }

    private static ReportResult WithQueryBuilders(ReportResult result, EquatableArray<QueryBuilderResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) =>
            report with { QueryBuilders = specs.OrderBy(s => s.Location, LocationComparer.Instance).ToEquatableArray() });

    private static ReportResult WithLibrarySchemas(ReportResult result, EquatableArray<LibrarySchemaResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) => report with { LibrarySchemas = LibrarySchemas.Resolve(specs) });

    private static ReportResult WithCommandTimeouts(ReportResult result, EquatableArray<CommandTimeoutResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) =>
            report with { CommandTimeouts = specs.OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Api, System.StringComparer.Ordinal).ToEquatableArray() });

    private static ReportResult WithTransit(ReportResult result, EquatableArray<TlsInCodeResult> found, EquatableArray<TransitClientSpec> clients)
    {
        if (found.IsEmpty && clients.IsEmpty) return result;
        var errors = found.Select(f => f!.Error).Where(e => e is not null).Select(e => e!).ToList();
        var specs = found.Select(f => f!.Spec).Where(s => s is not null).Select(s => s!)
            .OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Name, System.StringComparer.Ordinal).ToEquatableArray();
        return new ReportResult(result.Report is { } built ? built with { TlsInCode = specs, TransitClients = clients } : null, result.Errors.Concat(errors).ToEquatableArray());
    }

    private static ReportResult WithEventReplays(ReportResult result, EquatableArray<EventReplayResult> found) =>
        Join(result, found, static f => f.Spec, static f => f.Error, static (report, specs) =>
            report with { EventReplays = specs.OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Member, System.StringComparer.Ordinal).ToEquatableArray() });

    /// <summary>
    /// Joins a detector's findings into the built report, as the steps after the report do: the specs found, through
    /// <paramref name="apply"/>, and the failures, added to the report's errors. Nothing found leaves the result as it is.
    /// </summary>
    private static ReportResult Join<TResult, TSpec>(ReportResult result, EquatableArray<TResult> found, System.Func<TResult, TSpec?> spec,
        System.Func<TResult, string?> error, System.Func<DataLayerReport, List<TSpec>, DataLayerReport> apply)
        where TResult : class, System.IEquatable<TResult>
        where TSpec : class
    {
        if (found.IsEmpty) return result;
        var errors = found.Select(f => error(f!)).Where(e => e is not null).Select(e => e!).ToList();
        var specs = found.Select(f => spec(f!)).Where(s => s is not null).Select(s => s!).ToList();
        return new ReportResult(result.Report is { } built ? apply(built, specs) : null, errors.Count == 0 ? result.Errors : result.Errors.Concat(errors).ToEquatableArray());
    }

    private sealed record ReportResult(DataLayerReport? Report, EquatableArray<string> Errors);

    /// <summary>A referenced project's fragment: its path and its report (null when unreadable or of another version).</summary>
    private sealed record FragmentFile(string Path, DataLayerReport? Report);

    private sealed record RenderedOutput(string Source, string? Error);
}
