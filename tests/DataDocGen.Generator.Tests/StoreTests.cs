using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Stores opened without EF Core (section 1.1): ADO.NET connections, Npgsql data sources, MongoDB, Redis and
/// LiteDB clients with their connection sources, and what the code names in them.</summary>
public class StoreTests
{
    private const string Code = """
        using System.Data.Common;
        using System.Threading.Tasks;
        using Microsoft.Data.SqlClient;
        using MongoDB.Driver;
        using Npgsql;
        using StackExchange.Redis;
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } public int CustomerId { get; set; } }

            public class OrderReader(IConfiguration configuration)
            {
                public SqlConnection Open() => new SqlConnection(configuration.GetConnectionString("Orders"));
                public SqlConnection OpenAgain() => new SqlConnection(configuration.GetConnectionString("Orders"));
            }

            public class ReportReader
            {
                private readonly string _connectionString;
                public ReportReader(IConfiguration configuration) { _connectionString = configuration["Reports:Db"]!; }
                public NpgsqlConnection Open() => new NpgsqlConnection(_connectionString);
            }

            public static class Sources
            {
                public static NpgsqlDataSource Analytics() => NpgsqlDataSource.Create("Host=pg;Username=app;Password=Pg-Secret-1");
                public static MySqlConnector.MySqlConnection Legacy() => new("Server=my;Pwd=My-Secret-2");
                public static MySqlConnector.MySqlConnection LegacyExplicit() => new MySqlConnector.MySqlConnection(Environment.GetEnvironmentVariable("LEGACY_DB"));
                public static LiteDB.LiteDatabase Local() => new LiteDB.LiteDatabase("Filename=local.db;Password=Lite-Secret-3");
            }

            public class Catalog
            {
                private readonly IMongoCollection<Order> _orders;
                public Catalog(IConfiguration configuration)
                {
                    var client = new MongoClient(configuration.GetConnectionString("Mongo"));
                    var database = client.GetDatabase("shop");
                    _orders = database.GetCollection<Order>("orders");
                }

                public Task Index() => _orders.Indexes.CreateOneAsync(new CreateIndexModel<Order>(
                    Builders<Order>.IndexKeys.Ascending(o => o.CustomerId).Descending(o => o.Id),
                    new CreateIndexOptions { Unique = true, Name = "ix_orders_customer" }));

                public Task Many() => _orders.Indexes.CreateManyAsync(new[]
                {
                    new CreateIndexModel<Order>(Builders<Order>.IndexKeys.Ascending(o => o.CustomerId), new CreateIndexOptions { Name = "ix_customer" }),
                    new CreateIndexModel<Order>(Builders<Order>.IndexKeys.Descending(o => o.Id), new CreateIndexOptions { Unique = true, Name = "ux_id" }),
                });
            }

            public class Sessions(IConnectionMultiplexer redis)
            {
                public static ConnectionMultiplexer Connect(IConfiguration configuration) => ConnectionMultiplexer.Connect(configuration.GetConnectionString("Redis")!);
                public Task Save(string id, string json) => redis.GetDatabase().StringSetAsync($"session:{id}", json, TimeSpan.FromMinutes(20));
                public Task<HashEntry[]> Cart(int user) => redis.GetDatabase().HashGetAllAsync($"cart:{user}");
                public Task Forget(string id) => redis.GetDatabase().KeyDeleteAsync($"session:{id}");
            }

        }

        namespace Shop.Fakes
        {
            // Traps: look-alike names that are no store.
            public class SqlConnection { public SqlConnection(string cs) { } }
            public class Fakes
            {
                public object Fake() => new SqlConnection("Server=fake");
                public object Collection(Dictionary<string, int> map) => map.GetValueOrDefault("x");
                public void Set(HashSet<int> set) => set.Add(1);
                // public object Commented() => new Microsoft.Data.SqlClient.SqlConnection("Server=commented");
                public string Text => "new NpgsqlConnection(cs)";
            }
        }
        """;

    private static readonly Dictionary<string, string> AppSettings = new()
    {
        ["appsettings.json"] = """
            {
              "ConnectionStrings": {
                "Orders": "Server=sql;Database=Orders;User Id=app;Password=Sql-Secret-4;Max Pool Size=50",
                "Mongo": "mongodb+srv://app:Mongo-Secret-5@cluster0.example.net/shop",
                "Redis": "redis:6379,password=Redis-Secret-6"
              },
              "Reports": { "Db": "Host=reports;Username=r;Password=Pg-Secret-7" }
            }
            """,
    };

