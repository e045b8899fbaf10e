using System.Data;
using Dapper;
using Inventory.Domain;

namespace Inventory.Data;

public interface IStockRepository
{
    Task<StockItem?> FindAsync(string sku);
    Task<IReadOnlyList<StockItem>> LowStockAsync(int threshold);
    Task<IReadOnlyList<StockItem>> SearchAsync(string term);
    Task<bool> ReserveAsync(string sku, int quantity, Guid orderId);
    Task SetQuantityAsync(string sku, int quantity);
    Task<int> ReleaseReservationsAsync(Guid orderId);
}

/// <summary>Stock levels and reservations in the inventory database, through Dapper.</summary>
public sealed class StockRepository(IConnectionFactory connections) : IStockRepository
{
    public async Task<StockItem?> FindAsync(string sku)
    {
        using var connection = connections.Create();
        return await connection.QueryFirstOrDefaultAsync<StockItem>(
            "SELECT Sku, Name, Quantity, Reserved FROM dbo.Stock WHERE Sku = @sku", new { sku });
    }

    public async Task<IReadOnlyList<StockItem>> LowStockAsync(int threshold)
    {
        using var connection = connections.Create();
        var rows = await connection.QueryAsync<StockItem>(
            "SELECT Sku, Name, Quantity, Reserved FROM dbo.Stock WHERE Quantity - Reserved < @threshold", new { threshold });
        return rows.AsList();
    }

    // Deliberately unsafe, to show how DataDocGen reports SQL built from text (DDG1002 and section 1.3).
    public async Task<IReadOnlyList<StockItem>> SearchAsync(string term)
    {
        using var connection = connections.Create();
        var rows = await connection.QueryAsync<StockItem>($"SELECT Sku, Name, Quantity, Reserved FROM dbo.Stock WHERE Name LIKE '%{term}%'");
        return rows.AsList();
    }

    /// <summary>Reserves stock for an order: the reservation row and the stock counter change together or not at all.</summary>
    public async Task<bool> ReserveAsync(string sku, int quantity, Guid orderId)
    {
        using var connection = connections.Create();
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var updated = await connection.ExecuteAsync(
            "UPDATE dbo.Stock SET Reserved = Reserved + @quantity WHERE Sku = @sku AND Quantity - Reserved >= @quantity",
            new { sku, quantity }, transaction);
        if (updated == 0)
        {
            transaction.Rollback();
            return false;
        }
        await connection.ExecuteAsync(
            "INSERT INTO dbo.Reservations (OrderId, Sku, Quantity) VALUES (@orderId, @sku, @quantity)",
            new { orderId, sku, quantity }, transaction);
        transaction.Commit();
        return true;
    }

    public async Task SetQuantityAsync(string sku, int quantity)
    {
        using var connection = connections.Create();
        await connection.ExecuteAsync("UPDATE dbo.Stock SET Quantity = @quantity WHERE Sku = @sku", new { sku, quantity });
    }

    /// <summary>Releases an order's reserved stock: the DBA pipeline's procedure deletes the order's reservations and
    /// lowers the reserved quantities of the stock rows in one go.</summary>
    public async Task<int> ReleaseReservationsAsync(Guid orderId)
    {
        using var connection = connections.Create();
        return await connection.ExecuteAsync("dbo.Reservations_Release", new { orderId }, commandType: CommandType.StoredProcedure);
    }
}
