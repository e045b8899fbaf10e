namespace OrderEvents.Ordering;

// The events of an order's stream, in the order they usually happen.
public record OrderPlaced(Guid OrderId, string CustomerId, string Country, IReadOnlyList<OrderLine> Lines, decimal Total, DateTimeOffset PlacedAt);
public record OrderLine(string Sku, int Quantity, decimal UnitPrice);
public record OrderPaid(Guid OrderId, Guid PaymentId, DateTimeOffset PaidAt);
public record OrderShipped(Guid OrderId, string TrackingNumber, DateTimeOffset ShippedAt);
public record OrderCancelled(Guid OrderId, string Reason, DateTimeOffset CancelledAt);
