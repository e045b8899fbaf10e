using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>What <see cref="DeclarationBinder.ConstantOf"/> could tell: a constant's value, that the expression is not
/// a constant, or nothing (the binder must answer).</summary>
internal readonly struct Constant
{
    private Constant(bool known, bool isConstant, object? value)
    {
        Known = known;
        IsConstant = isConstant;
        Value = value;
    }

    public bool Known { get; }
    public bool IsConstant { get; }
    public object? Value { get; }

    public static Constant Unknown => default;
    public static Constant NotConstant => new(true, false, null);
    public static Constant Of(object? value) => new(true, true, value);

    public Optional<object?> ToOptional() => IsConstant ? new Optional<object?>(Value) : default;
}

internal static partial class DeclarationBinder
{
    /// <summary>The compile-time value of an expression (as <c>SemanticModel.GetConstantValue</c> gives it), from
    /// literals, const fields and locals, string concatenation and constant interpolations.</summary>
    public static Constant ConstantOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        IsValue(expression) && Scope.For(expression, model) is { } scope ? ConstantOf(expression, scope, cancellationToken, 0) : Constant.Unknown;

    private static Constant ConstantOf(ExpressionSyntax expression, Scope scope, CancellationToken cancellationToken, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth) return Constant.Unknown;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return Constant.Of(null);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                return Constant.Unknown;
            case LiteralExpressionSyntax literal:
                return literal.Token.Value is { } value ? Constant.Of(value) : Constant.Unknown;
            case ParenthesizedExpressionSyntax parenthesized:
                return ConstantOf(parenthesized.Expression, scope, cancellationToken, depth + 1);
            case IdentifierNameSyntax identifier when scope.Local(identifier.Identifier.ValueText, identifier.SpanStart) is { } local:
                if (local.Kind != LocalKind.Declared) return Constant.Unknown;
                var isConst = local.Type?.Parent?.Parent is LocalDeclarationStatementSyntax { IsConst: true };
                return isConst && local.Initializer is { } initializer ? ConstantOf(initializer, scope, cancellationToken, depth + 1) : isConst ? Constant.Unknown : Constant.NotConstant;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return SymbolOf(expression, scope, cancellationToken, depth + 1) switch
                {
                    IFieldSymbol { HasConstantValue: true } field => Constant.Of(field.ConstantValue),
                    IFieldSymbol or IPropertySymbol or IParameterSymbol => Constant.NotConstant,
                    _ => Constant.Unknown,
                };
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
            {
                var left = ConstantOf(binary.Left, scope, cancellationToken, depth + 1);
                var right = ConstantOf(binary.Right, scope, cancellationToken, depth + 1);
                if (left is { Known: true, IsConstant: false } || right is { Known: true, IsConstant: false }) return Constant.NotConstant;
                return left is { IsConstant: true, Value: string a } && right is { IsConstant: true, Value: string b } ? Constant.Of(a + b) : Constant.Unknown;
            }
            case InterpolatedStringExpressionSyntax interpolated:
            {
                var text = new System.Text.StringBuilder();
                var notConstant = false;
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax part)
                    {
                        text.Append(part.TextToken.ValueText);
                        continue;
                    }
                    var hole = (InterpolationSyntax)content;
                    var holeValue = ConstantOf(hole.Expression, scope, cancellationToken, depth + 1);
                    if (holeValue is { Known: true, IsConstant: false }) notConstant = true;
                    else if (hole.AlignmentClause is null && hole.FormatClause is null && holeValue is { IsConstant: true, Value: string piece }) text.Append(piece);
                    else return notConstant ? Constant.NotConstant : Constant.Unknown;
                }
                return notConstant ? Constant.NotConstant : Constant.Of(text.ToString());
            }
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                return Constant.Unknown;
            case InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AnonymousFunctionExpressionSyntax
                or AwaitExpressionSyntax or ThisExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
                or AnonymousObjectCreationExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax:
                return Constant.NotConstant;
            default:
                return Constant.Unknown;
        }
    }
}
