using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 5.2: messages handed to brokers through their own clients (RabbitMQ.Client 7.x and 6.x,
/// Confluent.Kafka, Azure.Messaging.ServiceBus) wherever the call is, each confirmed by the client type's namespace,
/// with the background jobs and outbox tables that join them.</summary>
public class BrokerClientTests
{
    /// <summary>RabbitMQ.Client 6.8.1's <c>IModel</c> and its extension class (spelled <c>IModelExensions</c> in 6.x), with
    /// 6.8.1's names and signatures: the test project references 7.2.2, which replaced <c>IModel</c> with <c>IChannel</c>.</summary>
    private const string RabbitMq6 = """
        namespace RabbitMQ.Client
        {
            public interface IModel : System.IDisposable
            {
                void BasicPublish(string exchange, string routingKey, bool mandatory, IBasicProperties basicProperties, System.ReadOnlyMemory<byte> body);
            }
            public static class IModelExensions
            {
                public static void BasicPublish(this IModel model, PublicationAddress addr, IBasicProperties basicProperties, System.ReadOnlyMemory<byte> body) { }
                public static void BasicPublish(this IModel model, string exchange, string routingKey, IBasicProperties basicProperties, System.ReadOnlyMemory<byte> body) { }
                public static void BasicPublish(this IModel model, string exchange, string routingKey, bool mandatory = false, IBasicProperties? basicProperties = null, System.ReadOnlyMemory<byte> body = default) { }
            }
        }
        """;

    private static readonly Dictionary<string, string> Code = Sources.With(
        ("Data/ShopContext.cs", """
            namespace Shop.Data
            {
                public class OutboxMessage
                {
                    public Guid Id { get; set; }
                    public string Type { get; set; } = "";
                    public string Content { get; set; } = "";
                    public DateTime? ProcessedOnUtc { get; set; }
                }
                public class ShopContext : DbContext
                {
                    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
                }
            }
            """),
        ("Jobs/RabbitOutboxRelay.cs", """
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using RabbitMQ.Client;
            namespace Shop.Jobs
            {
                /// <summary>A hand-written outbox relay publishing with the raw RabbitMQ 7.x client.</summary>
                public sealed class RabbitOutboxRelay(Shop.Data.ShopContext db, IChannel channel) : BackgroundService
                {
                    private const string Exchange = "shop.events";

                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        foreach (var message in await db.Outbox.Where(m => m.ProcessedOnUtc == null).ToListAsync(stoppingToken))
                        {
                            var body = System.Text.Encoding.UTF8.GetBytes(message.Content);
                            await channel.BasicPublishAsync(Exchange, "order." + "placed", body, stoppingToken);
                            message.ProcessedOnUtc = DateTime.UtcNow;
                        }
                        await db.SaveChangesAsync(stoppingToken);
                    }
                }

                public sealed class RabbitShapes(IChannel channel)
                {
                    public async Task All(string routingKey, ReadOnlyMemory<byte> body)
                    {
                        var properties = new BasicProperties { Persistent = true };
                        await channel.BasicPublishAsync(exchange: "audit", routingKey: routingKey, mandatory: true, basicProperties: properties, body: body);
                        await channel.BasicPublishAsync("", "invoices", body);
                        await channel.BasicPublishAsync(new PublicationAddress(ExchangeType.Topic, "billing", "invoice.paid"), properties, body);
                        await channel.BasicPublishAsync(new CachedString("cached"), new CachedString("key"), body);
                    }
                }

                public sealed class LegacyPublisher(IModel model)
                {
                    public void Publish(ReadOnlyMemory<byte> body)
                    {
                        model.BasicPublish("legacy", "stock.changed", false, null!, body);
                        model.BasicPublish("legacy", "stock.reserved", body: body);
                    }
                }
            }
            """),
        ("Api/Endpoints.cs", """
            using System.Threading.Tasks;
            using Confluent.Kafka;
            namespace Microsoft.AspNetCore.Builder
            {
                public class App { }
                public static class EndpointRouteBuilderExtensions { public static void MapPost(this App app, string pattern, System.Delegate handler) { } }
            }
            namespace Shop.Api
            {
                using Microsoft.AspNetCore.Builder;
                public record OrderPlaced(int OrderId);
                public static class Endpoints
                {
                    public static void Map(Microsoft.AspNetCore.Builder.App app)
                    {
                        app.MapPost("/orders", async (IProducer<string, OrderPlaced> producer) =>
                            await producer.ProduceAsync("orders", new Message<string, OrderPlaced> { Key = "1", Value = new OrderPlaced(1) }));
                    }
                }

                public sealed class StockFeed(IProducer<Null, string> producer, string topic)
                {
                    public void Partitioned() => producer.Produce(new TopicPartition("stock", new Partition(0)), new Message<Null, string> { Value = "{}" });
                    public void Configured() => producer.Produce(topic, new Message<Null, string> { Value = "{}" });
                }

                /// <summary>A generic wrapper: the value type is the class's type parameter, so none is named.</summary>
                public sealed class KafkaSender<T>(IProducer<string, T> producer)
                {
                    public Task Send(T value) => producer.ProduceAsync("generic", new Message<string, T> { Key = "k", Value = value });
                    public Task Keyed(string id, T value) => producer.ProduceAsync("generic", new Message<string, T> { Key = id, Value = value });
                }
            }
            """),
        ("Services/AuditForwarder.cs", """
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;
            namespace Shop.Services
            {
                public sealed class AuditForwarder
                {
                    private readonly ServiceBusSender _sender;
                    private readonly ServiceBusClient _client;

                    public AuditForwarder(ServiceBusClient client)
                    {
                        _client = client;
                        _sender = client.CreateSender("audit-events");
                    }

                    public Task Forward(string text) => _sender.SendMessageAsync(new ServiceBusMessage(text));

                    public async Task Later(string text)
                    {
                        await using var sender = _client.CreateSender("reminders");
                        await sender.ScheduleMessageAsync(new ServiceBusMessage(text), DateTimeOffset.UtcNow.AddMinutes(5));
                    }

                    public async Task Batch(ServiceBusSender injected, string queue)
                    {
                        await injected.SendMessagesAsync(new[] { new ServiceBusMessage("a") });
                        var named = _client.CreateSender(queue);
                        await named.SendMessageAsync(new ServiceBusMessage("b"));
                    }
                }
            }
            """),
        ("Traps/LookAlikes.cs", """
            using System.Threading.Tasks;
            namespace Shop.Traps
            {
                /// <summary>Named like a publisher, publishes nothing.</summary>
                public class KafkaPublisher
                {
                    public void Produce(string topic, string value) { }
                    public Task ProduceAsync(string topic, string value) => Task.CompletedTask;
                }
                public class Channel { public void BasicPublish(string exchange, string routingKey, byte[] body) { } public Task BasicPublishAsync(string exchange) => Task.CompletedTask; }
                public class Sender { public Task SendMessageAsync(object message) => Task.CompletedTask; public Task ScheduleMessageAsync(object message) => Task.CompletedTask; }
                public static class Uses
                {
                    public static async Task Run(KafkaPublisher kafka, Channel channel, Sender sender)
                    {
                        kafka.Produce("trap-topic", "x");
                        await kafka.ProduceAsync("trap-topic-async", "x");
                        channel.BasicPublish("trap-exchange", "trap-key", new byte[0]);
                        await channel.BasicPublishAsync("trap-exchange-async");
                        await sender.SendMessageAsync("trap-queue");
                        await sender.ScheduleMessageAsync("trap-scheduled");
                        // producer.ProduceAsync("comment-topic", message); channel.BasicPublishAsync("comment-exchange", "k", body);
                        var text = "producer.ProduceAsync(\"string-topic\", message)";
                    }
                }
            }
            """),
        ("Shims/RabbitMq6.cs", RabbitMq6));

    private static GeneratorOutput Run(Dictionary<string, string> code, IReadOnlyDictionary<string, string>? appSettings = null)
    {
        var output = GeneratorHarness.Run(code, appSettings);
        // The sources must compile: a binder that only offers candidates answers differently.
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("CS8", StringComparison.Ordinal)));
        return output;
    }

    [Fact]
    public void RabbitMQ_publishes_are_listed_with_exchange_and_routing_key()
    {
        var md = Run(Code).Markdown!;

        Assert.Contains("Messages the code hands to brokers through their own clients (RabbitMQ.Client, Confluent.Kafka, Azure.Messaging.ServiceBus):", md);
        Assert.Contains("| Broker | Call | Destination | Routing or message key | Message type | Where | Evidence |", md);
        // Constants (a const field, a concatenation of literals), named arguments, the default exchange, a PublicationAddress
        // and CachedStrings created in place.
        Assert.Contains("| RabbitMQ | `IChannel.BasicPublishAsync` | exchange `shop.events` | `order.placed` |  | `RabbitOutboxRelay.ExecuteAsync` | [Jobs/RabbitOutboxRelay.cs:23](Jobs/RabbitOutboxRelay.cs#L23) |", md);
        Assert.Contains("| RabbitMQ | `IChannel.BasicPublishAsync` | exchange `audit` | `routingKey` (not a constant) |  | `RabbitShapes.All` | [Jobs/RabbitOutboxRelay.cs:35](Jobs/RabbitOutboxRelay.cs#L35) |", md);
        Assert.Contains("| RabbitMQ | `IChannel.BasicPublishAsync` | default exchange (to the queue the routing key names) | `invoices` |  | `RabbitShapes.All` | [Jobs/RabbitOutboxRelay.cs:36](Jobs/RabbitOutboxRelay.cs#L36) |", md);
        Assert.Contains("| RabbitMQ | `IChannel.BasicPublishAsync` | exchange `billing` | `invoice.paid` |  | `RabbitShapes.All` | [Jobs/RabbitOutboxRelay.cs:37](Jobs/RabbitOutboxRelay.cs#L37) |", md);
        Assert.Contains("| RabbitMQ | `IChannel.BasicPublishAsync` | exchange `cached` | `key` |  | `RabbitShapes.All` | [Jobs/RabbitOutboxRelay.cs:38](Jobs/RabbitOutboxRelay.cs#L38) |", md);
        // 6.x: IModel's own method and its extension.
        Assert.Contains("| RabbitMQ | `IModel.BasicPublish` | exchange `legacy` | `stock.changed` |  | `LegacyPublisher.Publish` | [Jobs/RabbitOutboxRelay.cs:46](Jobs/RabbitOutboxRelay.cs#L46) |", md);
        Assert.Contains("| RabbitMQ | `IModel.BasicPublish` | exchange `legacy` | `stock.reserved` |  | `LegacyPublisher.Publish` | [Jobs/RabbitOutboxRelay.cs:47](Jobs/RabbitOutboxRelay.cs#L47) |", md);
    }

    [Fact]
    public void Kafka_produces_are_listed_with_topic_and_value_type()
    {
        var md = Run(Code).Markdown!;

        // A request handler (the endpoint is the member).
        Assert.Contains("| Kafka | `IProducer.ProduceAsync` | topic `orders` | `1` | `Shop.Api.OrderPlaced` | `POST /orders` | [Api/Endpoints.cs:22](Api/Endpoints.cs#L22) |", md);
        Assert.Contains("| Kafka | `IProducer.Produce` | topic `stock` |  | `System.String` | `StockFeed.Partitioned` | [Api/Endpoints.cs:28](Api/Endpoints.cs#L28) |", md);
        Assert.Contains("| Kafka | `IProducer.Produce` | topic `topic` (not a constant) |  | `System.String` | `StockFeed.Configured` | [Api/Endpoints.cs:29](Api/Endpoints.cs#L29) |", md);
        // The value type of a generic wrapper is its type parameter: not named.
        Assert.Contains("| Kafka | `IProducer.ProduceAsync` | topic `generic` | `k` |  | `KafkaSender.Send` | [Api/Endpoints.cs:35](Api/Endpoints.cs#L35) |", md);
        // A key known at run time (the message is partitioned, and compacted, by it); a message without a key: blank.
        Assert.Contains("| Kafka | `IProducer.ProduceAsync` | topic `generic` | `id` (not a constant) |  | `KafkaSender.Keyed` | [Api/Endpoints.cs:36](Api/Endpoints.cs#L36) |", md);
    }

    [Fact]
    public void Service_Bus_sends_name_the_queue_or_topic_their_sender_was_created_for()
    {
        var md = Run(Code).Markdown!;

        // A read-only field assigned once in the constructor, and a local: the CreateSender call is linked.
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessageAsync` | queue or topic `audit-events` from `CreateSender` [Services/AuditForwarder.cs:18](Services/AuditForwarder.cs#L18) |  |  | `AuditForwarder.Forward` | [Services/AuditForwarder.cs:21](Services/AuditForwarder.cs#L21) |", md);
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.ScheduleMessageAsync` | queue or topic `reminders` from `CreateSender` [Services/AuditForwarder.cs:25](Services/AuditForwarder.cs#L25) |  |  | `AuditForwarder.Later` | [Services/AuditForwarder.cs:26](Services/AuditForwarder.cs#L26) |", md);
        // A sender received from elsewhere, and one created for a name known at run time.
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessagesAsync` | queue or topic not known here |  |  | `AuditForwarder.Batch` | [Services/AuditForwarder.cs:31](Services/AuditForwarder.cs#L31) |", md);
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessageAsync` | queue or topic `queue` (not a constant) from `CreateSender` [Services/AuditForwarder.cs:32](Services/AuditForwarder.cs#L32) |  |  | `AuditForwarder.Batch` | [Services/AuditForwarder.cs:33](Services/AuditForwarder.cs#L33) |", md);
    }

    [Fact]
    public void Look_alike_methods_names_comments_and_strings_are_no_claim()
    {
        var output = Run(Code);

        foreach (var trap in new[] { "trap-", "comment-", "string-topic", "Shop.Traps" })
        {
            Assert.DoesNotContain(trap, output.All);
        }
        // Seven RabbitMQ, five Kafka and four Service Bus calls: nothing else.
        Assert.Equal(16, Json.Parse(output.Json).GetProperty("brokerMessages").GetArrayLength());
    }

    [Fact]
    public void A_job_that_publishes_with_a_raw_client_is_the_outbox_tables_publisher()
    {
        var md = Run(Code).Markdown!;

        Assert.Contains("| `Shop.Jobs.RabbitOutboxRelay` | BackgroundService |  | reads `Shop.Data.OutboxMessage` with `ToListAsync` [Jobs/RabbitOutboxRelay.cs:20](Jobs/RabbitOutboxRelay.cs#L20)<br>publishes to RabbitMQ exchange `shop.events` with routing key `order.placed` (`IChannel.BasicPublishAsync`) (for each `message` in `await db.Outbox.Where(m => m.ProcessedOnUtc == null).ToListAsync(stoppingToken)`) [Jobs/RabbitOutboxRelay.cs:23](Jobs/RabbitOutboxRelay.cs#L23)", md);
        Assert.Contains("| `ShopContext` | `Outbox` | `Type` | `Content` | `ProcessedOnUtc` |  | `Shop.Jobs.RabbitOutboxRelay` [Jobs/RabbitOutboxRelay.cs:14](Jobs/RabbitOutboxRelay.cs#L14) |", md);
    }

    [Fact]
    public void DATA_LAYER_json_lists_each_message_with_its_names_and_evidence()
    {
        var messages = Json.Parse(Run(Code).Json).GetProperty("brokerMessages").EnumerateArray().ToList();
        static string? Text(System.Text.Json.JsonElement e, params string[] path)
        {
            foreach (var name in path) e = e.GetProperty(name);
            return e.ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.GetString();
        }

        var kafka = messages.Single(m => Text(m, "member") == "POST /orders");
        Assert.Equal("Kafka", Text(kafka, "broker"));
        Assert.Equal("IProducer.ProduceAsync", Text(kafka, "api"));
        Assert.Equal("publishes", Text(kafka, "verb"));
        Assert.Equal("topic", Text(kafka, "target"));
        Assert.Equal("orders", Text(kafka, "destination", "constant"));
        Assert.Equal("1", Text(kafka, "routingKey", "constant"));
        Assert.Equal("Shop.Api.OrderPlaced", Text(kafka, "messageType"));
        Assert.Equal("Api/Endpoints.cs:22", Text(kafka, "location"));

        var scheduled = messages.Single(m => Text(m, "api") == "ServiceBusSender.ScheduleMessageAsync");
        Assert.Equal("schedules", Text(scheduled, "verb"));
        Assert.Equal("reminders", Text(scheduled, "destination", "constant"));
        Assert.Equal("Services/AuditForwarder.cs:25", Text(scheduled, "destination", "location"));

        var rabbit = messages.First(m => Text(m, "member") == "RabbitShapes.All");
        Assert.Equal("audit", Text(rabbit, "destination", "constant"));
        Assert.Null(Text(rabbit, "routingKey", "constant"));
        Assert.Equal("routingKey", Text(rabbit, "routingKey", "code"));
    }

    [Fact]
    public void Save_hooks_describe_raw_client_publishes_as_everywhere_else()
    {
        var output = Run(Sources.With(("Data/Publishing.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Confluent.Kafka;
            using Microsoft.EntityFrameworkCore.Diagnostics;
            namespace Shop.Data
            {
                public record OrdersChanged(int Count);
                public class KafkaInterceptor(IProducer<string, OrdersChanged> producer) : SaveChangesInterceptor
                {
                    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
                    {
                        await producer.ProduceAsync("orders-changed", new Message<string, OrdersChanged> { Key = "orders", Value = new OrdersChanged(result) }, cancellationToken);
                        return result;
                    }
                }
                // Trap: a Produce of another library in a hook.
                public class Log { public void Produce(string topic, object value) { } }
                public class LoggingInterceptor(Log log) : SaveChangesInterceptor
                {
                    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) { log.Produce("trap-hook", result); return result; }
                }
            }
            """)));
        var md = output.Markdown!;

        Assert.Contains("| `Shop.Data.KafkaInterceptor` | SaveChanges interceptor, on `SaveChangesAsync` only |  |  |  | Kafka ProduceAsync Shop.Data.OrdersChanged to topic orders-changed, message key orders |", md);
        Assert.Contains("| Kafka | `IProducer.ProduceAsync` | topic `orders-changed` | `orders` | `Shop.Data.OrdersChanged` | `KafkaInterceptor.SavedChangesAsync` |", md);
        Assert.DoesNotContain("trap-hook", output.All);
    }

    [Fact]
    public void Broker_connections_and_credentials_never_reach_the_report()
    {
        var output = Run(Sources.With(("Messaging/Clients.cs", """
            using System.Threading.Tasks;
            using Azure.Messaging.ServiceBus;
            using Confluent.Kafka;
            using RabbitMQ.Client;
            namespace Shop.Messaging
            {
                public static class Clients
                {
                    public static async Task Publish(IConfiguration configuration)
                    {
                        var factory = new ConnectionFactory { Uri = new Uri("amqp://shop:Rabbit-Secret-01@rabbit.example:5672/shop") };
                        await using var connection = await factory.CreateConnectionAsync();
                        await using var channel = await connection.CreateChannelAsync();
                        await channel.BasicPublishAsync("orders", "placed", new byte[0]);

                        var config = new ProducerConfig { BootstrapServers = "kafka.example:9093", SaslUsername = "shop", SaslPassword = "Kafka-Secret-02" };
                        using var producer = new ProducerBuilder<Null, string>(config).Build();
                        await producer.ProduceAsync("orders", new Message<Null, string> { Value = "{}" });

                        await using var client = new ServiceBusClient("Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Sb-Secret-03");
                        await using var sender = client.CreateSender("orders");
                        await sender.SendMessageAsync(new ServiceBusMessage("{}"));
                        // A name that is an address: masked like a connection string.
                        await using var odd = client.CreateSender("Endpoint=sb://odd.example/;SharedAccessKey=Sb-Secret-04");
                        await odd.SendMessageAsync(new ServiceBusMessage("{}"));

                        await using var configured = new ServiceBusClient(configuration.GetConnectionString("Bus"));
                    }
                }
            }
            """)), new Dictionary<string, string>
        {
            ["appsettings.json"] = """{ "ConnectionStrings": { "Bus": "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=Sb-Secret-05" }, "Kafka": { "SaslPassword": "Kafka-Secret-06" }, "RabbitMq": "amqp://shop:Rabbit-Secret-07@rabbit.example" }""",
        });

        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessageAsync` | queue or topic `orders` from `CreateSender`", output.Markdown);
        foreach (var secret in new[] { "Rabbit-Secret-01", "Kafka-Secret-02", "Sb-Secret-03", "Sb-Secret-04", "Sb-Secret-05", "Kafka-Secret-06", "Rabbit-Secret-07" })
        {
            Assert.DoesNotContain(secret, output.All);
        }
    }

    [Fact]
    public void Broker_messages_survive_the_fragment_and_a_host_merges_those_of_its_references()
    {
        var library = Run(Code);
        var fragment = ReportFragment.Read(library.Fragment!);
        Assert.NotNull(fragment);
        Assert.Equal(16, fragment!.BrokerMessages.Count);
        Assert.Equal(library.Fragment, ReportFragment.Write(fragment));
        Assert.Equal(library.Markdown, MarkdownEmitter.Emit(fragment, new RelativePath(GeneratorHarness.ProjectDir)));

        var host = GeneratorHarness.Run(Sources.With(("Program.cs", "public static class Host { }")), new Dictionary<string, string>
        {
            ["/src/Shop/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = library.Fragment!,
        }, projectDir: "/src/Web/", assemblyName: "Web");

        Assert.Contains("| Kafka | `IProducer.ProduceAsync` | topic `orders` | `1` | `Shop.Api.OrderPlaced` | `POST /orders` | [../Shop/Api/Endpoints.cs:22](../Shop/Api/Endpoints.cs#L22) |", host.Markdown);
        Assert.Contains("queue or topic `audit-events` from `CreateSender` [../Shop/Services/AuditForwarder.cs:18](../Shop/Services/AuditForwarder.cs#L18)", host.Markdown);
    }

    [Fact]
    public void A_sender_created_in_another_file_of_a_partial_class_is_followed_and_an_edit_there_is_seen()
    {
        var sources = Sources.With(
            ("Services/Notifier.cs", """
                using System.Threading.Tasks;
                using Azure.Messaging.ServiceBus;
                namespace Shop.Services
                {
                    public sealed partial class Notifier
                    {
                        private readonly ServiceBusSender _sender;
                        public Task Notify(string text) => _sender.SendMessageAsync(new ServiceBusMessage(text));
                    }
                }
                """),
            ("Services/Notifier.Setup.cs", """
                using Azure.Messaging.ServiceBus;
                namespace Shop.Services
                {
                    public sealed partial class Notifier
                    {
                        public Notifier(ServiceBusClient client) => _sender = client.CreateSender("notifications");
                    }
                }
                """));
        var compilation = GeneratorHarness.Compile(sources);
        Assert.Empty(DeclarationBinderAudit.Mismatches(compilation));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessageAsync` | queue or topic `notifications` from `CreateSender` [Services/Notifier.Setup.cs:11](Services/Notifier.Setup.cs#L11) |", Markdown(driver));

        // The constructor's file changes, the call's does not: the cached result must not survive.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Notifier.Setup.cs", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.GetText().ToString().Replace("\"notifications\"", "\"alerts\""))));
        driver = driver.RunGenerators(edited);
        Assert.Contains("| Azure Service Bus | `ServiceBusSender.SendMessageAsync` | queue or topic `alerts` from `CreateSender` [Services/Notifier.Setup.cs:11](Services/Notifier.Setup.cs#L11) |", Markdown(driver));

        static string Markdown(GeneratorDriver driver) => GeneratorOutput.From(driver.GetRunResult(), null!, []).Markdown!;
    }
}
