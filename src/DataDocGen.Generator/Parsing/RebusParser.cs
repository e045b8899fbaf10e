using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Rebus sagas: a class deriving from <c>Rebus.Sagas.Saga&lt;TData&gt;</c> (or <c>IdempotentSaga&lt;TData&gt;</c>) with its
/// data type, the messages that start it (<c>IAmInitiatedBy&lt;T&gt;</c>) and those it handles, the correlations its
/// <c>CorrelateMessages</c> declares, and per handler what it sends, publishes or replies and whether it completes the
/// saga (<c>MarkAsComplete()</c>); and the saga storage configured with <c>RebusConfigurer.Sagas(...)</c>. Every
/// type and call is confirmed by its symbol's namespace. Nothing is called compensation: the steps are listed as the
/// handlers take them.
/// </summary>
internal static class RebusParser
{
    private static readonly HashSet<string> BusCalls = new(System.StringComparer.Ordinal) { "Send", "Publish", "Reply", "Defer", "SendLocal" };

    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => SyntaxFacts.RightmostName(t.Type) is "Saga" or "IdempotentSaga"),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sagas" or "UseInMemoryTransport" or "Send" or "SendLocal" or "Publish" or "Defer" or "DeferLocal" } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Map" } } } => true,
        _ => false,
    };

    public static MessagingSpec? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
    {
        ClassDeclarationSyntax type => Saga(type, model, cancellationToken),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sagas" } } invocation => Storage(invocation, model, cancellationToken),
        InvocationExpressionSyntax invocation => BusCall(invocation, model, cancellationToken),
        _ => null,
    };

    /// <summary>Outside sagas (a saga's own sends are in its row): <c>bus.Send/SendLocal/Publish/Defer(message)</c> on
    /// Rebus's <c>IBus</c>; the in-memory transport (<c>UseInMemoryTransport(network, "queue")</c>); type-based routes
    /// (<c>Map&lt;T&gt;("queue")</c>). Each confirmed by the method's namespace.</summary>
    private static MessagingSpec? BusCall(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Ancestors().OfType<ClassDeclarationSyntax>().Any(c => c.BaseList?.Types.Any(t => SyntaxFacts.RightmostName(t.Type) is "Saga" or "IdempotentSaga") == true)) return null;
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (!owner.IsInNamespaceOrBelow("Rebus")) return null;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(invocation);
        var arguments = invocation.ArgumentList.Arguments;
        switch (method.Name)
        {
            case "UseInMemoryTransport":
                var queue = arguments.Count > 1 ? model.ConstantString(arguments[1].Expression, cancellationToken) : null;
                return new MessagingSpec("transport", "in memory (Rebus)", (queue is null ? "" : "input queue " + CodeSpan.Of(queue) + ": ")
                    + "messages are kept in this process's memory: lost on restart, not shared with other processes", EquatableArray<string>.Empty, member, location, "Rebus");
            case "Map" when method.TypeArguments.Length == 1 && arguments.Count == 1 && model.ConstantString(arguments[0].Expression, cancellationToken) is { } destination:
                return new MessagingSpec("route", method.TypeArguments[0].ClrFullName(), "sent to " + CodeSpan.Of(destination), EquatableArray<string>.Empty, member, location, "Rebus");
            case "Send" or "SendLocal" or "Publish" or "Defer" or "DeferLocal" when owner.Is("Rebus.Bus", "IBus") && arguments.Count > 0:
                var message = Semantics.TypeOf(arguments[method.Name.StartsWith("Defer", System.StringComparison.Ordinal) && arguments.Count > 1 ? 1 : 0].Expression, model, cancellationToken);
                if (message is null || message.SpecialType == SpecialType.System_Object) return null;
                var kind = method.Name == "Publish" ? "published" : "sent";
                var detail = method.Name switch
                {
                    "SendLocal" => "to this endpoint's own input queue (`SendLocal`)",
                    "DeferLocal" => "to this endpoint's own input queue later (`DeferLocal`)",
                    "Defer" => "later, by its route (`Defer`)",
                    "Send" => "by its route (`Send`)",
                    _ => null,
                };
                return new MessagingSpec(kind, message.ClrFullName(), detail, EquatableArray<string>.Empty, member, location, "Rebus");
            default:
                return null;
        }
    }

    private static MessagingSpec? Saga(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        ITypeSymbol? data = null;
        for (var current = type.BaseType; current is not null && data is null; current = current.BaseType)
        {
            if (current is { MetadataName: "Saga`1", TypeArguments.Length: 1 } && current.IsInNamespace("Rebus.Sagas")) data = current.TypeArguments[0];
        }
        if (data is null) return null;

        var items = new List<string> { "data " + data.ClrFullName() };
        var initiators = type.AllInterfaces.Where(i => i.Is("Rebus.Sagas", "IAmInitiatedBy`1")).Select(i => i.TypeArguments[0]).ToList();
        var handled = type.AllInterfaces.Where(i => i.Is("Rebus.Handlers", "IHandleMessages`1")).Select(i => i.TypeArguments[0])
            .Where(m => !initiators.Contains(m, SymbolEqualityComparer.Default)).ToList();
        if (initiators.Count > 0) items.Add("started by " + string.Join(", ", initiators.Select(m => m.Name)));
        if (handled.Count > 0) items.Add("handles " + string.Join(", ", handled.Select(m => m.Name)));

        foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
            if (body is null) continue;
            if (method.Identifier.ValueText == "CorrelateMessages")
            {
                var correlations = body.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => Correlation(i, model, cancellationToken)).Where(c => c is not null).ToList();
                if (correlations.Count > 0) items.Add("correlation: " + string.Join(", ", correlations));
                continue;
            }
            if (method.Identifier.ValueText != "Handle" || method.ParameterList.Parameters.Count != 1) continue;
            var steps = new List<string>();
            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (Step(invocation, model, cancellationToken) is { } step) steps.Add(step);
            }
            if (steps.Count == 0) continue;
            var message = (model.GetDeclaredSymbol(method.ParameterList.Parameters[0], cancellationToken) as IParameterSymbol)?.Type.Name ?? "?";
            items.Add("on " + message + ": " + string.Join(", ", steps));
        }
        return new MessagingSpec("saga", type.ClrFullName(), null, items.ToEquatableArray(), type.Name, SourceLocation.From(declaration.Identifier.Parent!), "Rebus");
    }

    /// <summary><c>config.Correlate&lt;TMessage&gt;(m => m.OrderId, d => d.OrderId)</c> as <c>TMessage.OrderId = OrderId</c>.</summary>
    private static string? Correlation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol { Name: "Correlate", TypeArguments.Length: 1 } method
            || !method.ContainingType.Is("Rebus.Sagas", "ICorrelationConfig`1")) return null;
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count != 2) return null;
        var messageProperty = SyntaxFacts.SelectedMember(arguments[0].Expression);
        var dataProperty = SyntaxFacts.SelectedMember(arguments[1].Expression) ?? model.ConstantString(arguments[1].Expression, cancellationToken);
        return messageProperty is null || dataProperty is null ? null : method.TypeArguments[0].Name + "." + messageProperty + " = " + dataProperty;
    }

    /// <summary>A handler step: a message sent, published, replied or deferred through Rebus' <c>IBus</c>, or <c>MarkAsComplete()</c>.</summary>
    private static string? Step(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != "MarkAsComplete" && (name is null || !BusCalls.Contains(name))) return null;
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method) return null;
        if (name == "MarkAsComplete") return method.ContainingType.Is("Rebus.Sagas", "Saga") ? "MarkAsComplete" : null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespaceOrBelow("Rebus")) return null;
        var message = invocation.ArgumentList.Arguments.Skip(name == "Defer" ? 1 : 0).FirstOrDefault();
        var messageType = message is null ? null : Semantics.TypeOf(message.Expression, model, cancellationToken);
        return name + (messageType is null or { SpecialType: SpecialType.System_Object } ? "" : " " + messageType.Name);
    }

    /// <summary><c>.Sagas(s => s.StoreInPostgres(connection, "sagas", "saga_index"))</c>: where Rebus keeps saga data.</summary>
    private static MessagingSpec? Storage(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol { Name: "Sagas" } method
            || !method.ContainingType.Is("Rebus.Config", "RebusConfigurer")) return null;
        var lambda = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression as LambdaExpressionSyntax;
        var store = lambda?.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => (Call: i, Symbol: Semantics.SymbolOrMethod(i, model, cancellationToken) as IMethodSymbol))
            .FirstOrDefault(c => c.Symbol is { Name: var n } && n.StartsWith("StoreIn", System.StringComparison.Ordinal) && (c.Symbol.ReducedFrom ?? c.Symbol).ContainingType.IsInNamespaceOrBelow("Rebus"));
        if (store?.Symbol is not { } storeMethod) return null;
        var detail = storeMethod.Name switch
        {
            "StoreInMemory" => "in memory (lost on restart)",
            "StoreInPostgres" or "StoreInSqlServer" or "StoreInMySql" => Tables(storeMethod.Name.Substring("StoreIn".Length), store.Value.Call, model, cancellationToken),
            _ => storeMethod.Name,
        };
        return new MessagingSpec("saga storage", "Rebus sagas", detail, EquatableArray<string>.Empty,
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(store.Value.Call), "Rebus"); // the StoreIn* call: a chain's Sagas(...) node starts where the chain does
    }

    private static string Tables(string database, InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        // (connection, dataTableName, indexTableName, ...): the connection is never read.
        var tables = call.ArgumentList.Arguments.Skip(1).Take(2).Select(a => model.ConstantString(a.Expression, cancellationToken)).ToList();
        return database + (tables.Count == 2 && tables.All(t => t is not null) ? ": data table " + CodeSpan.Of(tables[0]!) + ", index table " + CodeSpan.Of(tables[1]!) : "");
    }
}
