using Microsoft.Extensions.Caching.Hybrid;
using Pricing.Approvals;
using Pricing.Catalogue;
using Pricing.Pricing;
using Pricing.Rates;
using Pricing.Rules;
using Rebus.Bus;

namespace Pricing.Api;

public static class PriceEndpoints
{
    public static void MapPriceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/prices/{sku}", async (string sku, string region, PriceQuotes quotes, ProductCatalog catalog, TaxRules taxRules, CancellationToken cancellationToken) =>
        {
            var price = await quotes.GetAsync(sku, cancellationToken);
            var product = await catalog.GetAsync(sku, cancellationToken);
            if (price is null || product is null) return Results.NotFound();
            var rules = await taxRules.ForRegionAsync(region, cancellationToken);
            var rate = rules.FirstOrDefault(r => r.TaxClass == product.TaxClass)?.Rate ?? 0m;
            return Results.Ok(new PriceQuote(sku, price.Currency, price.Amount, Math.Round(price.Amount * (1 + rate), 2)));
        });

        // Small corrections are applied at once; the cached quote of that product is dropped in the same request.
        app.MapPut("/prices/{sku}", async (string sku, SetPriceRequest request, PriceStore prices, HybridCache hybridCache, CancellationToken cancellationToken) =>
        {
            await prices.SetAsync(sku, request.Amount, cancellationToken);
            await hybridCache.RemoveAsync($"price:{sku}", cancellationToken);
            return Results.NoContent();
        });

        // Larger changes go through an approval.
        app.MapPost("/prices/{sku}/change-requests", async (string sku, PriceChangeRequest request, IBus bus) =>
        {
            var id = Guid.NewGuid();
            await bus.SendLocal(new PriceChangeRequested(id, sku, request.Amount, request.RequestedBy));
            return Results.Accepted($"/prices/{sku}/change-requests/{id}", new { id });
        });

        app.MapPost("/prices/change-requests/{id:guid}/approve", async (Guid id, string approvedBy, IBus bus) =>
        {
            await bus.SendLocal(new PriceChangeApproved(id, approvedBy));
            return Results.NoContent();
        });

        app.MapPost("/prices/change-requests/{id:guid}/reject", async (Guid id, string reason, IBus bus) =>
        {
            await bus.SendLocal(new PriceChangeRejected(id, reason));
            return Results.NoContent();
        });
    }

    public static void MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        // Called by the rules deployment after it has replaced the rules file.
        app.MapPost("/tax-rules/reload", (TaxRules taxRules) =>
        {
            taxRules.Reload();
            return Results.NoContent();
        });

        app.MapGet("/health/rates", (CurrencyRates rates) =>
            rates.LoadedAt() is { } loadedAt ? Results.Ok(new { loadedAt }) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
    }

    public static void MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/products/{sku}", async (string sku, ProductSnapshots snapshots, ProductCatalog catalog, CancellationToken cancellationToken) =>
        {
            if (await snapshots.GetAsync(sku, cancellationToken) is { } snapshot) return Results.Ok(snapshot);
            var product = await catalog.GetAsync(sku, cancellationToken);
            if (product is null) return Results.NotFound();
            await snapshots.SaveAsync(product, cancellationToken);
            return Results.Ok(product);
        });

        // The catalogue team renamed or reclassified a product: both cached copies are dropped.
        app.MapPost("/products/{sku}/invalidate", async (string sku, ProductSnapshots snapshots, ProductCatalog catalog, CancellationToken cancellationToken) =>
        {
            await snapshots.ForgetAsync(sku, cancellationToken);
            await catalog.ForgetAsync(sku, cancellationToken);
            return Results.NoContent();
        });
    }
}
