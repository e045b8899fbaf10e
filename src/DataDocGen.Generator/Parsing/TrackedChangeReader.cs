using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Updates EF Core writes through change tracking: <c>SaveChanges[Async]</c> on a context, preceded in the same body by
/// a property set on an entity that body loaded from a <c>DbSet</c> of that same context variable, with no
/// <c>AsNoTracking</c> in the query:
/// <code>
/// if (await db.Products.FindAsync(id) is not { } product) return;   // loaded, tracked
/// product.Name = name;                                               // changed
/// await db.SaveChangesAsync();                                       // written: an update of Product
/// </code>
/// The entity is loaded by a local's initializer, a pattern (<c>is { } x</c>, <c>is Product x</c>), or a <c>foreach</c>
/// over such a query or over a local holding one, or set in place on what such a query returns
/// (<c>db.Settings.First(s =&gt; s.Key == "Port").Value = port</c>). A local the body initialised once with a query or the
/// list it loaded, and never changed, is followed (<c>settings.First(...)</c>, <c>foreach (var s in settings.Where(...))</c>
/// after <c>var settings = await db.Settings.ToListAsync()</c>); between the set and the entity only LINQ, EF Core,
/// collection and task operators (or a method returning a sequence) are read, none that can bring in other objects
/// (<c>Append</c>, <c>Concat</c>, a default value, <c>entity.Copy()</c>). An entity the same context attached in that body (<c>Attach</c>,
/// <c>AttachRange</c>) counts for the properties set after the attach (Attach tracks it as Unchanged: alone it writes
/// nothing, so it is never an update by itself), and <c>Entry(x).State = EntityState.Modified</c> before the save is an
/// update of x's type. Anything that needs data flow beyond that (entities passed to other
/// methods, changes through navigations or methods of the entity) is not attributed: fewer updates, never a wrong one.
/// </summary>
internal static class TrackedChangeReader
{
    /// <summary>The body a node runs in: the nearest lambda, local function, method or accessor.</summary>
    private static SyntaxNode? Body(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);

    /// <summary><c>db.SaveChanges[Async]()</c>, or bare (<c>SaveChanges()</c>, <c>this.</c>, <c>base.</c>) in a context's own code.</summary>
    public static bool IsSaveChanges(InvocationExpressionSyntax invocation) => SyntaxFacts.IsSaveChangesCall(invocation);

    /// <summary>
    /// The context a save call saves, as the symbol the body's other calls are compared with: the field, parameter or
    /// local it is called on (<c>db.SaveChanges()</c>), or, for a call on the enclosing instance (<c>SaveChanges()</c>,
    /// <c>this.</c>, <c>base.</c>; Ombi seeds in its context's own methods), the context class itself, which
    /// <see cref="SameContext"/> matches with <c>this.</c>/<c>base.</c> and the context's own sets named bare. Null when
    /// the call is not a context's save (a class of the project's own with a <c>SaveChanges</c> method).
    /// </summary>
    private static ISymbol? SavedContext(InvocationExpressionSyntax save, SemanticModel model, CancellationToken cancellationToken)
    {
        // A save through an interface the project's one DbContext implements with DbContext's own SaveChanges counts too.
        if (!ContextInterfaces.RunsAsContext(Semantics.Method(save, model, cancellationToken), model.Compilation, cancellationToken)) return null;
        if (SyntaxFacts.ExplicitReceiver(save) is { } receiver)
        {
            return Semantics.SymbolOf(receiver, model, cancellationToken) is { } context and not (IMethodSymbol or ITypeSymbol) ? context : null;
        }
        return Semantics.EnclosingContext(save, model, cancellationToken);
    }

