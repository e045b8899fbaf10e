namespace Pricing.Catalogue;

/// <summary>A product of the catalogue, as the pricing rules need it.</summary>
public sealed record Product(string Sku, string Name, string Category, string TaxClass);

/// <summary>What a supplier charges for a product, in the supplier's currency.</summary>
public sealed record SupplierCost(string Sku, string Supplier, string Currency, decimal Cost);
