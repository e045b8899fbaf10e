using Microsoft.Azure.Cosmos;

namespace OrderEvents.Archive;

public record ShipmentRecord(string id, string Country, string TrackingNumber, DateTimeOffset ShippedAt);

/// <summary>Shipped orders, archived for customer service in Cosmos DB (partitioned by country).</summary>
public sealed class ShipmentArchive(CosmosClient client)
{
    private readonly Container _shipments = client.GetContainer("fulfilment", "shipments");

    public Task ArchiveAsync(ShipmentRecord record, CancellationToken ct) =>
        _shipments.UpsertItemAsync(record, new PartitionKey(record.Country), cancellationToken: ct);
}
