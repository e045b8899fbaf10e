using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>linq2db (6.5.1, the package the test project references): connections and options as stores (section 1.1),
/// its raw SQL methods (1.3), its CRUD calls per entity (2.1) and its transactions (2.2), each confirmed by symbol; look-alike
/// names, comments, strings and a referenced-but-unused package make no claim.</summary>
public class Linq2DbTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using LinqToDB;
        using LinqToDB.Async;
        using LinqToDB.Data;
        using LinqToDB.Mapping;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Model = """
        using LinqToDB.Extensions.DependencyInjection;
        namespace Shop.Data
        {
            [Table("Orders")]
            public class Order { [PrimaryKey, Identity] public int Id { get; set; } public string Status { get; set; } = ""; }
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class ShopDb : DataConnection
            {
                public ShopDb(DataOptions<ShopDb> options) : base(options.Options) { }
                public ITable<Order> Orders => this.GetTable<Order>();
            }

            public class LegacyDb : DataConnection
            {
                public LegacyDb() : base("Legacy") { }
            }

            public class ReportsDb : DataConnection
            {
        #pragma warning disable CS0618 // the (providerName, connectionString) constructor is obsolete in linq2db 6, still supported
                public ReportsDb(IConfiguration configuration) : base(ProviderName.PostgreSQL, configuration.GetConnectionString("Reports")!) { }
        #pragma warning restore CS0618
            }

            public class ArchiveDb : DataConnection
            {
                public ArchiveDb() : base(new DataOptions().UseSQLite("Data Source=archive.db;Password=Archive-Secret-1")) { }
            }

            public class StockDb(IConfiguration configuration) : DataConnection(new DataOptions().UseSqlServer(configuration.GetConnectionString("Stock")!));

            public class CatalogContext() : DataContext("Catalog");

            public static class Connections
            {
                public static DataConnection Open(IConfiguration configuration) =>
                    new DataConnection(new DataOptions().UseSqlServer(configuration.GetConnectionString("Shop")!));
                public static DataConnection Literal() =>
                    new DataConnection(new DataOptions().UseConnectionString(ProviderName.SQLite, "Data Source=shop.db;Password=Lite-Secret-2"));
                public static DataContext Configured() => new DataContext("Archive");
                public static DataOptions Unknown(string cs) => new DataOptions().UseConnectionString(cs);
                public static DataConnection FromOptions(DataOptions options) => new DataConnection(options);
            }

            public static class Registration
            {
                public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration) =>
                    services.AddLinqToDBContext<ShopDb>((sp, options) => options.UsePostgreSQL(configuration.GetConnectionString("Shop")!));
            }
        }
        """;

    private const string Access = """
        namespace Shop.Data
        {
            public class OrderService(ShopDb db)
            {
                public List<Order> Open() => db.Orders.Where(o => o.Status == "open").ToList();
                public Task<List<Customer>> Find(int id) => db.GetTable<Customer>().Where(c => c.Id == id).ToListAsync();
                public int Place(Order order) => db.Insert(order);
                public Task<int> PlaceAsync(Order order) => db.InsertAsync(order);
                public object Identity(Customer customer) => db.InsertWithIdentity(customer);
                public int Save(Order order) => db.Update(order);
                public int Remove(Order order) => db.Delete(order);
                public int Close() => db.Orders.Where(o => o.Status == "open").Set(o => o.Status, "closed").Update();
                public int Purge() => db.Orders.Delete(o => o.Status == "closed");
                public int Add() => db.Orders.Insert(() => new Order { Status = "new" });
                public BulkCopyRowsCopied Import(IEnumerable<Customer> customers) => db.BulkCopy(customers);
            }

            public interface IOrderRepository { List<Order> All(); }
            public class OrderRepository(ShopDb db) : IOrderRepository
            {
                public List<Order> All() => db.Orders.ToList();
            }

            public class Archiver(CatalogContext context, ShopDb db)
            {
                public void Run(Order order)
                {
                    using var tx = context.BeginTransaction();
                    context.Delete(order);
                    tx.CommitTransaction();
                }

                // INSERT ... SELECT into another table, or a delete of projected rows: the rows written are not the query's; left out.
                public int CopyNames() => db.Orders.Where(o => o.Status == "vip").Insert(db.GetTable<Customer>(), o => new Customer { Name = o.Status });
                public int DropProjected() => db.Orders.Where(o => o.Status == "gone").Select(o => new Customer { Id = o.Id }).Delete();
            }

            public class OrderSql(ShopDb db)
            {
                public IEnumerable<Order> ByStatus(string status) => db.Query<Order>("SELECT * FROM Orders WHERE Status = @status", new DataParameter("status", status));
                public int Purge(int days) => db.Execute("DELETE FROM Orders WHERE Age > " + days);
                public IQueryable<Order> Safe(string status) => db.FromSql<Order>($"SELECT * FROM Orders WHERE Status = {status}");
                public int Close(string status) => db.SetCommand($"UPDATE Orders SET Closed = 1 WHERE Status = '{status}'").Execute();
            }

            public class Transfer(ShopDb db)
            {
                public void Run(Order order)
                {
                    using var tx = db.BeginTransaction();
                    db.Insert(order);
                    db.Execute("UPDATE Stock SET Quantity = Quantity - 1");
                    tx.Commit();
                }

                public async Task RunAsync(Order order)
                {
                    var tx = await db.BeginTransactionAsync();
                    await db.UpdateAsync(order);
                    await db.CommitTransactionAsync();
                }
            }
        }
        """;

    /// <summary>linq2db.Extensions (where <c>AddLinqToDBContext</c> lives in linq2db 6) is not served by this machine's package
    /// mirror: a stand-in with its real namespace, class and signature.</summary>
    private const string ExtensionsStandIn = """
        namespace LinqToDB.Extensions.DependencyInjection
        {
            public static class ServiceConfigurationExtensions
            {
                public static IServiceCollection AddLinqToDBContext<TContext>(this IServiceCollection serviceCollection,
                    Func<IServiceProvider, DataOptions, DataOptions> configure, ServiceLifetime lifetime = ServiceLifetime.Scoped)
                    where TContext : IDataContext => serviceCollection;
            }
        }
        """;

    private const string Traps = """
        namespace Shop.Fakes
        {
            // Look-alikes: linq2db's names on other types.
            public class DataConnection { public DataConnection(string cs) { } public object BeginTransaction() => this; }
            public class DataOptions { public DataOptions UseSqlServer(string cs) => this; }
            public interface ITable<T> { }
            public static class FakeExtensions
            {
                public static int Insert<T>(this LinqToDB.Data.DataConnection db, T row, bool fake) => 0;
                public static int Delete<T>(this ITable<T> table) => 0;
                public static IEnumerable<T> Query<T>(this LinqToDB.Data.DataConnection db, string sql, int fake) => new List<T>();
            }
            public class Fakes
            {
                public object Fake() => new DataConnection("Server=fake");
                public object Options() => new DataOptions().UseSqlServer("Server=fake2");
                public object Begin() => new DataConnection("x").BeginTransaction();
                public void List(List<Shop.Data.Order> orders, Shop.Data.Order o) { orders.Insert(0, o); orders.Remove(o); }
                public int Mine(LinqToDB.Data.DataConnection db, Shop.Data.Order o) => db.Insert(o, fake: true);
                public int FakeTable(ITable<Shop.Data.Order> table) => table.Delete();
                public IEnumerable<Shop.Data.Order> FakeQuery(LinqToDB.Data.DataConnection db) => db.Query<Shop.Data.Order>("SELECT * FROM Fakes", fake: 1);
                // public object Commented(LinqToDB.Data.DataConnection db, Shop.Data.Order o) => db.Insert(o) + new LinqToDB.Data.DataConnection("Commented");
                public string Text => "db.BulkCopy(rows); new DataConnection(\"Quoted\"); UseSqlServer(\"Server=quoted\")";
            }
        }
        """;

    private static readonly Dictionary<string, string> AppSettings = new()
    {
        ["appsettings.json"] = """
            { "ConnectionStrings": { "Shop": "Host=pg;Username=app;Password=Shop-Secret-3", "Reports": "Host=reports;Password=Reports-Secret-4" } }
            """,
    };

    private static Dictionary<string, string> Files(params (string Path, string Code)[] files) =>
        files.ToDictionary(f => f.Path, f => Usings + f.Code);

    private static GeneratorOutput Run() => GeneratorHarness.Run(
        Files(("Data/Model.cs", Model), ("Data/Access.cs", Access), ("Data/Extensions.cs", ExtensionsStandIn), ("Fakes/Fakes.cs", Traps)), AppSettings);

    [Fact]
    public void A_referenced_but_unused_linq2db_and_names_in_comments_and_strings_make_no_claim()
    {
        // The test project references linq2db: a project that compiles against it without calling it says nothing of it.
        var output = GeneratorHarness.Run(Files(("Data/Plain.cs", """
            namespace Shop.Plain
            {
                // new DataConnection(new DataOptions().UseSqlServer("Server=commented")); db.Insert(order); db.BeginTransaction();
                public class Notes
                {
                    public string Text => "using var db = new DataConnection(\"Quoted\"); db.GetTable<Order>().Delete(); db.BulkCopy(rows);";
                    public List<int> Numbers(List<int> list) { list.Insert(0, 1); return list.Where(n => n > 0).ToList(); }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain("linq2db", output.Markdown);
        var json = Json.Parse(output.Json);
        foreach (var list in new[] { "stores", "rawSql", "crud", "transactions", "repositories" })
        {
            Assert.True(!json.TryGetProperty(list, out var items) || items.GetArrayLength() == 0, list);
        }
        Assert.DoesNotContain("Quoted", output.All);
        Assert.DoesNotContain("commented", output.All);
    }

    [Fact]
    public void Connections_subclasses_options_and_registrations_are_stores_with_their_connection_source_and_the_database_when_named()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // The database comes from a provider method or a constant provider name, the connection from its argument.
        Assert.Contains("| PostgreSQL (SQL) | ReportsDb : DataConnection (linq2db) | `base constructor call` | named connection string `Reports` (configuration key `ConnectionStrings:Reports`) [Data/Model.cs:32](Data/Model.cs#L32) | `ReportsDb.ctor` [Data/Model.cs:32](Data/Model.cs#L32) |", md);
        Assert.Contains("| PostgreSQL (SQL) | ShopDb (linq2db) | `AddLinqToDBContext<ShopDb> with UsePostgreSQL` | named connection string `Shop` (configuration key `ConnectionStrings:Shop`) [Data/Model.cs:59](Data/Model.cs#L59) | `Registration.Add` [Data/Model.cs:59](Data/Model.cs#L59) |", md);
        Assert.Contains("| SQL Server (SQL) | StockDb : DataConnection (linq2db) | `base constructor call with UseSqlServer` | named connection string `Stock` (configuration key `ConnectionStrings:Stock`) [Data/Model.cs:41](Data/Model.cs#L41) | `StockDb.ctor` [Data/Model.cs:41](Data/Model.cs#L41) |", md);
        Assert.Contains("| SQL Server (SQL) | DataConnection (linq2db) | `new DataConnection with UseSqlServer` | named connection string `Shop` (configuration key `ConnectionStrings:Shop`) [Data/Model.cs:48](Data/Model.cs#L48) | `Connections.Open` [Data/Model.cs:48](Data/Model.cs#L48) |", md);
        Assert.Contains("| SQLite (SQL) | ArchiveDb : DataConnection (linq2db) | `base constructor call with UseSQLite` | constant in code: `Data Source=archive.db;Password=***` [Data/Model.cs:38](Data/Model.cs#L38) | `ArchiveDb.ctor` [Data/Model.cs:38](Data/Model.cs#L38) |", md);
        Assert.Contains("| SQLite (SQL) | DataConnection (linq2db) | `new DataConnection with UseConnectionString` | constant in code: `Data Source=shop.db;Password=***` [Data/Model.cs:50](Data/Model.cs#L50) | `Connections.Literal` [Data/Model.cs:50](Data/Model.cs#L50) |", md);
        // Options built elsewhere, and linq2db's own configuration names: no database is claimed.
        Assert.Contains("| provider not known here (SQL) | ShopDb : DataConnection (linq2db) | `base constructor call` | not passed here | `ShopDb.ctor` [Data/Model.cs:20](Data/Model.cs#L20) |", md);
        Assert.Contains("| provider not known here (SQL) | LegacyDb : DataConnection (linq2db) | `base constructor call` | linq2db connection configuration `Legacy` (resolved by linq2db at run time) [Data/Model.cs:26](Data/Model.cs#L26) | `LegacyDb.ctor` [Data/Model.cs:26](Data/Model.cs#L26) |", md);
        Assert.Contains("| provider not known here (SQL) | CatalogContext : DataContext (linq2db) | `base constructor call` | linq2db connection configuration `Catalog` (resolved by linq2db at run time) [Data/Model.cs:43](Data/Model.cs#L43) | `CatalogContext.ctor` [Data/Model.cs:43](Data/Model.cs#L43) |", md);
        Assert.Contains("| provider not known here (SQL) | DataContext (linq2db) | `new DataContext` | linq2db connection configuration `Archive` (resolved by linq2db at run time) [Data/Model.cs:51](Data/Model.cs#L51) | `Connections.Configured` [Data/Model.cs:51](Data/Model.cs#L51) |", md);
        Assert.Contains("| provider not known here (SQL) | DataOptions (linq2db) | `DataOptions.UseConnectionString` | the caller's argument for parameter `cs` of `Connections.Unknown` (callers not followed) [Data/Model.cs:52](Data/Model.cs#L52) | `Connections.Unknown` [Data/Model.cs:52](Data/Model.cs#L52) |", md);
        Assert.Contains("| provider not known here (SQL) | DataConnection (linq2db) | `new DataConnection` | not passed here | `Connections.FromOptions` [Data/Model.cs:53](Data/Model.cs#L53) |", md);
        // A configuration name is not an appsettings key: no value is looked up for it.
        Assert.DoesNotContain("`ConnectionStrings:Legacy`", md);
        var stores = Json.Parse(output.Json).GetProperty("stores");
        Assert.Equal(12, stores.GetArrayLength());
        Assert.Contains(stores.EnumerateArray().SelectMany(s => s.GetProperty("connection").EnumerateArray()),
            c => c.GetProperty("kind").GetString() == "ConfigurationName" && c.GetProperty("value").GetString() == "Legacy");
    }

    [Fact]
    public void A_chain_is_read_once_UseProvider_names_the_database_and_a_configuration_name_that_reads_like_a_connection_string_is_redacted()
    {
        var output = GeneratorHarness.Run(Files(("Data/Options.cs", """
            namespace Shop.Data
            {
                public static class Options
                {
                    public static DataOptions Provider(string cs) => new DataOptions().UseProvider(ProviderName.SqlServer2022).UseConnectionString(cs);
                    public static DataOptions Mistake() => new DataOptions().UseConfiguration("Server=sql;Password=Cfg-Secret-5");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| SQL Server (SQL) | DataOptions (linq2db) | `DataOptions.UseProvider.UseConnectionString` | the caller's argument for parameter `cs` of `Options.Provider` (callers not followed) [Data/Options.cs:15](Data/Options.cs#L15) | `Options.Provider` [Data/Options.cs:15](Data/Options.cs#L15) |", md);
        Assert.Contains("| provider not known here (SQL) | DataOptions (linq2db) | `DataOptions.UseConfiguration` | constant in code: `Server=sql;Password=***` [Data/Options.cs:16](Data/Options.cs#L16) | `Options.Mistake` [Data/Options.cs:16](Data/Options.cs#L16) |", md);
        Assert.Equal(2, Json.Parse(output.Json).GetProperty("stores").GetArrayLength());
        Assert.DoesNotContain("Cfg-Secret-5", output.All);
    }

    [Fact]
    public void Raw_sql_methods_are_listed_with_statement_tables_and_how_values_reach_the_text()
    {
        var output = Run();
        var sites = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("member").GetString() + " | " + s.GetProperty("api").GetString() + " | " + s.GetProperty("statement").GetString()
                         + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString())) + " | " + s.GetProperty("parameterization").GetString())
            .ToList();
        // CommandInfo.Execute() after SetCommand is not a second site; the project's own Query extension is none.
        Assert.Equal(
        [
            "OrderSql.ByStatus | linq2db Query | SELECT | Orders | Constant",
            "OrderSql.Purge | linq2db Execute |  |  | BuiltIntoRawSql",
            "OrderSql.Safe | linq2db FromSql | SELECT | Orders | InterpolatedParameters",
            "OrderSql.Close | linq2db SetCommand | UPDATE | Orders | BuiltIntoRawSql",
            "Transfer.Run | linq2db Execute | UPDATE | Stock | Constant",
        ], sites);
        Assert.Contains("**2 place(s) build SQL text by interpolation or concatenation and pass it to a raw API**", output.Markdown);
    }

    [Fact]
    public void Crud_rows_name_the_entity_per_table_query_context_write_and_bulk_copy()
    {
        var md = Run().Markdown!;
        Assert.Contains("| `Shop.Data.Customer` (linq2db) | `OrderService.Identity` [Data/Access.cs:19](Data/Access.cs#L19)<br>`OrderService.Import` [Data/Access.cs:25](Data/Access.cs#L25) | `OrderService.Find` [Data/Access.cs:16](Data/Access.cs#L16) |  |  |", md);
        Assert.Contains("| `Shop.Data.Order` (linq2db) | `OrderService.Place` [Data/Access.cs:17](Data/Access.cs#L17)<br>`OrderService.PlaceAsync` [Data/Access.cs:18](Data/Access.cs#L18)<br>`OrderService.Add` [Data/Access.cs:24](Data/Access.cs#L24)<br>`Transfer.Run` [Data/Access.cs:61](Data/Access.cs#L61)"
                        + " | `OrderService.Open` [Data/Access.cs:15](Data/Access.cs#L15)<br>`OrderRepository.All` [Data/Access.cs:31](Data/Access.cs#L31)"
                        + " | `OrderService.Save` [Data/Access.cs:20](Data/Access.cs#L20)<br>`OrderService.Close` [Data/Access.cs:22](Data/Access.cs#L22)<br>`Transfer.RunAsync` [Data/Access.cs:69](Data/Access.cs#L69)"
                        + " | `OrderService.Remove` [Data/Access.cs:21](Data/Access.cs#L21)<br>`OrderService.Purge` [Data/Access.cs:23](Data/Access.cs#L23)<br>`Archiver.Run` [Data/Access.cs:39](Data/Access.cs#L39) |", md);
        // Set-based statements and BulkCopy are bulk; a write of one entity is not.
        Assert.Contains("| `OrderService.Close` | `Shop.Data.Order` (linq2db) | update | `Update` | [Data/Access.cs:22](Data/Access.cs#L22) |", md);
        Assert.Contains("| `OrderService.Purge` | `Shop.Data.Order` (linq2db) | delete | `Delete` | [Data/Access.cs:23](Data/Access.cs#L23) |", md);
        Assert.Contains("| `OrderService.Import` | `Shop.Data.Customer` (linq2db) | create | `BulkCopy` | [Data/Access.cs:25](Data/Access.cs#L25) |", md);
        Assert.DoesNotContain("| `OrderService.Save` | ", md);
        // INSERT ... SELECT into another table is left out rather than attributed to the query's entity.
        // (Its GetTable<Customer>() is a use of Customer with linq2db in 1.2, not a CRUD row.)
        Assert.DoesNotContain("`Archiver.CopyNames`", md);
        Assert.DoesNotContain("Archiver.DropProjected", md);
        // A repository holding a linq2db context is data access, with the entity of the table it reads.
        Assert.Contains("| `Shop.Data.OrderRepository` | repository | `IOrderRepository` | `Shop.Data.Order` | ShopDb (linq2db) |  |", md);
    }

    [Fact]
    public void Transactions_on_a_data_connection_or_context_list_what_runs_inside()
    {
        var md = Run().Markdown!;
        Assert.Contains("| `Transfer.Run` | linq2db transaction | `BeginTransaction()` | Insert Shop.Data.Order (linq2db); linq2db Execute UPDATE Stock; Commit |  | [Data/Access.cs:60](Data/Access.cs#L60) |", md);
        Assert.Contains("| `Transfer.RunAsync` | linq2db transaction | `BeginTransactionAsync()` | UpdateAsync Shop.Data.Order (linq2db); CommitTransactionAsync |  | [Data/Access.cs:68](Data/Access.cs#L68) |", md);
        Assert.Contains("| `Archiver.Run` | linq2db transaction | `BeginTransaction()` | Delete Shop.Data.Order (linq2db); CommitTransaction |  | [Data/Access.cs:38](Data/Access.cs#L38) |", md);
    }

    [Fact]
    public void Look_alikes_extensions_of_the_same_name_comments_and_strings_make_no_claim_and_no_secret_leaks()
    {
        var output = GeneratorHarness.Run(Files(("Data/Model.cs", Model), ("Data/Access.cs", Access), ("Data/Extensions.cs", ExtensionsStandIn), ("Fakes/Fakes.cs", Traps)), AppSettings);
        var all = output.All;
        // (The fragment lists every declared property, the look-alikes' included: the report and its JSON are what claim.)
        var report = output.Markdown + output.Json;
        Assert.DoesNotContain("Fakes.", output.Markdown);
        Assert.DoesNotContain("Fakes/Fakes.cs", report);
        Assert.DoesNotContain("fake", report);
        Assert.DoesNotContain("Quoted", all);
        Assert.DoesNotContain("Commented", all);
        foreach (var secret in new[] { "Archive-Secret-1", "Lite-Secret-2", "Shop-Secret-3", "Reports-Secret-4" })
        {
            Assert.DoesNotContain(secret, all);
        }
        // The same answers with or without the look-alikes: nothing they hold was taken for linq2db.
        var without = GeneratorHarness.Run(Files(("Data/Model.cs", Model), ("Data/Access.cs", Access), ("Data/Extensions.cs", ExtensionsStandIn)), AppSettings);
        Assert.Equal(without.Markdown, output.Markdown);
    }
}
