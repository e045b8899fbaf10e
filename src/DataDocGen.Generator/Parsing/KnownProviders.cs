using System.Collections.Generic;

namespace DataDocGen.Generator.Parsing;

/// <summary>The EF Core provider methods DataDocGen recognises, with the provider name DATA_LAYER.json uses.</summary>
internal static class KnownProviders
{
    /// <summary>The providers whose default column types <c>Schema/StoreTypeMapper</c> knows (the fidelity tests check them).</summary>
    public static readonly string[] WithStoreTypes = { "SqlServer", "Sqlite", "Npgsql" };

    /// <summary><c>Use*</c> methods on <c>DbContextOptionsBuilder</c> that select a provider.</summary>
    public static readonly IReadOnlyDictionary<string, string> UseMethods = new Dictionary<string, string>
    {
        ["UseSqlServer"] = "SqlServer",
        ["UseAzureSql"] = "SqlServer",
        ["UseAzureSynapse"] = "SqlServer",
        ["UseNpgsql"] = "Npgsql",
        ["UseSqlite"] = "Sqlite",
        ["UseMySql"] = "MySql",
        ["UseMySQL"] = "MySql",
        ["UseCosmos"] = "Cosmos",
        ["UseInMemoryDatabase"] = "InMemory",
        ["UseOracle"] = "Oracle",
    };

    /// <summary>EF Core 6+ shorthands on <c>IServiceCollection</c> that register a context with a provider in one call.</summary>
    public static readonly IReadOnlyDictionary<string, string> AddMethods = new Dictionary<string, string>
    {
        ["AddSqlServer"] = "SqlServer",
        ["AddAzureSql"] = "SqlServer",
        ["AddAzureSynapse"] = "SqlServer",
        ["AddNpgsql"] = "Npgsql",
        ["AddSqlite"] = "Sqlite",
        ["AddMySql"] = "MySql",
        ["AddCosmos"] = "Cosmos",
        ["AddOracle"] = "Oracle",
    };

    /// <summary>Readable names for the report.</summary>
    public static string DisplayName(string provider) => provider switch
    {
        "SqlServer" => "SQL Server",
        "Npgsql" => "PostgreSQL (Npgsql)",
        "Sqlite" => "SQLite",
        "MySql" => "MySQL",
        "Cosmos" => "Azure Cosmos DB",
        "InMemory" => "EF Core in-memory database",
        "Oracle" => "Oracle",
        _ => provider,
    };

    /// <summary>Providers without tables (their entities are not mapped to a relational model).</summary>
    public static bool IsRelational(string provider) => provider is not ("Cosmos" or "InMemory");
}
