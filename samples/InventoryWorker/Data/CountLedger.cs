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

/// <summary>The last count of each SKU, replaced at every sync; its history is the SKU's <see cref="StockCount"/> rows.</summary>
[Table("LatestCounts", Schema = "dbo")]
public sealed class LatestCount
{
    [PrimaryKey, Column, NotNull] public string Sku { get; set; } = "";
    [Column] public int OnHand { get; set; }
    [Column] public DateTime CountedAt { get; set; }

    [Association(ThisKey = nameof(Sku), OtherKey = nameof(StockCount.Sku))]
    public List<StockCount> History { get; set; } = new();
}

/// <summary>The inventory database through linq2db, for the count ledger (stock levels stay with Dapper).</summary>
public sealed class InventoryDb(IConfiguration configuration)
    : DataConnection(new DataOptions().UseSqlServer(configuration.GetConnectionString("Inventory")!))
{
    public ITable<StockCount> Counts => this.GetTable<StockCount>();
    public ITable<LatestCount> LatestCounts => this.GetTable<LatestCount>();
}

/// <summary>Keeps each sync's counts in one bulk copy, merges them into the latest count per SKU and prunes the counts older
/// than 90 days, together.</summary>
public sealed class CountLedger(InventoryDb db)
{
    public async Task RecordAsync(IReadOnlyList<WarehouseCount> counts, DateTime countedAt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.BulkCopyAsync(counts.Select(c => new StockCount { Sku = c.Sku, OnHand = c.OnHand, CountedAt = countedAt }), cancellationToken);
        var latest = counts.Select(c => new LatestCount { Sku = c.Sku, OnHand = c.OnHand, CountedAt = countedAt });
        await db.LatestCounts
            .Merge()
            .Using(latest)
            .OnTargetKey()
            .InsertWhenNotMatched()
            .UpdateWhenMatched()
            .MergeAsync(cancellationToken);
        var cutoff = countedAt.AddDays(-90);
        await db.Counts.Where(c => c.CountedAt < cutoff).DeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A recount of one SKU by hand: replaces its latest count.</summary>
    public Task CorrectAsync(string sku, int onHand, DateTime countedAt, CancellationToken cancellationToken) =>
        db.InsertOrReplaceAsync(new LatestCount { Sku = sku, OnHand = onHand, CountedAt = countedAt }, token: cancellationToken);

    /// <summary>The latest count of a SKU with its last 30 counts, loaded with it.</summary>
    public Task<LatestCount?> LatestAsync(string sku, CancellationToken cancellationToken) =>
        db.LatestCounts
            .LoadWith(l => l.History, history => history.OrderByDescending(c => c.CountedAt).Take(30))
            .FirstOrDefaultAsync(l => l.Sku == sku, cancellationToken);

    public Task<List<StockCount>> HistoryAsync(string sku, CancellationToken cancellationToken) =>
        db.Counts.Where(c => c.Sku == sku).OrderByDescending(c => c.CountedAt).Take(30).ToListAsync(cancellationToken);
}
