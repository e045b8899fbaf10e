using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// How long an output-cached response is kept, as far as the code read says. ASP.NET Core's middleware runs the base
/// policies first, then the endpoint's policy (<c>CacheOutput</c>), then <c>[OutputCache]</c>; each <c>Expire</c> (an
/// attribute's <c>Duration</c>) replaces the one before, and a response with none is kept for
/// <c>OutputCacheOptions.DefaultExpirationTimeSpan</c>, 60 seconds unless set (aspnetcore
/// <c>OutputCacheMiddleware.TryGetRequestPolicies</c> and <c>FinalizeCacheHeaders</c>; <c>OutputCacheOptions</c>). A
/// named policy that does not exist does nothing (<c>NamedPolicy</c>); names are compared ignoring case.
/// </summary>
internal static class OutputCacheExpiration
{
    private const string DefaultSeconds = "60 seconds";

    public static string Describe(OutputCacheSpec spec, DataLayerReport report)
    {
        if (spec.NoCache) return "not cached (caching turned off)";
        var notRead = spec.NotRead.IsEmpty ? "" : " (code not read may change it: " + string.Join("; ", spec.NotRead) + ")";
        if (!spec.Expirations.IsEmpty) return string.Join("; ", spec.Expirations) + notRead;
        if (!spec.NotRead.IsEmpty) return "not known: set by code not read (" + string.Join("; ", spec.NotRead) + ")";
        if (spec.Policy is { } name)
        {
            var named = report.OutputCache.Where(o => o.Kind == OutputCacheSpec.NamedPolicy && string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 0)
            {
                return report.OutputCache.Any(o => o.Kind == OutputCacheSpec.NamedPolicy && o.Name is null)
                    ? "from policy " + CodeSpan.Of(name) + " (not known: a policy name is computed)"
                    : "from policy " + CodeSpan.Of(name) + ", which the code read does not configure (a missing policy does nothing)";
            }
            if (named.Count > 1) return "from policy " + CodeSpan.Of(name) + ", configured more than once";
            var policy = named[0];
            if (policy.NoCache) return "not cached (policy " + CodeSpan.Of(name) + " turns caching off)";
            if (!policy.Expirations.IsEmpty) return "from policy " + CodeSpan.Of(name) + ": " + string.Join("; ", policy.Expirations);
            if (!policy.NotRead.IsEmpty) return "not known: policy " + CodeSpan.Of(name) + " is built by code not read";
            return "none in policy " + CodeSpan.Of(name) + ": " + Fallback(report, spec);
        }
        return "none set here: " + Fallback(report, spec);
    }

    /// <summary>What applies when a policy sets no expiration: a base policy's, else the options' default.</summary>
    private static string Fallback(DataLayerReport report, OutputCacheSpec spec)
    {
        var others = report.OutputCache.Where(o => o.Kind == OutputCacheSpec.BasePolicy && !ReferenceEquals(o, spec) && !o.Equals(spec)).ToList();
        var setting = others.Where(o => !o.Expirations.IsEmpty || !o.NotRead.IsEmpty).ToList();
        var defaultText = DefaultText(report);
        if (spec.Kind == OutputCacheSpec.BasePolicy) return setting.Count == 0 ? defaultText : "another base policy's (above), else " + defaultText;
        if (setting.Count == 0) return defaultText;
        if (setting.Count == 1 && setting[0].NotRead.IsEmpty && setting[0].Settings.All(s => !s.StartsWith("applies only when", StringComparison.Ordinal)))
        {
            return "the base policy's applies (" + string.Join("; ", setting[0].Expirations) + ")";
        }
        return "a base policy's (above), else " + defaultText;
    }

    private static string DefaultText(DataLayerReport report)
    {
        const string prefix = "DefaultExpirationTimeSpan = ";
        var values = report.CacheProviders.Where(p => p.Method == "AddOutputCache")
            .SelectMany(p => p.Settings).Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Distinct().ToList();
        return values.Count == 1
            ? "the default applies (`" + values[0] + "` in `AddOutputCache`)"
            : "the default applies (" + DefaultSeconds + " unless `DefaultExpirationTimeSpan` is set)";
    }
}
