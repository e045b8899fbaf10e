using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Model configuration that runs only for some providers (<c>if (Database.IsSqlServer()) ...</c>), evaluated against the
/// context's one known provider as EF Core's design-time model would: kept when its checks hold, dropped when one
/// fails. With no single known provider it is reported as not evaluated, as any other condition (its tables withheld).
/// </summary>
internal static class ProviderConditions
{
    /// <summary>True, false, or null when it cannot be told.</summary>
    public static bool? Evaluate(ProviderCondition when, string? provider)
    {
        var result = (bool?)true;
        foreach (var check in when.Checks)
        {
            var holds = ProviderChecks.Holds(check, provider);
            if (holds == false) return false;
            if (holds is null) result = null;
        }
        return result;
    }

    /// <summary>The context's model as it runs for <paramref name="provider"/>, with ASP.NET Core Identity's place in its
    /// chains and mappings moved back by what is dropped before it.</summary>
    public static DbContextSpec Apply(DbContextSpec context, string? provider, List<UnresolvedConfigurationSpec> unknown)
    {
        var identity = context.Identity;
        if (identity is not null)
        {
            var chains = context.Model.Chains.Take(identity.ChainIndex).Count(c => c.When is { } when && Evaluate(when, provider) != true);
            var mappings = context.Model.Mappings.Take(identity.MappingIndex).Count(m => m.When is { } when && Evaluate(when, provider) != true);
            identity = identity with { ChainIndex = identity.ChainIndex - chains, MappingIndex = identity.MappingIndex - mappings };
        }
        return context with { Model = Apply(context.Model, provider, unknown), Identity = identity };
    }

    /// <summary>The model as it runs for <paramref name="provider"/>; configuration that cannot be evaluated goes to
    /// <paramref name="unknown"/> with its condition.</summary>
    public static ModelConfigurationSpec Apply(ModelConfigurationSpec model, string? provider, List<UnresolvedConfigurationSpec> unknown)
    {
        if (!model.Chains.Any(c => c.When is not null) && !model.Mappings.Any(m => m.When is not null) && !model.Unresolved.Any(u => u.When is not null)
            && !model.SchemaCalls.Any(c => c.When is not null) && model.ConditionalApplies.IsEmpty) return model;
        void NotEvaluated(ProviderCondition when, SourceLocation? location)
        {
            var reason = new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(when.Text), location);
            if (!unknown.Contains(reason)) unknown.Add(reason);
        }
        var chains = new List<FluentChainSpec>();
        foreach (var chain in model.Chains)
        {
            if (chain.When is not { } when) chains.Add(chain);
            else if (Evaluate(when, provider) is { } holds) { if (holds) chains.Add(chain with { When = null }); }
            else NotEvaluated(when, chain.Location);
        }
        var mappings = new List<TableMappingSpec>();
        foreach (var mapping in model.Mappings)
        {
            if (mapping.When is not { } when) mappings.Add(mapping);
            else if (Evaluate(when, provider) is { } holds) { if (holds) mappings.Add(mapping with { When = null }); }
            else NotEvaluated(when, mapping.Location);
        }
        // Not evaluated either way, unless the provider rules the statement out.
        var unresolved = model.Unresolved.Where(u => u.When is null || Evaluate(u.When, provider) != false).Select(u => u with { When = null });
        // The default schema: the last HasDefaultSchema call that runs for this provider (calls in body order; an
        // unconditional one is the last of those before it, as before).
        var defaultSchema = model.DefaultSchema;
        if (model.SchemaCalls.Any(c => c.When is not null))
        {
            defaultSchema = null;
            foreach (var call in model.SchemaCalls)
            {
                if (call.When is not { } when) defaultSchema = call.Schema;
                else if (Evaluate(when, provider) is { } holds) { if (holds) defaultSchema = call.Schema; }
                else NotEvaluated(when, call.Location);
            }
        }
        // Configuration classes applied for some providers only.
        var applied = model.AppliedConfigurations.ToList();
        foreach (var apply in model.ConditionalApplies)
        {
            if (Evaluate(apply.When, provider) is { } holds) { if (holds && !applied.Contains(apply.ConfigurationFullName)) applied.Add(apply.ConfigurationFullName); }
            else NotEvaluated(apply.When, apply.Location);
        }
        return model with
        {
            Chains = chains.ToEquatableArray(), Mappings = mappings.ToEquatableArray(), Unresolved = unresolved.ToEquatableArray(), DefaultSchema = defaultSchema,
            AppliedConfigurations = applied.ToEquatableArray(), ConditionalApplies = EquatableArray<ConditionalApply>.Empty,
        };
    }
}
