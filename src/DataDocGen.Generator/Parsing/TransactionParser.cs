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
                or "SaveChanges" or "SaveChangesAsync",
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
                    if (receiver.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade"))
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
                    else if (name.StartsWith("BeginTransaction", System.StringComparison.Ordinal) && receiver is not null
                             && (receiver.Is("System.Data.Common", "DbConnection") || receiver.DerivesFrom("System.Data.Common", "DbConnection")
                                 || receiver.Is("System.Data", "IDbConnection") || receiver.AllInterfaces.Any(i => i.Is("System.Data", "IDbConnection"))))
                    {
                        kind = "ADO.NET transaction";
                    }
                    detail = OptionsBuilderParser.RenderCall(name, invocation.ArgumentList);
                    break;
            }
            if (kind is null || detail is null) return null;
            var site = context.Node;
            var operations = TransactionBodyReader.Operations(site, kind == "EF Core execution strategy", model, cancellationToken);
            return new TransactionResult(new TransactionSpec(kind, detail, CodeText.MemberName(site, model, cancellationToken), CodeText.EnclosingCondition(site, null), SourceLocation.From(site), operations), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new TransactionResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

/// <summary>Marten's <c>IDocumentSession</c> (the unit of work), or a type implementing it.</summary>
    internal static bool IsMartenSession(ITypeSymbol? type) =>
        type is not null && (type.Is("Marten", "IDocumentSession") || type.AllInterfaces.Any(i => i.Is("Marten", "IDocumentSession")));

        private static ArgumentListSyntax SyntaxFactoryArgumentList() => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ArgumentList();
}

internal sealed record TransactionResult(TransactionSpec? Transaction, string? Error);
