namespace DataDocGen.Generator.Model;

/// <summary>
/// A message handed to a broker through the broker's own client library (RabbitMQ.Client, Confluent.Kafka,
/// Azure.Messaging.ServiceBus), wherever the call is: a background job, an outbox relay, a request handler, a save hook.
/// MassTransit and Rebus are read by their own parsers (<see cref="MessagingSpec"/>).
/// </summary>
/// <param name="Broker">RabbitMQ, Kafka or Azure Service Bus.</param>
/// <param name="Api">The call as its type declares it: <c>IChannel.BasicPublishAsync</c>, <c>IModel.BasicPublish</c>,
/// <c>IProducer.ProduceAsync</c>, <c>ServiceBusSender.ScheduleMessageAsync</c>.</param>
/// <param name="Verb">publishes, sends or schedules (the words the report uses).</param>
/// <param name="Target">What the destination is: exchange (RabbitMQ), topic (Kafka), queue or topic (Service Bus).</param>
/// <param name="Destination">The exchange, topic or entity name as far as the code shows it; null when the code gives no
/// way to it (a Service Bus sender received from elsewhere).</param>
/// <param name="RoutingKey">RabbitMQ's routing key, or Kafka's message key when the call builds the message; null otherwise.</param>
/// <param name="MessageType">The message's type when the client's API types it (Kafka's <c>TValue</c>), else null.</param>
internal sealed record BrokerMessageSpec(
    string Broker,
    string Api,
    string Verb,
    string Target,
    BrokerName? Destination,
    BrokerName? RoutingKey,
    string? MessageType,
    string Member,
    SourceLocation? Location);

/// <summary>A name given to a broker call: <see cref="Constant"/> when it is a compile-time constant (masked by the
/// connection-string redactor when it looks like an address), else <see cref="Code"/>, the expression when it holds
/// no string literal (null otherwise). <see cref="Location"/> points at where it was read when that is not the call
/// itself (the <c>CreateSender("orders")</c> a Service Bus sender comes from).</summary>
internal sealed record BrokerName(string? Constant, string? Code, SourceLocation? Location = null);
