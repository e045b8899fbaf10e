using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Save hooks, where audit fields and soft deletes usually live: overrides of <c>SaveChanges[Async]</c> in a DbContext
/// and <c>SavingChanges[Async]</c> in an EF Core <c>SaveChangesInterceptor</c>. The predicate is syntactic (a class
/// declaring such an override); the base type is then confirmed by symbol. What the hook does is read from its body:
/// the entry types it asks the change tracker for, the properties it assigns, and the entry states it sets.
/// </summary>
internal static class SaveHookParser
{
    private static readonly HashSet<string> HookNames = new(System.StringComparer.Ordinal)
    {
        "SaveChanges", "SaveChangesAsync", "SavingChanges", "SavingChangesAsync", "SavedChanges", "SavedChangesAsync",
    };

    /// <summary>MassTransit's send methods: a call to one in a hook publishes changes. The brokers' own clients (Kafka,
    /// RabbitMQ, Azure Service Bus) are read by <see cref="BrokerClientParser"/>, as everywhere else.</summary>
    private static readonly string[] MassTransitMethods = { "Publish", "Send" };

    public static bool IsHookName(string name) => HookNames.Contains(name);

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is ClassDeclarationSyntax { BaseList: not null } type
        && type.Members.Any(m => m is MethodDeclarationSyntax method && HookNames.Contains(method.Identifier.ValueText) && method.Modifiers.Any(SyntaxKind.OverrideKeyword));

    public static SaveHookResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            if (model.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol type) return null;
            string? kind = null;
            for (var current = type.BaseType; current is not null && kind is null; current = current.BaseType)
            {
                if (current.Is("Microsoft.EntityFrameworkCore", "DbContext")) kind = "SaveChanges override";
                else if (current.Is("Microsoft.EntityFrameworkCore.Diagnostics", "SaveChangesInterceptor")) kind = "SaveChanges interceptor";
            }
            if (kind is null) return null;
            var hookNames = kind == "SaveChanges override" ? new[] { "SaveChanges", "SaveChangesAsync" } : new[] { "SavingChanges", "SavingChangesAsync", "SavedChanges", "SavedChangesAsync" };
            var hooks = ((ClassDeclarationSyntax)context.Node).Members.OfType<MethodDeclarationSyntax>()
                .Where(m => hookNames.Contains(m.Identifier.ValueText) && m.Modifiers.Any(SyntaxKind.OverrideKeyword)).ToList();
            if (hooks.Count == 0) return null;

