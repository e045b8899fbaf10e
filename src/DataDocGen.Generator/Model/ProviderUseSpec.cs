using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A call that selects a database provider, such as <c>options.UseSqlServer(connectionString, ...)</c>.</summary>
/// <param name="Provider">The provider's short name as DATA_LAYER.json writes it (SqlServer, Npgsql, ...).</param>
/// <param name="Method">The method called, e.g. <c>UseSqlServer</c>.</param>
/// <param name="Connection">Where the connection string comes from; empty when the call takes none or it could not be read.</param>
/// <param name="DatabaseName">The database name given to the provider call (in-memory and Cosmos providers take one).</param>
/// <param name="ProviderOptions">Calls made inside the provider's options lambda, rendered as safe code (e.g. <c>EnableRetryOnFailure(5)</c>).</param>
/// <param name="ProviderOptionsLocation">Where that lambda is (its own line when the provider call spans several).</param>
/// <param name="Condition">The condition around the call when it sits in an <c>if</c> or conditional expression, as code.</param>
internal sealed record ProviderUseSpec(
    string Provider,
    string Method,
    EquatableArray<ConnectionSourceSpec> Connection,
    string? DatabaseName,
    EquatableArray<string> ProviderOptions,
    string? Condition,
    SourceLocation? Location,
    SourceLocation? ProviderOptionsLocation = null);

/// <summary>Another call on the options builder (<c>EnableRetryOnFailure</c> aside): <c>UseLazyLoadingProxies()</c>, <c>AddInterceptors(...)</c>...</summary>
/// <param name="Assembly">The assembly that declares the method (tells EFCore.NamingConventions from a look-alike).</param>
/// <param name="ArgumentTypes">For <c>AddInterceptors(...)</c>: each argument's type (full name), "?" where it is not a
/// class of its own (an interface, an array, unknown): tells which interceptor classes the context gets.</param>
internal sealed record OptionCallSpec(string Call, SourceLocation? Location, string? Assembly = null, EquatableArray<string> ArgumentTypes = default);
