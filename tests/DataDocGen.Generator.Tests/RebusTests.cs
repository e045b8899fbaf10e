using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Rebus sagas (2.2) against the real Rebus 8 packages: data, starting and handled messages, correlations,
/// what each handler sends and whether it completes the saga, and the saga storage.</summary>
public class RebusTests
{
    private const string Code = """
        using System.Threading.Tasks;
        using Rebus.Bus;
        using Rebus.Config;
        using Rebus.Handlers;
        using Rebus.Persistence.InMem;
        using Rebus.Sagas;
        using Rebus.Transport.InMem;
        namespace Shop.Billing
        {
            public record OrderPlaced(Guid OrderId, decimal Amount);
            public record PaymentFailed(Guid OrderId);
            public record PaymentSucceeded(Guid OrderId);
            public record ChargeCard(Guid OrderId, decimal Amount);
            public record CancelOrder(Guid OrderId);
            public record OrderBilled(Guid OrderId);
            public class BillingData : SagaData { public Guid OrderId { get; set; } public decimal Amount { get; set; } }

            public class BillingSaga(IBus bus) : Saga<BillingData>, IAmInitiatedBy<OrderPlaced>, IHandleMessages<PaymentFailed>, IHandleMessages<PaymentSucceeded>
            {
                protected override void CorrelateMessages(ICorrelationConfig<BillingData> config)
                {
                    config.Correlate<OrderPlaced>(m => m.OrderId, d => d.OrderId);
                    config.Correlate<PaymentFailed>(m => m.OrderId, d => d.OrderId);
                    config.Correlate<PaymentSucceeded>(m => m.OrderId, nameof(BillingData.OrderId));
                }

                public async Task Handle(OrderPlaced message)
                {
                    if (!IsNew) return;
                    Data.Amount = message.Amount;
                    await bus.Send(new ChargeCard(message.OrderId, message.Amount));
                }

                public async Task Handle(PaymentFailed message)
                {
                    await bus.Publish(new CancelOrder(message.OrderId));
                    MarkAsComplete();
                }

                public async Task Handle(PaymentSucceeded message)
                {
                    await bus.Publish(new OrderBilled(message.OrderId));
                    MarkAsComplete();
                }
            }

            public static class Setup
            {
                public static void Add(IServiceCollection services) => services.AddRebus(configure => configure
                    .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "billing"))
                    .Sagas(s => s.StoreInMemory()));

                public static void AddPostgres(IServiceCollection services, IConfiguration config) => services.AddRebus(configure => configure
                    .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "billing"))
                    .Sagas(s => s.StoreInPostgres(config.GetConnectionString("Sagas")!, "billing_sagas", "billing_saga_index")));
            }
        }
        namespace LookAlike
        {
            // Not Rebus: a class named Saga, a MarkAsComplete and a Sagas(...) of its own.
            public abstract class Saga<T> { protected void MarkAsComplete() { } }
            public class ShippingSaga : Saga<int> { public void Handle(string message) { MarkAsComplete(); } }
            public class Config { public Config Sagas(System.Action<int> configure) => this; }
            public static class Use { public static void Run() => new Config().Sagas(_ => { }); }
        }
        """;

    [Fact]
    public void A_saga_lists_its_data_messages_correlations_and_what_each_handler_does()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/BillingSaga.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;

