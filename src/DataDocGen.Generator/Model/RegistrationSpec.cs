using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A service registration of a DbContext: <c>AddDbContext</c>, <c>AddDbContextPool</c>, <c>AddDbContextFactory</c>,
/// <c>AddPooledDbContextFactory</c>, a provider shorthand such as <c>AddSqlServer&lt;T&gt;</c>, or Aspire's <c>AddNpgsqlDbContext&lt;T&gt;</c>.</summary>
/// <param name="PoolSize">The pool size passed, or the method's own default when none is passed; null for unpooled registrations.</param>
/// <param name="PoolSizeIsDefault">True when <see cref="PoolSize"/> is the method's default value.</param>
/// <param name="Lifetime">The context's (or factory's) service lifetime, explicit or the method's default.</param>
/// <param name="ExternalContext">The context's spec when it is declared in a referenced assembly (read from metadata).</param>
/// <param name="OptionsLifetime">The options' lifetime when the call passes one (<c>optionsLifetime</c> of <c>AddDbContext</c>,
/// <c>lifetime</c> of <c>AddDbContextFactory</c>, which registers the options with the factory's); null for the method's default.</param>
/// <param name="Retry">For Aspire's <c>AddNpgsqlDbContext</c>, which turns retries on unless its settings' <c>DisableRetry</c>
/// is set: "on", "off" (a constant in the settings lambda) or "set in code"; null for other registrations.</param>
/// <param name="NotFollowed">Calls in the options action that hand the options builder to code DataDocGen does not follow
/// (<c>provider.Initialise(opt)</c>), or the action itself when it is no lambda: the provider and options may be set there.</param>
internal sealed record RegistrationSpec(
    string ContextFullName,
    string Method,
    string? PoolSize,
    bool PoolSizeIsDefault,
    string? Lifetime,
    EquatableArray<ProviderUseSpec> Providers,
    EquatableArray<OptionCallSpec> Options,
    string? Condition,
    SourceLocation? Location,
    DbContextSpec? ExternalContext,
    string? OptionsLifetime = null,
    string? Retry = null,
    EquatableArray<OptionCallSpec> NotFollowed = default);
