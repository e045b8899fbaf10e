using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the expiration a cache write or read-through gives its entry, from every place the APIs take it:
/// the <c>Set(key, value, TimeSpan | DateTimeOffset | IChangeToken)</c> overloads; an entry-options argument
/// (created inline, or a local, field or property whose initializer and later assignments are in the code);
/// the <c>ICacheEntry</c> a <c>GetOrCreate*</c> factory receives. "None" is claimed only when every such place
/// was read and set nothing; options or an entry handed to code we cannot follow make the status unresolved.
/// </summary>
internal static class CacheExpirationReader
{
    private static readonly HashSet<string> ExpirationNames = new()
    {
        "AbsoluteExpiration", "AbsoluteExpirationRelativeToNow", "SlidingExpiration", "Expiration", "LocalCacheExpiration",
        "SetAbsoluteExpiration", "SetSlidingExpiration", "AddExpirationToken",
        "Duration", "SetDuration", "SetDurationInfinite", // FusionCache
    };

    /// <summary>Members of options and entries that leave the expiration as it is.</summary>
    private static readonly HashSet<string> NeutralMembers = new()
    {
        "Size", "SetSize", "Priority", "SetPriority", "Value", "SetValue", "Key", "RegisterPostEvictionCallback", "PostEvictionCallbacks", "Flags", "Dispose",
        "SetFailSafe", "SetFactoryTimeouts", // FusionCache: the logical duration stays as set
    };

