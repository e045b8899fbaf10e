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
/// Hand-written orchestrations (issue 4, sagas), recognised by the structure of a <c>try</c> statement in a method or local
/// function, never by names. This parser records the code only; which of it changes data is decided on the built report
/// (<see cref="Report.Orchestrations"/>), with the facts the other detectors found. Recorded:
/// <list type="bullet">
/// <item>the <c>try</c> block (the steps);</item>
/// <item>each <c>catch</c> whose last statement throws or returns (the code that runs before the failure goes on);</item>
/// <item>a <c>finally</c> statement <c>if (!done) ...</c> where <c>done</c> is a local declared <c>false</c> and set only
/// to <c>true</c>, only in the <c>try</c> block (a success flag);</item>
/// <item>a compensation stack: a local <c>Stack&lt;D&gt;</c> or <c>List&lt;D&gt;</c> of a delegate type <c>D</c>, given
/// lambdas (<c>Push</c>/<c>Add</c>) only in the <c>try</c> block, and run in one of those failure paths: popped and
/// invoked (<c>Pop()()</c>, <c>TryPop(out var undo)</c> then <c>undo()</c>, a local set from <c>Pop()</c> then invoked) or
/// enumerated (<c>foreach</c>, invoking the loop variable: a stack enumerates last-in first-out, a list in the order added,
/// or reversed through <c>Enumerable.Reverse(list)</c> / <c>list.AsEnumerable().Reverse()</c>). Anything else done with
/// the collection (passed to a method, given a method group, reversed in place) and nothing is claimed.</item>
/// </list>
/// A <c>transaction.Rollback()</c> is no data-changing fact, so a <c>catch</c> that only rolls back compensates nothing.
/// </summary>
internal static class OrchestrationParser
{
    private const int Glue = -1;
    private const int Other = -2;
    private const int TryRegion = 0;

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is TryStatementSyntax { Block.Statements.Count: > 0 } statement && (statement.Catches.Count > 0 || statement.Finally is not null);

    public static OrchestrationResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = Read((TryStatementSyntax)context.Node, context.SemanticModel, cancellationToken);
            return spec is null ? null : new OrchestrationResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new OrchestrationResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary>A failure path: where it runs (a <c>catch</c> block or a guarded statement) and how it is described.</summary>
    private sealed class Failure(string kind, string text, SyntaxNode code, SyntaxNode anchor, bool goesOn)
    {
        public bool GoesOn { get; } = goesOn;
        public string Kind { get; } = kind;
        public string Text { get; } = text;
        public SyntaxNode Code { get; } = code;
        public SyntaxNode Anchor { get; } = anchor;
    }

    private static OrchestrationSpec? Read(TryStatementSyntax tryStatement, SemanticModel model, CancellationToken cancellationToken)
    {
        var function = tryStatement.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
            or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
        if (function is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)) return null;

        var failures = new List<Failure>();
        SyntaxNode? guardIf = null;
        foreach (var clause in tryStatement.Catches)
        {
            if (clause.Block.Statements.LastOrDefault() is not { } last || Ending(last) is not { } ending) continue;
            var where = "catch" + (clause.Declaration is null ? "" : " (" + clause.Declaration.Type + ")");
            failures.Add(new Failure("catch", "in " + CodeSpan.Of(where) + (clause.Filter is null ? "" : " (with a `when` filter)") + ", then " + ending, clause.Block, clause,
                last is ThrowStatementSyntax));
        }
        if (tryStatement.Finally is { } finallyClause)
        {
            foreach (var statement in finallyClause.Block.Statements.OfType<IfStatementSyntax>())
            {
                if (NegatedFlag(statement.Condition) is not { } flag || !IsSuccessFlag(flag, tryStatement, function)) continue;
                failures.Add(new Failure("finally", "in `finally`, when the success flag " + CodeSpan.Of(flag) + " was not set", statement.Statement, statement, true));
                guardIf = statement;
                break;
            }
        }
        // No call, no data-changing fact: a catch that only rethrows or returns compensates nothing.
        failures.RemoveAll(f => !f.Code.DescendantNodes().OfType<InvocationExpressionSyntax>().Any());
        if (failures.Count == 0) return null;

        var stack = CompensationStack(tryStatement, function, failures, model, cancellationToken);
        if (stack is { Declined: true }) return null;

