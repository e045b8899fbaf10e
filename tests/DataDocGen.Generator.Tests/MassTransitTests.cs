using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>MassTransit: sagas with states, events and compensation, their registration, retries (2.2), transports
/// and published messages (5.2), against the real MassTransit 8 packages.</summary>
public class MassTransitTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shop.Orders
        {
            public record OrderSubmitted(Guid OrderId);
            public record OrderPaid(Guid OrderId);
            public record RefundPayment(Guid OrderId);
            public class OrderState : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
            public class OrderStateMachine : MassTransitStateMachine<OrderState>
            {
                public State Submitted { get; private set; } = null!;
                public State Paid { get; private set; } = null!;
                public Event<OrderSubmitted> OrderSubmittedEvent { get; private set; } = null!;
                public Event<OrderPaid> OrderPaidEvent { get; private set; } = null!;
                public OrderStateMachine()
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => OrderSubmittedEvent, e => e.CorrelateById(m => m.Message.OrderId));
                    Event(() => OrderPaidEvent, e => e.CorrelateById(m => m.Message.OrderId));
                    Initially(When(OrderSubmittedEvent).TransitionTo(Submitted));
                    During(Submitted, When(OrderPaidEvent).TransitionTo(Paid).Finalize());
                    During(Paid, When(OrderPaidEvent).Catch<Exception>(ex => ex.Publish(c => new RefundPayment(c.Saga.CorrelationId))));
                    SetCompletedWhenFinalized();
                }
            }
            public static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config) => services.AddMassTransit(x =>
                {
                    x.AddSagaStateMachine<OrderStateMachine, OrderState>().InMemoryRepository();
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        cfg.Host("amqp://shop:Rabbit-Secret@rabbit.internal:5672/");
                        cfg.UseMessageRetry(r => r.Interval(3, TimeSpan.FromSeconds(5)));
                        cfg.ConfigureEndpoints(context);
                    });
                });
            }
            public class Checkout(IPublishEndpoint publish) { public Task Submit(Guid id) => publish.Publish(new OrderSubmitted(id)); }

            // Traps: same names elsewhere.
            public class Mailer { public Task Send(string to) => Task.CompletedTask; public void Publish(object o) { } }
            public class Notify(Mailer mailer) { public Task Run() { mailer.Publish(new OrderPaid(Guid.Empty)); return mailer.Send("x"); } }
        }
        """;

    [Fact]
    public void Sagas_retries_transports_and_published_messages_are_reported_and_look_alikes_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Orders/Orders.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Sagas, outbox and retries (MassTransit)", md);
        Assert.Contains("| saga | `Shop.Orders.OrderStateMachine` | state Shop.Orders.OrderState; states: Submitted, Paid; events: OrderSubmittedEvent (OrderSubmitted), OrderPaidEvent (OrderPaid); compensation on Exception: Publish RefundPayment; finalized on: OrderPaidEvent during Submitted; removed when finalized | `OrderStateMachine` |", md);
        Assert.Contains("| saga registration | `Shop.Orders.OrderStateMachine` | repository: InMemoryRepository | `Setup.Add` |", md);
        Assert.Contains("| retry | `message retry` | UseMessageRetry(r => r.Interval(3, TimeSpan.FromSeconds(5))) | `Setup.Add` |", md);
        Assert.Contains("### 5.2 Change data capture and messages to other systems", md);
        Assert.Contains("| transport | `RabbitMq` | host amqp://shop:\\*\\*\\*@rabbit.internal:5672/ | `Setup.Add` |", md);
        Assert.Contains("| published | `Shop.Orders.OrderSubmitted` |  | `Checkout.Submit` |", md);
        Assert.DoesNotContain("Rabbit-Secret", output.All);
        Assert.DoesNotContain("Notify.Run", md);
    }

    private const string SagaActivities = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shop.Fulfilment
        {
            public record OrderSubmitted(Guid OrderId);
            public record PaymentCompleted(Guid OrderId);
            public record ProcessPayment(Guid OrderId);
            public record ShipOrder(Guid OrderId);
            public record RefundPayment(Guid OrderId);
            public record OrderCancelled(Guid OrderId);
            public class NoCarrierException : Exception { }
            public class FulfilmentState : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
            public class FulfilmentMachine : MassTransitStateMachine<FulfilmentState>
            {
                public State AwaitingPayment { get; private set; } = null!;
                public State Compensated { get; private set; } = null!;
                public Event<OrderSubmitted> Submitted { get; private set; } = null!;
                public Event<PaymentCompleted> Paid { get; private set; } = null!;
                public FulfilmentMachine()
                {
                    InstanceState(x => x.CurrentState);
                    Event(() => Submitted, e => e.CorrelateById(m => m.Message.OrderId));
                    Event(() => Paid, e => e.CorrelateById(m => m.Message.OrderId));
                    Initially(When(Submitted)
                        .Publish(c => new ProcessPayment(c.Saga.CorrelationId))
                        .TransitionTo(AwaitingPayment));
                    During(AwaitingPayment, When(Paid)
                        .Send(new Uri("queue:ship-order"), c => new ShipOrder(c.Saga.CorrelationId))
                        .Catch<NoCarrierException>(ex => ex
                            .Publish(c => new RefundPayment(c.Saga.CorrelationId))
                            .Publish(c => new OrderCancelled(c.Saga.CorrelationId))
                            .TransitionTo(Compensated)));
                }
            }
            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        // Trap: topology configuration of a message type, nothing is published here.
                        cfg.Publish<OrderSubmitted>(p => p.Exclude = true);
                        cfg.UseInMemoryOutbox(context);
                        cfg.ConfigureEndpoints(context);
                    }));
            }
        }
        """;

    [Fact]
    public void State_machine_activities_publish_and_send_their_messages_not_the_saga_state_and_compensation_reads_in_order()
    {
        var output = GeneratorHarness.Run(Sources.With(("Fulfilment/Machine.cs", SagaActivities)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // The binders' Publish<TInstance, TData, TMessage>: the message is TMessage (it used to be reported as the saga state).
        Assert.Contains("| published | `Shop.Fulfilment.ProcessPayment` |  | `FulfilmentMachine.ctor` |", md);
        // The activity's destination is a constant address.
        Assert.Contains("| sent | `Shop.Fulfilment.ShipOrder` | to queue:ship-order | `FulfilmentMachine.ctor` |", md);
        Assert.Contains("| published | `Shop.Fulfilment.RefundPayment` |  | `FulfilmentMachine.ctor` |", md);
        Assert.Contains("| published | `Shop.Fulfilment.OrderCancelled` |  | `FulfilmentMachine.ctor` |", md);
        Assert.DoesNotContain("| published | `Shop.Fulfilment.FulfilmentState` |", md);
        Assert.DoesNotContain("| sent | `Shop.Fulfilment.FulfilmentState` |", md);
        // Compensation steps in the order they run, with their messages and the state entered.
        Assert.Contains("compensation on NoCarrierException: Publish RefundPayment, Publish OrderCancelled, TransitionTo Compensated", md);
        // The outbox call as written (it used to read UseInMemoryOutbox(), an overload the code does not call).
        Assert.Contains("| outbox | `in memory` | UseInMemoryOutbox(context): holds the messages a consumer sends or publishes until it completes; kept in memory, not in the database's transaction | `Bus.Add` |", md);
        // Trap: cfg.Publish<T>(...) configures topology.
        Assert.DoesNotContain("| published | `Shop.Fulfilment.OrderSubmitted` |", md);
    }

    /// <summary>MassTransit.EntityFrameworkCore is not served by this machine's package mirror, so its two entry points
    /// are declared here with the real names and namespace (the parser confirms by namespace and name, as for the real
    /// package's extension methods).</summary>
    private const string EntityFrameworkOutboxStandIn = """
        namespace MassTransit
        {
            public class EntityFrameworkOutboxConfigurator { public void UseSqlServer() { } public void UseBusOutbox() { } }
            public static class EntityFrameworkOutboxStandIn
            {
                public static void AddEntityFrameworkOutbox<TContext>(this IBusRegistrationConfigurator x, Action<EntityFrameworkOutboxConfigurator> configure) { }
                public static void AddOutboxMessageEntity(this ModelBuilder builder) { }
                public static void AddInboxStateEntity(this ModelBuilder builder) { }
            }
        }
        namespace Shop.Orders
        {
            using MassTransit;
            public class OrdersContext(DbContextOptions<OrdersContext> options) : DbContext(options)
            {
                protected override void OnModelCreating(ModelBuilder b) { b.AddInboxStateEntity(); b.AddOutboxMessageEntity(); }
            }
            public static class Outbox
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                    x.AddEntityFrameworkOutbox<OrdersContext>(o => { o.UseSqlServer(); o.UseBusOutbox(); }));
            }
        }
        """;

    [Fact]
    public void Entity_framework_outbox_and_its_tables_are_reported()
    {
        var output = GeneratorHarness.Run(Sources.With(("Orders/Outbox.cs", EntityFrameworkOutboxStandIn)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| outbox | `Shop.Orders.OrdersContext` | Entity Framework outbox; UseSqlServer(); UseBusOutbox() | `Outbox.Add` |", md);
        Assert.Contains("| outbox tables | `InboxState` | added to the EF Core model by AddInboxStateEntity() | `OrdersContext.OnModelCreating` |", md);
        Assert.Contains("| outbox tables | `OutboxMessage` | added to the EF Core model by AddOutboxMessageEntity() | `OrdersContext.OnModelCreating` |", md);
    }

    [Fact]
    public void A_model_builder_extension_compiled_elsewhere_withholds_the_table_list_instead_of_stating_it_incomplete()
    {
        var vendor = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Vendor.cs"] = Sources.Usings + "namespace Vendor { public static class ModelExtensions { public static void AddVendorEntities(this ModelBuilder builder) { } } }",
        }, assemblyName: "Vendor");
        var output = GeneratorHarness.Run(Sources.With(("Data/Ctx.cs", """
            using Vendor;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                    protected override void OnModelCreating(ModelBuilder b) => b.AddVendorEntities();
                }
            }
            """)), extraReferences: [vendor.ToMetadataReference()]);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("`AddVendorEntities` from `Vendor` configures the model in compiled code that cannot be read", output.Markdown);
        Assert.DoesNotContain("##### Table `Orders`", output.Markdown);
        Assert.Contains("\"tableNamesKnown\": false", output.Json);
    }

    private const string Consumers = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shop.Shipping
        {
            public record ShipOrder(Guid OrderId);
            public record CancelShipment(Guid OrderId);
            public record PrintLabel(Guid OrderId);
            public record Audit(Guid OrderId);

            public class ShippingConsumer(ISendEndpointProvider endpoints) : IConsumer<ShipOrder>, MassTransit.IConsumer<CancelShipment>
            {
                public async Task Consume(ConsumeContext<ShipOrder> context)
                {
                    var labels = await context.GetSendEndpoint(new Uri("queue:print-label"));
                    await labels.Send(new PrintLabel(context.Message.OrderId));
                    var audit = await endpoints.GetSendEndpoint(new Uri("rabbitmq://ops:Audit-Secret@rabbit.internal/audit"));
                    await audit.Send(new Audit(context.Message.OrderId));
                    var moving = await endpoints.GetSendEndpoint(new Uri("queue:first"));
                    moving = await endpoints.GetSendEndpoint(new Uri("queue:second"));
                    await moving.Send(new Audit(context.Message.OrderId));
                    var computed = await endpoints.GetSendEndpoint(new Uri($"queue:{context.Message.OrderId}"));
                    await computed.Send(new PrintLabel(context.Message.OrderId));
                }
                public Task Consume(ConsumeContext<CancelShipment> context) => Task.CompletedTask;
            }

            // Not registered here; abstract and generic consumers are not listed (their messages are not known here).
            public class LabelConsumer : IConsumer<PrintLabel> { public Task Consume(ConsumeContext<PrintLabel> context) => Task.CompletedTask; }
            public abstract class BaseConsumer<T> : IConsumer<T> where T : class { public abstract Task Consume(ConsumeContext<T> context); }

            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                {
                    x.AddConsumer<ShippingConsumer>();
                    x.AddConsumer(typeof(LabelConsumer));
                    x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                });
            }
        }
        namespace Shop.Lookalike
        {
            // Traps: an IConsumer from another namespace, and an AddConsumer that is not MassTransit's.
            public interface IConsumer<T> { void Consume(T message); }
            public class AuditReader : IConsumer<string> { public void Consume(string message) { } }
            public class Registry { public void AddConsumer<T>() { } }
            public static class Setup { public static void Run(Registry r) => r.AddConsumer<AuditReader>(); }
            // public class Commented : MassTransit.IConsumer<Shop.Shipping.ShipOrder> { }
        }
        """;

    [Fact]
    public void Consumers_are_listed_with_the_messages_they_consume_and_their_registrations()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping/Consumers.cs", Consumers)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Messages the code consumes (MassTransit `IConsumer<T>` implementations) and where each consumer is registered:", md);
        Assert.Contains("| `Shop.Shipping.ShippingConsumer` | `Shop.Shipping.CancelShipment`, `Shop.Shipping.ShipOrder` | `AddConsumer<ShippingConsumer>()` in `Bus.Add` [Shipping/Consumers.cs:40](Shipping/Consumers.cs#L40) | [Shipping/Consumers.cs:15](Shipping/Consumers.cs#L15) |", md);
        Assert.Contains("| `Shop.Shipping.LabelConsumer` | `Shop.Shipping.PrintLabel` | `AddConsumer(typeof(LabelConsumer))` in `Bus.Add` [Shipping/Consumers.cs:41](Shipping/Consumers.cs#L41) | [Shipping/Consumers.cs:33](Shipping/Consumers.cs#L33) |", md);
        Assert.DoesNotContain("BaseConsumer", md);
        Assert.DoesNotContain("AuditReader", md);
        Assert.DoesNotContain("Commented", md);
    }

    [Fact]
    public void Send_destinations_are_shown_only_when_the_address_is_a_constant_with_credentials_masked()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping/Consumers.cs", Consumers)));
        var md = output.Markdown!;
        Assert.Contains("| sent | `Shop.Shipping.PrintLabel` | to queue:print-label | `ShippingConsumer.Consume` | [Shipping/Consumers.cs:20](Shipping/Consumers.cs#L20) |", md);
        Assert.Contains("| sent | `Shop.Shipping.Audit` | to rabbitmq://ops:\\*\\*\\*@rabbit.internal/audit | `ShippingConsumer.Consume` | [Shipping/Consumers.cs:22](Shipping/Consumers.cs#L22) |", md);
        Assert.DoesNotContain("Audit-Secret", output.All);
        // A local assigned twice, and a computed address: the message is listed, its destination is not.
        Assert.Contains("| sent | `Shop.Shipping.Audit` |  | `ShippingConsumer.Consume` | [Shipping/Consumers.cs:25](Shipping/Consumers.cs#L25) |", md);
        Assert.Contains("| sent | `Shop.Shipping.PrintLabel` |  | `ShippingConsumer.Consume` | [Shipping/Consumers.cs:27](Shipping/Consumers.cs#L27) |", md);
        Assert.DoesNotContain("queue:first", md);
        Assert.DoesNotContain("queue:second", md);
    }

    private const string Scans = """
        using System.Reflection;
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shop.Billing
        {
            public record Charge(Guid OrderId);
            public record Refund(Guid OrderId);
            public class ChargeConsumer : IConsumer<Charge> { public Task Consume(ConsumeContext<Charge> context) => Task.CompletedTask; }
            namespace Refunds
            {
                public class RefundConsumer : IConsumer<Refund> { public Task Consume(ConsumeContext<Refund> context) => Task.CompletedTask; }
            }
        }
        namespace Shop.BillingArchive
        {
            // Its namespace starts with "Shop.Billing" too: MassTransit's namespace scan compares prefixes.
            public class ArchiveConsumer : IConsumer<Shop.Billing.Charge> { public Task Consume(ConsumeContext<Shop.Billing.Charge> context) => Task.CompletedTask; }
        }
        namespace Shop.Other
        {
            public class OtherConsumer : IConsumer<Shop.Billing.Refund> { public Task Consume(ConsumeContext<Shop.Billing.Refund> context) => Task.CompletedTask; }
        }
        namespace Shop.Setup
        {
            public static class Bus
            {
                public static void Add(IServiceCollection services, Assembly plugins) => services.AddMassTransit(x =>
                {
                    x.AddConsumersFromNamespaceContaining<Shop.Billing.ChargeConsumer>();
                    x.AddConsumers(typeof(Shop.Other.OtherConsumer).Assembly);
                    x.AddConsumersFromNamespaceContaining(typeof(Shop.Billing.Refunds.RefundConsumer), t => t.Name.StartsWith("Refund"));
                    x.AddConsumers(plugins);
                    x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                });
            }
        }
        namespace Shop.Traps
        {
            // A look-alike: not MassTransit's.
            public static class Fake { public static void AddConsumers(this object o, Assembly a) { } }
            public static class Use { public static void Run(object o) => o.AddConsumers(typeof(Use).Assembly); }
        }
        """;

    [Fact]
    public void Consumer_scans_register_the_consumers_they_find_as_MassTransit_defines_them()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Consumers.cs", Scans)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        string Row(string consumer) => md.Split('\n').Single(l => l.StartsWith("| `" + consumer + "` |", StringComparison.Ordinal));
        const string byNamespace = "`AddConsumersFromNamespaceContaining<Shop.Billing.ChargeConsumer>()` in `Bus.Add` [Billing/Consumers.cs:34](Billing/Consumers.cs#L34)";
        const string byAssembly = "`AddConsumers(typeof(Shop.Other.OtherConsumer).Assembly)` in `Bus.Add` [Billing/Consumers.cs:35](Billing/Consumers.cs#L35)";
        const string filtered = "`AddConsumersFromNamespaceContaining(typeof(Shop.Billing.Refunds.RefundConsumer), …)` in `Bus.Add` [Billing/Consumers.cs:36](Billing/Consumers.cs#L36) (if its filter admits it)";
        Assert.Contains(byNamespace, Row("Shop.Billing.ChargeConsumer"));
        Assert.Contains(byNamespace, Row("Shop.Billing.Refunds.RefundConsumer"));
        Assert.Contains(byNamespace, Row("Shop.BillingArchive.ArchiveConsumer"));
        Assert.DoesNotContain("AddConsumersFromNamespaceContaining<", Row("Shop.Other.OtherConsumer"));
        // The whole assembly: every consumer in it.
        Assert.All(new[] { "Shop.Billing.ChargeConsumer", "Shop.Other.OtherConsumer", "Shop.BillingArchive.ArchiveConsumer" }, c => Assert.Contains(byAssembly, Row(c)));
        Assert.Contains(filtered, Row("Shop.Billing.Refunds.RefundConsumer"));
        Assert.DoesNotContain("(if its filter admits it)", Row("Shop.Billing.ChargeConsumer"));
        // An assembly computed in code is named as not read, and no consumer is claimed for it.
        Assert.Contains("Consumers are also registered by assembly scans whose assemblies or types are computed in code and not read:", md);
        Assert.Contains("- `AddConsumers(plugins)` in `Bus.Add` [Billing/Consumers.cs:37](Billing/Consumers.cs#L37)", md);
        Assert.DoesNotContain("Use.Run", md);
    }

    private const string GenericEvents = """
        using System.Threading.Tasks;
        using MassTransit;
        namespace Shop.Billing
        {
            public record Started(Guid Id);
            public record Charge(Guid Id);
            public record Envelope<T>(Guid Id, T Body);
            // The project's own non-generic Fault: named as written.
            public record Fault(Guid Id);
            public class BillingState : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
            public class BillingMachine : MassTransitStateMachine<BillingState>
            {
                public State Running { get; private set; } = null!;
                public Event<Started> StartedEvent { get; private set; } = null!;
                public Event<MassTransit.Fault<Charge>> ChargeFaulted { get; private set; } = null!;
                public Event<Shop.Billing.Fault> OwnFault { get; private set; } = null!;
                public BillingMachine()
                {
                    InstanceState(x => x.CurrentState);
                    Initially(When(StartedEvent).TransitionTo(Running));
                    During(Running, When(ChargeFaulted)
                        .Catch<Exception>(ex => ex.Publish(c => new Envelope<Charge>(c.Saga.CorrelationId, new Charge(c.Saga.CorrelationId)))));
                }
            }
        }
        """;

    [Fact]
    public void State_machine_events_and_compensation_messages_are_named_with_their_type_arguments()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Machine.cs", GenericEvents)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // Event<Fault<Charge>> is MassTransit's Fault<Charge>, not its non-generic Fault (the Library audit's "(Fault)").
        Assert.Contains("events: StartedEvent (Started), ChargeFaulted (Fault&lt;Charge>), OwnFault (Fault); compensation on Exception: Publish Envelope&lt;Charge>", md);
        Assert.DoesNotContain("ChargeFaulted (Fault)", md);
        Assert.Contains("\"events: StartedEvent (Started), ChargeFaulted (Fault<Charge>), OwnFault (Fault)\"", output.Json);
    }

    private const string DeferredSends = """
        using System.Threading.Tasks;
        using MassTransit;
        using MassTransit.Courier.Contracts;
        using Microsoft.AspNetCore.Builder;
        namespace Microsoft.AspNetCore.Builder
        {
            public class App { }
            public static class EndpointRouteBuilderExtensions { public static void MapPost(this App app, string pattern, System.Delegate handler) { } }
        }
        namespace Shop.Fulfilment
        {
            public record FulfillOrder(Guid OrderId);
            public record FulfillmentFaulted(Guid OrderId);
            public record FulfillmentCompleted(Guid OrderId);
            public record FulfillmentEvent(Guid OrderId);
            public record PaymentFaulted(Guid OrderId);
            public record Started(Guid OrderId);
            public record Audited(Guid OrderId);
            public record Placed(Guid OrderId);

            public class FulfillOrderConsumer : IConsumer<FulfillOrder>
            {
                public async Task Consume(ConsumeContext<FulfillOrder> context)
                {
                    var builder = new RoutingSlipBuilder(NewId.NextGuid());
                    builder.AddActivity("Pay", new Uri("queue:pay_execute"));
                    await builder.AddSubscription(context.SourceAddress,
                        RoutingSlipEvents.Faulted | RoutingSlipEvents.Supplemental,
                        RoutingSlipEventContents.None, x => x.Send<FulfillmentFaulted>(new { context.Message.OrderId }));
                    await builder.AddSubscription(context.SourceAddress, RoutingSlipEvents.Completed | RoutingSlipEvents.Supplemental,
                        RoutingSlipEventContents.None, x => x.Send<FulfillmentCompleted>(new { context.Message.OrderId }));
                    await builder.AddSubscription(new Uri("queue:fulfilment-events"), RoutingSlipEvents.All, x => x.Send(new FulfillmentEvent(context.Message.OrderId)));
                    await builder.AddSubscription(new Uri("queue:payment-events"), RoutingSlipEvents.ActivityFaulted, RoutingSlipEventContents.None, "Pay",
                        x => x.Send(new PaymentFaulted(context.Message.OrderId)));
                    // The callback runs right here: a publish on the consume context inside it is not stored in the routing slip.
                    await builder.AddSubscription(context.SourceAddress, RoutingSlipEvents.Completed, x => context.Publish(new Started(context.Message.OrderId)));
                    await context.Execute(builder.Build());
                }
            }

            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                    x.UsingInMemory((context, cfg) =>
                        cfg.ReceiveEndpoint("audit", e => e.Handler<FulfillOrder>(ctx => ctx.Publish(new Audited(ctx.Message.OrderId))))));

                public static Task Later(IPublishEndpoint publish) => Task.Run(() => publish.Publish(new Audited(Guid.Empty)));

                public static Task Now(IPublishEndpoint publish) => publish.Publish(new Placed(Guid.Empty));

                public static void Map(Microsoft.AspNetCore.Builder.App app) =>
                    app.MapPost("/orders", (IPublishEndpoint publish) => publish.Publish(new Placed(Guid.NewGuid())));
            }

            // Trap: the project's own AddSubscription, with the same shape.
            public class Subscriptions { public Task AddSubscription(Uri address, RoutingSlipEvents events, Func<ISendEndpoint, Task> callback) => Task.CompletedTask; }
            public static class Own
            {
                public static Task Run(Subscriptions s, Uri address) => s.AddSubscription(address, RoutingSlipEvents.Faulted, x => x.Send(new PaymentFaulted(Guid.Empty)));
            }
        }
        """;

    [Fact]
    public void A_send_stored_in_a_routing_slip_subscription_is_reported_with_its_events_and_address_not_as_sent_by_the_method()
    {
        var output = GeneratorHarness.Run(Sources.With(("Fulfilment/Consumer.cs", DeferredSends)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        const string by = " (a routing slip subscription: the service running the routing slip sends it, not this code)";
        // MassTransit's Twitch sample: sent by the routing slip when it faults (or completes), to the subscription's address.
        Assert.Contains("| sent | `Shop.Fulfilment.FulfillmentFaulted` | when the routing slip faults, to `context.SourceAddress`" + by + " | `FulfillOrderConsumer.Consume` |", md);
        Assert.Contains("| sent | `Shop.Fulfilment.FulfillmentCompleted` | when the routing slip completes, to `context.SourceAddress`" + by + " | `FulfillOrderConsumer.Consume` |", md);
        Assert.Contains("| sent | `Shop.Fulfilment.FulfillmentEvent` | at every routing slip event, to queue:fulfilment-events" + by + " |", md);
        // Limited to an activity by name: the events are quoted, not interpreted.
        Assert.Contains("| sent | `Shop.Fulfilment.PaymentFaulted` | at the routing slip events `RoutingSlipEvents.ActivityFaulted` of the activity it names, to queue:payment-events" + by + " |", md);
        // Not a send on the callback's endpoint: a publish in a lambda, not a subscription.
        Assert.Contains("| published | `Shop.Fulfilment.Started` | in a lambda passed to `AddSubscription` (runs when that calls it) | `FulfillOrderConsumer.Consume` |", md);
        Assert.DoesNotContain("| sent | `Shop.Fulfilment.FulfillmentFaulted` |  |", md);
        // Trap: the project's own AddSubscription is any other call taking a lambda.
        Assert.Contains("| sent | `Shop.Fulfilment.PaymentFaulted` | in a lambda passed to `AddSubscription` (runs when that calls it) | `Own.Run` |", md);
    }

    [Fact]
    public void A_publish_in_a_lambda_handed_to_another_call_says_so_and_one_in_the_method_or_an_endpoint_handler_does_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Fulfilment/Consumer.cs", DeferredSends)));
        var md = output.Markdown!;
        Assert.Contains("| published | `Shop.Fulfilment.Audited` | in a lambda passed to `Handler<FulfillOrder>` (runs when that calls it) | `Bus.Add` |", md);
        Assert.Contains("| published | `Shop.Fulfilment.Audited` | in a lambda passed to `Run` (runs when that calls it) | `Bus.Later` |", md);
        Assert.Contains("| published | `Shop.Fulfilment.Placed` |  | `Bus.Now` |", md);
        Assert.Contains("| published | `Shop.Fulfilment.Placed` |  | `POST /orders` |", md);
    }

    private const string GenericMessages = """
        using System.Threading.Tasks;
        using MassTransit;
        using MassTransit.Courier.Contracts;
        namespace Shop.Billing
        {
            public record Charge(Guid Id);
            public record Envelope<T>(Guid Id, T Body);
            public static class Outer { public record Inner(Guid Id); }
            // The project's own Batch<T>: named with its own namespace.
            public record Batch<T>(T[] Items);

            public class RoutingSlipBatchConsumer : IConsumer<MassTransit.Batch<RoutingSlipCompleted>>
            {
                public Task Consume(ConsumeContext<MassTransit.Batch<RoutingSlipCompleted>> context) => Task.CompletedTask;
            }
            public class OwnBatchConsumer : IConsumer<Shop.Billing.Batch<Charge>>, IConsumer<Outer.Inner>
            {
                public Task Consume(ConsumeContext<Shop.Billing.Batch<Charge>> context) => Task.CompletedTask;
                public Task Consume(ConsumeContext<Outer.Inner> context) => Task.CompletedTask;
            }
            public class Billing(IPublishEndpoint publish)
            {
                public Task Charge(Guid id) => publish.Publish(new Envelope<Charge>(id, new Charge(id)));
                public Task Nested(Guid id) => publish.Publish(new Outer.Inner(id));
            }

            public class BillingState : SagaStateMachineInstance { public Guid CorrelationId { get; set; } public string CurrentState { get; set; } = ""; }
            public class BillingMachine : MassTransitStateMachine<BillingState> { public BillingMachine() => InstanceState(x => x.CurrentState); }
            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                {
                    x.AddConsumer<RoutingSlipBatchConsumer>();
                    x.AddSagaStateMachine<BillingMachine, BillingState>().InMemoryRepository();
                });
            }

            // MassTransit's Library sample: a test fixture registers whichever state machine it is given.
            public class StateMachineTestFixture<TStateMachine, TInstance>
                where TStateMachine : class, SagaStateMachine<TInstance>
                where TInstance : class, SagaStateMachineInstance
            {
                public void Setup(IServiceCollection services) => services.AddMassTransit(x => x.AddSagaStateMachine<TStateMachine, TInstance>().InMemoryRepository());
            }
        }
        """;

    [Fact]
    public void Generic_message_types_are_named_as_CSharp_writes_them_and_a_generic_fixture_registers_no_named_saga()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Messages.cs", GenericMessages)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // A consumer's message in C# form (Twitch's RoutingSlipBatchEventConsumer printed MassTransit.Batch`1[...]).
        Assert.Contains("| `Shop.Billing.RoutingSlipBatchConsumer` | `MassTransit.Batch<MassTransit.Courier.Contracts.RoutingSlipCompleted>` | `AddConsumer<RoutingSlipBatchConsumer>()` in `Bus.Add`", md);
        Assert.Contains("| `Shop.Billing.OwnBatchConsumer` | `Shop.Billing.Batch<Shop.Billing.Charge>`, `Shop.Billing.Outer+Inner` |", md);
        Assert.Contains("| published | `Shop.Billing.Envelope<Shop.Billing.Charge>` |  | `Billing.Charge` |", md);
        Assert.Contains("| published | `Shop.Billing.Outer+Inner` |  | `Billing.Nested` |", md);
        Assert.DoesNotContain("`1", md);
        // A concrete registration names its class; a type parameter's is not presented as a saga class.
        Assert.Contains("| saga registration | `Shop.Billing.BillingMachine` | repository: InMemoryRepository | `Bus.Add` |", md);
        Assert.Contains("| saga registration | `TStateMachine of StateMachineTestFixture<TStateMachine, TInstance>` | registers whichever state machine the type parameter is bound to; repository: InMemoryRepository | `StateMachineTestFixture.Setup` |", md);
        Assert.DoesNotContain("| saga registration | `TStateMachine` |", md);
    }

    private const string EndpointConsumers = """
        using System.Threading.Tasks;
        using MassTransit;
        using MassTransit.Courier.Contracts;
        namespace Shop.Billing
        {
            public record Charge(Guid Id);
            public record Refund(Guid Id);
            public class RoutingSlipBatchConsumer : IConsumer<Batch<RoutingSlipCompleted>>
            {
                public Task Consume(ConsumeContext<Batch<RoutingSlipCompleted>> context) => Task.CompletedTask;
            }
            public class ChargeConsumer : IConsumer<Charge> { public Task Consume(ConsumeContext<Charge> context) => Task.CompletedTask; }
            public class RefundConsumer : IConsumer<Refund> { public Task Consume(ConsumeContext<Refund> context) => Task.CompletedTask; }

            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x =>
                    x.UsingInMemory((context, cfg) =>
                    {
                        // Trap: the endpoint name formatter's Consumer<T>() names a queue, it registers nothing.
                        cfg.ReceiveEndpoint(KebabCaseEndpointNameFormatter.Instance.Consumer<RefundConsumer>(), e =>
                        {
                            e.Batch<RoutingSlipCompleted>(b =>
                            {
                                b.MessageLimit = 10;
                                b.Consumer<RoutingSlipBatchConsumer, RoutingSlipCompleted>(context);
                            });
                            e.Consumer<ChargeConsumer>(context);
                        });
                    }));
            }

            // Trap: the project's own Consumer<T>().
            public class Pipeline { public void Consumer<T>() { } }
            public static class Own { public static void Run(Pipeline p) => p.Consumer<RefundConsumer>(); }
        }
        """;

    [Fact]
    public void A_consumer_connected_to_a_receive_endpoint_or_a_batch_on_one_is_registered_there()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Endpoints.cs", EndpointConsumers)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // MassTransit's Twitch sample: e.Batch<RoutingSlipCompleted>(b => b.Consumer<RoutingSlipBatchEventConsumer, RoutingSlipCompleted>(context)).
        Assert.Contains("| `Shop.Billing.RoutingSlipBatchConsumer` | `MassTransit.Batch<MassTransit.Courier.Contracts.RoutingSlipCompleted>` | `Consumer<RoutingSlipBatchConsumer, RoutingSlipCompleted>(context)` on the receive endpoint named by `KebabCaseEndpointNameFormatter.Instance.Consumer<RefundConsumer>()` in `Bus.Add` [Billing/Endpoints.cs:31](Billing/Endpoints.cs#L31) |", md);
        Assert.Contains("| `Shop.Billing.ChargeConsumer` | `Shop.Billing.Charge` | `Consumer<ChargeConsumer>(context)` on the receive endpoint named by `KebabCaseEndpointNameFormatter.Instance.Consumer<RefundConsumer>()` in `Bus.Add` [Billing/Endpoints.cs:33](Billing/Endpoints.cs#L33) |", md);
        // Named by the formatter and by the project's own Consumer<T>(): not registered.
        Assert.Contains("| `Shop.Billing.RefundConsumer` | `Shop.Billing.Refund` |  |", md);
    }
}
