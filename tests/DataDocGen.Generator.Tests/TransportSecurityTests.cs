using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.1: message brokers in transit. MassTransit's RabbitMQ host address (constant or per appsettings
/// value) and <c>UseSsl</c>, RabbitMQ.Client's <c>ConnectionFactory.Uri</c> and <c>SslOption.Enabled</c>, Confluent.Kafka's
/// <c>SecurityProtocol</c>, and Azure Service Bus clients (TLS except the emulator), each confirmed by its symbol.</summary>
public class TransportSecurityTests
{
    private const string Code = """
        using Confluent.Kafka;
        using MassTransit;
        using RabbitMQ.Client;
        using Azure.Messaging.ServiceBus;
        namespace Shop.Messaging
        {
            public static class Buses
            {
                public static void FromConfiguration(IServiceCollection services, IConfiguration configuration) =>
                    services.AddMassTransit(x => x.UsingRabbitMq((context, cfg) => cfg.Host(configuration.GetConnectionString("RabbitMq")!)));

                public static void Constant(IRabbitMqBusFactoryConfigurator cfg) =>
                    cfg.Host(new Uri("amqps://orders:Rabbit-Secret-1@rabbit.example:5671/orders"));

                public static void WithSsl(IRabbitMqBusFactoryConfigurator cfg) =>
                    cfg.Host("amqp://rabbit.example/orders", h => h.UseSsl(s => s.ServerName = "rabbit.example"));

                public static void Raw(IConfiguration configuration)
                {
                    var factory = new ConnectionFactory { Uri = new Uri("amqps://app:Rabbit-Secret-2@mq.example/") };
                    factory.Ssl.Enabled = true;
                    var other = new ConnectionFactory();
                    other.Ssl = new SslOption { Enabled = false };
                }

                public static ProducerConfig Kafka(IConfiguration configuration) => new ProducerConfig
                {
                    BootstrapServers = configuration["Kafka:Servers"],
                    SecurityProtocol = SecurityProtocol.SaslSsl,
                };

                public static ConsumerConfig KafkaPlain() => new ConsumerConfig { SecurityProtocol = SecurityProtocol.Plaintext };

                public static ServiceBusClient Bus(IConfiguration configuration) => new ServiceBusClient(configuration.GetConnectionString("ServiceBus"));

                public static ServiceBusClient BusFromEnvironment() => new ServiceBusClient(Environment.GetEnvironmentVariable("SB"));
            }

            // Traps: a string holding amqps:// that is no connection, look-alike members, commented-out code.
            public class Settings { public bool Enabled { get; set; } public string SecurityProtocol { get; set; } = ""; public Uri? Uri { get; set; } }
            public class Host { public void UseSsl() { } }
            public static class Traps
            {
                public const string Docs = "amqps://docs:Doc-Secret-3@example/ is our broker";
                public static void Run(Host host)
                {
                    var settings = new Settings { Enabled = true, SecurityProtocol = "SaslSsl", Uri = new Uri("amqps://trap.example/") };
                    settings.Enabled = false;
                    host.UseSsl();
                    System.Console.WriteLine(Docs);
                    // cfg.Host("amqps://commented.example/");
                }
            }
        }
        """;

    private static readonly Dictionary<string, string> AppSettings = new()
    {
        ["appsettings.json"] = """
            {
              "ConnectionStrings": {
                "RabbitMq": "amqps://shop:Rabbit-Secret-4@rabbit.internal.example:5671/shop",
                "ServiceBus": "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=Sb-Secret-5"
              }
            }
            """,
        ["appsettings.Development.json"] = """
            {
              "ConnectionStrings": {
                "RabbitMq": "amqp://guest:Rabbit-Secret-6@localhost:5672/",
                "ServiceBus": "Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=Sb-Secret-7;UseDevelopmentEmulator=true;"
              }
            }
            """,
    };

    private static GeneratorOutput Run() => GeneratorHarness.Run(Sources.With(("Messaging/Buses.cs", Code)), AppSettings);

    private static int Line(string marker) => Json.LineOf(Sources.Usings + Code, marker);