        // Who owns each line: the try block, a pushed lambda, a failure path, or other code (a line shared is nobody's).
        var lambdas = stack?.Lambdas ?? new List<AnonymousFunctionExpressionSyntax>();
        var ids = new Dictionary<SyntaxNode, int>();
        for (var i = 0; i < lambdas.Count; i++) ids[lambdas[i]] = 1 + i;
        for (var i = 0; i < failures.Count; i++) ids[failures[i].Code] = 1 + lambdas.Count + i;
        var glue = new HashSet<SyntaxNode>(stack?.PushStatements ?? new List<SyntaxNode>());
        if (guardIf is not null) glue.Add(guardIf);
        foreach (var clause in tryStatement.Catches) { if (clause.Declaration is not null) glue.Add(clause.Declaration); }
        var owners = new Dictionary<int, HashSet<int>>();
        foreach (var token in tryStatement.DescendantTokens())
        {
            var owner = Owner(token, tryStatement, ids, glue);
            if (owner == Glue) continue;
            var span = token.GetLocation().GetLineSpan();
            for (var line = span.StartLinePosition.Line + 1; line <= span.EndLinePosition.Line + 1; line++)
            {
                if (!owners.TryGetValue(line, out var set)) owners[line] = set = new HashSet<int>();
                set.Add(owner);
            }
        }
        EquatableArray<int> LinesOf(int id) => owners.Where(p => p.Value.Count == 1 && p.Value.Contains(id)).Select(p => p.Key).OrderBy(l => l).ToEquatableArray();

        if (model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method) return null;
        var path = SourceLocation.From(tryStatement)?.Path;
        if (path is null) return null;
        // The try block's steps leave out the lambdas pushed onto a compensation stack and the catch and finally blocks of
        // try statements nested in it (their code runs on a failure of its own, not as a step).
        var skip = new HashSet<SyntaxNode>(lambdas.Concat<SyntaxNode>(tryStatement.Block.DescendantNodes()
            .Where(n => n is BlockSyntax { Parent: CatchClauseSyntax or FinallyClauseSyntax })));
        var steps = new OrchestrationRegion(path, LinesOf(TryRegion), CalledMethods.Of(new[] { tryStatement.Block }, model, method, cancellationToken, skip));

