using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Turns a DbUp resource-name filter into a <see cref="DbUpNameFilter"/> when it is a lambda over the name made only of
/// <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, parentheses and <c>name.StartsWith/EndsWith/Contains("constant"[, StringComparison.X])</c>
/// (System.String's methods). Anything else (a method group, a variable, another call) returns null: decided at run time.
/// </summary>
internal static class DbUpFilterReader
{
    public static DbUpNameFilter? Read(ExpressionSyntax filter, SemanticModel model, CancellationToken cancellationToken)
    {
        var (parameter, body) = filter switch
        {
            SimpleLambdaExpressionSyntax simple => (simple.Parameter.Identifier.ValueText, simple.ExpressionBody),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } lambda => (lambda.ParameterList.Parameters[0].Identifier.ValueText, lambda.ExpressionBody),
            _ => (null, null),
        };
        return parameter is null || body is null ? null : Node(body, parameter, model, cancellationToken);
    }

    private static DbUpNameFilter? Node(ExpressionSyntax expression, string parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Node(parenthesized.Expression, parameter, model, cancellationToken);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Node(not.Operand, parameter, model, cancellationToken) is { } operand ? new DbUpNameFilter("Not", null, null, new[] { operand }.ToEquatableArray()) : null;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression):
                var left = Node(binary.Left, parameter, model, cancellationToken);
                var right = left is null ? null : Node(binary.Right, parameter, model, cancellationToken);
                return right is null ? null : new DbUpNameFilter(binary.IsKind(SyntaxKind.LogicalAndExpression) ? "And" : "Or", null, null, new[] { left!, right }.ToEquatableArray());
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name.Identifier.ValueText: "StartsWith" or "EndsWith" or "Contains" } access } call
                when receiver.Identifier.ValueText == parameter && call.ArgumentList.Arguments.Count is 1 or 2:
                if (Semantics.SymbolOrMethod(call, model, cancellationToken) is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String } method
                    || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                    || model.ConstantString(call.ArgumentList.Arguments[0].Expression, cancellationToken) is not { } value)
                {
                    return null;
                }
                string? comparison = null;
                if (call.ArgumentList.Arguments.Count == 2)
                {
                    // Only a StringComparison member written out: a bool/CultureInfo overload or a variable is not evaluated.
                    if (Semantics.SymbolOrMethod(call.ArgumentList.Arguments[1].Expression, model, cancellationToken) is not IFieldSymbol { ContainingType: var enumType } field
                        || !enumType.Is("System", "StringComparison"))
                    {
                        return null;
                    }
                    comparison = field.Name;
                }
                return new DbUpNameFilter(access.Name.Identifier.ValueText, value, comparison);
            default:
                return null;
        }
    }
}
