using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The condition the statements of a <c>switch</c> section (or the value of a switch expression's arm) run under, as
/// code, for <see cref="CodeText.EnclosingCondition"/> and <see cref="GuardText"/>: <c>case "sqlite":</c> gives
/// <c>kind is "sqlite"</c>; several labels on one section are alternatives (<c>kind is "a" or "b"</c>, with <c>||</c>
/// when one has a <c>when</c> clause); <c>case var t when t.Equals(x):</c> gives <c>kind.Equals(x)</c> (the designation
/// written as the switch's value when that is a name, else <c>kind is var t &amp;&amp; t.Equals(x)</c>); <c>default:</c>
/// (and a discard arm, <c>_ =&gt;</c>) gives "none of the other cases", <c>not (kind is "a" or "b")</c>. Each label is
/// said alone: an earlier section whose pattern overlaps is not subtracted, so the condition is one the code needs, as
/// an <c>if</c>'s is. Before, a section's label was dropped and what it guards (Ombi's context registrations, one per
/// database type) read as unconditional.
/// </summary>
internal static class SwitchLabels
{
    private const int MaxLength = 120;

    /// <summary>A label's condition: <paramref name="Conditional"/> false when the code runs whatever the value (a section
    /// whose only label is <c>default</c>, a first arm <c>_</c>); <paramref name="Code"/> null when the condition is not
    /// written (too long, or a <c>goto case</c> in the switch can reach the section from another).</summary>
    public readonly record struct Label(bool Conditional, string? Code);

    /// <summary>The condition the statements of <paramref name="section"/> run under.</summary>
    public static Label Section(SwitchSectionSyntax section)
    {
        if (section.Parent is not SwitchStatementSyntax statement) return new Label(true, null);
        // `goto case "b";` in another section runs this one too: the label alone would not be true.
        if (statement.DescendantNodes().Any(n => n is GotoStatementSyntax { RawKind: (int)SyntaxKind.GotoCaseStatement or (int)SyntaxKind.GotoDefaultStatement })) return new Label(true, null);
        var governing = statement.Expression;
        if (section.Labels.Any(l => l is DefaultSwitchLabelSyntax))
        {
            // Default runs when no other section's label matches (those after it in the text too).
            var others = statement.Sections.Where(s => s != section).SelectMany(s => s.Labels).ToList();
            if (others.Count == 0) return new Label(false, null);
            return new Label(true, Capped(Alternatives(governing, others.Select(Parts).ToList()) is { } any ? "not (" + any + ")" : null));
        }
        return new Label(true, Capped(Alternatives(governing, section.Labels.Select(Parts).ToList())));
    }

    /// <summary>The condition the value of <paramref name="arm"/> is computed under.</summary>
    public static Label Arm(SwitchExpressionArmSyntax arm)
    {
        if (arm.Parent is not SwitchExpressionSyntax expression) return new Label(true, null);
        var governing = expression.GoverningExpression;
        if (IsCatchAll(arm))
        {
            // A discard arm takes what no arm before it matched (arms are tried in order).
            var before = expression.Arms.TakeWhile(a => a != arm).ToList();
            if (before.Count == 0) return new Label(false, null);
            return new Label(true, Capped(Alternatives(governing, before.Select(a => ((PatternSyntax?)a.Pattern, (ExpressionSyntax?)null, a.WhenClause?.Condition)).ToList()) is { } any ? "not (" + any + ")" : null));
        }
        return new Label(true, Capped(Alternatives(governing, new List<(PatternSyntax?, ExpressionSyntax?, ExpressionSyntax?)> { (arm.Pattern, null, arm.WhenClause?.Condition) })));
    }

    private static bool IsCatchAll(SwitchExpressionArmSyntax arm) =>
        arm.WhenClause is null && arm.Pattern is DiscardPatternSyntax or VarPatternSyntax { Designation: DiscardDesignationSyntax };

    private static (PatternSyntax? Pattern, ExpressionSyntax? Constant, ExpressionSyntax? When) Parts(SwitchLabelSyntax label) => label switch
    {
        CaseSwitchLabelSyntax constant => (null, constant.Value, null),
        CasePatternSwitchLabelSyntax pattern => (pattern.Pattern, null, pattern.WhenClause?.Condition),
        _ => (null, null, null), // default among other labels: handled by the caller
    };

    /// <summary>The labels as alternatives: <c>x is A or B</c> without <c>when</c> clauses, else each written
    /// <c>x is A &amp;&amp; w</c> and joined with <c>||</c>. Null when one is not written.</summary>
    private static string? Alternatives(ExpressionSyntax governing, List<(PatternSyntax? Pattern, ExpressionSyntax? Constant, ExpressionSyntax? When)> labels)
    {
        if (CodeText.Condition(governing) is not { } value) return null;
        if (!IsPrimary(governing)) value = "(" + value + ")";
        var written = new List<string>();
        if (labels.All(l => l.When is null))
        {
            foreach (var label in labels)
            {
                if (Pattern(label.Pattern, label.Constant) is not { } pattern) return null;
                written.Add(pattern);
            }
            return written.Count == 0 ? null : value + " is " + string.Join(" or ", written);
        }
        foreach (var label in labels)
        {
            string? alternative;
            if (label.When is null)
            {
                alternative = Pattern(label.Pattern, label.Constant) is { } pattern ? value + " is " + pattern : null;
            }
            else if (label.Pattern is VarPatternSyntax { Designation: SingleVariableDesignationSyntax designation } && IsName(governing)
                     && CodeText.Condition(label.When, designation.Identifier.ValueText, value) is { } substituted)
            {
                // `case var type when type.Equals(x)`: the value is `type`, whatever it is.
                alternative = labels.Count > 1 ? Grouped(label.When, substituted) : substituted;
            }
            else
            {
                alternative = Pattern(label.Pattern, label.Constant) is { } pattern && CodeText.Condition(label.When) is { } when
                    ? value + " is " + pattern + " && " + Grouped(label.When, when)
                    : null;
                if (alternative is not null && labels.Count > 1) alternative = "(" + alternative + ")";
            }
            if (alternative is null) return null;
            written.Add(alternative);
        }
        return string.Join(" || ", written);
    }

    /// <summary>A label's pattern as code: the pattern, or the constant (parenthesised unless it is a name, a member, a
    /// literal or a call such as <c>nameof(OrderPlaced)</c>).</summary>
    private static string? Pattern(PatternSyntax? pattern, ExpressionSyntax? constant)
    {
        if (pattern is not null) return CodeText.Condition(pattern);
        if (constant is null || CodeText.Condition(constant) is not { } code) return null;
        return constant is LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or InterpolatedStringExpressionSyntax or DefaultExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax } ? code : "(" + code + ")";
    }

    /// <summary>A name, or members of names (<c>configuration.Database.Type</c>): written in place of a <c>var</c> pattern's
    /// designation, it reads the same in any expression.</summary>
    private static bool IsName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax } access => IsName(access.Expression),
        _ => false,
    };

    /// <summary>An expression that reads as one operand on the left of <c>is</c>: names, members, calls, indexers, literals,
    /// tuples and parenthesised expressions.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) => expression is IdentifierNameSyntax or GenericNameSyntax or ThisExpressionSyntax
        or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or LiteralExpressionSyntax
        or TupleExpressionSyntax or ParenthesizedExpressionSyntax or ConditionalAccessExpressionSyntax;

    private static string Grouped(ExpressionSyntax condition, string code) =>
        condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or ConditionalExpressionSyntax or AssignmentExpressionSyntax ? "(" + code + ")" : code;

    private static string? Capped(string? code) => code is not null && code.Length <= MaxLength ? code : null;
}
