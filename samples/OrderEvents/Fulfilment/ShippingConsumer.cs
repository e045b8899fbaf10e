using MassTransit;
using OrderEvents.Archive;
using OrderEvents.Offline;
using OrderEvents.Ordering;

namespace OrderEvents.Fulfilment;

/// <summary>Books the courier; while the courier's API is down the shipment waits in the local offline store.</summary>
public sealed class ShippingConsumer(OrderService orders, OfflineShipmentRepository offline, ShipmentArchive archive, ICourierClient courier)
    : IConsumer<ShipOrder>
{
    public async Task Consume(ConsumeContext<ShipOrder> context)
    {
        var message = context.Message;
        if (!courier.IsAvailable)
        {
            offline.Queue(new PendingShipment { OrderId = message.OrderId, Country = message.Country, NextAttemptAt = DateTime.UtcNow.AddMinutes(5) });
            return;
        }
        var trackingNumber = await courier.BookAsync(message.OrderId, message.Country, context.CancellationToken);
        await orders.MarkShippedAsync(message.OrderId, trackingNumber, context.CancellationToken);

        var labels = await context.GetSendEndpoint(new Uri("queue:print-label"));
        await labels.Send(new PrintLabel(message.OrderId, message.Country), context.CancellationToken);
        await context.Publish(new ShipmentDispatched(message.OrderId, trackingNumber));
        await archive.ArchiveAsync(new ShipmentRecord(message.OrderId.ToString(), message.Country, trackingNumber, DateTimeOffset.UtcNow), context.CancellationToken);
    }
}

public interface ICourierClient
{
    bool IsAvailable { get; }
    Task<string> BookAsync(Guid orderId, string country, CancellationToken ct);
}

public sealed class CourierClient(HttpClient http) : ICourierClient
{
    public bool IsAvailable { get; private set; } = true;

    public async Task<string> BookAsync(Guid orderId, string country, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("bookings", new { orderId, country }, ct);
        IsAvailable = response.IsSuccessStatusCode;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }
}
