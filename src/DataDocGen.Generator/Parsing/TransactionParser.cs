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
                or "SaveChanges" or "SaveChangesAsync" or "EnlistTransaction",
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
                    else if (receiver.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade"))
                    {
                        // UseTransaction enlists the context in a transaction begun elsewhere (an ADO.NET one, shared): no new boundary.
                        kind = name == "CreateExecutionStrategy" ? "EF Core execution strategy"
                            : name.StartsWith("UseTransaction", System.StringComparison.Ordinal) ? "EF Core joins an existing transaction" : "EF Core transaction";
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
            // A join (UseTransaction, EnlistTransaction) adds no boundary: its work is the joined transaction's.
            var joins = kind.StartsWith("EF Core joins", System.StringComparison.Ordinal) || kind.EndsWith("System.Transactions transaction", System.StringComparison.Ordinal);
            var operations = kind.EndsWith("System.Transactions transaction", System.StringComparison.Ordinal) ? default
                : TransactionBodyReader.Operations(site, kind == "EF Core execution strategy", model, cancellationToken);
            var extentUnknown = !joins && !TransactionBodyReader.Extent(site, kind == "EF Core execution strategy").Any();
            var sources = site is ObjectCreationExpressionSyntax scope && Enlists(scope, model, cancellationToken)
                ? AmbientDataSources.In(TransactionBodyReader.Extent(site, isExecutionStrategy: false), model, cancellationToken) : default;
            return new TransactionResult(new TransactionSpec(kind, detail, CodeText.MemberName(site, model, cancellationToken), CodeText.EnclosingCondition(site, null), SourceLocation.From(site), operations, sources, extentUnknown), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new TransactionResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

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
