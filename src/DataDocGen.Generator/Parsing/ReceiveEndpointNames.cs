using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The MassTransit receive endpoint a consumer is bound to, in report words with code spans: the queue of the
/// <c>cfg.ReceiveEndpoint("orders", e => ...)</c> whose lambda holds an <c>e.Consumer&lt;T&gt;(context)</c>,
/// <c>e.ConfigureConsumer&lt;T&gt;(context)</c> or <c>e.ConfigureConsumers(context)</c>; and the endpoint name an
/// <c>AddConsumer&lt;T&gt;().Endpoint(e => e.Name = "...")</c> gives the endpoint <c>ConfigureEndpoints</c> creates for it.
/// A name is stated only when it is a constant; computed ones are quoted as code.
/// </summary>
internal static class ReceiveEndpointNames
{
    /// <summary><c>on receive endpoint `orders`</c>, <c>on the receive endpoint named by `code`</c>, or null when the call is
    /// in no MassTransit <c>ReceiveEndpoint</c> lambda of its member.</summary>
    public static string? Enclosing(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in call.Ancestors())
        {
            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax) return null;
            if (node is not AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax holder } } }
                || OptionsBuilderParser.MethodName(holder) != "ReceiveEndpoint") continue;
            if (OptionsBuilderParser.ResolveMethod(holder, model, cancellationToken) is not { } method
                || !(method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit")) return null;
            var queue = holder.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, holder.ArgumentList, method) is { Type.SpecialType: SpecialType.System_String });
            if (queue is null) return "on a receive endpoint the code does not name (" + CodeSpan.Of("ReceiveEndpoint") + " without a queue name)";
            if (model.ConstantString(queue.Expression, cancellationToken) is { } name) return "on receive endpoint " + CodeSpan.Of(name);
            return CodeText.Safe(queue.Expression) is { } code ? "on the receive endpoint named by " + CodeSpan.Of(code) : "on a receive endpoint whose name is computed in code";
        }
        return null;
    }

    /// <summary>For a registration followed by MassTransit's <c>.Endpoint(e => e.Name = "ship-order")</c>: <c>with endpoint
    /// name `ship-order` (used when `ConfigureEndpoints` creates its endpoint)</c>; null without one, or when the name is
    /// not a single constant.</summary>
    public static string? Registered(InvocationExpressionSyntax registration, SemanticModel model, CancellationToken cancellationToken)
    {
        var endpoint = SyntaxFacts.CallsChainedAfter(registration).FirstOrDefault(c => SyntaxFacts.CalledName(c) == "Endpoint");
        if (endpoint?.ArgumentList.Arguments.FirstOrDefault()?.Expression is not LambdaExpressionSyntax configure
            || OptionsBuilderParser.ResolveMethod(endpoint, model, cancellationToken) is not { } method
            || !(method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit")) return null;
        var names = configure.Body.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name" }).ToList();
        return names.Count == 1 && model.ConstantString(names[0].Right, cancellationToken) is { } name
            ? "with endpoint name " + CodeSpan.Of(name) + " (used when " + CodeSpan.Of("ConfigureEndpoints") + " creates its endpoint)"
            : null;
    }
}
