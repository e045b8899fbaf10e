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

    private static string[] Sites(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
        .Select(s => s.GetProperty("member").GetString() + " | " + s.GetProperty("statement").GetString()
                     + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString())) + " | " + s.GetProperty("parameterization").GetString()
                     + " | " + string.Join(",", s.GetProperty("placeholders").EnumerateArray().Select(t => t.GetString())))
        .ToArray();

    [Fact]
    public void Common_table_expressions_and_table_valued_functions_are_not_tables()
    {
        // BTCPay Server's InvoiceRepository.GetMonitoredInvoices: its CTEs invoices_payments and invoices_addresses and the
        // function get_monitored_invoices were listed as tables (raw SQL, CRUD matrix, the repository's entities).
        var output = GeneratorHarness.Run(Sources.With(("Data/Invoices.cs", """"
            using Dapper;
            using System.Data.Common;
            using System.Threading.Tasks;
            namespace Shop.Data
            {
                public class Invoices(DbConnection conn)
                {
                    public Task<IEnumerable<(string Id, string invoice)>> Monitored(string pmi, bool includeNonActivated) =>
                        conn.QueryAsync<(string Id, string invoice)>(new("""
                            WITH invoices_payments AS (
                            SELECT m.invoice_id, array_agg(to_jsonb(p)) FILTER (WHERE p."Id" IS NOT NULL) as payments
                            FROM get_monitored_invoices(@pmi, @includeNonActivated) m
                            LEFT JOIN "Payments" p ON p."Id" = m.payment_id
                            GROUP BY 1
                            ),
                            invoices_addresses AS (
                            SELECT m.invoice_id, array_agg(ai."Address") addresses
                            FROM get_monitored_invoices(@pmi, @includeNonActivated) m
                            JOIN "AddressInvoices" ai ON ai."InvoiceDataId" = m.invoice_id
                            GROUP BY 1
                            )
                            SELECT ip.invoice_id, to_jsonb(i)
                            FROM invoices_payments ip
                            JOIN "Invoices" i ON i."Id" = ip.invoice_id
                            LEFT JOIN invoices_addresses ia ON ia.invoice_id = ip.invoice_id;
                            """, new { pmi, includeNonActivated }));
                    public IEnumerable<int> Recent(int p) => conn.Query<int>("WITH recent AS (SELECT \"Id\" FROM \"Tags\") SELECT r.\"Id\" FROM recent r JOIN my_func(@p) f ON f.id = r.\"Id\"", new { p });
                    public IEnumerable<int> Tree() => conn.Query<int>("WITH RECURSIVE tree(id, parent) AS (SELECT id, parent FROM nodes UNION ALL SELECT n.id, n.parent FROM nodes n JOIN tree t ON n.parent = t.id) SELECT id FROM tree");
                    public IEnumerable<int> Several() => conn.Query<int>(";WITH [open] AS (SELECT * FROM dbo.Orders), \"late\" (Id) AS NOT MATERIALIZED (SELECT Id FROM [open]) SELECT * FROM late JOIN dbo.Lines l ON l.OrderId = late.Id");
                    public IEnumerable<int> Functions(string ids) => conn.Query<int>("SELECT * FROM STRING_SPLIT(@ids, ',') s JOIN dbo.fn_Orders (@ids) o ON o.Id = s.value CROSS JOIN generate_series(1, 3) g JOIN Items(NOLOCK) i ON i.Id = o.Id JOIN Lines (READUNCOMMITTED) l ON l.Id = i.Id", new { ids });
                    // Traps: a CTE shadows only its own statement's unqualified name; INSERT's column list is no call.
                    public int Shadow() => conn.Execute("WITH Orders AS (SELECT * FROM dbo.Orders WHERE Open = 1) SELECT * FROM Orders; SELECT * FROM recent; INSERT INTO Archive (Id) SELECT Id FROM Orders");
                    public IEnumerable<int> Hinted() => conn.Query<int>("SELECT * FROM Orders WITH (NOLOCK) JOIN Lines l WITH (NOLOCK) ON l.OrderId = Orders.Id");
                }
            }
            """")));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var sites = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString()))).ToArray();
        Assert.Equal(
        [
            "Invoices.Monitored | \"AddressInvoices\",\"Invoices\",\"Payments\"",
            "Invoices.Recent | \"Tags\"",
            "Invoices.Tree | nodes",
            "Invoices.Several | dbo.Lines,dbo.Orders",
            "Invoices.Functions | Items,Lines",
            "Invoices.Shadow | Archive,Orders,dbo.Orders,recent",
            "Invoices.Hinted | Lines,Orders",
        ], sites);
        Assert.DoesNotContain("invoices_payments", output.Markdown);
        Assert.DoesNotContain("get_monitored_invoices", output.Markdown);
        Assert.DoesNotContain("my_func", output.Markdown);
    }

    [Fact]
    public void Names_after_a_functions_FROM_argument_and_PostgreSQLs_ONLY_are_not_tables()
    {
        // Left undone by the BTCPay fix and found while reading it: EXTRACT(year FROM created) listed `created`, and
        // FROM ONLY orders listed `ONLY`.
        var output = GeneratorHarness.Run(Sources.With(("Data/Reports.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Reports(DbConnection conn)
                {
                    public IEnumerable<int> Years() => conn.Query<int>("SELECT EXTRACT(year FROM o.created) FROM orders o WHERE SUBSTRING(o.code FROM 1 FOR 3) = 'ABC' AND TRIM(BOTH ' ' FROM o.name) <> ''");
                    public int Purge() => conn.Execute("DELETE FROM ONLY audit_log WHERE EXTRACT(EPOCH FROM (now() - stamp)) > 3600");
                    public IEnumerable<int> Nested() => conn.Query<int>("SELECT x FROM (SELECT id AS x FROM lines) t JOIN ONLY products p ON p.id = t.x");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var sites = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString()))).ToArray();
        Assert.Equal(
        [
            "Reports.Years | orders",
            "Reports.Purge | audit_log",
            "Reports.Nested | lines,products",
        ], sites);
    }

    private const string Fragments = """
        using Dapper;
        using System.Data.Common;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        namespace Shop.Data
        {
            public class Tag { public int Id { get; set; } public string Value { get; set; } = ""; }
            public class ShopContext : DbContext { public DbSet<Tag> Tags => Set<Tag>(); }
            public class Wallets(DbConnection connection, ShopContext db)
            {
                private const string Columns = "wos.\"Id\", wos.\"Type\"";
                private static readonly string Visible = " AND wos.\"Hidden\" = false";

                // BTCPay Server's WalletRepository.GetWalletObjects: constant filters picked by conditions, values as parameters.
                public object? Objects(string? walletId, string? type, bool neighbours)
                {
                    string walletIdFilter = walletId is not null ? " AND wos.\"WalletId\"=@walletId" : "";
                    string typeFilter = type is not null ? " AND wos.\"Type\"=@type" : string.Empty;
                    var join = neighbours ? " LEFT JOIN \"WalletObjects\" wos2 ON wos.\"WalletId\"=wos2.\"WalletId\"" : "";
                    var cmd = connection.CreateCommand();
                    cmd.CommandText = $"SELECT {Columns} FROM \"WalletObjects\" wos WHERE true{walletIdFilter}{typeFilter}" + join;
                    return cmd.ExecuteScalar();
                }
                // UpdateWalletObjectLink: one of two literals appended.
                public Task<int> Upsert(Tag t, bool doNothing)
                {
                    var conflict = doNothing ? "ON CONFLICT DO NOTHING" : "ON CONFLICT (\"Id\") DO UPDATE SET \"Value\"=EXCLUDED.\"Value\"";
                    return connection.ExecuteAsync("INSERT INTO \"Tags\" VALUES (@Id, @Value) " + conflict, t);
                }
                public IEnumerable<Tag> Sorted(bool descending, string by)
                {
                    string order;
                    if (descending) order = " ORDER BY Id DESC";
                    else order = " ORDER BY Id";
                    var column = by switch { "value" => "Value", _ => "Id" };
                    return connection.Query<Tag>($"SELECT {column} FROM Tags{order}");
                }
                public IEnumerable<Tag> Appended(string? value)
                {
                    var sql = "SELECT * FROM Tags WHERE 1 = 1";
                    if (value is not null) sql += " AND Value = @value";
                    return connection.Query<Tag>(sql, new { value });
                }
                public int Chosen(bool all) => connection.Execute(all ? "DELETE FROM Tags" : "DELETE FROM Tags WHERE Value = ''");

                // Traps: any piece that is not a constant the code picks is a value.
                public IEnumerable<Tag> FromParameter(string? value)
                {
                    string filter = "";
                    if (value is not null) filter = " AND Value = '" + value + "'";
                    return connection.Query<Tag>($"SELECT * FROM Tags WHERE 1 = 1{filter}");
                }
                public IEnumerable<Tag> OneBranch(bool descending, string column) => connection.Query<Tag>("SELECT * FROM Tags ORDER BY " + (descending ? column : "Id"));
                public IEnumerable<Tag> Field(bool hide) => connection.Query<Tag>("SELECT * FROM Tags wos WHERE 1 = 1" + (hide ? Visible : ""));
                public IEnumerable<Tag> Call() => connection.Query<Tag>("SELECT * FROM Tags " + Where());
                public IEnumerable<Tag> Lambda(string value)
                {
                    var filter = "";
                    System.Action set = () => filter = value;
                    set();
                    return connection.Query<Tag>("SELECT * FROM Tags" + filter);
                }
                public IEnumerable<Tag> ByRef(string value)
                {
                    var filter = "";
                    Fill(ref filter, value);
                    return connection.Query<Tag>("SELECT * FROM Tags" + filter);
                }
                public IEnumerable<Tag> Formatted() => connection.Query<Tag>(string.Format("SELECT * FROM {0}", "Tags"));
                public IEnumerable<Tag> Interpolated(bool all) => db.Tags.FromSql($"SELECT * FROM Tags WHERE Value = {(all ? "a" : "b")}");
                private static string Where() => "WHERE 1 = 1";
                private static void Fill(ref string text, string value) => text = value;
            }
            public class Other(DbConnection connection)
            {
                // Same local names as above, another body: nothing of Wallets' locals applies here.
                public IEnumerable<Tag> Upsert(string conflict) => connection.Query<Tag>("SELECT * FROM Tags " + conflict);
            }
        }
        """;

    [Fact]
    public void Sql_composed_from_constant_fragments_is_not_values_built_into_the_text()
    {
        // BTCPay Server's WalletRepository: GetWalletObjects' `$"...{walletIdFilter}{typeFilter}"` and UpdateWalletObjectLink's
        // `"INSERT ..." + conflict` (each piece one of a few literals) read as "values built into the SQL text" with DDG1002.
        var output = GeneratorHarness.Run(Sources.With(("Data/Wallets.cs", Fragments)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Wallets.Objects | SELECT | \"WalletObjects\" | ConstantFragments | @walletId,@type",
            "Wallets.Upsert | INSERT | \"Tags\" | ConstantFragments | @Id,@Value",
            "Wallets.Sorted | SELECT | Tags | ConstantFragments | ",
            "Wallets.Appended |  |  | ConstantFragments | ",
            "Wallets.Chosen | DELETE | Tags | ConstantFragments | ",
            "Wallets.FromParameter | SELECT | Tags | BuiltIntoRawSql | ",
            "Wallets.OneBranch |  |  | BuiltIntoRawSql | ",
            "Wallets.Field |  |  | BuiltIntoRawSql | ",
            "Wallets.Call |  |  | BuiltIntoRawSql | ",
            "Wallets.Lambda |  |  | BuiltIntoRawSql | ",
            "Wallets.ByRef |  |  | BuiltIntoRawSql | ",
            "Wallets.Formatted |  |  | BuiltIntoRawSql | ",
            "Wallets.Interpolated | SELECT | Tags | InterpolatedParameters | ",
            "Other.Upsert |  |  | BuiltIntoRawSql | ",
        ], Sites(output));
        Assert.Contains("| `Wallets.Objects` | ADO.NET CommandText | SELECT | `\"WalletObjects\"` | SQL composed from constant fragments the code chooses (no value written into the text), parameters `@walletId`, `@type` |", output.Markdown);
        Assert.Contains("| `Wallets.Appended` | Dapper Query |  |  | SQL composed from constant fragments the code chooses (no value written into the text) |", output.Markdown);
        Assert.Contains("**8 place(s) build SQL text by interpolation or concatenation and pass it to a raw API**", output.Markdown);
        // The upsert's INSERT is a CRUD row (create) now that its texts are read.
        Assert.Contains("| `Shop.Data.Tag` | `Wallets.Upsert` [Data/Wallets.cs:", output.Markdown);
    }
}
