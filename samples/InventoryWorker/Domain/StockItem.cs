namespace Inventory.Domain;

/// <summary>Stock of one SKU in the inventory database.</summary>
public sealed record StockItem(string Sku, string Name, int Quantity, int Reserved);

/// <summary>A warehouse's count of one SKU, as the warehouse system reports it.</summary>
public sealed record WarehouseCount(string Sku, int OnHand);
