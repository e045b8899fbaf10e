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
/// the entry types it asks the change tracker for, the properties it assigns, and the entry states it sets. EF Core's
/// change-tracker events (<c>ChangeTracker.Tracked</c>/<c>StateChanged</c> subscriptions) are read the same way, and a
/// call into this project's code the reader does not follow is named as not read (a blank cell reads as "does nothing").
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
        && type.Members.Any(m => m is MethodDeclarationSyntax method && HookNames.Contains(method.Identifier.ValueText) && method.Modifiers.Any(SyntaxKind.OverrideKeyword))
        || IsSubscription(node);

    /// <summary><c>x.Tracked += handler</c> or <c>x.StateChanged += handler</c> (EF Core's change-tracker events, confirmed by symbol in <see cref="ParseSubscription"/>).</summary>
    private static bool IsSubscription(SyntaxNode node) =>
        node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Tracked" or "StateChanged" } };

    public static SaveHookResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            if (context.Node is AssignmentExpressionSyntax subscription) return ParseSubscription(subscription, model, cancellationToken);
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

            var classSyntax = (ClassDeclarationSyntax)context.Node;
            // The hook's own body and the private helpers it calls in the same class (ApplyAuditRules() and the like).
            var bodies = hooks.Cast<SyntaxNode>().Concat(CalledHelpers(hooks, classSyntax)).ToList();
            var read = Read(bodies, hooks, classSyntax, model, cancellationToken);
            var spec = read.Spec(kind, type.ClrFullName(), SourceLocation.From(hooks[0].Identifier.Parent!),
                hooks.Select(SaveCall).Distinct().OrderBy(c => c, System.StringComparer.Ordinal).ToEquatableArray());
            return new SaveHookResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SaveHookResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary>
    /// <c>ChangeTracker.Tracked += OnEntityTracked;</c> or <c>context.ChangeTracker.StateChanged += (s, e) => ...</c>:
    /// EF Core raises these as entities are tracked and change state (Kavita sets its audit dates there), so the
    /// handler is a save hook of kind "ChangeTracker.Tracked handler" / "ChangeTracker.StateChanged handler", read like
    /// the others. The event is confirmed by symbol (<c>Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker</c>); the
    /// handler is the lambda, or the method a method group names (with the same-class helpers it calls); another
    /// handler (a delegate field, a method elsewhere) is reported as not read.
    /// </summary>
    private static SaveHookResult? ParseSubscription(AssignmentExpressionSyntax subscription, SemanticModel model, CancellationToken cancellationToken)
    {
        var eventAccess = (MemberAccessExpressionSyntax)subscription.Left;
        if (Semantics.SymbolOf(eventAccess, model, cancellationToken) is not IEventSymbol { ContainingType: { } tracker } changeEvent
            || !tracker.Is("Microsoft.EntityFrameworkCore.ChangeTracking", "ChangeTracker"))
        {
            return null;
        }
        // The context: `x` of `x.ChangeTracker.Tracked`, or the class whose own ChangeTracker it is (`ChangeTracker.Tracked` in its constructor).
        var enclosing = subscription.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (enclosing is null || model.GetDeclaredSymbol(enclosing, cancellationToken) is not INamedTypeSymbol enclosingType) return null;
        var contextType = eventAccess.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ChangeTracker" } owner && owner.Expression is not ThisExpressionSyntax
            ? Semantics.TypeOf(owner.Expression, model, cancellationToken) as INamedTypeSymbol
            : enclosingType;
        if (contextType is null || !contextType.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) contextType = enclosingType;

        var bodies = new List<SyntaxNode>();
        string? notRead = null;
        switch (subscription.Right)
        {
            case LambdaExpressionSyntax lambda:
                bodies.Add(lambda);
                break;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                when HandlerMethod(subscription.Right, model, cancellationToken) is { } method:
                bodies.Add(method);
                if (method.Parent is ClassDeclarationSyntax handlerClass) bodies.AddRange(CalledHelpers(new List<MethodDeclarationSyntax> { method }, handlerClass));
                break;
            default:
                notRead = CodeText.Collapse(subscription.Right) ?? "the handler";
                break;
        }
        var read = Read(bodies, new List<MethodDeclarationSyntax>(), enclosing as ClassDeclarationSyntax, model, cancellationToken);
        if (notRead is not null) read.NotRead.Add(notRead);
        var spec = read.Spec("ChangeTracker." + changeEvent.Name + " handler", contextType.ClrFullName(), SourceLocation.From(subscription), default);
        return new SaveHookResult(spec, null);
    }

    /// <summary>The declaration of the method a method group names, when it is this project's (a single declaration, in
    /// the subscription's file: the model reads that file only).</summary>
    private static MethodDeclarationSyntax? HandlerMethod(ExpressionSyntax group, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOf(group, model, cancellationToken) is IMethodSymbol { DeclaringSyntaxReferences.Length: 1 } method
        && method.DeclaringSyntaxReferences[0].SyntaxTree == group.SyntaxTree
            ? method.DeclaringSyntaxReferences[0].ReadSyntax(cancellationToken) as MethodDeclarationSyntax
            : null;

    /// <summary>What a hook's bodies (the hook methods or handler with the same-class helpers they call) do to the tracked
    /// entries; <paramref name="hooks"/> are the SaveChanges/SavingChanges methods (empty for a change-tracker handler),
    /// <paramref name="type"/> the class they are declared in.</summary>
    private static HookReading Read(List<SyntaxNode> bodies, List<MethodDeclarationSyntax> hooks, ClassDeclarationSyntax? type, SemanticModel model, CancellationToken cancellationToken)
    {
        var read = new HookReading(hooks.Count == 0);
        foreach (var node in bodies.SelectMany(b => b.DescendantNodes()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                    when (MassTransitMethods.Contains(access.Name.Identifier.ValueText) || BrokerClientParser.IsPublishName(access.Name.Identifier.ValueText))
                         && Published(call, model, cancellationToken) is { } message:
                    read.Publishes.Add(message);
                    break;
                // Rows the hook adds (an audit table): Add/AddRange confirmed as EF Core's by the CRUD reader.
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddAsync" or "AddRange" or "AddRangeAsync" } } added
                    when CrudParser.IsCandidate(added, cancellationToken)
                         && CrudParser.Parse(added, model, cancellationToken)?.Spec is { Operation: CrudOperation.Create, Target: CrudTarget.Entity, Store: null } crud:
                    read.Adds.Add(crud.Entity);
                    if (HowAdded(added, model, cancellationToken) is { } how) read.AddsHow.Add(crud.Entity + ": " + how);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entries", TypeArgumentList.Arguments.Count: 1 } generic } }
                    when Semantics.TypeOf(generic.TypeArgumentList.Arguments[0], model, cancellationToken) is { } entryType:
                    read.Entries.Add(entryType.ClrFullName());
                    break;
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target } assignment:
                    var symbol = Semantics.SymbolOrMethod(target, model, cancellationToken) as IPropertySymbol;
                    if (symbol is null) break;
                    if (symbol.Name == "State" && symbol.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
                    {
                        // The entry's own condition: inside the loop over the entries (an early exit about the context
                        // before the loop is none of the entry's), a switch on its state, or the loop's Where.
                        var entriesLoop = assignment.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).OfType<ForEachStatementSyntax>().FirstOrDefault();
                        var condition = CodeText.EnclosingCondition(assignment, entriesLoop ?? Handler(assignment, read, bodies)) ?? LoopWhere(entriesLoop, model, cancellationToken);
                        var change = "State = " + (CodeText.Collapse(assignment.Right) ?? "?") + (condition is null ? "" : " when " + condition);
                        read.States.Add(change);
                        if (Report.SoftDeletes.TurnsDeletedIntoUpdated(change))
                        {
                            if (LoopEntryType(assignment, model, cancellationToken) is { } loopType) read.SoftDeleted.Add(loopType);
                            foreach (var hook in hooks.Where(h => !h.Identifier.ValueText.StartsWith("Saved", System.StringComparison.Ordinal) && type is not null && Reaches(h, type, assignment)))
                            {
                                read.SoftDeleteOn.Add(SaveCall(hook));
                            }
                        }
                    }
                    else if (symbol.Name == "CurrentValue" && target.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property" } } property
                             && PropertyName(property, model, cancellationToken) is { } name)
                    {
                        read.Assigned.Add(name);
                        read.Filters.Add(Handler(assignment, read, bodies) is { } scope ? CodeText.EnclosingCondition(assignment, scope) ?? "" : "");
                    }
                    else
                    {
                        SetOnEntity(read, assignment, target, symbol, bodies, model, cancellationToken); // entry.Entity.UpdatedAt = ..., or through `entry.Entity is IAuditable a`
                    }
                    break;
                // saveEntity.RowVersion++ on an entity of the loop over OfType<IHasConcurrencyToken>().
                case PostfixUnaryExpressionSyntax { Operand: MemberAccessExpressionSyntax target, RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } step
                    when Semantics.SymbolOrMethod(target, model, cancellationToken) is IPropertySymbol stepped:
                    SetOnEntity(read, step, target, stepped, bodies, model, cancellationToken);
                    break;
                case PrefixUnaryExpressionSyntax { Operand: MemberAccessExpressionSyntax target, RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } step
                    when Semantics.SymbolOrMethod(target, model, cancellationToken) is IPropertySymbol stepped:
                    SetOnEntity(read, step, target, stepped, bodies, model, cancellationToken);
                    break;
                // A call whose value is not used (a statement) is made for what it does: one into this project's code
                // that is not followed (a method of the entity, a service, a helper of a helper) is named as not read.
                case ExpressionStatementSyntax { Expression: var statement } when NotFollowed(statement, bodies, model, cancellationToken) is { } call:
                    read.NotRead.Add(call);
                    // Kavita's `saveEntity.OnSavingChanges()` over OfType<IHasConcurrencyToken>(): the entries are known.
                    if (statement is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } && OfTypeLoop(receiver, model, cancellationToken) is { } loop)
                    {
                        read.Entries.Add(loop.Type);
                        read.Filters.Add(loop.Where ?? "");
                    }
                    break;
            }
        }
        return read;
    }

    /// <summary>An assignment or increment of <paramref name="member"/> on <paramref name="target"/>'s receiver: an audit
    /// field when the receiver is a tracked entity, with the entries it applies to (the entity's type where a pattern,
    /// cast or <c>OfType&lt;T&gt;</c> gives one) and, in a change-tracker handler or a loop over
    /// <c>Entries().Where(...).Select(e => e.Entity).OfType&lt;T&gt;()</c>, the condition it is made under.</summary>
    private static void SetOnEntity(HookReading read, ExpressionSyntax set, MemberAccessExpressionSyntax target, IPropertySymbol member, List<SyntaxNode> bodies, SemanticModel model, CancellationToken cancellationToken)
    {
        if (IsTrackedEntity(target.Expression, model, cancellationToken))
        {
            read.Assigned.Add(member.Name);
            // A SaveChanges hook's conditions are not read here (its Entries<T>() name the entries): "" withholds them all.
            var handler = Handler(set, read, bodies);
            if (handler is not null && BoundEntityType(target.Expression, model, cancellationToken) is { } bound) read.Entries.Add(bound);
            read.Filters.Add(handler is null ? "" : CodeText.EnclosingCondition(set, handler) ?? "");
        }
        else if (OfTypeLoop(target.Expression, model, cancellationToken) is { } loop)
        {
            read.Assigned.Add(member.Name);
            read.Entries.Add(loop.Type);
            read.Filters.Add(loop.Where ?? "");
        }
    }

    /// <summary>For a change-tracker handler's reading, the body (the lambda, the handler method or a helper it calls) that
    /// holds <paramref name="node"/>: the scope of its condition; null for a SaveChanges hook.</summary>
    private static SyntaxNode? Handler(SyntaxNode node, HookReading read, List<SyntaxNode> bodies) =>
        read.IsHandler ? bodies.FirstOrDefault(b => b.SyntaxTree == node.SyntaxTree && b.Span.Contains(node.Span)) : null;

    /// <summary>The call of a statement (<c>X();</c>, <c>await X();</c>, <c>await X().ConfigureAwait(false);</c>) when it
    /// resolves to a method of this project's source that the reader does not follow (not a <c>base.</c> call, not a
    /// method among <paramref name="bodies"/> or declared inside one), as <c>Type.Method()</c>.</summary>
    private static string? NotFollowed(ExpressionSyntax statement, List<SyntaxNode> bodies, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement is AwaitExpressionSyntax awaited) statement = awaited.Expression;
        if (statement is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: InvocationExpressionSyntax inner } }) statement = inner;
        if (statement is not InvocationExpressionSyntax call || call.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax }) return null;
        if (Semantics.SymbolOrMethod(call, model, cancellationToken) is not IMethodSymbol method) return null;
        var declared = (method.ReducedFrom ?? method).OriginalDefinition;
        var declarations = declared.DeclaringSyntaxReferences;
        if (declarations.IsEmpty) return null; // a library's method: not this project's code
        if (declarations.Any(d => bodies.Any(b => b.SyntaxTree == d.SyntaxTree && b.Span.Contains(d.Span)))) return null;
        return declared.MethodKind == MethodKind.LocalFunction ? null : declared.ContainingType.Name + "." + declared.Name + "()";
    }

    /// <summary>The type a local bound from a tracked entity is tested for or cast to: <c>IEntityDate</c> in
    /// <c>e.Entry.Entity is not IEntityDate entity</c> or <c>entry.Entity as IEntityDate</c>; null otherwise.</summary>
    private static string? BoundEntityType(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        if (receiver is not IdentifierNameSyntax identifier || Semantics.SymbolOrMethod(identifier, model, cancellationToken) is not ILocalSymbol local) return null;
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken);
        var written = declaration switch
        {
            SingleVariableDesignationSyntax { Parent: DeclarationPatternSyntax pattern } => pattern.Type,
            VariableDeclaratorSyntax { Initializer.Value: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression, Right: TypeSyntax asType } } => asType,
            VariableDeclaratorSyntax { Initializer.Value: CastExpressionSyntax cast } => cast.Type,
            _ => null,
        };
        return written is not null && Semantics.WrittenType(written, model, cancellationToken) is { } type ? type.ClrFullName() : null;
    }

    /// <summary>For the variable of <c>foreach (var x in ChangeTracker.Entries().Where(...).Select(e => e.Entity).OfType&lt;T&gt;())</c>
    /// (Jellyfin's and Kavita's concurrency tokens): T and the <c>Where</c> condition; null for any other receiver.</summary>
    private static (string Type, string? Where)? OfTypeLoop(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        if (receiver is not IdentifierNameSyntax identifier || Semantics.SymbolOrMethod(identifier, model, cancellationToken) is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is not ForEachStatementSyntax loop
            || loop.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "OfType", TypeArgumentList.Arguments.Count: 1 } ofType } ofTypeAccess }
            || ofTypeAccess.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select } selectCall
            || selectCall.ArgumentList.Arguments.Count != 1
            || selectCall.ArgumentList.Arguments[0].Expression is not SimpleLambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity", Expression: IdentifierNameSyntax parameter } } selector
            || parameter.Identifier.ValueText != selector.Parameter.Identifier.ValueText
            || Semantics.TypeOf(selector.ExpressionBody, model, cancellationToken) is null)
        {
            return null;
        }
        // The entries: EF Core's Entries() (its Where filters them); the lambda's Entity is EntityEntry's.
        var wheres = new List<LambdaExpressionSyntax>();
        var source = select.Expression;
        while (source is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" or "ToList" or "ToArray" or "AsEnumerable" } step } stepCall)
        {
            if (step.Name.Identifier.ValueText == "Where")
            {
                if (stepCall.ArgumentList.Arguments.Count != 1 || stepCall.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax lambda) return null;
                wheres.Insert(0, lambda);
            }
            source = step.Expression;
        }
        if (source is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entries" } } entries
            || Semantics.SymbolOrMethod(entries, model, cancellationToken) is not IMethodSymbol { ContainingType: { } tracker }
            || !tracker.Is("Microsoft.EntityFrameworkCore.ChangeTracking", "ChangeTracker")
            || Semantics.WrittenType(ofType.TypeArgumentList.Arguments[0], model, cancellationToken) is not { } type)
        {
            return null;
        }
        var conditions = wheres.Select(w => w.ExpressionBody is { } body ? CodeText.Condition(body) : null).ToList();
        return (type.ClrFullName(), conditions.Count == 0 ? null : conditions.Any(c => c is null) ? "(a condition)" : string.Join(" && ", conditions));
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
            // `if (e.Entry.Entity is not IEntityDate entity) return;`: the local is the entity after the early exit.
            SingleVariableDesignationSyntax { Parent: DeclarationPatternSyntax { Parent: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern, Parent: IsPatternExpressionSyntax negated } } } => IsEntryEntity(negated.Expression, model, cancellationToken),
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

