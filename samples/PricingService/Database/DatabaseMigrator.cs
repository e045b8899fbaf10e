using System.Reflection;
using DbUp;
using EvolveDb;
using Microsoft.Data.Sqlite;

namespace Pricing.Database;

/// <summary>Brings the catalogue (SQL Server) and the local rules file (SQLite) up to date at start-up.</summary>
public static class DatabaseMigrator
{
    public static void MigrateCatalogue(string connectionString)
    {
        var upgrader = DeployChanges.To
            .SqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(".Database.Catalogue."))
            .WithTransactionPerScript()
            .JournalToSqlTable("dbo", "SchemaVersions")
            .LogToConsole()
            .Build();
        var result = upgrader.PerformUpgrade();
        if (!result.Successful) throw new InvalidOperationException("Catalogue migration failed", result.Error);
    }

    public static void LoadReferenceData(string connectionString)
    {
        var loader = DeployChanges.To
            .SqlDatabase(connectionString)
            .WithScriptsFromFileSystem("Database/ReferenceData")
            .JournalToSqlTable("dbo", "ReferenceDataVersions")
            .LogToConsole()
            .Build();
        var result = loader.PerformUpgrade();
        if (!result.Successful) throw new InvalidOperationException("Reference data load failed", result.Error);
    }

    public static void MigrateRules(IConfiguration configuration, ILogger logger)
    {
        using var connection = new SqliteConnection(configuration.GetConnectionString("Rules"));
        var evolve = new Evolve(connection, message => logger.LogInformation("{Message}", message))
        {
            Locations = new[] { "Database/Rules" },
            MetadataTableName = "changelog",
            IsEraseDisabled = true,
        };
        evolve.Migrate();
    }
}
