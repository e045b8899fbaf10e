using MassTransit;
using OrderEvents.Ordering;

namespace OrderEvents.Fulfilment;

/// <summary>Charges the customer (the payment provider's call is elided) and records the outcome on the order's stream.</summary>
public sealed class PaymentConsumer(OrderService orders, ILogger<PaymentConsumer> logger) : IConsumer<ProcessPayment>
{
    public async Task Consume(ConsumeContext<ProcessPayment> context)
    {
        var message = context.Message;
        if (message.Amount <= 0)
        {
            await context.Publish(new PaymentFailed(message.OrderId, "amount must be positive"));
            return;
        }
        var paymentId = NewId.NextGuid();
        await orders.MarkPaidAsync(message.OrderId, paymentId, context.CancellationToken);
        logger.LogInformation("Order {OrderId} paid", message.OrderId);
        await context.Publish(new PaymentCompleted(message.OrderId, paymentId));
    }
}

/// <summary>Compensation: gives the money back and cancels the order.</summary>
public sealed class RefundConsumer(OrderService orders) : IConsumer<RefundPayment>
{
    public Task Consume(ConsumeContext<RefundPayment> context) =>
        orders.CancelAsync(context.Message.OrderId, "refunded: shipping unavailable", context.CancellationToken);
}