    /// <summary>True when <paramref name="receiver"/> is the saving context: the same field, parameter or local, or
    /// <c>this</c>/<c>base</c> when the save is the enclosing context's own (<see cref="SavedContext"/>).</summary>
    private static bool SameContext(ExpressionSyntax receiver, ISymbol context, SemanticModel model, CancellationToken cancellationToken)
    {
        if (receiver is ThisExpressionSyntax or BaseExpressionSyntax) return context is ITypeSymbol;
        return context is not ITypeSymbol && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(receiver, model, cancellationToken), context);
    }

    /// <summary>True when a bare name (<c>Customers</c>, <c>Set&lt;T&gt;()</c>, <c>Find&lt;T&gt;(…)</c>) in the context's own code
    /// stands for the saving context's member: only when the save is that context's own.</summary>
    private static bool ImplicitContext(ISymbol context) => context is ITypeSymbol;

    public static List<CrudSpec> Updates(InvocationExpressionSyntax save, SemanticModel model, CancellationToken cancellationToken)
    {
        var updates = new List<CrudSpec>();
        if (SavedContext(save, model, cancellationToken) is not { } context) return updates;
        var saveName = OptionsBuilderParser.MethodName(save);
        var body = Body(save);
        if (body is null) return updates;

        var seen = new HashSet<(string, SourceLocation?)>();
        foreach (var assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assignment.SpanStart >= save.SpanStart || InnerBody(assignment, body) || !MayReach(assignment, save)) continue;
            ITypeSymbol? entity;
            string how;
            string? untrackedUnder = null;
            if (ModifiedEntry(assignment, context, model, cancellationToken) is { } modified)
            {
                (entity, how) = (modified, EntryModified);
            }
            else if (MarkedModified(assignment, context, model, cancellationToken) is { } marked)
            {
                // Entry(x).Property(p => p.Price).IsModified = true: x is tracked as Modified (unless it was Added) and the
                // column written, whether x was loaded, attached or not tracked before (EF Core 10, checked at run time:
                // an untracked x becomes Modified; an added one stays Added, so an x the body adds is left out).
                var symbol = Semantics.SymbolOrMethod(marked.Variable, model, cancellationToken);
                if (marked.Attached)
                {
                    // var attached = Db.MovieRequests.Attach(request); attached.Property(x => x.Available).IsModified = true (Ombi).
                    if (AttachedInPlace(symbol, assignment, body, model, cancellationToken) is not { } attachedType || !IsEntityType(attachedType)) continue;
                    (entity, how) = (attachedType, AttachedMarked);
                }
                else if (symbol is ILocalSymbol local && LoadedEntity(local, body, context, model, cancellationToken, out _) is { } loaded) (entity, how) = (loaded, MarkedModifiedApi);
                else if (AttachedEntity(symbol, assignment, save, body, context, model, cancellationToken) is { } attached) (entity, how) = (attached, AttachedMarked);
                else if (symbol is ILocalSymbol or IParameterSymbol && VariableType(symbol) is { } type && IsEntityType(type) && !AddedOrStateSet(symbol, assignment, body, model, cancellationToken))
                    (entity, how) = (type, MarkedModifiedApi);
                else continue;
            }
            else
            {
                // customer.Name = name, or customer!.Name = name after a FindAsync (the ! changes nothing at run time).
                if (assignment.Left is not MemberAccessExpressionSyntax member) continue;
                if (Semantics.SymbolOrMethod(member, model, cancellationToken) is not IPropertySymbol) continue;
                var receiver = SyntaxFacts.Unwrapped(member.Expression);
                if (receiver is IdentifierNameSyntax variable)
                {
                    var symbol = Semantics.SymbolOrMethod(variable, model, cancellationToken);
                    if (symbol is ILocalSymbol local && LoadedEntity(local, body, context, model, cancellationToken, out var plainQuery) is { } loaded)
                    {
                        (entity, how) = (loaded, "property set");
                        // Untracked, so no update, where the context's options turn tracking off (known only to the report).
                        if (plainQuery) untrackedUnder = ContextType(context);
                    }
                    else if (AttachedEntity(symbol, assignment, save, body, context, model, cancellationToken) is { } attached) (entity, how) = (attached, AttachedSet);
                    else continue;
                }
                // db.Settings.First(s => s.Key == "Port").Value = port (Kavita's seed), settings.First(...).Value = x
                // over a list the body loaded: the entity the query returns, loaded and tracked there.
                else if (receiver is InvocationExpressionSyntax or AwaitExpressionSyntax && LoadedInPlace(receiver, body, context, model, cancellationToken, out var plainInPlace) is { } inPlace)
                {
                    (entity, how) = (inPlace, "property set");
                    if (plainInPlace) untrackedUnder = ContextType(context);
                }
                else continue;
            }
            var location = SourceLocation.From(assignment);
            if (!seen.Add((entity.ClrFullName(), location))) continue;
            updates.Add(new CrudSpec(entity.ClrFullName(), CrudTarget.Entity, CrudOperation.Update, how + ", saved by " + saveName,
                false, CodeText.MemberName(assignment, model, cancellationToken), location, UntrackedUnder: untrackedUnder));
        }
        return updates;
    }

    /// <summary>True when <see cref="Updates"/> reports <paramref name="assignment"/> (<c>Entry(x).State = EntityState.Modified</c>)
    /// for a save of the same context later in the same body; <see cref="CrudParser"/> then leaves it to that save.</summary>
    public static bool SavedInBody(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        var body = Body(assignment);
        if (body is null) return false;
        foreach (var save in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (!IsSaveChanges(save) || save.SpanStart <= assignment.SpanStart || InnerBody(save, body)) continue;
            if (SavedContext(save, model, cancellationToken) is not { } context) continue;
            if (!InnerBody(assignment, body) && MayReach(assignment, save) && ModifiedEntry(assignment, context, model, cancellationToken) is not null) return true;
        }
        return false;
    }

    /// <summary>The API text of an update through a property set on an attached entity; the report marks it as such.</summary>
    public const string AttachedSet = "Attach, property set";

    /// <summary>The API text of an update through <c>Entry(x).Property(...).IsModified = true</c> on an entity loaded in
    /// the body or not tracked before (EF Core then tracks it as Modified); the report marks it as such.</summary>
    public const string MarkedModifiedApi = "IsModified = true";

    /// <summary>The same on an entity the saving context attached in the body (or on the entry its <c>Attach</c> returns).</summary>
    public const string AttachedMarked = "Attach, IsModified = true";

    /// <summary>
    /// <c>context.Entry(x).Property(p => p.Price).IsModified = true</c> (or through a local holding <c>context.Entry(x)</c>,
    /// or on the entry <c>context.Attach(x)</c> returns: then Attached, see <see cref="AttachedInPlace"/>) on the saving
    /// context, <c>Property</c> confirmed as EF Core's <c>EntityEntry</c> method and the value the literal <c>true</c>: the
    /// variable x, whose column the save writes (x tracked as Modified unless it was Added). <c>IsModified = false</c>
    /// writes nothing and is not read.
    /// </summary>
    private static (IdentifierNameSyntax Variable, bool Attached)? MarkedModified(AssignmentExpressionSyntax assignment, ISymbol context, SemanticModel model, CancellationToken cancellationToken) =>
        MarkedModified(assignment, model, cancellationToken) is { Context: { } markedContext } marked && SameContext(markedContext, context, model, cancellationToken) ? (marked.Variable, marked.Attached) : null;

    /// <summary>The syntax of <c>….Property(…).IsModified = true</c>, before any binding.</summary>
    public static bool IsMarkedModified(SyntaxNode node) =>
        node is AssignmentExpressionSyntax
        {
            Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsModified", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property" } } },
            Right: LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression },
        };

    /// <summary>
    /// <c>Entry(x).Property(…).IsModified = true</c> with no save after it in the body (a repository over a unit of work
    /// that saves elsewhere): x is tracked as Modified by that context and the column written by its next save, as for
    /// <c>Entry(x).State = EntityState.Modified</c> (API <c>IsModified = true</c>). Null where a save follows in the body
    /// (<see cref="Updates"/> reads it there) or x is added or its state set in the body (an added entity stays Added).
    /// On the entry <c>Attach(x)</c> returns (also on a <c>DbSet</c> held apart from its context, a field or parameter): API
    /// <c>Attach, IsModified = true</c>, unless x is created there without its key (<see cref="AttachedInPlace"/>).
    /// </summary>
    public static CrudSpec? UnsavedMarkedModified(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (MarkedModified(assignment, model, cancellationToken) is not { } marked) return null;
        var body = Body(assignment);
        // A save after it: db.SaveChanges() as written, a bare one only where it is the context's own (a class's own
        // SaveChanges method saves nothing that Updates reads).
        if (body is null || body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => IsSaveChanges(i) && i.SpanStart > assignment.SpanStart
                && (SyntaxFacts.ExplicitReceiver(i) is not null || SavedContext(i, model, cancellationToken) is not null))) return null;
        var symbol = Semantics.SymbolOrMethod(marked.Variable, model, cancellationToken);
        ITypeSymbol? type;
        if (marked.Attached)
        {
            if (AttachedInPlace(symbol, assignment, body, model, cancellationToken) is not { } attached) return null;
            type = attached;
        }
        else
        {
            if (symbol is not (ILocalSymbol or IParameterSymbol) || VariableType(symbol) is not { } variableType || AddedOrStateSet(symbol, assignment, body, model, cancellationToken)) return null;
            if (!IsEntityType(variableType) && variableType is not ITypeParameterSymbol) return null;
            type = variableType;
        }
        return new CrudSpec(type.EntityName(), type is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity, CrudOperation.Update, marked.Attached ? AttachedMarked : MarkedModifiedApi, false,
            CodeText.MemberName(assignment, model, cancellationToken), SourceLocation.From(assignment));
    }

    /// <summary>The variable whose entry's property is marked modified, the context expression the entry is taken from
    /// (null for an attach through a <c>DbSet</c> held apart from its context), and whether the entry is the one
    /// <c>Attach(x)</c> returned (<c>var attached = Db.MovieRequests.Attach(request)</c>, Ombi) rather than <c>Entry(x)</c>.</summary>
    private static (IdentifierNameSyntax Variable, ExpressionSyntax? Context, bool Attached)? MarkedModified(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsModified", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property" } propertyAccess } property }) return null;
        if (assignment.Right is not LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression }) return null;
        if (Semantics.Method(property, model, cancellationToken) is not { ContainingType: { } entryType } || !entryType.IsInNamespace("Microsoft.EntityFrameworkCore.ChangeTracking")) return null;
        var entryExpression = propertyAccess.Expression;
        if (entryExpression is IdentifierNameSyntax entryLocal)
        {
            // var entry = db.Entry(product); entry.Property(p => p.Price).IsModified = true;
            if (Semantics.SymbolOrMethod(entryLocal, model, cancellationToken) is not ILocalSymbol local
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator
                || declarator.SpanStart > assignment.SpanStart) return null;
            var body = Body(assignment);
            if (body is null || !body.Span.Contains(declarator.Span) || Reassigned(local, declarator, assignment, body, model, cancellationToken)) return null;
            entryExpression = initializer;
        }
        if (entryExpression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entry" or "Attach" } entryAccess, ArgumentList.Arguments.Count: 1 } entry
            || entry.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax variable) return null;
        if (Semantics.Method(entry, model, cancellationToken) is not { ContainingType: { } owner }) return null;
        var onContext = owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext");
        if (entryAccess.Name.Identifier.ValueText == "Entry") return onContext ? (variable, entryAccess.Expression, false) : null;
        // Attach returns the entry it tracks: db.Attach(x), db.Products.Attach(x), db.Set<T>().Attach(x), as AttachedEntity reads them.
        if (onContext) return (variable, entryAccess.Expression, true);
        if (owner.DbSetEntity() is null) return null;
        ExpressionSyntax? context = entryAccess.Expression switch
        {
            MemberAccessExpressionSyntax set when Semantics.SymbolOrMethod(set, model, cancellationToken) is IPropertySymbol or IFieldSymbol => set.Expression,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Set" } set } => set.Expression,
            _ => null,
        };
        return (variable, context, true);
    }

    /// <summary>
    /// The entity type of x in <c>Attach(x)</c> whose returned entry marks a property modified: x is tracked from the
    /// attach and the mark makes it Modified, as after <c>Attach(x); Entry(x)...</c> (<see cref="AttachedEntity"/>). Null
    /// where x may be inserted instead: created in place without its key set (Attach adds an entity whose generated key
    /// is unset), given another value than its initializer, or handed to an <c>Add*</c> call or an entry state before.
    /// </summary>
    private static ITypeSymbol? AttachedInPlace(ISymbol? variable, SyntaxNode assignment, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (variable is not (ILocalSymbol or IParameterSymbol) || VariableType(variable) is not { } type) return null;
        if (!IsEntityType(type) && type is not ITypeParameterSymbol) return null;
        if (variable is ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator
                || !body.Span.Contains(declarator.Span) || Reassigned(local, declarator, assignment, body, model, cancellationToken)) return null;
            if (initializer is BaseObjectCreationExpressionSyntax creation && !SetsKey(creation, type)) return null;
        }
        return AddedOrStateSet(variable, assignment, body, model, cancellationToken) ? null : type;
    }

    private static ITypeSymbol? VariableType(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>True when the body hands <paramref name="variable"/> to an <c>Add*</c> call or sets an entry's
    /// <c>State</c> before <paramref name="before"/> (an added entity stays Added when a property is marked modified).</summary>
    private static bool AddedOrStateSet(ISymbol variable, SyntaxNode before, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken) =>
        body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => call.SpanStart < before.SpanStart
            && (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name.StartsWith("Add", System.StringComparison.Ordinal)
                || call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "State", Parent: AssignmentExpressionSyntax })
            && call.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax argument && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(argument, model, cancellationToken), variable)));

    /// <summary>The API text of an update through <c>Entry(x).State = EntityState.Modified</c>.</summary>
    public const string EntryModified = "Entry State = Modified";

    /// <summary>
    /// <c>context.Entry(x).State = EntityState.Modified</c> on the saving context: x is tracked as Modified and every
    /// property is written by the save, whether or not x was attached or loaded before. The entity is the type argument
    /// of the <c>EntityEntry&lt;T&gt;</c> that <c>Entry</c> returns (the argument's static type). Other states
    /// (<c>Added</c>, <c>Deleted</c>, <c>Unchanged</c>) are not read here.
    /// </summary>
    private static ITypeSymbol? ModifiedEntry(AssignmentExpressionSyntax assignment, ISymbol context, SemanticModel model, CancellationToken cancellationToken)
    {
        if (assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "State", Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entry" } entryAccess } entry }) return null;
        if (assignment.Right is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Modified" } state) return null;
        if (Semantics.SymbolOf(state, model, cancellationToken) is not IFieldSymbol { ContainingType: var stateType } || !stateType.Is("Microsoft.EntityFrameworkCore", "EntityState")) return null;
        if (Semantics.Method(entry, model, cancellationToken) is not { ContainingType: { } owner } || !owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return null;
        if (!SameContext(entryAccess.Expression, context, model, cancellationToken)) return null;
        var entity = entry.ArgumentList.Arguments.FirstOrDefault() is { } argument ? Semantics.TypeOf(argument.Expression, model, cancellationToken) : null;
        return IsEntityType(entity) ? entity : null;
    }

    /// <summary>
    /// The entity type of a local or parameter that <paramref name="context"/> attached (<c>db.Attach(x)</c>,
    /// <c>db.Products.Attach(x)</c>, <c>db.Set&lt;T&gt;().Attach(x)</c>, <c>AttachRange(a, b)</c>, or a <c>foreach</c>
    /// variable over a list given to <c>AttachRange</c>) in the body before the property set. <c>Attach</c> tracks the
    /// entity as Unchanged, so only what is set after it is written. An object created in place must set its key in its
    /// initializer (<c>Id</c>, <c>[Type]Id</c> or a <c>[Key]</c> member): Attach adds an entity whose generated key is
    /// unset, and its save is then an insert.
    /// </summary>
    private static ITypeSymbol? AttachedEntity(ISymbol? variable, SyntaxNode assignment, SyntaxNode save, SyntaxNode body, ISymbol context, SemanticModel model, CancellationToken cancellationToken)
    {
        if (variable is not (ILocalSymbol or IParameterSymbol)) return null;
        var type = variable is ILocalSymbol local ? local.Type : ((IParameterSymbol)variable).Type;
        if (!IsEntityType(type)) return null;
        ISymbol? list = null;
        if (variable is ILocalSymbol)
        {
            var declaration = variable.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            if (declaration is null || !body.Span.Contains(declaration.Span)) return null;
            if (declaration is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax creation } && !SetsKey(creation, type)) return null;
            if (declaration is ForEachStatementSyntax { Expression: IdentifierNameSyntax items }) list = Semantics.SymbolOrMethod(items, model, cancellationToken);
        }
        foreach (var call in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (call.SpanStart >= assignment.SpanStart) break;
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Attach" or "AttachRange" } attach) continue;
            if (InnerBody(call, body) || !MayReach(call, assignment) || !MayReach(call, save)) continue;
            var arguments = call.ArgumentList.Arguments.Select(a => a.Expression is IdentifierNameSyntax name ? Semantics.SymbolOrMethod(name, model, cancellationToken) : null).ToList();
            var range = attach.Name.Identifier.ValueText == "AttachRange";
            if (!(range ? arguments.Any(a => SymbolEqualityComparer.Default.Equals(a, variable) || (list is not null && SymbolEqualityComparer.Default.Equals(a, list)))
                        : arguments.Count == 1 && SymbolEqualityComparer.Default.Equals(arguments[0], variable))) continue;
            if (Semantics.Method(call, model, cancellationToken) is not { ContainingType: { } owner }) continue;
            var onContext = owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext");
            if (!onContext && owner.DbSetEntity() is null) continue;
            // The context that attaches is the one that saves: db.Attach(x), db.Products.Attach(x), db.Set<T>().Attach(x).
            ExpressionSyntax? receiver = onContext ? attach.Expression : attach.Expression switch
            {
                MemberAccessExpressionSyntax set => set.Expression,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Set" } set } => set.Expression,
                _ => null,
            };
            if (receiver is null || !SameContext(receiver, context, model, cancellationToken)) continue;
            // The variable still holds the attached object: not assigned again between the attach and the set.
            if (Reassigned(variable, call, assignment, body, model, cancellationToken)) continue;
            return type;
        }
        return null;
    }

    /// <summary>True when <paramref name="variable"/> is assigned anew between two nodes of the body.</summary>
    private static bool Reassigned(ISymbol variable, SyntaxNode from, SyntaxNode to, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken) =>
        body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.SpanStart > from.Span.End && a.SpanStart < to.SpanStart
            && a.Left is IdentifierNameSyntax name && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(name, model, cancellationToken), variable));

    /// <summary>An object creation whose initializer sets the key EF Core finds by convention or attribute.</summary>
    private static bool SetsKey(BaseObjectCreationExpressionSyntax creation, ITypeSymbol type) =>
        creation.Initializer is { } initializer && initializer.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ObjectInitializerExpression)
        && initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name }
            && (name == "Id" || name == type.Name + "Id" || type.GetMembers(name).Any(m => m.GetAttributes().Any(x => x.AttributeClass is { Name: "KeyAttribute" } key && key.IsInNamespace("System.ComponentModel.DataAnnotations")))));

    private static bool IsEntityType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } && type.SpecialType == SpecialType.None;

    /// <summary>
    /// False when the save cannot run after the assignment, as the syntax shows: they sit in different arms of one
    /// <c>if</c>/<c>else</c>, <c>switch</c>, conditional expression or set of <c>catch</c> clauses, or a <c>return</c>,
    /// <c>throw</c> or <c>yield break</c> follows the assignment on its way out to the save. Anything subtler (a flag, a
    /// called method that throws) is not followed: the update stays claimed only where the code reads that way.
    /// </summary>
    private static bool MayReach(SyntaxNode assignment, SyntaxNode save)
    {
        var common = assignment.Ancestors().First(a => a.Span.Contains(save.Span));
        if (common is IfStatementSyntax or SwitchStatementSyntax or SwitchExpressionSyntax or ConditionalExpressionSyntax) return false;
        if (common is TryStatementSyntax && assignment.Ancestors().TakeWhile(a => a != common).Any(a => a is CatchClauseSyntax)
                                         && save.Ancestors().TakeWhile(a => a != common).Any(a => a is CatchClauseSyntax)) return false;
        // From the assignment's statement up to the common ancestor: a jump after it in any enclosing block leaves first.
        for (var node = assignment.FirstAncestorOrSelf<StatementSyntax>(); node is not null && node != common && node.Parent is not null; node = node.Parent.FirstAncestorOrSelf<StatementSyntax>())
        {
            if (node.Parent is BlockSyntax block)
            {
                foreach (var next in block.Statements.Where(st => st.SpanStart > node.SpanStart && st.SpanStart < save.SpanStart))
                {
                    if (next is ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.YieldBreakStatement }) return false;
                }
            }
            if (node.Parent == common) break;
        }
        return true;
    }

    /// <summary>True when the node sits in a lambda or local function inside the body: it may run after the save, or never.</summary>
    private static bool InnerBody(SyntaxNode node, SyntaxNode body) =>
        node.Ancestors().TakeWhile(a => a != body).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    /// <summary>The entity type a local holds when it was loaded, tracked, from a DbSet of <paramref name="context"/>.</summary>
    /// <param name="plainQuery">True when the load is a query that tracks only by the context's default (no <c>AsTracking</c>, no <c>Find</c>).</param>
    private static ITypeSymbol? LoadedEntity(ILocalSymbol local, SyntaxNode body, ISymbol context, SemanticModel model, CancellationToken cancellationToken, out bool plainQuery)
    {
        plainQuery = false;
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        if (declaration is null || !body.Span.Contains(declaration.Span)) return null;
        var source = declaration switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var value } => value,
            SingleVariableDesignationSyntax designation => PatternSource(designation),
            // foreach (var x in db.Set.Where(...)), or over a local holding such a query or its list (QueriedEntity follows it).
            ForEachStatementSyntax loop => loop.Expression,
            _ => null,
        };
        if (source is null || QueriedEntity(source, body, context, model, cancellationToken) is not { } queried) return null;
        // A query made through an instance whose queries are untracked by default loads nothing to track (Find tracks anyway).
        plainQuery = !TrackedAnyway(source);
        if (plainQuery && NoTrackingByDefault(context, body, model, cancellationToken)) return null;
        // The default comparer ignores nullable annotations: FindAsync gives a Product?.
        return SymbolEqualityComparer.Default.Equals(local.Type, queried) ? queried : null;
    }

    /// <summary>A query that tracks whatever the context's default: <c>AsTracking()</c> in its chain, or <c>Find[Async]</c>
    /// (EF Core's finder attaches what it loads).</summary>
    private static bool TrackedAnyway(ExpressionSyntax source) =>
        source.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or ArgumentListSyntax)).OfType<InvocationExpressionSyntax>()
            .Any(i => OptionsBuilderParser.MethodName(i) is "AsTracking" or "Find" or "FindAsync");

    /// <summary>
    /// True when the saving context's queries are untracked by default as the code around it shows (the eShopOnContainers
    /// audit: <c>CatalogController</c>'s constructor sets <c>((DbContext)context).ChangeTracker.QueryTrackingBehavior =
    /// QueryTrackingBehavior.NoTracking</c> on the context it keeps in <c>_catalogContext</c>): an assignment of a
    /// <c>NoTracking*</c> value to that instance's change tracker in the body, or in a constructor of the class that holds
    /// the context (on the field, or on the constructor parameter stored in it); for a save in the context's own code, a
    /// bare <c>ChangeTracker.QueryTrackingBehavior</c> set there. Options (<c>UseQueryTrackingBehavior</c>) are known only to
    /// the report (<see cref="Model.CrudSpec.UntrackedUnder"/>, <c>Report/UntrackedUpdates</c>). Where a later assignment
    /// may turn tracking back on, the update is still not claimed.
    /// </summary>
    private static bool NoTrackingByDefault(ISymbol context, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Sets(body, model)) return true;
        var holder = context is ITypeSymbol type ? type : context.ContainingType;
        if (holder is null) return false;
        foreach (var reference in holder.DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is not TypeDeclarationSyntax declaration) continue;
            var declarationModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(declaration.SyntaxTree);
            if (declaration.Members.OfType<ConstructorDeclarationSyntax>().Any(c => Sets(c, declarationModel))) return true;
        }
        return false;

        bool Sets(SyntaxNode scope, SemanticModel scopeModel) => scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
            QueryShapeParser.IsTrackingAssignment(assignment)
            && QueryShapeParser.AssignedTrackingBehavior(assignment, scopeModel, cancellationToken) is { } behavior && behavior.StartsWith("NoTracking", System.StringComparison.Ordinal)
            && SetsOn(assignment, scope, scopeModel));

        // The instance set: the saving context itself, or a constructor parameter the constructor stores in the context field.
        bool SetsOn(AssignmentExpressionSyntax assignment, SyntaxNode scope, SemanticModel scopeModel)
        {
            if (QueryShapeParser.TrackerOwner(assignment) is not { } owner) return context is ITypeSymbol;
            var target = Semantics.SymbolOrMethod(owner, scopeModel, cancellationToken);
            if (SymbolEqualityComparer.Default.Equals(target, context)) return true;
            return target is IParameterSymbol parameter && scope is ConstructorDeclarationSyntax && context is IFieldSymbol or IPropertySymbol
                && scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(store =>
                    SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(store.Left, scopeModel, cancellationToken), context)
                    && StoredValue(store.Right) is IdentifierNameSyntax stored && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(stored, scopeModel, cancellationToken), parameter));
        }
    }

    /// <summary>The saving context's class (full name) when it is a DbContext: the field's, parameter's or local's type, or the context itself.</summary>
    private static string? ContextType(ISymbol context)
    {
        var type = context switch
        {
            ITypeSymbol own => own,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };
        return type is not null && type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext") ? type.ClrFullName() : null;
    }

    /// <summary>The value stored by <c>_db = db</c> or <c>_db = db ?? throw ...</c>.</summary>
    private static ExpressionSyntax StoredValue(ExpressionSyntax value)
    {
        value = SyntaxFacts.Unwrapped(value);
        return value is BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax } coalesce
            ? SyntaxFacts.Unwrapped(coalesce.Left) : value;
    }

    /// <summary>The tested expression when the designation is the whole pattern (<c>is { } x</c>, <c>is not Product x</c>),
    /// not a part of it (<c>is { Customer: { } c }</c> holds a related entity, not the queried one).</summary>
    private static ExpressionSyntax? PatternSource(SingleVariableDesignationSyntax designation)
    {
        SyntaxNode? pattern = designation.Parent;
        if (pattern is not (DeclarationPatternSyntax or RecursivePatternSyntax)) return null;
        while (pattern.Parent is UnaryPatternSyntax or ParenthesizedPatternSyntax) pattern = pattern.Parent;
        return pattern.Parent is IsPatternExpressionSyntax test ? test.Expression : null;
    }

    /// <summary>
    /// The entity a property is set on in place, as the receiver of the set: a query of the saving context that returns
    /// one tracked entity (<c>db.Settings.First(s =&gt; s.Key == "Port").Value = "80"</c>), or such an operator over a
    /// local holding what the body loaded (<c>settings.First(...).Value = x</c> after <c>var settings = await
    /// db.Settings.ToListAsync()</c>). The receiver's type must be the entity the query starts from.
    /// </summary>
    /// <param name="plainQuery">As for <see cref="LoadedEntity"/>: the query tracks only by the context's default.</param>
    private static ITypeSymbol? LoadedInPlace(ExpressionSyntax receiver, SyntaxNode body, ISymbol context, SemanticModel model, CancellationToken cancellationToken, out bool plainQuery)
    {
        plainQuery = false;
        if (QueriedEntity(receiver, body, context, model, cancellationToken) is not { } queried) return null;
        // As for a local: untracked by the instance's default, nothing is written (a list local's own load is not seen here,
        // so it counts as plain: an update is dropped rather than claimed).
        plainQuery = !TrackedAnyway(receiver);
        if (plainQuery && NoTrackingByDefault(context, body, model, cancellationToken)) return null;
        return SymbolEqualityComparer.Default.Equals(Semantics.TypeOf(receiver, model, cancellationToken), queried) ? queried : null;
    }

    /// <summary>Operators whose result may hold elements that do not come from their source (<c>Append(new T())</c>,
    /// <c>Concat(other)</c>, <c>DefaultIfEmpty(new T())</c>): not loaded, so not known to be tracked.</summary>
    private static readonly HashSet<string> Foreign = new(System.StringComparer.Ordinal)
    {
        "Append", "Prepend", "Concat", "Union", "UnionBy", "DefaultIfEmpty", "Zip", "Aggregate",
    };

    /// <summary>
    /// True when a call between the query and the entity passes on what it was given: an operator of LINQ, EF Core, the
    /// collections or tasks (<c>Where</c>, <c>Include</c>, <c>FirstAsync</c>, <c>ToList</c>, <c>ConfigureAwait</c>) other than
    /// one given a default value to return (<c>FirstOrDefault(pred, new T())</c>), or any other method returning a
    /// sequence (a project's query extension, a specification). A method returning one object (<c>entity.Clone()</c>)
    /// may return a new one, not tracked: false.
    /// </summary>
    private static bool KeepsElements(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.Method(call, model, cancellationToken) is not { } method) return false;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (owner.IsInNamespaceOrBelow("System.Linq") || owner.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")
            || owner.IsInNamespace("System.Collections.Generic") || owner.IsInNamespace("System.Threading.Tasks"))
        {
            return !method.Parameters.Any(p => p.Name == "defaultValue");
        }
        var returned = method.ReturnType;
        if (returned is INamedTypeSymbol { TypeArguments.Length: 1 } task && task.IsInNamespace("System.Threading.Tasks")) returned = task.TypeArguments[0];
        return returned.SpecialType != SpecialType.System_String
               && (returned.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                   || returned.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));
    }

    /// <summary>
    /// The value of a local the body declared and never changes: its one initializer (no other assignment, no
    /// <c>ref</c>/<c>out</c>), and, for a collection, nothing added to or put in it (<c>Add*</c>, <c>Insert*</c>,
    /// <c>list[i] = x</c>): the elements are those the initializer loaded. Null otherwise.
    /// </summary>
    private static ExpressionSyntax? LoadedLocal(IdentifierNameSyntax name, ILocalSymbol local, SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator || !body.Span.Contains(declarator.Span)) return null;
        if (Semantics.SingleAssignmentInitializer(name, model, cancellationToken) is not { } initializer) return null;
        foreach (var node in body.DescendantNodes())
        {
            var grown = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: var method } }
                    => target.Identifier.ValueText == local.Name && (method.StartsWith("Add", System.StringComparison.Ordinal) || method.StartsWith("Insert", System.StringComparison.Ordinal)
                                                                     || method is "TryAdd" or "Push" or "Enqueue"),
                AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax target } } => target.Identifier.ValueText == local.Name,
                _ => false,
            };
            if (grown) return null;
        }
        return initializer;
    }

    /// <summary>The T of the <c>DbSet&lt;T&gt;</c> a query chain starts from, when that set is read through
    /// <paramref name="context"/> (<c>db.Products</c>) and the chain neither turns tracking off nor projects.</summary>
    private static ITypeSymbol? QueriedEntity(ExpressionSyntax expression, SyntaxNode body, ISymbol context, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = expression;
        for (var hops = 0; hops < 64; hops++)
        {
            switch (current)
            {
                case IdentifierNameSyntax name when Semantics.SymbolOrMethod(name, model, cancellationToken) is ILocalSymbol local:
                    // A local holding a query, its list or one of its entities (var settings = await db.Settings.ToListAsync()).
                    if (LoadedLocal(name, local, body, model, cancellationToken) is not { } value) return null;
                    current = value;
                    continue;
                case AwaitExpressionSyntax awaited: current = awaited.Expression; continue;
                case ParenthesizedExpressionSyntax parenthesized: current = parenthesized.Expression; continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Set" } } call } setCall
                    when Semantics.TypeOf(setCall, model, cancellationToken).DbSetEntity() is { } setEntity:
                    // db.Set<T>() loads as db.Products does (eShop's IntegrationEventLogService); the Set must be DbContext's.
                    if (Semantics.Method(setCall, model, cancellationToken) is not { ContainingType: { } setOwner } || !setOwner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return null;
                    return SameContext(call.Expression, context, model, cancellationToken) ? setEntity : null;
                case InvocationExpressionSyntax { Expression: GenericNameSyntax { Identifier.ValueText: "Set" } } ownSet
                    when ImplicitContext(context) && Semantics.TypeOf(ownSet, model, cancellationToken).DbSetEntity() is { } ownSetEntity:
                    // Set<T>() in the saving context's own code.
                    return Semantics.Method(ownSet, model, cancellationToken) is { ContainingType: { } ownSetOwner } && ownSetOwner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext") ? ownSetEntity : null;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Find" or "FindAsync" } find } findCall
                    when CrudParser.ContextFindEntity(findCall, model, cancellationToken) is { } found:
                    // db.FindAsync<T>(id): DbContext's generic Find loads and tracks a T as db.Ts.FindAsync(id) does (the
                    // BTCPay audit found the change saved after it missing); a project's own Find on its context is not read.
                    return SameContext(find.Expression, context, model, cancellationToken) ? found : null;
                case InvocationExpressionSyntax { Expression: GenericNameSyntax { Identifier.ValueText: "Find" or "FindAsync" } } ownFind
                    when ImplicitContext(context) && CrudParser.ContextFindEntity(ownFind, model, cancellationToken) is { } ownFound:
                    return ownFound;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call }:
                    if (call.Name.Identifier.ValueText is "AsNoTracking" or "AsNoTrackingWithIdentityResolution" or "Select" or "SelectMany" or "GroupBy" or "Join") return null;
                    if (Foreign.Contains(call.Name.Identifier.ValueText) || !KeepsElements((InvocationExpressionSyntax)current, model, cancellationToken)) return null;
                    current = call.Expression;
                    continue;
                case MemberAccessExpressionSyntax set:
                    if (Semantics.TypeOf(set, model, cancellationToken).DbSetEntity() is not { } entity) return null;
                    return SameContext(set.Expression, context, model, cancellationToken) ? entity : null;
                case IdentifierNameSyntax ownSet when ImplicitContext(context):
                    // Customers in the saving context's own code: its instance DbSet property or field.
                    if (Semantics.TypeOf(ownSet, model, cancellationToken).DbSetEntity() is not { } ownEntity) return null;
                    return Semantics.SymbolOf(ownSet, model, cancellationToken) is IPropertySymbol { IsStatic: false } or IFieldSymbol { IsStatic: false } ? ownEntity : null;
                default:
                    return null;
            }
        }
        return null;
    }
}
