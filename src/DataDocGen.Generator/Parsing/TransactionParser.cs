using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Explicit transaction boundaries: EF Core's <c>Database.BeginTransaction[Async]</c>/<c>UseTransaction</c>,
/// ADO.NET <c>BeginTransaction</c> on a connection, linq2db's <c>BeginTransaction[Async]</c> on a <c>DataConnection</c> or
/// <c>DataContext</c>, <c>new TransactionScope(...)</c>, EF Core execution strategies, and
/// Marten's unit of work (<c>IDocumentSession.SaveChanges[Async]</c>, which commits the session's pending operations in one
/// transaction). Each is confirmed by its symbol.</summary>
internal static class TransactionParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } =>
            access.Name.Identifier.ValueText is "BeginTransaction" or "BeginTransactionAsync" or "UseTransaction" or "UseTransactionAsync" or "CreateExecutionStrategy"
                or "SaveChanges" or "SaveChangesAsync" or "EnlistTransaction"
                or "CommitTransaction" or "CommitTransactionAsync" or "RollbackTransaction" or "RollbackTransactionAsync"
            // strategy.Execute*(...) on a local holding a strategy (read when the strategy runs more than once).
            || access is { Expression: IdentifierNameSyntax, Name.Identifier.ValueText: "Execute" or "ExecuteAsync" or "ExecuteInTransaction" or "ExecuteInTransactionAsync" },
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ImplicitDistributedTransactions" } } => true,
        ObjectCreationExpressionSyntax creation => creation.Type is IdentifierNameSyntax { Identifier.ValueText: "TransactionScope" } or QualifiedNameSyntax { Right.Identifier.ValueText: "TransactionScope" },
        _ => false,
    };

    public static TransactionResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            string? kind = null;
            string? detail = null;
            switch (context.Node)
            {
                case AssignmentExpressionSyntax assignment:
                    return DistributedSwitch(assignment, model, cancellationToken);
                case ObjectCreationExpressionSyntax creation when Semantics.TypeOf(creation, model, cancellationToken).Is("System.Transactions", "TransactionScope"):
                    kind = "TransactionScope";
                    detail = OptionsBuilderParser.RenderCall("new TransactionScope", creation.ArgumentList ?? SyntaxFactoryArgumentList());
                    break;
                case InvocationExpressionSyntax execute when execute.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Execute" or "ExecuteAsync" or "ExecuteInTransaction" or "ExecuteInTransactionAsync" }:
                    return StrategyRun(execute, model, cancellationToken);
                case InvocationExpressionSyntax invocation when Semantics.Method(invocation, model, cancellationToken) is { } method:
                    var receiver = OptionsBuilderParser.ReceiverType(method);
                    var name = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
                    if (name is "SaveChanges" or "SaveChangesAsync")
                    {
                        // Marten's unit of work: the session's pending operations are committed in one transaction. (EF Core's
                        // SaveChanges is listed where it runs inside an explicit boundary, not as a boundary of its own.)
                        if (!IsMartenSession(receiver) || !method.ContainingType.IsInNamespaceOrBelow("Marten")) return null;
                        var call = (MemberAccessExpressionSyntax)invocation.Expression;
                        var pending = TransactionBodyReader.MartenPendingOperations(invocation, model, cancellationToken);
                        return new TransactionResult(new TransactionSpec("Marten unit of work", OptionsBuilderParser.RenderCall(name, invocation.ArgumentList),
                            CodeText.MemberName(invocation, model, cancellationToken), CodeText.EnclosingCondition(invocation, null), SourceLocation.From(call.Name), pending), null);
                    }
                    if (name == "EnlistTransaction")
                    {
                        // EnlistTransaction(transaction): a connection or context joins a System.Transactions transaction by hand.
                        // EF Core's is System.Transactions.TransactionsDatabaseFacadeExtensions (in EF Core's own assembly).
                        kind = receiver.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade") && (method.ReducedFrom ?? method).ContainingType.Is("System.Transactions", "TransactionsDatabaseFacadeExtensions")
                                ? "EF Core joins a System.Transactions transaction"
                            : receiver is not null && receiver.IsAdoConnection() ? "ADO.NET joins a System.Transactions transaction" : null;
                    }
                    else if (name is "CommitTransaction" or "CommitTransactionAsync" or "RollbackTransaction" or "RollbackTransactionAsync")
                    {
                        // Database.CommitTransaction[Async]()/RollbackTransaction[Async](): the context's current transaction
                        // ends here, wherever it was begun (a unit of work's Commit/Rollback). DatabaseFacade's own methods only.
                        if (!method.ContainingType.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade")) return null;
                        kind = name.StartsWith("Commit", System.StringComparison.Ordinal) ? CommitsCurrent : RollsBackCurrent;
                    }
                    else if (receiver.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade"))
                    {
                        // UseTransaction enlists the context in a transaction begun elsewhere (an ADO.NET one, shared): no new boundary.
                        // A strategy stored in a local and run more than once: one row per Execute* call (StrategyRun).
                        if (name == "CreateExecutionStrategy" && TransactionBodyReader.StrategyLocal(invocation) is { } local
                            && ConfirmedRuns(local, model, cancellationToken).Count > 1) return null;
                        // UseTransaction(null): the context stops using the transaction it joined; it joins none.
                        if (name.StartsWith("UseTransaction", System.StringComparison.Ordinal) && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression
                                is LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression }) return null;
                        kind = name == "CreateExecutionStrategy" ? ExecutionStrategy
                            : name.StartsWith("UseTransaction", System.StringComparison.Ordinal) ? JoinsExisting : "EF Core transaction";
                    }
                    else if (name.StartsWith("BeginTransaction", System.StringComparison.Ordinal) && receiver is not null
                             && (receiver.DerivesFromOrIs("LinqToDB.Data", "DataConnection") || receiver.DerivesFromOrIs("LinqToDB", "DataContext"))
                             && method.ContainingType.IsInNamespaceOrBelow("LinqToDB"))
                    {
                        // DataConnection.BeginTransaction[Async] (a DataConnection is no DbConnection) and DataContext's.
                        kind = "linq2db transaction";
                    }
                    else if (name.StartsWith("BeginTransaction", System.StringComparison.Ordinal) && receiver is not null && receiver.IsAdoConnection())
                    {
                        kind = "ADO.NET transaction";
                    }
                    detail = OptionsBuilderParser.RenderCall(name, invocation.ArgumentList);
                    break;
            }
            if (kind is null || detail is null) return null;
            var site = context.Node;
            // A join (UseTransaction, EnlistTransaction) adds no boundary: its work is the joined transaction's. Nor does
            // ending the current transaction (CommitTransaction, RollbackTransaction).
            var controls = kind is CommitsCurrent or RollsBackCurrent;
            var joins = controls || kind.StartsWith("EF Core joins", System.StringComparison.Ordinal) || kind.EndsWith("System.Transactions transaction", System.StringComparison.Ordinal);
            var operations = controls || kind.EndsWith("System.Transactions transaction", System.StringComparison.Ordinal) ? default
                : TransactionBodyReader.Operations(site, kind == ExecutionStrategy, model, cancellationToken);
            // The caller's transaction, handed in as a parameter: its row is the caller's, which cannot list this method's
            // writes, so the join lists them (a join of a transaction begun here keeps an empty list).
            var joinedParameter = kind == JoinsExisting && site is InvocationExpressionSyntax join ? CallerTransactionJoin.Parameter(join, model, cancellationToken) : null;
            if (joinedParameter is not null) operations = CallerTransactionJoin.Operations((InvocationExpressionSyntax)site, model, cancellationToken);
            var extentUnknown = !joins && !TransactionBodyReader.Extent(site, kind == ExecutionStrategy).Any();
            var sources = site is ObjectCreationExpressionSyntax scope && Enlists(scope, model, cancellationToken)
                ? AmbientDataSources.In(TransactionBodyReader.Extent(site, isExecutionStrategy: false), model, cancellationToken) : default;
            return new TransactionResult(new TransactionSpec(kind, detail, CodeText.MemberName(site, model, cancellationToken), CodeText.EnclosingCondition(site, null), SourceLocation.From(site), operations, sources, extentUnknown,
                joinedParameter), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new TransactionResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    internal const string ExecutionStrategy = "EF Core execution strategy";
    internal const string JoinsExisting = "EF Core joins an existing transaction";
    internal const string CommitsCurrent = "EF Core commits the current transaction";
    internal const string RollsBackCurrent = "EF Core rolls back the current transaction";

    /// <summary>
    /// <c>strategy.Execute*(...)</c> on a local holding <c>Database.CreateExecutionStrategy()</c> that runs more than once
    /// (Ombi's <c>OmbiContext.Seed</c>: two transactions, each in its own <c>strat.Execute</c>): each call is a unit the
    /// strategy retries on its own, so each is a row, cited at the call, listing its own lambda's operations. A strategy run
    /// once stays the row at <c>CreateExecutionStrategy()</c>. Each call is confirmed as EF Core's.
    /// </summary>
    private static TransactionResult? StrategyRun(InvocationExpressionSyntax execute, SemanticModel model, CancellationToken cancellationToken)
    {
        if (TransactionBodyReader.StrategyDeclaration(execute) is not { } declarator) return null;
        var runs = ConfirmedRuns(declarator, model, cancellationToken);
        if (runs.Count < 2 || !runs.Contains(execute)) return null;
        var create = (InvocationExpressionSyntax)declarator.Initializer!.Value;
        if (Semantics.Method(create, model, cancellationToken) is not { } method
            || !OptionsBuilderParser.ReceiverType(method).Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade")) return null;
        var name = ((MemberAccessExpressionSyntax)execute.Expression).Name;
        var extent = TransactionBodyReader.ExecuteExtent(execute).ToList();
        var operations = TransactionBodyReader.OperationsIn(extent, model, cancellationToken, everyCall: true);
        return new TransactionResult(new TransactionSpec(ExecutionStrategy, OptionsBuilderParser.RenderCall(name.Identifier.ValueText, execute.ArgumentList),
            CodeText.MemberName(execute, model, cancellationToken), CodeText.EnclosingCondition(execute, null), SourceLocation.From(name), operations, default, extent.Count == 0), null);
    }

    /// <summary>The <c>Execute*</c> calls on a strategy's local that bind to EF Core's methods (<c>IExecutionStrategy</c>,
    /// <c>ExecutionStrategyExtensions</c>, <c>RelationalExecutionStrategyExtensions</c>) on that very local.</summary>
    private static System.Collections.Generic.List<InvocationExpressionSyntax> ConfirmedRuns(VariableDeclaratorSyntax declarator, SemanticModel model, CancellationToken cancellationToken) =>
        TransactionBodyReader.ExecuteCallsOn(declarator).Where(call =>
                Semantics.SymbolOf(((MemberAccessExpressionSyntax)call.Expression).Expression, model, cancellationToken) is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == declarator.SyntaxTree && r.Span == declarator.Span)
                && Semantics.Method(call, model, cancellationToken) is { } method
                && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
            .ToList();

    /// <summary><c>TransactionManager.ImplicitDistributedTransactions = value</c>: whether System.Transactions may promote a
    /// transaction to a distributed one (MSDTC, Windows only); without it, .NET throws where it would.</summary>
    private static TransactionResult? DistributedSwitch(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        var target = (MemberAccessExpressionSyntax)assignment.Left;
        if (Semantics.SymbolOf(target, model, cancellationToken) is not IPropertySymbol { IsStatic: true } property
            || !property.ContainingType.Is("System.Transactions", "TransactionManager")) return null;
        var value = Semantics.ConstantOf(assignment.Right, model, cancellationToken) is { HasValue: true, Value: bool constant }
            ? (constant ? "true" : "false") : CodeText.Condition(assignment.Right);
        return new TransactionResult(new TransactionSpec("distributed transactions switch", "TransactionManager.ImplicitDistributedTransactions = " + value,
            CodeText.MemberName(assignment, model, cancellationToken), CodeText.EnclosingCondition(assignment, null), SourceLocation.From(target.Name)), null);
    }

    /// <summary>Whether the connections opened in a scope's body enlist in its transaction, as far as the code shows it: not
    /// under <c>TransactionScopeOption.Suppress</c> or an option DataDocGen cannot read, not with another scope nested
    /// inside (its connections enlist there), and not across an <c>await</c> unless the scope flows
    /// (<c>TransactionScopeAsyncFlowOption.Enabled</c>: without it the ambient transaction does not follow the continuation).</summary>
    private static bool Enlists(ObjectCreationExpressionSyntax scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var flows = false;
        foreach (var argument in scope.ArgumentList?.Arguments ?? default)
        {
            var type = Semantics.TypeOf(argument.Expression, model, cancellationToken);
            if (type.Is("System.Transactions", "TransactionScopeOption"))
            {
                if (argument.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Required" or "RequiresNew" }) return false;
            }
            else if (type.Is("System.Transactions", "TransactionScopeAsyncFlowOption"))
            {
                flows = argument.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Enabled" };
            }
        }
        foreach (var body in TransactionBodyReader.Extent(scope, isExecutionStrategy: false))
        {
            foreach (var node in body.DescendantNodesAndSelf())
            {
                if (node is ObjectCreationExpressionSyntax nested && TransactionParser.IsCandidate(nested, cancellationToken)) return false;
                if (!flows && node is AwaitExpressionSyntax) return false;
                if (!flows && node is ForEachStatementSyntax { AwaitKeyword.RawKind: not 0 }) return false;
                if (!flows && node is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: not 0 }) return false;
                if (!flows && node is UsingStatementSyntax { AwaitKeyword.RawKind: not 0 }) return false;
            }
        }
        return true;
    }

/// <summary>Marten's <c>IDocumentSession</c> (the unit of work), or a type implementing it.</summary>
    internal static bool IsMartenSession(ITypeSymbol? type) =>
        type is not null && (type.Is("Marten", "IDocumentSession") || type.AllInterfaces.Any(i => i.Is("Marten", "IDocumentSession")));

        private static ArgumentListSyntax SyntaxFactoryArgumentList() => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ArgumentList();
}

internal sealed record TransactionResult(TransactionSpec? Transaction, string? Error);
