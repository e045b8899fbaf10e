using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A context joining the transaction its method's caller hands in: <c>db.Database.UseTransaction(transaction)</c> or
/// <c>UseTransaction(transaction.GetDbTransaction())</c> where <c>transaction</c> is a parameter of the method the call sits
/// in directly, never assigned there (eShopOnContainers' <c>IntegrationEventLogService.SaveEventAsync(evt, transaction)</c>
/// writes its event log row in the business transaction its callers began). The caller's transaction row cannot list
/// what this method writes in it, so the join lists the operations made through the joining context after it, in its
/// own block, up to the next <c>UseTransaction</c> on that context or an assignment of it.
/// </summary>
internal static class CallerTransactionJoin
{
    /// <summary>The parameter whose transaction <paramref name="join"/> (a <c>UseTransaction[Async]</c> call confirmed as
    /// EF Core's) joins; null when the transaction is not plainly the method's own parameter.</summary>
    public static string? Parameter(InvocationExpressionSyntax join, SemanticModel model, CancellationToken cancellationToken)
    {
        if (join.ArgumentList.Arguments.Count == 0) return null;
        var argument = join.ArgumentList.Arguments[0].Expression;
        // transaction.GetDbTransaction(): EF Core's extension gives the ADO.NET transaction under an IDbContextTransaction.
        if (argument is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetDbTransaction", Expression: var held } } unwrap)
        {
            if (Semantics.Method(unwrap, model, cancellationToken) is not { } method
                || (method.ReducedFrom ?? method).ContainingType is not { Name: "DbContextTransactionExtensions" } owner
                || !owner.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null;
            argument = held;
        }
        if (argument is not IdentifierNameSyntax name || EnclosingMethod(join) is not { } declaration) return null;
        if (Semantics.SymbolOf(name, model, cancellationToken) is not IParameterSymbol { RefKind: RefKind.None or RefKind.In } parameter
            || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, model.GetDeclaredSymbol(declaration, cancellationToken))) return null;
        // Assigned in the body (or passed by reference): from there on it may not be the caller's.
        var text = parameter.Name;
        var reassigned = declaration.DescendantNodes().Any(n =>
            (n is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == text)
            || (n is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == text));
        return reassigned ? null : text;
    }

    /// <summary>The method declaration <paramref name="node"/> sits in directly: none in a lambda or local function (their
    /// parameters are not the method's caller's), an accessor or a constructor.</summary>
    private static MethodDeclarationSyntax? EnclosingMethod(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case MethodDeclarationSyntax method:
                    return method;
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary>The operations made through the joining context after <paramref name="join"/> in its block, in order (as a
    /// transaction's list), up to the next <c>UseTransaction</c> on the context or an assignment of it. Empty when the
    /// context is not a field, auto-property, parameter or local (a computed property may give another instance).</summary>
    public static EquatableArray<string> Operations(InvocationExpressionSyntax join, SemanticModel model, CancellationToken cancellationToken)
    {
        if (join.Expression is not MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Database", Expression: var contextExpression } }
            || Root(contextExpression) is not { } contextRoot || contextRoot != contextExpression
            || Holder(contextRoot, model, cancellationToken) is not { } context
            || join.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } statement)
        {
            return EquatableArray<string>.Empty;
        }
        var name = context.Name;
        var following = new List<StatementSyntax>();
        foreach (var next in block.Statements.SkipWhile(s => s != statement).Skip(1))
        {
            if (Ends(next, name)) break;
            following.Add(next);
        }
        return TransactionBodyReader.OperationsIn(following, model, cancellationToken, everyCall: true,
            admits: node => node is InvocationExpressionSyntax invocation && Root(invocation.Expression) is { } root
                            && SymbolEqualityComparer.Default.Equals(Holder(root, model, cancellationToken), context));
    }

    /// <summary>A statement that joins the context to another transaction (or to none: <c>UseTransaction(null)</c>) or
    /// assigns it, by syntax: what follows may not run in the caller's transaction.</summary>
    private static bool Ends(StatementSyntax statement, string context) =>
        statement.DescendantNodesAndSelf().Any(n =>
            (n is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Database", Expression: var owner } } }
             && method.StartsWith("UseTransaction", System.StringComparison.Ordinal) && NameOf(owner) == context)
            || (n is AssignmentExpressionSyntax { Left: var left } && NameOf(left) == context));

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The name a chain of calls and member accesses starts from (<c>db</c> in <c>db.Orders.Add(o)</c>,
    /// <c>this._db</c> in <c>this._db.SaveChanges()</c>); null for any other start.</summary>
    private static ExpressionSyntax? Root(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self:
                    return self;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    break;
                case InvocationExpressionSyntax call:
                    expression = call.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case IdentifierNameSyntax:
                    return expression;
                default:
                    return null;
            }
        }
    }

    /// <summary>The field, auto-property, parameter or local a name refers to: each use gives the same instance.</summary>
    private static ISymbol? Holder(ExpressionSyntax name, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOf(name, model, cancellationToken) switch
        {
            IFieldSymbol field => field,
            IParameterSymbol parameter => parameter,
            ILocalSymbol local => local,
            IPropertySymbol property when property.ContainingType.GetMembers().OfType<IFieldSymbol>()
                .Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property)) => property,
            _ => null,
        };
}