    private static GeneratorOutput Run() => GeneratorHarness.Run(Sources.With(("Data/Stores.cs", Code)), AppSettings);

    [Fact]
    public void Each_store_is_listed_once_per_connection_source_with_every_place_it_is_opened()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Stores opened without EF Core", md);
        Assert.Contains("| SQL Server (SQL) | SqlConnection (Microsoft.Data.SqlClient) | `new SqlConnection` | named connection string `Orders` (configuration key `ConnectionStrings:Orders`) [Data/Stores.cs:18](Data/Stores.cs#L18) | `OrderReader.Open` [Data/Stores.cs:18](Data/Stores.cs#L18)<br>`OrderReader.OpenAgain` [Data/Stores.cs:19](Data/Stores.cs#L19) |", md);
        // A read-only field assigned once in the constructor is followed to its configuration key.
        Assert.Contains("| PostgreSQL (SQL) | NpgsqlConnection (Npgsql) | `new NpgsqlConnection` | configuration key `Reports:Db` [Data/Stores.cs:25](Data/Stores.cs#L25) | `ReportReader.Open` [Data/Stores.cs:26](Data/Stores.cs#L26) |", md);
        Assert.Contains("| PostgreSQL (SQL) | NpgsqlDataSource (Npgsql) | `NpgsqlDataSource.Create` | constant in code: `Host=pg;Username=app;Password=***`", md);
        Assert.Contains("| MySQL (SQL) | MySqlConnection (MySqlConnector) | `new MySqlConnection` | environment variable `LEGACY_DB`", md);
        Assert.Contains("| LiteDB (NoSQL) | LiteDatabase (LiteDB) | `new LiteDatabase` | constant in code: `Filename=local.db;Password=***`", md);
        Assert.Contains("| MongoDB (NoSQL) | MongoClient (MongoDB.Driver) | `new MongoClient` | named connection string `Mongo`", md);
        Assert.Contains("| Redis (NoSQL) | ConnectionMultiplexer (StackExchange.Redis) | `ConnectionMultiplexer.Connect` | named connection string `Redis`", md);
        Assert.Contains("| `ConnectionStrings:Orders` | all (base file) | `Server=sql;Database=Orders;User Id=app;Password=***;Max Pool Size=50` |", md);
        Assert.Contains("| `Reports:Db` | all (base file) | `Host=reports;Username=r;Password=***` |", md);
    }

    [Fact]
    public void Mongo_databases_collections_and_indexes_and_Redis_keys_are_named_as_in_the_code()
    {
        var md = Run().Markdown!;
        Assert.Contains("| MongoDB | database | `shop` |  |  | `Catalog.ctor` |", md);
        Assert.Contains("| MongoDB | collection | `orders` | `Shop.Data.Order` |  | `Catalog.ctor` |", md);
        Assert.Contains("| MongoDB | index |  | `Shop.Data.Order` | CustomerId ascending, \\_id (Id) descending, unique, named \"ix\\_orders\\_customer\" | `Catalog.Index` |", md);
        // CreateMany with two models is two indexes, each with its own keys and options (they used to be merged into one).
        Assert.Contains("| MongoDB | index |  | `Shop.Data.Order` | 2 indexes: (CustomerId ascending, named \"ix\\_customer\"); (\\_id (Id) descending, unique, named \"ux\\_id\") | `Catalog.Many` |", md);
        Assert.Contains("| Redis | key | `session:{id}` |  | string: StringSetAsync, expiry 20 minutes | `Sessions.Save` |", md);
        Assert.Contains("| Redis | key | `cart:{user}` |  | hash: HashGetAllAsync | `Sessions.Cart` |", md);
        Assert.Contains("| Redis | key | `session:{id}` |  | key: KeyDeleteAsync | `Sessions.Forget` |", md);
    }

    [Fact]
    public void Look_alikes_comments_strings_and_unresolved_implicit_creations_make_no_claim_and_no_secret_leaks()
    {
        var output = Run();
        Assert.DoesNotContain("Server=fake", output.All);
        Assert.DoesNotContain("Fakes.", output.Markdown);
        Assert.DoesNotContain("commented", output.All);
        foreach (var secret in new[] { "Pg-Secret-1", "My-Secret-2", "Lite-Secret-3", "Sql-Secret-4", "Mongo-Secret-5", "Redis-Secret-6", "Pg-Secret-7" })
        {
            Assert.DoesNotContain(secret, output.All);
        }
        using var json = JsonDocument.Parse(output.Json!);
        var stores = json.RootElement.GetProperty("stores");
        // Target-typed `new(...)`: the syntax names no type, so it is not a candidate (less reported, never wrong).
        Assert.Equal(7, stores.GetArrayLength());
        Assert.Equal(["LiteDB", "MongoDB", "MySQL", "PostgreSQL", "PostgreSQL", "Redis", "SQL Server"], stores.EnumerateArray().Select(s => s.GetProperty("store").GetString()!).ToArray());
    }

    [Fact]
    public void Redis_configuration_options_are_followed_to_the_connection_string_they_parse()
    {
        // eShopOnContainers' Basket.API: ConfigurationOptions.Parse(settings.ConnectionString, true), then Connect(options);
        // the store read "Connection string: not passed here".
        var output = GeneratorHarness.Run(Sources.With(("Data/Redis.cs", """
            using Microsoft.Extensions.Options;
            using StackExchange.Redis;
            namespace Shop.Data
            {
                public class BasketSettings { public string ConnectionString { get; set; } = ""; }
                public static class Redis
                {
                    public static ConnectionMultiplexer Local(IConfiguration configuration)
                    {
                        var options = ConfigurationOptions.Parse(configuration["ConnectionString"], true);
                        options.ResolveDns = true;
                        return ConnectionMultiplexer.Connect(options);
                    }
                    public static ConnectionMultiplexer Inline(IConfiguration configuration) =>
                        ConnectionMultiplexer.Connect(ConfigurationOptions.Parse(configuration.GetConnectionString("Cache")!));
                    public static void Register(IServiceCollection services) =>
                        services.AddSingleton(sp =>
                        {
                            var settings = sp.GetRequiredService<IOptions<BasketSettings>>().Value;
                            var configuration = ConfigurationOptions.Parse(settings.ConnectionString, true);
                            configuration.ResolveDns = true;
                            return ConnectionMultiplexer.Connect(configuration);
                        });
                    public static ConnectionMultiplexer Built() =>
                        ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { "cache:6379" }, Password = "Redis-Secret-8", Ssl = true });
                    // Negative: options reassigned after Parse are not the parsed ones; options from another method are not followed.
                    public static ConnectionMultiplexer Reassigned(IConfiguration configuration)
                    {
                        var options = ConfigurationOptions.Parse(configuration["Other"]!);
                        options = Make();
                        return ConnectionMultiplexer.Connect(options);
                    }
                    // Trap: options built with no endpoint in the initializer (the password alone is no connection source).
                    public static ConnectionMultiplexer PasswordOnly()
                    {
                        var options = new ConfigurationOptions { Password = "Redis-Secret-9" };
                        return ConnectionMultiplexer.Connect(options);
                    }
                    private static ConfigurationOptions Make() => new();
                }
            }
            """)), new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionString": "basket:6379,password=Redis-Secret-7", "Other": "other:6379" }""" });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = output.Markdown!.Split('\n').Where(l => l.StartsWith("| Redis (NoSQL) |", StringComparison.Ordinal)).ToList();
        string Row(string member) => Assert.Single(rows, r => r.Contains("`Redis." + member + "`", StringComparison.Ordinal));
        Assert.Contains("| configuration key `ConnectionString` [Data/Redis.cs:", Row("Local"));
        Assert.Contains("| named connection string `Cache` (configuration key `ConnectionStrings:Cache`) [Data/Redis.cs:", Row("Inline"));
        Assert.Contains("| computed in code: `settings.ConnectionString` [Data/Redis.cs:", Row("Register"));
        Assert.Contains("| constant in code: `cache:6379` [Data/Redis.cs:", Row("Built"));
        Assert.Contains("| not passed here |", Row("Reassigned"));
        Assert.Contains("| not passed here |", Row("PasswordOnly"));
        Assert.Contains("| `ConnectionString` | all (base file) | `basket:6379,password=***` |", output.Markdown);
        Assert.DoesNotContain("other:6379", output.All);
        foreach (var secret in new[] { "Redis-Secret-7", "Redis-Secret-8", "Redis-Secret-9" }) Assert.DoesNotContain(secret, output.All);
    }

    [Fact]
    public void A_project_without_stores_says_nothing_about_them_in_the_markdown_and_lists_the_topic_as_searched()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", """
            namespace Shop.Data { public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) { public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>(); } }
            """)));
        Assert.DoesNotContain("Stores opened without EF Core", output.Markdown);
        Assert.Contains("stores opened without EF Core", output.Json);
    }

    [Fact]
    public void Cosmos_client_databases_and_containers_are_reported_without_the_key()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Cosmos.cs", """
            using Microsoft.Azure.Cosmos;
            namespace Shop.Data
            {
                public class Catalog(IConfiguration configuration)
                {
                    private readonly CosmosClient _client = new CosmosClient(configuration.GetConnectionString("Cosmos"));
                    public Container Products() => _client.GetContainer("shop", "products");
                    public Database Shop() => _client.GetDatabase("shop");
                    public static CosmosClient WithKey() => new CosmosClient("https://shop.documents.azure.com:443/", "Q29zbW9zS2V5LVNlY3JldA==");
                }
            }
            """)), new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Cosmos": "AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=Q29zbW9zLUNzLVNlY3JldA==" } }""" });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Azure Cosmos DB (NoSQL) | CosmosClient (Microsoft.Azure.Cosmos) | `new CosmosClient` | named connection string `Cosmos`", md);
        Assert.Contains("| Azure Cosmos DB | container | `shop/products` |", md);
        Assert.Contains("| Azure Cosmos DB | database | `shop` |", md);
        Assert.Contains("`AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=***`", md);
        Assert.DoesNotContain("Q29zbW9zS2V5LVNlY3JldA==", output.All);
        Assert.DoesNotContain("Q29zbW9zLUNzLVNlY3JldA==", output.All);
    }

    [Fact]
    public void LiteDB_indexes_created_in_code_are_listed_and_a_repository_holding_the_database_shows_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Offline.cs", """
            using LiteDB;
            namespace Shop.Offline
            {
                public class Pending { public int Id { get; set; } public Guid OrderId { get; set; } public DateTime Due { get; set; } public string Country { get; set; } = ""; }
                public sealed class PendingRepository
                {
                    private readonly LiteDatabase _db;
                    private readonly ILiteCollection<Pending> _pending;
                    public PendingRepository(IConfiguration configuration)
                    {
                        _db = new LiteDatabase(configuration.GetConnectionString("Offline"));
                        _pending = _db.GetCollection<Pending>("pending");
                        _pending.EnsureIndex(x => x.OrderId, unique: true);
                        _pending.EnsureIndex(x => x.Due);
                        _pending.EnsureIndex("by_country", "$.Country");
                    }
                    public void Add(Pending p) => _pending.Insert(p);
                }
                // Trap: an EnsureIndex that is not LiteDB's.
                public class Search { public void EnsureIndex(Func<Pending, Guid> key, bool unique) { } }
                public class Setup { public void Run(Search s) => s.EnsureIndex(x => x.OrderId, unique: true); }
            }
            """)), new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Offline": "Filename=offline.db;Password=Lite-Index-Secret" } }""" });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| LiteDB | collection | `pending` | `Shop.Offline.Pending` |  | `PendingRepository.ctor` |", md);
        Assert.Contains("| LiteDB | index |  | `Shop.Offline.Pending` | OrderId, unique | `PendingRepository.ctor` |", md);
        Assert.Contains("| LiteDB | index |  | `Shop.Offline.Pending` | Due | `PendingRepository.ctor` |", md);
        Assert.Contains("| LiteDB | index |  | `Shop.Offline.Pending` | $.Country, named \"by\\_country\" | `PendingRepository.ctor` |", md);
        Assert.DoesNotContain("Setup.Run", md);
        // The LiteDatabase field is a data-access dependency too (only ILiteDatabase was recognised before).
        Assert.Contains("| ILiteCollection&lt;Pending> (LiteDB), LiteDatabase (LiteDB) |  |", md);
        // LiteDB encrypts its data file with the connection string's password (LiteDB 5's documentation): data at rest.
        Assert.Contains("| `ConnectionStrings:Offline` | all (base file) | `Password=***` | LiteDB encrypts its data file with this password (AES): data at rest | [appsettings.json:1](appsettings.json#L1) |", md);
        Assert.DoesNotContain("Lite-Index-Secret", output.All);
    }

    [Fact]
    public void Mongo_index_keys_name_the_stored_field_a_member_attribute_gives()
    {
        // Squidex: [BsonElement("_an")] public string IndexedName; the index is on _an, and was reported on IndexedName.
        var output = GeneratorHarness.Run(Sources.With(("Data/Apps.cs", """
            using System.Threading.Tasks;
            using MongoDB.Bson.Serialization.Attributes;
            using MongoDB.Driver;
            namespace Shop.Data
            {
                public class App
                {
                    [BsonId] public string Key { get; set; } = "";
                    public string Id { get; set; } = "";
                    [BsonElement("_an")] public string IndexedName { get; set; } = "";
                    [BsonElement(nameof(Team))] public string Team { get; set; } = "";
                }
                public class Apps(IMongoDatabase database)
                {
                    private readonly IMongoCollection<App> _apps = database.GetCollection<App>("States_Apps");
                    public Task Index() => _apps.Indexes.CreateOneAsync(new CreateIndexModel<App>(
                        Builders<App>.IndexKeys.Ascending(a => a.IndexedName).Ascending(a => a.Key).Ascending(a => a.Id).Descending(a => a.Team)));
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        // [BsonId] makes Key the _id; Id is then a plain field named Id.
        Assert.Contains("| MongoDB | index |  | `Shop.Data.App` | \\_an (IndexedName) ascending, \\_id (Key) ascending, Id ascending, Team descending | `Apps.Index` |", output.Markdown);
    }
    [Fact]
    public void A_generic_base_repository_opens_one_collection_per_concrete_subclass_named_by_its_override()
    {
        // Squidex's MongoRepositoryBase<T>: GetCollection<T>(CollectionName()) in the base; each subclass binds T and
        // overrides CollectionName. The base's line showed the raw type parameter ("MongoRepositoryBase`1+T").
        var output = GeneratorHarness.Run(Sources.With(("Data/Mongo.cs", """
            using MongoDB.Driver;
            namespace Shop.Data
            {
                public class Usage { public string Id { get; set; } = ""; }
                public class Migration { public string Id { get; set; } = ""; }
                public class Snapshot<T> { public string Id { get; set; } = ""; }
                public class Request { public string Id { get; set; } = ""; }
                public abstract class RepositoryBase<T>(IMongoDatabase database)
                {
                    protected IMongoCollection<T> Collection { get; private set; } = null!;
                    protected virtual string CollectionName() => string.Format("{0}Set", typeof(T).Name);
                    public void Create() => Collection = database.GetCollection<T>(CollectionName());
                }
                public sealed class UsageRepository(IMongoDatabase database) : RepositoryBase<Usage>(database)
                {
                    protected override string CollectionName()
                    {
                        return "UsagesV2";
                    }
                }
                public abstract class SnapshotStoreBase<T>(IMongoDatabase database) : RepositoryBase<Snapshot<T>>(database)
                {
                    protected override string CollectionName() => $"States_{typeof(T).Name}";
                }
                public sealed class MigrationStatus(IMongoDatabase database) : SnapshotStoreBase<Migration>(database)
                {
                    protected override string CollectionName() => "Migration";
                }
                public sealed class RequestLog(IMongoDatabase database) : SnapshotStoreBase<Request>(database) { }
                public sealed class Plain(IMongoDatabase database) : RepositoryBase<Request>(database) { }
                public abstract class Unbound<T>(IMongoDatabase database)
                {
                    public IMongoCollection<T> Open(string name) => database.GetCollection<T>(name);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.DoesNotContain("`1+T", output.All);
        Assert.Contains("| MongoDB | collection | `UsagesV2` | `Shop.Data.Usage` | opened by `RepositoryBase.Create` for `UsageRepository` | `UsageRepository.CollectionName` | [Data/Mongo.cs:23](Data/Mongo.cs#L23) |", md);
        Assert.Contains("| MongoDB | collection | `Migration` | ``Shop.Data.Snapshot`1[Shop.Data.Migration]`` | opened by `RepositoryBase.Create` for `MigrationStatus` | `MigrationStatus.CollectionName` | [Data/Mongo.cs:32](Data/Mongo.cs#L32) |", md);
        // An inherited override that computes its name: the name is not stated, and the row cites that override.
        Assert.Contains("| MongoDB | collection | computed | ``Shop.Data.Snapshot`1[Shop.Data.Request]`` | opened by `RepositoryBase.Create` for `RequestLog` | `SnapshotStoreBase.CollectionName` | [Data/Mongo.cs:28](Data/Mongo.cs#L28) |", md);
        // No override: the base's own (computed) name, cited where the collection is opened.
        Assert.Contains("| MongoDB | collection | computed | `Shop.Data.Request` | opened by `RepositoryBase.Create` for `Plain` | `RepositoryBase.Create` | [Data/Mongo.cs:17](Data/Mongo.cs#L17) |", md);
        // A type parameter no concrete class binds: no document type is claimed.
        Assert.Contains("| MongoDB | collection | computed |  | document type is the type parameter `T`, which no concrete class of this project binds | `Unbound.Open` |", md);
        // Abstract and generic classes open no collection of their own.
        Assert.DoesNotContain("for `SnapshotStoreBase`", md);
        Assert.DoesNotContain("for `RepositoryBase`", md);
    }
}
