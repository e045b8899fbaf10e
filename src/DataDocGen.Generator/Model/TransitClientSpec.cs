namespace DataDocGen.Generator.Model;

/// <summary>
/// A database client library the compilation references, found by its connection type's symbol (not by a package
/// name), with the version its assembly declares (<c>AssemblyInformationalVersion</c>, without the commit suffix). What
/// the client does when a connection string says nothing about TLS depends on this version (section 4.1).
/// </summary>
/// <param name="Client">The library: <c>Npgsql</c>, <c>MongoDB.Driver</c>, <c>StackExchange.Redis</c>, <c>MySqlConnector</c>.</param>
/// <param name="Version">The package version, e.g. <c>10.0.3</c>.</param>
internal sealed record TransitClientSpec(string Client, string Version);

/// <summary>
/// Code that may set a client's transport security itself, so that a connection string's silence says nothing: a
/// member of the client's own types whose name is about TLS or certificates (<c>NpgsqlConnectionStringBuilder.SslMode</c>,
/// <c>UseSslClientAuthenticationOptionsCallback</c>, <c>MongoClientSettings.UseTls</c>, <c>ConfigurationOptions.Ssl</c>,
/// <c>MySqlConnectionStringBuilder.SslMode</c>...), confirmed by its symbol.
/// </summary>
/// <param name="Client">The library the member belongs to (as in <see cref="TransitClientSpec.Client"/>).</param>
/// <param name="Name">The member as its type declares it, e.g. <c>ConfigurationOptions.Ssl</c>.</param>
internal sealed record TlsInCodeSpec(string Client, string Name, string Member, SourceLocation? Location);