        Assert.Contains("#### Sagas, outbox and retries (Rebus)", md);
        Assert.Contains("| saga | `Shop.Billing.BillingSaga` | data Shop.Billing.BillingData; started by OrderPlaced; handles PaymentFailed, PaymentSucceeded; "
            + "correlation: OrderPlaced.OrderId = OrderId, PaymentFailed.OrderId = OrderId, PaymentSucceeded.OrderId = OrderId; "
            + "on OrderPlaced: Send ChargeCard; on PaymentFailed: Publish CancelOrder, MarkAsComplete; on PaymentSucceeded: Publish OrderBilled, MarkAsComplete | `BillingSaga` | [Billing/BillingSaga.cs:", md);
        // The link is the StoreIn* call's line, not the start of the configuration chain that holds Sagas(...).
        Assert.Contains("| saga storage | `Rebus sagas` | in memory (lost on restart) | `Setup.Add` | [Billing/BillingSaga.cs:56](Billing/BillingSaga.cs#L56) |", md);
        // Table names are code: shown verbatim (a backslash inside a code span would show).
        Assert.Contains(@"| saga storage | `Rebus sagas` | Postgres: data table `billing_sagas`, index table `billing_saga_index` | `Setup.AddPostgres` |", md);
    }

    [Fact]
    public void Look_alikes_from_other_namespaces_make_no_claim()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/BillingSaga.cs", Code)));
        var md = output.Markdown!;
        Assert.DoesNotContain("ShippingSaga", md);
        Assert.DoesNotContain("`Use.Run`", md);
        Assert.Equal(3, md.Split('\n').Count(l => l.StartsWith("| saga", StringComparison.Ordinal)));
    }

    [Fact]
    public void MassTransit_and_Rebus_facts_share_the_table_and_name_both_libraries()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/BillingSaga.cs", Code), ("Orders/Retry.cs", """
            using MassTransit;
            public static class Bus
            {
                public static void Add(IServiceCollection services) => services.AddMassTransit(x => x.UsingInMemory((context, cfg) => cfg.UseMessageRetry(r => r.Immediate(3))));
            }
            """)));
        Assert.Contains("#### Sagas, outbox and retries (MassTransit, Rebus)", output.Markdown);
        // The JSON says the library of each fact too: a consumer of the file cannot tell a Rebus saga from a MassTransit one otherwise.
        var libraries = Json.Parse(output.Json).GetProperty("messaging").EnumerateArray()
            .Select(m => m.GetProperty("kind").GetString() + " " + m.GetProperty("subject").GetString() + ": " + m.GetProperty("library").GetString()).ToList();
        Assert.Contains("saga Shop.Billing.BillingSaga: Rebus", libraries);
        Assert.Contains("retry message retry: MassTransit", libraries);
        Assert.Contains(libraries, l => l.StartsWith("saga storage ", StringComparison.Ordinal) && l.EndsWith(": Rebus", StringComparison.Ordinal));
    }

    [Fact]
    public void Bus_calls_outside_sagas_the_in_memory_transport_and_routes_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Bus.cs", """
            using System.Threading.Tasks;
            using Rebus.Bus;
            using Rebus.Config;
            using Rebus.Routing.TypeBased;
            using Rebus.Transport.InMem;
            namespace Shop.Billing
            {
                public record ChargeCard(Guid OrderId);
                public record OrderBilled(Guid OrderId);
                public record Reminder(Guid OrderId);
                public static class Setup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddRebus(configure => configure
                            .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "billing"))
                            .Routing(r => r.TypeBased().Map<ChargeCard>("payments")));
                }
                public class Billing(IBus bus)
                {
                    public Task Charge(Guid id) => bus.Send(new ChargeCard(id));
                    public Task Billed(Guid id) => bus.Publish(new OrderBilled(id));
                    public Task Later(Guid id) => bus.DeferLocal(TimeSpan.FromMinutes(5), new Reminder(id));
                }
                // Traps: a bus of another library, a mapper's Map<T>.
                public interface IOtherBus { Task Send(object message); }
                public class Mapper { public T Map<T>(string value) => default!; }
                public class Other(IOtherBus bus, Mapper mapper) { public Task Run() { mapper.Map<ChargeCard>("x"); return bus.Send(new ChargeCard(Guid.Empty)); } }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Message transports and the messages the code publishes or sends (Rebus):", md);
        Assert.Contains("| transport | `in memory (Rebus)` | input queue `billing`: messages are kept in this process's memory: lost on restart, not shared with other processes | `Setup.Add` |", md);
        Assert.Contains("| route | `Shop.Billing.ChargeCard` | sent to `payments` | `Setup.Add` |", md);
        Assert.Contains("| sent | `Shop.Billing.ChargeCard` | by its route (`Send`) | `Billing.Charge` |", md);
        Assert.Contains("| published | `Shop.Billing.OrderBilled` |  | `Billing.Billed` |", md);
        Assert.Contains("| sent | `Shop.Billing.Reminder` | to this endpoint's own input queue later (`DeferLocal`) | `Billing.Later` |", md);
        Assert.DoesNotContain("`Other.Run`", md);
    }
}
