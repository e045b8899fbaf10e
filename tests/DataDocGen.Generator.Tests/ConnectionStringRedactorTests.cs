using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Security;
using Xunit;

namespace DataDocGen.Generator.Tests;

public class ConnectionStringRedactorTests
{
    private const string Mask = ConnectionStringRedactor.Mask;

    /// <summary>name, input, secrets that must be absent, safe parts that must remain.</summary>
    public static IEnumerable<object[]> Corpus()
    {
        // ---- LiteDB: the file, its password and the connection mode
        yield return Case("litedb-password-and-mode",
            "Filename=data/offline-shipments.db;Password=L1teDb-Offline-Secret;Connection=shared",
            new[] { "L1teDb-Offline-Secret" },
            new[] { "Filename=data/offline-shipments.db", "Connection=shared" });
        // ---- SQL Server
        yield return Case("sqlserver-basic",
            "Server=tcp:shop-sql.database.windows.net,1433;Initial Catalog=ShopDb;User ID=shopadmin;Password=Sup3r$ecret!;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;",
            new[] { "Sup3r$ecret!" },
            new[] { "shop-sql.database.windows.net,1433", "ShopDb", "shopadmin", "Encrypt=True", "Connection Timeout=30" });
        yield return Case("sqlserver-quoted-password-with-semicolon",
            "Data Source=sql01;Initial Catalog=Orders;User Id=app;Password=\"pa;ss=w0rd\";",
            new[] { "pa;ss", "ss=w0rd", "w0rd" },
            new[] { "sql01", "Orders", "User Id=app" });
        yield return Case("sqlserver-single-quoted-password-with-doubled-quote",
            "Server=sql02;Database=Crm;User Id=crm;Password='it''s;Secret99';MultipleActiveResultSets=true",
            new[] { "it''s", "Secret99", "it's" },
            new[] { "sql02", "Crm", "User Id=crm", "MultipleActiveResultSets=true" });
        yield return Case("sqlserver-pwd-uid",
            "Server=localhost,1433;Database=Inventory;Uid=sa;Pwd=YourStrong(!)Passw0rd;",
            new[] { "YourStrong(!)Passw0rd", "Passw0rd" },
            new[] { "localhost,1433", "Inventory", "Uid=sa" });
        yield return Case("sqlserver-aad-password",
            "Server=tcp:aad.database.windows.net;Authentication=Active Directory Password;Database=Hr;User ID=alice@contoso.com;Password=AadP@ss-2024;",
            new[] { "AadP@ss-2024" },
            new[] { "aad.database.windows.net", "Hr", "alice@contoso.com" });
        yield return Case("sqlserver-localdb-trusted",
            "Server=(localdb)\\mssqllocaldb;Database=Blogging;Trusted_Connection=True;",
            Array.Empty<string>(),
            new[] { "(localdb)\\mssqllocaldb", "Blogging", "Trusted_Connection=True" });
        yield return Case("odbc-braced-password",
            "Driver={ODBC Driver 18 for SQL Server};Server=odbc-host;Database=Fin;Uid=fin;Pwd={br;ace}}d-pw};",
            new[] { "br;ace", "ace}}d-pw", "d-pw" },
            new[] { "odbc-host", "Fin", "Uid=fin" });

        // ---- PostgreSQL
        yield return Case("npgsql",
            "Host=pg.internal;Port=5432;Database=catalog;Username=catalog_rw;Password=pg-S3cret-9;SSL Mode=Require;Trust Server Certificate=true",
            new[] { "pg-S3cret-9" },
            new[] { "pg.internal", "5432", "catalog", "catalog_rw", "SSL Mode=Require" });
        yield return Case("postgres-uri",
            "postgres://reporter:r3p0rt-pw@pg.example.com:5432/analytics?sslmode=require&application_name=dash",
            new[] { "r3p0rt-pw" },
            new[] { "reporter", "pg.example.com:5432", "/analytics", "sslmode=require", "application_name=dash" });
        yield return Case("postgresql-uri-password-in-query",
            "postgresql://pg.example.com/analytics?user=bob&password=qu3ry-pw",
            new[] { "qu3ry-pw" },
            new[] { "pg.example.com", "analytics" });

        // ---- MySQL
        yield return Case("mysql",
            "Server=mysql.local;Port=3306;Database=wordpress;Uid=wp;Pwd=Wp#Pass_77;SslMode=Preferred;AllowUserVariables=true",
            new[] { "Wp#Pass_77" },
            new[] { "mysql.local", "3306", "wordpress", "Uid=wp", "SslMode=Preferred" });
        yield return Case("mysql-uri",
            "mysql://root:rootpw123@127.0.0.1:3306/shop",
            new[] { "rootpw123" },
            new[] { "root", "127.0.0.1:3306", "shop" });

        // ---- Oracle
        yield return Case("oracle-descriptor",
            "Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora-db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCLPDB1)));User Id=hr;Password=Tiger#2024;",
            new[] { "Tiger#2024" },
            new[] { "ora-db", "ORCLPDB1", "User Id=hr" });
        yield return Case("oracle-ezconnect-credentials-in-data-source",
            "Data Source=scott/tig3r@ora-host:1521/orcl;Pooling=true",
            new[] { "tig3r", "scott/tig3r" },
            new[] { "ora-host:1521/orcl", "Pooling=true" });

        // ---- SQLite
        yield return Case("sqlite-plain",
            "Data Source=app.db",
            Array.Empty<string>(),
            new[] { "Data Source=app.db" });
        yield return Case("sqlite-sqlcipher",
            "Data Source=secure.db;Mode=ReadWriteCreate;Password=c1pher-key",
            new[] { "c1pher-key" },
            new[] { "secure.db", "Mode=ReadWriteCreate" });

        // ---- Redis
        yield return Case("redis-config-string",
            "shop-cache.redis.cache.windows.net:6380,password=RedisK3y+abc/def=,ssl=True,abortConnect=False,defaultDatabase=2",
            new[] { "RedisK3y+abc/def=", "RedisK3y" },
            new[] { "shop-cache.redis.cache.windows.net:6380", "ssl=True", "abortConnect=False", "defaultDatabase=2" });
        yield return Case("redis-config-password-with-comma",
            "localhost:6379,user=app,password=ab,cd-secret,connectTimeout=5000",
            new[] { "ab,cd-secret", "cd-secret" },
            new[] { "localhost:6379", "user=app", "connectTimeout=5000" });
        yield return Case("rediss-uri",
            "rediss://default:Rd1sPassw0rd@cache.example.com:6380/0",
            new[] { "Rd1sPassw0rd" },
            new[] { "default", "cache.example.com:6380" });
        yield return Case("redis-uri-token-only",
            "redis://:t0ken-only-pw@10.0.0.5:6379",
            new[] { "t0ken-only-pw" },
            new[] { "10.0.0.5:6379" });

        // ---- MongoDB
        yield return Case("mongodb",
            "mongodb://appuser:M0ngoPw!@mongo1:27017,mongo2:27017/orders?replicaSet=rs0&authSource=admin&tlsCertificateKeyFilePassword=kfpw1",
            new[] { "M0ngoPw!", "kfpw1" },
            new[] { "appuser", "mongo1:27017,mongo2:27017", "orders", "replicaSet=rs0", "authSource=admin" });
        yield return Case("mongodb-srv",
            "mongodb+srv://admin:P%40ss%2Fw0rd@cluster0.ab1cd.mongodb.net/shop?retryWrites=true&w=majority",
            new[] { "P%40ss%2Fw0rd", "w0rd" },
            new[] { "admin", "cluster0.ab1cd.mongodb.net", "shop", "retryWrites=true", "w=majority" });
        yield return Case("mongodb-unencoded-at-and-slash-in-password",
            "mongodb://ops:p@ss/w?rd@mongo.internal:27017/admin",
            new[] { "p@ss", "ss/w", "w?rd" },
            new[] { "ops", "mongo.internal:27017" });

        // ---- Azure
        yield return Case("cosmos",
            "AccountEndpoint=https://shop-cosmos.documents.azure.com:443/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==;Database=Catalog",
            new[] { "C2y6yDjf5", "Jw==", "ob0N8A7Cgv30VRDJIWEHLM" },
            new[] { "https://shop-cosmos.documents.azure.com:443/", "Database=Catalog", "AccountKey=" });
        yield return Case("azure-storage-account-key",
            "DefaultEndpointsProtocol=https;AccountName=shopfiles;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net",
            new[] { "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq", "KBHBeksoGMGw==" },
            new[] { "DefaultEndpointsProtocol=https", "AccountName=shopfiles", "EndpointSuffix=core.windows.net" });
        yield return Case("azure-storage-sas-connection-string",
            "BlobEndpoint=https://shopfiles.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig=9aCzs76n0E7y5BpEi2GvsSv433BZa22leDOZXX%2BXXIU%3D",
            new[] { "9aCzs76n0E7y5BpEi2GvsSv433BZa22leDOZXX", "sig=9a", "sp=rl" },
            new[] { "https://shopfiles.blob.core.windows.net/", "SharedAccessSignature=" });
        yield return Case("azure-blob-sas-url",
            "https://shopfiles.blob.core.windows.net/images?sv=2022-11-02&ss=b&sp=r&se=2030-01-01&sig=Zm9vYmFyYmF6cXV4%2Bsecret%3D",
            new[] { "Zm9vYmFyYmF6cXV4", "secret" },
            new[] { "shopfiles.blob.core.windows.net", "/images" });
        yield return Case("service-bus",
            "Endpoint=sb://shop-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=k3yV4lue/abc+def=;EntityPath=orders",
            new[] { "k3yV4lue/abc+def=", "k3yV4lue" },
            new[] { "sb://shop-bus.servicebus.windows.net/", "SharedAccessKeyName=RootManageSharedAccessKey", "EntityPath=orders" });
        yield return Case("event-hubs-endpoint-uri-with-credentials",
            "Endpoint=sb://ops:hubpw99@hub.servicebus.windows.net/;EntityPath=telemetry",
            new[] { "hubpw99" },
            new[] { "hub.servicebus.windows.net", "EntityPath=telemetry" });

        // ---- RabbitMQ
        yield return Case("amqp",
            "amqp://rabbit_user:Rabb1tPw@rabbit.local:5672/prod-vhost",
            new[] { "Rabb1tPw" },
            new[] { "rabbit_user", "rabbit.local:5672", "prod-vhost" });
        yield return Case("amqps-token-userinfo",
            "amqps://s3cr3tT0kenOnly@broker.example.com",
            new[] { "s3cr3tT0kenOnly" },
            new[] { "broker.example.com" });

        // ---- Opaque secrets stored as configuration values
        yield return Case("jwt-signing-key",
            "ThisIsMyVerySecretJwtSigningKeyForHS256!",
            new[] { "ThisIsMyVerySecretJwtSigningKeyForHS256", "Secret" },
            Array.Empty<string>());
        yield return Case("jwt-token",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            new[] { "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "dozjgNryP4J3jVmNHl0w5N", "R8U" },
            Array.Empty<string>());
        yield return Case("api-key-underscored",
            "sk_live_51H8xyzABCdef0123456789",
            new[] { "51H8xyzABCdef0123456789", "sk_live" },
            Array.Empty<string>());
        yield return Case("api-key-hex",
            "3f9a7c2e1b4d8f60a5c3e7d9",
            new[] { "3f9a7c2e1b4d8f60a5c3e7d9" },
            Array.Empty<string>());
        yield return Case("aws-style-secret-with-slashes",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            new[] { "wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY" },
            Array.Empty<string>());
        yield return Case("guid-key",
            "5f3c9b2a-8d1e-4c7f-9a6b-0e2d4f8c1a3b",
            new[] { "5f3c9b2a", "0e2d4f8c1a3b" },
            Array.Empty<string>());
        yield return Case("base64-padded-short",
            "c2VjcmV0=",
            new[] { "c2VjcmV0" },
            Array.Empty<string>());
        yield return Case("https-api-key-in-query",
            "https://api.payments.example.com/v1/charges?api_key=pk_9xYz8wVu7tSr6qPo&timeout=30",
            new[] { "pk_9xYz8wVu7tSr6qPo", "9xYz8wVu7tSr6qPo" },
            new[] { "api.payments.example.com", "/v1/charges", "timeout=30" });
        yield return Case("webhook-token-in-path",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            new[] { "XXXXXXXXXXXXXXXXXXXXXXXX" },
            new[] { "hooks.slack.com", "/services/" });
        yield return Case("git-token-as-user",
            "https://ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ:x-oauth-basic@github.com/org/repo.git",
            new[] { "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ", "1a2B3c4D5e6F7g8H9i0J", "x-oauth-basic" },
            new[] { "github.com", "/org/repo.git" });
    }

    private static object[] Case(string name, string input, string[] secrets, string[] safe) =>
        new object[] { name, input, secrets, safe };

    [Fact]
    public void Corpus_has_at_least_30_cases()
    {
        Assert.True(Corpus().Count() >= 30);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Secrets_are_absent_and_safe_parts_remain(string name, string input, string[] secrets, string[] safe)
    {
        string output = ConnectionStringRedactor.Redact(input);

        foreach (string secret in secrets)
        {
            Assert.True(output.IndexOf(secret, StringComparison.Ordinal) < 0, $"{name}: secret '{secret}' leaked in '{output}'");
        }

        foreach (string part in safe)
        {
            Assert.True(output.IndexOf(part, StringComparison.Ordinal) >= 0, $"{name}: safe part '{part}' missing from '{output}'");
        }

        if (secrets.Length > 0)
        {
            Assert.Contains(Mask, output);
        }
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Redacting_twice_is_stable(string name, string input, string[] secrets, string[] safe)
    {
        _ = secrets;
        _ = safe;
        string once = ConnectionStringRedactor.Redact(input);
        Assert.True(once == ConnectionStringRedactor.Redact(once), name);
    }

    [Theory]
    [InlineData("Server=db;Database=Shop;User Id=sa;Password=secret;", "Server=db;Database=Shop;User Id=sa;Password=***;")]
    [InlineData("Server=db;Password='a;b';Database=Shop", "Server=db;Password=***;Database=Shop")]
    [InlineData("Data Source=app.db", "Data Source=app.db")]
    [InlineData("Host = pg ; Password = x ; Port = 5432", "Host = pg ; Password = ***; Port = 5432")]
    // Marten's Helpdesk sample: the space after "=" was dropped with the value ("PASSWORD =***").
    [InlineData("DATABASE = 'postgres'; PASSWORD = 'Password12!'; USER ID = 'postgres'", "DATABASE = 'postgres'; PASSWORD = ***; USER ID = 'postgres'")]
    [InlineData("Server=db;Foo=bar", "Server=db;Foo=***")]
    [InlineData("Server=db;Password=x;Tcp Keepalive=true;Database=Shop", "Server=db;Password=***;***;Database=Shop")]
    [InlineData("Server=db;garbage;Database=Shop", "Server=db;***;Database=Shop")]
    [InlineData("Server=db;Pass==word=x;Database=Shop", "Server=db;***;Database=Shop")]
    [InlineData("Server='db;Password=leak", "Server=***")]
    [InlineData("Server={db;Password=leak}", "Server=***")]
    [InlineData("Server=\"db\" trailing;Database=Shop", "Server=***;Database=Shop")]
    [InlineData("SharedAccessKeyName=Listen;SharedAccessKey=abc", "SharedAccessKeyName=Listen;SharedAccessKey=***")]
    [InlineData("UseDevelopmentStorage=true", "UseDevelopmentStorage=true")]
    [InlineData("Data Source=rules.db;Cache=Shared;Default Timeout=5;Password=x", "Data Source=rules.db;Cache=Shared;Default Timeout=5;Password=***")] // Microsoft.Data.Sqlite's command timeout
    public void Key_value_form_keeps_layout(string input, string expected)
    {
        Assert.Equal(expected, ConnectionStringRedactor.Redact(input));
    }

    [Theory]
    [InlineData("postgres://u:p@h:5432/db", "postgres://u:***@h:5432/db")]
    [InlineData("redis://:tok@h:6379", "redis://:***@h:6379")]
    [InlineData("https://tok@h/x", "https://***@h/x")]
    [InlineData("mongodb://h1,h2/db?replicaSet=rs0&ssl=true", "mongodb://h1,h2/db?replicaSet=rs0&ssl=true")]
    [InlineData("https://h/p?x=1&token=abc#frag", "https://h/p?x=***&token=***#***")]
    [InlineData("https://h/p?email=a@b.com", "https://***")]
    [InlineData("redis://default:pw", "redis://***")]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("file:///var/data/app.db", "file:///var/data/app.db")]
    [InlineData("HTTPS://Example.com/Path", "HTTPS://Example.com/Path")]
    [InlineData("jdbc:postgresql://u:pw@h/db", "jdbc:postgresql://u:***@h/db")]
    public void Uri_form(string input, string expected)
    {
        Assert.Equal(expected, ConnectionStringRedactor.Redact(input));
    }

    [Theory]
    [InlineData("localhost:6379,abortConnect=false", "localhost:6379,abortConnect=false")]
    [InlineData("r1:6379, r2:6380,password=pw,ssl=true", "r1:6379, r2:6380,password=***,ssl=true")]
    [InlineData("localhost,password=x,$CONFIG=cfg", "localhost,password=***,***")]
    [InlineData("password=x,localhost", "password=***,***")]
    [InlineData("Server=host,1433", "Server=host,1433")]
    [InlineData("redis1,redis2", "***")]
    [InlineData("redis1,redis2,abortConnect=false", "redis1,redis2,abortConnect=false")]
    [InlineData("redis1:6379,redis2:6380", "redis1:6379,redis2:6380")]
    public void Redis_configuration_form(string input, string expected)
    {
        Assert.Equal(expected, ConnectionStringRedactor.Redact(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("localhost")]
    [InlineData("app.db")]
    [InlineData("data/app.db")]
    [InlineData("Information")]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData("true")]
    [InlineData("30")]
    [InlineData("00:00:30")]
    [InlineData("db-server_01.local")]
    [InlineData("localhost:6379")]
    public void Safe_bare_values_are_kept(string value)
    {
        Assert.Equal(value, ConnectionStringRedactor.Redact(value));
    }

    [Theory]
    [InlineData("P@ssw0rd!")]
    [InlineData("correct horse battery staple")]
    [InlineData("abcdefghijklmnopqrstuvwxyz")]
    [InlineData("a1b2c3d4e5f6g7h8")]
    [InlineData("{5f3c9b2a-8d1e-4c7f-9a6b-0e2d4f8c1a3b}")]
    [InlineData("dGVzdA==")]
    [InlineData("user:pass")]
    [InlineData("C:\\data\\app.db")]
    [InlineData("host:port:extra")]
    [InlineData("abc=def;ghi")]
    [InlineData("Foo=bar")]
    [InlineData("sv=2022-11-02&ss=b&sig=abc")]
    [InlineData("xq7://opaque-part")]
    [InlineData("host:6,Q+&-")]
    [InlineData("abc:3,defgh")]
    [InlineData("abc:3,de=fgh")]
    public void Opaque_values_are_masked(string value)
    {
        Assert.Equal(Mask, ConnectionStringRedactor.Redact(value));
    }

    [Theory]
    [InlineData("Password")]
    [InlineData("Jwt:SigningKey")]
    [InlineData("Stripe:ApiKey")]
    [InlineData("client_secret")]
    [InlineData("Auth:Token")]
    [InlineData("Storage:SasSignature")]
    [InlineData("Db:PWD")]
    [InlineData("Google:Credentials")]
    public void Sensitive_names_are_recognised(string name)
    {
        Assert.True(ConnectionStringRedactor.IsSensitiveName(name));
    }

    [Theory]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("ServiceBus:SharedAccessKeyName")]
    [InlineData("Mongo:authSource")]
    [InlineData("AllowedHosts")]
    public void Ordinary_names_are_not_sensitive(string name)
    {
        Assert.False(ConnectionStringRedactor.IsSensitiveName(name));
    }

    private const string PasswordAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789;=,'\"{}@:/?#&%+!$ -_.";

    private static string RandomPassword(Random random)
    {
        var chars = new char[random.Next(6, 24)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = PasswordAlphabet[random.Next(PasswordAlphabet.Length)];
        }

        // A distinctive prefix so "absent from the output" cannot pass or fail by coincidence with the safe parts.
        return "Zq" + new string(chars);
    }

    [Fact]
    public void Random_passwords_never_leak_in_any_form()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 3000; i++)
        {
            string password = RandomPassword(random);

            // ADO.NET quoting as DbConnectionStringBuilder writes it: quote when the value has ; ' " or leading space.
            string quoted = password.IndexOfAny(new[] { ';', '\'', '"' }) >= 0
                ? "\"" + password.Replace("\"", "\"\"") + "\""
                : password;
            AssertNoLeak(password, "Server=db01;Database=Shop;User Id=app;Password=" + quoted + ";Encrypt=True", "db01", "Shop");
            AssertNoLeak(password, "Host=pg;Password=" + quoted, "Host=pg");

            // Careless: unquoted, so ';' and '=' inside split it into fake segments.
            AssertNoLeak(password, "Server=db01;Password=" + password + ";Database=Shop", "db01");

            // URIs with the password written raw (not percent-encoded), the worst case.
            AssertNoLeak(password, "postgres://app:" + password + "@pg.example.com:5432/shop", "pg.example.com:5432");
            AssertNoLeak(password, "redis://:" + password + "@cache:6379", "cache:6379");

            // StackExchange.Redis: the password cannot contain ',' there, but a careless one still must not leak.
            // (A ';' in it makes the whole string look like key=value pairs: over-masked, which is acceptable.)
            AssertNoLeak(password, "cache:6379,password=" + password + ",ssl=true", password.IndexOf(';') < 0 ? "cache:6379" : Mask);

            // An opaque value stored alone. By design a value shaped like a host or file name, or a list of host:port,
            // cannot be told from one and is kept, so only assert for values outside that shape.
            if (!IsHostShaped(password.Trim()))
            {
                AssertNoLeak(password, password);
            }
        }
    }

