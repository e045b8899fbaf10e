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

    /// <summary>The SQL rows of the CRUD matrix: table or entity, operation, member, API (with the statement that does it).</summary>
    private static string[] Crud(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
        .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("operation").GetString() + " | " + c.GetProperty("member").GetString()
                     + " | " + c.GetProperty("api").GetString())
        .OrderBy(r => r, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_statement_led_by_common_table_expressions_writes_what_its_main_statement_writes()
    {
        // A statement starting with WITH was counted as a read of every table it names, the DELETE's target included.
        var output = GeneratorHarness.Run(Sources.With(("Data/Queue.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Queue(DbConnection conn)
                {
                    public int Dedupe() => conn.Execute("WITH ranked AS (SELECT Id, ROW_NUMBER() OVER (PARTITION BY Sku ORDER BY Id) rn FROM Reservations) DELETE FROM Holds WHERE Id IN (SELECT Id FROM ranked WHERE rn > 1)");
                    public int Copy(int day) => conn.Execute("WITH fresh AS (SELECT * FROM Incoming WHERE Day = @day) INSERT INTO Stock (Sku) SELECT Sku FROM fresh", new { day });
                    public int Touch() => conn.Execute("WITH latest AS (SELECT Sku, MAX(Day) d FROM Counts GROUP BY Sku) UPDATE Stock SET Day = latest.d FROM latest WHERE Stock.Sku = latest.Sku");
                    // PostgreSQL's data-modifying CTE: the body deletes, the main statement inserts.
                    public int Move() => conn.Execute("WITH done AS (DELETE FROM Jobs WHERE Finished RETURNING *) INSERT INTO JobHistory SELECT * FROM done");
                    // Reads only: a CTE feeding a SELECT (named like a T-SQL statement word), WITH and DELETE in a literal, a table hint.
                    public IEnumerable<int> Open() => conn.Query<int>("WITH open AS (SELECT Id FROM Orders) SELECT Id FROM open");
                    public IEnumerable<int> Hinted() => conn.Query<int>("SELECT Id FROM Lines WITH (NOLOCK) WHERE Note <> 'x; WITH x AS (SELECT 1) DELETE FROM Secrets'");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Counts | Read | Queue.Touch | Dapper Execute (SELECT)",
            "Holds | Delete | Queue.Dedupe | Dapper Execute (DELETE)",
            "Incoming | Read | Queue.Copy | Dapper Execute (SELECT)",
            "JobHistory | Create | Queue.Move | Dapper Execute (INSERT)",
            "Jobs | Delete | Queue.Move | Dapper Execute (DELETE)",
            "Lines | Read | Queue.Hinted | Dapper Query (SELECT)",
            "Orders | Read | Queue.Open | Dapper Query (SELECT)",
            "Reservations | Read | Queue.Dedupe | Dapper Execute (SELECT)",
            "Stock | Create | Queue.Copy | Dapper Execute (INSERT)",
            "Stock | Update | Queue.Touch | Dapper Execute (UPDATE)",
        ], Crud(output));
        Assert.DoesNotContain("Secrets", output.Markdown);
        // The statement column still says how the text starts.
        Assert.Contains("| `Queue.Dedupe` | Dapper Execute | WITH | `Holds`, `Reservations` |", output.Markdown);
    }

    [Fact]
    public void Upserts_create_and_update_their_table_and_a_merge_does_what_its_branches_do()
    {
        // BTCPay Server writes INSERT ... ON CONFLICT DO UPDATE through Dapper: it was a create only.
        var output = GeneratorHarness.Run(Sources.With(("Data/Stock.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Stock(DbConnection conn)
                {
                    public int Postgres() => conn.Execute("INSERT INTO \"Stock\" (\"Sku\", \"Qty\") VALUES (@sku, @qty) ON CONFLICT (\"Sku\") DO UPDATE SET \"Qty\" = EXCLUDED.\"Qty\"", new { sku = "a", qty = 1 });
                    public int MySql() => conn.Execute("INSERT INTO Counts (Sku, N) VALUES (@sku, 1) ON DUPLICATE KEY UPDATE N = N + 1", new { sku = "a" });
                    public int Sqlite() => conn.Execute("INSERT OR REPLACE INTO Prices (Sku, Price) VALUES (@sku, @price)", new { sku = "a", price = 1 });
                    public int Replace() => conn.Execute("REPLACE INTO Labels (Sku, Text) VALUES (@sku, @text)", new { sku = "a", text = "b" });
                    public int Merge() => conn.Execute("MERGE INTO dbo.Totals AS t USING dbo.Staging AS s ON t.Sku = s.Sku WHEN MATCHED THEN UPDATE SET t.N = s.N WHEN NOT MATCHED THEN INSERT (Sku, N) VALUES (s.Sku, s.N);");
                    public int Prune() => conn.Execute("MERGE dbo.Totals t USING (SELECT Sku FROM dbo.Retired) s ON t.Sku = s.Sku WHEN MATCHED THEN DELETE;");
                    // Creates only: DO NOTHING, OR IGNORE, and upsert words in a comment or a literal.
                    public int Ignore(int id) => conn.Execute("INSERT INTO Seen (Id) VALUES (@id) ON CONFLICT DO NOTHING", new { id });
                    public int OrIgnore(int id) => conn.Execute("INSERT OR IGNORE INTO Marks (Id) VALUES (@id)", new { id });
                    public int Commented() => conn.Execute("INSERT INTO Archive (Id) SELECT Id FROM Seen -- ON CONFLICT DO UPDATE\n");
                    public int Literal() => conn.Execute("INSERT INTO Notes (Text) VALUES ('ON DUPLICATE KEY UPDATE')");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Archive | Create | Stock.Commented | Dapper Execute (INSERT)",
            "Counts | Create | Stock.MySql | Dapper Execute (INSERT ... ON DUPLICATE KEY UPDATE)",
            "Counts | Update | Stock.MySql | Dapper Execute (INSERT ... ON DUPLICATE KEY UPDATE)",
            "Labels | Create | Stock.Replace | Dapper Execute (REPLACE)",
            "Labels | Update | Stock.Replace | Dapper Execute (REPLACE)",
            "Marks | Create | Stock.OrIgnore | Dapper Execute (INSERT)",
            "Notes | Create | Stock.Literal | Dapper Execute (INSERT)",
            "Prices | Create | Stock.Sqlite | Dapper Execute (INSERT OR REPLACE)",
            "Prices | Update | Stock.Sqlite | Dapper Execute (INSERT OR REPLACE)",
            "Seen | Create | Stock.Ignore | Dapper Execute (INSERT)",
            "Seen | Read | Stock.Commented | Dapper Execute (INSERT)",
            "Stock | Create | Stock.Postgres | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "Stock | Update | Stock.Postgres | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "dbo.Retired | Read | Stock.Prune | Dapper Execute (MERGE)",
            "dbo.Staging | Read | Stock.Merge | Dapper Execute (MERGE)",
            "dbo.Totals | Create | Stock.Merge | Dapper Execute (MERGE)",
            "dbo.Totals | Delete | Stock.Prune | Dapper Execute (MERGE)",
            "dbo.Totals | Update | Stock.Merge | Dapper Execute (MERGE)",
        ], Crud(output));
        // ON DUPLICATE KEY UPDATE's column is no table.
        Assert.Contains("| `Stock.MySql` | Dapper Execute | INSERT | `Counts` |", output.Markdown);
        Assert.Contains("A SQL upsert (`INSERT ... ON CONFLICT DO UPDATE`, `INSERT ... ON DUPLICATE KEY UPDATE`, `INSERT OR REPLACE`, `REPLACE`) is listed as a create and an update", output.Markdown);
    }

    [Fact]
    public void A_name_an_interpolation_hole_completes_is_no_table()
    {
        // $"SELECT * FROM dbo.{table}" listed the table `dbo`.
        var output = GeneratorHarness.Run(Sources.With(("Data/Dynamic.cs", """
            using Dapper;
            using System.Data.Common;
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Data
            {
                public class ShopContext : DbContext { }
                public class Dynamic(DbConnection conn, ShopContext db)
                {
                    private const string Schema = "sales";
                    public IEnumerable<int> Dotted(string table) => conn.Query<int>($"SELECT * FROM dbo.{table}");
                    public IEnumerable<int> Bracketed(string table) => conn.Query<int>($"SELECT * FROM [dbo].[{table}]");
                    public IEnumerable<int> Quoted(string table) => conn.Query<int>($"SELECT * FROM \"public\".{table} JOIN Lines l ON l.Id = 1");
                    public IEnumerable<int> Schemaed(string schema) => conn.Query<int>($"SELECT * FROM {schema}.Orders");
                    public int Suffixed(string year) => conn.Execute($"DELETE FROM Orders_{year} WHERE Id = 1");
                    public int FormatItem(string table) => db.Database.ExecuteSqlRaw("DELETE FROM dbo.{0}", table);
                    // A hole the code resolves to a constant is part of the name.
                    public IEnumerable<int> Resolved() => conn.Query<int>($"SELECT * FROM {Schema}.Orders");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Dynamic.Dotted | SELECT |  | BuiltIntoRawSql | ",
            "Dynamic.Bracketed | SELECT |  | BuiltIntoRawSql | ",
            "Dynamic.Quoted | SELECT | Lines | BuiltIntoRawSql | ",
            "Dynamic.Schemaed | SELECT |  | BuiltIntoRawSql | ",
            "Dynamic.Suffixed | DELETE |  | BuiltIntoRawSql | ",
            "Dynamic.FormatItem | DELETE |  | Constant | {0}",
            "Dynamic.Resolved | SELECT | sales.Orders | Constant | ",
        ], Sites(output));
        Assert.Equal(["Lines | Read | Dynamic.Quoted | Dapper Query (SELECT)", "sales.Orders | Read | Dynamic.Resolved | Dapper Query (SELECT)"], Crud(output));
    }

    [Fact]
    public void A_quoted_name_right_after_its_keyword_is_a_table_and_a_quoted_keyword_is_none()
    {
        // eShopOnContainers' OrderQueries: `LEFT JOIN[ordering].[orderitems]` listed only the FROM table.
        var output = GeneratorHarness.Run(Sources.With(("Data/Queries.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Queries(DbConnection conn)
                {
                    public IEnumerable<int> Orders() => conn.Query<int>(@"SELECT o.[Id] FROM [ordering].[Orders] o
                        LEFT JOIN[ordering].[orderitems] oi ON o.Id = oi.orderid
                        LEFT JOIN[ordering].[orderstatus] os on o.OrderStatusId = os.Id");
                    public IEnumerable<int> Postgres() => conn.Query<int>("SELECT \"from\".x FROM\"public\".\"Slots\" AS \"from\"");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Queries.Orders | SELECT | [ordering].[Orders],[ordering].[orderitems],[ordering].[orderstatus] | Constant | ",
            "Queries.Postgres | SELECT | \"public\".\"Slots\" | Constant | ",
        ], Sites(output));
    }

    [Fact]
    public void Temporary_tables_are_no_tables_and_a_select_into_that_copies_a_structure_reads_no_rows()
    {
        // bitwarden's key rotation: SELECT TOP 0 * INTO #TempCipher FROM [dbo].[Cipher] (a temporary table with Cipher's
        // columns) was a read of Cipher, and its bulk copy into #TempCipher a create of a table `#TempCipher`.
        var output = GeneratorHarness.Run(Sources.With(("Data/Ciphers.cs", """
            using System.Data;
            using Dapper;
            using Microsoft.Data.SqlClient;
            namespace Shop.Data
            {
                public class Ciphers(SqlConnection connection, SqlTransaction transaction)
                {
                    public void Rotate(DataTable rows)
                    {
                        var sqlCreateTemp = @"
                            SELECT TOP 0 *
                            INTO #TempCipher
                            FROM [dbo].[Cipher]

                            SELECT TOP (0) *
                            INTO ##TempFolder
                            FROM [dbo].[Folder]";
                        using (var cmd = new SqlCommand(sqlCreateTemp, connection, transaction)) cmd.ExecuteNonQuery();
                        using (var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity, transaction))
                        {
                            bulkCopy.DestinationTableName = "#TempCipher";
                            bulkCopy.WriteToServer(rows);
                        }
                        var sql = @"
                            UPDATE [dbo].[Cipher] SET [Data] = TC.[Data]
                            FROM [dbo].[Cipher] C INNER JOIN #TempCipher TC ON C.Id = TC.Id
                            WHERE C.[UserId] = @UserId

                            DROP TABLE #TempCipher";
                        using (var cmd = new SqlCommand(sql, connection, transaction)) cmd.ExecuteNonQuery();
                    }
                    public int Snapshot() => connection.Execute("SELECT * INTO OrdersArchive FROM Orders WHERE Closed = 1");
                    public int Shape() => connection.Execute("SELECT * INTO OrdersShape FROM Orders WHERE 1 = 0");
                    public int Columns() => connection.Execute("SELECT * FROM Orders WHERE 1 = 0");
                    public int Temporary() => connection.Execute("SELECT * INTO #open FROM Orders o JOIN @ids i ON i.Id = o.Id WHERE o.Closed = 0");
                    // Traps: a false WHERE that OR widens, and one in a subquery, still read.
                    public int Widened() => connection.Execute("SELECT * FROM Lines WHERE 1 = 0 OR Open = 1");
                    public int Nested() => connection.Execute("SELECT * FROM Stock WHERE Sku IN (SELECT Sku FROM Holds WHERE 1 = 0)");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Holds | Read | Ciphers.Nested | Dapper Execute (SELECT)",
            "Lines | Read | Ciphers.Widened | Dapper Execute (SELECT)",
            "Orders | Read | Ciphers.Snapshot | Dapper Execute (SELECT)",
            "Orders | Read | Ciphers.Temporary | Dapper Execute (SELECT)",
            "OrdersArchive | Create | Ciphers.Snapshot | Dapper Execute (SELECT)",
            "Stock | Read | Ciphers.Nested | Dapper Execute (SELECT)",
            "dbo.Cipher | Update | Ciphers.Rotate | ADO.NET new SqlCommand (UPDATE)",
        ], Crud(output));
        Assert.DoesNotContain("#Temp", output.Markdown);
        Assert.DoesNotContain("#open", output.Markdown);
        Assert.Contains("| `Ciphers.Temporary` | Dapper Execute | SELECT | `Orders` |", output.Markdown);
        Assert.Contains("| `Ciphers.Rotate` | SqlBulkCopy WriteToServer | bulk copy |  |", output.Markdown);
        Assert.Contains("| `Ciphers.Shape` | Dapper Execute | SELECT | `Orders`, `OrdersShape` |", output.Markdown);
    }

    [Fact]
    public void An_insert_whose_select_returns_no_rows_creates_and_reads_nothing()
    {
        // INSERT INTO t SELECT * FROM s WHERE 1 = 0 copies a shape: it was a create of t and a read of s.
        var output = GeneratorHarness.Run(Sources.With(("Data/Shapes.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Shapes(DbConnection conn)
                {
                    public int Spaced() => conn.Execute("INSERT INTO CopyA SELECT * FROM SourceA WHERE 1 = 0");
                    public int Tight() => conn.Execute("INSERT INTO CopyB (Id, Sku) SELECT Id, Sku FROM SourceB WHERE 1=0");
                    public int Reversed() => conn.Execute("INSERT INTO CopyC SELECT * FROM SourceC s JOIN Lines l ON l.Id = s.Id WHERE 0 = 1");
                    public int Unequal() => conn.Execute("INSERT INTO CopyD SELECT CAST(Id AS bigint) FROM SourceD WHERE 1 <> 1 ORDER BY Id");
                    public int Top() => conn.Execute("INSERT INTO CopyE SELECT TOP 0 * FROM SourceE");
                    public int Limit() => conn.Execute("INSERT INTO CopyF SELECT * FROM SourceF LIMIT 0");
                    public int NoInto() => conn.Execute("INSERT CopyG SELECT * FROM SourceG WHERE 1 = 0 AND Open = 1");
                    public int SelectInto() => conn.Execute("SELECT * INTO CopyH FROM SourceH WHERE 0 = 1");
                    // Traps: the false WHERE is widened by an OR, is a subquery's, has a UNION beside it or is the upsert's;
                    // an aggregate makes a row of nothing (a create, no read).
                    public int Widened() => conn.Execute("INSERT INTO KeptA SELECT * FROM ReadA WHERE 1 = 0 OR Open = 1");
                    public int WidenedLater() => conn.Execute("INSERT INTO KeptB SELECT * FROM ReadB WHERE 1 = 0 AND Open = 1 OR Closed = 1");
                    public int Nested() => conn.Execute("INSERT INTO KeptC SELECT * FROM ReadC WHERE Sku IN (SELECT Sku FROM ReadD WHERE 1 = 0)");
                    public int United() => conn.Execute("INSERT INTO KeptD SELECT * FROM ReadE WHERE 1 = 0 UNION ALL SELECT * FROM ReadF");
                    public int Upsert() => conn.Execute("INSERT INTO KeptE (Id) VALUES (1) ON CONFLICT (Id) DO UPDATE SET Id = 2 WHERE 1 = 0");
                    public int Counted() => conn.Execute("INSERT INTO KeptF (N) SELECT COUNT(*) FROM SourceI WHERE 1 = 0");
                    public int CountedInto() => conn.Execute("SELECT COUNT(*) AS N INTO KeptH FROM SourceJ WHERE 1 = 0");
                    public int SelectIntoWidened() => conn.Execute("SELECT * INTO KeptG FROM ReadG WHERE 1 = 0 AND Open = 1 OR Closed = 1");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "KeptA | Create | Shapes.Widened | Dapper Execute (INSERT)",
            "KeptB | Create | Shapes.WidenedLater | Dapper Execute (INSERT)",
            "KeptC | Create | Shapes.Nested | Dapper Execute (INSERT)",
            "KeptD | Create | Shapes.United | Dapper Execute (INSERT)",
            "KeptE | Create | Shapes.Upsert | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "KeptE | Update | Shapes.Upsert | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "KeptF | Create | Shapes.Counted | Dapper Execute (INSERT)",
            "KeptG | Create | Shapes.SelectIntoWidened | Dapper Execute (SELECT)",
            "KeptH | Create | Shapes.CountedInto | Dapper Execute (SELECT)",
            "ReadA | Read | Shapes.Widened | Dapper Execute (INSERT)",
            "ReadB | Read | Shapes.WidenedLater | Dapper Execute (INSERT)",
            "ReadC | Read | Shapes.Nested | Dapper Execute (INSERT)",
            "ReadD | Read | Shapes.Nested | Dapper Execute (INSERT)",
            "ReadE | Read | Shapes.United | Dapper Execute (INSERT)",
            "ReadF | Read | Shapes.United | Dapper Execute (INSERT)",
            "ReadG | Read | Shapes.SelectIntoWidened | Dapper Execute (SELECT)",
        ], Crud(output));
        // The tables are still named in the raw SQL list.
        Assert.Contains("| `Shapes.Spaced` | Dapper Execute | INSERT | `CopyA`, `SourceA` |", output.Markdown);
        Assert.Contains("| `Shapes.NoInto` | Dapper Execute | INSERT | `CopyG`, `SourceG` |", output.Markdown);
        Assert.Contains("| `Shapes.SelectInto` | Dapper Execute | SELECT | `CopyH`, `SourceH` |", output.Markdown);
    }

    [Fact]
    public void T_SQL_inserts_and_deletes_without_INTO_or_FROM_write_their_table()
    {
        // INSERT t (a) VALUES (...) and DELETE t WHERE ... (INTO and FROM are optional in T-SQL) named no table and claimed nothing.
        var output = GeneratorHarness.Run(Sources.With(("Data/Audit.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Audit(DbConnection conn)
                {
                    public int Columns() => conn.Execute("INSERT AuditLog (Id, Text) VALUES (@id, @text)", new { id = 1, text = "" });
                    public int Values() => conn.Execute("INSERT dbo.Events VALUES (@id)", new { id = 1 });
                    public int Copy() => conn.Execute("INSERT [dbo].[History] (Id) SELECT Id FROM dbo.Orders WHERE Closed = 1");
                    public int Defaults() => conn.Execute("INSERT TOP (5) Counters DEFAULT VALUES");
                    public int MySql() => conn.Execute("INSERT IGNORE Tags (Name) VALUES (@name); REPLACE Labels (Sku) VALUES (@sku)", new { name = "", sku = "" });
                    public int Purge() => conn.Execute("DELETE Sessions WHERE Expires < @now", new { now = 0 });
                    public int Trim() => conn.Execute("DELETE TOP (100) dbo.Logs OUTPUT deleted.Id WHERE Old = 1 DELETE Tokens");
                    public int Orphans() => conn.Execute("DELETE Lines FROM Lines JOIN Carts ON Carts.Id = Lines.CartId WHERE Carts.Gone = 1");
                    public int Prices() => conn.Execute("UPDATE Prices SET Amount = s.Amount FROM Prices JOIN Staging s ON s.Sku = Prices.Sku");
                    public int Branches() => conn.Execute("IF @all = 1 DELETE Queue WHERE Id > 0 ELSE DELETE Backlog WHERE Id = @id", new { all = 1, id = 1 });
                    public int Merge() => conn.Execute("MERGE dbo.Totals t USING dbo.Retired s ON t.Sku = s.Sku WHEN MATCHED THEN DELETE;");
                    // Traps: the words in a literal or a comment, as columns (PostgreSQL allows it), in a foreign key, a rule, a trigger's events.
                    public IEnumerable<int> Literal() => conn.Query<int>("SELECT Id FROM Notes WHERE Text = 'INSERT Secrets VALUES (1)' -- DELETE Secrets WHERE 1 = 1");
                    public IEnumerable<int> Named() => conn.Query<int>("SELECT m.insert, m.update FROM Marks m ORDER BY delete DESC");
                    public int Key() => conn.Execute("ALTER TABLE Lines ADD CONSTRAINT fk FOREIGN KEY (CartId) REFERENCES Carts (Id) ON DELETE CASCADE");
                    public int Rule() => conn.Execute("CREATE RULE keep AS ON DELETE TO Places DO INSTEAD NOTHING");
                    public int Trigger() => conn.Execute("CREATE TRIGGER t ON Orders AFTER INSERT, DELETE AS INSERT Changes (Id) SELECT Id FROM Pending");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "AuditLog | Create | Audit.Columns | Dapper Execute (INSERT)",
            "Backlog | Delete | Audit.Branches | Dapper Execute (DELETE)",
            "Carts | Read | Audit.Orphans | Dapper Execute (DELETE)",
            "Changes | Create | Audit.Trigger | Dapper Execute (INSERT)",
            "Counters | Create | Audit.Defaults | Dapper Execute (INSERT)",
            "Labels | Create | Audit.MySql | Dapper Execute (REPLACE)",
            "Labels | Update | Audit.MySql | Dapper Execute (REPLACE)",
            "Lines | Delete | Audit.Orphans | Dapper Execute (DELETE)",
            "Marks | Read | Audit.Named | Dapper Query (SELECT)",
            "Notes | Read | Audit.Literal | Dapper Query (SELECT)",
            "Pending | Read | Audit.Trigger | Dapper Execute (INSERT)",
            "Prices | Update | Audit.Prices | Dapper Execute (UPDATE)",
            "Queue | Delete | Audit.Branches | Dapper Execute (DELETE)",
            "Sessions | Delete | Audit.Purge | Dapper Execute (DELETE)",
            "Staging | Read | Audit.Prices | Dapper Execute (UPDATE)",
            "Tags | Create | Audit.MySql | Dapper Execute (INSERT)",
            "Tokens | Delete | Audit.Trim | Dapper Execute (DELETE)",
            "dbo.Events | Create | Audit.Values | Dapper Execute (INSERT)",
            "dbo.History | Create | Audit.Copy | Dapper Execute (INSERT)",
            "dbo.Logs | Delete | Audit.Trim | Dapper Execute (DELETE)",
            "dbo.Orders | Read | Audit.Copy | Dapper Execute (INSERT)",
            "dbo.Retired | Read | Audit.Merge | Dapper Execute (MERGE)",
            "dbo.Totals | Delete | Audit.Merge | Dapper Execute (MERGE)",
        ], Crud(output));
        Assert.DoesNotContain("Secrets", output.Markdown);
        Assert.DoesNotContain("`CASCADE`", output.Markdown);
        Assert.Contains("| `Audit.Columns` | Dapper Execute | INSERT | `AuditLog` |", output.Markdown);
        Assert.Contains("| `Audit.Copy` | Dapper Execute | INSERT | `[dbo].[History]`, `dbo.Orders` |", output.Markdown);
        Assert.Contains("| `Audit.Purge` | Dapper Execute | DELETE | `Sessions` |", output.Markdown);
        Assert.Contains("| `Audit.Rule` | Dapper Execute | CREATE |  |", output.Markdown);
    }

    [Fact]
    public void PostgreSQL_delete_using_reads_its_other_tables()
    {
        // DELETE FROM t USING u WHERE ... deleted from t and did not list u, which it reads.
        var output = GeneratorHarness.Run(Sources.With(("Data/Cleanup.cs", """
            using Dapper;
            using System.Data.Common;
            namespace Shop.Data
            {
                public class Cleanup(DbConnection conn)
                {
                    public int Using() => conn.Execute("DELETE FROM \"Holds\" USING \"Orders\" WHERE \"Holds\".\"OrderId\" = \"Orders\".\"Id\" AND \"Orders\".\"Closed\"");
                    public int Aliased() => conn.Execute("DELETE FROM carts AS c USING customers AS u WHERE c.customer_id = u.id AND u.gone");
                    public int MySql() => conn.Execute("DELETE FROM visits USING visits JOIN robots ON robots.ip = visits.ip");
                    public int From() => conn.Execute("UPDATE stock SET qty = 0 FROM recalls r WHERE r.sku = stock.sku");
                    public int Nothing() => conn.Execute("INSERT INTO seen (id) VALUES (@id) ON CONFLICT (id) DO NOTHING", new { id = 1 });
                    public int Upsert() => conn.Execute("INSERT INTO counts (id, n) VALUES (@id, 1) ON CONFLICT ON CONSTRAINT counts_pk DO UPDATE SET n = counts.n + 1", new { id = 1 });
                    // Traps: a join's USING (column) in a subquery names no table; a DELETE of two tables claims nothing.
                    public int Joined() => conn.Execute("DELETE FROM lines WHERE id IN (SELECT l.id FROM lines l JOIN carts USING (cart_id))");
                    public int Several() => conn.Execute("DELETE FROM a1, b1 USING a1 JOIN b1 ON a1.id = b1.id");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Holds | Delete | Cleanup.Using | Dapper Execute (DELETE)",
            "Orders | Read | Cleanup.Using | Dapper Execute (DELETE)",
            "carts | Delete | Cleanup.Aliased | Dapper Execute (DELETE)",
            "carts | Read | Cleanup.Joined | Dapper Execute (DELETE)",
            "counts | Create | Cleanup.Upsert | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "counts | Update | Cleanup.Upsert | Dapper Execute (INSERT ... ON CONFLICT DO UPDATE)",
            "customers | Read | Cleanup.Aliased | Dapper Execute (DELETE)",
            "lines | Delete | Cleanup.Joined | Dapper Execute (DELETE)",
            "recalls | Read | Cleanup.From | Dapper Execute (UPDATE)",
            "robots | Read | Cleanup.MySql | Dapper Execute (DELETE)",
            "seen | Create | Cleanup.Nothing | Dapper Execute (INSERT)",
            "stock | Update | Cleanup.From | Dapper Execute (UPDATE)",
            "visits | Delete | Cleanup.MySql | Dapper Execute (DELETE)",
        ], Crud(output));
        Assert.Contains("| `Cleanup.Using` | Dapper Execute | DELETE | `\"Holds\"`, `\"Orders\"` |", output.Markdown);
        Assert.Contains("| `Cleanup.Joined` | Dapper Execute | DELETE | `carts`, `lines` |", output.Markdown);
    }
}
