using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A caching provider registered on the service collection, with the options the code sets (secrets redacted).</summary>
/// <param name="Provider">Readable provider name, e.g. <c>In-memory (IMemoryCache)</c>, <c>Redis (IDistributedCache)</c>.</param>
/// <param name="Settings">Option assignments as <c>Name = value</c>, values made safe (constants redacted, code shown only without literals).</param>
internal sealed record CacheProviderSpec(string Provider, string Method, EquatableArray<string> Settings, string? Condition, SourceLocation? Location);

/// <summary>A use of a cache: read-through (<c>GetOrCreate*</c>), read, write, or invalidation.</summary>
/// <param name="Cache">The cache abstraction: IMemoryCache, IDistributedCache or HybridCache.</param>
/// <param name="Operation">The method called.</param>
/// <param name="Kind">cache-aside read-through, read, write, invalidation.</param>
/// <param name="Key">The key: a constant, a pattern with <c>{…}</c> for interpolated parts, or null when computed.</param>
/// <param name="Expiration">Whether the entry gets an expiration: set, none, unresolved, or the cache's default options.</param>
/// <param name="Expirations">Expirations set for the entry (<c>absolute, relative: 5 min</c>, <c>sliding: 30 s</c>...).</param>
/// <param name="FactoryLines">A cache-aside call: the lines of its file (1-based, as in <see cref="Location"/>) that hold only code of its
/// factory lambda (<see cref="Parsing.CacheParser.FactoryLines"/>), whose code runs only on a cache miss; empty otherwise.</param>
internal sealed record CacheUseSpec(
    string Cache,
    string Operation,
    string Kind,
    string? Key,
    EquatableArray<string> Expirations,
    CacheExpiration Expiration,
    string Member,
    SourceLocation? Location,
    EquatableArray<int> FactoryLines = default,
    EquatableArray<string> Tags = default)
{
    /// <summary>The operation names a tag, not a key (<c>RemoveByTag[Async]</c>, <c>EvictByTagAsync</c>): the
    /// <see cref="Key"/> then holds the tag.</summary>
    public bool KeyIsTag => Operation.EndsWith("ByTag", System.StringComparison.Ordinal) || Operation.EndsWith("ByTagAsync", System.StringComparison.Ordinal);
}

/// <summary>What a cache write says about its entry's lifetime.</summary>
internal enum CacheExpiration
{
    /// <summary>A read or an invalidation: no entry is written.</summary>
    NotApplicable,
    /// <summary>The call (or its options or factory) sets at least one expiration.</summary>
    Set,
    /// <summary>Every place that could set one was read, and none does: the entry has no expiration.</summary>
    None,
    /// <summary>Options or an entry are handed to code that was not followed.</summary>
    Unresolved,
    /// <summary>None in the call, and the cache applies its default entry options (HybridCache).</summary>
    DefaultOptions,
}
