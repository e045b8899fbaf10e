using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// ASP.NET Core output caching: the policies configured on <c>OutputCacheOptions</c> (<c>AddBasePolicy</c>,
/// <c>AddPolicy("name", ...)</c>) and where responses are cached (<c>.CacheOutput(...)</c> on an endpoint or route
/// group, <c>[OutputCache(...)]</c> on a controller, action, page or handler lambda). The registration
/// (<c>AddOutputCache</c>) and invalidation (<c>IOutputCacheStore.EvictByTagAsync</c>) are <see cref="CacheParser"/>'s.
/// Each call is confirmed by its method's type (<c>OutputCacheOptions</c>, <c>OutputCachePolicyBuilder</c>, the
/// <c>CacheOutput</c> extensions of the Microsoft.AspNetCore.OutputCaching assembly), the attribute by its type; a
/// policy's steps are read from its builder lambda, and a builder handed to other code, a policy instance or a type
/// added to the builder is said not to be read.
/// </summary>
internal static class OutputCacheParser
{
    private const string OutputCaching = "Microsoft.AspNetCore.OutputCaching";

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddBasePolicy" or "AddPolicy" or "CacheOutput" } } => true,
        AttributeSyntax attribute => SyntaxFacts.RightmostName(attribute.Name) is "OutputCache" or "OutputCacheAttribute",
        _ => false,
    };

    public static OutputCacheResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = context.Node switch
            {
                InvocationExpressionSyntax invocation => Call(invocation, context.SemanticModel, cancellationToken),
                AttributeSyntax attribute => Attribute(attribute, context.SemanticModel, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new OutputCacheResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new OutputCacheResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static OutputCacheSpec? Call(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var name = access.Name.Identifier.ValueText;
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        var arguments = invocation.ArgumentList.Arguments;
        var location = SourceLocation.From(access.Name);
        if (name is "AddBasePolicy" or "AddPolicy")
        {
            // OutputCachePolicyBuilder has an AddPolicy of its own (a policy type added to a builder): not a policy's declaration.
            if (!original.ContainingType.Is(OutputCaching, "OutputCacheOptions")) return null;
            var isBase = name == "AddBasePolicy";
            var policyArgument = arguments.Skip(isBase ? 0 : 1).FirstOrDefault();
            string? policyName = null;
            if (!isBase)
            {
                policyName = arguments.Count > 0 && Semantics.ConstantOf(arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string constant } ? constant : null;
            }
            var call = name + "(" + (isBase ? "" : policyName is null ? "…" : Quote(policyName)) + ")";
            var built = Build(policyArgument?.Expression, ExcludesDefault(invocation, method, model, cancellationToken), model, cancellationToken);
            return built.ToSpec(isBase ? OutputCacheSpec.BasePolicy : OutputCacheSpec.NamedPolicy, policyName, call, null, location);
        }

        // CacheOutput: the convention-builder extensions shipped with output caching (a look-alike elsewhere is nothing).
        if (!original.ContainingType.Is("Microsoft.Extensions.DependencyInjection", "OutputCacheConventionBuilderExtensions")
            || original.ContainingAssembly?.Name != OutputCaching) return null;
        var where = EndpointNames.Where(access.Expression, model, cancellationToken) ?? CodeText.MemberName(invocation, model, cancellationToken);
        var spec = Convention(invocation, access, method, arguments, where, location, model, cancellationToken);
        if (spec is null) return null;
        // The route groups it sits under, for which of two CacheOutput policies applies (DataLayerReportBuilder's join).
        var groups = EndpointNames.GroupKeys(access.Expression, model, cancellationToken);
        var isGroup = where.EndsWith(" (route group)", System.StringComparison.Ordinal);
        if (groups is null || (isGroup && groups.Count == 0)) return spec;
        return spec with
        {
            GroupKey = isGroup ? groups[0] : null,
            EnclosingGroupKeys = (isGroup ? groups.Skip(1) : groups).ToEquatableArray(),
        };
    }

    private static OutputCacheSpec? Convention(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, IMethodSymbol method,
        SeparatedSyntaxList<ArgumentSyntax> arguments, string where, SourceLocation? location, SemanticModel model, CancellationToken cancellationToken)
    {
        var first = arguments.FirstOrDefault()?.Expression;
        if (first is not null && OptionsBuilderParser.ParameterFor(arguments[0], invocation.ArgumentList, method) is { Type.SpecialType: SpecialType.System_String })
        {
            var policy = Semantics.ConstantOf(first, model, cancellationToken) is { HasValue: true, Value: string constant } ? constant : null;
            var uses = new PolicyBuild();
            if (policy is null) uses.NotRead.Add("the policy name `" + (CodeText.Safe(first) ?? "…") + "`");
            return uses.ToSpec(OutputCacheSpec.Endpoint, where, "CacheOutput(" + (policy is null ? "…" : Quote(policy)) + ")", policy, location);
        }
        var result = Build(first, ExcludesDefault(invocation, method, model, cancellationToken), model, cancellationToken);
        var shown = first is null ? "CacheOutput()" : first is LambdaExpressionSyntax ? "CacheOutput(…)" : "CacheOutput(" + (CodeText.Safe(first) ?? "…") + ")";
        return result.ToSpec(OutputCacheSpec.Endpoint, where, shown, null, location);
    }

    /// <summary>The <c>excludeDefaultPolicy</c> argument, when it is the constant <c>true</c>.</summary>
    private static bool ExcludesDefault(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.ArgumentList.Arguments.Any(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "excludeDefaultPolicy"
                                                   && Semantics.ConstantOf(a.Expression, model, cancellationToken) is { HasValue: true, Value: true });

    /// <summary>What a policy argument sets: a builder lambda is read step by step; anything else (a policy instance, a
    /// method group, a variable) is not read.</summary>
    private static PolicyBuild Build(ExpressionSyntax? policy, bool excludesDefault, SemanticModel model, CancellationToken cancellationToken)
    {
        var build = new PolicyBuild();
        if (excludesDefault) build.Settings.Add("default policy excluded (`excludeDefaultPolicy: true`)");
        if (policy is null) return build;
        if (policy is not LambdaExpressionSyntax lambda || SyntaxFacts.SingleParameter(lambda) is not { } builder)
        {
            build.NotRead.Add("the policy `" + (CodeText.Safe(policy) ?? "…") + "`");
            return build;
        }
        // Every use of the builder must be a call on it: handed to other code, what it sets is unknown.
        foreach (var use in lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == builder))
        {
            if (use.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } useAccess && useAccess.Expression == use) continue;
            var holder = use.Ancestors().TakeWhile(a => a != lambda).FirstOrDefault(a => a is InvocationExpressionSyntax or AssignmentExpressionSyntax or ObjectCreationExpressionSyntax) ?? use.Parent ?? use;
            build.NotRead.Add("the builder `" + builder + "` handed to `" + (CodeText.Safe(holder) ?? "…") + "`");
        }
        var calls = lambda.Body.DescendantNodesAndSelf(n => n == lambda.Body || n is not AnonymousFunctionExpressionSyntax)
            .OfType<InvocationExpressionSyntax>()
            .Where(c => c.Expression is MemberAccessExpressionSyntax)
            .OrderBy(c => ((MemberAccessExpressionSyntax)c.Expression).Name.SpanStart);
        foreach (var call in calls)
        {
            if (Semantics.Method(call, model, cancellationToken) is not { } step || !step.ContainingType.Is(OutputCaching, "OutputCachePolicyBuilder")) continue;
            Step(build, call, step, model, cancellationToken);
        }
        return build;
    }

    private static void Step(PolicyBuild build, InvocationExpressionSyntax call, IMethodSymbol step, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
        switch (step.Name)
        {
            case "Expire" when arguments.Count == 1:
                build.Expirations.Add("expires after " + Duration(arguments[0], model, cancellationToken));
                break;
            case "Tag":
                build.Tags.AddRange(Strings(arguments, model, cancellationToken));
                break;
            case "NoCache":
                build.NoCache = true;
                build.Settings.Add("caching turned off (`NoCache()`)");
                break;
            case "Cache":
                build.Settings.Add("caching turned on (`Cache()`)");
                break;
            case "With":
                build.Settings.Add("applies only when its `With(…)` condition holds");
                break;
            case "SetVaryByQuery":
                build.Settings.Add("varies by query " + List(arguments, model, cancellationToken));
                break;
            case "SetVaryByHeader":
                build.Settings.Add("varies by header " + List(arguments, model, cancellationToken));
                break;
            case "SetVaryByRouteValue":
                build.Settings.Add("varies by route value " + List(arguments, model, cancellationToken));
                break;
            case "VaryByValue":
                build.Settings.Add("varies by a value computed per request (`VaryByValue`)");
                break;
            case "SetVaryByHost":
                build.Settings.Add(arguments.Count == 1 && Semantics.ConstantOf(arguments[0], model, cancellationToken) is { HasValue: true, Value: false } ? "does not vary by host" : "`SetVaryByHost(…)`");
                break;
            case "SetLocking":
                build.Settings.Add(arguments.Count == 1 && Semantics.ConstantOf(arguments[0], model, cancellationToken) is { HasValue: true, Value: false } ? "request locking off" : "`SetLocking(…)`");
                break;
            case "Clear":
                build.Settings.Add("earlier steps and the default policy cleared (`Clear()`)");
                build.Expirations.Clear();
                build.Tags.Clear();
                break;
            case "AddPolicy":
                build.NotRead.Add("the policy type added by `" + (CodeText.Safe(call.Expression is MemberAccessExpressionSyntax a ? a.Name : call) ?? "AddPolicy") + (step.IsGenericMethod ? "()" : "(…)") + "`");
                break;
            default:
                build.Settings.Add("`" + step.Name + "(…)`");
                break;
        }
    }

    /// <summary><c>[OutputCache(Duration = 30, PolicyName = "...", Tags = new[] { ... }, VaryBy... = ...)]</c> on a controller,
    /// action, page or endpoint handler. Declarations ask the model; an attribute on a lambda inside a body is bound
    /// speculatively at the statement, so the body is not bound.</summary>
    private static OutputCacheSpec? Attribute(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        var target = attribute.Parent?.Parent;
        ITypeSymbol? type;
        string where;
        ISymbol? declared = null;
        switch (target)
        {
            case AnonymousFunctionExpressionSyntax lambda:
                var statement = lambda.Ancestors().FirstOrDefault(a => a is StatementSyntax or MemberDeclarationSyntax);
                var name = attribute.Name.ToString();
                var written = SyntaxFactory.ParseTypeName(name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name : name + "Attribute");
                type = model.GetSpeculativeTypeInfo((statement ?? lambda).SpanStart, written, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
                where = lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax map } } && EndpointNames.Where(map, model, cancellationToken) is { } endpoint
                    ? endpoint
                    : CodeText.MemberName(lambda, model, cancellationToken) + " (a lambda)";
                break;
            case ClassDeclarationSyntax or MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                type = model.GetTypeInfo(attribute, cancellationToken).Type;
                declared = model.GetDeclaredSymbol(target, cancellationToken);
                where = declared switch
                {
                    INamedTypeSymbol named => named.Name,
                    IMethodSymbol { MethodKind: MethodKind.LocalFunction } local => local.Name + " (local function)",
                    IMethodSymbol method => method.ContainingType.Name + "." + method.Name,
                    _ => "?",
                };
                break;
            default:
                return null;
        }
        if (!type.Is(OutputCaching, "OutputCacheAttribute")) return null;

        var build = new PolicyBuild();
        string? policy = null;
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            var value = argument.Expression;
            switch (argument.NameEquals?.Name.Identifier.ValueText)
            {
                case "Duration":
                    build.Expirations.Add(Semantics.ConstantOf(value, model, cancellationToken) is { HasValue: true, Value: int seconds }
                        ? "expires after " + seconds.ToString(CultureInfo.InvariantCulture) + " second" + (seconds == 1 ? "" : "s")
                        : "expires after `" + (CodeText.Safe(value) ?? "…") + "` seconds");
                    break;
                case "PolicyName":
                    policy = Semantics.ConstantOf(value, model, cancellationToken) is { HasValue: true, Value: string name } ? name : null;
                    if (policy is null) build.NotRead.Add("the policy name `" + (CodeText.Safe(value) ?? "…") + "`");
                    break;
                case "Tags":
                    build.Tags.AddRange(Strings(Elements(value), model, cancellationToken));
                    break;
                case "NoStore":
                    if (Semantics.ConstantOf(value, model, cancellationToken) is { HasValue: true, Value: true })
                    {
                        build.NoCache = true;
                        build.Settings.Add("caching turned off (`NoStore = true`)");
                    }
                    break;
                case "VaryByQueryKeys":
                    build.Settings.Add("varies by query " + List(Elements(value), model, cancellationToken));
                    break;
                case "VaryByHeaderNames":
                    build.Settings.Add("varies by header " + List(Elements(value), model, cancellationToken));
                    break;
                case "VaryByRouteValueNames":
                    build.Settings.Add("varies by route value " + List(Elements(value), model, cancellationToken));
                    break;
            }
        }
        var shown = "[OutputCache" + (attribute.ArgumentList is { Arguments.Count: > 0 } ? "(…)" : "") + "]";
        var spec = build.ToSpec(OutputCacheSpec.Attribute, where, shown, policy, SourceLocation.From(attribute));
        return declared switch
        {
            IMethodSymbol { MethodKind: MethodKind.Ordinary } action when IsControllerLike(action.ContainingType) && ClassAttributeHolder(action.ContainingType) is { } holder =>
                spec with { ReplacesClassAttributeOf = holder.Name },
            INamedTypeSymbol controller when IsControllerLike(controller) =>
                spec with { ReplacedOn = controller.GetMembers().OfType<IMethodSymbol>().Where(IsActionWithOwnAttribute).Select(m => m.Name).Distinct().ToEquatableArray() },
            _ => spec,
        };
    }

    // Controllers: ASP.NET Core MVC puts the controller's attributes into an action endpoint's metadata before the action's
    // own (ActionAttributeRouteModel.AddEndpointMetadata: "more significant metadata must appear later"), reads both with
    // inherit: true (DefaultApplicationModelProvider), and the output-cache middleware takes one OutputCacheAttribute, the
    // last (EndpointMetadataCollection.GetMetadata<OutputCacheAttribute>() in OutputCacheMiddleware.TryGetRequestPolicies).
    // So an action's own [OutputCache] replaces the controller's; their settings are never combined.

    /// <summary>A class MVC may take as a controller or a controller's base: named <c>*Controller</c> or marked
    /// <c>[Controller]</c> (inherited, as <c>ControllerBase</c> is), not <c>[NonController]</c> (ControllerFeatureProvider).</summary>
    private static bool IsControllerLike(INamedTypeSymbol? type)
    {
        if (type is not { TypeKind: TypeKind.Class }) return false;
        var named = type.Name.EndsWith("Controller", System.StringComparison.OrdinalIgnoreCase);
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass.Is("Microsoft.AspNetCore.Mvc", "NonControllerAttribute")) return false;
                if (attribute.AttributeClass.Is("Microsoft.AspNetCore.Mvc", "ControllerAttribute")) named = true;
            }
        }
        return named;
    }

    /// <summary>The class whose class-level <c>[OutputCache]</c> a controller has: its own, else the nearest base class's
    /// (the attribute is <c>Inherited = true, AllowMultiple = false</c>, so a class's own hides its bases').</summary>
    private static INamedTypeSymbol? ClassAttributeHolder(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass.Is(OutputCaching, "OutputCacheAttribute"))) return current;
        }
        return null;
    }

    /// <summary>A public instance method, not <c>[NonAction]</c>, with an <c>[OutputCache]</c> of its own or inherited from the
    /// method it overrides.</summary>
    private static bool IsActionWithOwnAttribute(IMethodSymbol method)
    {
        if (method is not { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false }) return false;
        if (method.GetAttributes().Any(a => a.AttributeClass.Is("Microsoft.AspNetCore.Mvc", "NonActionAttribute"))) return false;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass.Is(OutputCaching, "OutputCacheAttribute"))) return true;
        }
        return false;
    }

    /// <summary>The elements of an array argument: <c>new[] { "a", "b" }</c>, <c>new string[] { ... }</c>, <c>["a", "b"]</c>.</summary>
    private static List<ExpressionSyntax> Elements(ExpressionSyntax value) => value switch
    {
        ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
            collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => new List<ExpressionSyntax> { value },
    };

    /// <summary>Constant strings as they are; other code shown as <c>`code`</c> when it is safe to print.</summary>
    private static IEnumerable<string> Strings(IEnumerable<ExpressionSyntax> values, SemanticModel model, CancellationToken cancellationToken) =>
        values.SelectMany(v => v is ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or CollectionExpressionSyntax ? Elements(v) : new List<ExpressionSyntax> { v })
            .Select(v => Semantics.ConstantOf(v, model, cancellationToken) is { HasValue: true, Value: string text } ? text : "`" + (CodeText.Safe(v) ?? "…") + "` (computed)");

    private static string List(IEnumerable<ExpressionSyntax> values, SemanticModel model, CancellationToken cancellationToken) =>
        string.Join(", ", Strings(values, model, cancellationToken).Select(s => s.StartsWith("`", System.StringComparison.Ordinal) ? s : CodeSpan.Of(s)));

    private static string Duration(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken) =>
        CacheParser.TimeSpanText(value, model, cancellationToken) ?? "`" + (CodeText.Safe(value) ?? "…") + "`";

    private static string Quote(string text) => "\"" + text + "\"";

    private sealed class PolicyBuild
    {
        public List<string> Expirations { get; } = new();
        public List<string> Tags { get; } = new();
        public List<string> Settings { get; } = new();
        public List<string> NotRead { get; } = new();
        public bool NoCache { get; set; }

        public OutputCacheSpec ToSpec(string kind, string? name, string call, string? policy, SourceLocation? location) =>
            new(kind, name, call, policy, Expirations.ToEquatableArray(), Tags.Distinct().ToEquatableArray(), Settings.Distinct().ToEquatableArray(),
                NotRead.Distinct().ToEquatableArray(), NoCache, location);
    }
}

internal sealed record OutputCacheResult(OutputCacheSpec? Spec, string? Error);
