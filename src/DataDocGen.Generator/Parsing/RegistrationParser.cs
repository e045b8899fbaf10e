using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Diagnostics;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads DbContext service registrations: <c>AddDbContext</c>, <c>AddDbContextPool</c>, the factories, and the
/// provider shorthands (<c>AddSqlServer&lt;T&gt;</c>...), with pool size, lifetime, provider and connection string.</summary>
internal static class RegistrationParser
{
    private static readonly HashSet<string> RegistrationMethods = new(new[]
    {
        "AddDbContext", "AddDbContextPool", "AddDbContextFactory", "AddPooledDbContextFactory", AspireNpgsql,
    }.Concat(KnownProviders.AddMethods.Keys));

    /// <summary>Aspire's PostgreSQL component (<c>Aspire.Npgsql.EntityFrameworkCore.PostgreSQL</c>,
    /// <c>builder.AddNpgsqlDbContext&lt;T&gt;("name")</c> on <c>IHostApplicationBuilder</c>). Checked at run time on 13.6.5: a
    /// pooled context (<c>DbContextPool</c>, EF's default pool size 1024), Npgsql, a retrying execution strategy unless
    /// the settings' <c>DisableRetry</c> is set, and the connection string <c>ConnectionStrings:name</c>, else the settings
    /// section's <c>ConnectionString</c>. The other Aspire EF components are not on this machine's mirror: not read.</summary>
    public const string AspireNpgsql = "AddNpgsqlDbContext";

    public const string AspireNpgsqlSection = "Aspire:Npgsql:EntityFrameworkCore:PostgreSQL";

    private static readonly string[] LifetimeNames = { "Singleton", "Scoped", "Transient" };

    /// <summary>Cheap syntactic filter: a generic call whose name is one of the registration methods.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax name } }
        && RegistrationMethods.Contains(name.Identifier.ValueText);

