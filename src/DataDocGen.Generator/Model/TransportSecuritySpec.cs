using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// How a message broker connection is protected in transit (section 4.1), as the code or its configuration says:
/// MassTransit's RabbitMQ <c>Host</c> address and <c>UseSsl</c>, RabbitMQ.Client's <c>ConnectionFactory.Uri</c> and
/// <c>SslOption.Enabled</c>, Confluent.Kafka's <c>SecurityProtocol</c>, and Azure Service Bus clients constructed in code.
/// </summary>
/// <param name="Broker">RabbitMQ, Kafka or Azure Service Bus.</param>
/// <param name="Client">The call or property as its library declares it: <c>MassTransit Host</c>, <c>MassTransit UseSsl</c>,
/// <c>RabbitMQ.Client ConnectionFactory.Uri</c>, <c>RabbitMQ.Client SslOption.Enabled</c>, <c>Confluent.Kafka SecurityProtocol</c>,
/// <c>new ServiceBusClient</c>.</param>
/// <param name="Kind">What is read: <see cref="Setting"/> (a setting in code: <c>Setting</c> and <c>Meaning</c> are set),
/// <see cref="RabbitMqAddress"/> or <see cref="ServiceBusConnection"/> (classified per value: a constant in code, or each
/// appsettings value of the configuration key in <c>Connection</c>).</param>
/// <param name="Setting">For a setting in code: the setting as written (<c>SaslSsl</c>, <c>UseSsl</c>, <c>Enabled = true</c>), or a
/// redacted constant address.</param>
/// <param name="Meaning">For a setting in code: what it means in transit.</param>
/// <param name="AddressOnly">A MassTransit <c>Host</c> call without a configurator: nothing but the address can turn TLS on,
/// so an <c>amqp://</c> address is plain AMQP.</param>
/// <param name="Connection">Where the address or connection string comes from (literals redacted).</param>
internal sealed record TransportSecuritySpec(
    string Broker,
    string Client,
    string Kind,
    string? Setting,
    string? Meaning,
    bool AddressOnly,
    EquatableArray<ConnectionSourceSpec> Connection,
    string Member,
    SourceLocation? Location)
{
    public const string SettingKind = "setting";
    public const string RabbitMqAddress = "RabbitMQ address";
    public const string ServiceBusConnection = "Service Bus connection string";
}
