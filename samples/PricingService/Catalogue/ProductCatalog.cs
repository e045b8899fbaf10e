using Microsoft.Data.SqlClient;
using ZiggyCreatures.Caching.Fusion;

namespace Pricing.Catalogue;

/// <summary>Products from the catalogue database (SQL Server), kept in FusionCache: the catalogue changes rarely and
/// the price API reads a product on every request.</summary>
public sealed class ProductCatalog(IFusionCache fusionCache, IConfiguration configuration)
{
    private const int ProductMinutes = 60;

    private readonly string _connectionString = configuration.GetConnectionString("Catalogue")!;

    public ValueTask<Product?> GetAsync(string sku, CancellationToken cancellationToken) =>
        fusionCache.GetOrSetAsync<Product?>(
            $"product:{sku}",
            (_, token) => LoadAsync(sku, token),
            options => options.SetDuration(TimeSpan.FromMinutes(ProductMinutes)).SetFailSafe(true),
            token: cancellationToken);

    public ValueTask ForgetAsync(string sku, CancellationToken cancellationToken) =>
        fusionCache.RemoveAsync($"product:{sku}", token: cancellationToken);

    private async Task<Product?> LoadAsync(string sku, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand("SELECT Sku, Name, Category, TaxClass FROM catalogue.Products WHERE Sku = @sku", connection);
        command.Parameters.AddWithValue("@sku", sku);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Product(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }
}
