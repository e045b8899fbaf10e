using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads what a model-building body (<c>OnModelCreating</c>, <c>IEntityTypeConfiguration&lt;T&gt;.Configure</c>) says
/// about tables: <c>ToTable</c>/<c>ToView</c>, mapping strategies, the default schema, and which configuration classes
/// it applies. Calls that change names in a way we cannot evaluate are kept as "unresolved" so the report can say so.
/// </summary>
internal static class ModelConfigurationParser
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";
    private const string EfMetadataBuilders = "Microsoft.EntityFrameworkCore.Metadata.Builders";

    private static readonly HashSet<string> InterestingNames = new()
    {
        // ToSqlQuery and ToFunction are not here: EF Core keeps the entity's default table mapping beside them
        // (checked against EF Core's relational model in TableMappingFidelityTests).
        "ToTable", "ToView", "UseTphMappingStrategy", "UseTptMappingStrategy", "UseTpcMappingStrategy",
        "HasDefaultSchema", "ApplyConfiguration", "ApplyConfigurationsFromAssembly", "SetTableName", "SetSchema", "SetViewName",
    };

    /// <param name="configuredTypes">Receives the entity classes the body names (<c>Entity&lt;T&gt;()</c>, builder types), to read them for the schema.</param>
    public static ModelConfigurationSpec Parse(SyntaxNode body, SemanticModel model, List<ITypeSymbol> configuredTypes, CancellationToken cancellationToken) =>
        Parse(body, model, configuredTypes, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);

    /// <summary>A method's body read as a model-building body (the <c>Configure</c> a configuration class runs, maybe
    /// inherited from a generic base configuration), the class's type parameters bound to the entity types.</summary>
    public static ModelConfigurationSpec ParseMethod(IMethodSymbol method, Compilation compilation, List<ITypeSymbol> configuredTypes, CancellationToken cancellationToken)
    {
        var helper = ModelHelperCalls.Read(method, compilation, cancellationToken, exactTarget: true);
        if (helper.Unreadable is { } why)
        {
            var location = method.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is { } declaration ? SourceLocation.From(declaration) : null;
            return ModelConfigurationSpec.Empty with { Unresolved = new[] { new UnresolvedConfigurationSpec(why, location) }.ToEquatableArray() };
        }
        var types = new List<ITypeSymbol>();
        var spec = Substitute(Parse(helper.Body!, helper.Model!, types, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { helper.Method }, cancellationToken), helper.TypeMap);
        configuredTypes.AddRange(types.Where(t => t is not ITypeParameterSymbol));
        return spec;
    }

    /// <param name="helpers">The helper methods being read (a helper calling itself is not read again).</param>
    /// <param name="facades">The helper's parameters that receive the context's <c>Database</c> at the call being read.</param>
    private static ModelConfigurationSpec Parse(SyntaxNode body, SemanticModel model, List<ITypeSymbol> configuredTypes, HashSet<IMethodSymbol> helpers, CancellationToken cancellationToken,
        IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        var mappings = new List<TableMappingSpec>();
        var applied = new List<string>();
        var unresolved = new List<UnresolvedConfigurationSpec>();
        var schemaCalls = new List<(int Position, DefaultSchemaCall Call)>(); // in the order they run: a helper's at its call
        var conditionalApplies = new List<ConditionalApply>();
        string? defaultSchema = null;
        var fromAssembly = false;
        var loops = ModelLoopReader.Read(body, model, cancellationToken, facades);
        unresolved.AddRange(loops.Unresolved);

        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (loops.IsConsumed(invocation)) continue;
            var name = OptionsBuilderParser.MethodName(invocation);
            if (name is null) continue;
            if (!InterestingNames.Contains(name))
            {
                if (ForeignModelExtension(invocation, model, cancellationToken) is { } foreign) unresolved.Add(foreign);
                continue;
            }
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) continue;
            var location = SourceLocation.From(invocation);
            var receiver = OptionsBuilderParser.ReceiverType(method);
            ProviderCondition? when = null;
            if (method.ContainingType.IsInNamespaceOrBelow(EfNamespace) && ConditionalConfiguration.Of(invocation, body, loops) is { } condition)
            {
                // Under a check of the provider, a table mapping is kept with the check (the report evaluates it); other
                // configuration there is reported as not evaluated, unless the provider rules it out.
                when = ConditionalConfiguration.ProviderOnly(invocation, body, condition, model, cancellationToken, facades);
                if (when is null || name is not ("ToTable" or "ToView" or "UseTphMappingStrategy" or "UseTptMappingStrategy" or "UseTpcMappingStrategy" or "HasDefaultSchema" or "ApplyConfiguration"))
                {
                    unresolved.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(condition), location, when));
                    continue;
                }
            }
            var (mappingCount, unresolvedCount) = (mappings.Count, unresolved.Count);

            switch (name)
            {
                case "HasDefaultSchema" when receiver.Is(EfNamespace, "ModelBuilder") && when is not null:
                    // For some providers only: the report takes it where its checks hold (Report/ProviderConditions).
                    if (ConstantArgument(invocation, method, "schema", model, cancellationToken) is { IsConstant: true, Value: { } conditionalSchema })
                        schemaCalls.Add((invocation.SpanStart, new DefaultSchemaCall(conditionalSchema, when, location)));
                    else unresolved.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(when.Text), location, when));
                    break;
                case "HasDefaultSchema" when receiver.Is(EfNamespace, "ModelBuilder"):
                    if (ConstantArgument(invocation, method, "schema", model, cancellationToken) is { IsConstant: true } schema)
                    {
                        defaultSchema = schema.Value;
                        if (schema.Value is { } value) schemaCalls.Add((invocation.SpanStart, new DefaultSchemaCall(value, null, location)));
                    }
                    // Read at run time (a tenant's schema): EF's design-time model would show whatever value design time
                    // gives, so no schema can be stated; the tables are withheld rather than shown in a guessed schema.
                    else unresolved.Add(new UnresolvedConfigurationSpec("default schema set at run time (`HasDefaultSchema(" + (CodeText.Safe(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression ?? (SyntaxNode)invocation) ?? "…") + ")`): the tables' schema is known only at run time", location));
                    break;
                case "ApplyConfiguration" when receiver.Is(EfNamespace, "ModelBuilder"):
                    // The configuration's class, known from the argument's type: a class that can be instantiated. An
                    // interface, an abstract class, a type parameter or `dynamic` says nothing about what it configures.
                    if (invocation.ArgumentList.Arguments.FirstOrDefault() is { } argument
                        && Semantics.TypeOf(argument.Expression, model, cancellationToken) is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } configurationType)
                    {
                        // For some providers only: the report applies it where its checks hold (Report/ProviderConditions).
                        if (when is not null) conditionalApplies.Add(new ConditionalApply(configurationType.ClrFullName(), when, location));
                        else applied.Add(configurationType.ClrFullName());
                    }
                    else unresolved.Add(new UnresolvedConfigurationSpec("an entity configuration applied through `" + (CodeText.Safe(invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression ?? (SyntaxNode)invocation) ?? "…")
                        + "`, whose class is not known", location));
                    break;
                case "ApplyConfigurationsFromAssembly" when receiver.Is(EfNamespace, "ModelBuilder"):
                    // A predicate (`t => t.Namespace == "..."`) chooses which configurations apply: not evaluated (all of
                    // them were applied before, a wrong fact for those it leaves out; EF judge: aviary model).
                    if (invocation.ArgumentList.Arguments.Count > 1)
                        unresolved.Add(new UnresolvedConfigurationSpec("entity configurations applied from the assembly are chosen by a predicate, which is not evaluated", location));
                    else if (IsCurrentAssembly(invocation, model, cancellationToken)) fromAssembly = true;
                    else unresolved.Add(new UnresolvedConfigurationSpec("entity configurations applied from another assembly", location));
                    break;
                case "SetTableName" or "SetSchema" or "SetViewName" when method.ContainingType.IsInNamespaceOrBelow(EfNamespace): // not a look-alike
                    unresolved.Add(new UnresolvedConfigurationSpec("table names or schemas set in code (`" + name + "`)", location));
                    break;
                default:
                    ParseMapping(invocation, method, name, receiver, model, mappings, unresolved, location, cancellationToken);
                    break;
            }
            if (when is not null)
            {
                for (var i = mappingCount; i < mappings.Count; i++) mappings[i] = mappings[i] with { When = when };
                for (var i = unresolvedCount; i < unresolved.Count; i++) unresolved[i] = unresolved[i] with { When = when };
            }
        }

        // Helper methods the body hands a builder to: read where they are called (their chains and mappings join the body's
        // at the call), or reported as not evaluated.
        var helperChains = new List<(int Position, FluentChainSpec Chain)>();
        var helperCalls = new HashSet<InvocationExpressionSyntax>();
        foreach (var (call, helper) in ModelHelperCalls.Find(body, model, loops, cancellationToken))
        {
            var location = SourceLocation.From(call);
            // The call itself (`modelBuilder.ConfigureRooms()`) is no fluent step of EF Core's: not read as a chain. A method
            // group handed to EF Core (`Entity<Order>(ConfigureOrder)`) is, as the call that names the entity type.
            // The helper's DatabaseFacade parameters that receive the context's `Database` here: checks on them are read.
            IReadOnlyCollection<IParameterSymbol>? helperFacades = null;
            if (OptionsBuilderParser.ResolveMethod(call, model, cancellationToken) is { } called
                && SymbolEqualityComparer.Default.Equals((called.ReducedFrom ?? called).OriginalDefinition, helper.Method))
            {
                helperCalls.Add(call);
                helperFacades = ProviderChecks.FacadeParameters(call, called, helper.Method, helper.Body, model, facades, cancellationToken);
            }
            if (helper.Unreadable is { } why)
            {
                unresolved.Add(new UnresolvedConfigurationSpec(why, location));
                continue;
            }
            // Under provider checks only, the helper is read and what it configures keeps the checks (the report
            // evaluates them); under any other condition it is reported as not evaluated.
            ProviderCondition? helperWhen = null;
            if (ConditionalConfiguration.Of(call, body, loops) is { } helperCondition)
            {
                helperWhen = ConditionalConfiguration.ProviderOnly(call, body, helperCondition, model, cancellationToken, facades);
                if (helperWhen is null)
                {
                    unresolved.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(helperCondition), location));
                    continue;
                }
            }
            if (helpers.Count >= 4 || !helpers.Add(helper.Method))
            {
                unresolved.Add(new UnresolvedConfigurationSpec("configuration in `" + helper.Method.Name + "` is not evaluated (helpers nested too deep, or recursive)", location));
                continue;
            }
            var helperTypes = new List<ITypeSymbol>();
            var inner = Substitute(Parse(helper.Body!, helper.Model!, helperTypes, helpers, cancellationToken, helperFacades), helper.TypeMap);
            helpers.Remove(helper.Method);
            if (helperWhen is not null)
            {
                if (inner.AppliesConfigurationsFromAssembly)
                {
                    unresolved.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(helperWhen.Text), location, helperWhen));
                    continue;
                }
                inner = Under(inner, helperWhen, location);
            }
            configuredTypes.AddRange(helperTypes.Where(t => t is not ITypeParameterSymbol));
            if (OptionsBuilderParser.ResolveMethod(call, model, cancellationToken) is { } bound) configuredTypes.AddRange(bound.TypeArguments.Where(t => t is INamedTypeSymbol));
            // Mappings in call order: the body's own mappings made before the call come first.
            var at = mappings.Count(m => m.Location is { } l && location is not null && l.Path == location.Path && l.Line <= location.Line);
            mappings.InsertRange(Math.Min(at, mappings.Count), inner.Mappings);
            applied.AddRange(inner.AppliedConfigurations);
            fromAssembly |= inner.AppliesConfigurationsFromAssembly;
            unresolved.AddRange(inner.Unresolved);
            // The helper's HasDefaultSchema calls at the call's place among the body's (the report takes the last that runs).
            schemaCalls.AddRange(inner.SchemaCalls.Select(c => (call.SpanStart, c)));
            conditionalApplies.AddRange(inner.ConditionalApplies);
            if (inner.DefaultSchema is not null)
            {
                if (defaultSchema is not null && defaultSchema != inner.DefaultSchema) unresolved.Add(new UnresolvedConfigurationSpec("the default schema is set in several places", location));
                defaultSchema = inner.DefaultSchema;
            }
            helperChains.AddRange(inner.Chains.Select(c => (call.SpanStart, c)));
        }

        var chains = FluentChainParser.Parse(body, model, configuredTypes, cancellationToken, loops, helperChains, helperCalls, unresolved, facades);
        return new ModelConfigurationSpec(mappings.ToEquatableArray(), defaultSchema, applied.ToEquatableArray(), fromAssembly, unresolved.ToEquatableArray(), chains.ToEquatableArray(),
            schemaCalls.OrderBy(c => c.Position).Select(c => c.Call).ToEquatableArray(), conditionalApplies.ToEquatableArray());
    }

    /// <summary>A helper's configuration as it runs when called under provider checks: everything it configures keeps
    /// <paramref name="when"/> (and its own checks), so the report keeps it for a provider the checks admit and drops it
    /// for another.</summary>
    private static ModelConfigurationSpec Under(ModelConfigurationSpec inner, ProviderCondition when, SourceLocation? call) => inner with
    {
        Mappings = inner.Mappings.Select(m => m with { When = ProviderCondition.And(when, m.When) }).ToEquatableArray(),
        Chains = inner.Chains.Select(c => c with { When = ProviderCondition.And(when, c.When) }).ToEquatableArray(),
        Unresolved = inner.Unresolved.Select(u => u with { When = ProviderCondition.And(when, u.When) }).ToEquatableArray(),
        SchemaCalls = inner.SchemaCalls.Select(c => c with { When = ProviderCondition.And(when, c.When) }).ToEquatableArray(),
        DefaultSchema = null,
        AppliedConfigurations = EquatableArray<string>.Empty,
        ConditionalApplies = inner.AppliedConfigurations.Select(a => new ConditionalApply(a, when, call))
            .Concat(inner.ConditionalApplies.Select(a => a with { When = ProviderCondition.And(when, a.When) })).ToEquatableArray(),
    };

    /// <summary>A generic helper's configuration with its type parameters replaced by the entity types the call binds.</summary>
    private static ModelConfigurationSpec Substitute(ModelConfigurationSpec spec, Dictionary<string, string> map)
    {
        if (map.Count == 0) return spec;
        string Bind(string name) => map.TryGetValue(name, out var bound) ? bound : name;
        return spec with
        {
            Mappings = spec.Mappings.Select(m => m with { EntityFullName = Bind(m.EntityFullName) }).ToEquatableArray(),
            Chains = spec.Chains.Select(c => c.Entity is { } entity ? c with { Entity = Bind(entity) } : c).ToEquatableArray(),
        };
    }

    /// <summary>An extension method on <c>ModelBuilder</c> from another assembly (MassTransit's
    /// <c>AddOutboxMessageEntity</c>, OpenIddict's <c>UseOpenIddict</c>...): it may add entity types and tables that
    /// cannot be read, so the table list is withheld rather than stated incomplete.</summary>
    private static UnresolvedConfigurationSpec? ForeignModelExtension(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax) return null;
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { ReducedFrom: { } extension } method) return null;
        if (!OptionsBuilderParser.ReceiverType(method).Is(EfNamespace, "ModelBuilder")) return null;
        // Compiled elsewhere: another assembly (a package, or a referenced project, which an IDE hands over with its syntax).
        if (extension.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")
            || SymbolEqualityComparer.Default.Equals(extension.ContainingAssembly, model.Compilation.Assembly)) return null;
        return new UnresolvedConfigurationSpec("`" + method.Name + "` from `" + extension.ContainingAssembly?.Name + "` configures the model in compiled code that cannot be read", SourceLocation.From(invocation));
    }

    private static void ParseMapping(InvocationExpressionSyntax invocation, IMethodSymbol method, string name, ITypeSymbol? receiver,
        SemanticModel model, List<TableMappingSpec> mappings, List<UnresolvedConfigurationSpec> unresolved, SourceLocation? location,
        CancellationToken cancellationToken)
    {
        if (receiver is null || !receiver.IsInNamespace(EfMetadataBuilders)) return;
        if (receiver.MetadataName.StartsWith("Owned", System.StringComparison.Ordinal)) return; // owned tables: not part of the DbSet table list
        if (receiver is not INamedTypeSymbol { MetadataName: "EntityTypeBuilder`1", TypeArguments.Length: 1 } builder)
        {
            if (receiver.MetadataName == "EntityTypeBuilder" && !FluentChainParser.IsJoinTableLambdaBody(invocation))
            {
                unresolved.Add(new UnresolvedConfigurationSpec("`" + name + "` on an entity type chosen at run time", location));
            }
            return;
        }

        var entity = builder.TypeArguments[0].ClrFullName();
        // j.ToTable("PostTag") in UsingEntity<Dictionary<string, object>>("PostTag", ..., j => ...): the shared-type entity's table.
        if (Schema.SchemaBuilder.IsPropertyBag(entity) && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax bagBuilder }
            && FluentChainParser.PropertyBagJoinName(bagBuilder, model, cancellationToken) is { } bagJoin)
        {
            entity = bagJoin;
        }
        switch (name)
        {
            case "UseTphMappingStrategy": mappings.Add(new TableMappingSpec(entity, TableMappingKind.TphStrategy, null, null, location)); return;
            case "UseTptMappingStrategy": mappings.Add(new TableMappingSpec(entity, TableMappingKind.TptStrategy, null, null, location)); return;
            case "UseTpcMappingStrategy": mappings.Add(new TableMappingSpec(entity, TableMappingKind.TpcStrategy, null, null, location)); return;
        }

        var kind = name == "ToView" ? TableMappingKind.View : TableMappingKind.Table;
        var hasName = method.Parameters.Any(p => p.Name == "name");
        if (!hasName)
        {
            return; // ToTable(t => ...) keeps the current name
        }
        var tableName = ConstantArgument(invocation, method, "name", model, cancellationToken);
        var schema = ConstantArgument(invocation, method, "schema", model, cancellationToken);
        if (tableName is not { IsConstant: true } || (schema is { IsConstant: false }))
        {
            unresolved.Add(new UnresolvedConfigurationSpec("`" + name + "` with a name computed at run time", location));
            return;
        }
        var table = tableName.Value.Value;
        mappings.Add(table is null
            ? new TableMappingSpec(entity, TableMappingKind.NoTable, null, null, location) // ToTable((string?)null): no table
            : new TableMappingSpec(entity, kind, table, schema?.Value, location));
    }

    /// <summary>A string argument's constant value; null when the argument is absent, <c>IsConstant: false</c> when it is not constant.</summary>
    private static (bool IsConstant, string? Value)? ConstantArgument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameterName,
        SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name != parameterName) continue;
            var constant = Semantics.ConstantOf(argument.Expression, model, cancellationToken);
            return constant.HasValue && constant.Value is null or string ? (true, (string?)constant.Value) : (false, (string?)null);
        }
        return null;
    }

    /// <summary>True for <c>typeof(X).Assembly</c> with X in this compilation, <c>GetType().Assembly</c> and <c>Assembly.GetExecutingAssembly()</c>.</summary>
    private static bool IsCurrentAssembly(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } written ? SyntaxFacts.Unwrapped(written) : null;
        switch (argument)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: TypeOfExpressionSyntax typeOf }:
                return Semantics.TypeOf(typeOf.Type, model, cancellationToken)?.ContainingAssembly is { } assembly
                    && SymbolEqualityComparer.Default.Equals(assembly, model.Compilation.Assembly);
            // GetType().Assembly or this.GetType().Assembly in the context: its own assembly (a context derived in another
            // assembly would name that one; not followed).
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "GetType" }, ArgumentList.Arguments.Count: 0 } }:
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: "GetType" }, ArgumentList.Arguments.Count: 0 } }:
                return true;
            // Assembly.GetAssembly(typeof(X)) and typeof(X).GetTypeInfo().Assembly: X's assembly.
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAssembly" }, ArgumentList.Arguments: { Count: 1 } getAssembly }
                when getAssembly[0].Expression is TypeOfExpressionSyntax assemblyOf:
                return Semantics.TypeOf(assemblyOf.Type, model, cancellationToken)?.ContainingAssembly is { } named
                    && SymbolEqualityComparer.Default.Equals(named, model.Compilation.Assembly);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetTypeInfo", Expression: TypeOfExpressionSyntax typeInfoOf } } }:
                return Semantics.TypeOf(typeInfoOf.Type, model, cancellationToken)?.ContainingAssembly is { } infoAssembly
                    && SymbolEqualityComparer.Default.Equals(infoAssembly, model.Compilation.Assembly);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetExecutingAssembly" } }:
                return true;
            default:
                return false;
        }
    }
}
