using System.Data;
using Microsoft.Data.SqlClient;

namespace Inventory.Data;

public interface IConnectionFactory
{
    IDbConnection Create();
}

/// <summary>Opens connections to the inventory database (SQL Server).</summary>
public sealed class SqlConnectionFactory : IConnectionFactory
{
    private readonly string _connectionString;

    public SqlConnectionFactory(IConfiguration configuration)
    {
        _connectionString = configuration.GetConnectionString("Inventory")
            ?? throw new InvalidOperationException("ConnectionStrings:Inventory is not set.");
    }

    public IDbConnection Create() => new SqlConnection(_connectionString);
}
