using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Messaging;

/// <summary>
/// Relays the outbox: reads the messages not yet published, oldest first, publishes each to RabbitMQ through
/// MassTransit, then marks them published. Delivery is at least once (a crash between publishing and saving publishes a
/// message again), so consumers must be idempotent.
/// </summary>
public sealed class OutboxPublisher(IServiceScopeFactory scopes, IBus bus, ILogger<OutboxPublisher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = await PublishPendingAsync(stoppingToken);
            if (published < BatchSize) await Task.Delay(IdleDelay, stoppingToken);
        }
    }

    private async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
        var pending = await db.OutboxMessages
            .Where(m => m.PublishedAt == null)
            .OrderBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            switch (message.Type)
            {
                case nameof(OrderPlaced):
                    await bus.Publish(JsonSerializer.Deserialize<OrderPlaced>(message.Payload)!, cancellationToken);
                    break;
                case nameof(OrderInvoiced):
                    await bus.Publish(JsonSerializer.Deserialize<OrderInvoiced>(message.Payload)!, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Outbox message {message.Id} has an unknown type {message.Type}.");
            }
            message.PublishedAt = DateTime.UtcNow;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (pending.Count > 0) logger.LogInformation("Published {Count} outbox messages", pending.Count);
        return pending.Count;
    }
}
