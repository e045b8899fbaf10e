using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// What a database client does in transit when the connection string the code hands it says nothing about TLS (section
/// 4.1), said only as a fact of the client version the project references, for the versions checked at run time:
/// <list type="bullet">
/// <item>Npgsql 10.0 (checked on 10.0.3): <c>SslMode</c> defaults to <c>Prefer</c> and <c>GssEncryptionMode</c> to
/// <c>Prefer</c> (<c>new NpgsqlConnectionStringBuilder("Host=db")</c>; GSS encryption, as libpq's <c>gssencmode=prefer</c>,
/// is negotiated before TLS when Kerberos can be used); with <c>SslMode=Prefer</c> Npgsql sends an SSLRequest, accepts
/// any server certificate (a self-signed one for another name, against a listener answering 'S'), and goes on
/// unencrypted when the server answers 'N' (NpgsqlConnector.RawOpen and NegotiateEncryption). No environment variable
/// sets the SSL mode (PostgresEnvironment has none).</item>
/// <item>MongoDB.Driver 3.14 (checked on 3.14.0): <c>MongoClientSettings.FromConnectionString("mongodb://...").UseTls</c> is
/// false, and the driver's first bytes to a listener are the plain wire protocol; <c>new MongoUrl("mongodb+srv://...").UseTls</c> is true.</item>
/// <item>StackExchange.Redis 2.8 (checked on 2.8.16): <c>ConfigurationOptions.Parse("host:6380").Ssl</c> is false and the
/// first bytes to a listener are a plain <c>CLIENT</c> command; but for Azure Cache for Redis hosts (the Azure options
/// provider, chosen by host name) <c>ssl</c> defaults to true on port 6380, so no claim is made for a host under an Azure
/// or sovereign-cloud domain.</item>
/// <item>Microsoft.Data.SqlClient 6.1 (checked on 6.1.8): <c>Encrypt</c> defaults to <c>True</c> (Mandatory) and
/// <c>TrustServerCertificate</c> to <c>False</c> (<c>new SqlConnectionStringBuilder("Server=db")</c>), and the PRELOGIN packet a
/// listener receives asks for encryption (ENCRYPTION option 0x01, as with <c>Encrypt=True</c>; 0x00 with <c>Encrypt=False</c>);
/// answered ENCRYPT_ON and a TLS handshake with a self-signed certificate, the client fails "Certificate failed chain
/// validation" (with <c>TrustServerCertificate=True</c> it goes on to the login).
/// Not claimed for LocalDB, named pipes, shared memory or a local server name, whose transport was not checked.</item>
/// <item>MySqlConnector 2.6 (checked on 2.6.2): <c>SslMode</c> defaults to <c>Preferred</c>, "use SSL if the server supports
/// it, but allow connection in all cases" (its connection string reference); against a listener sending a MySQL handshake,
/// the client answers with an SSLRequest when the server's capabilities include SSL, and with a plain handshake response
/// (user name in clear) when they do not. Certificate validation under Preferred is
/// not claimed.</item>
/// </list>
/// Nothing is said for a client whose version is another (or unknown), for a client the code configures itself (any
/// TLS, SSL or certificate member of its types used in the code: <see cref="Parsing.TlsInCodeParser"/>), for a value that
/// names any TLS keyword of its client (the explicit rows say what it does), or for a value that is not of the client's
/// shape. Stores opened through another library (Marten, linq2db, Hangfire, Quartz.NET) are left out: which client and how
/// it is configured is that library's business. System.Data.SqlClient (whose default is no encryption) is not covered.
/// </summary>
internal static class TransitDefaults
{
    public const string Npgsql = "Npgsql";
    public const string Mongo = "MongoDB.Driver";
    public const string Redis = "StackExchange.Redis";
    public const string MySqlConnector = "MySqlConnector";
    public const string SqlClient = "Microsoft.Data.SqlClient";

    /// <summary>The major.minor versions whose defaults were checked (see the class comment).</summary>
    private static readonly Dictionary<string, string> Checked = new(StringComparer.Ordinal)
    {
        [Npgsql] = "10.0", [Mongo] = "3.14", [Redis] = "2.8", [MySqlConnector] = "2.6", [SqlClient] = "6.1",
    };

    /// <summary>The store clients (as <see cref="Parsing.StoreParser"/> names them) that hand the connection string to a client unchanged.</summary>
    private static readonly Dictionary<string, string> StoreClients = new(StringComparer.Ordinal)
    {
        ["NpgsqlConnection (Npgsql)"] = Npgsql,
        ["NpgsqlDataSource (Npgsql)"] = Npgsql,
        ["NpgsqlDataSourceBuilder (Npgsql)"] = Npgsql,
        ["MongoClient (MongoDB.Driver)"] = Mongo,
        ["ConnectionMultiplexer (StackExchange.Redis)"] = Redis,
        ["MySqlConnection (MySqlConnector)"] = MySqlConnector,
        ["SqlConnection (Microsoft.Data.SqlClient)"] = SqlClient,
    };

