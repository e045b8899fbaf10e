using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>An options builder the code makes itself, <c>new DbContextOptionsBuilder&lt;T&gt;()</c>, outside
/// <c>OnConfiguring</c> and registrations (BTCPay's <c>ApplicationDbContextFactory.CreateContext</c>, a design-time
/// factory), with the calls made on it there and in the project methods it is handed to (<c>Parsing/BuiltOptionsParser</c>).</summary>
/// <param name="ContextFullName">The builder's <c>T</c>: the context its options are for.</param>
/// <param name="Member">Where the builder is made (<c>ApplicationDbContextFactory.CreateContext</c>).</param>
/// <param name="DesignTime">The builder is made in a class implementing <c>IDesignTimeDbContextFactory&lt;T&gt;</c>: what
/// <c>dotnet ef</c> uses, not the application at run time.</param>
/// <param name="NotFollowed">Calls that hand the builder to code DataDocGen does not follow (a method compiled in another
/// assembly, an interface or virtual member, a delegate).</param>
/// <param name="Location">The <c>new DbContextOptionsBuilder&lt;T&gt;()</c>.</param>
internal sealed record BuiltOptionsSpec(
    string ContextFullName,
    string Member,
    bool DesignTime,
    EquatableArray<ProviderUseSpec> Providers,
    EquatableArray<OptionCallSpec> Options,
    EquatableArray<OptionCallSpec> NotFollowed,
    SourceLocation? Location);

/// <summary>The detector's result: an options builder made in code, or the description of a failure to report as a warning.</summary>
internal sealed record BuiltOptionsResult(BuiltOptionsSpec? Site, string? Error);

/// <summary>A call choosing a provider (<c>UseNpgsql</c>...) on a <c>DbContextOptionsBuilder</c>, wherever it is: the report
/// names those it attributes to no context when a context's provider is unknown (<c>Parsing/ProviderCallParser</c>).</summary>
internal sealed record ProviderCallSpec(string Provider, string Method, SourceLocation? Location);
