using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The operations inside a transaction boundary, in source order: SQL sites (as the raw SQL inventory describes them),
/// EF Core writes and <c>SaveChanges</c>, calls to repositories and units of work, and how the transaction ends
/// (<c>Commit</c>, <c>Rollback</c>, <c>Complete</c>). The boundary's extent is syntactic:
/// <c>using (var scope = ...) { body }</c>; <c>using var tx = ...;</c> to the end of its block; a plain
/// <c>var tx = ...;</c> to the end of its block; an execution strategy's <c>Execute*(lambda)</c> the lambda's body.
/// Calls into the project's other methods and into delegates are named, not followed.
/// </summary>
internal static class TransactionBodyReader
{
    private const int MaxOperations = 12;

    public static IEnumerable<SyntaxNode> Extent(SyntaxNode site, bool isExecutionStrategy)
    {
        if (isExecutionStrategy)
        {
            // strategy.ExecuteAsync(async () => { ... }): the lambdas passed to Execute*.
            return ExecuteCall(site) is { } execute ? ExecuteExtent(execute) : Enumerable.Empty<SyntaxNode>();
        }
        // The statement that holds the boundary's creation.
        var statement = site.FirstAncestorOrSelf<StatementSyntax>();
        return statement switch
        {
            UsingStatementSyntax { Statement: BlockSyntax body } usingStatement when !body.Span.Contains(site.Span) => UntilEnded(body.Statements, Holder(usingStatement.Declaration, site)),
            UsingStatementSyntax { Statement: var body } when !body.Span.Contains(site.Span) => new[] { body },
            LocalDeclarationStatementSyntax { Parent: BlockSyntax block } declaration =>
                UntilEnded(block.Statements.SkipWhile(s => s != declaration).Skip(1), Holder(declaration.Declaration, site)),
            _ => Enumerable.Empty<SyntaxNode>(),
        };
    }

    /// <summary>The local a boundary is held in (<c>var tx = ...</c>, <c>using (var scope = ...)</c>); null when none.</summary>
    private static string? Holder(VariableDeclarationSyntax? declaration, SyntaxNode site) =>
        declaration?.Variables.FirstOrDefault(v => v.Initializer is { } initializer && initializer.Span.Contains(site.Span))?.Identifier.ValueText;

