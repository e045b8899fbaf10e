using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Command timeouts set in code (section 1.1): ADO.NET <c>CommandTimeout</c> on DbCommand and its provider
/// subclasses, Dapper's <c>commandTimeout</c> (named, positional, <c>CommandDefinition</c>) and EF Core's
/// <c>Database.SetCommandTimeout</c>, each confirmed by its symbol, with the value resolved from constants.</summary>
public class CommandTimeoutTests
{
    private const string Code = """
        using System.Data;
        using System.Data.Common;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        using Microsoft.Data.Sqlite;
        using Npgsql;
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } }

            public class ShopContext : DbContext
            {
                public ShopContext(DbContextOptions<ShopContext> options) : base(options) { Database.SetCommandTimeout(45); }
                public DbSet<Order> Orders => Set<Order>();
            }

            public static class Timeouts
            {
                public const int Reporting = 120;
            }

            public class Prices(IConfiguration configuration)
            {
                public async Task SetAsync(int seconds)
                {
                    await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Prices"));
                    await using var command = connection.CreateCommand();
                    command.CommandText = "UPDATE prices SET amount = 1";
                    command.CommandTimeout = 10;
                    await command.ExecuteNonQueryAsync();
                }

                public void Report(SqlConnection connection)
                {
                    using var command = new SqlCommand("SELECT 1", connection) { CommandTimeout = Timeouts.Reporting };
                    command.ExecuteNonQuery();
                }

                public void Generic(DbConnection connection, int seconds)
                {
                    using DbCommand command = connection.CreateCommand();
                    command.CommandTimeout = seconds;
                }

                public void Unlimited(SqliteCommand command) => command.CommandTimeout = 0;

                public Task<int> Archive(SqlConnection connection) =>
                    connection.ExecuteAsync("DELETE FROM Orders WHERE Archived = 1", commandTimeout: 300);

                public void Positional(IDbConnection connection) =>
                    connection.Query<Order>("SELECT * FROM Orders", null, null, true, 15);

                public Task<Order?> Definition()
                {
                    using var connection = new SqlConnection("Server=sql;Database=Shop;User Id=app;Password=Sql-Secret-9");
                    return connection.QueryFirstOrDefaultAsync<Order>(new CommandDefinition("SELECT * FROM Orders", commandTimeout: 20));
                }

                public void NoTimeout(SqlConnection connection) => connection.Execute("DELETE FROM Orders", commandTimeout: null);

                public void NoTimeoutGiven(SqlConnection connection) => connection.Execute("DELETE FROM Orders", null, null);
            }

            public class Maintenance(ShopContext context)
            {
                public void Long() => context.Database.SetCommandTimeout(System.TimeSpan.FromMinutes(10));
                public void Reset() => context.Database.SetCommandTimeout(null);
            }

            // Traps: a CommandTimeout of a plain class, SetCommandTimeout and Execute of unrelated types, commented-out code.
            public class JobOptions { public int CommandTimeout { get; set; } }
            public class Scheduler { public void SetCommandTimeout(int seconds) { } public int Execute(string sql, object p, object t, int commandTimeout) => 0; }
            public class Traps
            {
                public void Run(Scheduler scheduler)
                {
                    var options = new JobOptions { CommandTimeout = 99 };
                    options.CommandTimeout = 98;
                    scheduler.SetCommandTimeout(97);
                    scheduler.Execute("x", null!, null!, commandTimeout: 96);
                    // command.CommandTimeout = 95;
                    /* context.Database.SetCommandTimeout(94); */
                }
            }
        }
        """;

    private static GeneratorOutput Run() => GeneratorHarness.Run(Sources.With(("Data/Code.cs", Code)));

