using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Guard clauses that leave a block early: <c>if (!app.Environment.IsDevelopment()) return;</c>,
/// <c>if (entry.State != EntityState.Deleted) continue;</c>, <c>if (order is null) { log(); return; }</c>. The
/// statements after one run only when its condition is false, so a call below it runs under the negated condition
/// (<see cref="CodeText.EnclosingCondition"/>, <see cref="GuardText.Around"/>). Only an <c>if</c> without <c>else</c>
/// whose branch certainly leaves (ends in <c>return</c>, <c>continue</c>, <c>break</c> or <c>yield break</c>) counts.
/// A <c>throw</c> is left out on purpose: argument checks (<c>if (db is null) throw ...</c>) are preconditions whose
/// failure stops the caller, not conditions under which the code is skipped, and would put noise on every call.
/// </summary>
internal static class EarlyExits
{
    /// <summary>The conditions of the early exits before <paramref name="child"/>, a statement of the block (or switch
    /// section) <paramref name="parent"/>, or before the top-level statement <paramref name="parent"/>; in source order, empty when
    /// there are none or <paramref name="parent"/> is neither.</summary>
    public static List<ExpressionSyntax> Guarding(SyntaxNode parent, SyntaxNode child) => parent switch
    {
        BlockSyntax or SwitchSectionSyntax => Before(parent, child),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => Before(unit, parent),
        _ => new List<ExpressionSyntax>(),
    };

    private static List<ExpressionSyntax> Before(SyntaxNode parent, SyntaxNode child)
    {
        var conditions = new List<ExpressionSyntax>();
        IEnumerable<SyntaxNode> statements = parent switch
        {
            BlockSyntax block => block.Statements,
            // `case "a": if (skip) break; Migrate(); break;`: the rest of the section runs when `skip` is false.
            SwitchSectionSyntax section => section.Statements,
            CompilationUnitSyntax unit => unit.Members,
            _ => System.Array.Empty<SyntaxNode>(),
        };
        foreach (var statement in statements)
        {
            if (statement == child) return conditions;
            if (Exit(statement) is { } condition) conditions.Add(condition);
        }
        return new List<ExpressionSyntax>(); // child is not one of the statements (a member declaration after top-level code)
    }

    /// <summary>The condition of <paramref name="statement"/> when it is an early exit (a top-level one too), else null.</summary>
    public static ExpressionSyntax? Exit(SyntaxNode statement)
    {
        var inner = statement is GlobalStatementSyntax global ? global.Statement : statement;
        return inner is IfStatementSyntax { Else: null } guard && Leaves(guard.Statement) ? guard.Condition : null;
    }

    /// <summary>True when the statement certainly leaves the block it guards.</summary>
    private static bool Leaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax => true,
        YieldStatementSyntax yield => yield.IsKind(SyntaxKind.YieldBreakStatement),
        BlockSyntax { Statements.Count: > 0 } block => Leaves(block.Statements[block.Statements.Count - 1]),
        _ => false,
    };

    /// <summary>The condition under which code after an early exit runs, as code: the operand of a <c>!</c>, <c>==</c> for
    /// <c>!=</c> (and the reverse), <c>is</c> for <c>is not</c>; else <c>not (...)</c>. Null when the code is too long.</summary>
    public static string? Negated(ExpressionSyntax condition)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized) condition = parenthesized.Expression;
        switch (condition)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                var operand = not.Operand;
                while (operand is ParenthesizedExpressionSyntax inner) operand = inner.Expression;
                return CodeText.Condition(operand);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression or (int)SyntaxKind.EqualsExpression } comparison
                when CodeText.Condition(comparison.Left) is { } left && CodeText.Condition(comparison.Right) is { } right:
                return left + (comparison.IsKind(SyntaxKind.NotEqualsExpression) ? " == " : " != ") + right;
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { RawKind: (int)SyntaxKind.NotPattern } notPattern } isNot
                when CodeText.Condition(isNot.Expression) is { } tested && CodeText.Condition(notPattern.Pattern) is { } pattern:
                return tested + " is " + pattern;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } isNull
                when CodeText.Condition(isNull.Expression) is { } nullable:
                return nullable + " is not null";
        }
        return CodeText.Condition(condition) is { } code ? "not (" + code + ")" : null;
    }
}
