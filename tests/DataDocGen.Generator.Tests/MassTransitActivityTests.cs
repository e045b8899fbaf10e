using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>MassTransit (issue 5, audits of MassTransit's Library and Twitch samples): a state machine's Schedule,
/// Unschedule, Request, Respond, PublishAsync and custom activities, where it finalizes; saga repositories besides
/// in-memory; consumers bound to receive endpoints; EF Core's EnsureDeleted at start-up. Against MassTransit 8.5.12.</summary>
public class MassTransitActivityTests
{
    private const string Machine = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Warehouse
        {
            public record AllocationCreated(Guid AllocationId, TimeSpan HoldDuration);
            public record ReleaseRequested(Guid AllocationId);
            public record HoldExpired(Guid AllocationId);
            public record AllocateInventory(Guid AllocationId);
            public record InventoryAllocated(Guid AllocationId);
            public record AllocationAccepted(Guid AllocationId);
            public record CheckAllocation(Guid AllocationId);
            public record AllocationStatus(Guid AllocationId, string State);
            public record CarrierFailed(Guid AllocationId);

            public class AllocationState : SagaStateMachineInstance
            {
                public Guid CorrelationId { get; set; }
                public string CurrentState { get; set; } = "";
                public Guid? HoldToken { get; set; }
                public Guid? AllocationRequestId { get; set; }
            }

            public class NotifyWarehouseActivity : IStateMachineActivity<AllocationState, ReleaseRequested>
            {
                public void Probe(ProbeContext context) { }
                public void Accept(StateMachineVisitor visitor) { }
                public Task Execute(BehaviorContext<AllocationState, ReleaseRequested> context, IBehavior<AllocationState, ReleaseRequested> next) => next.Execute(context);
                public Task Faulted<TException>(BehaviorExceptionContext<AllocationState, ReleaseRequested, TException> context, IBehavior<AllocationState, ReleaseRequested> next) where TException : Exception => next.Faulted(context);
            }

            public class AllocationStateMachine : MassTransitStateMachine<AllocationState>
            {
                public State Allocated { get; private set; } = null!;
                public State Released { get; private set; } = null!;
                public Event<AllocationCreated> Created { get; private set; } = null!;
                public Event<ReleaseRequested> Release { get; private set; } = null!;
                public Event<CheckAllocation> StatusRequested { get; private set; } = null!;
                public Schedule<AllocationState, HoldExpired> HoldExpiration { get; private set; } = null!;
                public Request<AllocationState, AllocateInventory, InventoryAllocated> Allocation { get; private set; } = null!;

                public AllocationStateMachine()
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => Created, e => e.CorrelateById(m => m.Message.AllocationId));
                    Event(() => Release, e => e.CorrelateById(m => m.Message.AllocationId));
                    Event(() => StatusRequested, e => e.CorrelateById(m => m.Message.AllocationId));
                    Schedule(() => HoldExpiration, x => x.HoldToken, s =>
                    {
                        s.Delay = TimeSpan.FromHours(1);
                        s.Received = r => r.CorrelateById(m => m.Message.AllocationId);
                    });
                    Request(() => Allocation, x => x.AllocationRequestId, r =>
                    {
                        r.ServiceAddress = new Uri("queue:allocate-inventory");
                        r.Timeout = TimeSpan.FromSeconds(30);
                    });

                    Initially(
                        When(Created)
                            .Schedule(HoldExpiration, c => new HoldExpired(c.Message.AllocationId), c => c.Message.HoldDuration)
                            .Request(Allocation, c => new AllocateInventory(c.Message.AllocationId))
                            .PublishAsync(c => c.Init<AllocationAccepted>(new { c.Message.AllocationId }))
                            .TransitionTo(Allocated));

                    During(Allocated,
                        When(Created)
                            .Schedule(HoldExpiration, c => new HoldExpired(c.Message.AllocationId)),
                        When(HoldExpiration.Received)
                            .Finalize(),
                        When(Release)
                            .Unschedule(HoldExpiration)
                            .Activity(x => x.OfType<NotifyWarehouseActivity>())
                            .Catch<InvalidOperationException>(ex => ex.Publish(c => new CarrierFailed(c.Saga.CorrelationId)).Finalize())
                            .Finalize());

                    DuringAny(
                        When(StatusRequested)
                            .RespondAsync(c => c.Init<AllocationStatus>(new { AllocationId = c.Saga.CorrelationId, State = c.Saga.CurrentState })));

                    SetCompletedWhenFinalized();
                }
            }

            // A consumer answering a request: its response is reported; its Publish stays a published row of the consumer.
            public class StatusConsumer : IConsumer<CheckAllocation>
            {
                public async Task Consume(ConsumeContext<CheckAllocation> context)
                {
                    await context.RespondAsync(new AllocationStatus(context.Message.AllocationId, "unknown"));
                    await context.Publish(new ReleaseRequested(context.Message.AllocationId));
                }
            }
        }
        namespace Warehouse.Traps
        {
            // Traps: named like a state machine, with Schedule, Request, Respond and Finalize of its own.
            public class Planner
            {
                public Planner Schedule(object what, Func<int, int> when) => this;
                public Planner Unschedule(object what) => this;
                public Planner Request(object what) => this;
                public Planner RespondAsync(object what) => this;
                public new void Finalize() { }
            }
            public class ReminderStateMachine
            {
                public object Reminder { get; } = new();
                public void Run(Planner p) => p.Schedule(Reminder, x => x).Unschedule(Reminder).Request(new Warehouse.AllocateInventory(Guid.Empty)).RespondAsync(new Warehouse.AllocationStatus(Guid.Empty, "x")).Finalize();
            }
        }
        """;

    [Fact]
    public void Schedule_unschedule_request_respond_and_publish_async_activities_are_rows_of_5_2_with_their_messages()
    {
        var output = GeneratorHarness.Run(Sources.With(("Warehouse/Allocation.cs", Machine)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // Twitch's AllocationStateMachine: the activity's delay, else the declaration's.
        Assert.Contains("| scheduled | `Warehouse.HoldExpired` | by schedule `HoldExpiration`, delay `c.Message.HoldDuration`: sent to the endpoint this state machine receives on, to arrive later | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:65](Warehouse/Allocation.cs#L65) |", md);
        Assert.Contains("| scheduled | `Warehouse.HoldExpired` | by schedule `HoldExpiration`, delay `TimeSpan.FromHours(1)` (its declaration): sent to the endpoint this state machine receives on, to arrive later | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:72](Warehouse/Allocation.cs#L72) |", md);
        Assert.Contains("| schedule cancelled | `Warehouse.HoldExpired` | cancels what schedule `HoldExpiration` scheduled, if it has not arrived yet | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:76](Warehouse/Allocation.cs#L76) |", md);
        Assert.Contains("| request sent | `Warehouse.AllocateInventory` | request `Allocation`, to queue:allocate-inventory; its response `Warehouse.InventoryAllocated` (or a fault, or the request's timeout) comes back as the request's events | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:66](Warehouse/Allocation.cs#L66) |", md);
        // Library's CheckOutStateMachine: PublishAsync(x => x.Init<T>(...)) publishes T.
        Assert.Contains("| published | `Warehouse.AllocationAccepted` |  | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:67](Warehouse/Allocation.cs#L67) |", md);
        // Twitch's OrderStateMachine: RespondAsync(x => x.Init<OrderStatus>(...)).
        Assert.Contains("| response sent | `Warehouse.AllocationStatus` | the response to the request being handled | `AllocationStateMachine.ctor` | [Warehouse/Allocation.cs:83](Warehouse/Allocation.cs#L83) |", md);
        Assert.Contains("| response sent | `Warehouse.AllocationStatus` | the response to the request being handled | `StatusConsumer.Consume` |", md);
        // A consumer's Publish stays where it was.
        Assert.Contains("| published | `Warehouse.ReleaseRequested` |  | `StatusConsumer.Consume` |", md);
        // Traps: the project's own Schedule, Request, RespondAsync and Finalize.
        Assert.DoesNotContain("ReminderStateMachine", md);
        Assert.DoesNotContain("Run` |", md);
        Assert.Contains("\"kind\": \"request sent\"", output.Json);
    }

    [Fact]
    public void The_saga_row_names_schedules_requests_custom_activities_and_where_instances_are_finalized()
    {
        var output = GeneratorHarness.Run(Sources.With(("Warehouse/Allocation.cs", Machine)));
        var md = output.Markdown!;
        var row = md.Split('\n').Single(l => l.StartsWith("| saga | `Warehouse.AllocationStateMachine` |", StringComparison.Ordinal));
        Assert.Contains("schedules: HoldExpiration (HoldExpired)", row);
        Assert.Contains("requests: Allocation (AllocateInventory, answered by InventoryAllocated)", row);
        // Twitch's .Activity(x => x.OfType<AcceptOrderActivity>()): the class is named.
        Assert.Contains("custom activities: Warehouse.NotifyWarehouseActivity", row);
        // The event and states each Finalize() runs on, the one in a Catch handler through its lambda.
        Assert.Contains("finalized on: HoldExpiration.Received during Allocated, Release during Allocated", row);
        Assert.Contains("compensation on InvalidOperationException: Publish CarrierFailed, Finalize", row);
        Assert.Contains("; removed when finalized |", row);
        Assert.DoesNotContain("stay in the saga repository", row);
        Assert.DoesNotContain("| saga | `Warehouse.Traps.ReminderStateMachine`", md);
    }

    [Fact]
    public void Without_SetCompletedWhenFinalized_finalized_instances_are_said_to_stay_in_the_repository()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Machine.cs", """
            using MassTransit;
            namespace Billing
            {
                public record Charged(Guid Id);
                public class ChargeState : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
                public class ChargeStateMachine : MassTransitStateMachine<ChargeState>
                {
                    public Event<Charged> ChargedEvent { get; private set; } = null!;
                    public ChargeStateMachine()
                    {
                        InstanceState(x => x.CurrentState);
                        Initially(When(ChargedEvent).Finalize());
                    }
                }
            }
            """)));
        var md = output.Markdown!;
        Assert.Contains("events: ChargedEvent (Charged); finalized on: ChargedEvent initially; finalized instances stay in the saga repository (no SetCompletedWhenFinalized) |", md);
        Assert.DoesNotContain("removed when finalized", md);
    }

    /// <summary>MassTransit.MongoDb, .Redis, .EntityFrameworkCore, .Azure.Cosmos, .DapperIntegration and .Marten are not
    /// served by this machine's package mirror: their registration extensions are declared here with their real names,
    /// namespace and parameter names (MassTransit 8's sources), as the outbox test does.</summary>
    private const string RepositoryStandIns = """
        namespace MassTransit
        {
            public enum ConcurrencyMode { Optimistic, Pessimistic }
            public interface IMongoDbSagaRepositoryConfigurator<T> { string Connection { set; } string DatabaseName { set; } string CollectionName { set; } }
            public interface IRedisSagaRepositoryConfigurator<T> { ConcurrencyMode ConcurrencyMode { set; } string KeyPrefix { set; } void DatabaseConfiguration(string configuration); }
            public interface ILockStatementProvider { }
            public class PostgresLockStatementProvider : ILockStatementProvider { }
            public interface IEntityFrameworkSagaRepositoryConfigurator<T>
            {
                ConcurrencyMode ConcurrencyMode { set; }
                System.Data.IsolationLevel IsolationLevel { set; }
                ILockStatementProvider LockStatementProvider { set; }
                void ExistingDbContext<TContext>() where TContext : DbContext;
                void UsePostgres();
            }
            public interface ICosmosSagaRepositoryConfigurator<T> { string EndpointUri { set; } string Key { set; } string DatabaseId { set; } string CollectionId { set; } }
            public static class SagaRepositoryStandIns
            {
                public static ISagaRegistrationConfigurator<T> MongoDbRepository<T>(this ISagaRegistrationConfigurator<T> configurator, Action<IMongoDbSagaRepositoryConfigurator<T>>? configure = null) where T : class, ISaga => configurator;
                public static ISagaRegistrationConfigurator<T> RedisRepository<T>(this ISagaRegistrationConfigurator<T> configurator, string configuration, Action<IRedisSagaRepositoryConfigurator<T>>? configure = null) where T : class, ISaga => configurator;
                public static ISagaRegistrationConfigurator<T> EntityFrameworkRepository<T>(this ISagaRegistrationConfigurator<T> configurator, Action<IEntityFrameworkSagaRepositoryConfigurator<T>> configure) where T : class, ISaga => configurator;
                public static ISagaRegistrationConfigurator<T> CosmosRepository<T>(this ISagaRegistrationConfigurator<T> configurator, Action<ICosmosSagaRepositoryConfigurator<T>> configure) where T : class, ISaga => configurator;
                public static ISagaRegistrationConfigurator<T> DapperRepository<T>(this ISagaRegistrationConfigurator<T> configurator, string connectionString) where T : class, ISaga => configurator;
                public static ISagaRegistrationConfigurator<T> MartenRepository<T>(this ISagaRegistrationConfigurator<T> configurator) where T : class, ISaga => configurator;
            }
        }
        namespace Sagas
        {
            using MassTransit;
            public class S1 : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
            public class S2 : S1 { } public class S3 : S1 { } public class S4 : S1 { } public class S5 : S1 { } public class S6 : S1 { } public class S7 : S1 { }
            public class M1 : MassTransitStateMachine<S1> { } public class M2 : MassTransitStateMachine<S2> { } public class M3 : MassTransitStateMachine<S3> { }
            public class M4 : MassTransitStateMachine<S4> { } public class M5 : MassTransitStateMachine<S5> { } public class M6 : MassTransitStateMachine<S6> { }
            public class M7 : MassTransitStateMachine<S7> { }
            public class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options) { }
            public static class Bus
            {
                public static void Add(IServiceCollection services, IConfiguration configuration) => services.AddMassTransit(x =>
                {
                    // Twitch's Sample.Service: MongoDB with a constant connection and database.
                    x.AddSagaStateMachine<M1, S1>().MongoDbRepository(r =>
                    {
                        r.Connection = "mongodb://sagas:Mongo-Secret@127.0.0.1";
                        r.DatabaseName = "orders";
                        r.CollectionName = "order_states";
                    });
                    x.AddSagaStateMachine<M2, S2>().RedisRepository(configuration.GetConnectionString("Redis")!, r =>
                    {
                        r.ConcurrencyMode = ConcurrencyMode.Optimistic;
                        r.KeyPrefix = "billing";
                    });
                    x.AddSagaStateMachine<M3, S3>().EntityFrameworkRepository(r =>
                    {
                        r.ConcurrencyMode = ConcurrencyMode.Pessimistic;
                        r.ExistingDbContext<OrdersContext>();
                        r.UsePostgres();
                    });
                    x.AddSagaStateMachine<M4, S4>().CosmosRepository(r =>
                    {
                        r.EndpointUri = "https://sagas.documents.azure.com:443/";
                        r.Key = "Cosmos-Key-Secret";
                        r.DatabaseId = "sagas";
                        r.CollectionId = "allocations";
                    });
                    x.AddSagaStateMachine<M5, S5>().DapperRepository(configuration.GetConnectionString("Sagas")!);
                    x.AddSagaStateMachine<M6, S6>().MartenRepository();
                    // Trap: a database name assigned twice is not stated.
                    x.AddSagaStateMachine<M7, S7>().MongoDbRepository(r => { r.DatabaseName = "first"; r.DatabaseName = "second"; });
                });
            }
        }
        namespace Lookalike
        {
            // Trap: a MongoDbRepository of the project's own (its lambda does not bind to MassTransit's): named as written,
            // nothing read from it.
            public class Options { public string Database { get; set; } = ""; public string DatabaseName { get; set; } = ""; }
            public static class Own { public static TR MongoDbRepository<TR>(this TR c, Action<Options> o) => c; }
        }
        """;

    [Fact]
    public void Saga_repositories_name_their_store_and_constant_settings_without_secrets()
    {
        var output = GeneratorHarness.Run(Sources.With(("Sagas/Bus.cs", RepositoryStandIns)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| saga registration | `Sagas.M1` | repository: MongoDbRepository (MongoDB; connection mongodb://sagas:\\*\\*\\*@127.0.0.1; database `orders`; collection `order_states`) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M2` | repository: RedisRepository (Redis; connection from configuration `ConnectionStrings:Redis`; concurrency Optimistic; key prefix `billing`) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M3` | repository: EntityFrameworkRepository (Entity Framework Core; concurrency Pessimistic; existing DbContext `OrdersContext`; `UsePostgres()`) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M4` | repository: CosmosRepository (Azure Cosmos DB; endpoint https://sagas.documents.azure.com:443/; database `sagas`; collection `allocations`) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M5` | repository: DapperRepository (Dapper; connection from configuration `ConnectionStrings:Sagas`) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M6` | repository: MartenRepository (Marten (PostgreSQL)) | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `Sagas.M7` | repository: MongoDbRepository (MongoDB) | `Bus.Add` |", md);
        Assert.DoesNotContain("Mongo-Secret", output.All);
        Assert.DoesNotContain("Cosmos-Key-Secret", output.All);
    }

    [Fact]
    public void A_repository_method_that_is_not_MassTransits_is_named_as_written_with_nothing_read()
    {
        var output = GeneratorHarness.Run(Sources.With(("Sagas/Bus.cs", RepositoryStandIns), ("Sagas/Own.cs", """
            using Lookalike;
            using MassTransit;
            namespace Sagas2
            {
                public class S : MassTransit.SagaStateMachineInstance { public Guid CorrelationId { get; set; } }
                public class M : MassTransit.MassTransitStateMachine<S> { }
                public static class Bus2
                {
                    public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                        x.AddSagaStateMachine<M, S>().MongoDbRepository(o => { o.Database = "own"; o.DatabaseName = "own-name"; }));
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| saga registration | `Sagas2.M` | repository: MongoDbRepository | `Bus2.Add` |", output.Markdown);
        Assert.DoesNotContain("own-name", output.Markdown);
    }

    private const string Endpoints = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shipping
        {
            public record ShipOrder(Guid Id);
            public record PrintLabel(Guid Id);
            public record Audit(Guid Id);
            public record Archive(Guid Id);
            public class ShipOrderConsumer : IConsumer<ShipOrder> { public Task Consume(ConsumeContext<ShipOrder> context) => Task.CompletedTask; }
            public class PrintLabelConsumer : IConsumer<PrintLabel> { public Task Consume(ConsumeContext<PrintLabel> context) => Task.CompletedTask; }
            public class AuditConsumer : IConsumer<Audit> { public Task Consume(ConsumeContext<Audit> context) => Task.CompletedTask; }
            public class ArchiveConsumer : IConsumer<Archive> { public Task Consume(ConsumeContext<Archive> context) => Task.CompletedTask; }

            public static class Bus
            {
                private const string LabelQueue = "print-label";
                public static void Add(IServiceCollection services, string region) => services.AddMassTransit(x =>
                {
                    x.AddConsumer<ShipOrderConsumer>().Endpoint(e => e.Name = "ship-order");
                    x.AddConsumer<PrintLabelConsumer>();
                    x.AddConsumer<AuditConsumer>();
                    x.AddConsumer<ArchiveConsumer>();
                    x.UsingInMemory((context, cfg) =>
                    {
                        cfg.ReceiveEndpoint(LabelQueue, e => e.ConfigureConsumer<PrintLabelConsumer>(context));
                        cfg.ReceiveEndpoint("audit-" + region, e => e.ConfigureConsumer(context, typeof(AuditConsumer)));
                        cfg.ReceiveEndpoint("archive", e =>
                        {
                            e.Consumer<ArchiveConsumer>(context);
                        });
                        cfg.ReceiveEndpoint("everything-else", e => e.ConfigureConsumers(context));
                        cfg.ConfigureEndpoints(context);
                    });
                });
            }

            // Trap: the project's own ConfigureConsumer<T>(), in a lambda of its own ReceiveEndpoint.
            public class Router { public void ReceiveEndpoint(string name, Action<Router> configure) { } public void ConfigureConsumer<T>(object context) { } }
            public static class Own { public static void Run(Router r) => r.ReceiveEndpoint("own", e => e.ConfigureConsumer<ShipOrderConsumer>(r)); }
        }
        """;

    [Fact]
    public void A_consumer_configured_on_a_receive_endpoint_is_registered_there_with_the_queue_name()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping/Bus.cs", Endpoints)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        string Row(string consumer) => md.Split('\n').Single(l => l.StartsWith("| `" + consumer + "` |", StringComparison.Ordinal));
        Assert.Contains("`ConfigureConsumer<PrintLabelConsumer>(context)` on receive endpoint `print-label` in `Bus.Add` [Shipping/Bus.cs:30](Shipping/Bus.cs#L30)", Row("Shipping.PrintLabelConsumer"));
        // A name computed with a literal in it is not quoted (it could hold a secret).
        Assert.Contains("`ConfigureConsumer(context, typeof(AuditConsumer))` on a receive endpoint whose name is computed in code in `Bus.Add`", Row("Shipping.AuditConsumer"));
        Assert.Contains("`Consumer<ArchiveConsumer>(context)` on receive endpoint `archive` in `Bus.Add`", Row("Shipping.ArchiveConsumer"));
        // The endpoint name ConfigureEndpoints gives the consumer (OrderEvents' ShippingConsumer).
        Assert.Contains("`AddConsumer<ShipOrderConsumer>()` with endpoint name `ship-order` (used when `ConfigureEndpoints` creates its endpoint) in `Bus.Add`", Row("Shipping.ShipOrderConsumer"));
        Assert.Contains("- `ConfigureConsumers(context)` on receive endpoint `everything-else` in `Bus.Add` [Shipping/Bus.cs:36](Shipping/Bus.cs#L36)", md);
        // Trap: the project's own ConfigureConsumer registers nothing.
        Assert.DoesNotContain("Own.Run", md);
        Assert.DoesNotContain("`own`", md);
        Assert.Contains("\"endpoint\": \"on receive endpoint `print-label`\"", output.Json);
    }

    private const string Startup = """
        namespace Library.Data
        {
            public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options) { }
            public interface IHostEnvironment { bool IsDevelopment(); }
            public static class Startup
            {
                public static async System.Threading.Tasks.Task Run(LibraryContext db, IHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        await db.Database.EnsureDeletedAsync();
                        await db.Database.EnsureCreatedAsync();
                    }
                }
                public static void Reset(LibraryContext db) => db.Database.EnsureDeleted();
            }
            // Trap: an EnsureDeleted of the project's own.
            public class Files { public void EnsureDeleted() { } }
            public static class Cleanup { public static void Run(Files f) => f.EnsureDeleted(); }
        }
        """;

    [Fact]
    public void EnsureDeleted_is_listed_with_EnsureCreated_and_its_condition_as_deleting_the_database()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Startup.cs", Startup)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Applied or deleted by the code at run time:", md);
        const string deletes = "**deletes the database** (EF Core drops the whole database the context connects to, if it exists)";
        Assert.Contains("- `EnsureDeletedAsync()` in `Startup.Run`, when `env.IsDevelopment()`: context `LibraryContext`; " + deletes + " [Data/Startup.cs:16](Data/Startup.cs#L16)", md);
        Assert.Contains("- `EnsureCreatedAsync()` in `Startup.Run`, when `env.IsDevelopment()`: context `LibraryContext` [Data/Startup.cs:17](Data/Startup.cs#L17)", md);
        Assert.Contains("- `EnsureDeleted()` in `Startup.Reset`: context `LibraryContext`; " + deletes, md);
        Assert.DoesNotContain("Cleanup.Run", md);
        Assert.Contains("\"method\": \"EnsureDeletedAsync\"", output.Json);
    }
}
