using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// Issue 7's secrets corpus: 50+ connection strings and configuration shapes, each carrying distinct secret markers,
/// reach the report through every path that prints configuration or code values (EF Core providers, ADO.NET and
/// NoSQL clients, cache registrations, literals in code). No marker may appear in any output; each key must still be
/// reported, so the test cannot pass by reporting nothing.
/// </summary>
public class SecretsCorpusTests
{
    private static readonly (string Key, string Value, string[] Secrets)[] Corpus =
    [
        // SQL Server
        ("Sql01", "Server=tcp:db.example,1433;Initial Catalog=Shop;User ID=app;Password=S01-pass;Encrypt=True", ["S01-pass"]),
        ("Sql02", "Data Source=.;Database=Shop;UID=sa;PWD={S02;braced=pass}", ["S02", "braced=pass"]),
        ("Sql03", "Server=db;Database=Shop;User Id=app;Password=\"S03 quoted;pass\"", ["S03 quoted", "quoted;pass"]),
        ("Sql04", "Server=db;Database=Shop;User Id=app;Password='S04''single'", ["S04", "single"]),
        ("Sql05", "Server=db;Database=Shop;Authentication=Active Directory Service Principal;User Id=client;Password=S05-client-secret", ["S05-client-secret"]),
        ("Sql06", "Server=db;Database=Shop;Column Encryption Setting=Enabled;User Id=app;Password=S06-ae", ["S06-ae"]),
        ("Sql07", "Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=app;Pwd=S07-odbc;", ["S07-odbc"]),
        ("Sql08", "Provider=MSOLEDBSQL;Data Source=db;User ID=app;Password=S08-oledb", ["S08-oledb"]),
        ("Sql09", "sqlserver://app:S09-uri@db.example:1433;database=Shop", ["S09-uri"]),
        ("Sql10", "Server=db;Database=Shop;User Id=app;Password=S10=with=equals;Pooling=true", ["S10=with=equals", "with=equals"]),
        // PostgreSQL
        ("Pg01", "Host=pg;Port=5432;Database=shop;Username=app;Password=P01-pass;SSL Mode=Require", ["P01-pass"]),
        ("Pg02", "postgres://app:P02-uri@pg.example:5432/shop?sslmode=require", ["P02-uri"]),
        ("Pg03", "postgresql://app:P03%40enc@pg.example/shop", ["P03%40enc", "P03@enc"]),
        ("Pg04", "Host=pg;Database=shop;Username=app;Password=P04-pass;Root Certificate=/certs/root.crt;SSL Password=P04-sslpass", ["P04-pass", "P04-sslpass"]),
        ("Pg05", "Server=pg;User Id=app;Password=P05-pass;Database=shop;Keepalive=30", ["P05-pass"]),
        ("Pg06", "Host=pg;Database=shop;Username=app;Passfile=/home/app/.pgpass-P06", ["P06"]),
        // MySQL / MariaDB
        ("My01", "Server=mysql;Database=shop;Uid=app;Pwd=M01-pass;SslMode=Required", ["M01-pass"]),
        ("My02", "mysql://app:M02-uri@mysql.example:3306/shop", ["M02-uri"]),
        ("My03", "Server=mysql;Database=shop;User=app;Password=M03-pass;AllowUserVariables=true", ["M03-pass"]),
        ("My04", "mariadb://app:M04-uri@maria.example/shop", ["M04-uri"]),
        // Oracle
        ("Ora01", "User Id=app;Password=O01-pass;Data Source=ora.example:1521/ORCL", ["O01-pass"]),
        ("Ora02", "Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=orcl)));User Id=app;Password=O02-pass", ["O02-pass"]),
        ("Ora03", "oracle://app:O03-uri@ora.example:1521/orcl", ["O03-uri"]),
        // SQLite
        ("Lite01", "Data Source=shop.db;Password=L01-pass", ["L01-pass"]),
        ("Lite02", "Data Source=shop.db;Mode=ReadWriteCreate;Cache=Shared;Password=L02-pass", ["L02-pass"]),
        // Redis
        ("Redis01", "redis.example:6380,password=R01-pass,ssl=True,abortConnect=False", ["R01-pass"]),
        ("Redis02", "rediss://default:R02-uri@redis.example:6380", ["R02-uri"]),
        ("Redis03", "redis://:R03-tokenonly@redis.example:6379/0", ["R03-tokenonly"]),
        ("Redis04", "redis1:6379,redis2:6379,user=app,password=R04-pass,serviceName=mymaster", ["R04-pass"]),
        ("Redis05", "redis.example,password=R05=eq,connectTimeout=5000", ["R05=eq", "R05"]),
        // MongoDB
        ("Mongo01", "mongodb+srv://app:G01-pass@cluster0.example.net/shop?retryWrites=true&w=majority", ["G01-pass"]),
        ("Mongo02", "mongodb://app:G02-pass@m1.example:27017,m2.example:27017/shop?replicaSet=rs0&authSource=admin", ["G02-pass"]),
        ("Mongo03", "mongodb://G03-useronlytoken@m1.example/shop", ["G03-useronlytoken"]),
        ("Mongo04", "mongodb://app:G04-pass@m1.example/shop?tlsCertificateKeyFilePassword=G04-certpass", ["G04-pass", "G04-certpass"]),
        // Cosmos DB
        ("Cosmos01", "AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=QzAxLWNvc21vcy1rZXk=;Database=shop", ["QzAxLWNvc21vcy1rZXk="]),
        ("Cosmos02", "AccountEndpoint=https://shop.documents.azure.com:443/;AccountKey=QzAyLWtleQ==", ["QzAyLWtleQ=="]),
        ("Cosmos03", "AccountEndpoint=https://shop.documents.azure.com:443/;ResourceToken=type%3Dresource%26sig%3DC03sig", ["C03sig"]),
        // Azure Storage
        ("Storage01", "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=U3QwMS1rZXk=;EndpointSuffix=core.windows.net", ["U3QwMS1rZXk="]),
        ("Storage02", "BlobEndpoint=https://shop.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=St02Sig", ["St02Sig"]),
        ("Storage03", "https://shop.blob.core.windows.net/container?sv=2022-11-02&se=2030-01-01&sp=r&sig=St03Sig%3D", ["St03Sig"]),
        // Service Bus / Event Hubs
        ("Bus01", "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=QjAxLWJ1cy1rZXk=", ["QjAxLWJ1cy1rZXk="]),
        ("Bus02", "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=QjAyLWtleQ==;EntityPath=orders", ["QjAyLWtleQ=="]),
        ("Hub01", "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessSignature=SharedAccessSignature sr=x&sig=H01sig&se=1&skn=send", ["H01sig"]),
        // RabbitMQ and other broker URIs
        ("Rabbit01", "amqp://app:Q01-pass@rabbit.example:5672/vhost", ["Q01-pass"]),
        ("Rabbit02", "amqps://app:Q02-pass@rabbit.example/", ["Q02-pass"]),
        ("Kafka01", "kafka://app:K01-pass@kafka.example:9093", ["K01-pass"]),
        ("Nats01", "nats://app:N01-pass@nats.example:4222", ["N01-pass"]),
        // HTTP APIs with credentials
        ("Http01", "https://app:W01-pass@api.example.com/v1", ["W01-pass"]),
        ("Http02", "https://api.example.com/v1?api_key=W02-key&region=eu", ["W02-key"]),
        ("Http03", "https://api.example.com/v1#access_token=W03-token", ["W03-token"]),
        // Bare secrets under configuration keys a connection is read from (JWT keys, API keys, tokens)
        ("JwtKey", "c2lnbmluZy1rZXktSjAxLXZlcnktbG9uZy1zZWNyZXQ=", ["c2lnbmluZy1rZXktSjAxLXZlcnktbG9uZy1zZWNyZXQ="]),
        ("ApiKey", "sk_live_A01ApiKeyValue", ["sk_live_A01ApiKeyValue", "A01ApiKeyValue"]),
        ("GitHubToken", "ghp_T01tokenValueXYZ", ["ghp_T01tokenValueXYZ", "T01tokenValueXYZ"]),
        ("Bearer", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJCMDEifQ.B01sig", ["eyJhbGciOiJIUzI1NiJ9", "B01sig"]),
        ("PrivateKey", "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBgkqhkiG9w0BAQEFAASC-PK01-----END PRIVATE KEY-----", ["MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "PK01"]),
        ("Opaque", "Opaque01SecretWithoutShape", ["Opaque01SecretWithoutShape"]),
    ];

    /// <summary>The APIs each key is read through, in rotation: every printing path sees many shapes.</summary>
    private static readonly string[] Paths =
    [
        "services.AddDbContext<Ctx{0}>(o => o.UseSqlServer(config.GetConnectionString(\"{1}\")));",
        "services.AddDbContext<Ctx{0}>(o => o.UseNpgsql(config[\"ConnectionStrings:{1}\"]));",
        "_ = new Microsoft.Data.SqlClient.SqlConnection(config.GetConnectionString(\"{1}\"));",
        "_ = Npgsql.NpgsqlDataSource.Create(config.GetConnectionString(\"{1}\")!);",
        "_ = new MongoDB.Driver.MongoClient(config.GetConnectionString(\"{1}\"));",
        "_ = StackExchange.Redis.ConnectionMultiplexer.Connect(config.GetConnectionString(\"{1}\")!);",
        "services.AddStackExchangeRedisCache(o => o.Configuration = config.GetConnectionString(\"{1}\"));",
        "_ = new LiteDB.LiteDatabase(config.GetConnectionString(\"{1}\"));",
    ];

    [Fact]
    public void Corpus_has_at_least_fifty_shapes_and_no_secret_reaches_any_output()
    {
        Assert.True(Corpus.Length >= 50, "the corpus must hold at least 50 shapes, it holds " + Corpus.Length);
        var contexts = string.Join("\n", Corpus.Select((c, i) => $"public class Ctx{i}(DbContextOptions<Ctx{i}> o) : DbContext(o) {{ }}"));
        var calls = string.Join("\n", Corpus.Select((c, i) => "        " + string.Format(Paths[i % Paths.Length], i, c.Key)));
        // Literals in code take the same shapes (every fourth entry), through a provider call and a client constructor.
        var literals = string.Join("\n", Corpus.Where((_, i) => i % 4 == 0).Select((c, i) =>
            "        " + (i % 2 == 0 ? $"_ = new Microsoft.Data.SqlClient.SqlConnection({Literal(c.Value)});" : $"_ = new MongoDB.Driver.MongoClient({Literal(c.Value)});")));
        var sources = Sources.With(("Program.cs", $$"""
            {{contexts}}
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration config)
                {
            {{calls}}
            {{literals}}
                }
            }
            """));
        var appSettings = "{ \"ConnectionStrings\": {\n" + string.Join(",\n", Corpus.Select(c => $"  \"{c.Key}\": {Literal(c.Value)}")) + "\n} }";

        var output = GeneratorHarness.Run(sources, new Dictionary<string, string>
        {
            ["appsettings.json"] = appSettings,
            ["appsettings.Staging.json"] = appSettings,
        });

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.NotNull(output.Markdown);
        // Every file the payload carries, inflated (the payload's own text is deflated bytes in base64, where a short
        // secret such as "S04" can appear by chance).
        var all = output.All;
        foreach (var ((key, _, secrets), index) in Corpus.Select((c, i) => (c, i)))
        {
            // Reported (the cache registration names its key without printing values)...
            if (!Paths[index % Paths.Length].Contains("AddStackExchangeRedisCache", StringComparison.Ordinal))
            {
                Assert.Contains("`ConnectionStrings:" + key + "` | Staging |", output.Markdown);
            }
            foreach (var secret in secrets) Assert.False(all.Contains(secret, StringComparison.Ordinal), key + " leaked " + secret); // ...never its secret
        }
    }

    private static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
