using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The hand-written cache-aside (issue 4.3): a read of a key whose miss path writes the same key on the same cache, in
/// one body. Read from syntax, in the shapes that say which path is the miss:
/// <list type="bullet">
/// <item><c>if (!cache.TryGetValue(key, out v)) { ...; cache.Set(key, ...); }</c> (the negated read alone or first in an
/// <c>||</c>), or its <c>else</c> after a non-negated read;</item>
/// <item><c>if (cache.TryGetValue(key, out v)) return v;</c> (the read alone or in an <c>&amp;&amp;</c>, the branch leaving
/// the body) and the write after it in the same block;</item>
/// <item><c>var v = await cache.GetStringAsync(key);</c> then <c>if (v is not null) return ...;</c> and the write after it,
/// or <c>if (v is null) { ...; cache.SetStringAsync(key, ...); }</c> (null tests: <c>is null</c>, <c>== null</c>,
/// <c>string.IsNullOrEmpty</c>, their negations and <c>is { }</c>).</item>
/// </list>
/// Anything else (a counter read then written, a read and a write in unrelated branches) is no pair: both stay a read
/// and a write. The key and the cache must be written alike (same code, whitespace aside).
/// </summary>
internal static class CacheAsidePairs
{
    private static readonly HashSet<string> Reads = new(System.StringComparer.Ordinal) { "TryGetValue", "Get", "GetAsync", "GetString", "GetStringAsync" };
    private static readonly HashSet<string> Writes = new(System.StringComparer.Ordinal) { "Set", "SetAsync", "SetString", "SetStringAsync" };

    /// <summary>The write on the miss path of <paramref name="read"/>, or null.</summary>
    public static InvocationExpressionSyntax? WriteAfter(InvocationExpressionSyntax read) =>
        IsRead(read) ? Body(read)?.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(w => IsWrite(w) && Pairs(read, w)) : null;

    /// <summary>The read whose miss path <paramref name="write"/> is on, or null.</summary>
    public static InvocationExpressionSyntax? ReadBefore(InvocationExpressionSyntax write) =>
        IsWrite(write) ? Body(write)?.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(r => IsRead(r) && Pairs(r, write)) : null;

