using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace OrderEvents.Ordering;

/// <summary>The read model the order list pages query: one document per order, kept up to date in the same
/// transaction as the events (registered inline).</summary>
public sealed class OrderSummary
{
    public Guid Id { get; set; }
    public string CustomerId { get; set; } = "";
    public decimal Total { get; set; }
    public OrderStatus Status { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
}

public sealed class OrderSummaryProjection : SingleStreamProjection<OrderSummary, Guid>
{
    public static OrderSummary Create(OrderPlaced e) => new()
    {
        Id = e.OrderId,
        CustomerId = e.CustomerId,
        Total = e.Total,
        Status = OrderStatus.Placed,
        PlacedAt = e.PlacedAt,
    };

    public void Apply(OrderPaid _, OrderSummary summary) => summary.Status = OrderStatus.Paid;

    public void Apply(OrderShipped e, OrderSummary summary)
    {
        summary.Status = OrderStatus.Shipped;
        summary.ShippedAt = e.ShippedAt;
    }

    public void Apply(OrderCancelled _, OrderSummary summary) => summary.Status = OrderStatus.Cancelled;
}

/// <summary>Per-customer totals across all their order streams, built by the async daemon.</summary>
public sealed class CustomerOrderHistory
{
    public string Id { get; set; } = "";
    public int OrderCount { get; set; }
    public decimal LifetimeValue { get; set; }
}

public sealed class CustomerOrderHistoryProjection : MultiStreamProjection<CustomerOrderHistory, string>
{
    public CustomerOrderHistoryProjection()
    {
        Identity<OrderPlaced>(e => e.CustomerId);
    }

    public void Apply(OrderPlaced e, CustomerOrderHistory history)
    {
        history.OrderCount++;
        history.LifetimeValue += e.Total;
    }
}
