using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// What code waits on or repeats in, as the report words it: <c>if `updated == 0`</c>, <c>if not `...`</c> (an
/// <c>else</c>), <c>if `kind is "sqlite"`</c> (a <c>switch</c> section), <c>on `DbUpdateException`</c>, <c>on an exception</c>, <c>in `finally`</c>; and the loops:
/// <c>for each `count` in `counts`</c>, <c>while `...`</c>, <c>in a `for` loop</c>, <c>in a `do` loop</c>. Used for a
/// transaction's operations (<see cref="TransactionBodyReader"/>) and a background job's steps (<see cref="Regions"/>).
/// </summary>
internal static class GuardText
{
    /// <summary>The guard <paramref name="parent"/> puts on <paramref name="child"/>, one of its direct children; null
    /// when it puts none (the child is a condition, a header, or the construct is no guard).</summary>
    public static (string Text, bool Loop)? Of(SyntaxNode parent, SyntaxNode child) => parent switch
    {
        IfStatementSyntax ifStatement when child == ifStatement.Statement => ("if " + Condition(ifStatement.Condition), false),
        ElseClauseSyntax { Parent: IfStatementSyntax elseOf } => ("if not " + Condition(elseOf.Condition), false),
        CatchClauseSyntax { Declaration: { } declaration } catchClause when child == catchClause.Block =>
            ("on " + CodeSpan.Of(declaration.Type.ToString()) + (catchClause.Filter is { } filter ? " when " + Condition(filter.FilterExpression) : ""), false),
        CatchClauseSyntax catchClause when child == catchClause.Block =>
            ("on an exception" + (catchClause.Filter is { } anyFilter ? " when " + Condition(anyFilter.FilterExpression) : ""), false),
        FinallyClauseSyntax => ("in " + CodeSpan.Of("finally"), false),
        ForEachStatementSyntax forEach when child == forEach.Statement => ("for each " + CodeSpan.Of(forEach.Identifier.ValueText) + " in " + Condition(forEach.Expression), true),
        ForStatementSyntax forLoop when child == forLoop.Statement => ("in a " + CodeSpan.Of("for") + " loop", true),
        WhileStatementSyntax whileLoop when child == whileLoop.Statement => ("while " + Condition(whileLoop.Condition), true),
        DoStatementSyntax doLoop when child == doLoop.Statement => ("in a " + CodeSpan.Of("do") + " loop", true),
        SwitchSectionSyntax section when child is StatementSyntax => Label(SwitchLabels.Section(section)),
        _ => null,
    };

    /// <summary>A switch section's label as a guard: <c>if `kind is "sqlite"`</c>; none for a lone <c>default</c>.</summary>
    private static (string Text, bool Loop)? Label(SwitchLabels.Label label) =>
        label.Conditional ? ("if " + (label.Code is { } code ? CodeSpan.Of(code) : "a condition"), false) : null;

    /// <summary>What code inside <paramref name="scope"/> waits on, every guard, outermost first and joined with "and":
    /// <c>if `updated == 0`</c>, <c>if not `...`</c> (its <c>else</c>), <c>on `DbUpdateException`</c> or <c>on an
    /// exception</c> (a <c>catch</c>), <c>in `finally`</c>, <c>if `kind is "sqlite"`</c> (a <c>switch</c> section's label:
    /// <see cref="SwitchLabels"/>), <c>if `order is not null`</c> after an early exit; then the
    /// nearest loop it repeats in, if any (<c>for each `count` in `counts`</c>, <c>while `...`</c>, <c>in a `for` loop</c>);
    /// null when it runs once on the straight path. Saying only the nearest guard read as if the outer ones did not
    /// matter. Early exits in <paramref name="scope"/> itself count from <paramref name="after"/> on (a transaction
    /// declared mid-block: exits before it guard the transaction, not its operations). The conditional operator and
    /// switch expressions are not read.</summary>
    public static string? Around(SyntaxNode node, SyntaxNode scope, int after = 0)
    {
        var (guard, loop) = Parts(node, scope, after);
        return Join(guard, loop);
    }

