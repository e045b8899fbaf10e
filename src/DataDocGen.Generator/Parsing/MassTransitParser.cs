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
        "Publish", "Send",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => t.Type is GenericNameSyntax { Identifier.ValueText: "MassTransitStateMachine" }
                                                                             or QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "MassTransitStateMachine" } }),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => Calls.Contains(access.Name.Identifier.ValueText),
        _ => false,
    };

    public static MessagingResult? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            var spec = context.Node switch
            {
                ClassDeclarationSyntax type => StateMachine(type, model, cancellationToken),
                InvocationExpressionSyntax invocation => Call(invocation, model, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new MessagingResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MessagingResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static MessagingSpec? StateMachine(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
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
            .Select(p => p.Name + " (" + ((INamedTypeSymbol)p.Type).TypeArguments[0].Name + ")").ToList();
        if (events.Count > 0) items.Add("events: " + string.Join(", ", events));
        // Compensation: what the Catch<TException> handlers publish or send.
        foreach (var handler in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .Where(i => i.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Catch" } } or GenericNameSyntax { Identifier.ValueText: "Catch" }))
        {
            var exception = handler.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } ? generic.TypeArgumentList.Arguments.FirstOrDefault()?.ToString() : null;
            var actions = handler.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Select(i => i.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null)
                .Where(n => n is "Publish" or "PublishAsync" or "Send" or "SendAsync" or "TransitionTo" or "Finalize" or "Then" or "ThenAsync")
                .Select(n => n!).ToList();
            var published = handler.ArgumentList.DescendantNodes().OfType<ObjectCreationExpressionSyntax>()
                .Select(c => model.GetTypeInfo(c, cancellationToken).Type?.Name).Where(n => n is not null).Distinct().ToList();
            items.Add("compensation on " + (exception ?? "exception") + ": " + (actions.Count == 0 ? "handled" : string.Join(", ", actions.Distinct()))
                      + (published.Count == 0 ? "" : " " + string.Join(", ", published)));
        }
        if (declaration.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "SetCompletedWhenFinalized" }))
        {
            items.Add("removed when finalized");
        }
        return new MessagingSpec("saga", type.ClrFullName(), "state " + machine.TypeArguments[0].ClrFullName(), items.ToEquatableArray(), type.Name,
            SourceLocation.From(declaration.Identifier.Parent!));
    }

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
                var repository = SyntaxFacts.CallsChainedAfter(invocation).Select(SyntaxFacts.CalledName).FirstOrDefault(n => n is not null && n.EndsWith("Repository", System.StringComparison.Ordinal));
                return new MessagingSpec("saga registration", method.TypeArguments[0].ClrFullName(), repository is null ? "repository not configured here" : "repository: " + repository,
                    EquatableArray<string>.Empty, member, location);
            case "AddEntityFrameworkOutbox":
                var settings = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>()
                    .SelectMany(l => l.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                    .Select(i => i.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null)
                    .Where(n => n is not null && n.StartsWith("Use", System.StringComparison.Ordinal)).Select(n => n! + "()").Distinct().ToEquatableArray();
                return new MessagingSpec("outbox", method.TypeArguments.FirstOrDefault()?.ClrFullName() ?? "DbContext", "Entity Framework outbox", settings, member, location);
            case "AddInMemoryInboxOutbox" or "UseInMemoryOutbox":
                return new MessagingSpec("outbox", "in memory", name + "()", EquatableArray<string>.Empty, member, location);
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
                return new MessagingSpec("transport", transport.Substring(5), hostText is null ? null : "host " + hostText, EquatableArray<string>.Empty, member, location);
            case "Publish" or "Send":
                var message = method.TypeArguments.FirstOrDefault() ?? invocation.ArgumentList.Arguments.Select(a => model.GetTypeInfo(a.Expression, cancellationToken).Type).FirstOrDefault();
                if (message is null || message.SpecialType == SpecialType.System_Object || message is ITypeParameterSymbol) return null;
                return new MessagingSpec(name == "Publish" ? "published" : "sent", message.ClrFullName(), null, EquatableArray<string>.Empty, member, location);
            default:
                return null;
        }
    }
}

internal sealed record MessagingResult(MessagingSpec? Spec, string? Error);