/// <summary>What <c>SaveHookParser.Read</c> found in a hook's bodies.</summary>
internal sealed class HookReading
{
    public HookReading(bool isHandler) => IsHandler = isHandler;

    /// <summary>The bodies are a change-tracker event handler's (with its helpers), not SaveChanges hooks.</summary>
    public bool IsHandler { get; }
    public SortedSet<string> Entries { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> Assigned { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> States { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> Publishes { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> Adds { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> SoftDeleted { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> AddsHow { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> SoftDeleteOn { get; } = new(System.StringComparer.Ordinal);
    /// <summary>The conditions the member sets are made under ("" for a set made under none).</summary>
    public SortedSet<string> Filters { get; } = new(System.StringComparer.Ordinal);
    public SortedSet<string> NotRead { get; } = new(System.StringComparer.Ordinal);

    public SaveHookSpec Spec(string kind, string typeName, SourceLocation? location, EquatableArray<string> runsOn) =>
        new(kind, typeName, Entries.ToEquatableArray(), Assigned.ToEquatableArray(), States.ToEquatableArray(), location, Publishes.ToEquatableArray(),
            Adds.ToEquatableArray(), SoftDeleted.ToEquatableArray(), AddsHow.ToEquatableArray(), runsOn, SoftDeleteOn.ToEquatableArray(),
            // One set made under no condition: the entries are not filtered (every condition is withheld).
            Filters.Contains("") ? default : Filters.ToEquatableArray(), NotRead.ToEquatableArray());
}
