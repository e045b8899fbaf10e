using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Model configuration that runs only under a condition: <c>if (legacy) modelBuilder.Entity&lt;Order&gt;().ToTable("orders_v1");</c>,
/// an <c>else</c>, a conditional expression, a <c>switch</c> case, a <c>catch</c>, the right of <c>&amp;&amp;</c>, <c>||</c> or
/// <c>??</c>, or the code after an early exit
/// (<see cref="EarlyExits"/>). DataDocGen does not evaluate such conditions, so the configuration is reported as not
/// evaluated at its line (the context's tables are withheld) instead of being applied as if it always ran: a table
/// renamed only for one provider was listed under that name before (a wrong fact). Loops over the model's metadata
/// (<see cref="ModelLoopReader"/>) read their own conditions; other loops are not conditions here (what runs in them is
/// not evaluated for other reasons: a type chosen at run time, a name held in a variable).
/// </summary>
internal static class ConditionalConfiguration
{
    /// <summary>The condition <paramref name="node"/> runs under inside <paramref name="body"/>, as the report words it; null
    /// when it always runs with the body.</summary>
    public static string? Of(SyntaxNode node, SyntaxNode body, ModelLoops? loops)
    {
        // Inside a loop over the model's metadata, ModelLoopReader reads the conditions.
        if (loops is not null && loops.Loops.Exists(l => l.Contains(node.Span))) return null;
        for (var child = node; child != body && child.Parent is { } parent; child = parent)
        {
            if (EarlyExits.Guarding(parent, child) is { Count: > 0 } exits) return EarlyExits.Negated(exits[exits.Count - 1]) is { } negated ? CodeSpan.Of(negated) : "a condition";
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    return Code(ifStatement.Condition);
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                    return CodeText.Condition(elseOf.Condition) is { } code ? CodeSpan.Of("not (" + code + ")") : "a condition";
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue || child == conditional.WhenFalse:
                    return Code(conditional.Condition);
                case BinaryExpressionSyntax binary when child == binary.Right
                                                        && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                    return Code(binary.Left);
                case SwitchSectionSyntax or SwitchExpressionArmSyntax:
                    return "a `switch` case";
                case CatchClauseSyntax:
                    return "an exception";
            }
        }
        return null;
    }

    /// <summary>When every condition <paramref name="node"/> runs under inside <paramref name="body"/> is a check of the
    /// context's provider (<see cref="ProviderChecks"/>): those checks, all of which must hold, with the condition's text
    /// (<paramref name="text"/>, from <see cref="Of"/>). Null when there is no condition or one that is not such a check.</summary>
    public static ProviderCondition? ProviderOnly(SyntaxNode node, SyntaxNode body, string text, SemanticModel model, CancellationToken cancellationToken)
    {
        var checks = new List<string>();
        for (var child = node; child != body && child.Parent is { } parent; child = parent)
        {
            // After `if (!Database.IsNpgsql()) return;` the code runs when every exit's condition is false.
            foreach (var exit in EarlyExits.Guarding(parent, child))
            {
                if (ProviderChecks.Negate(ProviderChecks.Of(exit, model, cancellationToken)) is not { } afterExit) return null;
                checks.Add(afterExit);
            }
            string? check;
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    check = ProviderChecks.Of(ifStatement.Condition, model, cancellationToken);
                    break;
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                    check = ProviderChecks.Negate(ProviderChecks.Of(elseOf.Condition, model, cancellationToken));
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue || child == conditional.WhenFalse:
                    check = ProviderChecks.Of(conditional.Condition, model, cancellationToken);
                    if (child == conditional.WhenFalse) check = ProviderChecks.Negate(check);
                    break;
                case BinaryExpressionSyntax binary when child == binary.Right && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression:
                    check = ProviderChecks.Of(binary.Left, model, cancellationToken);
                    if (binary.Kind() == SyntaxKind.LogicalOrExpression) check = ProviderChecks.Negate(check);
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when child == coalesce.Right:
                case SwitchSectionSyntax or SwitchExpressionArmSyntax or CatchClauseSyntax:
                    return null;
                default:
                    continue;
            }
            if (check is null) return null;
            checks.Add(check);
        }
        return checks.Count == 0 ? null : new ProviderCondition(checks.Distinct().ToEquatableArray(), text);
    }

    /// <summary>The reason reported for configuration under <paramref name="condition"/>.</summary>
    public static string Reason(string condition) => "configuration under a condition DataDocGen does not evaluate (" + condition + ")";

    private static string Code(ExpressionSyntax condition) => CodeText.Condition(condition) is { } code ? CodeSpan.Of(code) : "a condition";
}
