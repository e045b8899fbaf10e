using Inventory.Domain;
using Npgsql;

namespace Inventory.Data;

/// <summary>Reads stock counts from the warehouse management system's PostgreSQL database (read-only).</summary>
public sealed class WarehouseReader(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<WarehouseCount>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new List<WarehouseCount>();
        await using var command = dataSource.CreateCommand("SELECT sku, on_hand FROM warehouse_stock WHERE on_hand >= 0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new WarehouseCount(reader.GetString(0), reader.GetInt32(1)));
        }
        return counts;
    }
}