    /// <summary>
    /// The statements up to the one that commits the boundary held in <paramref name="holder"/> (<c>tx.Commit[Async]()</c>,
    /// <c>scope.Complete()</c>), that one included: what follows runs after the commit, outside the transaction, even
    /// while the local stays in scope (bitwarden's <c>OrganizationRepository.DeleteAsync</c> commits one transaction and
    /// begins another in the same block; the first was credited with the second's deletes). A commit under a condition
    /// ends the extent too: what follows may run outside, and is not claimed.
    /// </summary>
    private static IEnumerable<SyntaxNode> UntilEnded(IEnumerable<StatementSyntax> statements, string? holder)
    {
        foreach (var statement in statements)
        {
            yield return statement;
            if (holder is not null && statement.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i =>
                    i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "Commit" or "CommitAsync" or "Complete" }
                    && receiver.Identifier.ValueText == holder))
            {
                yield break;
            }
        }
    }

    /// <summary><c>db.Database.CreateExecutionStrategy().Execute*(...)</c> chained on the site, or on the local it was stored in.</summary>
    private static InvocationExpressionSyntax? ExecuteCall(SyntaxNode site)
    {
        if (site.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Parent: InvocationExpressionSyntax chained } && name.StartsWith("Execute", System.StringComparison.Ordinal))
        {
            return chained;
        }
        return StrategyLocal(site) is { } declarator ? ExecuteCallsOn(declarator).FirstOrDefault() : null;
    }

    /// <summary>The local a strategy is stored in (<c>var strategy = db.Database.CreateExecutionStrategy();</c>), by syntax.</summary>
    public static VariableDeclaratorSyntax? StrategyLocal(SyntaxNode site) =>
        site.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator : null;

    /// <summary>The <c>Execute*</c> calls made on a strategy's local in its block, in document order (by syntax: the
    /// receiver is the local's name).</summary>
    public static IEnumerable<InvocationExpressionSyntax> ExecuteCallsOn(VariableDeclaratorSyntax declarator)
    {
        var local = declarator.Identifier.ValueText;
        return declarator.FirstAncestorOrSelf<BlockSyntax>() is { } block
            ? block.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i =>
                i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var receiver }, Name.Identifier.ValueText: var method }
                && receiver == local && method.StartsWith("Execute", System.StringComparison.Ordinal))
            : Enumerable.Empty<InvocationExpressionSyntax>();
    }

    /// <summary>For <c>strategy.Execute*(...)</c>: the declaration <c>var strategy = ....CreateExecutionStrategy();</c> before
    /// it in an enclosing block, by syntax; null when the receiver is no such local.</summary>
    public static VariableDeclaratorSyntax? StrategyDeclaration(InvocationExpressionSyntax execute)
    {
        if (execute.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var local } }) return null;
        foreach (var block in execute.Ancestors().OfType<BlockSyntax>())
        {
            foreach (var declaration in block.Statements.OfType<LocalDeclarationStatementSyntax>())
            {
                if (declaration.SpanStart >= execute.SpanStart) break;
                var declarator = declaration.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == local);
                if (declarator is null) continue;
                return declarator.Initializer?.Value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateExecutionStrategy" } } ? declarator : null;
            }
        }
        return null;
    }

    /// <summary>The lambdas' bodies passed to one <c>Execute*</c> call: the code the strategy runs (and retries) as a unit.</summary>
    public static IEnumerable<SyntaxNode> ExecuteExtent(InvocationExpressionSyntax execute) =>
        execute.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().Select(l => (SyntaxNode)l.Body);

    public static EquatableArray<string> Operations(SyntaxNode site, bool isExecutionStrategy, SemanticModel model, CancellationToken cancellationToken) =>
        OperationsIn(Extent(site, isExecutionStrategy), model, cancellationToken, everyCall: true);

    /// <summary>The data operations in pieces of syntax, in document order, repeats included (a second SaveChanges after
    /// more changes is a fact; eShopOnContainers' CatalogContextSeed saves after each of its three AddRanges, and listing
    /// each operation once read as if only the first were saved). Also used for seeding code. With
    /// <paramref name="everyCall"/> (a transaction's "in order" list) calls of the project's own methods and delegates are
    /// named too, and a call that runs only on a branch or on an exception says so. With <paramref name="admits"/>, only the
    /// nodes it admits are described (a join's list: the calls made through the joining context).</summary>
    public static EquatableArray<string> OperationsIn(IEnumerable<SyntaxNode> scopes, SemanticModel model, CancellationToken cancellationToken, bool everyCall = false,
        System.Func<SyntaxNode, bool>? admits = null)
    {
        var operations = new List<string>();
        var pieces = scopes.ToList();
        // A transaction declared mid-block (`using var tx = ...;`) reaches to the end of the block: its pieces are the
        // statements after it, and an early exit among them guards the ones that follow it.
        var block = pieces.Count > 0 && pieces.All(p => p is StatementSyntax && p.Parent is BlockSyntax && p.Parent == pieces[0].Parent) ? pieces[0].Parent : null;
        var start = pieces.Count > 0 ? pieces[0].SpanStart : 0;
        foreach (var scope in pieces)
        {
            // Document order, so the list reads as the code runs (a creation's command, then the calls after it).
            foreach (var node in scope.DescendantNodesAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (admits is not null && !admits(node)) continue;
                var operation = node switch
                {
                    InvocationExpressionSyntax invocation => Describe(invocation, model, namesCalls: everyCall, cancellationToken),
                    ObjectCreationExpressionSyntax creation when RawSqlParser.IsCandidate(creation, cancellationToken) => RawSqlParser.Parse(creation, model, cancellationToken)?.Spec is { } sql ? Sql(sql) : null,
                    // command.CommandText = "UPDATE ...": the command's SQL, listed where its text is set.
                    AssignmentExpressionSyntax text when RawSqlParser.IsCandidate(text, cancellationToken) => RawSqlParser.Parse(text, model, cancellationToken)?.Spec is { } sql ? Sql(sql) : null,
                    _ => null,
                };
                if (operation is null) continue;
                // In order, each call where it runs: one that runs only on a branch or on an exception says so.
                if (everyCall && GuardText.Around(node, block ?? scope, start) is { } guard) operation += " (" + guard + ")";
                operations.Add(operation);
            }
        }
        return Capped(operations);
    }


    /// <summary>At most <see cref="MaxOperations"/> operations, then how many more.</summary>
    private static EquatableArray<string> Capped(List<string> operations)
    {
        if (operations.Count > MaxOperations) operations = operations.Take(MaxOperations).Append("… (" + (operations.Count - MaxOperations).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more)").ToList();
        return operations.ToEquatableArray();
    }

    /// <param name="namesCalls">A transaction's list: calls of the project's own methods and of delegates are named too
    /// (not followed), so that a boundary around them does not read as empty (dotnet/eShop's <c>TransactionBehavior</c>
    /// wraps <c>next()</c> and the context's own <c>BeginTransactionAsync</c>/<c>CommitTransactionAsync</c>).</param>
    private static string? Describe(InvocationExpressionSyntax invocation, SemanticModel model, bool namesCalls, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            // SaveChanges() in the context's own code is its save, as db.SaveChanges() is from outside (the Ombi audit found
            // a seeding transaction in its context listed as "Add …; Commit", without the save).
            var saves = SyntaxFacts.IsSaveChangesCall(invocation);
            if (!saves && !namesCalls) return null;
            var called = Semantics.Method(invocation, model, cancellationToken);
            if (saves && called.IsContextSave()) return OptionsBuilderParser.MethodName(invocation);
            return namesCalls && called is not null ? NamedCall(invocation, called, model) : null;
        }
        var name = access.Name.Identifier.ValueText;
        if (RawSqlParser.IsCandidate(invocation, cancellationToken) && RawSqlParser.Parse(invocation, model, cancellationToken)?.Spec is { } sql) return Sql(sql);
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        var receiver = OptionsBuilderParser.ReceiverType(method);
        switch (name)
        {
            case "SaveChanges" or "SaveChangesAsync" when method.IsContextSave():
                return name;
            case "Commit" or "CommitAsync" or "Rollback" or "RollbackAsync" when receiver is not null && IsTransaction(receiver):
                return name;
            case "Complete" when owner.Is("System.Transactions", "TransactionScope"):
                return name;
            // linq2db: a DataConnection ends its transaction itself too, and DataContextTransaction names its methods so.
            case "CommitTransaction" or "CommitTransactionAsync" or "RollbackTransaction" or "RollbackTransactionAsync"
                when receiver is not null && (receiver.DerivesFromOrIs("LinqToDB.Data", "DataConnection") || receiver.Is("LinqToDB", "DataContextTransaction")):
                return name;
            // EF Core: the context's current transaction, ended through its Database facade (as TransactionParser's rows).
            case "CommitTransaction" or "CommitTransactionAsync" or "RollbackTransaction" or "RollbackTransactionAsync"
                when method.ContainingType.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade"):
                return name;
            case "SaveChanges" or "SaveChangesAsync" when TransactionParser.IsMartenSession(receiver):
                return name + " (Marten)";
        }
        if (CrudParser.IsCandidate(invocation, cancellationToken) && CrudParser.Parse(invocation, model, cancellationToken)?.Spec is { Operation: not CrudOperation.Read } crud)
        {
            return crud.Api + " " + crud.Entity + (crud.Store is null ? "" : " (" + crud.Store + ")");
        }
        if (DocumentWrite(invocation, model, cancellationToken) is { } document) return document;
        if (receiver is not null && (receiver.Name.EndsWith("Repository", System.StringComparison.Ordinal) || receiver.Name.EndsWith("UnitOfWork", System.StringComparison.Ordinal)))
        {
            return receiver.Name + "." + name;
        }
        return namesCalls ? NamedCall(invocation, method, model) : null;
    }

    /// <summary>A call the list names without following it: a delegate's (<c>next() (delegate)</c>: code the caller passes
    /// in), or a method declared in this project's source (<c>OrderingContext.CommitTransactionAsync</c>, by the type
    /// that declares it, or the interface called), or a method of a context compiled in another assembly. Calls into
    /// libraries (logging, mapping) are left out.</summary>
    private static string? NamedCall(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model)
    {
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            var target = invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke" } invoke ? invoke.Expression : invocation.Expression;
            if (target is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self) target = self.Name;
            return target is IdentifierNameSyntax delegateName ? delegateName.Identifier.ValueText + "() (delegate)" : null;
        }
        var declared = method.ReducedFrom ?? method;
        if (declared.MethodKind != MethodKind.Ordinary) return null;
        if (SymbolEqualityComparer.Default.Equals(declared.ContainingAssembly, model.Compilation.Assembly)) return declared.TypeAndMemberName();
        return IsCompiledContextMethod(declared) ? declared.TypeAndMemberName() + " (not read: compiled in `" + declared.ContainingAssembly.Name + "`)" : null;
    }

    /// <summary>A method declared by a project's context compiled in another assembly (a referenced project): its body
    /// cannot be read, but leaving the call out read as if the boundary began no transaction (eShopOnContainers'
    /// <c>TransactionBehaviour</c> begins and commits through <c>OrderingContext.BeginTransactionAsync</c> and
    /// <c>CommitTransactionAsync</c>, compiled in Ordering.Infrastructure). EF Core's, Identity's and the framework's
    /// own context types are not the project's.</summary>
    private static bool IsCompiledContextMethod(IMethodSymbol declared) =>
        declared.ContainingType is { } type && type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext")
        && !type.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore") && !type.IsInNamespaceOrBelow("Microsoft.AspNetCore")
        && !type.IsInNamespaceOrBelow("Microsoft.Extensions");

    /// <summary>A document-store write (MongoDB, LiteDB, Marten): <c>Store OrderEvents.Order (Marten)</c>.</summary>
    private static string? DocumentWrite(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!DocumentCrudParser.IsCandidate(invocation, cancellationToken)) return null;
        var write = DocumentCrudParser.Parse(invocation, model, cancellationToken)?.Specs.FirstOrDefault(s => s.Operation != CrudOperation.Read);
        return write is null ? null : write.Api + " " + write.Entity + " (" + write.Store + ")";
    }

    /// <summary>
    /// What a Marten <c>SaveChanges[Async]</c> commits, as far as the method shows it: the document writes and event-store
    /// calls made on the same session (the same field, parameter or local) earlier in the same body, after the previous
    /// <c>SaveChanges</c> on it, in the order the code queues them, repeats included. Calls in nested lambdas and local functions are left out (when they run is not known);
    /// operations queued by other methods are not followed. Empty when the session is not a plain name.
    /// </summary>
    public static EquatableArray<string> MartenPendingOperations(InvocationExpressionSyntax saveChanges, SemanticModel model, CancellationToken cancellationToken)
    {
        if (saveChanges.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }) return EquatableArray<string>.Empty;
        var session = SessionSymbol(receiver, model, cancellationToken);
        var body = saveChanges.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
                                                                  or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (session is null || body is null) return EquatableArray<string>.Empty;
        var operations = new List<string>();
        foreach (var invocation in body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (invocation.SpanStart >= saveChanges.SpanStart) break;
            if (invocation.Expression is not MemberAccessExpressionSyntax access) continue;
            // session.X(...) or session.Events.X(...)
            var root = access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Events", Expression: var events } ? events : access.Expression;
            if (!SymbolEqualityComparer.Default.Equals(SessionSymbol(root, model, cancellationToken), session)) continue;
            var name = access.Name.Identifier.ValueText;
            if (name is "SaveChanges" or "SaveChangesAsync")
            {
                operations.Clear(); // committed by the earlier call
                continue;
            }
            string? operation = null;
            if (MartenParser.IsCandidate(invocation, cancellationToken) && MartenParser.Parse(invocation, model, cancellationToken)?.Event is { Kind: "stream started" or "events appended" } appended)
            {
                operation = "Events." + name + (appended.Subject is null ? "" : " " + appended.Subject)
                            + (appended.Events.IsEmpty ? "" : " (" + string.Join(", ", appended.Events) + ")");
            }
            else if (DocumentWrite(invocation, model, cancellationToken) is { } write)
            {
                operation = write;
            }
            if (operation is not null) operations.Add(operation);
        }
        // Every call, repeats included, as the transactions' lists (two documents stored are two operations).
        return Capped(operations);
    }

    /// <summary>The field, property, parameter or local a session expression names (<c>session</c>, <c>this._session</c>).</summary>
    private static ISymbol? SessionSymbol(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self) expression = self;
        else if (expression is not IdentifierNameSyntax) return null;
        return Semantics.SymbolOrMethod(expression, model, cancellationToken) is { Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Parameter or SymbolKind.Local } symbol ? symbol : null;
    }

    /// <summary>ADO.NET (<c>DbTransaction</c>, <c>IDbTransaction</c>), EF Core (<c>IDbContextTransaction</c>) and linq2db
    /// (<c>DataConnectionTransaction</c>, <c>DataContextTransaction</c>) transactions.</summary>
    private static bool IsTransaction(ITypeSymbol type) =>
        type.Is("LinqToDB.Data", "DataConnectionTransaction") || type.Is("LinqToDB", "DataContextTransaction") ||
        type.DerivesFromOrIs("System.Data.Common", "DbTransaction") || type.Is("System.Data", "IDbTransaction")
        || type.AllInterfaces.Any(i => i.Is("System.Data", "IDbTransaction"))
        || type.Is("Microsoft.EntityFrameworkCore.Storage", "IDbContextTransaction") || type.AllInterfaces.Any(i => i.Is("Microsoft.EntityFrameworkCore.Storage", "IDbContextTransaction"));

    /// <summary>The SQL's API, statement kind and tables; a stored procedure call with the procedure's name (no table).</summary>
    private static string Sql(RawSqlSpec sql) =>
        sql.Api + (sql.Statement is null ? "" : " " + sql.Statement) + (sql.Procedure is { Name: { } procedure } ? " " + CodeSpan.Of(procedure) : "")
        + (sql.Tables.IsEmpty ? "" : " " + string.Join(", ", sql.Tables));
}