    private static bool IsRead(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax access && Reads.Contains(access.Name.Identifier.ValueText);

    private static bool IsWrite(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax access && Writes.Contains(access.Name.Identifier.ValueText);

    private static SyntaxNode? Body(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);

    private static bool Pairs(InvocationExpressionSyntax read, InvocationExpressionSyntax write)
    {
        if (write.SpanStart <= read.Span.End || Body(read) != Body(write)) return false;
        var r = (MemberAccessExpressionSyntax)read.Expression;
        var w = (MemberAccessExpressionSyntax)write.Expression;
        if (Text(r.Expression) != Text(w.Expression) || read.ArgumentList.Arguments.Count == 0 || write.ArgumentList.Arguments.Count == 0
            || Text(read.ArgumentList.Arguments[0].Expression) != Text(write.ArgumentList.Arguments[0].Expression)) return false;
        return r.Name.Identifier.ValueText == "TryGetValue" ? OnTryGetValueMiss(read, write) : OnNullResultMiss(read, write);
    }

    private static string? Text(SyntaxNode node) => CodeText.Collapse(node) ?? node.ToString();

    /// <summary>The write is in the branch a failed <c>TryGetValue</c> takes.</summary>
    private static bool OnTryGetValueMiss(InvocationExpressionSyntax read, InvocationExpressionSyntax write)
    {
        if (read.Parent is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not)
        {
            // if (!TryGetValue(...) [|| ...]) { write }
            return Condition(not, SyntaxKind.LogicalOrExpression) is { } ifNot && ifNot.Statement.Span.Contains(write.Span);
        }
        if (Condition(read, SyntaxKind.LogicalAndExpression) is not { } ifHit) return false;
        // if (TryGetValue(...) [&& ...]) { ... } else { write }
        if (ifHit.Else is { } otherwise && otherwise.Span.Contains(write.Span)) return true;
        // if (TryGetValue(...) [&& ...]) return ...; write
        return Leaves(ifHit.Statement) && After(ifHit, write);
    }

    /// <summary>The read's result is a local tested for null, and the write follows the test's "absent" side.</summary>
    private static bool OnNullResultMiss(InvocationExpressionSyntax read, InvocationExpressionSyntax write)
    {
        ExpressionSyntax value = read.Parent is AwaitExpressionSyntax awaited ? awaited : read;
        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Identifier.ValueText: var local } declarator }
            || declarator.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { Parent: BlockSyntax block } declaration) return false;
        foreach (var statement in block.Statements.SkipWhile(s => s != declaration).Skip(1))
        {
            if (statement.Span.Contains(write.Span))
            {
                return statement is IfStatementSyntax ifAbsent && NullTest(ifAbsent.Condition, local) == false && ifAbsent.Statement.Span.Contains(write.Span);
            }
            if (statement is IfStatementSyntax ifPresent && NullTest(ifPresent.Condition, local) == true && Leaves(ifPresent.Statement) && After(ifPresent, write)) return true;
        }
        return false;
    }

    /// <summary>True for a test that holds when <paramref name="local"/> has a value (<c>v is not null</c>, <c>v != null</c>,
    /// <c>!string.IsNullOrEmpty(v)</c>, <c>v is { }</c>), false for one that holds when it has none; null otherwise.</summary>
    private static bool? NullTest(ExpressionSyntax condition, string local)
    {
        static bool Is(ExpressionSyntax e, string name) => e is IdentifierNameSyntax { Identifier.ValueText: var n } && n == name;
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return NullTest(parenthesized.Expression, local);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return NullTest(not.Operand, local) is { } inner ? !inner : null;
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } binary
                when Is(binary.Left, local) && binary.Right.IsKind(SyntaxKind.NullLiteralExpression):
                return binary.IsKind(SyntaxKind.NotEqualsExpression);
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } isNull when Is(isNull.Expression, local):
                return false;
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } } isNotNull when Is(isNotNull.Expression, local):
                return true;
            case IsPatternExpressionSyntax { Pattern: RecursivePatternSyntax { Type: null, PositionalPatternClause: null, PropertyPatternClause.Subpatterns.Count: 0, Designation: null } } isSomething when Is(isSomething.Expression, local):
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" }, Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, ArgumentList.Arguments.Count: 1 } isNullOrEmpty
                when Is(isNullOrEmpty.ArgumentList.Arguments[0].Expression, local):
                return false;
            default:
                return null;
        }
    }

    /// <summary>The <c>if</c> whose condition is <paramref name="test"/>, alone or first in a chain of <paramref name="chain"/>.</summary>
    private static IfStatementSyntax? Condition(ExpressionSyntax test, SyntaxKind chain)
    {
        var current = test;
        while (current.Parent is ParenthesizedExpressionSyntax parenthesized) current = parenthesized;
        while (current.Parent is BinaryExpressionSyntax binary && binary.IsKind(chain) && binary.Left == current) current = binary;
        return current.Parent is IfStatementSyntax ifStatement && ifStatement.Condition == current ? ifStatement : null;
    }

    /// <summary>The branch always leaves the body: a <c>return</c> or <c>throw</c>, or a block ending in one.</summary>
    private static bool Leaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => Leaves(block.Statements.Last()),
        ExpressionStatementSyntax { Expression: ThrowExpressionSyntax } => true,
        _ => false,
    };

    /// <summary>The write comes after the <c>if</c>, in the same block or one nested after it.</summary>
    private static bool After(IfStatementSyntax ifStatement, InvocationExpressionSyntax write) =>
        ifStatement.Parent is BlockSyntax block && write.SpanStart > ifStatement.Span.End && block.Span.Contains(write.Span);
}
