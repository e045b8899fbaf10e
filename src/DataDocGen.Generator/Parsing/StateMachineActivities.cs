using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A MassTransit state machine's activities besides <c>Publish</c> and <c>Send</c> (issue 5, audits of MassTransit's
/// Library and Twitch samples): the 5.2 rows of <c>Schedule</c>, <c>Unschedule</c>, <c>Request</c> (the state machine's
/// activity binders' extension methods, so a <c>Schedule</c> or <c>Request</c> on another type is nothing) and of
/// <c>Respond</c>/<c>RespondAsync</c> (a binder's, or a consume context's in a consumer), each with its message as C#
/// writes it; and the saga row's declared schedules and requests, custom activities
/// (<c>.Activity(x => x.OfType&lt;T&gt;())</c>) and the events on which instances are finalized.
/// </summary>
internal static class StateMachineActivities
{
    /// <summary>The names <see cref="MassTransitParser.IsCandidate"/> takes for these rows.</summary>
    public static readonly string[] CallNames = { "Schedule", "Unschedule", "Request", "Respond", "RespondAsync" };

    public static MessagingSpec? Row(InvocationExpressionSyntax invocation, IMethodSymbol method, string member, SourceLocation? location,
        SemanticModel model, CancellationToken cancellationToken)
    {
        switch (method.Name)
        {
            case "Respond" or "RespondAsync":
                var response = MassTransitParser.MessageType(method, invocation, model, cancellationToken);
                if (response is null || response.SpecialType == SpecialType.System_Object || response is ITypeParameterSymbol) return null;
                return Spec("response sent", response, "the response to the request being handled", invocation, member, location, model, cancellationToken);
            case "Schedule" when IsBinder(method):
                var scheduled = TypeArgument(method, "TMessage");
                var schedule = ScheduleOrRequestName(invocation);
                if (scheduled is null || schedule is null) return null;
                return Spec("scheduled", scheduled, "by schedule " + CodeSpan.Of(schedule) + When(invocation, method, schedule, model, cancellationToken)
                    + ": sent to the endpoint this state machine receives on, to arrive later", invocation, member, location, model, cancellationToken);
            case "Unschedule" when IsBinder(method):
                var cancelled = ScheduleOrRequestName(invocation);
                if (cancelled is null || ArgumentType(invocation, model, cancellationToken) is not INamedTypeSymbol { Name: "Schedule", TypeArguments.Length: 2 } scheduleType
                    || !scheduleType.IsInNamespace("MassTransit")) return null;
                return Spec("schedule cancelled", scheduleType.TypeArguments[1], "cancels what schedule " + CodeSpan.Of(cancelled) + " scheduled, if it has not arrived yet",
                    invocation, member, location, model, cancellationToken);
            case "Request" when IsBinder(method):
                var request = TypeArgument(method, "TRequest");
                var name = ScheduleOrRequestName(invocation);
                if (request is null || name is null || ArgumentType(invocation, model, cancellationToken) is not INamedTypeSymbol { Name: "Request", TypeArguments.Length: >= 3 } requestType
                    || !requestType.IsInNamespace("MassTransit")) return null;
                var responses = string.Join(" or ", requestType.TypeArguments.Skip(2).Select(t => CodeSpan.Of(t.CSharpName(qualified: true))));
                var address = ServiceAddress(invocation, method, name, model, cancellationToken);
                return Spec("request sent", request, "request " + CodeSpan.Of(name) + (address is null ? "" : ", to " + address) + "; its response " + responses
                    + " (or a fault, or the request's timeout) comes back as the request's events", invocation, member, location, model, cancellationToken);
            default:
                return null;
        }
    }

    private static MessagingSpec Spec(string kind, ITypeSymbol message, string detail, InvocationExpressionSyntax invocation, string member, SourceLocation? location,
        SemanticModel model, CancellationToken cancellationToken)
    {
        if (MassTransitParser.DeferredNote(invocation, model, cancellationToken) is { } note) detail += "; " + note;
        return new MessagingSpec(kind, message.CSharpName(qualified: true), detail, EquatableArray<string>.Empty, member, location);
    }

    /// <summary>A state machine's activity binder method (<c>EventActivityBinder</c>, <c>ExceptionActivityBinder</c>).</summary>
    private static bool IsBinder(IMethodSymbol method) =>
        OptionsBuilderParser.ReceiverType(method)?.Name.EndsWith("ActivityBinder", System.StringComparison.Ordinal) == true;

    private static ITypeSymbol? TypeArgument(IMethodSymbol method, string name)
    {
        var type = MassTransitParser.TypeArguments(method).FirstOrDefault(a => a.Name == name).Type;
        return type is null or ITypeParameterSymbol ? null : type;
    }

