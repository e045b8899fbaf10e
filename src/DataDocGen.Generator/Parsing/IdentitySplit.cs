using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Splits the configuration of the override that calls Identity's <c>base.OnModelCreating(builder)</c> into what
/// runs before it and what runs after it (and may change Identity's tables), by source line.</summary>
internal static class IdentitySplit
{
    public static (ModelConfigurationSpec Before, ModelConfigurationSpec After)? AtBaseCall(SyntaxNode body, ModelConfigurationSpec part, out UnresolvedConfigurationSpec? reason)
    {
        reason = null;
        var call = IdentityContextReader.TopLevelBaseCall(body, "OnModelCreating");
        var lines = call?.GetLocation().GetLineSpan();
        if (call is null || lines is null || string.IsNullOrEmpty(lines.Value.Path))
        {
            reason = new UnresolvedConfigurationSpec("`base.OnModelCreating` (ASP.NET Core Identity's configuration) is not called exactly once as a statement of the override, so when it runs is not followed", SourceLocation.From(body));
            return null;
        }
        var first = lines.Value.StartLinePosition.Line + 1;
        var last = lines.Value.EndLinePosition.Line + 1;
        var applyBefore = body.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.SpanStart < call.SpanStart
            && SyntaxFacts.CalledName(i) is "ApplyConfiguration" or "ApplyConfigurationsFromAssembly");
        if (applyBefore is not null)
        {
            reason = new UnresolvedConfigurationSpec("configuration classes applied before `base.OnModelCreating` (ASP.NET Core Identity's configuration) are not ordered with it", SourceLocation.From(applyBefore));
            return null;
        }
        if (part.Chains.Select(c => c.Location).Concat(part.Mappings.Select(m => m.Location)).Any(l => l is null || (l.Line >= first && l.Line <= last)))
        {
            reason = new UnresolvedConfigurationSpec("configuration on the line of `base.OnModelCreating` (ASP.NET Core Identity's configuration) is not ordered with it", SourceLocation.From(call));
            return null;
        }
        var before = part with
        {
            Chains = part.Chains.Where(c => c.Location!.Line < first).ToEquatableArray(),
            Mappings = part.Mappings.Where(m => m.Location!.Line < first).ToEquatableArray(),
            AppliedConfigurations = EquatableArray<string>.Empty,
            ConditionalApplies = EquatableArray<ConditionalApply>.Empty,
            AppliesConfigurationsFromAssembly = false,
            DefaultSchema = null,
        };
        var after = part with
        {
            Chains = part.Chains.Where(c => c.Location!.Line > last).ToEquatableArray(),
            Mappings = part.Mappings.Where(m => m.Location!.Line > last).ToEquatableArray(),
            Unresolved = EquatableArray<UnresolvedConfigurationSpec>.Empty,
        };
        return (before, after);
    }
}
