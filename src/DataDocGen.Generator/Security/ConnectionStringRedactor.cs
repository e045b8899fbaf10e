using System;
using System.Collections.Generic;
using System.Text;

namespace DataDocGen.Generator.Security;

/// <summary>
/// Makes a connection string or configuration value safe to print in a report.
/// <para>
/// Rule: no password, key, token or secret may reach the output. Hiding too much is acceptable, a leak is not,
/// so this is an allow-list: a value is shown only when its key is a known non-secret setting; everything else is
/// replaced by <see cref="Mask"/>. The original separators and key spelling are kept so a reader still recognises
/// the string (<c>Server=db;Database=Shop;User Id=sa;Password=***;</c>).
/// </para>
/// Recognised forms, tried in this order:
/// <list type="number">
/// <item>URI with a known scheme (<c>scheme://user:password@host:port/path?query#fragment</c>; an unknown scheme
/// masks the whole value): the password (or a lone userinfo token)
/// is masked, the user kept when it looks like a plain name, path segments kept unless they look like tokens,
/// query values kept only for allow-listed names, a fragment always masked.</item>
/// <item>ADO.NET / ODBC <c>key=value;key=value</c> (a string containing ';' with at least one known key): values may
/// be quoted with ', " or {}.</item>
/// <item>StackExchange.Redis configuration (<c>host:6379,password=...,ssl=True</c>): a string with ',' and no ';'
/// made only of host:port items or having a known Redis option (or password=).</item>
/// <item>A single <c>key=value</c> pair with a known key (<c>Data Source=app.db</c>), handled like the ADO.NET form.</item>
/// <item>Anything else is an opaque value: see <see cref="IsSafeBareValue"/>.</item>
/// </list>
/// Never throws: any unexpected failure yields <see cref="Mask"/>.
/// </summary>
internal static class ConnectionStringRedactor
{
    public const string Mask = "***";

    /// <summary>Non-secret ADO.NET/ODBC keys, normalised (lower case, no spaces or underscores).</summary>
    private static readonly HashSet<string> KeyValueAllowList = new HashSet<string>(StringComparer.Ordinal)
    {
        "server", "datasource", "host", "address", "addr", "networkaddress", "port", "database", "initialcatalog",
        "dbname", "userid", "uid", "user", "username", "integratedsecurity", "trustedconnection", "encrypt",
        "trustservercertificate", "multipleactiveresultsets", "pooling", "maxpoolsize", "maximumpoolsize",
        "minpoolsize", "minimumpoolsize", "connectionlifetime", "connectiontimeout", "connecttimeout", "timeout", "defaulttimeout",
        "commandtimeout", "defaultcommandtimeout", "applicationname", "applicationintent", "multisubnetfailover",
        "sslmode", "ssl", "mode", "cache", "foreignkeys", "accountname", "accountendpoint", "endpoint",
        "endpointsuffix", "defaultendpointsprotocol", "sharedaccesskeyname", "entitypath", "keepalive",
        "includeerrordetail", "searchpath", "schema", "charset", "characterset", "loadbalancetimeout", "packetsize",
        "persistsecurityinfo", "readonly", "version", "protocol", "serverversion", "allowuservariables",
        "attestationprotocol", "columnencryptionsetting", "failoverpartner", "workstationid", "language",
        "currentlanguage", "enlist", "replication", "contextconnection", "typesystemversion", "transactionbinding",
        // Not in the original brief, equally non-secret: ODBC/OLE DB driver names and Azure Storage service endpoints.
        "driver", "provider", "blobendpoint", "queueendpoint", "tableendpoint", "fileendpoint", "usedevelopmentstorage",
        // LiteDB's file, connection mode (shared/direct) and file options.
        "filename", "connection", "initialsize", "collation", "upgrade", "autorebuild",
    };