    [Fact]
    public void MassTransit_host_addresses_are_classified_per_appsettings_value_and_constant()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("Message brokers in transit", md);
        var host = Line("cfg.Host(configuration.GetConnectionString(\"RabbitMq\")!)");
        Assert.Contains("| RabbitMQ | MassTransit Host in `Buses.FromConfiguration` | `ConnectionStrings:RabbitMq`: `amqps://shop:***@rabbit.internal.example:5671/shop` | base file (replaced in Development) | TLS (`amqps://`): encrypted in transit | [appsettings.json:3](appsettings.json#L3), read at [Messaging/Buses.cs:" + host + "]", md);
        Assert.Contains("| RabbitMQ | MassTransit Host in `Buses.FromConfiguration` | `ConnectionStrings:RabbitMq`: `amqp://guest:***@localhost:5672/` | Development | not encrypted in transit: plain AMQP", md);
        Assert.Contains("| RabbitMQ | MassTransit Host in `Buses.Constant` | `amqps://orders:***@rabbit.example:5671/orders` | (in code) | TLS (`amqps://`): encrypted in transit |", md);
        // A host with a configurator: its amqp:// address makes no claim (UseSsl turns TLS on, and is listed).
        Assert.DoesNotContain("amqp://rabbit.example/orders", md);
        Assert.Contains("| RabbitMQ | MassTransit UseSsl in `Buses.WithSsl` | `UseSsl` | (in code) | TLS: encrypted in transit | [Messaging/Buses.cs:" + Line("h => h.UseSsl(") + "]", md);
    }

    [Fact]
    public void RabbitMQ_Client_Kafka_and_Service_Bus_settings_are_read_by_their_symbols()
    {
        var md = Run().Markdown!;
        Assert.Contains("| RabbitMQ | RabbitMQ.Client ConnectionFactory.Uri in `Buses.Raw` | `amqps://app:***@mq.example/` | (in code) | TLS (`amqps://`): encrypted in transit |", md);
        Assert.Contains("| RabbitMQ | RabbitMQ.Client SslOption.Enabled in `Buses.Raw` | `Enabled = true` | (in code) | TLS: encrypted in transit | [Messaging/Buses.cs:" + Line("factory.Ssl.Enabled = true") + "]", md);
        Assert.Contains("| RabbitMQ | RabbitMQ.Client SslOption.Enabled in `Buses.Raw` | `Enabled = false` | (in code) | TLS turned off: not encrypted in transit (set explicitly) |", md);
        Assert.Contains("| Kafka | Confluent.Kafka SecurityProtocol in `Buses.Kafka` | `SaslSsl` | (in code) | TLS, with SASL authentication: encrypted in transit |", md);
        Assert.Contains("| Kafka | Confluent.Kafka SecurityProtocol in `Buses.KafkaPlain` | `Plaintext` | (in code) | not encrypted in transit (plaintext, set explicitly) |", md);
        Assert.Contains("| Azure Service Bus | new ServiceBusClient in `Buses.Bus` | `ConnectionStrings:ServiceBus`: `Endpoint=sb://shop.servicebus.windows.net/` | base file (replaced in Development) | TLS: the Service Bus service takes encrypted connections only", md);
        Assert.Contains("| Azure Service Bus | new ServiceBusClient in `Buses.Bus` | `ConnectionStrings:ServiceBus`: `UseDevelopmentEmulator=true` | Development | the local Service Bus emulator, without TLS: not encrypted in transit |", md);
        Assert.Contains("| Azure Service Bus | new ServiceBusClient in `Buses.BusFromEnvironment` | `new ServiceBusClient` | (in code) | TLS, unless the connection string sets `UseDevelopmentEmulator=true`", md);
    }

    [Fact]
    public void Strings_look_alikes_and_comments_make_no_claim_and_no_secret_leaks()
    {
        var output = Run();
        Assert.DoesNotContain("`Traps.Run`", output.Markdown);
        Assert.DoesNotContain("docs:", output.Markdown);
        Assert.DoesNotContain("commented.example", output.All);
        Assert.DoesNotContain("trap.example", output.Markdown);
        foreach (var secret in new[] { "Rabbit-Secret-1", "Rabbit-Secret-2", "Doc-Secret-3", "Rabbit-Secret-4", "Sb-Secret-5", "Rabbit-Secret-6", "Sb-Secret-7" })
        {
            Assert.DoesNotContain(secret, output.All);
        }
        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("security").GetProperty("brokersInTransit");
        Assert.Equal(12, rows.GetArrayLength());
        var development = rows.EnumerateArray().First(r => r.GetProperty("value").ValueKind == JsonValueKind.Object && r.GetProperty("value").GetProperty("environment").GetString() == "Development" && r.GetProperty("broker").GetString() == "RabbitMQ");
        Assert.Equal("appsettings.Development.json:3", development.GetProperty("value").GetProperty("location").GetString());
        Assert.Equal("ConnectionStrings:RabbitMq", development.GetProperty("value").GetProperty("key").GetString());
    }
}
