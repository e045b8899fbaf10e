using LiteDB;

namespace OrderEvents.Offline;

public sealed class PendingShipment
{
    public Guid OrderId { get; set; }
    public string Country { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
}

/// <summary>Shipments waiting for the courier, kept in a local LiteDB file so they survive a restart.</summary>
public sealed class OfflineShipmentRepository : IDisposable
{
    private readonly LiteDatabase _database;
    private readonly ILiteCollection<PendingShipment> _pending;

    public OfflineShipmentRepository(IConfiguration configuration)
    {
        _database = new LiteDatabase(configuration.GetConnectionString("OfflineStore"));
        _pending = _database.GetCollection<PendingShipment>("pending_shipments");
        _pending.EnsureIndex(x => x.OrderId, unique: true);
        _pending.EnsureIndex(x => x.NextAttemptAt);
    }

    public void Queue(PendingShipment shipment) => _pending.Upsert(shipment);

    public IReadOnlyList<PendingShipment> Due(DateTime now) => _pending.Find(x => x.NextAttemptAt <= now).ToList();

    public void Remove(Guid orderId) => _pending.DeleteMany(x => x.OrderId == orderId);

    public void Dispose() => _database.Dispose();
}
