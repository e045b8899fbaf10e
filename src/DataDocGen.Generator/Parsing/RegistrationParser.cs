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
        "AddDbContext", "AddDbContextPool", "AddDbContextFactory", "AddPooledDbContextFactory",
    }.Concat(KnownProviders.AddMethods.Keys));

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
            if (!OptionsBuilderParser.ReceiverType(method).Is("Microsoft.Extensions.DependencyInjection", "IServiceCollection")) return null;
            if (ContextType(method) is not { } contextType) return null;

            var providers = new List<ProviderUseSpec>();
            var options = new List<OptionCallSpec>();
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
                        var (argumentProviders, argumentOptions) = OptionsBuilderParser.Parse(argument.Expression, model, cancellationToken);
                        providers.AddRange(argumentProviders);
                        options.AddRange(argumentOptions);
                        break;
                }
            }

            // A context from another assembly (a project or package reference) is read from its symbol: DbSets only.
            var external = SymbolEqualityComparer.Default.Equals(contextType.ContainingAssembly, model.Compilation.Assembly)
                ? null
                : DbContextParser.Parse(contextType, null, cancellationToken);
            var spec = new RegistrationSpec(contextType.ClrFullName(), method.Name, poolSize, poolSizeIsDefault, lifetime,
                providers.ToEquatableArray(), options.ToEquatableArray(), CodeText.EnclosingCondition(invocation, null),
                SourceLocation.From(invocation), external, optionsLifetime);
            return new RegistrationResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new RegistrationResult(null, GeneratorFailure.Describe(exception, context.Node));
        }
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
