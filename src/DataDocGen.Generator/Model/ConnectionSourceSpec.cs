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
    /// <summary>A field or property read at run time through an instance: the context's own members, an injected service
    /// (<c>_tenant.ConnectionString</c>) or one resolved from the service provider (<c>sp.GetRequiredService&lt;T&gt;().Cs</c>).
    /// <see cref="ConnectionSourceSpec.Value"/> holds the code, <see cref="ConnectionSourceSpec.ReadThrough"/> the types on the way.</summary>
    RunTimeMember,
    /// <summary>A linq2db connection configuration name (<c>new DataConnection("Name")</c>, <c>UseConfiguration("Name")</c>):
    /// linq2db resolves it at run time from its own settings (<c>DataConnection.DefaultSettings</c>, app.config), not from
    /// an appsettings key, so no value is looked up.</summary>
    ConfigurationName,
    /// <summary>A parameter of the method that makes the call (<c>AddData(this IServiceCollection s, string connectionString)</c>):
    /// the caller's argument, not followed. <see cref="ConnectionSourceSpec.Value"/> holds the parameter's name,
    /// <see cref="ConnectionSourceSpec.ReadThrough"/> the method (<c>Type.Method</c>).</summary>
    Parameter,
    /// <summary>Computed in a way the generator does not follow; <see cref="ConnectionSourceSpec.Value"/> holds safe code text or null.</summary>
    Unresolved,
}

/// <summary>One place a connection string comes from. <see cref="ConfigurationKey"/> is the flattened key to look up in appsettings.</summary>
/// <param name="ReadThrough">For <see cref="ConnectionSourceKind.RunTimeMember"/>: the types the member path passes through
/// (<c>ITenantProvider, TenantInfo</c>), by name; for <see cref="ConnectionSourceKind.Parameter"/>: the method whose parameter it is.</param>
internal sealed record ConnectionSourceSpec(ConnectionSourceKind Kind, string? Value, SourceLocation? Location, string? ReadThrough = null)
{
    /// <summary>A type the run-time read passes through is named like a tenant (<c>ITenantProvider</c>, <c>TenantInfo</c>): a
    /// naming heuristic, labelled so wherever it is used. Variable names do not count (<c>_tenant</c> may hold anything).</summary>
    public bool NamesTenant => Kind == ConnectionSourceKind.RunTimeMember
        && (ReadThrough?.IndexOf("tenant", System.StringComparison.OrdinalIgnoreCase) ?? -1) >= 0;

    public string? ConfigurationKey => Kind switch
    {
        ConnectionSourceKind.ConnectionStringName => "ConnectionStrings:" + Value,
        ConnectionSourceKind.ConfigurationKey => Value,
        _ => null,
    };
}
