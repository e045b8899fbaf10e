using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Which of two <c>CacheOutput</c> policies applies when a route group and an endpoint (or a nested group) mapped on it
/// both have one. ASP.NET Core adds a group's conventions to its endpoints' metadata before the endpoint's own (outer
/// groups before inner ones: <c>RouteGroupBuilder</c>, <c>RouteEndpointDataSource.CreateRouteEndpointBuilder</c>), and the
/// output-cache middleware takes one <c>IOutputCachePolicy</c> from the metadata, the last
/// (<c>OutputCacheMiddleware.TryGetRequestPolicies</c>, <c>GetMetadata&lt;IOutputCachePolicy&gt;()</c>): the most specific
/// <c>CacheOutput</c> replaces the others; they are not combined. Groups are matched by their <c>MapGroup</c> call, never by
/// route text (two groups may share a prefix). The keys are cleared afterwards: they hold file positions.
/// </summary>
internal static class OutputCacheGroups
{
    public static IEnumerable<OutputCacheSpec> Join(IReadOnlyList<OutputCacheSpec> specs)
    {
        var onGroups = specs.Where(s => s.Kind == OutputCacheSpec.Endpoint && s.GroupKey is not null)
            .GroupBy(s => s.GroupKey!, StringComparer.Ordinal)
            // Two CacheOutput calls on one group: which is added last depends on code order DataDocGen does not follow.
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var replacedOn = new Dictionary<OutputCacheSpec, List<string>>();
        var replaces = new Dictionary<OutputCacheSpec, OutputCacheSpec>();
        foreach (var spec in specs.Where(s => s.Kind == OutputCacheSpec.Endpoint && s.EnclosingGroupKeys is { IsEmpty: false }))
        {
            // The innermost enclosing group with a CacheOutput of its own is the one this convention replaces (that group's
            // own policy already replaced any further out).
            var replaced = spec.EnclosingGroupKeys!.Value.Select(key => onGroups.TryGetValue(key, out var group) ? group : null).FirstOrDefault(g => g is not null);
            if (replaced?.Name is null || spec.Name is null) continue;
            replaces[spec] = replaced;
            if (!replacedOn.TryGetValue(replaced, out var routes)) replacedOn[replaced] = routes = new List<string>();
            routes.Add(spec.Name);
        }
        foreach (var spec in specs)
        {
            var joined = spec with { GroupKey = null, EnclosingGroupKeys = null };
            if (replaces.TryGetValue(spec, out var group)) joined = joined with { ReplacesGroupPolicy = group.Name };
            if (replacedOn.TryGetValue(spec, out var routes)) joined = joined with { ReplacedOnRoutes = routes.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToEquatableArray() };
            yield return joined;
        }
    }
}
