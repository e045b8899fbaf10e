using Inventory.Domain;
using LinqToDB;
using LinqToDB.Async;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace Inventory.Data;

/// <summary>One warehouse count kept for audits: what the warehouse system reported for a SKU at a sync.</summary>
[Table("StockCounts", Schema = "dbo")]
public sealed class StockCount
{
    [PrimaryKey, Identity] public long Id { get; set; }
    [Column, NotNull] public string Sku { get; set; } = "";
    [Column] public int OnHand { get; set; }
    [Column] public DateTime CountedAt { get; set; }
}

/// <summary>The inventory database through linq2db, for the count ledger (stock levels stay with Dapper).</summary>
public sealed class InventoryDb(IConfiguration configuration)
    : DataConnection(new DataOptions().UseSqlServer(configuration.GetConnectionString("Inventory")!))
{
    public ITable<StockCount> Counts => this.GetTable<StockCount>();
}

/// <summary>Keeps each sync's counts in one bulk copy and prunes the counts older than 90 days, together.</summary>
public sealed class CountLedger(InventoryDb db)
{
    public async Task RecordAsync(IReadOnlyList<WarehouseCount> counts, DateTime countedAt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.BulkCopyAsync(counts.Select(c => new StockCount { Sku = c.Sku, OnHand = c.OnHand, CountedAt = countedAt }), cancellationToken);
        var cutoff = countedAt.AddDays(-90);
        await db.Counts.Where(c => c.CountedAt < cutoff).DeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<List<StockCount>> HistoryAsync(string sku, CancellationToken cancellationToken) =>
        db.Counts.Where(c => c.Sku == sku).OrderByDescending(c => c.CountedAt).Take(30).ToListAsync(cancellationToken);
}