    /// <summary>The command timeouts table.</summary>
    private static string Section(string md)
    {
        var start = md.IndexOf("#### Command timeouts set in code", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var end = md.IndexOf("\n\n", md.IndexOf("| --- |", start, StringComparison.Ordinal), StringComparison.Ordinal);
        return md.Substring(start, end - start);
    }

    private static int Line(string marker) => Json.LineOf(Sources.Usings + Code, marker);

    [Fact]
    public void ADO_NET_command_timeouts_name_the_store_and_the_connection_the_command_was_made_from()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Command timeouts set in code", md);
        Assert.Contains("| this command: PostgreSQL, `NpgsqlCommand`, on a connection opened by `new NpgsqlConnection` with named connection string `Prices` (configuration key `ConnectionStrings:Prices`) [Data/Code.cs:" + Line("new NpgsqlConnection(") + "](Data/Code.cs#L" + Line("new NpgsqlConnection(") + ") | ADO.NET CommandTimeout | 10 seconds | `Prices.SetAsync` | [Data/Code.cs:" + Line("command.CommandTimeout = 10") + "]", md);
        // A constant of another class is resolved; the object initializer is read; the connection is a parameter (not followed).
        Assert.Contains("| this command: SQL Server, `SqlCommand` | ADO.NET CommandTimeout | 120 seconds | `Prices.Report` | [Data/Code.cs:" + Line("CommandTimeout = Timeouts.Reporting") + "]", md);
        // A DbCommand from a DbConnection parameter: no provider is claimed, and the value is known only at run time.
        Assert.Contains("| this command: `DbCommand` | ADO.NET CommandTimeout | set at run time: `seconds` | `Prices.Generic` |", md);
        Assert.Contains("| this command: SQLite, `SqliteCommand` | ADO.NET CommandTimeout | 0 (no limit) | `Prices.Unlimited` |", md);
    }

    [Fact]
    public void Dapper_timeouts_are_read_named_positional_and_in_a_CommandDefinition()
    {
        var md = Run().Markdown!;
        Assert.Contains("| this call's command: SQL Server, `SqlConnection` | Dapper ExecuteAsync | 300 seconds | `Prices.Archive` |", md);
        Assert.Contains("| this call's command: `IDbConnection` | Dapper Query | 15 seconds | `Prices.Positional` |", md);
        Assert.Contains("| commands run with this definition: SQL Server, `SqlConnection`, on a connection opened by `new SqlConnection` with constant in code: `Server=sql;Database=Shop;User Id=app;Password=***`", md);
        Assert.Contains("| Dapper CommandDefinition | 20 seconds | `Prices.Definition` |", md);
        Assert.DoesNotContain("Sql-Secret-9", Run().All);
        // commandTimeout: null sets none; a call without the argument is no site.
        Assert.DoesNotContain("| `Prices.NoTimeout", Section(md));
    }

    [Fact]
    public void EF_Core_SetCommandTimeout_names_the_context_with_seconds_or_a_TimeSpan()
    {
        var md = Run().Markdown!;
        Assert.Contains("| the commands this `ShopContext` instance runs after the call (EF Core) | EF Core Database.SetCommandTimeout | 45 seconds | `ShopContext.ctor` | [Data/Code.cs:" + Line("Database.SetCommandTimeout(45)") + "]", md);
        Assert.Contains("| the commands this `ShopContext` instance runs after the call (EF Core) | EF Core Database.SetCommandTimeout | 10 minutes | `Maintenance.Long` |", md);
        Assert.DoesNotContain("`Maintenance.Reset`", Section(md));
    }

    [Fact]
    public void Look_alikes_and_commented_out_code_are_not_timeouts()
    {
        var output = Run();
        var md = output.Markdown!;
        Assert.DoesNotContain("`Traps.Run`", md);
        foreach (var value in new[] { "99 seconds", "98 seconds", "97 seconds", "96 seconds", "95 seconds", "94 seconds" }) Assert.DoesNotContain(value, md);
        using var json = JsonDocument.Parse(output.Json!);
        var timeouts = json.RootElement.GetProperty("commandTimeouts");
        Assert.Equal(9, timeouts.GetArrayLength());
        var first = timeouts.EnumerateArray().First(t => t.GetProperty("member").GetString() == "Prices.SetAsync");
        Assert.Equal("PostgreSQL", first.GetProperty("store").GetString());
        Assert.Equal("command", first.GetProperty("appliesTo").GetString());
        Assert.Equal("10 seconds", first.GetProperty("value").GetString());
        Assert.Equal("ConnectionStringName", first.GetProperty("connection")[0].GetProperty("kind").GetString());
        var runTime = timeouts.EnumerateArray().First(t => t.GetProperty("member").GetString() == "Prices.Generic");
        Assert.Equal(JsonValueKind.Null, runTime.GetProperty("value").ValueKind);
        Assert.Equal("seconds", runTime.GetProperty("code").GetString());
    }

    [Fact]
    public void A_project_with_only_a_timeout_still_gets_section_1_1()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Code.cs", """
            namespace Shop.Data
            {
                public static class Jobs
                {
                    public static void Run(System.Data.Common.DbCommand command) => command.CommandTimeout = 5;
                }
            }
            """))).Markdown!;
        Assert.Contains("### 1.1 Databases and connections", md);
        Assert.Contains("| this command: `DbCommand` | ADO.NET CommandTimeout | 5 seconds | `Jobs.Run` |", md);
    }
}