    /// <summary><see cref="Around"/>'s two parts: the guards joined with "and", and the nearest loop (a count of calls
    /// inside it is no count of runs).</summary>
    public static (string? Guard, string? Loop) Parts(SyntaxNode node, SyntaxNode scope, int after = 0)
    {
        var guards = new List<string>();
        string? loop = null;
        for (var child = node; child != scope && child.Parent is { } parent; child = parent)
        {
            if (EarlyExits.Guarding(parent, child).Where(e => e.SpanStart >= after).ToList() is { Count: > 0 } exits)
            {
                // After `if (order is null) return;` the code runs "if `order is not null`" (the nearest exit last).
                guards.Add(string.Join(" and ", exits.Select(e => "if " + (EarlyExits.Negated(e) is { } code ? CodeSpan.Of(code) : "a condition"))));
                // A block puts no guard of its own; a switch section's label comes before its exits.
                if (parent is not SwitchSectionSyntax) continue;
            }
            if (parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax) break;
            if (GuardText.Of(parent, child) is not { } found) continue;
            if (found.Loop) loop ??= found.Text;
            else guards.Add(found.Text);
        }
        guards.Reverse();
        return (guards.Count == 0 ? null : string.Join(" and ", guards), loop);
    }

    /// <summary>The guards, then the nearest loop: "if `id &gt; 0`, for each `id` in `ids`".</summary>
    public static string? Join(string? guard, string? loop) => guard is null ? loop : loop is null ? guard : guard + ", " + loop;