    /// <summary>Well-known secret keys: they make a string recognisable as key=value pairs (their values are masked).</summary>
    private static readonly HashSet<string> KnownSecretKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "password", "pwd", "accountkey", "sharedaccesskey", "sharedaccesssignature", "authentication",
    };

    /// <summary>Keys whose value is a user name: kept even when it contains '@' (user@server is a user name).</summary>
    private static readonly HashSet<string> UserKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "userid", "uid", "user", "username",
    };

    /// <summary>Non-secret URI query parameter names, normalised.</summary>
    private static readonly HashSet<string> QueryAllowList = new HashSet<string>(StringComparer.Ordinal)
    {
        "authsource", "replicaset", "ssl", "tls", "retrywrites", "w", "readpreference", "maxpoolsize", "minpoolsize",
        "connecttimeoutms", "sockettimeoutms", "appname", "authmechanism", "directconnection",
        "serverselectiontimeoutms", "database", "db", "timeout",
        // libpq URI parameters that are not secret.
        "sslmode", "applicationname", "connecttimeout",
    };

    /// <summary>URI schemes recognised as connection URIs (plus any "jdbc:sub"); other "xyz://..." values are masked whole.</summary>
    private static readonly HashSet<string> KnownSchemes = new HashSet<string>(StringComparer.Ordinal)
    {
        "http", "https", "ws", "wss", "ftp", "ftps", "sftp", "file", "tcp", "udp", "ssl", "tls", "net.tcp", "net.pipe",
        "mongodb", "mongodb+srv", "redis", "rediss", "valkey", "valkeys", "amqp", "amqps", "rabbitmq", "rabbitmqs", "mqtt", "mqtts", "sb",
        "postgres", "postgresql", "mysql", "mariadb", "mysqlx", "sqlserver", "mssql", "oracle", "sqlite",
        "kafka", "nats", "tls+nats", "ldap", "ldaps", "s3", "gs", "abfs", "abfss", "wasb", "wasbs", "cassandra",
        "couchbase", "couchbases", "neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc", "clickhouse",
        "cockroachdb", "memcached", "zookeeper", "consul", "etcd", "smtp", "smtps", "imap", "imaps", "pop3",
        "pop3s", "opc.tcp", "grpc", "grpcs", "influxdb", "elasticsearch", "opensearch", "surrealdb", "ravendb",
    };

    /// <summary>Non-secret StackExchange.Redis options, normalised.</summary>
    private static readonly HashSet<string> RedisAllowList = new HashSet<string>(StringComparer.Ordinal)
    {
        "ssl", "abortconnect", "connecttimeout", "synctimeout", "asynctimeout", "defaultdatabase", "allowadmin",
        "name", "servicename", "user", "keepalive", "connectretry", "sslprotocols", "tiebreaker", "version",
        "resolvedns", "channelprefix", "proxy",
    };

    /// <summary>Substrings that make a key secret whatever the allow-lists say (checked on the normalised key).</summary>
    private static readonly string[] DeniedFragments =
    {
        "password", "pwd", "secret", "key", "token", "sig", "signature", "credential", "auth",
    };

    /// <summary>Normalised names that contain a denied fragment but are known not to be secret.</summary>
    private static readonly HashSet<string> DenyExceptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "sharedaccesskeyname", "authsource", "authmechanism",
    };

    private static readonly char[] UriDelimiters = { '/', '?', '#' };

    /// <summary>Returns <paramref name="value"/> with every secret part replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        try
        {
            return RedactCore(value);
        }
        catch (Exception)
        {
            return Mask;
        }
    }

    /// <summary>
    /// A string literal's text inside code the report prints (a condition such as <c>mode == "migrate"</c>): kept when it
    /// reads like a name or a key (<c>Database:MigrateOnStartup</c>, <c>Production</c>), redacted as a connection string
    /// when it has the shape of one (<c>=</c>, <c>;</c>, <c>://</c> or <c>@</c>), masked when it looks like a token (a GUID,
    /// a long run of mixed letters and digits).
    /// </summary>
    public static string RedactLiteral(string text)
    {
        if (text is null) return string.Empty;
        try
        {
            if (text.IndexOf('=') >= 0 || text.IndexOf(';') >= 0 || text.IndexOf('@') >= 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0) return Redact(text);
            return LooksLikeToken(text) ? Mask : text;
        }
        catch (Exception)
        {
            return Mask;
        }
    }

    /// <summary>
    /// True when a setting or key name says its value is secret (contains password, pwd, secret, key, token, sig,
    /// signature, credential or auth, ignoring case, spaces and underscores; SharedAccessKeyName, authSource and
    /// authMechanism excepted). Lets a caller mask a configuration value by its key, e.g. <c>Jwt:Key</c>.
    /// </summary>
    public static bool IsSensitiveName(string name)
    {
        if (name is null)
        {
            return false;
        }

        // Judge each ':'-separated configuration segment on its own so "ConnectionStrings:Default" is not sensitive
        // but "Jwt:SigningKey" is.
        foreach (string segment in name.Split(':'))
        {
            if (IsDenied(Normalize(segment)))
            {
                return true;
            }
        }

        return false;
    }

    private static string RedactCore(string value)
    {
        string s = value.Trim();
        if (s.Length == 0)
        {
            return value; // empty or whitespace: nothing to hide
        }

        int schemeEnd = UriSchemeEnd(s);
        if (schemeEnd > 0)
        {
            // An unknown "xyz://" prefix may be part of an opaque secret: only known schemes are shown.
            return IsKnownScheme(s.Substring(0, schemeEnd)) ? RedactUri(s, schemeEnd) : Mask;
        }

        if (s.IndexOf(';') >= 0 && HasRecognisedKey(s))
        {
            return RedactKeyValueList(s);
        }

        if (s.IndexOf(',') >= 0 && LooksLikeRedisConfiguration(s))
        {
            return RedactRedisConfiguration(s);
        }

        if (LooksLikeSinglePair(s))
        {
            return RedactKeyValueList(s);
        }

        return IsSafeBareValue(s) ? s : Mask;
    }

    // ---------------------------------------------------------------- key=value;key=value

    private static bool LooksLikeSinglePair(string s)
    {
        int eq = s.IndexOf('=');
        if (eq <= 0 || eq == s.Length - 1)
        {
            return false; // "abc=" (base64 padding) is not a pair
        }

        return IsKeyLike(s.Substring(0, eq)) && s[eq + 1] != '=' && IsRecognisedKey(Normalize(s.Substring(0, eq)));
    }

    /// <summary>
    /// A string is read as key=value pairs only when at least one key is a known one; otherwise "abc=d;ef" is more
    /// likely a secret that happens to contain '=' and ';', and showing its "keys" would leak part of it.
    /// </summary>
    private static bool HasRecognisedKey(string s)
    {
        foreach (string segment in s.Split(';'))
        {
            int eq = segment.IndexOf('=');
            if (eq > 0 && IsRecognisedKey(Normalize(segment.Substring(0, eq))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRecognisedKey(string normalizedKey) =>
        KeyValueAllowList.Contains(normalizedKey) || KnownSecretKeys.Contains(normalizedKey);

    private static string RedactKeyValueList(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool afterMasked = false;
        int i = 0;
        while (i < s.Length)
        {
            int j = i;
            while (j < s.Length && s[j] != '=' && s[j] != ';')
            {
                j++;
            }

            if (j >= s.Length || s[j] == ';')
            {
                // A segment without '=': "" between ";;" or trailing whitespace is kept, anything else is a fragment
                // of something (a password with an unquoted ';'?) and is masked.
                string segment = s.Substring(i, j - i);
                if (IsWhiteSpace(segment))
                {
                    sb.Append(segment);
                }
                else
                {
                    sb.Append(Mask);
                    afterMasked = true;
                }

                if (j < s.Length)
                {
                    sb.Append(';');
                }

                i = j + 1;
                continue;
            }

            string rawKey = s.Substring(i, j - i);
            int valueStart = j + 1;
            int k = valueStart;
            while (k < s.Length && (s[k] == ' ' || s[k] == '\t'))
            {
                k++;
            }

            bool wellFormed = true;
            int valueEnd;
            if (k < s.Length && (s[k] == '\'' || s[k] == '"' || s[k] == '{'))
            {
                char close = s[k] == '{' ? '}' : s[k];
                int m = k + 1;
                bool closed = false;
                while (m < s.Length)
                {
                    if (s[m] == close)
                    {
                        if (m + 1 < s.Length && s[m + 1] == close)
                        {
                            m += 2; // doubled quote: an escaped quote inside the value
                            continue;
                        }

                        m++;
                        closed = true;
                        break;
                    }

                    m++;
                }

                int semi = m < s.Length ? s.IndexOf(';', m) : -1;
                valueEnd = semi < 0 ? s.Length : semi;
                wellFormed = closed && IsWhiteSpace(s.Substring(m, valueEnd - m));
            }
            else
            {
                int semi = s.IndexOf(';', valueStart);
                valueEnd = semi < 0 ? s.Length : semi;
            }

            string rawValue = s.Substring(valueStart, valueEnd - valueStart);
            string key = Normalize(rawKey);

            if (!IsKeyLike(rawKey) || rawValue.StartsWith("=", StringComparison.Ordinal))
            {
                // Not a real key ("==" escapes, base64 padding, a fragment of a secret): hide the whole segment.
                sb.Append(Mask);
                afterMasked = true;
            }
            else if (KeyValueAllowList.Contains(key) && !IsDenied(key))
            {
                sb.Append(rawKey).Append('=').Append(RedactAllowedValue(key, rawValue, wellFormed));
                afterMasked = false;
            }
            else if (afterMasked && !IsDenied(key))
            {
                // An unknown key right after a masked value may be the rest of a password that contained ';'.
                sb.Append(Mask);
            }
            else
            {
                // The spaces before the value are layout, not secret: "PASSWORD = 'x'" reads "PASSWORD = ***".
                sb.Append(rawKey).Append('=').Append(s, valueStart, k - valueStart).Append(Mask);
                afterMasked = true;
            }

            if (valueEnd < s.Length)
            {
                sb.Append(';');
            }

            i = valueEnd + 1;
        }

        return sb.ToString();
    }

    /// <summary>The value of an allow-listed key, kept as written unless it could still carry a credential.</summary>
    private static string RedactAllowedValue(string normalizedKey, string rawValue, bool wellFormed)
    {
        if (!wellFormed || rawValue.IndexOf(';') >= 0)
        {
            // Unterminated quote, text after the closing quote, or a quoted ';': providers disagree on such quoting,
            // so part of this "value" may be another key (e.g. Password) for the real parser.
            return Mask;
        }

        string trimmed = rawValue.Trim();
        if (UriSchemeEnd(trimmed) > 0)
        {
            // AccountEndpoint=https://..., Endpoint=sb://...: a URI may carry user:password@ or a SAS query.
            int lead = rawValue.IndexOf(trimmed, StringComparison.Ordinal);
            return rawValue.Substring(0, lead) + RedactUri(trimmed, UriSchemeEnd(trimmed));
        }

        if (!UserKeys.Contains(normalizedKey))
        {
            int at = rawValue.LastIndexOf('@');
            if (at >= 0)
            {
                // Oracle "Data Source=scott/tiger@host:1521/orcl", "Host=user:pw@db": credentials before '@'.
                return Mask + rawValue.Substring(at);
            }
        }

        return rawValue;
    }

    // ---------------------------------------------------------------- StackExchange.Redis

    private static bool LooksLikeRedisConfiguration(string s)
    {
        string[] tokens = s.Split(',');
        // A known option (password=, ssl=, abortConnect=...), or nothing but host:port items. A bare word next to
        // ',' ("abc,def", "a:1,b", "a:1,x=y") is not enough: it may be a secret.
        bool allEndpoints = true;
        foreach (string token in tokens)
        {
            string t = token.Trim();
            if (!(t.IndexOf('=') < 0 && t.IndexOf(':') > 0 && IsEndpoint(t, strict: true)))
            {
                allEndpoints = false;
                break;
            }
        }

        if (allEndpoints)
        {
            return true;
        }

        foreach (string token in tokens)
        {
            int eq = token.IndexOf('=');
            if (eq > 0)
            {
                string key = Normalize(token.Substring(0, eq));
                if (RedisAllowList.Contains(key) || key == "password")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string RedactRedisConfiguration(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool afterMasked = false;
        string[] tokens = s.Split(',');
        for (int t = 0; t < tokens.Length; t++)
        {
            if (t > 0)
            {
                sb.Append(',');
            }

            string raw = tokens[t];
            string token = raw.Trim();
            if (token.Length == 0)
            {
                sb.Append(raw);
                continue;
            }

            int eq = token.IndexOf('=');
            if (eq < 0)
            {
                // An endpoint; after a masked option it may be the rest of a password that contained ','.
                if (!afterMasked && IsEndpoint(token, strict: true))
                {
                    sb.Append(raw);
                }
                else
                {
                    sb.Append(Mask);
                    afterMasked = true;
                }

                continue;
            }

            string rawKey = token.Substring(0, eq);
            string rawValue = token.Substring(eq + 1);
            string key = Normalize(rawKey);
            if (!IsKeyLike(rawKey) || rawValue.StartsWith("=", StringComparison.Ordinal))
            {
                sb.Append(Mask);
                afterMasked = true;
            }
            else if (RedisAllowList.Contains(key) && !IsDenied(key))
            {
                sb.Append(raw);
                afterMasked = false;
            }
            else if (afterMasked && !IsDenied(key))
            {
                sb.Append(Mask);
            }
            else
            {
                int lead = raw.IndexOf(token, StringComparison.Ordinal);
                sb.Append(raw, 0, lead).Append(rawKey).Append('=').Append(Mask);
                afterMasked = true;
            }
        }

        return sb.ToString();
    }

    // ---------------------------------------------------------------- URI

    /// <summary>Index of "://" when <paramref name="s"/> starts with a URI scheme (also "jdbc:mysql"), else -1.</summary>
    private static int UriSchemeEnd(string s)
    {
        int i = 0;
        for (int part = 0; part < 2; part++)
        {
            if (i >= s.Length || !IsAsciiLetter(s[i]))
            {
                return -1;
            }

            i++;
            while (i < s.Length && (IsAsciiLetterOrDigit(s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-'))
            {
                i++;
            }

            if (string.CompareOrdinal(s, i, "://", 0, 3) == 0)
            {
                return i;
            }

            if (i >= s.Length || s[i] != ':')
            {
                return -1;
            }

            i++;
        }

        return -1;
    }

    private static bool IsKnownScheme(string scheme)
    {
        string lower = scheme.ToLowerInvariant();
        return KnownSchemes.Contains(lower) || (lower.StartsWith("jdbc:", StringComparison.Ordinal) && lower.Length > 5);
    }

    private static string RedactUri(string s, int schemeEnd)
    {
        var sb = new StringBuilder(s.Length);
        int start = schemeEnd + 3;
        sb.Append(s, 0, start);
        string rest = s.Substring(start);

        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            string candidate = rest.Substring(0, at);
            int delimiter = candidate.IndexOfAny(UriDelimiters);
            int colon = candidate.IndexOf(':');
            if (colon >= 0 && (delimiter < 0 || colon < delimiter))
            {
                // user:password@ (the password may itself contain '@', '/', '?'...: everything up to the last '@').
                string user = candidate.Substring(0, colon);
                sb.Append(user.Length == 0 || IsSafeUser(user) ? user : Mask).Append(':').Append(Mask).Append('@');
                rest = rest.Substring(at + 1);
            }
            else if (delimiter < 0)
            {
                // token@host: a lone userinfo is a credential.
                sb.Append(Mask).Append('@');
                rest = rest.Substring(at + 1);
            }
            else
            {
                // '@' after a path or query delimiter with no "user:" before it: either an '@' in the path/query
                // or a token containing '/': undecidable, so hide everything after the scheme.
                sb.Append(Mask);
                return sb.ToString();
            }
        }

        int hostEnd = IndexOfAny(rest, 0, '/', '?', '#');
        string hosts = rest.Substring(0, hostEnd);
        sb.Append(IsHostList(hosts) ? hosts : Mask);

        int queryStart = IndexOfAny(rest, hostEnd, '?', '#');
        if (queryStart > hostEnd)
        {
            string[] segments = rest.Substring(hostEnd, queryStart - hostEnd).Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append('/');
                }

                sb.Append(segments[i].Length == 0 || IsSafePathSegment(segments[i]) ? segments[i] : Mask);
            }
        }

        if (queryStart < rest.Length && rest[queryStart] == '?')
        {
            int fragmentStart = rest.IndexOf('#', queryStart);
            if (fragmentStart < 0)
            {
                fragmentStart = rest.Length;
            }

            sb.Append('?');
            RedactQuery(sb, rest.Substring(queryStart + 1, fragmentStart - queryStart - 1));
            queryStart = fragmentStart;
        }

        if (queryStart < rest.Length)
        {
            sb.Append('#');
            if (queryStart + 1 < rest.Length)
            {
                sb.Append(Mask); // fragments carry OAuth tokens (#access_token=...)
            }
        }

        return sb.ToString();
    }

    private static void RedactQuery(StringBuilder sb, string query)
    {
        int i = 0;
        while (i <= query.Length)
        {
            int end = IndexOfAny(query, i, '&', ';');
            string param = query.Substring(i, end - i);
            if (param.Length > 0)
            {
                int eq = param.IndexOf('=');
                string name = eq < 0 ? param : param.Substring(0, eq);
                string key = Normalize(name);
                if (eq < 0 || !IsKeyLike(name))
                {
                    sb.Append(Mask);
                }
                else if (QueryAllowList.Contains(key) && !IsDenied(key))
                {
                    sb.Append(param);
                }
                else
                {
                    sb.Append(name).Append('=').Append(Mask);
                }
            }

            if (end < query.Length)
            {
                sb.Append(query[end]);
            }

            i = end + 1;
        }
    }

    private static int IndexOfAny(string s, int start, char a, char b, char c = '\0')
    {
        for (int i = start; i < s.Length; i++)
        {
            char ch = s[i];
            if (ch == a || ch == b || (c != '\0' && ch == c))
            {
                return i;
            }
        }

        return s.Length;
    }

    /// <summary>Comma-separated endpoints (mongodb://h1:27017,h2:27017); an empty host (file:///) is fine.</summary>
    private static bool IsHostList(string hosts)
    {
        if (hosts.Length == 0)
        {
            return true;
        }

        foreach (string host in hosts.Split(','))
        {
            if (!IsEndpoint(host, strict: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeUser(string user)
    {
        foreach (char c in user)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '%' || c == '~'))
            {
                return false;
            }
        }

        return !LooksLikeToken(user);
    }

    private static bool IsSafePathSegment(string segment)
    {
        foreach (char c in segment)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '~'))
            {
                return false;
            }
        }

        return !LooksLikeToken(segment);
    }

    // ---------------------------------------------------------------- shapes

    /// <summary>
    /// host[:port], [ipv6][:port]. Where the position proves it is a host (after "scheme://"), only the characters
    /// are checked; where the host is guessed (a Redis item, a bare value: <paramref name="strict"/>), the name must
    /// not look like a token either, so a secret is never mistaken for a host.
    /// </summary>
    private static bool IsEndpoint(string token, bool strict)
    {
        string t = token.Trim();
        if (t.Length == 0)
        {
            return false;
        }

        string host;
        string? port = null;
        if (t[0] == '[')
        {
            int close = t.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = t.Substring(1, close - 1);
            foreach (char c in host)
            {
                if (!(IsHexDigit(c) || c == ':' || c == '.' || c == '%'))
                {
                    return false;
                }
            }

            string after = t.Substring(close + 1);
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                port = after.Substring(1);
            }

            return host.Length > 0 && (port == null || IsPort(port));
        }

        int colon = t.IndexOf(':');
        host = colon < 0 ? t : t.Substring(0, colon);
        if (colon >= 0)
        {
            port = t.Substring(colon + 1);
            if (!IsPort(port))
            {
                return false;
            }
        }

        if (host.Length == 0)
        {
            return false;
        }

        foreach (char c in host)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return !strict || !LooksLikeToken(host);
    }

    private static bool IsPort(string s)
    {
        if (s.Length == 0 || s.Length > 5)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rule for a value with no recognised structure. It is shown only when it is
    /// <list type="bullet">
    /// <item>made of ASCII letters, digits, '.', '-', '_' and '/' (a host name, a file name, a number, a word,
    /// a type name), or a host:port, or made only of digits, '.', ':' and '-' (a time span, a date, a version);</item>
    /// <item>and does not look like a token (<see cref="LooksLikeToken"/>).</item>
    /// </list>
    /// Everything else (a JWT, base64, a GUID, anything with +, =, !, @, spaces...) becomes <see cref="Mask"/>.
    /// A short word-like secret ("hunter2") cannot be told from a host name by shape: callers that know the
    /// setting's name should also check <see cref="IsSensitiveName"/>.
    /// </summary>
    private static bool IsSafeBareValue(string s)
    {
        bool numericLike = true;
        foreach (char c in s)
        {
            if (!((c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-'))
            {
                numericLike = false;
                break;
            }
        }

        if (numericLike)
        {
            return true;
        }

        if (s.IndexOf(':') >= 0)
        {
            return IsEndpoint(s, strict: true);
        }

        foreach (char c in s)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '/'))
            {
                return false;
            }
        }

        return !LooksLikeToken(s);
    }

    /// <summary>
    /// Heuristics for key/token shapes (stricter than "20+ letters/digits" alone):
    /// a GUID; a run of 20+ ASCII letters/digits; a run of 12+ mixing letters and digits (hex keys, base64 pieces);
    /// or 32+ letters/digits in total mixing upper case, lower case and digits (base64 split by '/').
    /// </summary>
    private static bool LooksLikeToken(string s)
    {
        if (IsGuid(s))
        {
            return true;
        }

        int run = 0, total = 0;
        bool runLetter = false, runDigit = false, upper = false, lower = false, digit = false;
        foreach (char c in s)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                run++;
                total++;
                if (c >= '0' && c <= '9')
                {
                    runDigit = digit = true;
                }
                else
                {
                    runLetter = true;
                    if (c >= 'A' && c <= 'Z')
                    {
                        upper = true;
                    }
                    else
                    {
                        lower = true;
                    }
                }

                if (run >= 20 || (run >= 12 && runLetter && runDigit))
                {
                    return true;
                }
            }
            else
            {
                run = 0;
                runLetter = runDigit = false;
            }
        }

        return total >= 32 && upper && lower && digit;
    }

    private static bool IsGuid(string s)
    {
        string t = s.Length == 38 && s[0] == '{' && s[37] == '}' ? s.Substring(1, 36) : s;
        if (t.Length != 36)
        {
            return false;
        }

        for (int i = 0; i < t.Length; i++)
        {
            bool dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? t[i] != '-' : !IsHexDigit(t[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A plausible setting name: starts with a letter; letters, digits, spaces, '_', '.', '-'; at most 64 characters;
    /// no GUID and no run of 12+ mixing letters and digits. Long letter-only runs are allowed: real names are long
    /// ("MultipleActiveResultSets") while generated secrets of 12+ characters nearly always contain digits.
    /// </summary>
    private static bool IsKeyLike(string rawKey)
    {
        string key = rawKey.Trim();
        if (key.Length == 0 || key.Length > 64 || !IsAsciiLetter(key[0]) || IsGuid(key))
        {
            return false;
        }

        int run = 0;
        bool runLetter = false, runDigit = false;
        foreach (char c in key)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                run++;
                if (c >= '0' && c <= '9')
                {
                    runDigit = true;
                }
                else
                {
                    runLetter = true;
                }

                if (run >= 12 && runLetter && runDigit)
                {
                    return false;
                }
            }
            else if (c == ' ' || c == '_' || c == '.' || c == '-')
            {
                run = 0;
                runLetter = runDigit = false;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDenied(string normalizedKey)
    {
        if (DenyExceptions.Contains(normalizedKey))
        {
            return false;
        }

        foreach (string fragment in DeniedFragments)
        {
            if (normalizedKey.IndexOf(fragment, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower-cases ASCII letters and drops spaces, tabs and underscores: "User_ID " -> "userid".</summary>
    private static string Normalize(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (char c in key)
        {
            if (c == ' ' || c == '_' || c == '\t')
            {
                continue;
            }

            sb.Append(c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }

        return sb.ToString();
    }

    private static bool IsWhiteSpace(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');

    private static bool IsHexDigit(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
