using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Small readings of syntax shared by the parsers.</summary>
internal static class SyntaxFacts
{
    /// <summary>The single parameter's name of <c>x => ...</c> or <c>(x) => ...</c>; null for other lambdas.</summary>
    public static string? SingleParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>The value a field, local or property declaration starts with: <c>= value</c> on a variable or a property,
    /// or a property's <c>=&gt; value</c>; null for anything else.</summary>
    public static ExpressionSyntax? Initializer(SyntaxNode? declaration) => declaration switch
    {
        VariableDeclaratorSyntax { Initializer.Value: var value } => value,
        PropertyDeclarationSyntax { Initializer.Value: var value } => value,
        PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => value,
        _ => null,
    };

    /// <summary>The expression's value when it is a compile-time constant string, else null.</summary>
    public static string? ConstantString(this SemanticModel model, ExpressionSyntax? expression, CancellationToken cancellationToken) =>
        expression is not null && Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The constant string value of a call's first argument, else null.</summary>
    public static string? FirstArgumentString(this SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments.Count == 0 ? null : model.ConstantString(call.ArgumentList.Arguments[0].Expression, cancellationToken);

    /// <summary>The name a type is written with, without namespace or type arguments: <c>SqlConnection</c> for
    /// <c>Microsoft.Data.SqlClient.SqlConnection</c>, <c>Faker</c> for <c>Faker&lt;T&gt;</c>.</summary>
    /// <summary>The expression inside any parentheses and null-forgiving <c>!</c> (<c>(customer!)</c> is <c>customer</c>).</summary>
    public static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed: expression = suppressed.Operand; break;
                default: return expression;
            }
        }
    }

    public static string RightmostName(TypeSyntax type) => type switch
    {
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        _ => string.Empty,
    };

    /// <summary>The member a selector names: <c>Email</c> for <c>x => x.Email</c>; null for any other expression.</summary>
    public static string? SelectedMember(ExpressionSyntax? selector) =>
        selector is SimpleLambdaExpressionSyntax { Body: MemberAccessExpressionSyntax access } ? access.Name.Identifier.ValueText : null;

    /// <summary>Whether <paramref name="body"/> may give the name another value: an assignment to it, or a <c>ref</c>/<c>out</c> argument.</summary>
    public static bool MayReassign(SyntaxNode body, string name) =>
        System.Linq.Enumerable.Any(body.DescendantNodes(), node => node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left.Identifier.ValueText == name,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax argument } => argument.Identifier.ValueText == name,
            _ => false,
        });

    /// <summary>The calls chained after this expression, outwards: for <c>a.B().C()</c> seen from <c>a.B()</c>, <c>C()</c>.</summary>
    public static System.Collections.Generic.IEnumerable<InvocationExpressionSyntax> CallsChainedAfter(SyntaxNode start)
    {
        var current = start;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == current)
        {
            yield return call;
            current = call;
        }
    }

    /// <summary>The name of a call made through member access (<c>x.Name(...)</c>), or null.</summary>
    public static string? CalledName(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : null;

    /// <summary>A call named <c>SaveChanges[Async]</c>, before any binding: on a receiver (<c>db.SaveChanges()</c>,
    /// <c>this.</c>, <c>base.</c>) or bare (<c>SaveChanges()</c> in the context's own code, Ombi's seeding). Whether it is
    /// a context's save is the bound method's question (<see cref="SymbolExtensions.IsContextSave"/>).</summary>
    public static bool IsSaveChangesCall(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SaveChanges" or "SaveChangesAsync" } => true,
        IdentifierNameSyntax { Identifier.ValueText: "SaveChanges" or "SaveChangesAsync" } => true,
        _ => false,
    };

    /// <summary>The expression a call is made on: <c>db</c> for <c>db.SaveChanges()</c>; null for a call on the enclosing
    /// instance (<c>SaveChanges()</c>, <c>this.SaveChanges()</c>, <c>base.SaveChanges()</c>).</summary>
    public static ExpressionSyntax? ExplicitReceiver(InvocationExpressionSyntax call) =>
        call.Expression is MemberAccessExpressionSyntax { Expression: not (ThisExpressionSyntax or BaseExpressionSyntax) } access ? access.Expression : null;
}