    /// <summary>The schedule or request an activity names: <c>HoldExpiration</c> for <c>.Schedule(HoldExpiration, ...)</c>.</summary>
    private static string? ScheduleOrRequestName(InvocationExpressionSyntax invocation) =>
        invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
            _ => null,
        };

    private static ITypeSymbol? ArgumentType(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.ArgumentList.Arguments.FirstOrDefault() is { } first ? Semantics.TypeOf(first.Expression, model, cancellationToken) : null;

    /// <summary>When a scheduled message is due: the activity's delay or time argument (<c>, delay `context.Data.HoldDuration`</c>),
    /// else the <c>Delay</c> its declaration sets (<c>Schedule(() => HoldExpiration, ..., s => s.Delay = ...)</c> in the
    /// same class declaration); the code is quoted, not evaluated. Empty when neither is read.</summary>
    private static string When(InvocationExpressionSyntax invocation, IMethodSymbol method, string schedule, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var parameter = OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name;
            if (parameter is not ("delayProvider" or "timeProvider")) continue;
            var code = argument.Expression is LambdaExpressionSyntax { Body: ExpressionSyntax body } ? CodeText.Safe(body) : CodeText.Safe(argument.Expression);
            return code is null ? "" : (parameter == "delayProvider" ? ", delay " : ", at ") + CodeSpan.Of(code);
        }
        var delay = DeclarationSetting(invocation, "Schedule", schedule, "Delay");
        return delay is null || CodeText.Safe(delay) is not { } declared ? "" : ", delay " + CodeSpan.Of(declared) + " (its declaration)";
    }

    /// <summary>Where a request goes: a constant address the activity passes (<c>serviceAddressProvider</c> returning
    /// <c>new Uri("queue:...")</c>), else the <c>ServiceAddress</c> its declaration sets, when constant.</summary>
    private static string? ServiceAddress(InvocationExpressionSyntax invocation, IMethodSymbol method, string request, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name != "serviceAddressProvider") continue;
            return argument.Expression is LambdaExpressionSyntax { Body: ExpressionSyntax body } ? MassTransitParser.ConstantUri(body, model, cancellationToken) : null;
        }
        var declared = DeclarationSetting(invocation, "Request", request, "ServiceAddress");
        return declared is null ? null : MassTransitParser.ConstantUri(declared, model, cancellationToken);
    }

    /// <summary>The value a schedule's or request's declaration assigns to a setting: in the class declaration holding the
    /// activity, the call <c>Schedule(() => Name, ...)</c> (or <c>Request</c>) and, in its lambdas, <c>s.Setting = value</c>.</summary>
    private static ExpressionSyntax? DeclarationSetting(SyntaxNode activity, string declaration, string name, string setting)
    {
        if (activity.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type) return null;
        var declarations = type.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: var called } && called == declaration
                        && i.ArgumentList.Arguments.FirstOrDefault()?.Expression is ParenthesizedLambdaExpressionSyntax { Body: IdentifierNameSyntax property }
                        && property.Identifier.ValueText == name)
            .ToList();
        if (declarations.Count != 1) return null;
        var values = declarations[0].ArgumentList.Arguments.Skip(1).Select(a => a.Expression).OfType<LambdaExpressionSyntax>()
            .SelectMany(l => l.Body.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var assigned } && assigned == setting)
            .Select(a => a.Right).ToList();
        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>
    /// The saga row's items beyond states and events: the schedules and requests the state machine declares (its
    /// <c>Schedule&lt;TInstance, TMessage&gt;</c> and <c>Request&lt;TInstance, TRequest, TResponse...&gt;</c> properties); after
    /// the compensation, <see cref="Behaviour"/>: the custom activities its behaviour runs (<c>OfType&lt;T&gt;()</c> or
    /// <c>OfInstanceType&lt;T&gt;()</c> in a MassTransit <c>Activity</c> call), and the events on which it calls
    /// <c>Finalize()</c>, with the states they are handled in.
    /// </summary>
    public static IEnumerable<string> Declared(INamedTypeSymbol type)
    {
        var properties = type.GetMembers().OfType<IPropertySymbol>().ToList();
        var schedules = properties.Where(p => p.Type is INamedTypeSymbol { Name: "Schedule", TypeArguments.Length: 2 } s && s.IsInNamespace("MassTransit"))
            .Select(p => p.Name + " (" + ((INamedTypeSymbol)p.Type).TypeArguments[1].CSharpName(qualified: false) + ")").ToList();
        if (schedules.Count > 0) yield return "schedules: " + string.Join(", ", schedules);
        var requests = properties.Where(p => p.Type is INamedTypeSymbol { Name: "Request", TypeArguments.Length: >= 3 } r && r.IsInNamespace("MassTransit"))
            .Select(p => (p.Name, Arguments: ((INamedTypeSymbol)p.Type).TypeArguments))
            .Select(p => p.Name + " (" + p.Arguments[1].CSharpName(qualified: false) + ", answered by " + string.Join(" or ", p.Arguments.Skip(2).Select(t => t.CSharpName(qualified: false))) + ")")
            .ToList();
        if (requests.Count > 0) yield return "requests: " + string.Join(", ", requests);
    }

    /// <summary>The custom activities the behaviour runs and the events on which it finalizes (see <see cref="Declared"/>).</summary>
    public static IEnumerable<string> Behaviour(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
        var activities = calls.Where(c => c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Activity" })
            .Where(c => Semantics.Method(c, model, cancellationToken) is { } method && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit"))
            .SelectMany(c => c.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(s => s.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "OfType" or "OfInstanceType", TypeArgumentList.Arguments.Count: 1 } })
            .Select(s => Semantics.Method(s, model, cancellationToken)?.TypeArguments.FirstOrDefault())
            .Where(t => t is INamedTypeSymbol).Select(t => t!.CSharpName(qualified: true)).Distinct().ToList();
        if (activities.Count > 0) yield return "custom activities: " + string.Join(", ", activities);
        var finalized = calls.Where(c => c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Finalize" } && c.ArgumentList.Arguments.Count == 0)
            .Where(c => Semantics.Method(c, model, cancellationToken) is { } method && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit"))
            .Select(c => Trigger(c, model, cancellationToken) ?? "an event the code does not name here").Distinct().ToList();
        if (finalized.Count > 0) yield return "finalized on: " + string.Join(", ", finalized);
        var completes = calls.Any(c => c.Expression is IdentifierNameSyntax { Identifier.ValueText: "SetCompletedWhenFinalized" or "SetCompleted" });
        if (finalized.Count > 0 && !completes) yield return "finalized instances stay in the saga repository (no SetCompletedWhenFinalized)";
    }

    /// <summary>
    /// The event and states an activity runs on: <c>Dispatched during AwaitingShipment</c>, <c>Submitted initially</c>,
    /// <c>OrderStatusRequested in any state</c>. Read from the chain the call is on down to its <c>When(Event)</c>, through
    /// the lambdas of <c>Catch</c>, <c>If</c> or <c>IfElse</c> that hold it, and the <c>During</c>, <c>Initially</c> or
    /// <c>DuringAny</c> call that holds the <c>When</c>. Null when the chain does not start at a <c>When</c> here.
    /// </summary>
    private static string? Trigger(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = call;
        for (var depth = 0; depth < 16; depth++)
        {
            while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) current = access.Expression;
            if (current is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "When" } } when
                && when.ArgumentList.Arguments.FirstOrDefault()?.Expression is { } trigger && CodeText.Safe(trigger) is { } eventName)
            {
                return eventName + States(when, model, cancellationToken);
            }
            // A lambda parameter (ex => ex.Publish(...)): the binder is the one the lambda's holder call is made on.
            if (current is not IdentifierNameSyntax parameter
                || parameter.Ancestors().OfType<LambdaExpressionSyntax>().FirstOrDefault(l => LambdaDeclares(l, parameter.Identifier.ValueText)) is not { } lambda
                || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax holder } }) return null;
            current = holder;
        }
        return null;
    }

    private static bool LambdaDeclares(LambdaExpressionSyntax lambda, string name) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText == name,
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Any(p => p.Identifier.ValueText == name),
        _ => false,
    };

    /// <summary><c> during AwaitingPayment</c> (the State arguments of the <c>During</c> holding the <c>When</c>),
    /// <c> initially</c>, <c> in any state</c>; empty when the <c>When</c> is not an argument of one of them.</summary>
    private static string States(InvocationExpressionSyntax when, SemanticModel model, CancellationToken cancellationToken)
    {
        // The row is the whole chain When(Event).Then(...)...: its outermost call is the argument.
        var row = SyntaxFacts.CallsChainedAfter(when).LastOrDefault() ?? when;
        if (row.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax holder } rows } }) return "";
        switch (holder.Identifier.ValueText)
        {
            case "Initially": return " initially";
            case "DuringAny": return " in any state";
            case "During":
                var states = rows.ArgumentList.Arguments.Select(a => a.Expression)
                    .Where(e => Semantics.TypeOf(e, model, cancellationToken).Is("MassTransit", "State"))
                    .Select(e => CodeText.Safe(e)).Where(s => s is not null).ToList();
                return states.Count == 0 ? "" : " during " + string.Join(" or ", states);
            default: return "";
        }
    }
}
