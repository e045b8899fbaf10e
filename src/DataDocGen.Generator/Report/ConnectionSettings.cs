using System;
using System.Collections.Generic;
using System.Linq;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The pooling, timeout and retry settings a connection string sets, as written (<c>Max Pool Size=50</c>,
/// <c>Connection Timeout=10</c>, MongoDB's <c>maxPoolSize=20</c>, Redis's <c>connectTimeout=5000</c>): ADO.NET-style
/// <c>key=value</c> lists, URI query parameters and StackExchange.Redis option lists. Read from the redacted value, so
/// nothing secret can appear; keys not listed here are not claimed as settings of this kind.
/// </summary>
internal static class ConnectionSettings
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        // ADO.NET providers (SqlClient, Npgsql, MySqlConnector, Sqlite).
        "pooling", "maxpoolsize", "maximumpoolsize", "minpoolsize", "minimumpoolsize", "connectionlifetime", "connectionidlelifetime",
        "connectionpruninginterval", "connectiontimeout", "connecttimeout", "timeout", "defaulttimeout", "commandtimeout",
        "defaultcommandtimeout", "loadbalancetimeout", "connectretrycount", "connectretryinterval", "keepalive", "multiplexing",
        // MongoDB URIs.
        "maxconnecting", "waitqueuetimeoutms", "connecttimeoutms", "sockettimeoutms", "serverselectiontimeoutms", "maxidletimems", "retrywrites", "retryreads",
        // StackExchange.Redis.
        "synctimeout", "asynctimeout", "connectretry", "abortconnect",
    };

    public static List<string> Of(string? redacted)
    {
        var found = new List<string>();
        if (string.IsNullOrEmpty(redacted)) return found;
        var query = redacted!.IndexOf('?');
        var text = redacted.Contains("://") ? (query < 0 ? "" : redacted.Substring(query + 1)) : redacted;
        foreach (var part in text.Split(';', '&', ','))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) continue;
            var key = part.Substring(0, equals).Replace(" ", "").Replace("_", "").ToLowerInvariant();
            if (Keys.Contains(key) && !part.Contains("***")) found.Add(part.Trim());
        }
        return found;
    }
}
