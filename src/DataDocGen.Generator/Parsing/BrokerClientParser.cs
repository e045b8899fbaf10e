using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Messages handed to a broker through its own client library, wherever the call is (a background job, an outbox
/// relay, a request handler, a save hook; <see cref="SaveHookParser"/> asks here too):
/// <list type="bullet">
/// <item>RabbitMQ.Client 7.x <c>IChannel.BasicPublishAsync</c> (and its <c>IChannelExtensions</c> overloads) and 6.x
/// <c>IModel.BasicPublish</c> (and <c>IModelExensions</c>, so spelled in 6.x): the exchange and routing key;</item>
/// <item>Confluent.Kafka <c>IProducer&lt;TKey, TValue&gt;.Produce[Async]</c>: the topic (a string or a
/// <c>TopicPartition</c> created in place) and <c>TValue</c> as the message type;</item>
/// <item>Azure.Messaging.ServiceBus <c>ServiceBusSender.SendMessage[s]Async</c> and <c>ScheduleMessage[s]Async</c>: the
/// queue or topic the sender was created for, when the sender is a local or a read-only field whose one value is
/// <c>client.CreateSender(name)</c>.</item>
/// </list>
/// The predicate is the method name; the transform confirms the method's declaring type by namespace (a
/// <c>BasicPublish</c> of another type is nothing). Names are read when constant; otherwise the code is shown when it
/// holds no string literal. Connections and credentials are never read.
/// </summary>
internal static class BrokerClientParser
{
    private const string RabbitMq = "RabbitMQ.Client";
    private const string Kafka = "Confluent.Kafka";
    private const string ServiceBus = "Azure.Messaging.ServiceBus";

    private static readonly HashSet<string> MethodNames = new(System.StringComparer.Ordinal)
    {
        "BasicPublish", "BasicPublishAsync", "Produce", "ProduceAsync", "SendMessageAsync", "SendMessagesAsync", "ScheduleMessageAsync", "ScheduleMessagesAsync",
    };

    /// <summary>A method name one of the clients publishes with: the syntactic test, shared with the save-hook reader.</summary>
    public static bool IsPublishName(string name) => MethodNames.Contains(name);

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && MethodNames.Contains(access.Name.Identifier.ValueText);

    public static BrokerMessageResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = Read((InvocationExpressionSyntax)context.Node, context.SemanticModel, cancellationToken);
            return spec is null ? null : new BrokerMessageResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new BrokerMessageResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary>The message a call hands to a broker, or null when the call is not one of the clients' publish methods.</summary>
    public static BrokerMessageSpec? Read(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax access || !MethodNames.Contains(access.Name.Identifier.ValueText)) return null;
        if (Semantics.Method(call, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (owner is null) return null;
        var member = CodeText.MemberName(call, model, cancellationToken);
        var location = SourceLocation.From(access.Name);
        switch (method.Name)
        {
            case "BasicPublish" or "BasicPublishAsync" when owner.IsInNamespace(RabbitMq):
            {
                // IChannelExtensions/IModelExensions are extensions of IChannel/IModel: the API is named after the channel type.
                var channel = owner.Name.StartsWith("IModel", System.StringComparison.Ordinal) ? "IModel" : owner.Name.StartsWith("IChannel", System.StringComparison.Ordinal) ? "IChannel" : owner.Name;
                var (exchange, routingKey) = RabbitMqAddress(call, method, model, cancellationToken);
                return new BrokerMessageSpec("RabbitMQ", channel + "." + method.Name, "publishes", "exchange", exchange, routingKey, null, member, location);
            }
            case "Produce" or "ProduceAsync" when owner.IsInNamespace(Kafka) && owner.Name is "IProducer" or "Producer":
            {
                BrokerName? topic = null;
                BrokerName? key = null;
                foreach (var argument in call.ArgumentList.Arguments)
                {
                    var parameter = OptionsBuilderParser.ParameterFor(argument, call.ArgumentList, method);
                    if (parameter?.Name == "topic") topic = Name(argument.Expression, model, cancellationToken);
                    else if (parameter?.Type.Is(Kafka, "TopicPartition") == true) topic = TopicOfPartition(argument.Expression, model, cancellationToken);
                    else if (parameter?.Name == "message") key = MessageKey(argument.Expression, model, cancellationToken);
                }
                return new BrokerMessageSpec("Kafka", "IProducer." + method.Name, "publishes", "topic", topic, key,
                    KafkaValueType(access.Expression, owner, model, cancellationToken), member, location);
            }
            case "SendMessageAsync" or "SendMessagesAsync" or "ScheduleMessageAsync" or "ScheduleMessagesAsync" when owner.Is(ServiceBus, "ServiceBusSender"):
                return new BrokerMessageSpec("Azure Service Bus", "ServiceBusSender." + method.Name, method.Name.StartsWith("Schedule", System.StringComparison.Ordinal) ? "schedules" : "sends",
                    "queue or topic", SenderEntity(access.Expression, model, cancellationToken), null, null, member, location);
            default:
                return null;
        }
    }

    /// <summary>Plain text for a save hook's list: <c>Kafka ProduceAsync Shop.OrderChanged to topic orders</c>.</summary>
    public static string Describe(BrokerMessageSpec spec) =>
        spec.Broker + " " + spec.Api.Substring(spec.Api.IndexOf('.') + 1) + (spec.MessageType is null ? "" : " " + spec.MessageType)
        + " to " + spec.Target + " " + (spec.Destination?.Constant ?? spec.Destination?.Code ?? "(not read)")
        + (spec.RoutingKey is null ? "" : (spec.Broker == "Kafka" ? ", message key " : ", routing key ") + (spec.RoutingKey.Constant ?? spec.RoutingKey.Code ?? "(not read)"));

    /// <summary>Kafka's message key (the partition it goes to, what a compacted topic keeps the latest of): the <c>Key</c>
    /// set in a <c>new Message&lt;TKey, TValue&gt; { Key = ... }</c> written in the call; null when the message is built
    /// elsewhere or sets no key.</summary>
    private static BrokerName? MessageKey(ExpressionSyntax message, SemanticModel model, CancellationToken cancellationToken) =>
        message is BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
        && initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Key" }) is { } key
        && Semantics.TypeOf(message, model, cancellationToken) is INamedTypeSymbol { Name: "Message", TypeArguments.Length: 2 } type && type.IsInNamespace(Kafka)
            ? Name(key.Right, model, cancellationToken)
            : null;

    /// <summary>The exchange and routing key: arguments bound to <c>exchange</c>/<c>routingKey</c> (strings, or
    /// <c>CachedString</c>s created in place), or a <c>PublicationAddress</c> created in place.</summary>
    private static (BrokerName? Exchange, BrokerName? RoutingKey) RabbitMqAddress(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        BrokerName? exchange = null, routingKey = null;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            var parameter = OptionsBuilderParser.ParameterFor(argument, call.ArgumentList, method);
            if (parameter is null) continue;
            if (parameter.Name == "exchange") exchange = CachedOrPlain(argument.Expression, model, cancellationToken);
            else if (parameter.Name == "routingKey") routingKey = CachedOrPlain(argument.Expression, model, cancellationToken);
            else if (parameter.Type.Is(RabbitMq, "PublicationAddress"))
            {
                // new PublicationAddress(exchangeType, exchangeName, routingKey)
                if (argument.Expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } address } creation
                    && address.All(a => a.NameColon is null)
                    && Semantics.TypeOf(creation, model, cancellationToken).Is(RabbitMq, "PublicationAddress"))
                {
                    exchange = Name(address[1].Expression, model, cancellationToken);
                    routingKey = Name(address[2].Expression, model, cancellationToken);
                }
                else
                {
                    exchange = new BrokerName(null, CodeText.Safe(argument.Expression));
                }
            }
        }
        return (exchange, routingKey);
    }

    /// <summary><c>new CachedString("orders")</c> is its text; anything else is read as a name.</summary>
    private static BrokerName CachedOrPlain(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
        && Semantics.TypeOf(creation, model, cancellationToken).Is(RabbitMq, "CachedString")
            ? Name(creation.ArgumentList!.Arguments[0].Expression, model, cancellationToken)
            : Name(expression, model, cancellationToken);

    /// <summary><c>new TopicPartition("orders", ...)</c> created in place gives its topic.</summary>
    private static BrokerName TopicOfPartition(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation
        && creation.ArgumentList!.Arguments[0].NameColon is null
        && Semantics.TypeOf(creation, model, cancellationToken).Is(Kafka, "TopicPartition")
            ? Name(creation.ArgumentList.Arguments[0].Expression, model, cancellationToken)
            : new BrokerName(null, CodeText.Safe(expression));

    /// <summary><c>TValue</c> of the producer's <c>IProducer&lt;TKey, TValue&gt;</c>, unless it is open or Kafka's
    /// <c>Null</c>/<c>Ignore</c>.</summary>
    private static string? KafkaValueType(ExpressionSyntax receiver, INamedTypeSymbol owner, SemanticModel model, CancellationToken cancellationToken)
    {
        var producer = owner.TypeArguments.Length == 2 && owner.TypeArguments[1] is not ITypeParameterSymbol ? owner : null;
        if (producer is null && Semantics.TypeOf(receiver, model, cancellationToken) is { } type)
        {
            producer = new[] { type }.Concat(type.AllInterfaces).OfType<INamedTypeSymbol>()
                .FirstOrDefault(t => t is { Name: "IProducer", TypeArguments.Length: 2 } && t.IsInNamespace(Kafka));
        }
        var value = producer?.TypeArguments[1];
        return value is null or ITypeParameterSymbol || value.Is(Kafka, "Null") || value.Is(Kafka, "Ignore") ? null : value.ClrFullName();
    }

    /// <summary>The queue or topic of a <c>ServiceBusSender</c>: followed through a local never assigned again or a read-only
    /// field with one value (its initializer or its single constructor assignment) to <c>ServiceBusClient.CreateSender(name)</c>.</summary>
    private static BrokerName? SenderEntity(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        var expression = Unwrapped(receiver);
        var senderModel = model;
        for (var depth = 0; depth < 3; depth++)
        {
            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateSender" } } create)
            {
                if (Semantics.Method(create, senderModel, cancellationToken) is not { } createSender
                    || !(createSender.ReducedFrom ?? createSender).ContainingType.Is(ServiceBus, "ServiceBusClient")) return null;
                var name = create.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, create.ArgumentList, createSender)?.Name == "queueOrTopicName");
                return name is null ? null : Name(name.Expression, senderModel, cancellationToken) with { Location = SourceLocation.From(create) };
            }
            ExpressionSyntax? next = null;
            switch (Semantics.SymbolOf(expression, senderModel, cancellationToken))
            {
                case ILocalSymbol local when expression is IdentifierNameSyntax identifier:
                    next = ConnectionSourceParser.SingleAssignment(local, identifier, cancellationToken);
                    break;
                case IFieldSymbol field:
                    next = ConnectionSourceParser.FieldAssignment(field, cancellationToken);
                    if (next is not null && next.SyntaxTree != senderModel.SyntaxTree) senderModel = senderModel.Compilation.ReadSemanticModel(next.SyntaxTree);
                    break;
            }
            if (next is null) return null;
            expression = Unwrapped(next);
        }
        return null;
    }

    /// <summary><c>await x</c>, <c>(x)</c>, <c>x!</c> → x.</summary>
    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited: expression = awaited.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } bang: expression = bang.Operand; break;
                default: return expression;
            }
        }
    }

    /// <summary>A constant name (masked when it looks like an address or a connection string), else the code when safe.</summary>
    private static BrokerName Name(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.ConstantString(expression, cancellationToken) is { } constant
            ? new BrokerName(constant.IndexOfAny(AddressCharacters) >= 0 ? ConnectionStringRedactor.Redact(constant) : constant, null)
            : new BrokerName(null, CodeText.Safe(expression));

    /// <summary>Characters no exchange, topic or entity name needs and every address or connection string has.</summary>
    private static readonly char[] AddressCharacters = { ':', '@', ';', '=' };
}

internal sealed record BrokerMessageResult(BrokerMessageSpec? Spec, string? Error);
