namespace Shop.Messaging;

/// <summary>Published to the broker once an order is committed (through the outbox).</summary>
public sealed record OrderPlaced(int OrderId, int CustomerId, decimal Total, DateTime PlacedAt);

/// <summary>Published to the broker once an order's invoice is committed (through the outbox).</summary>
public sealed record OrderInvoiced(int OrderId, int InvoiceId, decimal Total);