            var entries = new SortedSet<string>(System.StringComparer.Ordinal);
            var assigned = new SortedSet<string>(System.StringComparer.Ordinal);
            var states = new SortedSet<string>(System.StringComparer.Ordinal);
            var publishes = new SortedSet<string>(System.StringComparer.Ordinal);
            var adds = new SortedSet<string>(System.StringComparer.Ordinal);
            var softDeleted = new SortedSet<string>(System.StringComparer.Ordinal);
            var addsHow = new SortedSet<string>(System.StringComparer.Ordinal);
            var softDeleteOn = new SortedSet<string>(System.StringComparer.Ordinal);
            var classSyntax = (ClassDeclarationSyntax)context.Node;
            // The hook's own body and the private helpers it calls in the same class (ApplyAuditRules() and the like).
            var bodies = hooks.Cast<SyntaxNode>().Concat(CalledHelpers(hooks, (ClassDeclarationSyntax)context.Node)).ToList();
            foreach (var node in bodies.SelectMany(b => b.DescendantNodes()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                        when (MassTransitMethods.Contains(access.Name.Identifier.ValueText) || BrokerClientParser.IsPublishName(access.Name.Identifier.ValueText))
                             && Published(call, model, cancellationToken) is { } message:
                        publishes.Add(message);
                        break;
                    // Rows the hook adds (an audit table): Add/AddRange confirmed as EF Core's by the CRUD reader.
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddAsync" or "AddRange" or "AddRangeAsync" } } added
                        when CrudParser.IsCandidate(added, cancellationToken)
                             && CrudParser.Parse(added, model, cancellationToken)?.Spec is { Operation: CrudOperation.Create, Target: CrudTarget.Entity, Store: null } crud:
                        adds.Add(crud.Entity);
                        if (HowAdded(added, model, cancellationToken) is { } how) addsHow.Add(crud.Entity + ": " + how);
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entries", TypeArgumentList.Arguments.Count: 1 } generic } }
                        when Semantics.TypeOf(generic.TypeArgumentList.Arguments[0], model, cancellationToken) is { } entryType:
                        entries.Add(entryType.ClrFullName());
                        break;
                    case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target } assignment:
                        var symbol = Semantics.SymbolOrMethod(target, model, cancellationToken) as IPropertySymbol;
                        if (symbol is null) break;
                        if (symbol.Name == "State" && symbol.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
                        {
                            // The entry's own condition: inside the loop over the entries (an early exit about the context
                            // before the loop is none of the entry's), a switch on its state, or the loop's Where.
                            var entriesLoop = assignment.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).OfType<ForEachStatementSyntax>().FirstOrDefault();
                            var condition = CodeText.EnclosingCondition(assignment, entriesLoop) ?? LoopWhere(entriesLoop, model, cancellationToken);
                            var change = "State = " + (CodeText.Collapse(assignment.Right) ?? "?") + (condition is null ? "" : " when " + condition);
                            states.Add(change);
                            if (Report.SoftDeletes.TurnsDeletedIntoUpdated(change))
                            {
                                if (LoopEntryType(assignment, model, cancellationToken) is { } loopType) softDeleted.Add(loopType);
                                foreach (var hook in hooks.Where(h => !h.Identifier.ValueText.StartsWith("Saved", System.StringComparison.Ordinal) && Reaches(h, classSyntax, assignment)))
                                {
                                    softDeleteOn.Add(SaveCall(hook));
                                }
                            }
                        }
                        else if (symbol.Name == "CurrentValue" && target.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property" } } property
                                 && PropertyName(property, model, cancellationToken) is { } name)
                        {
                            assigned.Add(name);
                        }
                        else if (IsTrackedEntity(target.Expression, model, cancellationToken))
                        {
                            assigned.Add(symbol.Name); // entry.Entity.UpdatedAt = ..., or through `entry.Entity is IAuditable a`
                        }
                        break;
                }
            }
            var spec = new SaveHookSpec(kind, type.ClrFullName(), entries.ToEquatableArray(), assigned.ToEquatableArray(), states.ToEquatableArray(),
                SourceLocation.From(hooks[0].Identifier.Parent!), publishes.ToEquatableArray(), adds.ToEquatableArray(), softDeleted.ToEquatableArray(), addsHow.ToEquatableArray(),
                hooks.Select(SaveCall).Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToEquatableArray(), softDeleteOn.ToEquatableArray());
            return new SaveHookResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SaveHookResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary><c>MassTransit Publish Shop.OrderChanged</c> for a MassTransit send confirmed by the method's namespace (the
    /// message type is the type argument or the first argument's type, when known); <c>Kafka ProduceAsync
    /// Shop.OrderChanged to topic orders</c> for a broker client's publish, as <see cref="BrokerClientParser"/> reads it.</summary>
    private static string? Published(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && BrokerClientParser.IsPublishName(name))
        {
            return BrokerClientParser.Read(call, model, cancellationToken) is { } broker ? BrokerClientParser.Describe(broker) : null;
        }
        if (OptionsBuilderParser.ResolveMethod(call, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (!MassTransitMethods.Contains(method.Name) || !owner.IsInNamespaceOrBelow("MassTransit")) return null;
        var message = method.TypeArguments.FirstOrDefault(t => t is not ITypeParameterSymbol)
                      ?? (call.ArgumentList.Arguments.Count > 0 ? Semantics.TypeOf(call.ArgumentList.Arguments[0].Expression, model, cancellationToken) : null);
        return "MassTransit " + method.Name + (message is null || message.SpecialType == SpecialType.System_Object ? "" : " " + message.ClrFullName());
    }

    /// <summary>
    /// True when <paramref name="receiver"/> is a tracked entity: <c>entry.Entity</c> of an EF Core entry, or a local
    /// bound from it (<c>entry.Entity is IAuditable a</c>, <c>var a = entry.Entity as IAuditable</c>,
    /// <c>var e = entry.Entity</c>). Assignments to anything else (a DTO, an options object) are not audit fields.
    /// </summary>
    private static bool IsTrackedEntity(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        if (IsEntryEntity(receiver, model, cancellationToken)) return true;
        if (receiver is not IdentifierNameSyntax identifier || Semantics.SymbolOrMethod(identifier, model, cancellationToken) is not ILocalSymbol local) return false;
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken);
        return declaration switch
        {
            SingleVariableDesignationSyntax { Parent: DeclarationPatternSyntax { Parent: IsPatternExpressionSyntax pattern } } => IsEntryEntity(pattern.Expression, model, cancellationToken),
            VariableDeclaratorSyntax { Initializer.Value: var value } =>
                IsEntryEntity(value is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } cast ? cast.Left : value is CastExpressionSyntax c ? c.Expression : value, model, cancellationToken),
            _ => false,
        };
    }

    private static bool IsEntryEntity(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity" } access
        && Semantics.SymbolOrMethod(access, model, cancellationToken) is IPropertySymbol { ContainingType: { } entry }
        && entry.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore.ChangeTracking");

    /// <summary>The context's save call a hook method runs on: the <c>*Async</c> hooks on <c>SaveChangesAsync</c>, the others on
    /// <c>SaveChanges</c> (EF Core's interceptors and <c>SaveChanges</c> overloads call one flavour each).</summary>
    private static string SaveCall(MethodDeclarationSyntax hook) =>
        hook.Identifier.ValueText.EndsWith("Async", System.StringComparison.Ordinal) ? "SaveChangesAsync" : "SaveChanges";

    /// <summary>The node is in the hook's body or in a helper of the same class the hook calls.</summary>
    private static bool Reaches(MethodDeclarationSyntax hook, ClassDeclarationSyntax type, SyntaxNode node) =>
        hook.Span.Contains(node.Span) || CalledHelpers(new List<MethodDeclarationSyntax> { hook }, type).Any(h => h.Span.Contains(node.Span));

    /// <summary>Methods of the same class called by name from the hooks (one level).</summary>
    private static IEnumerable<SyntaxNode> CalledHelpers(List<MethodDeclarationSyntax> hooks, ClassDeclarationSyntax type)
    {
        var called = new HashSet<string>(hooks.SelectMany(h => h.DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Select(i => i.Expression is IdentifierNameSyntax id ? id.Identifier.ValueText : i.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self ? self.Name.Identifier.ValueText : null)
            .Where(n => n is not null)!, System.StringComparer.Ordinal);
        return type.Members.OfType<MethodDeclarationSyntax>().Where(m => called.Contains(m.Identifier.ValueText) && !hooks.Contains(m));
    }

    /// <summary>How an audit row is added when it is not simply with the saved changes: in <c>SavedChanges[Async]</c>
    /// ("after the save"), and through a context the hook creates itself (a local from <c>CreateDbContext[Async]</c> or
    /// <c>new T(...)</c>: "through a new `AuditContext` saved on its own"); null when neither.</summary>
    private static string? HowAdded(InvocationExpressionSyntax added, SemanticModel model, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (added.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText is "SavedChanges" or "SavedChangesAsync") parts.Add("after the save");
        var receiver = ((MemberAccessExpressionSyntax)added.Expression).Expression;
        while (receiver is MemberAccessExpressionSyntax member) receiver = member.Expression;
        if (receiver is IdentifierNameSyntax identifier
            && Semantics.SymbolOf(identifier, model, cancellationToken) is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initial }
            && local.Type.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext"))
        {
            var created = initial is AwaitExpressionSyntax awaited ? awaited.Expression : initial;
            if (created is ObjectCreationExpressionSyntax || created is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateDbContext" or "CreateDbContextAsync" } })
            {
                parts.Add("through a new " + CodeSpan.Of(local.Type.Name) + " saved on its own");
            }
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>T of the nearest enclosing <c>foreach (var entry in ....Entries&lt;T&gt;())</c>: the entries a state change applies to.</summary>
    private static string? LoopEntryType(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var loop = node.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).OfType<ForEachStatementSyntax>().FirstOrDefault();
        return Entries(loop, model, cancellationToken, out _) is { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entries", TypeArgumentList.Arguments.Count: 1 } generic } }
               && Semantics.TypeOf(generic.TypeArgumentList.Arguments[0], model, cancellationToken) is { } type
            ? type.ClrFullName() : null;
    }

    /// <summary>The <c>Entries()</c>/<c>Entries&lt;T&gt;()</c> call a loop runs over: its collection, or the local it names
    /// (<c>var deleted = ChangeTracker.Entries&lt;T&gt;().Where(...).ToList(); foreach (var e in deleted)</c>), through
    /// <c>Where</c>, <c>ToList</c>, <c>ToArray</c> and <c>AsEnumerable</c>; with the <c>Where</c> lambdas.</summary>
    private static InvocationExpressionSyntax? Entries(ForEachStatementSyntax? loop, SemanticModel model, CancellationToken cancellationToken, out List<LambdaExpressionSyntax> wheres)
    {
        wheres = new List<LambdaExpressionSyntax>();
        var expression = loop?.Expression;
        if (expression is IdentifierNameSyntax name && Semantics.SymbolOrMethod(name, model, cancellationToken) is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var initial })
        {
            expression = initial;
        }
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" or "ToList" or "ToArray" or "AsEnumerable" } access } call)
        {
            if (access.Name.Identifier.ValueText == "Where")
            {
                if (call.ArgumentList.Arguments.Count != 1 || call.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax lambda) return null;
                wheres.Insert(0, lambda);
            }
            expression = access.Expression;
        }
        return expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entries" } } entries ? entries : null;
    }

    /// <summary>The <c>Where</c> conditions of the entries a loop runs over (<c>e.State == EntityState.Deleted</c>), as code.</summary>
    private static string? LoopWhere(ForEachStatementSyntax? loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Entries(loop, model, cancellationToken, out var wheres) is null || wheres.Count == 0) return null;
        var conditions = wheres.Select(w => w.ExpressionBody is { } body ? CodeText.Condition(body) : null).ToList();
        return conditions.Any(c => c is null) ? "(a condition)" : string.Join(" && ", conditions);
    }

    private static string? PropertyName(InvocationExpressionSyntax property, SemanticModel model, CancellationToken cancellationToken)
    {
        var argument = property.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        if (argument is null) return null;
        if (model.ConstantString(argument, cancellationToken) is { } text) return text;
        return argument is SimpleLambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax member } ? member.Name.Identifier.ValueText : null;
    }
}

internal sealed record SaveHookResult(SaveHookSpec? Hook, string? Error);