    /// <summary>EF Core providers and the ADO.NET client they hand the connection string to (EF Core SqlServer 3 and later use
    /// Microsoft.Data.SqlClient; only its checked 6.1 version, which only recent EF Core versions reference, gets a claim).</summary>
    private static readonly Dictionary<string, string> ProviderClients = new(StringComparer.Ordinal)
    {
        ["UseNpgsql"] = Npgsql, ["AddNpgsql"] = Npgsql, ["UseSqlServer"] = SqlClient, ["AddSqlServer"] = SqlClient,
    };

    /// <summary>One row per connection value a known client reads and says nothing about TLS.</summary>
    public static IReadOnlyList<SecurityFacts.EncryptionSetting> Rows(DataLayerReport report)
    {
        var uses = report.Contexts.SelectMany(c => c.Providers)
            .Where(p => p.Use.Provider is "Npgsql" or "SqlServer" && ProviderClients.ContainsKey(p.Use.Method))
            .SelectMany(p => p.Values.Select(v => (Client: ProviderClients[p.Use.Method], Value: v)))
            .Concat(report.Stores.Where(s => StoreClients.ContainsKey(s.Client)).SelectMany(s => s.Values.Select(v => (Client: StoreClients[s.Client], Value: v))));
        var rows = new List<SecurityFacts.EncryptionSetting>();
        foreach (var (client, value) in uses)
        {
            if (Version(report, client) is not { } version || value.RedactedValue is not { } text) continue;
            var row = client switch
            {
                Npgsql => NpgsqlDefault(text, version),
                Mongo => MongoDefault(text, version),
                Redis => RedisDefault(text, version),
                SqlClient => SqlClientDefault(text, version),
                _ => MySqlDefault(text, version),
            };
            if (row is { } found) rows.Add(new SecurityFacts.EncryptionSetting(value.Key, value.Environment, found.Setting, value.FilePath, value.Line, client + " " + version, found.Meaning));
        }
        return rows.Distinct().ToList();
    }

    /// <summary>The client's version when it is one checked, the project references only it, and no code sets its TLS.</summary>
    private static string? Version(DataLayerReport report, string client)
    {
        if (report.TlsInCode.Any(t => t.Client == client)) return null;
        var versions = report.TransitClients.Where(c => c.Client == client).Select(c => c.Version).Distinct().ToList();
        if (versions.Count != 1 || versions[0].IndexOf('-') >= 0) return null;
        var minor = Checked[client];
        return versions[0] == minor || versions[0].StartsWith(minor + ".", StringComparison.Ordinal) ? versions[0] : null;
    }

