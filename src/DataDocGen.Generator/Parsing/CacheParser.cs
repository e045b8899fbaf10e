using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the caching layer: provider registrations (AddMemoryCache, AddStackExchangeRedisCache, AddHybridCache...)
/// and uses of IMemoryCache, IDistributedCache, HybridCache, FusionCache and ASP.NET Core's IOutputCacheStore (eviction by tag)
/// with their keys and expirations. Every call is confirmed
/// by its symbol's namespace; values are resolved from constants and TimeSpan factories, else shown as safe code.
/// </summary>
internal static class CacheParser
{
    private static readonly Dictionary<string, string> Registrations = new()
    {
        ["AddMemoryCache"] = "In-memory cache (IMemoryCache)",
        ["AddDistributedMemoryCache"] = "In-process distributed cache (IDistributedCache, memory)",
        ["AddStackExchangeRedisCache"] = "Redis (IDistributedCache)",
        ["AddDistributedSqlServerCache"] = "SQL Server (IDistributedCache)",
        ["AddHybridCache"] = "HybridCache",
        ["AddOutputCache"] = "Output caching (ASP.NET Core)",
        ["AddResponseCaching"] = "Response caching (ASP.NET Core)",
        ["AddFusionCache"] = "FusionCache",
    };

    private static readonly Dictionary<string, string> Uses = new()
    {
        ["GetOrCreate"] = "read-through (cache-aside)", ["GetOrCreateAsync"] = "read-through (cache-aside)",
        ["TryGetValue"] = "read", ["Get"] = "read", ["GetAsync"] = "read", ["GetString"] = "read", ["GetStringAsync"] = "read",
        ["Set"] = "write", ["SetAsync"] = "write", ["SetString"] = "write", ["SetStringAsync"] = "write", ["CreateEntry"] = "write",
        ["Remove"] = "invalidation", ["RemoveAsync"] = "invalidation", ["RemoveByTagAsync"] = "invalidation", ["Refresh"] = "refresh", ["RefreshAsync"] = "refresh",
        // FusionCache (IFusionCache)
        ["GetOrSet"] = "read-through (cache-aside)", ["GetOrSetAsync"] = "read-through (cache-aside)",
        ["TryGet"] = "read", ["TryGetAsync"] = "read", ["GetOrDefault"] = "read", ["GetOrDefaultAsync"] = "read",
        ["Expire"] = "invalidation", ["ExpireAsync"] = "invalidation", ["RemoveByTag"] = "invalidation",
        // ASP.NET Core output caching (IOutputCacheStore): evicts the cached responses tagged so
        ["EvictByTagAsync"] = "invalidation",
    };

    /// <summary>Method names that many other types have (dictionaries, repositories...).</summary>
    private static readonly HashSet<string> CommonNames = new()
    {
        "Get", "GetAsync", "Set", "SetAsync", "Remove", "RemoveAsync", "TryGetValue", "Refresh", "RefreshAsync", "CreateEntry",
        "TryGet", "TryGetAsync", "GetOrDefault", "GetOrDefaultAsync", "Expire", "ExpireAsync",
    };

    /// <summary>Receiver words that make a <see cref="CommonNames"/> call a candidate.</summary>
    private static readonly string[] CacheWords = { "cache", "memory", "hybrid", "distributed", "redis", "fusion" };

