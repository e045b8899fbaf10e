using System.Text.Json;
using Confluent.Kafka;

namespace Inventory.Services;

/// <summary>A stock level after a sync, for the order and pricing services.</summary>
public sealed record StockLevelChanged(string Sku, int OnHand, DateTimeOffset At);

/// <summary>Publishes stock levels to Kafka, keyed by SKU, so that consumers keep the latest level per SKU (a compacted topic).</summary>
public sealed class StockEvents(IProducer<string, StockLevelChanged> producer)
{
    private const string Topic = "inventory.stock-levels";

    public Task PublishAsync(string sku, int onHand, CancellationToken cancellationToken) =>
        producer.ProduceAsync(Topic, new Message<string, StockLevelChanged> { Key = sku, Value = new StockLevelChanged(sku, onHand, DateTimeOffset.UtcNow) }, cancellationToken);
}

/// <summary>Writes message values as UTF-8 JSON.</summary>
public sealed class JsonValueSerializer<T> : ISerializer<T>
{
    public byte[] Serialize(T data, SerializationContext context) => JsonSerializer.SerializeToUtf8Bytes(data);
}
