using Marten;
using MassTransit;
using OrderEvents.Fulfilment;

namespace OrderEvents.Ordering;

public record PlaceOrderRequest(string CustomerId, string Country, IReadOnlyList<OrderLine> Lines);

/// <summary>Writes the order streams and reads the order read models.</summary>
public sealed class OrderService(IDocumentSession session, IQuerySession query, IPublishEndpoint publish, TimeProvider clock)
{
    public async Task<Guid> PlaceAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var total = request.Lines.Sum(l => l.Quantity * l.UnitPrice);
        var placed = new OrderPlaced(id, request.CustomerId, request.Country, request.Lines, total, clock.GetUtcNow());
        session.Events.StartStream<Order>(id, placed);
        await session.SaveChangesAsync(ct);
        // Hands the order to the fulfilment saga.
        await publish.Publish(new OrderSubmitted(id, request.CustomerId, request.Country, total), ct);
        return id;
    }

    public async Task MarkPaidAsync(Guid orderId, Guid paymentId, CancellationToken ct)
    {
        session.Events.Append(orderId, new OrderPaid(orderId, paymentId, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }

    public async Task MarkShippedAsync(Guid orderId, string trackingNumber, CancellationToken ct)
    {
        session.Events.Append(orderId, new OrderShipped(orderId, trackingNumber, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }

    public async Task CancelAsync(Guid orderId, string reason, CancellationToken ct)
    {
        session.Events.Append(orderId, new OrderCancelled(orderId, reason, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The order as of its latest event, folded on read.</summary>
    public Task<Order?> GetAsync(Guid orderId, CancellationToken ct) => query.Events.AggregateStreamAsync<Order>(orderId, token: ct);

    public Task<OrderSummary?> GetSummaryAsync(Guid orderId, CancellationToken ct) => query.LoadAsync<OrderSummary>(orderId, ct);

    public async Task<IReadOnlyList<OrderSummary>> ForCustomerAsync(string customerId, CancellationToken ct) =>
        await query.Query<OrderSummary>()
            .Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.PlacedAt)
            .Take(50)
            .ToListAsync(ct);

    public Task<CustomerOrderHistory?> HistoryAsync(string customerId, CancellationToken ct) => query.LoadAsync<CustomerOrderHistory>(customerId, ct);
}
