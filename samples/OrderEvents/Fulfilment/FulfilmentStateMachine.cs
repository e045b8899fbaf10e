using MassTransit;

namespace OrderEvents.Fulfilment;

public sealed class FulfilmentState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public string Country { get; set; } = "";
    public decimal Total { get; set; }
    public Guid? PaymentId { get; set; }
}

/// <summary>Orchestrates one order's fulfilment: payment, then shipping; when shipping turns out impossible after
/// the payment went through, the payment is refunded (compensation) and the order cancelled.</summary>
public sealed class FulfilmentStateMachine : MassTransitStateMachine<FulfilmentState>
{
    private static readonly HashSet<string> ServedCountries = new(StringComparer.OrdinalIgnoreCase) { "FR", "DE", "NL", "BE" };

    public State AwaitingPayment { get; private set; } = null!;
    public State AwaitingShipment { get; private set; } = null!;
    public State Compensated { get; private set; } = null!;

    public Event<OrderSubmitted> Submitted { get; private set; } = null!;
    public Event<PaymentCompleted> PaymentSucceeded { get; private set; } = null!;
    public Event<PaymentFailed> PaymentDeclined { get; private set; } = null!;
    public Event<ShipmentDispatched> Dispatched { get; private set; } = null!;

    public FulfilmentStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => Submitted, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentSucceeded, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => PaymentDeclined, e => e.CorrelateById(m => m.Message.OrderId));
        Event(() => Dispatched, e => e.CorrelateById(m => m.Message.OrderId));

        Initially(
            When(Submitted)
                .Then(context =>
                {
                    context.Saga.CustomerId = context.Message.CustomerId;
                    context.Saga.Country = context.Message.Country;
                    context.Saga.Total = context.Message.Total;
                })
                .Publish(context => new ProcessPayment(context.Saga.CorrelationId, context.Saga.Total))
                .TransitionTo(AwaitingPayment));

        During(AwaitingPayment,
            When(PaymentSucceeded)
                .Then(context =>
                {
                    context.Saga.PaymentId = context.Message.PaymentId;
                    if (!ServedCountries.Contains(context.Saga.Country)) throw new ShippingUnavailableException(context.Saga.Country);
                })
                .Send(new Uri("queue:ship-order"), context => new ShipOrder(context.Saga.CorrelationId, context.Saga.Country))
                .TransitionTo(AwaitingShipment)
                .Catch<ShippingUnavailableException>(ex => ex
                    .Publish(context => new RefundPayment(context.Saga.CorrelationId, context.Saga.PaymentId!.Value))
                    .Publish(context => new FulfilmentCancelled(context.Saga.CorrelationId, context.Exception.Message))
                    .TransitionTo(Compensated)),
            When(PaymentDeclined)
                .Publish(context => new FulfilmentCancelled(context.Saga.CorrelationId, context.Message.Reason))
                .Finalize());

        During(AwaitingShipment,
            When(Dispatched)
                .Finalize());

        SetCompletedWhenFinalized();
    }
}
