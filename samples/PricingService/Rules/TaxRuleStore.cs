using Microsoft.Data.Sqlite;

namespace Pricing.Rules;

/// <summary>Tax rules in a local SQLite file, shipped with each instance and migrated at start-up.</summary>
public sealed class TaxRuleStore
{
    private readonly string _connectionString;

    public TaxRuleStore(IConfiguration configuration)
    {
        _connectionString = configuration.GetConnectionString("Rules")!;
    }

    public async Task<IReadOnlyList<TaxRule>> ForRegionAsync(string region, CancellationToken cancellationToken)
    {
        var rules = new List<TaxRule>();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT region, tax_class, rate FROM tax_rules WHERE region = $region";
        command.Parameters.AddWithValue("$region", region);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(new TaxRule(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
        }
        return rules;
    }
}
