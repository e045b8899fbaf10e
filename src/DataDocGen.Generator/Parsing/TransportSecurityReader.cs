using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Message brokers' protection in transit (section 4.1), read in the <see cref="SecurityParser"/> detector:
/// <list type="bullet">
/// <item>MassTransit's RabbitMQ <c>Host(Uri hostAddress, ...)</c> and <c>Host(string host, configure)</c>: the address, as a
/// constant or a configuration key whose appsettings values the report step classifies. MassTransit 8.5 turns TLS on for
/// <c>amqps://</c> and for port 5671 (checked against MassTransit.RabbitMQ 8.5.12: the bus address becomes
/// <c>rabbitmqs://</c>); an <c>amqp://</c> address on another port, in a <c>Host</c> call without a configurator, is plain AMQP.</item>
/// <item>MassTransit's <c>IRabbitMqHostConfigurator.UseSsl</c>.</item>
/// <item>RabbitMQ.Client: <c>ConnectionFactory.Uri</c> (<c>amqps://</c> turns <c>Ssl.Enabled</c> on; an <c>amqp://</c> one says
/// nothing, since <c>Ssl</c> may be set apart) and <c>SslOption.Enabled = true/false</c>.</item>
/// <item>Confluent.Kafka: <c>ClientConfig.SecurityProtocol</c> (on any producer, consumer or admin config): <c>Ssl</c>,
/// <c>SaslSsl</c>, and the plaintext ones only because they are set explicitly.</item>
/// <item>Azure.Messaging.ServiceBus: <c>new ServiceBusClient(...)</c>. The service takes TLS only (AMQP over TLS, or
/// WebSockets over HTTPS); the local emulator's connection strings (<c>UseDevelopmentEmulator=true</c>) connect without it.</item>
/// </list>
/// Names are the syntactic test; each is confirmed by its symbol's declaring type. A string that merely holds
/// <c>amqps://</c> is nothing: only an argument or value of these APIs is read.
/// </summary>
internal static class TransportSecurityReader
{
    private const string Tls = "TLS: encrypted in transit";

    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Host" or "UseSsl" } } => true,
        ObjectCreationExpressionSyntax { Type: var type } => SyntaxFacts.RightmostName(type) == "ServiceBusClient",
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: var left } => AssignedName(left) is "SecurityProtocol" or "Enabled" or "Uri",
        _ => false,
    };

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax { Parent.Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax } } name => name.Identifier.ValueText,
        _ => null,
    };

    public static TransportSecuritySpec? Read(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
    {
        InvocationExpressionSyntax invocation => FromInvocation(invocation, model, cancellationToken),
        ObjectCreationExpressionSyntax creation => FromServiceBusClient(creation, model, cancellationToken),
        AssignmentExpressionSyntax assignment => FromAssignment(assignment, model, cancellationToken),
        _ => null,
    };

    private static TransportSecuritySpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(invocation);
        if (method.Name == "UseSsl")
        {
            return owner.Is("MassTransit", "IRabbitMqHostConfigurator")
                ? new TransportSecuritySpec("RabbitMQ", "MassTransit UseSsl", TransportSecuritySpec.SettingKind, "UseSsl", Tls, false, EquatableArray<ConnectionSourceSpec>.Empty, member, location)
                : null;
        }
        if (!owner.Is("MassTransit", "RabbitMqHostConfigurationExtensions")) return null;
        // Host(Uri hostAddress, ...) and Host(string host, configure); the host-name overloads (with a virtual host or port) carry no scheme.
        var parameters = method.Parameters.Select(p => p.Name).ToList();
        if (parameters.Contains("virtualHost") || parameters.Contains("port")) return null;
        ArgumentSyntax? address = null;
        var configured = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var parameter = OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method);
            if (parameter?.Name is "hostAddress" or "host") address = argument;
            else if (parameter?.Name == "configure" && !argument.Expression.IsKind(SyntaxKind.NullLiteralExpression)) configured = true;
        }
        if (address is null) return null;
        var sources = Sources(UriArgument(address.Expression, model, cancellationToken), model, cancellationToken);
        return sources.IsEmpty ? null
            : new TransportSecuritySpec("RabbitMQ", "MassTransit Host", TransportSecuritySpec.RabbitMqAddress, null, null, !configured, sources, member, location);
    }

    private static TransportSecuritySpec? FromServiceBusClient(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (creation.ArgumentList is null
            || Semantics.SymbolOf(creation, model, cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || !constructor.ContainingType.Is("Azure.Messaging.ServiceBus", "ServiceBusClient")) return null;
        var member = CodeText.MemberName(creation, model, cancellationToken);
        var location = SourceLocation.From(creation);
        foreach (var argument in creation.ArgumentList.Arguments)
        {
            switch (OptionsBuilderParser.ParameterFor(argument, creation.ArgumentList, constructor)?.Name)
            {
                case "connectionString":
                    return new TransportSecuritySpec("Azure Service Bus", "new ServiceBusClient", TransportSecuritySpec.ServiceBusConnection, null, null, false,
                        Sources(argument.Expression, model, cancellationToken), member, location);
                case "fullyQualifiedNamespace":
                    return new TransportSecuritySpec("Azure Service Bus", "new ServiceBusClient", TransportSecuritySpec.SettingKind, "namespace and credential",
                        ServiceBusTls, false, EquatableArray<ConnectionSourceSpec>.Empty, member, location);
            }
        }
        return null;
    }

    private const string ServiceBusTls = "TLS: the Service Bus service takes encrypted connections only (AMQP over TLS, or WebSockets over HTTPS)";

    private static TransportSecuritySpec? FromAssignment(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken) is not IPropertySymbol property) return null;
        var member = CodeText.MemberName(assignment, model, cancellationToken);
        var location = SourceLocation.From(assignment);
        switch (property.Name)
        {
            case "SecurityProtocol" when property.ContainingType.Is("Confluent.Kafka", "ClientConfig"):
            {
                var value = Semantics.SymbolOf(assignment.Right, model, cancellationToken) is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } type } field && type.Is("Confluent.Kafka", "SecurityProtocol")
                    ? field.Name
                    : null;
                var meaning = value switch
                {
                    "Ssl" => Tls,
                    "SaslSsl" => "TLS, with SASL authentication: encrypted in transit",
                    "Plaintext" => "not encrypted in transit (plaintext, set explicitly)",
                    "SaslPlaintext" => "not encrypted in transit: SASL authentication without TLS (set explicitly)",
                    _ => "set at run time",
                };
                return new TransportSecuritySpec("Kafka", "Confluent.Kafka SecurityProtocol", TransportSecuritySpec.SettingKind,
                    value ?? CodeText.Safe(assignment.Right) ?? "computed", meaning, false, EquatableArray<ConnectionSourceSpec>.Empty, member, location);
            }
            case "Enabled" when property.ContainingType.Is("RabbitMQ.Client", "SslOption"):
            {
                var meaning = Semantics.ConstantOf(assignment.Right, model, cancellationToken) switch
                {
                    { HasValue: true, Value: true } => Tls,
                    { HasValue: true, Value: false } => "TLS turned off: not encrypted in transit (set explicitly)",
                    _ => "set at run time",
                };
                var setting = "Enabled = " + (CodeText.Safe(assignment.Right) ?? "…");
                return new TransportSecuritySpec("RabbitMQ", "RabbitMQ.Client SslOption.Enabled", TransportSecuritySpec.SettingKind, setting, meaning, false, EquatableArray<ConnectionSourceSpec>.Empty, member, location);
            }
            case "Uri" when property.ContainingType.Is("RabbitMQ.Client", "ConnectionFactory"):
            {
                var sources = Sources(UriArgument(assignment.Right, model, cancellationToken), model, cancellationToken);
                return sources.IsEmpty ? null
                    : new TransportSecuritySpec("RabbitMQ", "RabbitMQ.Client ConnectionFactory.Uri", TransportSecuritySpec.RabbitMqAddress, null, null, false, sources, member, location);
            }
            default:
                return null;
        }
    }

    /// <summary><c>new Uri(x)</c> (a <c>System.Uri</c> created in place) is read as <c>x</c>.</summary>
    private static ExpressionSyntax UriArgument(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation && Semantics.TypeOf(creation, model, cancellationToken).Is("System", "Uri")
            ? creation.ArgumentList.Arguments[0].Expression
            : expression;

    /// <summary>Where the address or connection string comes from. Literals stay as written here, as in <see cref="Model.StoreSpec"/>:
    /// the report step classifies the value and prints only its redacted form.</summary>
    private static EquatableArray<ConnectionSourceSpec> Sources(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        ConnectionSourceParser.Parse(expression, model, cancellationToken).ToEquatableArray();

    /// <summary>A RabbitMQ address (redacted) in transit: <c>amqps://</c> is TLS; with MassTransit, port 5671 is too; a plain
    /// <c>amqp://</c> address is said to be unencrypted only where nothing else can turn TLS on (<paramref name="addressOnly"/>).
    /// Null when the value is no such address or says nothing certain.</summary>
    public static (string Setting, string Meaning)? RabbitMqAddress(string value, string client, bool addressOnly)
    {
        if (!System.Uri.TryCreate(value.Trim(), System.UriKind.Absolute, out var uri)) return null;
        var redacted = ConnectionStringRedactor.Redact(value);
        var massTransit = client.StartsWith("MassTransit", System.StringComparison.Ordinal);
        switch (uri.Scheme)
        {
            case "amqps":
                return (redacted.Trim(), "TLS (`amqps://`): encrypted in transit");
            case "amqp" when massTransit && uri.Port == 5671:
                return (redacted.Trim(), "TLS: MassTransit turns it on for port 5671");
            case "amqp" when massTransit && addressOnly:
                return (redacted.Trim(), "not encrypted in transit: plain AMQP (`amqp://`, and no host configuration that could turn TLS on)");
            default:
                return null;
        }
    }

    private static readonly Regex Emulator = new(@"(?:^|;)\s*UseDevelopmentEmulator\s*=\s*true\s*(?:;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Endpoint = new(@"(?:^|;)\s*Endpoint\s*=\s*(?<endpoint>[^;]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A Service Bus connection string in transit (the emulator setting read from the value as written, the endpoint
    /// shown from its redacted form); null when unknown (the code then says both cases).</summary>
    public static (string Setting, string Meaning) ServiceBusConnection(string? value)
    {
        var redacted = value is null ? null : ConnectionStringRedactor.Redact(value);
        if (value is null || redacted is null) return ("new ServiceBusClient", "TLS, unless the connection string sets `UseDevelopmentEmulator=true` (the local emulator, without TLS)");
        if (Emulator.IsMatch(value)) return ("UseDevelopmentEmulator=true", "the local Service Bus emulator, without TLS: not encrypted in transit");
        var endpoint = Endpoint.Match(redacted);
        return (endpoint.Success ? "Endpoint=" + endpoint.Groups["endpoint"].Value.Trim() : "connection string without UseDevelopmentEmulator", ServiceBusTls);
    }
}
