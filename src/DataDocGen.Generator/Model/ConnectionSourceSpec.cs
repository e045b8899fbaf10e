namespace DataDocGen.Generator.Model;

internal enum ConnectionSourceKind
{
    /// <summary><c>GetConnectionString("Name")</c>: configuration key <c>ConnectionStrings:Name</c>.</summary>
    ConnectionStringName,
    /// <summary>An indexer or <c>GetValue</c>/<c>GetSection</c> lookup of a configuration key.</summary>
    ConfigurationKey,
    /// <summary>A constant string in code (redacted before it is written).</summary>
    Literal,
    /// <summary><c>Environment.GetEnvironmentVariable("NAME")</c>.</summary>
    EnvironmentVariable,
    /// <summary>Computed in a way the generator does not follow; <see cref="ConnectionSourceSpec.Value"/> holds safe code text or null.</summary>
    Unresolved,
}

/// <summary>One place a connection string comes from. <see cref="ConfigurationKey"/> is the flattened key to look up in appsettings.</summary>
internal sealed record ConnectionSourceSpec(ConnectionSourceKind Kind, string? Value, SourceLocation? Location)
{
    public string? ConfigurationKey => Kind switch
    {
        ConnectionSourceKind.ConnectionStringName => "ConnectionStrings:" + Value,
        ConnectionSourceKind.ConfigurationKey => Value,
        _ => null,
    };
}
