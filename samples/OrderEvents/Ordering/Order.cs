namespace OrderEvents.Ordering;

public enum OrderStatus { Placed, Paid, Shipped, Cancelled }

/// <summary>The event-sourced order: its state is the fold of its stream's events (Marten calls Create and Apply).</summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string CustomerId { get; set; } = "";
    public string Country { get; set; } = "";
    public decimal Total { get; set; }
    public OrderStatus Status { get; set; }
    public Guid? PaymentId { get; set; }
    public string? TrackingNumber { get; set; }

    public static Order Create(OrderPlaced placed) => new()
    {
        Id = placed.OrderId,
        CustomerId = placed.CustomerId,
        Country = placed.Country,
        Total = placed.Total,
        Status = OrderStatus.Placed,
    };

    public void Apply(OrderPaid paid)
    {
        Status = OrderStatus.Paid;
        PaymentId = paid.PaymentId;
    }

    public void Apply(OrderShipped shipped)
    {
        Status = OrderStatus.Shipped;
        TrackingNumber = shipped.TrackingNumber;
    }

    public void Apply(OrderCancelled _) => Status = OrderStatus.Cancelled;

    public bool CanBePaid => Status == OrderStatus.Placed;
}