    public static RegistrationResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { IsGenericMethod: true } method) return null;
            if (method.Name == AspireNpgsql) return Aspire(invocation, method, model, cancellationToken) is { } aspire ? new RegistrationResult(aspire, null) : null;
            if (!OptionsBuilderParser.ReceiverType(method).Is("Microsoft.Extensions.DependencyInjection", "IServiceCollection")) return null;
            if (ContextType(method) is not { } contextType) return null;

            var providers = new List<ProviderUseSpec>();
            var options = new List<OptionCallSpec>();
            var notFollowed = new List<OptionCallSpec>();
            string? poolSize = null, lifetime = null, optionsLifetime = null;
            var poolSizeIsDefault = false;

            if (KnownProviders.AddMethods.TryGetValue(method.Name, out var shorthandProvider))
            {
                providers.Add(OptionsBuilderParser.ParseProviderCall(invocation, method, shorthandProvider, null, model, cancellationToken) with { Condition = null });
            }

            foreach (var parameter in method.Parameters)
            {
                var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == parameter.Name);
                switch (parameter.Name)
                {
                    case "poolSize":
                        poolSizeIsDefault = argument is null;
                        poolSize = argument is null
                            ? (parameter.HasExplicitDefaultValue ? System.Convert.ToString(parameter.ExplicitDefaultValue, System.Globalization.CultureInfo.InvariantCulture) : null)
                            : Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: int size }
                                ? size.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                : CodeText.Safe(argument.Expression);
                        break;
                    case "contextLifetime" or "lifetime":
                        var value = argument is null
                            ? (parameter.HasExplicitDefaultValue ? parameter.ExplicitDefaultValue : null)
                            : Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true } constant ? constant.Value : null;
                        lifetime = value is int index && index >= 0 && index < LifetimeNames.Length ? LifetimeNames[index]
                            : argument is not null ? CodeText.Safe(argument.Expression) : null;
                        if (argument is not null && method.Name == "AddDbContextFactory") optionsLifetime = lifetime ?? "set in code";
                        break;
                    case "optionsLifetime" when argument is not null:
                        optionsLifetime = Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: int option } && option >= 0 && option < LifetimeNames.Length
                            ? LifetimeNames[option] : "set in code";
                        break;
                    case "optionsAction" when argument is not null:
                        ReadOptionsAction(argument, model, providers, options, notFollowed, cancellationToken);
                        break;
                }
            }

            // A context from another assembly (a project or package reference) is read from its symbol: DbSets only.
            var external = SymbolEqualityComparer.Default.Equals(contextType.ContainingAssembly, model.Compilation.Assembly)
                ? null
                : DbContextParser.Parse(contextType, null, cancellationToken);
            var spec = new RegistrationSpec(contextType.ClrFullName(), method.Name, poolSize, poolSizeIsDefault, lifetime,
                providers.ToEquatableArray(), options.ToEquatableArray(), CodeText.EnclosingCondition(invocation, null),
                SourceLocation.From(invocation), external, optionsLifetime, NotFollowed: notFollowed.ToEquatableArray());
            return new RegistrationResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new RegistrationResult(null, GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary><c>builder.AddNpgsqlDbContext&lt;T&gt;("name", configureSettings, configureDbContextOptions)</c>, confirmed on
    /// Aspire's <c>AspireEFPostgreSqlExtensions</c>: Npgsql with the named connection string, the options lambda read as
    /// <c>AddDbContext</c>'s, and <c>DisableRetry</c> when the settings lambda sets it to a constant (<c>Lifetime</c>
    /// carries "retry on", "retry off" or null, read by the emitter).</summary>
    private static RegistrationSpec? Aspire(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if ((method.ReducedFrom ?? method).ContainingType is not { Name: "AspireEFPostgreSqlExtensions" } declaring || !declaring.IsInNamespace("Microsoft.Extensions.Hosting")) return null;
        if (ContextType(method) is not { } contextType) return null;
        var connection = new List<ConnectionSourceSpec>();
        var options = new List<OptionCallSpec>();
        var notFollowed = new List<OptionCallSpec>();
        var providers = new List<ProviderUseSpec>();
        string? retry = "on";
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name)
            {
                case "connectionName":
                    var location = SourceLocation.From(argument);
                    if (Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: string name })
                    {
                        connection.Add(new ConnectionSourceSpec(ConnectionSourceKind.ConnectionStringName, name, location));
                        connection.Add(new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationKey, AspireNpgsqlSection + ":ConnectionString", location));
                    }
                    else connection.Add(new ConnectionSourceSpec(ConnectionSourceKind.Unresolved, CodeText.Safe(argument.Expression), location));
                    break;
                case "configureSettings":
                    // The lambda runs after the settings are bound from configuration: its constant DisableRetry wins.
                    foreach (var assignment in argument.Expression.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
                    {
                        if (assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DisableRetry" } and not IdentifierNameSyntax { Identifier.ValueText: "DisableRetry" }) continue;
                        retry = Semantics.ConstantOf(assignment.Right, model, cancellationToken) is { HasValue: true, Value: bool disabled } && !argument.Expression.DescendantNodes().OfType<IfStatementSyntax>().Any()
                            ? (disabled ? "off" : "on") : null;
                    }
                    break;
                case "configureDbContextOptions":
                    ReadOptionsAction(argument, model, providers, options, notFollowed, cancellationToken);
                    break;
            }
        }
        providers.Insert(0, new ProviderUseSpec("Npgsql", method.Name, connection.ToEquatableArray(), null, EquatableArray<string>.Empty,
            CodeText.EnclosingCondition(invocation, null), SourceLocation.From(invocation)));
        var external = SymbolEqualityComparer.Default.Equals(contextType.ContainingAssembly, model.Compilation.Assembly) ? null : DbContextParser.Parse(contextType, null, cancellationToken);
        return new RegistrationSpec(contextType.ClrFullName(), method.Name, null, false, null,
            providers.ToEquatableArray(), options.ToEquatableArray(), CodeText.EnclosingCondition(invocation, null), SourceLocation.From(invocation), external,
            Retry: retry ?? "set in code", NotFollowed: notFollowed.ToEquatableArray());
    }

    /// <summary>The options action's provider and option calls, and what hands the builder to code not followed
    /// (<see cref="OptionsBuilderParser.Parse"/>): an action that is no lambda (a method group, a delegate passed in) is
    /// itself such code.</summary>
    private static void ReadOptionsAction(ArgumentSyntax argument, SemanticModel model, List<ProviderUseSpec> providers, List<OptionCallSpec> options,
        List<OptionCallSpec> notFollowed, CancellationToken cancellationToken)
    {
        if (argument.Expression is not AnonymousFunctionExpressionSyntax)
        {
            if (!argument.Expression.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression) && !argument.Expression.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression))
            {
                notFollowed.Add(new OptionCallSpec(CodeText.Safe(argument.Expression) ?? "…", SourceLocation.From(argument)));
            }
            return;
        }
        var (argumentProviders, argumentOptions, argumentNotFollowed) = OptionsBuilderParser.Parse(argument.Expression, model, cancellationToken);
        providers.AddRange(argumentProviders);
        options.AddRange(argumentOptions);
        notFollowed.AddRange(argumentNotFollowed);
    }

    /// <summary>The context class registered: <c>TContextImplementation</c> when the method has one, else <c>TContext</c>.</summary>
    private static INamedTypeSymbol? ContextType(IMethodSymbol method)
    {
        for (var i = method.TypeParameters.Length - 1; i >= 0; i--)
        {
            if (method.TypeArguments[i] is INamedTypeSymbol argument && DbContextParser.IsDbContext(argument)) return argument;
        }
        return null;
    }
}

/// <summary>The transform's result: a registration, or the description of a failure to report as a warning.</summary>
internal sealed record RegistrationResult(RegistrationSpec? Registration, string? Error);
