using System;
using System.Collections.Generic;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Names = DataDocGen.Generator.DataLayerReportGenerator.TrackingNames;

namespace DataDocGen.Generator.Scan;

/// <summary>Every detector <see cref="SiteScan"/> runs, in a fixed order (the order of a node's findings).</summary>
internal static class Detectors
{
    private static readonly List<Detector> all = new();

    public static readonly Detector<DeclaredTypeSpec> DeclaredTypes = One<DeclaredTypeSpec>(Names.DeclaredTypes, DeclaredTypeParser.IsCandidate, DeclaredTypeParser.Parse);
    public static readonly Detector<RegistrationResult> Registrations = One<RegistrationResult>(Names.Registrations, RegistrationParser.IsCandidate, RegistrationParser.Parse);
    /// <summary>Options builders the code makes for a context (<c>new DbContextOptionsBuilder&lt;T&gt;()</c>), followed for its provider.</summary>
    public static readonly Detector<BuiltOptionsResult> BuiltOptions = One<BuiltOptionsResult>(Names.BuiltOptions, BuiltOptionsParser.IsCandidate, BuiltOptionsParser.Parse);
    /// <summary>Every provider call on an options builder, for the report to name those it attributes to no context.</summary>
    public static readonly Detector<ProviderCallSpec> ProviderCalls = One<ProviderCallSpec>(Names.ProviderCalls, ProviderCallParser.IsCandidate, ProviderCallParser.Parse);
    public static readonly Detector<RawSqlResult> RawSql = One<RawSqlResult>(Names.RawSql, RawSqlParser.IsCandidate, RawSqlParser.Parse);
    public static readonly Detector<CallSiteSpec> MigrationApplications = One<CallSiteSpec>(Names.MigrationApplications, MigrationParser.IsApplyCandidate, MigrationParser.ParseApply);
    public static readonly Detector<QueryShapeResult> QueryShapes = One<QueryShapeResult>(Names.QueryShapes, QueryShapeParser.IsCandidate, QueryShapeParser.Parse);
    /// <summary>Database calls (Dapper, ADO.NET, Redis, MongoDB, LiteDB) in a loop body, directly or through a project method (2.4).</summary>
    public static readonly ManyDetector<QueryShapeSpec> LoopRoundTrips = Many<QueryShapeSpec>(Names.LoopRoundTrips, LoopRoundTripParser.IsCandidate, LoopRoundTripParser.Parse);
    public static readonly Detector<SaveHookResult> SaveHooks = One<SaveHookResult>(Names.SaveHooks, SaveHookParser.IsCandidate, SaveHookParser.Parse);
    public static readonly Detector<CacheResult> Caching = One<CacheResult>(Names.Caching, CacheParser.IsCandidate, CacheParser.Parse);
    /// <summary>ASP.NET Core output caching: policies (AddBasePolicy/AddPolicy), CacheOutput conventions and [OutputCache].</summary>
    public static readonly Detector<OutputCacheResult> OutputCache = One<OutputCacheResult>(Names.OutputCache, OutputCacheParser.IsCandidate, OutputCacheParser.Parse);
    public static readonly Detector<TransactionResult> Transactions = One<TransactionResult>(Names.Transactions, TransactionParser.IsCandidate, TransactionParser.Parse);
    public static readonly Detector<StoreResult> Stores = One<StoreResult>(Names.Stores, StoreParser.IsCandidate, StoreParser.Parse);
    public static readonly Detector<CrudResult> Crud = One<CrudResult>(Names.Crud, CrudParser.IsCandidate, CrudParser.Parse);
    /// <summary>Document stores (MongoDB, LiteDB, Marten): the call on the collection or session wherever it sits in a
    /// chain, not only CRUD's last call of a chain.</summary>
    public static readonly Detector<DocumentCrudResult> DocumentCrud = One<DocumentCrudResult>(Names.DocumentCrud, DocumentCrudParser.IsCandidate, DocumentCrudParser.Parse);
    /// <summary>Calls into a generic repository of this project with a concrete entity (<c>IRepository&lt;Order&gt;.Add</c>),
    /// joined in the report with the CRUD rows of the repository method's type parameter.</summary>
    public static readonly ManyDetector<GenericRepositoryCallSpec> GenericRepositoryCalls = Many<GenericRepositoryCallSpec>(Names.GenericRepositoryCalls, GenericRepositoryCallParser.IsCandidate, GenericRepositoryCallParser.Parse);
    public static readonly Detector<RepositoryResult> Repositories = One<RepositoryResult>(Names.Repositories, RepositoryParser.IsCandidate, RepositoryParser.Parse);
    public static readonly Detector<ValidationResult> Validation = One<ValidationResult>(Names.Validation, ValidationParser.IsCandidate, ValidationParser.Parse);
    public static readonly Detector<SeedingResult> Seeding = One<SeedingResult>(Names.Seeding, SeedingParser.IsCandidate, SeedingParser.Parse);
    public static readonly Detector<SecurityResult> Security = One<SecurityResult>(Names.Security, SecurityParser.IsCandidate, SecurityParser.Parse);
    public static readonly Detector<MartenResult> Marten = One<MartenResult>(Names.Marten, MartenParser.IsCandidate, MartenParser.Parse);
    public static readonly Detector<MessagingResult> Messaging = One<MessagingResult>(Names.Messaging, MassTransitParser.IsCandidate, MassTransitParser.Parse);
    public static readonly Detector<SqlInCodeResult> SqlInCode = One<SqlInCodeResult>(Names.SqlInCode, SqlScriptParser.IsCandidate, SqlScriptParser.Parse);
    public static readonly ManyDetector<DeclaredMemberSpec> DeclaredMembers = Many<DeclaredMemberSpec>(Names.DeclaredMembers, DeclaredMemberParser.IsCandidate, DeclaredMemberParser.Parse);
    public static readonly Detector<SpecificationResult> Specifications = One<SpecificationResult>(Names.Specifications, SpecificationParser.IsCandidate, SpecificationParser.Parse);
    public static readonly Detector<IdentityStoreOptionResult> IdentityOptions = One<IdentityStoreOptionResult>(Names.IdentityOptions, IdentityStoreOptionParser.IsCandidate, IdentityStoreOptionParser.Parse);
    /// <summary>Messages handed to brokers through their own clients (RabbitMQ.Client, Confluent.Kafka, Azure Service Bus).</summary>
    public static readonly Detector<BrokerMessageResult> BrokerMessages = One<BrokerMessageResult>(Names.BrokerMessages, BrokerClientParser.IsCandidate, BrokerClientParser.Parse);
    /// <summary>Command timeouts set in code (1.1): ADO.NET CommandTimeout, Dapper's commandTimeout, EF Core's SetCommandTimeout.</summary>
    public static readonly Detector<CommandTimeoutResult> CommandTimeouts = One<CommandTimeoutResult>(Names.CommandTimeouts, CommandTimeoutParser.IsCandidate, CommandTimeoutParser.Parse);
    /// <summary>Tables libraries create or change at run time (3.1): Hangfire's SQL Server storage, Rebus's SQL stores, Marten's AutoCreate.</summary>
    public static readonly Detector<LibrarySchemaResult> LibrarySchemas = One<LibrarySchemaResult>(Names.LibrarySchemas, LibrarySchemaParser.IsCandidate, LibrarySchemaParser.Parse);
    /// <summary>Queries built with LinqKit (1.3): PredicateBuilder predicates, AsExpandable queries, WithExpressionExpanding contexts.</summary>
    public static readonly Detector<QueryBuilderResult> QueryBuilders = One<QueryBuilderResult>(Names.QueryBuilders, QueryBuilderParser.IsCandidate, QueryBuilderParser.Parse);
    /// <summary>Entity classes used with linq2db (ITable<T> properties of a data context, GetTable<T>()) and the code that configures its mapping (1.2).</summary>
    public static readonly Detector<Linq2DbTableResult> Linq2DbTables = One<Linq2DbTableResult>(Names.Linq2DbTables, Linq2DbTableParser.IsCandidate, Linq2DbTableParser.Parse);
    public static readonly Detector<HostedServiceSpec> HostedServices = One<HostedServiceSpec>(Names.HostedServices, HostedServiceParser.IsCandidate, HostedServiceParser.Parse);
    /// <summary>Jobs handed to Hangfire (AddOrUpdate, Enqueue, Schedule) and Quartz.NET (AddJob, ScheduleJob, AddTrigger) (5.2).</summary>
    public static readonly Detector<ScheduledJobResult> ScheduledJobs = One<ScheduledJobResult>(Names.ScheduledJobs, ScheduledJobParser.IsCandidate, ScheduledJobParser.Parse);
    /// <summary>Schema per tenant (4.2): the run-time default schema, the key factory registration and the factory.</summary>
    public static readonly Detector<TenancyResult> Tenancy = One<TenancyResult>(Names.Tenancy, TenancyParser.IsCandidate, TenancyParser.Parse);
    /// <summary>Replay code of hand-written event stores (5.1): loops and Aggregate calls folding an ordered query's rows.</summary>
    public static readonly Detector<EventReplayResult> EventReplays = One<EventReplayResult>(Names.EventReplays, EventReplayParser.IsCandidate, EventReplayParser.Parse);
    /// <summary>Hand-written orchestrations (sagas): try statements whose failure paths may compensate the steps of the try block.</summary>
    public static readonly Detector<OrchestrationResult> Orchestrations = One<OrchestrationResult>(Names.Orchestrations, OrchestrationParser.IsCandidate, OrchestrationParser.Parse);
    /// <summary>Code that may set a database client's TLS itself (4.1): TLS, SSL and certificate members of the clients' types.</summary>
    public static readonly Detector<TlsInCodeResult> TlsInCode = One<TlsInCodeResult>(Names.TlsInCode, TlsInCodeParser.IsCandidate, TlsInCodeParser.Parse);
    public static readonly Detector<NamespaceSpan> NamespaceSpans = One<NamespaceSpan>(Names.NamespaceSpans, NamespaceSpanParser.IsCandidate, NamespaceSpanParser.Parse);

    public static IReadOnlyList<Detector> All => all;

    private static Detector<T> One<T>(string name, Func<SyntaxNode, CancellationToken, bool> isCandidate, Func<SiteContext, CancellationToken, T?> parse)
        where T : class, IEquatable<T>
    {
        var detector = new Detector<T>(all.Count, name, isCandidate, parse);
        all.Add(detector);
        return detector;
    }

    private static ManyDetector<T> Many<T>(string name, Func<SyntaxNode, CancellationToken, bool> isCandidate, Func<SiteContext, CancellationToken, EquatableArray<T>> parse)
        where T : IEquatable<T>
    {
        var detector = new ManyDetector<T>(all.Count, name, isCandidate, parse);
        all.Add(detector);
        return detector;
    }
}
