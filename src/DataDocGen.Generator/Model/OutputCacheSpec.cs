using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>ASP.NET Core output caching (Microsoft.AspNetCore.OutputCaching): a policy configured on
/// <c>OutputCacheOptions</c>, or a place whose responses are cached.</summary>
/// <param name="Kind"><see cref="BasePolicy"/>, <see cref="NamedPolicy"/>, <see cref="Endpoint"/> (<c>.CacheOutput(...)</c>)
/// or <see cref="Attribute"/> (<c>[OutputCache(...)]</c>).</param>
/// <param name="Name">A named policy's name; for endpoints and attributes, where: <c>GET /products</c>, a route group,
/// <c>ProductsController.Get</c>. Null for a base policy, or a name that is not a constant.</param>
/// <param name="Call">The call or attribute as it reads: <c>AddPolicy("Products")</c>, <c>CacheOutput()</c>, <c>[OutputCache]</c>.</param>
/// <param name="Policy">The named policy an endpoint or attribute uses (a constant), else null.</param>
/// <param name="Expirations">What the policy's own steps set (<c>expires after 5 minutes</c>), in code order.</param>
/// <param name="Tags">Tags given to the cached responses (constants; other code as <c>`code`</c>).</param>
/// <param name="Settings">Other steps, in words: vary-by rules, a <c>With</c> condition, the default policy excluded...</param>
/// <param name="NotRead">Code that builds (part of) the policy and was not read (a policy instance, a builder handed
/// to a method): what it sets, expiration included, is unknown. Empty when everything was read.</param>
/// <param name="NoCache">The policy turns caching off (<c>NoCache()</c>, <c>NoStore = true</c>).</param>
/// <param name="ReplacesClassAttributeOf">For an <c>[OutputCache]</c> on a controller action: the class (the controller or
/// a base class) whose class-level <c>[OutputCache]</c> it replaces for that action; ASP.NET Core applies the action's
/// attribute alone. Null elsewhere.</param>
/// <param name="ReplacedOn">For an <c>[OutputCache]</c> on a controller class: the class's actions whose own
/// <c>[OutputCache]</c> replaces it.</param>
/// <param name="GroupKey">For <c>CacheOutput</c> on a route group: the group's <c>MapGroup</c> call (file and position).
/// Only for the join in <see cref="Report.DataLayerReportBuilder"/>, which clears it: never in the report.</param>
/// <param name="EnclosingGroupKeys">For <c>CacheOutput</c>: the <c>MapGroup</c> calls it sits under (null: unknown). Cleared
/// like <paramref name="GroupKey"/>.</param>
/// <param name="ReplacesGroupPolicy">For <c>CacheOutput</c> on an endpoint or a nested group: the enclosing route group
/// (<c>/admin (route group)</c>) whose own <c>CacheOutput</c> it replaces; ASP.NET Core applies one such policy, the last
/// added, and a group's conventions are added before those of what is mapped on it.</param>
/// <param name="ReplacedOnRoutes">For <c>CacheOutput</c> on a route group: the endpoints and nested groups whose own
/// <c>CacheOutput</c> replaces it.</param>
internal sealed record OutputCacheSpec(
    string Kind,
    string? Name,
    string Call,
    string? Policy,
    EquatableArray<string> Expirations,
    EquatableArray<string> Tags,
    EquatableArray<string> Settings,
    EquatableArray<string> NotRead,
    bool NoCache,
    SourceLocation? Location,
    string? ReplacesClassAttributeOf = null,
    EquatableArray<string> ReplacedOn = default,
    string? GroupKey = null,
    EquatableArray<string>? EnclosingGroupKeys = null,
    string? ReplacesGroupPolicy = null,
    EquatableArray<string> ReplacedOnRoutes = default)
{
    public const string BasePolicy = "base policy";
    public const string NamedPolicy = "named policy";
    public const string Endpoint = "endpoint";
    public const string Attribute = "attribute";

    public bool IsPolicy => Kind is BasePolicy or NamedPolicy;
}