        var tryCalls = new HashSet<string>(tryStatement.Block.DescendantNodes(n => !skip.Contains(n)).OfType<InvocationExpressionSyntax>().Select(Normalized), System.StringComparer.Ordinal);
        var paths = new List<CompensationPathSpec>();
        for (var i = 0; i < failures.Count; i++)
        {
            var failure = failures[i];
            if (stack is not null && stack.RunIn == failure)
            {
                var order = stack.Reversed ? Enumerable.Range(0, lambdas.Count).Reverse() : Enumerable.Range(0, lambdas.Count);
                var regions = order.Select(l => new OrchestrationRegion(path, LinesOf(1 + l), CalledMethods.Of(new SyntaxNode[] { lambdas[l] }, model, method, cancellationToken))).ToEquatableArray();
                paths.Add(new CompensationPathSpec("compensation stack", "pushed onto " + CodeSpan.Of(stack.Name) + " (" + CodeSpan.Of(stack.Type) + ") in the `try` block as the steps run, "
                    + (stack.Reversed ? "run last-in first-out " : "run in the order added ") + failure.Text, SourceLocation.From(stack.Declaration), regions, EquatableArray<int>.Empty,
                    failure.GoesOn));
                continue;
            }
            var repeated = failure.Code.DescendantNodes().OfType<InvocationExpressionSyntax>().Where(c => tryCalls.Contains(Normalized(c)))
                .Select(c => c.GetLocation().GetLineSpan().StartLinePosition.Line + 1).Distinct().OrderBy(l => l).ToEquatableArray();
            var region = new OrchestrationRegion(path, LinesOf(1 + lambdas.Count + i), CalledMethods.Of(new[] { failure.Code }, model, method, cancellationToken));
            paths.Add(new CompensationPathSpec(failure.Kind, failure.Text, SourceLocation.From(failure.Anchor), new[] { region }.ToEquatableArray(), repeated, failure.GoesOn));
        }
        return new OrchestrationSpec(CodeText.MemberName(tryStatement, model, cancellationToken), SourceLocation.From(method), steps, paths.ToEquatableArray());
    }

    /// <summary>The part of the <c>try</c> statement a token belongs to: its innermost pushed lambda or failure path, the
    /// <c>try</c> block, other code (a <c>catch</c> that is no failure path, the rest of a <c>finally</c>), or glue (keywords,
    /// braces, a catch's declaration, the <c>Push(</c> around a lambda, a guarding <c>if</c>'s condition).</summary>
    private static int Owner(SyntaxToken token, TryStatementSyntax tryStatement, Dictionary<SyntaxNode, int> ids, HashSet<SyntaxNode> glue)
    {
        if (token.Parent is BlockSyntax && token.Kind() is SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken) return Glue;
        for (var node = token.Parent; node is not null && node != tryStatement; node = node.Parent)
        {
            if (ids.TryGetValue(node, out var id)) return id;
            if (glue.Contains(node)) return Glue;
            if (node == tryStatement.Block) return TryRegion;
            if (node is BlockSyntax { Parent: CatchClauseSyntax or FinallyClauseSyntax } or CatchFilterClauseSyntax) return Other;
        }
        return Glue;
    }

    /// <summary>How a failure path's last statement ends it: <c>rethrows</c>, <c>throws `X`</c>, <c>returns `false`</c>; null
    /// when it does neither (the failure is swallowed).</summary>
    private static string? Ending(StatementSyntax last) => last switch
    {
        ThrowStatementSyntax { Expression: null } => "rethrows",
        ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } => "throws " + CodeSpan.Of(creation.Type.ToString()),
        ThrowStatementSyntax => "throws",
        ReturnStatementSyntax { Expression: LiteralExpressionSyntax literal } when !literal.IsKind(SyntaxKind.StringLiteralExpression) => "returns " + CodeSpan.Of(literal.ToString()),
        ReturnStatementSyntax => "returns",
        _ => null,
    };

    /// <summary><c>!done</c>, <c>done == false</c>, <c>done is false</c>: the flag's name.</summary>
    private static string? NegatedFlag(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => NegatedFlag(parenthesized.Expression),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: IdentifierNameSyntax name } => name.Identifier.ValueText,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Left: IdentifierNameSyntax name, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } => name.Identifier.ValueText,
        IsPatternExpressionSyntax { Expression: IdentifierNameSyntax name, Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression } } } => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The flag is a local of the function declared once, <c>= false</c>, and otherwise only set to <c>true</c>, by
    /// plain assignments in the <c>try</c> block outside lambdas; never passed by <c>ref</c> or <c>out</c>.</summary>
    private static bool IsSuccessFlag(string flag, TryStatementSyntax tryStatement, SyntaxNode function)
    {
        var declarations = function.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == flag).ToList();
        if (declarations.Count != 1 || declarations[0].Initializer?.Value is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.FalseLiteralExpression }
            || declarations[0].Parent?.Parent is not LocalDeclarationStatementSyntax) return false;
        if (function.DescendantNodes().OfType<ParameterSyntax>().Any(p => p.Identifier.ValueText == flag)) return false;
        var sets = 0;
        foreach (var name in function.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == flag))
        {
            switch (name.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == name:
                    if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !assignment.Right.IsKind(SyntaxKind.TrueLiteralExpression)
                        || !InBlockOutsideFunctions(assignment, tryStatement.Block)) return false;
                    sets++;
                    break;
                case ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None }:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                case PostfixUnaryExpressionSyntax:
                    return false;
            }
        }
        return sets > 0;
    }

    private static bool InBlockOutsideFunctions(SyntaxNode node, SyntaxNode block)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current == block) return true;
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) return false;
        }
        return false;
    }

    private static string Normalized(InvocationExpressionSyntax invocation) => string.Concat(invocation.DescendantTokens().Select(t => t.Text));

    private sealed class DelegateStack
    {
        public bool Declined { get; set; }
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public SyntaxNode Declaration { get; set; } = null!;
        public List<AnonymousFunctionExpressionSyntax> Lambdas { get; } = new();
        public List<SyntaxNode> PushStatements { get; } = new();
        public Failure? RunIn { get; set; }
        public bool Reversed { get; set; }
    }

    private static readonly DelegateStack DeclinedStack = new() { Declined = true };

    /// <summary>The compensation stack run in one of the failure paths, if any; <see cref="DelegateStack.Declined"/> when a
    /// collection of delegates is filled in the try block but used in a way not read (nothing is then claimed).</summary>
    private static DelegateStack? CompensationStack(TryStatementSyntax tryStatement, SyntaxNode function, List<Failure> failures, SemanticModel model, CancellationToken cancellationToken)
    {
        // Syntax first: a local given lambdas by Push/Add inside the try block.
        var candidates = tryStatement.Block.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax, Name.Identifier.ValueText: "Push" or "Add" }
                        && i.ArgumentList.Arguments.Count == 1 && i.ArgumentList.Arguments[0].Expression is AnonymousFunctionExpressionSyntax)
            .Select(i => ((IdentifierNameSyntax)((MemberAccessExpressionSyntax)i.Expression).Expression).Identifier.ValueText)
            .Distinct().ToList();
        foreach (var name in candidates)
        {
            var declarations = function.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == name).ToList();
            if (declarations.Count != 1 || declarations[0].Initializer?.Value is not BaseObjectCreationExpressionSyntax creation) continue;
            if (Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol { TypeArguments.Length: 1 } type
                || type.TypeArguments[0].TypeKind != TypeKind.Delegate) continue;
            var isStack = type.Is("System.Collections.Generic", "Stack`1");
            if (!isStack && !type.Is("System.Collections.Generic", "List`1")) continue;

            var stack = new DelegateStack { Name = name, Type = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), Declaration = declarations[0] };
            var uses = function.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText == name).ToList();
            var runs = new List<(Failure Failure, bool Reversed)>();
            foreach (var use in uses)
            {
                // Filled: Push/Add of a lambda, in the try block outside other lambdas.
                if (use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Push" or "Add" } fill && fill.Expression == use
                    && fill.Parent is InvocationExpressionSyntax push)
                {
                    if (push.ArgumentList.Arguments.Count != 1 || push.ArgumentList.Arguments[0].Expression is not AnonymousFunctionExpressionSyntax lambda
                        || !InBlockOutsideFunctions(push, tryStatement.Block) || push.Parent is not ExpressionStatementSyntax statement) return DeclinedStack;
                    stack.Lambdas.Add(lambda);
                    stack.PushStatements.Add(statement);
                    continue;
                }
                if (use.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" } count && count.Expression == use) continue;
                var failure = failures.FirstOrDefault(f => use.Ancestors().Contains(f.Code));
                if (failure is null) return DeclinedStack;
                if (Run(use, isStack) is not { } reversed) return DeclinedStack;
                runs.Add((failure, reversed));
            }
            if (runs.Count == 0) continue;
            if (runs.Select(r => r.Failure).Distinct().Count() != 1 || runs.Select(r => r.Reversed).Distinct().Count() != 1) return DeclinedStack;
            stack.RunIn = runs[0].Failure;
            stack.Reversed = runs[0].Reversed;
            return stack;
        }
        return null;
    }

    /// <summary>Whether this use of the collection runs its delegates, and in which order: true last-in first-out (reversed),
    /// false in the order added; null when the use is not one of the forms read.</summary>
    private static bool? Run(IdentifierNameSyntax use, bool isStack)
    {
        // foreach (var undo in stack) / in list / in Enumerable.Reverse(list) / in list.AsEnumerable().Reverse(), invoking the variable.
        var enumerated = use.Parent switch
        {
            ForEachStatementSyntax loop when loop.Expression == use => (Loop: loop, Reversed: isStack),
            ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Enumerable" }, Name.Identifier.ValueText: "Reverse" } } reverse } }
                when !isStack && reverse.Parent is ForEachStatementSyntax loop && loop.Expression == reverse => (Loop: loop, Reversed: true),
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsEnumerable", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Reverse", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } reverse } } }
                when !isStack && reverse.Parent is ForEachStatementSyntax loop && loop.Expression == reverse => (Loop: loop, Reversed: true),
            _ => (Loop: (ForEachStatementSyntax?)null, Reversed: false),
        };
        if (enumerated.Loop is { } each) return Invokes(each.Statement, each.Identifier.ValueText) ? enumerated.Reversed : null;
        if (!isStack || use.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name, Parent: InvocationExpressionSyntax call } access || access.Expression != use) return null;
        switch (name)
        {
            // stack.Pop()(), stack.Pop().Invoke(), var undo = stack.Pop(); undo();
            case "Pop" when call.ArgumentList.Arguments.Count == 0:
                if (call.Parent is InvocationExpressionSyntax invoked && invoked.Expression == call) return true;
                if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke", Parent: InvocationExpressionSyntax }) return true;
                if (call.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local } && local.Ancestors().OfType<BlockSyntax>().FirstOrDefault() is { } scope
                    && Invokes(scope, local.Identifier.ValueText)) return true;
                return null;
            // while (stack.TryPop(out var undo)) undo();
            case "TryPop" when call.ArgumentList.Arguments.Count == 1 && call.ArgumentList.Arguments[0] is { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword, Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable } }
                                && call.Parent is WhileStatementSyntax loop && loop.Condition == call:
                return Invokes(loop.Statement, variable.Identifier.ValueText) ? true : null;
            default:
                return null;
        }
    }

    /// <summary><paramref name="scope"/> invokes the delegate <paramref name="name"/>: <c>name()</c>, <c>await name()</c>, <c>name.Invoke()</c>.</summary>
    private static bool Invokes(SyntaxNode scope, string name) =>
        scope.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => i.Expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText == name,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax id, Name.Identifier.ValueText: "Invoke" } => id.Identifier.ValueText == name,
            _ => false,
        });
}
