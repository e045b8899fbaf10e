using MongoDB.Driver;

namespace OrderEvents.Catalog;

public interface IProductCatalogRepository
{
    Task<CatalogProduct?> FindAsync(string sku, CancellationToken ct);
    Task<IReadOnlyList<CatalogProduct>> InCategoryAsync(string category, CancellationToken ct);
    Task UpsertAsync(CatalogProduct product, CancellationToken ct);
    Task<string> CapturePriceAsync(string sku, decimal price, CancellationToken ct);
    Task DeletePriceAsync(string id, CancellationToken ct);
    Task EnsureIndexesAsync(CancellationToken ct);
}

public sealed class ProductCatalogRepository : IProductCatalogRepository
{
    private readonly IMongoCollection<CatalogProduct> _products;
    private readonly IMongoCollection<PriceSnapshot> _prices;

    public ProductCatalogRepository(IMongoClient client)
    {
        var database = client.GetDatabase("catalog");
        _products = database.GetCollection<CatalogProduct>("products");
        _prices = database.GetCollection<PriceSnapshot>("price_snapshots");
    }

    public async Task<CatalogProduct?> FindAsync(string sku, CancellationToken ct) =>
        await _products.Find(p => p.Sku == sku).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<CatalogProduct>> InCategoryAsync(string category, CancellationToken ct) =>
        await _products.Find(p => p.Category == category).SortBy(p => p.Price).Limit(100).ToListAsync(ct);

    public Task UpsertAsync(CatalogProduct product, CancellationToken ct) =>
        _products.ReplaceOneAsync(p => p.Sku == product.Sku, product, new ReplaceOptions { IsUpsert = true }, ct);

    public async Task<string> CapturePriceAsync(string sku, decimal price, CancellationToken ct)
    {
        var snapshot = new PriceSnapshot { Id = Guid.NewGuid().ToString("N"), Sku = sku, Price = price, CapturedAt = DateTime.UtcNow };
        await _prices.InsertOneAsync(snapshot, cancellationToken: ct);
        return snapshot.Id;
    }

    public Task DeletePriceAsync(string id, CancellationToken ct) => _prices.DeleteOneAsync(p => p.Id == id, ct);

    /// <summary>Run at startup: the category listing's index and the price snapshots' expiry.</summary>
    public async Task EnsureIndexesAsync(CancellationToken ct)
    {
        await _products.Indexes.CreateManyAsync(new[]
        {
            new CreateIndexModel<CatalogProduct>(
                Builders<CatalogProduct>.IndexKeys.Ascending(p => p.Category).Ascending(p => p.Price),
                new CreateIndexOptions { Name = "ix_products_category_price" }),
            new CreateIndexModel<CatalogProduct>(
                Builders<CatalogProduct>.IndexKeys.Text(p => p.Name),
                new CreateIndexOptions { Name = "tx_products_name" }),
        }, ct);

        await _prices.Indexes.CreateOneAsync(
            new CreateIndexModel<PriceSnapshot>(
                Builders<PriceSnapshot>.IndexKeys.Ascending(p => p.CapturedAt),
                new CreateIndexOptions { ExpireAfter = TimeSpan.FromDays(90), Name = "ttl_price_snapshots" }),
            cancellationToken: ct);
    }
}
