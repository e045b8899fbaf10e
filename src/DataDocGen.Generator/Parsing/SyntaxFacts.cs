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

    /// <summary>The expression's value when it is a compile-time constant string, else null.</summary>
    public static string? ConstantString(this SemanticModel model, ExpressionSyntax? expression, CancellationToken cancellationToken) =>
        expression is not null && model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string text } ? text : null;

    /// <summary>The constant string value of a call's first argument, else null.</summary>
    public static string? FirstArgumentString(this SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken) =>
        call.ArgumentList.Arguments.Count == 0 ? null : model.ConstantString(call.ArgumentList.Arguments[0].Expression, cancellationToken);
}