    /// <summary>An ADO.NET connection string's keys (spaces removed, lower case) and values; null when a part is not key=value.</summary>
    private static Dictionary<string, string>? Keywords(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';'))
        {
            if (part.Trim().Length == 0) continue;
            var equals = part.IndexOf('=');
            if (equals <= 0) return null;
            result[part.Substring(0, equals).Replace(" ", "").Trim().ToLowerInvariant()] = part.Substring(equals + 1).Trim();
        }
        return result;
    }

    private static bool AboutTls(string key) =>
        key.StartsWith("ssl", StringComparison.Ordinal) || key.StartsWith("tls", StringComparison.Ordinal) || key.StartsWith("gss", StringComparison.Ordinal)
        || key.IndexOf("certificate", StringComparison.Ordinal) >= 0 || key is "encrypt" or "usessl" or "trustservercertificate";

    private static (string Setting, string Meaning)? NpgsqlDefault(string text, string version)
    {
        if (Keywords(text) is not { } keys || keys.Keys.Any(AboutTls)) return null;
        var host = keys.TryGetValue("host", out var h) ? h : keys.TryGetValue("server", out var s) ? s : null;
        // A Unix-domain socket (a path) is no network connection.
        if (string.IsNullOrEmpty(host) || host!.StartsWith("/", StringComparison.Ordinal) || host.StartsWith("@", StringComparison.Ordinal)) return null;
        return ("SSL Mode", "GSS (Kerberos) encryption when it can be negotiated (`GSS Encryption Mode=Prefer`), else TLS if the server offers it, **without validating the server's certificate** (`SSL Mode=Prefer`), else **unencrypted**: Npgsql " + version + "'s defaults");
    }

    private static (string Setting, string Meaning)? MySqlDefault(string text, string version)
    {
        if (Keywords(text) is not { } keys || keys.Keys.Any(AboutTls)) return null;
        if (keys.ContainsKey("protocol") || keys.ContainsKey("connectionprotocol") || keys.ContainsKey("connectiontype") || keys.ContainsKey("pipe") || keys.ContainsKey("pipename")) return null;
        var server = new[] { "server", "host", "datasource", "address", "addr", "networkaddress" }.Select(k => keys.TryGetValue(k, out var v) ? v : null).FirstOrDefault(v => v is not null);
        if (string.IsNullOrEmpty(server) || server!.StartsWith("/", StringComparison.Ordinal)) return null;
        return ("SslMode", "TLS only if the server offers it, **otherwise unencrypted** (MySqlConnector " + version + "'s default `SslMode=Preferred`)");
    }

    private static (string Setting, string Meaning)? SqlClientDefault(string text, string version)
    {
        if (Keywords(text) is not { } keys || keys.Keys.Any(AboutTls)) return null;
        var server = new[] { "server", "datasource", "address", "addr", "networkaddress" }.Select(k => keys.TryGetValue(k, out var v) ? v : null).FirstOrDefault(v => v is not null);
        if (string.IsNullOrEmpty(server)) return null;
        var host = server!.Trim().ToLowerInvariant();
        if (host.StartsWith("tcp:", StringComparison.Ordinal)) host = host.Substring(4);
        else if (host.StartsWith("(localdb)", StringComparison.Ordinal) || host.StartsWith("np:", StringComparison.Ordinal) || host.StartsWith("lpc:", StringComparison.Ordinal)
            || host.StartsWith("admin:", StringComparison.Ordinal) || host.StartsWith("\\", StringComparison.Ordinal)) return null;
        var name = host.Split(',', '\\')[0].Trim();
        if (name is "." or "(local)" or "localhost" or "127.0.0.1" or "::1" || name.Length == 0) return null;
        return ("Encrypt", "encrypted connection (TLS) required, the server's certificate validated (Microsoft.Data.SqlClient " + version + "'s defaults `Encrypt=True`, `TrustServerCertificate=False`)");
    }

    private static (string Setting, string Meaning)? MongoDefault(string text, string version)
    {
        var srv = text.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase);
        if (!srv && !text.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase)) return null;
        var query = text.IndexOf('?');
        // A parameter the redactor masked whole (no key left) could have been about TLS: no claim then.
        if (query >= 0 && text.Substring(query + 1).Split('&', ';').Select(p => p.Split('=')[0].Trim().ToLowerInvariant())
            .Any(k => k.StartsWith("tls", StringComparison.Ordinal) || k.StartsWith("ssl", StringComparison.Ordinal) || k.IndexOf('*') >= 0)) return null;
        return srv
            ? ("tls", "encrypted connection (TLS): MongoDB.Driver " + version + " turns TLS on for a `mongodb+srv://` address when `tls` is not set")
            : ("tls", "**not encrypted in transit**: MongoDB.Driver " + version + " connects to a `mongodb://` address without TLS when `tls` (or `ssl`) is not set");
    }

    /// <summary>Domains of Azure Cache for Redis and of Azure's other clouds: StackExchange.Redis chooses its Azure options
    /// provider (ssl on for port 6380) by these host names, and the list changes between versions, so any host under
    /// an Azure-looking domain gets no claim.</summary>
    private static readonly string[] AzureLike = { ".windows.net", ".azure.net", ".azure.com", ".chinacloudapi.cn", ".usgovcloudapi.net", ".cloudapi.de" };

    private static (string Setting, string Meaning)? RedisDefault(string text, string version)
    {
        if (text.IndexOf("://", StringComparison.Ordinal) >= 0) return null;
        var endpoints = new List<string>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                var key = part.Substring(0, equals).Trim().ToLowerInvariant();
                if (key.StartsWith("ssl", StringComparison.Ordinal) || key.StartsWith("tls", StringComparison.Ordinal) || key.IndexOf("certificate", StringComparison.Ordinal) >= 0) return null;
                continue;
            }
            // An endpoint; "***" (an option or endpoint the redactor masked whole, its key lost) fails here: no claim.
            if (!System.Text.RegularExpressions.Regex.IsMatch(part, @"^[A-Za-z0-9.\-]+(:\d+)?$")) return null;
            endpoints.Add(part);
        }
        if (endpoints.Count == 0) return null;
        foreach (var endpoint in endpoints)
        {
            var host = endpoint.Split(':')[0].TrimEnd('.').ToLowerInvariant();
            if (AzureLike.Any(d => host.EndsWith(d, StringComparison.Ordinal))) return null;
        }
        return ("ssl", "**not encrypted in transit**: StackExchange.Redis " + version + " connects without TLS when `ssl` is not set");
    }
}