    /// <summary>The lines each guard covers in <paramref name="bodies"/>: the guarded statement's lines, less the
    /// header's line when the header can act itself (<c>foreach (var o in reader.Due()) db.Add(o);</c> on one line is not
    /// told apart by line, so that line gets no guard: less said, nothing wrong; <c>if (pending.Count &gt; 0) Purge();</c> is).</summary>
    public static EquatableArray<CodeRegion> Regions(IEnumerable<SyntaxNode> bodies)
    {
        var regions = new List<CodeRegion>();
        foreach (var body in bodies)
        {
            foreach (var node in body.DescendantNodes())
            {
                if (node is SwitchSectionSyntax section && SectionRegion(section) is { } sectionRegion)
                {
                    regions.Add(sectionRegion);
                    continue;
                }
                // A switch section's statements are one region (above), not one per statement.
                if (node.Parent is not { } parent || parent is SwitchSectionSyntax || Of(parent, node) is not { } guard || IsServiceLoop(parent)) continue;
                var lines = node.SyntaxTree.GetLineSpan(node.Span);
                var path = lines.Path;
                if (string.IsNullOrEmpty(path)) continue;
                SourceReads.Record(node.SyntaxTree);
                var start = lines.StartLinePosition.Line + 1;
                var end = lines.EndLinePosition.Line + 1;
                // The header's last line: the condition, the loop's collection, the catch's declaration, or `else`/`finally`.
                var header = parent switch
                {
                    ElseClauseSyntax or FinallyClauseSyntax => parent.GetFirstToken(),
                    _ => node.GetFirstToken().GetPreviousToken(),
                };
                var headerLine = header.SyntaxTree!.GetLineSpan(header.Span).EndLinePosition.Line + 1;
                if (node is BlockSyntax) start = System.Math.Max(start, headerLine + 1);
                else if (start <= headerLine && parent is not (ElseClauseSyntax or FinallyClauseSyntax) && HeaderMayAct(parent)) start = headerLine + 1;
                if (start > end) continue;
                regions.Add(new CodeRegion(SourceLocation.Normalize(path), start, end, guard.Text, guard.Loop));
            }
            // Early exits: the rest of the block after `if (pending.Count == 0) continue;` runs "if `pending.Count != 0`".
            foreach (var block in body.DescendantNodesAndSelf().Where(n => n is BlockSyntax or SwitchSectionSyntax))
            {
                var statements = block is SwitchSectionSyntax inSection ? inSection.Statements : ((BlockSyntax)block).Statements;
                for (var k = 0; k < statements.Count - 1; k++)
                {
                    if (EarlyExits.Exit(statements[k]) is not { } condition) continue;
                    var exitEnd = statements[k].GetLocation().GetLineSpan();
                    var rest = block.SyntaxTree.GetLineSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(statements[k + 1].SpanStart, statements[statements.Count - 1].Span.End));
                    if (string.IsNullOrEmpty(rest.Path)) continue;
                    SourceReads.Record(block.SyntaxTree);
                    // A statement on the exit's own line is not told apart from the exit's condition: that line gets no guard.
                    var start = System.Math.Max(rest.StartLinePosition.Line + 1, exitEnd.EndLinePosition.Line + 2);
                    var end = rest.EndLinePosition.Line + 1;
                    if (start > end) continue;
                    regions.Add(new CodeRegion(SourceLocation.Normalize(rest.Path), start, end, "if " + (EarlyExits.Negated(condition) is { } code ? CodeSpan.Of(code) : "a condition"), false));
                }
            }
        }
        return regions.ToEquatableArray();
    }

    /// <summary>The lines of a switch section's statements, guarded by its label (<see cref="SwitchLabels"/>); the labels'
    /// last line too unless a label can act itself (a call in its <c>when</c> clause). Null for a lone <c>default</c>.</summary>
    private static CodeRegion? SectionRegion(SwitchSectionSyntax section)
    {
        if (section.Statements.Count == 0 || Label(SwitchLabels.Section(section)) is not { } guard) return null;
        var lines = section.SyntaxTree.GetLineSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(section.Statements[0].SpanStart, section.Statements[section.Statements.Count - 1].Span.End));
        if (string.IsNullOrEmpty(lines.Path)) return null;
        SourceReads.Record(section.SyntaxTree);
        var start = lines.StartLinePosition.Line + 1;
        var end = lines.EndLinePosition.Line + 1;
        var header = section.Labels[section.Labels.Count - 1].ColonToken;
        var headerLine = section.SyntaxTree.GetLineSpan(header.Span).EndLinePosition.Line + 1;
        if (start <= headerLine && section.Labels.Any(l => l.DescendantNodes().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax))) start = headerLine + 1;
        return start > end ? null : new CodeRegion(SourceLocation.Normalize(lines.Path), start, end, guard.Text, guard.Loop);
    }

    /// <summary>The header can hold a step of its own (a call or a creation in the condition or the loop's collection):
    /// then a statement on the header's line is not told apart from it, and that line gets no guard.</summary>
    private static bool HeaderMayAct(SyntaxNode construct)
    {
        SyntaxNode? header = construct switch
        {
            IfStatementSyntax s => s.Condition,
            WhileStatementSyntax s => s.Condition,
            ForEachStatementSyntax s => s.Expression,
            CatchClauseSyntax s => s.Filter,
            _ => construct,
        };
        return header is not null && header.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax);
    }

    /// <summary>A hosted service's own loop (<c>while (await timer.WaitForNextTickAsync(ct))</c>, <c>while
    /// (!ct.IsCancellationRequested)</c>): it runs the whole job once per tick, which the job's schedule already says.</summary>
    private static bool IsServiceLoop(SyntaxNode loop) =>
        ((loop as WhileStatementSyntax)?.Condition ?? (loop as DoStatementSyntax)?.Condition) is { } condition
        && condition.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText is "WaitForNextTickAsync" or "IsCancellationRequested");

    private static string Condition(ExpressionSyntax condition) => CodeText.Condition(condition) is { } code ? CodeSpan.Of(code) : "a condition";
}
