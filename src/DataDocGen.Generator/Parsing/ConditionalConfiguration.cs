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
        foreach (var guard in Guards(node, body))
        {
            // The nearest guard names the condition.
            return guard.Kind switch
            {
                GuardKind.EarlyExit => EarlyExits.Negated(guard.Condition!) is { } negated ? CodeSpan.Of(negated) : "a condition",
                GuardKind.Else => CodeText.Condition(guard.Condition!) is { } code ? CodeSpan.Of("not (" + code + ")") : "a condition",
                GuardKind.Switch => guard.Label is { Conditional: true, Code: { } label } ? CodeSpan.Of(label) : "a `switch` case",
                GuardKind.Catch => "an exception",
                _ => Code(guard.Condition!),
            };
        }
        return null;
    }

    /// <summary>When every condition <paramref name="node"/> runs under inside <paramref name="body"/> is a check of the
    /// context's provider (<see cref="ProviderChecks"/>): those checks, all of which must hold, with the condition's text
    /// (<paramref name="text"/>, from <see cref="Of"/>). Null when there is no condition or one that is not such a check.</summary>
    /// <param name="facades">Parameters of the helper being read that hold the context's <c>Database</c> (<see cref="ProviderChecks.FacadeParameters"/>).</param>
    public static ProviderCondition? ProviderOnly(SyntaxNode node, SyntaxNode body, string text, SemanticModel model, CancellationToken cancellationToken,
        IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        var checks = new List<string>();
        foreach (var guard in Guards(node, body))
        {
            var check = guard.Kind switch
            {
                // The code runs when the condition is false: after an exit, in an else, a `?:`'s false arm, the right of ||.
                GuardKind.EarlyExit or GuardKind.Else or GuardKind.WhenFalse or GuardKind.Or => ProviderChecks.Negate(ProviderChecks.Of(guard.Condition!, model, cancellationToken, facades)),
                GuardKind.If or GuardKind.WhenTrue or GuardKind.And => ProviderChecks.Of(guard.Condition!, model, cancellationToken, facades),
                _ => null, // ??, a switch case, a catch: no provider check
            };
            if (check is null) return null;
            checks.Add(check);
        }
        return checks.Count == 0 ? null : new ProviderCondition(checks.Distinct().ToEquatableArray(), text);
    }

    private enum GuardKind { EarlyExit, If, Else, WhenTrue, WhenFalse, And, Or, Coalesce, Switch, Catch }

    private readonly record struct Guard(GuardKind Kind, ExpressionSyntax? Condition, SwitchLabels.Label? Label = null);

    /// <summary>What <paramref name="node"/> waits on inside <paramref name="body"/>, nearest first: early exits before it in
    /// a block (the nearest first), the <c>if</c> or <c>else</c> it is in, a <c>?:</c> arm, the right of <c>&amp;&amp;</c>,
    /// <c>||</c> or <c>??</c>, a <c>switch</c> case, a <c>catch</c>.</summary>
    private static IEnumerable<Guard> Guards(SyntaxNode node, SyntaxNode body)
    {
        for (var child = node; child != body && child.Parent is { } parent; child = parent)
        {
            var exits = EarlyExits.Guarding(parent, child);
            for (var i = exits.Count - 1; i >= 0; i--) yield return new Guard(GuardKind.EarlyExit, exits[i]);
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    yield return new Guard(GuardKind.If, ifStatement.Condition);
                    break;
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                    yield return new Guard(GuardKind.Else, elseOf.Condition);
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue || child == conditional.WhenFalse:
                    yield return new Guard(child == conditional.WhenTrue ? GuardKind.WhenTrue : GuardKind.WhenFalse, conditional.Condition);
                    break;
                case BinaryExpressionSyntax binary when child == binary.Right && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                    yield return new Guard(binary.Kind() switch { SyntaxKind.LogicalAndExpression => GuardKind.And, SyntaxKind.LogicalOrExpression => GuardKind.Or, _ => GuardKind.Coalesce }, binary.Left);
                    break;
                case SwitchSectionSyntax section:
                    yield return new Guard(GuardKind.Switch, null, child is StatementSyntax ? SwitchLabels.Section(section) : null);
                    break;
                case SwitchExpressionArmSyntax arm:
                    yield return new Guard(GuardKind.Switch, null, child == arm.Expression ? SwitchLabels.Arm(arm) : null);
                    break;
                case CatchClauseSyntax:
                    yield return new Guard(GuardKind.Catch, null);
                    break;
            }
        }
    }

    /// <summary>The reason reported for configuration under <paramref name="condition"/>.</summary>
    public static string Reason(string condition) => "configuration under a condition DataDocGen does not evaluate (" + condition + ")";

    private static string Code(ExpressionSyntax condition) => CodeText.Condition(condition) is { } code ? CodeSpan.Of(code) : "a condition";
}
