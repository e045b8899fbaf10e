using MassTransit;

namespace OrderEvents.Catalog;

/// <summary>Published when a product's price changes, for the storefronts' caches.</summary>
public record ProductPriceChanged(string Sku, decimal OldPrice, decimal NewPrice);

/// <summary>
/// Changes a product's price in three steps that share no transaction: keeps a snapshot of the old price (for disputes),
/// writes the new price to the catalogue, and announces the change on the bus. Each step that succeeds pushes its undo;
/// when a later step fails, the undos run, latest first, and the failure goes on to the caller.
/// </summary>
public sealed class PriceChange(IProductCatalogRepository catalog, IPublishEndpoint publish, TimeProvider clock)
{
    public async Task ApplyAsync(CatalogProduct product, decimal newPrice, CancellationToken ct)
    {
        var before = new CatalogProduct
        {
            Sku = product.Sku, Name = product.Name, Category = product.Category,
            Price = product.Price, Available = product.Available, UpdatedAt = product.UpdatedAt,
        };
        var undo = new Stack<Func<Task>>();
        try
        {
            var snapshotId = await catalog.CapturePriceAsync(product.Sku, before.Price, ct);
            undo.Push(() => catalog.DeletePriceAsync(snapshotId, CancellationToken.None));

            product.Price = newPrice;
            product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await catalog.UpsertAsync(product, ct);
            undo.Push(() => catalog.UpsertAsync(before, CancellationToken.None));

            await publish.Publish(new ProductPriceChanged(product.Sku, before.Price, newPrice), ct);
        }
        catch
        {
            while (undo.TryPop(out var step)) await step();
            throw;
        }
    }
}
