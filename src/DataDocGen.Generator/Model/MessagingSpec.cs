using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A messaging fact (MassTransit, or a Rebus saga): a saga state machine with its states, events and compensation; a saga's
/// registration and repository; an outbox or inbox; a transport; a message published or sent.</summary>
/// <param name="Kind">saga, saga registration, outbox, inbox, outbox tables, transport, published, sent, scheduled, schedule
/// cancelled, request sent, response sent (<see cref="Parsing.StateMachineActivities"/>), consumer, consumer registration,
/// consumer scan, consumers on endpoint.</param>
/// <param name="Subject">The saga or state machine, the DbContext of an outbox, the transport, the message type.</param>
/// <param name="Items">States, events, compensation steps; or settings.</param>
/// <param name="Library">The messaging library the fact was read from (MassTransit, Rebus).</param>
/// <param name="Assembly">For a consumer, the assembly that declares it (matched against consumer scans, <see cref="Parsing.ConsumerScanReader"/>).</param>
/// <param name="Endpoint">For a consumer registration, the receive endpoint it binds the consumer to, in report words with
/// code spans (<c>on receive endpoint `orders`</c>, <c>its endpoint named `ship-order` when `ConfigureEndpoints` creates it</c>);
/// null when the code names none (<see cref="Parsing.ReceiveEndpointNames"/>).</param>
internal sealed record MessagingSpec(string Kind, string Subject, string? Detail, EquatableArray<string> Items, string Member, SourceLocation? Location,
    string Library = "MassTransit", string? Assembly = null, string? Endpoint = null);
