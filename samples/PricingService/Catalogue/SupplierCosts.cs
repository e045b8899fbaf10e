using MySqlConnector;

namespace Pricing.Catalogue;

/// <summary>Supplier costs, read from the purchasing system's MySQL database (owned by purchasing: read only here).</summary>
public sealed class SupplierCosts
{
    private readonly string _connectionString;

    public SupplierCosts(IConfiguration configuration)
    {
        _connectionString = configuration.GetConnectionString("Suppliers")!;
    }

    public async Task<IReadOnlyList<SupplierCost>> ChangedSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var costs = new List<SupplierCost>();
        await using var connection = new MySqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand("SELECT sku, supplier, currency, unit_cost FROM supplier_costs WHERE updated_at > @since", connection)
        {
            CommandTimeout = 60,
        };
        command.Parameters.AddWithValue("@since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            costs.Add(new SupplierCost(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3)));
        }
        return costs;
    }
}
