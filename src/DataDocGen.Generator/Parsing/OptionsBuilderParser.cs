using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the calls made on a <c>DbContextOptionsBuilder</c> inside a body (an <c>OnConfiguring</c> override or the
/// options lambda of <c>AddDbContext</c>): the provider with its connection string and options, and other options; and
/// the calls that hand the builder to code this parser does not follow (<see cref="Parse"/>'s <c>NotFollowed</c>).
/// </summary>
internal static class OptionsBuilderParser
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    /// <returns>The provider calls, the other option calls, and <c>NotFollowed</c>: calls that hand the options builder to
    /// code not read here, which may choose the provider or set options: the builder passed as an argument to any method
    /// not declared in an EF Core assembly (an interface or virtual member, a method of this project or compiled
    /// elsewhere, a delegate), or the receiver of an extension method declared in this project's source. An extension
    /// method compiled elsewhere called on the builder (<c>opt.UseProjectables()</c>) is not one: packages' option
    /// plug-ins are called so, and the <c>Use*</c>/<c>Enable*</c> ones are listed as options.</returns>
    public static (EquatableArray<ProviderUseSpec> Providers, EquatableArray<OptionCallSpec> Options, EquatableArray<OptionCallSpec> NotFollowed) Parse(
        SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var providers = new List<ProviderUseSpec>();
        var options = new List<OptionCallSpec>();
        var notFollowed = new List<OptionCallSpec>();
        var providerSpans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        var builderNames = BuilderParameterNames(scope);

        foreach (var invocation in scope.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = MethodName(invocation);
            if (name is null || providerSpans.Any(span => span.Contains(invocation.Span))) continue;
            var known = KnownProviders.UseMethods.TryGetValue(name, out var provider) || LooksLikeOption(name);
            var method = known ? ResolveMethod(invocation, model, cancellationToken) : null;
            if (method is null || !IsOptionsBuilder(ReceiverType(method)))
            {
                if (builderNames.Count > 0 && HandsOverBuilder(invocation, method, builderNames, model, cancellationToken))
                {
                    notFollowed.Add(NotFollowedCall(invocation, name));
                }
                continue;
            }

            if (provider is not null)
            {
                providers.Add(ParseProviderCall(invocation, method, provider, scope, model, cancellationToken));
                // Calls inside the provider's own arguments are its options, not the context's.
                providerSpans.Add(invocation.ArgumentList.Span);
            }
            else
            {
                options.Add(OptionCall(invocation, method, name, model, cancellationToken));
                // UseAppDatabase(configuration), an extension of this project: listed, and its body is not followed.
                if (method.ReducedFrom is not null && IsOwnSource(method, model))
                {
                    notFollowed.Add(NotFollowedCall(invocation, name));
                }
            }
        }
        return (providers.ToEquatableArray(), options.ToEquatableArray(), notFollowed.ToEquatableArray());
    }

    /// <summary>An option call on the builder as the report lists it (<c>UseLazyLoadingProxies()</c>, <c>AddInterceptors(...)</c>).</summary>
    public static OptionCallSpec OptionCall(InvocationExpressionSyntax invocation, IMethodSymbol method, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        // Type arguments are part of what the call does (`ReplaceService<IModelCacheKeyFactory, TenantKeyFactory>()`).
        var typeArguments = (invocation.Expression as MemberAccessExpressionSyntax)?.Name is GenericNameSyntax generic ? CodeText.Collapse(generic.TypeArgumentList) : null;
        var argumentTypes = name == "AddInterceptors"
            ? invocation.ArgumentList.Arguments.Select(a => Semantics.TypeOf(a.Expression, model, cancellationToken) is INamedTypeSymbol { TypeKind: TypeKind.Class } type ? type.ClrFullName() : "?").ToEquatableArray()
            : default;
        var call = name == "ConfigureWarnings" ? RenderWarnings(invocation.ArgumentList) : RenderCall(name + typeArguments, invocation.ArgumentList);
        return new OptionCallSpec(call, SourceLocation.From(invocation), method.ContainingAssembly?.Name, argumentTypes);
    }

    /// <summary>A call handing the builder to code not followed, as the report names it (<c>provider.Initialise(opt)</c>).</summary>
    public static OptionCallSpec NotFollowedCall(InvocationExpressionSyntax invocation, string name) =>
        new(RenderCall(Callee(invocation) ?? name, invocation.ArgumentList), SourceLocation.From(invocation));

    /// <summary>The names of the parameters in <paramref name="scope"/> that may hold the options builder: those of the
    /// lambdas in it (itself included) and of the method or local function whose body it is. Only a name among them is
    /// asked its type.</summary>
    private static HashSet<string> BuilderParameterNames(SyntaxNode scope)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var lambda in scope.DescendantNodesAndSelf().OfType<LambdaExpressionSyntax>())
        {
            switch (lambda)
            {
                case SimpleLambdaExpressionSyntax simple:
                    names.Add(simple.Parameter.Identifier.ValueText);
                    break;
                case ParenthesizedLambdaExpressionSyntax parenthesized:
                    foreach (var parameter in parenthesized.ParameterList.Parameters) names.Add(parameter.Identifier.ValueText);
                    break;
            }
        }
        var parameters = scope.Parent switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            _ => default,
        };
        foreach (var parameter in parameters) names.Add(parameter.Identifier.ValueText);
        return names;
    }

    /// <summary>Whether the call hands the options builder (a parameter of <see cref="BuilderParameterNames"/>) to code this
    /// parser does not read: as an argument of a method not declared in an EF Core assembly (an unresolved call or a
    /// delegate included), or as the receiver of an extension method declared in this project's source. A
    /// <c>base.OnConfiguring(optionsBuilder)</c> reaching a source override is read (<c>DbContextParser.OverrideChain</c>).</summary>
    private static bool HandsOverBuilder(InvocationExpressionSyntax invocation, IMethodSymbol? method, HashSet<string> builderNames,
        SemanticModel model, CancellationToken cancellationToken)
    {
        var asArgument = invocation.ArgumentList.Arguments.Any(a => IsBuilder(a.Expression, builderNames, model, cancellationToken));
        var asReceiver = !asArgument && invocation.Expression is MemberAccessExpressionSyntax access && IsBuilder(access.Expression, builderNames, model, cancellationToken);
        if (!asArgument && !asReceiver) return false;
        method ??= ResolveMethod(invocation, model, cancellationToken);
        if (asReceiver) return method is { ReducedFrom: not null } && IsOwnSource(method, model);
        if (method is null) return true;
        if (IsEfCore(method)) return false;
        return !(invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } && method.Name == "OnConfiguring" && IsOwnSource(method, model));
    }

    /// <summary>What is called, as code: <c>provider.Initialise</c>, <c>configure?.Invoke</c>; null when it holds a string literal.</summary>
    private static string? Callee(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberBindingExpressionSyntax binding && invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation
            ? CodeText.Safe(conditional.Expression) is { } receiver && CodeText.Safe(binding) is { } member ? receiver + "?" + member : null
            : CodeText.Safe(invocation.Expression);

    private static bool IsBuilder(ExpressionSyntax expression, HashSet<string> builderNames, SemanticModel model, CancellationToken cancellationToken) =>
        expression is IdentifierNameSyntax identifier && builderNames.Contains(identifier.Identifier.ValueText)
        && IsOptionsBuilder(Semantics.TypeOf(identifier, model, cancellationToken));

    /// <summary>A method declared in an EF Core assembly (<c>Microsoft.EntityFrameworkCore</c> or <c>Microsoft.EntityFrameworkCore.*</c>).</summary>
    public static bool IsEfCore(IMethodSymbol method) =>
        method.ContainingAssembly?.Name is { } assembly && (assembly == EfNamespace || assembly.StartsWith(EfNamespace + ".", System.StringComparison.Ordinal));

    public static bool IsOwnSource(IMethodSymbol method, SemanticModel model) =>
        SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingAssembly, model.Compilation.Assembly);

    /// <summary>Parses a provider call from a method symbol already known to be one (also used for <c>AddSqlServer&lt;T&gt;</c> shorthands).</summary>
    public static ProviderUseSpec ParseProviderCall(InvocationExpressionSyntax invocation, IMethodSymbol method, string provider,
        SyntaxNode? scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var connection = new List<ConnectionSourceSpec>();
        var providerOptions = new List<string>();
        SourceLocation? providerOptionsLocation = null;
        string? databaseName = null;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var parameter = ParameterFor(argument, invocation.ArgumentList, method);
            if (parameter is null) continue;
            switch (parameter.Name)
            {
                case "connectionString" or "accountEndpoint":
                    connection.AddRange(ConnectionSourceParser.Parse(argument.Expression, model, cancellationToken));
                    break;
                case "connection" or "dataSource":
                    connection.Add(new ConnectionSourceSpec(ConnectionSourceKind.Unresolved,
                        CodeText.Safe(argument.Expression) is { } code ? code + " (" + parameter.Type.Name + ")" : parameter.Type.Name,
                        SourceLocation.From(argument)));
                    break;
                case "databaseName" when Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: string database }:
                    databaseName = database;
                    break;
                default:
                    if (argument.Expression is LambdaExpressionSyntax lambda && parameter.Name.EndsWith("OptionsAction", System.StringComparison.Ordinal))
                    {
                        providerOptions.AddRange(LambdaCalls(lambda));
                        providerOptionsLocation ??= SourceLocation.From(lambda);
                    }
                    break;
            }
        }
        return new ProviderUseSpec(provider, method.Name, connection.ToEquatableArray(), databaseName, providerOptions.ToEquatableArray(),
            CodeText.EnclosingCondition(invocation, scope), SourceLocation.From(invocation), providerOptions.Count == 0 ? null : providerOptionsLocation);
    }

    /// <summary>The calls a provider-options lambda makes on its parameter, chained or in statements, in source order.</summary>
    private static IEnumerable<string> LambdaCalls(LambdaExpressionSyntax lambda)
    {
        var parameterName = SyntaxFacts.SingleParameter(lambda);
        if (parameterName is null) yield break;
        // Ordered by the method name's position: in `o.A().B()` the outer call B starts where A does.
        var calls = lambda.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Select(call => (Call: call, Access: call.Expression as MemberAccessExpressionSyntax))
            .Where(c => c.Access is not null && RootIdentifier(c.Access.Expression) == parameterName)
            .OrderBy(c => c.Access!.Name.SpanStart);
        foreach (var (call, access) in calls)
        {
            yield return RenderCall(access!.Name.Identifier.ValueText, call.ArgumentList);
        }
    }

    private static string? RootIdentifier(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => RootIdentifier(access.Expression),
        _ => null,
    };

    /// <summary><c>Name(args)</c> with each argument shown when it is safe code, else as an ellipsis.</summary>
    public static string RenderCall(string name, ArgumentListSyntax arguments) =>
        name + "(" + string.Join(", ", arguments.Arguments.Select(a => a.Expression is LambdaExpressionSyntax ? "…" : CodeText.Safe(a) ?? "…")) + ")";

    /// <summary><c>ConfigureWarnings(w =&gt; w.Ignore(RelationalEventId.PendingModelChangesWarning))</c> with its lambda when
    /// that is one short expression: which warnings are ignored or thrown is the option's whole meaning (the CleanArchitecture
    /// audit read <c>ConfigureWarnings(…)</c> for a call that switches off EF 9's check for model changes no migration holds).</summary>
    private static string RenderWarnings(ArgumentListSyntax arguments) =>
        "ConfigureWarnings(" + string.Join(", ", arguments.Arguments.Select(a =>
            a.Expression is LambdaExpressionSyntax { ExpressionBody: { } body } lambda && CodeText.Safe(lambda) is { Length: <= MaxWarningsLambda } text && body is InvocationExpressionSyntax
                ? text
                : a.Expression is LambdaExpressionSyntax ? "…" : CodeText.Safe(a) ?? "…")) + ")";

    private const int MaxWarningsLambda = 160;

    /// <summary>A name an option call on the builder has (<c>Use*</c>, <c>Enable*</c>, <c>AddInterceptors</c>...).</summary>
    public static bool LooksLikeOption(string name) =>
        name.StartsWith("Use", System.StringComparison.Ordinal) || name.StartsWith("Enable", System.StringComparison.Ordinal)
        || name is "AddInterceptors" or "ConfigureWarnings" or "LogTo" or "ReplaceService";

    public static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The bound method; when binding failed on an argument (code mid-edit), the first candidate, provided every
    /// candidate is the same method group of the same type with the same parameter names for the arguments given, so
    /// reading arguments by parameter cannot go wrong.</summary>
    public static IMethodSymbol? ResolveMethod(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.ExactMethod(invocation, model, cancellationToken);

    /// <summary>The method the binder resolves a call to (binding the body it is in); with overload candidates only, the
    /// first when all share the declaring type and the names of the parameters the positional arguments meet.</summary>
    public static IMethodSymbol? BoundMethod(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if (info.Symbol is IMethodSymbol bound) return bound;
        if (info.CandidateSymbols.IsDefaultOrEmpty || info.CandidateSymbols[0] is not IMethodSymbol first) return null;
        var positional = invocation.ArgumentList.Arguments.TakeWhile(a => a.NameColon is null).Count();
        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol method || method.Name != first.Name
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, first.ContainingType)
                || method.Parameters.Length < positional || first.Parameters.Length < positional) return null;
            for (var i = 0; i < positional; i++)
            {
                if (method.Parameters[i].Name != first.Parameters[i].Name) return null;
            }
        }
        return first;
    }

    /// <summary>The type a call is made on: the extended type for extension methods, else the declaring type.</summary>
    public static ITypeSymbol? ReceiverType(IMethodSymbol method) =>
        method.ReducedFrom is not null ? method.ReceiverType
        : method.IsExtensionMethod ? method.Parameters.FirstOrDefault()?.Type
        : method.ContainingType;

    public static bool IsOptionsBuilder(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Is(EfNamespace, "DbContextOptionsBuilder") || current.Is(EfNamespace, "DbContextOptionsBuilder`1")) return true;
        }
        return false;
    }

    /// <summary>The parameter an argument binds to, by name when it is named, else by position.</summary>
    public static IParameterSymbol? ParameterFor(ArgumentSyntax argument, ArgumentListSyntax list, IMethodSymbol method)
    {
        if (argument.NameColon is { } nameColon)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        }
        var index = list.Arguments.IndexOf(argument);
        if (index < 0) return null;
        if (index < method.Parameters.Length) return method.Parameters[index];
        var last = method.Parameters.LastOrDefault();
        return last is { IsParams: true } ? last : null;
    }
}
