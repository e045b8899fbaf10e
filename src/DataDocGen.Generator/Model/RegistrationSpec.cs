using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A service registration of a DbContext: <c>AddDbContext</c>, <c>AddDbContextPool</c>, <c>AddDbContextFactory</c>,
/// <c>AddPooledDbContextFactory</c>, or a provider shorthand such as <c>AddSqlServer&lt;T&gt;</c>.</summary>
/// <param name="PoolSize">The pool size passed, or the method's own default when none is passed; null for unpooled registrations.</param>
/// <param name="PoolSizeIsDefault">True when <see cref="PoolSize"/> is the method's default value.</param>
/// <param name="Lifetime">The context's (or factory's) service lifetime, explicit or the method's default.</param>
/// <param name="ExternalContext">The context's spec when it is declared in a referenced assembly (read from metadata).</param>
/// <param name="OptionsLifetime">The options' lifetime when the call passes one (<c>optionsLifetime</c> of <c>AddDbContext</c>,
/// <c>lifetime</c> of <c>AddDbContextFactory</c>, which registers the options with the factory's); null for the method's default.</param>
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
    string? OptionsLifetime = null);