    /// <summary>Cheap syntactic filter. For names that many other types share (<c>Get</c>, <c>Set</c>, <c>Remove</c>...),
    /// only calls whose receiver is written with a cache-like word in it (cache, memory, hybrid, distributed, redis)
    /// are candidates: this keeps the per-edit semantic work small in large code bases, at the cost of missing a cache
    /// held in a field named otherwise (less reported, never wrong: every candidate is still confirmed by its type).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) return false;
        var name = access.Name.Identifier.ValueText;
        if (Registrations.ContainsKey(name)) return true;
        if (!Uses.ContainsKey(name)) return false;
        if (!CommonNames.Contains(name)) return true;
        var receiver = access.Expression.ToString();
        return CacheWords.Any(word => receiver.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0);
    }

    public static CacheResult? Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>Also called by the analyzer (<see cref="Diagnostics.DataLayerAnalyzer"/>) on the same nodes.</summary>
    public static CacheResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)node;
            if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
            var original = method.ReducedFrom ?? method;
            var name = method.Name;

            if (Registrations.TryGetValue(name, out var provider) && OptionsBuilderParser.ReceiverType(method).Is("Microsoft.Extensions.DependencyInjection", "IServiceCollection"))
            {
                var settings = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>()
                    .SelectMany(l => l.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    .Where(a => !SetsMembersOfNewObject(a))
                    .Select(a => Setting(a, model, cancellationToken)).ToEquatableArray();
                return new CacheResult(new CacheProviderSpec(provider, name, settings, CodeText.EnclosingCondition(invocation, null), SourceLocation.From(invocation)), null, null);
            }

            if (!Uses.TryGetValue(name, out var kind)) return null;
            var cache = CacheType(OptionsBuilderParser.ReceiverType(method)) ?? CacheType(original.ContainingType);
            if (cache is null) return null;
            var keyArgument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name is "key" or "tag");
            var key = keyArgument is null ? null : Key(keyArgument.Expression, model, cancellationToken);
            var (expirations, status, callbacks) = kind is "write" or "read-through (cache-aside)"
                ? CacheExpirationReader.Read(invocation, method, cache, model, cancellationToken)
                : (EquatableArray<string>.Empty, CacheExpiration.NotApplicable, new List<CacheExpirationReader.EvictionCallback>());
            var factoryLines = kind == "read-through (cache-aside)" ? FactoryLines(invocation, method) : EquatableArray<int>.Empty;
            // The hand-written cache-aside: a read whose miss path writes the same key (CacheAsidePairs).
            if (kind == "read" && CacheAsidePairs.WriteAfter(invocation) is { } fill)
            {
                kind = "cache-aside read (a miss is filled by " + CodeSpan.Of(SyntaxFacts.CalledName(fill)!) + ", line " + Line(fill) + ")";
            }
            else if (kind == "write" && CacheAsidePairs.ReadBefore(invocation) is { } miss)
            {
                kind = "cache-aside fill (after a miss of " + CodeSpan.Of(SyntaxFacts.CalledName(miss)!) + ", line " + Line(miss) + ")";
            }
            var tagsArgument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "tags");
            var tags = tagsArgument is null ? EquatableArray<string>.Empty : Tags(tagsArgument.Expression, model, cancellationToken);
            var member = CodeText.MemberName(invocation, model, cancellationToken);
            // A post-eviction callback on the entry is a row of its own, at the registration, with the entry's key.
            var evictions = callbacks.Select(c => new CacheUseSpec(cache, c.Api,
                "eviction callback (entry of " + CodeSpan.Of(name) + ", line " + Line(invocation) + ")" + (c.Calls is null ? "" : ": calls " + CodeSpan.Of(c.Calls)),
                key, EquatableArray<string>.Empty, CacheExpiration.NotApplicable, member, c.Location)).ToEquatableArray();
            return new CacheResult(null, new CacheUseSpec(cache, name, kind, key, expirations, status, member, SourceLocation.From(invocation),
                factoryLines, tags), null, evictions);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new CacheResult(null, null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    /// <summary>The tags an entry is written with (HybridCache's <c>tags</c>): constant strings in a collection expression or
    /// array written in place, or in the initializer of a read-only field or constant it names (read through
    /// <see cref="SourceReads"/> when declared in another file). Empty when any element is not a constant: an entry
    /// tagged with values known at run time says nothing rather than part of it.</summary>
    private static EquatableArray<string> Tags(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && Semantics.SymbolOf(expression, model, cancellationToken) is IFieldSymbol field && (field.IsReadOnly || field.IsConst)
            && field.DeclaringSyntaxReferences.Length == 1 && field.DeclaringSyntaxReferences[0].ReadSyntax(cancellationToken) is { } declarator
            && SyntaxFacts.Initializer(declarator) is { } initializer)
        {
            var fieldModel = declarator.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(declarator.SyntaxTree);
            return Elements(initializer, fieldModel, cancellationToken);
        }
        return Elements(expression, model, cancellationToken);
    }

    private static EquatableArray<string> Elements(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        IEnumerable<ExpressionSyntax>? items = expression switch
        {
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            _ => null,
        };
        if (items is null) return EquatableArray<string>.Empty;
        var tags = new List<string>();
        foreach (var item in items)
        {
            if (model.ConstantString(item, cancellationToken) is not { } tag) return EquatableArray<string>.Empty;
            tags.Add(tag);
        }
        return tags.ToEquatableArray();
    }

    private static string Line(SyntaxNode node) =>
        (SourceLocation.From(node)?.Line ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A lambda (or anonymous method) that is the <c>factory</c> argument of a cache-aside call this parser recognises
    /// (<c>GetOrCreate[Async]</c> of IMemoryCache and HybridCache, FusionCache's <c>GetOrSet[Async]</c>, confirmed by the cache
    /// type as in <see cref="Parse(SyntaxNode, SemanticModel, CancellationToken)"/>): its code runs only on a cache miss.
    /// Other lambda arguments (FusionCache's options setup) are not factories.
    /// </summary>
    public static bool IsCacheAsideFactory(AnonymousFunctionExpressionSyntax function, SemanticModel model, CancellationToken cancellationToken)
    {
        if (function.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call } list } argument) return false;
        if (!Uses.TryGetValue(access.Name.Identifier.ValueText, out var kind) || kind != "read-through (cache-aside)") return false;
        if (Semantics.Method(call, model, cancellationToken) is not { } method) return false;
        if ((CacheType(OptionsBuilderParser.ReceiverType(method)) ?? CacheType((method.ReducedFrom ?? method).ContainingType)) is null) return false;
        return OptionsBuilderParser.ParameterFor(argument, list, method)?.Name == "factory";
    }

    /// <summary>
    /// The lines (1-based) that hold only code of the cache-aside call's <c>factory</c> lambda: every character of the
    /// line that is not white space lies inside the lambda. A fact found on such a line (its node starts there) sits in the
    /// factory, and so runs only on a cache miss; a line shared with code outside (<c>GetOrCreate("k", _ =&gt; db.X.ToList())</c>
    /// on one line) is not one of them (the fact is then not marked: less said, never wrong).
    /// </summary>
    internal static EquatableArray<int> FactoryLines(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var factory = invocation.ArgumentList.Arguments
            .FirstOrDefault(a => a.Expression is AnonymousFunctionExpressionSyntax && OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "factory")
            ?.Expression;
        if (factory is null) return EquatableArray<int>.Empty;
        var text = invocation.SyntaxTree.GetText();
        var span = factory.Span;
        var lines = new List<int>();
        for (var line = text.Lines.GetLineFromPosition(span.Start).LineNumber; line <= text.Lines.GetLineFromPosition(span.End).LineNumber; line++)
        {
            var content = text.Lines[line];
            int first = content.Start, last = content.End - 1;
            while (first <= last && char.IsWhiteSpace(text[first])) first++;
            while (last >= first && char.IsWhiteSpace(text[last])) last--;
            if (first <= last && first >= span.Start && last < span.End) lines.Add(line + 1);
        }
        return lines.ToEquatableArray();
    }

    private static string? CacheType(ITypeSymbol? type)
    {
        if (type is null) return null;
        if (type.Is("Microsoft.Extensions.Caching.Memory", "IMemoryCache") || type.AllInterfaces.Any(i => i.Is("Microsoft.Extensions.Caching.Memory", "IMemoryCache"))
            || type.Is("Microsoft.Extensions.Caching.Memory", "CacheExtensions")) return "IMemoryCache";
        if (type.Is("Microsoft.Extensions.Caching.Distributed", "IDistributedCache") || type.AllInterfaces.Any(i => i.Is("Microsoft.Extensions.Caching.Distributed", "IDistributedCache"))
            || type.Is("Microsoft.Extensions.Caching.Distributed", "DistributedCacheExtensions")) return "IDistributedCache";
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Is("Microsoft.Extensions.Caching.Hybrid", "HybridCache")) return "HybridCache";
        }
        if (type.Is("Microsoft.AspNetCore.OutputCaching", "IOutputCacheStore") || type.AllInterfaces.Any(i => i.Is("Microsoft.AspNetCore.OutputCaching", "IOutputCacheStore"))) return "IOutputCacheStore";
        if (type.Is("ZiggyCreatures.Caching.Fusion", "IFusionCache") || type.AllInterfaces.Any(i => i.Is("ZiggyCreatures.Caching.Fusion", "IFusionCache"))) return "FusionCache";
        return null;
    }

    /// <summary><c>Name = value</c> for an option assignment; constant strings of connection-like or secret settings
    /// (Configuration, ConnectionString, passwords, keys...) are redacted.</summary>
    private static string Setting(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = SettingName(assignment);
        // o.DefaultEntryOptions = new HybridCacheEntryOptions { Expiration = ... }: the nested setting is DefaultEntryOptions.Expiration.
        for (var inner = assignment; inner.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax { Parent: AssignmentExpressionSyntax holder } }; inner = holder)
        {
            name = SettingName(holder) + "." + name;
        }
        var sensitive = ConnectionStringRedactor.IsSensitiveName(name) || name.IndexOf("Configuration", System.StringComparison.OrdinalIgnoreCase) >= 0
                        || name.IndexOf("Connection", System.StringComparison.OrdinalIgnoreCase) >= 0;
        return name + " = " + Value(assignment.Right, model, cancellationToken, redact: sensitive);
    }

    private static string SettingName(AssignmentExpressionSyntax assignment) =>
        assignment.Left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : assignment.Left.ToString();

    /// <summary>An assignment of a new object whose initializer sets members: those members are listed one by one
    /// (<see cref="Setting"/> names them after the holder), not the object's code as a whole.</summary>
    private static bool SetsMembersOfNewObject(AssignmentExpressionSyntax assignment) =>
        assignment.Right is BaseObjectCreationExpressionSyntax { Initializer.Expressions: var expressions } && expressions.Any(e => e is AssignmentExpressionSyntax);

    internal static string Value(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, bool redact = true)
    {
        var constant = Semantics.ConstantOf(expression, model, cancellationToken);
        if (constant is { HasValue: true, Value: string text }) return "\"" + (redact ? ConnectionStringRedactor.Redact(text) : text) + "\"";
        if (constant is { HasValue: true, Value: bool flag }) return flag ? "true" : "false";
        if (constant is { HasValue: true, Value: { } number }) return System.Convert.ToString(number, CultureInfo.InvariantCulture) ?? "…";
        if (TimeSpanText(expression, model, cancellationToken) is { } span) return span;
        if (expression is InvocationExpressionSyntax lookup && ConnectionSourceParser.Parse(lookup, model, cancellationToken).FirstOrDefault() is { ConfigurationKey: { } key })
        {
            return "configuration " + CodeSpan.Of(key);
        }
        return CodeText.Safe(expression) ?? "…";
    }

    /// <summary>The key: constant text, an interpolation pattern with {…} for its holes, or null when computed otherwise.</summary>
    internal static string? Key(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: string constant }) return constant;
        if (expression is InterpolatedStringExpressionSyntax interpolated)
        {
            return string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : "{" + (CodeText.Safe(((InterpolationSyntax)c).Expression) ?? "…") + "}"));
        }
        if (expression is IdentifierNameSyntax identifier)
        {
            switch (DeclarationBinder.LocalOf(identifier, model))
            {
                case (LocalName.Local, { } declared): return Key(declared, model, cancellationToken);
                case (LocalName.NotLocal, _): return null;
            }
            if (Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
                && local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                return Key(initializer, model, cancellationToken);
            }
        }
        return null;
    }

    /// <summary><c>TimeSpan.FromMinutes(5)</c> as "5 minutes", <c>new TimeSpan(1, 0, 0)</c> as "1 hour", from constant arguments.</summary>
    internal static string? TimeSpanText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            && call.ArgumentList.Arguments.Count == 1
            && Semantics.MethodOwner(call, model, cancellationToken) is { } type && type.Is("System", "TimeSpan")
            && Semantics.ConstantOf(call.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: { } amount })
        {
            var unit = access.Name.Identifier.ValueText switch
            {
                "FromDays" => "day", "FromHours" => "hour", "FromMinutes" => "minute", "FromSeconds" => "second", "FromMilliseconds" => "millisecond",
                _ => null,
            };
            if (unit is null) return null;
            var text = System.Convert.ToString(amount, CultureInfo.InvariantCulture);
            return text + " " + unit + (text == "1" ? "" : "s");
        }
        if (expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 3 } creation
            && Semantics.TypeOf(creation, model, cancellationToken).Is("System", "TimeSpan")
            && creation.ArgumentList.Arguments.Select(a => Semantics.ConstantOf(a.Expression, model, cancellationToken)).ToList() is var parts
            && parts.All(p => p is { HasValue: true, Value: int }))
        {
            var span = new System.TimeSpan((int)parts[0].Value!, (int)parts[1].Value!, (int)parts[2].Value!);
            return span.ToString("c", CultureInfo.InvariantCulture);
        }
        return null;
    }
}

/// <param name="Callbacks">For a cache write, the post-eviction callbacks registered on its entry (<see cref="CacheExpirationReader"/>),
/// each a use of the cache at its registration.</param>
internal sealed record CacheResult(CacheProviderSpec? Provider, CacheUseSpec? Use, string? Error, EquatableArray<CacheUseSpec> Callbacks = default);