    public static (EquatableArray<string> Expirations, CacheExpiration Status, List<EvictionCallback> Callbacks) Read(
        InvocationExpressionSyntax invocation, IMethodSymbol method, string cache, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var failSafe = new List<string>();
        var callbacks = new List<EvictionCallback>();
        var unresolved = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var parameter = OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method);
            if (parameter is null) continue;
            var type = parameter.Type;
            if (type.Is("System", "TimeSpan") && parameter.Name == "duration" && cache == "FusionCache")
            {
                found.Add(Describe("Duration", argument.Expression, model, cancellationToken));
            }
            else if (type.Is("System", "TimeSpan") && parameter.Name == "absoluteExpirationRelativeToNow")
            {
                found.Add(Describe("AbsoluteExpirationRelativeToNow", argument.Expression, model, cancellationToken));
            }
            else if (type.Is("System", "DateTimeOffset") && parameter.Name == "absoluteExpiration")
            {
                found.Add(Describe("AbsoluteExpiration", argument.Expression, model, cancellationToken));
            }
            else if (type.Name == "IChangeToken")
            {
                found.Add("expires when the change token `" + (CodeText.Safe(argument.Expression) ?? "…") + "` fires");
            }
            else if (type.Name.EndsWith("EntryOptions", System.StringComparison.Ordinal))
            {
                if (argument.Expression.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression) || argument.Expression.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression)) continue;
                var scopes = OptionsScopes(argument.Expression, model, cancellationToken);
                if (scopes is null)
                {
                    found.Add("from the options `" + (CodeText.Safe(argument.Expression) ?? "…") + "` (not resolved)");
                    unresolved = true;
                    continue;
                }
                found.AddRange(scopes.SelectMany(s => InScope(s, model, cancellationToken)));
                if (cache == "FusionCache") failSafe.AddRange(scopes.SelectMany(s => FailSafe(s, model, cancellationToken)));
                var options = Semantics.SymbolOrMethod(argument.Expression, model, cancellationToken) as ILocalSymbol;
                callbacks.AddRange(scopes.SelectMany(s => Callbacks(s, receiver => receiver is BaseObjectCreationExpressionSyntax
                    || (options is not null && receiver is IdentifierNameSyntax { Identifier.ValueText: var name } && name == options.Name), model, cancellationToken)));
            }
            else if (argument.Expression is LambdaExpressionSyntax factory && SyntaxFacts.SingleParameter(factory) is { } entry
                     && parameter.Type is INamedTypeSymbol { DelegateInvokeMethod.Parameters: { Length: > 0 } factoryParameters }
                     && (factoryParameters[0].Type.Name == "ICacheEntry" || (cache == "FusionCache" && factoryParameters[0].Type.Name == "FusionCacheEntryOptions")))
            {
                var (set, followed) = FromFactory(factory, entry, model, cancellationToken);
                found.AddRange(set);
                if (cache == "FusionCache") failSafe.AddRange(FailSafe(factory.Body, model, cancellationToken));
                callbacks.AddRange(Callbacks(factory.Body, receiver => receiver is IdentifierNameSyntax { Identifier.ValueText: var name } && name == entry, model, cancellationToken));
                if (!followed)
                {
                    found.Add("set in the factory through `" + entry + "` (not resolved)");
                    unresolved = true;
                }
            }
        }

        var distinct = found.Distinct().ToEquatableArray();
        callbacks = callbacks.Distinct().ToList();
        if (unresolved) return (distinct, CacheExpiration.Unresolved, callbacks);
        // Fail-safe changes what the duration set here means (how long the value stays cached), so it is said beside it.
        if (!distinct.IsEmpty) return (distinct.Concat(failSafe).Distinct().ToEquatableArray(), CacheExpiration.Set, callbacks);
        return (distinct, cache is "HybridCache" or "FusionCache" ? CacheExpiration.DefaultOptions : CacheExpiration.None, callbacks);
    }

    /// <summary>A post-eviction callback registered on an entry: the API (<c>RegisterPostEvictionCallback</c>,
    /// <c>PostEvictionCallbacks.Add</c>), what it does when that is one call (<c>calls `logger.LogInformation`</c>), and where.</summary>
    internal sealed record EvictionCallback(string Api, string? Calls, SourceLocation? Location);

    /// <summary>
    /// The post-eviction callbacks registered in a scope that gives an entry its options (the options' initializer and the
    /// statements on them, or a factory's body), on the receiver <paramref name="isEntry"/> accepts as the chain's root (the
    /// options or entry the write uses, not another one in the same body): <c>RegisterPostEvictionCallback(callback)</c>
    /// and <c>PostEvictionCallbacks.Add(new PostEvictionCallbackRegistration { EvictionCallback = callback })</c>, confirmed
    /// by Microsoft.Extensions.Caching.Memory's namespace. MemoryCache runs them after the entry leaves the cache for any
    /// reason (expired, removed, replaced, evicted for capacity, its change token fired).
    /// </summary>
    private static IEnumerable<EvictionCallback> Callbacks(SyntaxNode scope, System.Func<ExpressionSyntax, bool> isEntry, SemanticModel model, CancellationToken cancellationToken)
    {
        var scopeModel = scope.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(scope.SyntaxTree);
        foreach (var call in scope.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax access || call.ArgumentList.Arguments.Count == 0) continue;
            ExpressionSyntax? callback;
            string api;
            if (access.Name.Identifier.ValueText == "RegisterPostEvictionCallback")
            {
                if (Semantics.Method(call, scopeModel, cancellationToken) is not { } method || !(method.ReducedFrom ?? method).ContainingType.IsInNamespace("Microsoft.Extensions.Caching.Memory")) continue;
                (callback, api) = (call.ArgumentList.Arguments[0].Expression, "RegisterPostEvictionCallback");
            }
            else if (access is { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "PostEvictionCallbacks" } list })
            {
                if (Semantics.SymbolOf(list, scopeModel, cancellationToken) is not IPropertySymbol { ContainingType: var owner } || !owner.IsInNamespace("Microsoft.Extensions.Caching.Memory")) continue;
                var registration = call.ArgumentList.Arguments[0].Expression as BaseObjectCreationExpressionSyntax;
                var assigned = registration?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                    .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "EvictionCallback" });
                (callback, api) = (assigned?.Right, "PostEvictionCallbacks.Add");
            }
            else
            {
                continue;
            }
            if (Root(access.Expression) is not { } root || !isEntry(root)) continue;
            yield return new EvictionCallback(api, callback is null ? null : SimpleCall(callback), SourceLocation.From(call));
        }
    }

    /// <summary>The receiver a chain starts from: <c>entry</c> in <c>entry.PostEvictionCallbacks</c>, the creation in
    /// <c>new MemoryCacheEntryOptions().SetSize(1)</c>.</summary>
    private static ExpressionSyntax? Root(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access: expression = access.Expression; continue;
                case InvocationExpressionSyntax invocation: expression = invocation.Expression; continue;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; continue;
                default: return expression;
            }
        }
    }

    /// <summary>What a callback does when it is one call: a method group (<c>OnEvicted</c>), or a lambda whose body is a
    /// call or a block of one call statement; the called expression as code without its arguments (they may hold
    /// literals). Null otherwise: the callback is then only located.</summary>
    private static string? SimpleCall(ExpressionSyntax callback)
    {
        var called = callback switch
        {
            IdentifierNameSyntax or MemberAccessExpressionSyntax => callback,
            LambdaExpressionSyntax { ExpressionBody: InvocationExpressionSyntax call } => call.Expression,
            LambdaExpressionSyntax { Block.Statements: { Count: 1 } statements } when statements[0] is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } => call.Expression,
            _ => null,
        };
        return called is not null && IsNameChain(called) ? CodeText.Safe(called) : null;
    }

    /// <summary><c>OnEvicted</c>, <c>logger.LogInformation</c>, <c>this._cache.Remove</c>: names only.</summary>
    private static bool IsNameChain(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsNameChain(access.Expression),
        _ => false,
    };

    /// <summary>The syntax that gives an options value its content, or null when it cannot be followed
    /// (a parameter, a method's result, a field without an initializer).</summary>
    private static List<SyntaxNode>? OptionsScopes(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (IsBuiltInPlace(expression)) return new List<SyntaxNode> { expression };
        var symbol = Semantics.SymbolOrMethod(expression, model, cancellationToken);
        var declaration = symbol?.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken);
        var initializer = SyntaxFacts.Initializer(declaration);
        if (initializer is null || !IsBuiltInPlace(initializer)) return null;
        var scopes = new List<SyntaxNode> { initializer };
        if (symbol is ILocalSymbol local)
        {
            // var options = new MemoryCacheEntryOptions(); options.SetSlidingExpiration(...); in the same body
            var body = declaration!.Ancestors().FirstOrDefault(a => a is BlockSyntax && a.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax)
                       ?? declaration.SyntaxTree.GetRoot(cancellationToken);
            foreach (var statement in body.DescendantNodes().OfType<ExpressionStatementSyntax>())
            {
                if (Receiver(statement.Expression) is { } receiver && Root(receiver) is IdentifierNameSyntax { Identifier.ValueText: var name } && name == local.Name) scopes.Add(statement);
            }
        }
        else if (symbol is not (IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null }))
        {
            return null; // a mutable field or property can be changed anywhere
        }
        return scopes;
    }

    /// <summary><c>new …Options { … }</c>, optionally followed by fluent calls on it (<c>.SetSlidingExpiration(…)</c>).</summary>
    private static bool IsBuiltInPlace(ExpressionSyntax expression) => expression switch
    {
        BaseObjectCreationExpressionSyntax => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => IsBuiltInPlace(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsBuiltInPlace(parenthesized.Expression),
        _ => false,
    };

    /// <summary>What a factory sets on the entry it receives; <c>followed</c> is false when the entry is used in any
    /// other way (passed to a method, its options replaced), so its expiration cannot be read.</summary>
    private static (List<string> Set, bool Followed) FromFactory(LambdaExpressionSyntax factory, string entry, SemanticModel model, CancellationToken cancellationToken)
    {
        var set = new List<string>();
        var followed = true;
        foreach (var use in factory.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(i => i.Identifier.ValueText == entry))
        {
            var member = use.Parent is MemberAccessExpressionSyntax access && access.Expression == use ? access.Name.Identifier.ValueText : null;
            if (member is not null && (ExpirationNames.Contains(member) || NeutralMembers.Contains(member))) continue;
            followed = false;
        }
        set.AddRange(InScope(factory.Body, model, cancellationToken));
        return (set, followed);
    }

    /// <summary>
    /// FusionCache's fail-safe turned on in a piece of syntax (<c>SetFailSafe(true[, maxDuration])</c>, <c>IsFailSafeEnabled = true</c>,
    /// on <c>FusionCacheEntryOptions</c>): the duration then only marks the value stale, and the entry stays in the cache
    /// for <c>FailSafeMaxDuration</c>, served when the factory fails (FusionCache 2.9's documentation of
    /// <c>Duration</c> and <c>FailSafeMaxDuration</c>). A maximum not set here comes from the cache's default entry options.
    /// </summary>
    private static IEnumerable<string> FailSafe(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            ExpressionSyntax? enabled = null, maxDuration = null;
            string? how = null;
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetFailSafe" } } call && call.ArgumentList.Arguments.Count > 0
                && Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol method && method.ContainingType.Is("ZiggyCreatures.Caching.Fusion", "FusionCacheEntryOptions"))
            {
                enabled = call.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, call.ArgumentList, method)?.Name == "isEnabled")?.Expression;
                maxDuration = call.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, call.ArgumentList, method)?.Name == "maxDuration")?.Expression;
                how = "`SetFailSafe`";
            }
            else if (node is AssignmentExpressionSyntax { Left: var left } assignment && LastName(left) == "IsFailSafeEnabled"
                     && Semantics.SymbolOf(left, model, cancellationToken) is IPropertySymbol property && property.ContainingType.Is("ZiggyCreatures.Caching.Fusion", "FusionCacheEntryOptions"))
            {
                enabled = assignment.Right;
                maxDuration = scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => LastName(a.Left) == "FailSafeMaxDuration")?.Right;
                how = "`IsFailSafeEnabled`";
            }
            if (enabled is null || Semantics.ConstantOf(enabled, model, cancellationToken) is not { HasValue: true, Value: true }) continue;
            var upTo = maxDuration is null || maxDuration.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression)
                ? "`FailSafeMaxDuration` (not set here: the cache's default entry options)"
                : Describe("FailSafeMaxDuration", maxDuration, model, cancellationToken).Substring("FailSafeMaxDuration ".Length);
            yield return "fail-safe (" + how + "): once expired, the value stays cached up to " + upTo + " and is served when reloading it fails";
        }
    }

    /// <summary>Expirations assigned or set by method in a piece of syntax.</summary>
    private static IEnumerable<string> InScope(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: var left } assignment when ExpirationNames.Contains(LastName(left)):
                    yield return Describe(LastName(left), assignment.Right, model, cancellationToken);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetDurationInfinite" } }:
                    yield return "no expiration (`SetDurationInfinite`)";
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call when ExpirationNames.Contains(access.Name.Identifier.ValueText) && call.ArgumentList.Arguments.Count > 0:
                    yield return Describe(access.Name.Identifier.ValueText, call.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                    break;
            }
        }
    }

    private static ExpressionSyntax? Receiver(ExpressionSyntax expression) => expression switch
    {
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } => access.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
        _ => null,
    };

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => "",
    };

    private static string Describe(string setting, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (setting == "AddExpirationToken") return "expires when the change token `" + (CodeText.Safe(value) ?? "…") + "` fires";
        if (setting == "SetAbsoluteExpiration" && Semantics.TypeOf(value, model, cancellationToken).Is("System", "TimeSpan")) setting = "AbsoluteExpirationRelativeToNow";
        var label = setting switch
        {
            "AbsoluteExpirationRelativeToNow" or "Expiration" or "Duration" or "SetDuration" => "expires after",
            "AbsoluteExpiration" or "SetAbsoluteExpiration" => "absolute expiration",
            "SlidingExpiration" or "SetSlidingExpiration" => "sliding expiration",
            "LocalCacheExpiration" => "local cache expires after",
            _ => setting,
        };
        var resolved = Semantics.ConstantOf(value, model, cancellationToken).HasValue || CacheParser.TimeSpanText(value, model, cancellationToken) is not null;
        var text = CacheParser.Value(value, model, cancellationToken);
        return label + " " + (resolved ? text : "`" + text + "`");
    }
}
