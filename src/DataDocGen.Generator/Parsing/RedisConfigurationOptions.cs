using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Where a StackExchange.Redis <c>ConfigurationOptions</c> handed to <c>ConnectionMultiplexer.Connect</c> gets its
/// connection from: <c>ConfigurationOptions.Parse(x[, ...])</c>, inline or in a local assigned once, is x's source
/// (eShopOnContainers' Basket.API parses its settings' connection string, then connects with the options, and the store
/// read "not passed here"); <c>new ConfigurationOptions { EndPoints = { "host:port" } }</c> gives its endpoints' sources.
/// Nothing else is read (a <c>Password</c> or other option is never taken, so never printed). Null when the expression is
/// neither: the connection is then not passed here as far as the code shows.
/// </summary>
internal static class RedisConfigurationOptions
{
    public static IReadOnlyList<ConnectionSourceSpec>? Sources(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsOptions(Semantics.TypeOf(expression, model, cancellationToken))) return null;
        var value = Semantics.SingleAssignmentInitializer(SyntaxFacts.Unwrapped(expression), model, cancellationToken) ?? expression;
        value = SyntaxFacts.Unwrapped(value);
        if (value is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } parse
            && Semantics.Method(parse, model, cancellationToken) is { Name: "Parse", IsStatic: true } method && IsOptions(method.ContainingType)
            && method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
        {
            return ConnectionSourceParser.Parse(parse.ArgumentList.Arguments[0].Expression, model, cancellationToken);
        }
        if (value is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation && IsOptions(Semantics.TypeOf(creation, model, cancellationToken)))
        {
            // EndPoints = { "host:port", configuration["Redis:Host"] }: each endpoint given as one string.
            var endpoints = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "EndPoints" } && a.Right is InitializerExpressionSyntax)
                .SelectMany(a => ((InitializerExpressionSyntax)a.Right).Expressions)
                .Where(e => Semantics.TypeOf(e, model, cancellationToken)?.SpecialType == SpecialType.System_String)
                .ToList();
            return endpoints.Count == 0 ? null : endpoints.SelectMany(e => ConnectionSourceParser.Parse(e, model, cancellationToken)).ToList();
        }
        return null;
    }

    private static bool IsOptions(ITypeSymbol? type) => type.Is("StackExchange.Redis", "ConfigurationOptions");
}
