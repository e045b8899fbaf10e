using MongoDB.Bson.Serialization.Attributes;

namespace OrderEvents.Catalog;

/// <summary>The product catalogue read model the storefront reads (prices and stock shown with orders).</summary>
public sealed class CatalogProduct
{
    [BsonId]
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public decimal Price { get; set; }
    public int Available { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A price seen at order time, kept for 90 days for disputes.</summary>
public sealed class PriceSnapshot
{
    public string Id { get; set; } = "";
    public string Sku { get; set; } = "";
    public decimal Price { get; set; }
    public DateTime CapturedAt { get; set; }
}
