using Npgsql;

namespace Pricing.Pricing;

/// <summary>The price list, kept in the service's own PostgreSQL database.</summary>
public sealed class PriceStore
{
    private readonly string _connectionString;

    public PriceStore(IConfiguration configuration)
    {
        _connectionString = configuration.GetConnectionString("Prices")!;
    }

    public async Task<Price?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sku, currency, amount, valid_from FROM prices WHERE sku = @sku";
        command.Parameters.AddWithValue("sku", sku);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Price(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    public async Task SetAsync(string sku, decimal amount, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE prices SET amount = @amount, valid_from = now() WHERE sku = @sku";
        command.CommandTimeout = 10;
        command.Parameters.AddWithValue("amount", amount);
        command.Parameters.AddWithValue("sku", sku);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, decimal>> RatesAsync(CancellationToken cancellationToken)
    {
        var rates = new Dictionary<string, decimal>();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT currency, rate_to_eur FROM exchange_rates WHERE rate_date = current_date";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rates[reader.GetString(0)] = reader.GetDecimal(1);
        }
        return rates;
    }
}
