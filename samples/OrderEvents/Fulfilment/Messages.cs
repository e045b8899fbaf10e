namespace OrderEvents.Fulfilment;

// Messages exchanged over RabbitMQ between the order service, the saga and the payment and shipping consumers.
public record OrderSubmitted(Guid OrderId, string CustomerId, string Country, decimal Total);
public record ProcessPayment(Guid OrderId, decimal Amount);
public record PaymentCompleted(Guid OrderId, Guid PaymentId);
public record PaymentFailed(Guid OrderId, string Reason);
public record ShipOrder(Guid OrderId, string Country);
public record ShipmentDispatched(Guid OrderId, string TrackingNumber);
public record RefundPayment(Guid OrderId, Guid PaymentId);
public record FulfilmentCancelled(Guid OrderId, string Reason);
public record PrintLabel(Guid OrderId, string Country);

public sealed class ShippingUnavailableException(string country) : Exception($"No carrier serves {country}");