    /// <summary>The documented "kept as is" shape: letters, digits, . - _ / with an optional :port, or ','-separated host:port items.</summary>
    private static bool IsHostShaped(string value)
    {
        string[] items = value.Split(',');
        foreach (string raw in items)
        {
            string item = raw.Trim();
            int colon = item.IndexOf(':');
            string host = colon < 0 ? item : item.Substring(0, colon);
            string port = colon < 0 ? "0" : item.Substring(colon + 1);
            bool ok = host.Length > 0
                && host.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/')
                && port.Length > 0 && port.All(char.IsAsciiDigit)
                && (items.Length == 1 || colon > 0);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertNoLeak(string password, string input, params string[] safe)
    {
        string output = ConnectionStringRedactor.Redact(input);
        Assert.True(output.IndexOf(password, StringComparison.Ordinal) < 0, $"'{password}' leaked: '{input}' -> '{output}'");
        Assert.True(output.IndexOf("Zq", StringComparison.Ordinal) < 0, $"part of '{password}' leaked: '{input}' -> '{output}'");
        foreach (string part in safe)
        {
            Assert.True(output.IndexOf(part, StringComparison.Ordinal) >= 0, $"'{part}' missing: '{input}' -> '{output}'");
        }
    }

    [Fact]
    public void Hostile_inputs_never_throw_and_never_echo_the_secret()
    {
        string[] inputs =
        {
            "=", "==", ";", ";;;", ",", ",,", "://", "a://", "a://@", "a://:@", "@", "'", "\"", "{",
            "Password=", "Password='", "Password=\"unterminated;Server=x", "Server=x;Password={a;b",
            "x://h?", "x://h?&&", "x://h#", "x://[::1]:5432/db", "x://[::1", "jdbc:mysql://u:topsecret@h/db",
            new string(';', 5000), new string('=', 5000), new string('@', 5000),
            "Server=" + new string('\'', 5000), "a:" + new string('/', 5000),
        };

        foreach (string input in inputs)
        {
            string output = ConnectionStringRedactor.Redact(input);
            Assert.NotNull(output);
            Assert.DoesNotContain("topsecret", output);
            Assert.DoesNotContain("unterminated", output);
        }
    }
}
