using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>The raw SQL inventory: every place that sends SQL text, with how values reach it.</summary>
public class RawSqlTests
{
    private const string Code = """
        using Dapper;
        using Microsoft.Data.SqlClient;
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } public string Status { get; set; } = ""; }
            public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
            public class OrderQueries(ShopContext db, SqlConnection connection)
            {
                private const string Open = "SELECT * FROM dbo.Orders o JOIN [sales].[Lines] l ON l.OrderId = o.Id WHERE o.Status = @status";

                public List<Order> ByStatus(string status) => db.Orders.FromSqlRaw("SELECT * FROM Orders WHERE Status = {0}", status).ToList();
                public List<Order> Safe(string status) => db.Orders.FromSql($"SELECT * FROM Orders WHERE Status = {status}").ToList();
                public int Purge(int days) => db.Database.ExecuteSqlRaw($"DELETE FROM Orders WHERE Age > {days}");
                public int Close(string status) => db.Database.ExecuteSqlRaw("UPDATE Orders SET Closed = 1 WHERE Status = '" + status + "'");
                public IEnumerable<Order> DapperOpen() => connection.Query<Order>(Open, new { status = "open" });
                public Task<int> DapperInsert(Order order) => connection.ExecuteAsync("INSERT INTO Orders (Status) VALUES (@Status)", order);
                public object? Count(string table)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT COUNT(*) FROM " + table;
                    return command.ExecuteScalar();
                }
                public object? Query(string sql) => sql; // not Dapper: same name, other method
            }
        }
        """;

    [Fact]
    public void Raw_sql_sites_are_listed_with_statement_tables_and_parameterization()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Queries.cs", Code)));
        var sites = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + s.GetProperty("api").GetString() + " | " + s.GetProperty("statement").GetString()
                         + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString())) + " | " + s.GetProperty("parameterization").GetString())
            .ToList();

        Assert.Equal(
        [
            "OrderQueries.ByStatus | EF Core FromSqlRaw | SELECT | Orders | Constant",
            "OrderQueries.Safe | EF Core FromSql | SELECT | Orders | InterpolatedParameters",
            "OrderQueries.Purge | EF Core ExecuteSqlRaw | DELETE | Orders | BuiltIntoRawSql",
            "OrderQueries.Close | EF Core ExecuteSqlRaw |  |  | BuiltIntoRawSql",
            "OrderQueries.DapperOpen | Dapper Query | SELECT | [sales].[Lines],dbo.Orders | Constant",
            "OrderQueries.DapperInsert | Dapper ExecuteAsync | INSERT | Orders | Constant",
            "OrderQueries.Count | ADO.NET CommandText |  |  | BuiltIntoRawSql",
        ], sites);
        Assert.Contains("**3 place(s) build SQL text by interpolation or concatenation and pass it to a raw API**", output.Markdown);
        Assert.Contains("| `OrderQueries.Purge` | EF Core ExecuteSqlRaw | DELETE | `Orders` | **values built into the SQL text** | [Data/Queries.cs:", output.Markdown);
        Assert.DoesNotContain("open", output.Markdown); // SQL text and values are not copied into the report
        // Constant text says whether it takes parameters, and which.
        Assert.Contains("| `OrderQueries.ByStatus` | EF Core FromSqlRaw | SELECT | `Orders` | constant SQL text, parameters `{0}` |", output.Markdown);
        Assert.Contains("| `OrderQueries.DapperOpen` | Dapper Query | SELECT | `[sales].[Lines]`, `dbo.Orders` | constant SQL text, parameters `@status` |", output.Markdown);
        Assert.Contains("| `OrderQueries.DapperInsert` | Dapper ExecuteAsync | INSERT | `Orders` | constant SQL text, parameters `@Status` |", output.Markdown);
        var placeholders = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray().Single(s => s.GetProperty("member").GetString() == "OrderQueries.DapperOpen").GetProperty("placeholders");
        Assert.Equal("@status", placeholders.EnumerateArray().Single().GetString());
    }

    private const string AdoCode = """
        using Microsoft.Data.SqlClient;
        using Npgsql;
        namespace Shop.Data
        {
            public class Stock(NpgsqlDataSource dataSource, SqlConnection connection)
            {
                public object? Count() { using var command = new SqlCommand("SELECT COUNT(*) FROM Stock", connection); return command.ExecuteScalar(); }
                public object? Find(string sku) { using var command = new SqlCommand($"SELECT * FROM Stock WHERE Sku = '{sku}'", connection); return command.ExecuteScalar(); }
                public object? Named() { using var command = new NpgsqlCommand(connection: null, cmdText: "DELETE FROM Reservations"); return command.ExecuteNonQuery(); }
                public object? FromDataSource() { using var command = dataSource.CreateCommand("UPDATE Stock SET Quantity = 0"); return command.ExecuteNonQuery(); }
                public object? NoText() { using var command = new SqlCommand(); return command; }
                public object NotACommand() => new RenameCommand("Stock");
            }

            public record RenameCommand(string Table);
        }
        """;

    [Fact]
    public void Ado_net_command_constructors_and_data_source_commands_are_raw_sql_sites()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Stock.cs", AdoCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var sites = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + s.GetProperty("api").GetString() + " | " + s.GetProperty("statement").GetString()
                         + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString())) + " | " + s.GetProperty("parameterization").GetString())
            .ToList();
        Assert.Equal(
        [
            "Stock.Count | ADO.NET new SqlCommand | SELECT | Stock | Constant",
            "Stock.Find | ADO.NET new SqlCommand | SELECT | Stock | BuiltIntoRawSql",
            "Stock.Named | ADO.NET new NpgsqlCommand | DELETE | Reservations | Constant",
            "Stock.FromDataSource | ADO.NET NpgsqlDataSource.CreateCommand | UPDATE | Stock | Constant",
        ], sites);
    }

    [Fact]
    public void Cursors_interpolated_names_and_show_statements_name_no_table_and_three_part_names_are_whole()
    {
        // nopCommerce's ReIndexTablesAsync: `[{db}].INFORMATION_SCHEMA.TABLES` was listed as `[ @p ].INFORMATION_SCHEMA`, its
        // cursor cur_reindex as a table, and MySQL's SHOW TABLES FROM `db` named the database as one.
        var output = GeneratorHarness.Run(Sources.With(("Data/Maintenance.cs", """
            using Dapper;
            using Microsoft.Data.SqlClient;
            namespace Shop.Data
            {
                public class Maintenance(SqlConnection connection)
                {
                    public void Reindex(string db) => connection.Execute($"DECLARE cur_reindex CURSOR FOR SELECT table_name FROM [{db}].INFORMATION_SCHEMA.TABLES OPEN cur_reindex FETCH NEXT FROM cur_reindex INTO @t CLOSE cur_reindex");
                    public void Show() => connection.Query<string>("SHOW TABLES FROM `shop`");
                    public void Archive() => connection.Execute("INSERT INTO archive.dbo.Orders SELECT * FROM dbo.Orders WHERE Closed = 1");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var tables = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString()))).ToArray();
        Assert.Equal(["Maintenance.Reindex | ", "Maintenance.Show | ", "Maintenance.Archive | archive.dbo.Orders,dbo.Orders"], tables);
    }
}
