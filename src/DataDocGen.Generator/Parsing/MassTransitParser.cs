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
/// MassTransit (outline 2.2 sagas and outbox, 5.2 messages): state machines (<c>MassTransitStateMachine&lt;T&gt;</c>) with
/// their states, events and compensation (<c>Catch</c> handlers and what they publish or send), saga registrations
/// with their repository, the Entity Framework and in-memory outbox/inbox, the outbox tables added to a model, the
/// transport and its host (redacted), and the messages the code publishes or sends. All confirmed by namespace.
/// </summary>
internal static class MassTransitParser
{
    private static readonly HashSet<string> Calls = new(System.StringComparer.Ordinal)
    {
        "AddSagaStateMachine", "AddEntityFrameworkOutbox", "AddInMemoryInboxOutbox", "UseInMemoryOutbox", "UseMessageRetry",
        "AddInboxStateEntity", "AddOutboxMessageEntity", "AddOutboxStateEntity",
        "UsingRabbitMq", "UsingAzureServiceBus", "UsingAmazonSqs", "UsingActiveMq", "UsingInMemory", "UsingGrpc", "UsingSqlServer", "UsingPostgres",
        "Publish", "Send", "PublishAsync", "SendAsync", "AddConsumer", "AddConsumers", "AddConsumersFromNamespaceContaining", "Consumer",
        "ConfigureConsumer", "ConfigureConsumers", "Schedule", "Unschedule", "Request", "Respond", "RespondAsync",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => RebusParser.IsCandidate(node) || node switch
    {
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => t.Type is GenericNameSyntax { Identifier.ValueText: "MassTransitStateMachine" or "IConsumer" }
                                                                             or QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "MassTransitStateMachine" or "IConsumer" } }),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => Calls.Contains(access.Name.Identifier.ValueText),
        _ => false,
    };

    public static MessagingResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            var spec = context.Node switch
            {
                ClassDeclarationSyntax type => StateMachine(type, model, cancellationToken) ?? Consumer(type, model, cancellationToken),
                InvocationExpressionSyntax invocation => Call(invocation, model, cancellationToken),
                _ => null,
            } ?? (RebusParser.IsCandidate(context.Node) ? RebusParser.Parse(context.Node, model, cancellationToken) : null);
            return spec is null ? null : new MessagingResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MessagingResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary>A consumer: a concrete, non-generic class implementing MassTransit's <c>IConsumer&lt;TMessage&gt;</c> (once
    /// or more, directly or through a base class), with the message types it consumes.</summary>
    private static MessagingSpec? Consumer(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol { IsAbstract: false, IsGenericType: false } type) return null;
        // A partial class is reported once, from the part that names IConsumer.
        var messages = ConsumedMessages(type);
        if (messages.IsEmpty) return null;
        return new MessagingSpec("consumer", type.ClrFullName(), null, messages, type.Name, SourceLocation.From(declaration.Identifier.Parent!),
            Assembly: type.ContainingAssembly?.Name);
    }

    /// <summary>The message types of the <c>MassTransit.IConsumer&lt;T&gt;</c> interfaces a type implements, sorted, as C#
    /// writes them (<c>MassTransit.Batch&lt;MassTransit.Courier.Contracts.RoutingSlipCompleted&gt;</c>, not reflection's
    /// <c>Batch`1[...]</c>); a bare type parameter names no type and is left out.</summary>
    private static EquatableArray<string> ConsumedMessages(ITypeSymbol type) => type.AllInterfaces
        .Where(i => i is { Name: "IConsumer", TypeArguments.Length: 1 } && i.IsInNamespace("MassTransit") && i.TypeArguments[0] is not ITypeParameterSymbol)
        .Select(i => i.TypeArguments[0].CSharpName(qualified: true)).Distinct().OrderBy(m => m, System.StringComparer.Ordinal).ToEquatableArray();

    private static MessagingSpec? StateMachine(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!declaration.BaseList!.Types.Any(t => SyntaxFacts.RightmostName(t.Type) == "MassTransitStateMachine")) return null;
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        INamedTypeSymbol? machine = null;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "MassTransitStateMachine", TypeArguments.Length: 1 } && current.IsInNamespace("MassTransit")) { machine = current; break; }
        }
        if (machine is null) return null;
        var items = new List<string>();
        var properties = type.GetMembers().OfType<IPropertySymbol>().ToList();
        var states = properties.Where(p => p.Type.Is("MassTransit", "State")).Select(p => p.Name).ToList();
        if (states.Count > 0) items.Add("states: " + string.Join(", ", states));
        var events = properties.Where(p => p.Type is INamedTypeSymbol { Name: "Event", TypeArguments.Length: 1 } e && e.IsInNamespace("MassTransit"))
            .Select(p => p.Name + " (" + ((INamedTypeSymbol)p.Type).TypeArguments[0].CSharpName(qualified: false) + ")").ToList();
        if (events.Count > 0) items.Add("events: " + string.Join(", ", events));
        items.AddRange(StateMachineActivities.Declared(type));
        // Compensation: what the Catch<TException> handlers do, step by step in source order (a chain's calls nest
        // outside-in, so they are ordered by the position of their names), with the message each Publish or Send makes
        // and the state each TransitionTo enters.
        foreach (var handler in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .Where(i => i.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Catch" } } or GenericNameSyntax { Identifier.ValueText: "Catch" }))
        {
            var exception = handler.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } ? generic.TypeArgumentList.Arguments.FirstOrDefault()?.ToString() : null;
            var steps = handler.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => (Call: i, Name: i.Expression as MemberAccessExpressionSyntax))
                .Where(c => c.Name?.Name.Identifier.ValueText is "Publish" or "PublishAsync" or "Send" or "SendAsync" or "TransitionTo" or "Finalize" or "Then" or "ThenAsync"
                    or "Schedule" or "Unschedule" or "Request" or "Respond" or "RespondAsync" or "Activity")
                .OrderBy(c => c.Name!.Name.SpanStart)
                .Select(c => Step(c.Call, c.Name!.Name.Identifier.ValueText, model, cancellationToken))
                .ToList();
            items.Add("compensation on " + (exception ?? "exception") + ": " + (steps.Count == 0 ? "handled" : string.Join(", ", steps)));
        }
        items.AddRange(StateMachineActivities.Behaviour(declaration, model, cancellationToken));
        if (declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "SetCompletedWhenFinalized" }))
        {
            items.Add("removed when finalized");
        }
        return new MessagingSpec("saga", type.ClrFullName(), "state " + machine.TypeArguments[0].ClrFullName(), items.ToEquatableArray(), type.Name,
            SourceLocation.From(declaration.Identifier.Parent!));
    }

    /// <summary>One step of a Catch handler: <c>Publish RefundPayment</c>, <c>TransitionTo Compensated</c>, <c>Finalize</c>.</summary>
    private static string Step(InvocationExpressionSyntax call, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "TransitionTo":
                return call.ArgumentList.Arguments.FirstOrDefault()?.Expression is IdentifierNameSyntax state ? "TransitionTo " + state.Identifier.ValueText : "TransitionTo";
            case "Publish" or "PublishAsync" or "Send" or "SendAsync" or "Respond" or "RespondAsync":
                var message = Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol method ? MessageType(method, call, model, cancellationToken) : null;
                return message is null ? name : name + " " + message.CSharpName(qualified: false);
            case "Schedule" or "Unschedule" or "Request":
                // The schedule or request the activity names: "Schedule HoldExpiration".
                return call.ArgumentList.Arguments.FirstOrDefault()?.Expression is IdentifierNameSyntax named ? name + " " + named.Identifier.ValueText : name;
            case "Activity":
                var activity = call.ArgumentList.DescendantNodes().OfType<GenericNameSyntax>().FirstOrDefault(g => g.Identifier.ValueText is "OfType" or "OfInstanceType");
                return activity?.TypeArgumentList.Arguments.FirstOrDefault() is { } activityType ? "Activity " + activityType : name;
            default:
                return name;
        }
    }

    /// <summary>The message a Publish or Send call sends. MassTransit's overloads differ in their type parameters:
    /// <c>IPublishEndpoint.Publish&lt;T&gt;(T message)</c> has one, the state machine's activity binders
    /// (<c>Publish&lt;TInstance, TData, TMessage&gt;</c>, and the exception binders' with <c>TException</c>) name it
    /// <c>TMessage</c> among the saga and event types. Other generic shapes are not guessed.</summary>
    internal static ITypeSymbol? MessageType(IMethodSymbol method, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var original = method.ReducedFrom ?? method;
        if (original.TypeParameters.Length == 0)
        {
            return invocation.ArgumentList.Arguments.Select(a => Semantics.TypeOf(a.Expression, model, cancellationToken)).FirstOrDefault();
        }
        var arguments = TypeArguments(method);
        var named = arguments.FirstOrDefault(a => a.Name == "TMessage").Type;
        if (named is not null) return named;
        return original.TypeParameters.Length == 1 ? arguments.Select(a => a.Type).FirstOrDefault() : null;
    }

    /// <summary>
    /// A <c>Publish</c> or <c>Send</c> in a lambda does not run as the code of the member the report names: it runs when
    /// whatever holds the lambda calls it, if ever. The innermost lambda is read, outward past those that are a state
    /// machine's behaviour (handed to a MassTransit <c>...ActivityBinder</c> method: <c>Then</c>, <c>Catch</c>, the
    /// state machine's own rows); a minimal API endpoint's handler is the member itself (<see cref="CodeText.MemberName"/>).
    /// A <c>Send</c> on the endpoint a routing slip builder's <c>AddSubscription</c> hands its callback is not sent at all
    /// there: the message is stored in the routing slip, and the service running the routing slip sends it to the
    /// subscription's address at the events it names (<see cref="SubscriptionDetail"/>). Null when the call is not in
    /// such a lambda.
    /// </summary>
    private static (bool Subscription, string Text)? Deferred(InvocationExpressionSyntax call, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in call.Ancestors())
        {
            if (node is MemberDeclarationSyntax or LocalFunctionStatementSyntax or GlobalStatementSyntax) return null;
            if (node is not AnonymousFunctionExpressionSyntax lambda) continue;
            if (CodeText.EndpointHandler(lambda, model, cancellationToken) is not null) return null;
            if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax holder } list } argument)
            {
                return (false, "in a lambda (runs when it is called)");
            }
            var method = OptionsBuilderParser.ResolveMethod(holder, model, cancellationToken);
            var fromMassTransit = method is not null && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit");
            if (fromMassTransit && OptionsBuilderParser.ReceiverType(method!)?.Name.EndsWith("ActivityBinder", System.StringComparison.Ordinal) == true) continue;
            if (fromMassTransit && method!.Name == "AddSubscription" && name == "Send"
                && OptionsBuilderParser.ParameterFor(argument, list, method)?.Type is INamedTypeSymbol { Name: "Func", TypeArguments.Length: 2 } callback
                && callback.TypeArguments[0].Is("MassTransit", "ISendEndpoint")
                && call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver }
                && LambdaParameters(lambda).Any(p => p.Identifier.ValueText == receiver.Identifier.ValueText))
            {
                return (true, SubscriptionDetail(holder, method, model, cancellationToken));
            }
            var callee = holder.Expression switch
            {
                MemberAccessExpressionSyntax access => CodeText.Collapse(access.Name),
                SimpleNameSyntax simple => CodeText.Collapse(simple),
                _ => null,
            };
            return (false, callee is null ? "in a lambda handed to another call (runs when that calls it)" : "in a lambda passed to `" + callee + "` (runs when that calls it)");
        }
        return null;
    }

    /// <summary>The note of <see cref="Deferred"/> for a call that is no routing slip subscription's send, or null.</summary>
    internal static string? DeferredNote(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        Deferred(call, OptionsBuilderParser.MethodName(call) ?? "", model, cancellationToken) is { Subscription: false, Text: var text } ? text : null;

    private static IEnumerable<ParameterSyntax> LambdaParameters(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter },
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
        AnonymousMethodExpressionSyntax { ParameterList: { } parameters } => parameters.Parameters,
        _ => Enumerable.Empty<ParameterSyntax>(),
    };

    /// <summary>
    /// A routing slip subscription's message: "when the routing slip faults, to `context.SourceAddress` (...)". The events
    /// are read from a constant <c>RoutingSlipEvents</c> value by the enum's own fields (<c>All</c>, 0 under
    /// <c>EventMask</c>, is every event; <c>Supplemental</c> decides whether the usual events are published too, not when
    /// this message is sent); any other value, or a subscription limited to an activity by name, is quoted as code.
    /// The address is a constant (as <see cref="Destination"/> reads it) or the code that computes it.
    /// </summary>
    private static string SubscriptionDetail(InvocationExpressionSyntax subscription, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? Argument(string parameter) => subscription.ArgumentList.Arguments
            .FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, subscription.ArgumentList, method)?.Name == parameter)?.Expression;
        var address = Argument("address");
        var to = address is null ? null : ConstantUri(address, model, cancellationToken) ?? (CodeText.Safe(address) is { } code ? "`" + code + "`" : null);
        var events = Argument("events");
        var when = events is null ? null : Argument("activityName") is null ? SubscriptionEvents(events, model, cancellationToken) : null;
        when ??= events is not null && CodeText.Safe(events) is { } written ? "at the routing slip events `" + written + "`" + (Argument("activityName") is null ? "" : " of the activity it names") : "at the routing slip events it names";
        return when + ", to " + (to ?? "an address computed in code") + " (a routing slip subscription: the service running the routing slip sends it, not this code)";
    }

    private static readonly Dictionary<string, string> RoutingSlipEventNames = new(System.StringComparer.Ordinal)
    {
        ["Completed"] = "the routing slip completes", ["Faulted"] = "the routing slip faults", ["CompensationFailed"] = "the routing slip's compensation fails",
        ["Terminated"] = "the routing slip is terminated", ["Revised"] = "the routing slip is revised", ["ActivityCompleted"] = "an activity completes",
        ["ActivityFaulted"] = "an activity faults", ["ActivityCompensated"] = "an activity is compensated", ["ActivityCompensationFailed"] = "an activity's compensation fails",
    };

    /// <summary>"when the routing slip faults" from a constant <c>RoutingSlipEvents</c>; null when a bit is not one of the
    /// events named above or Supplemental.</summary>
    private static string? SubscriptionEvents(ExpressionSyntax events, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(events, model, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Enum } type
            || !type.IsInNamespaceOrBelow("MassTransit") || type.Name != "RoutingSlipEvents") return null;
        if (Semantics.ConstantOf(events, model, cancellationToken) is not { HasValue: true, Value: { } boxed }) return null;
        var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => f is { HasConstantValue: true, ConstantValue: not null })
            .ToDictionary(f => f.Name, f => System.Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture), System.StringComparer.Ordinal);
        if (!fields.TryGetValue("EventMask", out var mask) || !fields.TryGetValue("Supplemental", out var supplemental)) return null;
        var value = System.Convert.ToInt64(boxed, System.Globalization.CultureInfo.InvariantCulture);
        if ((value & ~mask & ~supplemental) != 0) return null;
        var selected = value & mask;
        if (selected == 0) return "at every routing slip event";
        var named = new List<string>();
        foreach (var field in fields.Where(f => RoutingSlipEventNames.ContainsKey(f.Key)).OrderBy(f => f.Value))
        {
            if (field.Value == 0 || (field.Value & (field.Value - 1)) != 0 || (selected & field.Value) == 0) continue;
            named.Add(RoutingSlipEventNames[field.Key]);
            selected &= ~field.Value;
        }
        return selected == 0 ? "when " + string.Join(" or ", named) : null;
    }

    /// <summary>A call's type arguments by the names of their type parameters. A reduced extension method keeps the type
    /// parameters its receiver did not fix; the others were inferred.</summary>
    internal static List<(string Name, ITypeSymbol Type)> TypeArguments(IMethodSymbol method)
    {
        var arguments = method.TypeParameters.Zip(method.TypeArguments, (p, a) => (p.Name, Type: a)).ToList();
        if (method.ReducedFrom is { } from)
        {
            var kept = arguments.Select(a => a.Name).ToList();
            arguments.AddRange(from.TypeParameters.Where(p => !kept.Contains(p.Name))
                .Select(p => (p.Name, Type: method.GetTypeInferredDuringReduction(p)!)).Where(p => p.Type is not null));
        }
        return arguments;
    }

    /// <summary>
    /// Where a <c>Send</c> goes, when the code names the address as a constant: a <c>Uri</c> argument of the call
    /// (a state machine's <c>.Send(new Uri("queue:ship-order"), ...)</c>), or the endpoint the call is made on, got from
    /// <c>GetSendEndpoint(new Uri(...))</c> in place or in a local assigned once. Credentials in the address are masked.
    /// </summary>
    private static string? Destination(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        // An argument given to a System.Uri parameter (a destination address).
        // (Read from the resolved method's parameters, not from GetOperation, which binds the whole body.)
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Type.Is("System", "Uri") == true)
            {
                return ConstantUri(argument.Expression, model, cancellationToken);
            }
        }
        // endpoint.Send(...) on an ISendEndpoint.
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }) return null;
        var endpoint = Unwrapped(receiver);
        if (endpoint is IdentifierNameSyntax local && Semantics.SymbolOrMethod(local, model, cancellationToken) is ILocalSymbol symbol)
        {
            endpoint = AssignedOnce(symbol, local, model, cancellationToken);
        }
        return endpoint is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSendEndpoint" } } get
               && OptionsBuilderParser.ResolveMethod(get, model, cancellationToken) is { } getMethod
               && (getMethod.ReducedFrom ?? getMethod).ContainingType.IsInNamespaceOrBelow("MassTransit")
               && get.ArgumentList.Arguments.FirstOrDefault() is { } first
            ? ConstantUri(first.Expression, model, cancellationToken)
            : null;
    }

    /// <summary><c>await x</c>, <c>(x)</c>, <c>x.ConfigureAwait(false)</c> → x.</summary>
    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited: expression = awaited.Expression; break;
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } }: expression = inner; break;
                default: return expression;
            }
        }
    }

    /// <summary>The initializer of a local that is never assigned again in its block (else null).</summary>
    private static ExpressionSyntax? AssignedOnce(ILocalSymbol local, IdentifierNameSyntax use, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault() is not { } reference || reference.SyntaxTree != use.SyntaxTree) return null;
        if (reference.ReadSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator) return null;
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        if (scope is null) return null;
        var reassigned = scope.DescendantNodes().Any(n => n switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(left, model, cancellationToken), local),
            ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } => passed.Identifier.ValueText == local.Name,
            _ => false,
        });
        return reassigned ? null : Unwrapped(value);
    }

    /// <summary><c>new Uri("queue:ship-order")</c> (or a constant string) → <c>queue:ship-order</c>, credentials masked.</summary>
    internal static string? ConstantUri(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var text = expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
                   && Semantics.TypeOf(creation, model, cancellationToken).Is("System", "Uri")
            ? model.ConstantString(creation.ArgumentList!.Arguments[0].Expression, cancellationToken)
            : model.ConstantString(expression, cancellationToken);
        if (text is null) return null;
        // MassTransit's short addresses (queue:name, exchange:name, topic:name) hold no credentials: shown as written.
        return ShortAddress.IsMatch(text) ? text : ConnectionStringRedactor.Redact(text);
    }

    private static readonly System.Text.RegularExpressions.Regex ShortAddress = new(@"^(queue|exchange|topic):[A-Za-z0-9._/-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static MessagingSpec? Call(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (!owner.IsInNamespaceOrBelow("MassTransit")) return null;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        var name = method.Name;
        switch (name)
        {
            case "AddSagaStateMachine" when method.TypeArguments.Length >= 2:
                var repository = SyntaxFacts.CallsChainedAfter(invocation).FirstOrDefault(c => SyntaxFacts.CalledName(c)?.EndsWith("Repository", System.StringComparison.Ordinal) == true);
                var repositoryText = repository is null ? "repository not configured here"
                    : "repository: " + SagaRepositoryReader.Describe(repository, SyntaxFacts.CalledName(repository)!, model, cancellationToken);
                // A generic fixture's AddSagaStateMachine<TStateMachine, TInstance>(): no class is named here.
                var machine = method.TypeArguments[0];
                return machine is ITypeParameterSymbol
                    ? new MessagingSpec("saga registration", machine.EntityName(), "registers whichever state machine the type parameter is bound to; " + repositoryText,
                        EquatableArray<string>.Empty, member, location)
                    : new MessagingSpec("saga registration", machine.CSharpName(qualified: true), repositoryText, EquatableArray<string>.Empty, member, location);
            case "AddEntityFrameworkOutbox":
                var settings = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>()
                    .SelectMany(l => l.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                    .Select(i => i.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null)
                    .Where(n => n is not null && n.StartsWith("Use", System.StringComparison.Ordinal)).Select(n => n! + "()").Distinct().ToEquatableArray();
                return new MessagingSpec("outbox", method.TypeArguments.FirstOrDefault()?.ClrFullName() ?? "DbContext", "Entity Framework outbox", settings, member, location);
            case "AddInMemoryInboxOutbox" or "UseInMemoryOutbox":
                // MassTransit buffers what a consumer sends or publishes until the consumer completes: nothing is stored, so it
                // is not atomic with the consumer's database writes (a transactional outbox is AddEntityFrameworkOutbox).
                return new MessagingSpec("outbox", "in memory", name + (CodeText.Safe(invocation.ArgumentList) ?? "(…)")
                    + ": holds the messages a consumer sends or publishes until it completes; kept in memory, not in the database's transaction", EquatableArray<string>.Empty, member, location);
            case "AddInboxStateEntity" or "AddOutboxMessageEntity" or "AddOutboxStateEntity":
                return new MessagingSpec("outbox tables", name.Substring(3, name.Length - 9), "added to the EF Core model by " + name + "()", EquatableArray<string>.Empty, member, location);
            case "UseMessageRetry":
                return new MessagingSpec("retry", "message retry", CodeText.Safe(invocation.ArgumentList) is { } retry ? "UseMessageRetry" + retry : "UseMessageRetry(…)", EquatableArray<string>.Empty, member, location);
            case var transport when transport.StartsWith("Using", System.StringComparison.Ordinal):
                var host = invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Host" });
                var hostText = host?.ArgumentList.Arguments.FirstOrDefault() is { } argument
                    ? model.ConstantString(argument.Expression, cancellationToken) is { } constant ? ConnectionStringRedactor.Redact(constant)
                    : ConnectionSourceParser.Parse(argument.Expression, model, cancellationToken).FirstOrDefault() is { ConfigurationKey: { } key } ? "configuration " + key : null
                    : null;
                return new MessagingSpec("transport", transport.Substring(5), hostText is null ? null : "host " + hostText, EquatableArray<string>.Empty, member,
                    hostText is null ? location : SourceLocation.From(((MemberAccessExpressionSyntax)host!.Expression).Name));
            case "Publish" or "Send" or "PublishAsync" or "SendAsync":
                // cfg.Publish<T>(x => ...) on a bus or endpoint configurator sets the message's topology: nothing is sent.
                if (OptionsBuilderParser.ReceiverType(method) is { } receiverType && receiverType.Name.EndsWith("Configurator", System.StringComparison.Ordinal)) return null;
                var message = MessageType(method, invocation, model, cancellationToken);
                if (message is null || message.SpecialType == SpecialType.System_Object || message is ITypeParameterSymbol) return null;
                var sends = name.StartsWith("Send", System.StringComparison.Ordinal);
                var destination = sends ? Destination(invocation, method, model, cancellationToken) : null;
                var detail = destination is null ? null : "to " + destination;
                switch (Deferred(invocation, name, model, cancellationToken))
                {
                    case { Subscription: true, Text: var subscription }: detail = subscription; break;
                    case { Text: var note }: detail = detail is null ? note : detail + "; " + note; break;
                }
                return new MessagingSpec(sends ? "sent" : "published", message.CSharpName(qualified: true), detail, EquatableArray<string>.Empty, member, location);
            case "AddConsumer":
                // AddConsumer<TConsumer>() (and AddConsumer<TConsumer, TDefinition>()), or AddConsumer(typeof(TConsumer)).
                var consumer = method.TypeArguments.FirstOrDefault()
                               ?? (invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is TypeOfExpressionSyntax typeOf ? Semantics.TypeOf(typeOf.Type, model, cancellationToken) : null);
                if (consumer is not INamedTypeSymbol { TypeKind: TypeKind.Class } consumerType) return null;
                return new MessagingSpec("consumer registration", consumerType.ClrFullName(), OptionsBuilderParser.RenderCall(CodeText.Collapse(((MemberAccessExpressionSyntax)invocation.Expression).Name) ?? name, invocation.ArgumentList),
                    ConsumedMessages(consumerType), member, location, Endpoint: ReceiveEndpointNames.Registered(invocation, model, cancellationToken));
            case "Consumer":
                // A consumer connected to a receive endpoint, or to a batch on one: e.Consumer<TConsumer>(context),
                // b.Consumer<TConsumer, TMessage>(context) (Twitch's e.Batch<RoutingSlipCompleted>(b => ...)). Not an endpoint
                // name formatter's Consumer<T>(), which only names a queue.
                var receiver = OptionsBuilderParser.ReceiverType(method);
                if (!(receiver.Is("MassTransit", "IReceiveEndpointConfigurator") || receiver.Is("MassTransit", "IBatchConfigurator`1"))) return null;
                // The consumer is TConsumer, or the one type parameter (DependencyInjectionReceiveEndpointExtensions.Consumer<T>).
                var typeArguments = TypeArguments(method);
                var connected = typeArguments.FirstOrDefault(a => a.Name == "TConsumer").Type ?? (typeArguments.Count == 1 ? typeArguments[0].Type : null);
                if (connected is not INamedTypeSymbol { TypeKind: TypeKind.Class } connectedType) return null;
                return new MessagingSpec("consumer registration", connectedType.ClrFullName(), OptionsBuilderParser.RenderCall(CodeText.Collapse(((MemberAccessExpressionSyntax)invocation.Expression).Name) ?? name, invocation.ArgumentList),
                    ConsumedMessages(connectedType), member, location, Endpoint: ReceiveEndpointNames.Enclosing(invocation, model, cancellationToken));
            case "ConfigureConsumer" or "ConfigureConsumers" when owner.Name is "RegistrationContextExtensions" or "IRegistrationContext":
                // A registered consumer (or every one) configured on a receive endpoint: e.ConfigureConsumer<T>(context),
                // e.ConfigureConsumer(context, typeof(T)), context.ConfigureConsumer<T>(e), e.ConfigureConsumers(context).
                var call = OptionsBuilderParser.RenderCall(CodeText.Collapse(((MemberAccessExpressionSyntax)invocation.Expression).Name) ?? name, invocation.ArgumentList);
                var endpoint = ReceiveEndpointNames.Enclosing(invocation, model, cancellationToken);
                if (name == "ConfigureConsumers") return new MessagingSpec("consumers on endpoint", "registered consumers", call, EquatableArray<string>.Empty, member, location, Endpoint: endpoint);
                var configured = method.TypeArguments.FirstOrDefault()
                                 ?? invocation.ArgumentList.Arguments.Where(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "consumerType")
                                     .Select(a => a.Expression is TypeOfExpressionSyntax typeOfConsumer ? Semantics.TypeOf(typeOfConsumer.Type, model, cancellationToken) : null).FirstOrDefault();
                if (configured is not INamedTypeSymbol { TypeKind: TypeKind.Class } configuredType) return null;
                return new MessagingSpec("consumer registration", configuredType.ClrFullName(), call, ConsumedMessages(configuredType), member, location, Endpoint: endpoint);
            case "AddConsumers" or "AddConsumersFromNamespaceContaining":
                return ConsumerScanReader.Read(invocation, method,
                    OptionsBuilderParser.RenderCall(CodeText.Collapse(((MemberAccessExpressionSyntax)invocation.Expression).Name) ?? name, invocation.ArgumentList),
                    member, location, model, cancellationToken);
            default:
                return StateMachineActivities.Row(invocation, method, member, location, model, cancellationToken);
        }
    }
}

internal sealed record MessagingResult(MessagingSpec? Spec, string? Error);
