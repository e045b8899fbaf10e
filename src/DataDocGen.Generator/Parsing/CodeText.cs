using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Turns code into short text safe to print: code that holds a string literal may hold a secret, so it is not printed.</summary>
internal static class CodeText
{
    private const int MaxLength = 120;

    /// <summary>The code with whitespace collapsed, or null when it contains a string literal or is too long.</summary>
    public static string? Safe(SyntaxNode node)
    {
        if (node.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.StringLiteralExpression)
                || n.IsKind(SyntaxKind.InterpolatedStringExpression) || n.IsKind(SyntaxKind.Utf8StringLiteralExpression)))
        {
            return null;
        }
        return Collapse(node);
    }

    /// <summary>The code with whitespace collapsed to single spaces (comments dropped), or null when too long.</summary>
    public static string? Collapse(SyntaxNode node) => Collapse(node, redactLiterals: false);

    /// <summary>A condition as code, for the report: <see cref="Collapse(SyntaxNode)"/> with each string literal that may
    /// hold a secret redacted (<see cref="Security.ConnectionStringRedactor.RedactLiteral"/>): conditions are printed
    /// whole, and code compares against connection strings or keys now and then.</summary>
    public static string? Condition(SyntaxNode node) => Collapse(node, redactLiterals: true);

    /// <summary><see cref="Condition(SyntaxNode)"/> with each use of the local <paramref name="name"/> written as
    /// <paramref name="replacement"/> (the switch's value for a <c>case var t when …</c> pattern's <c>t</c>); null when
    /// <paramref name="node"/> declares a name spelt the same (it could mean another variable there) or is too long.</summary>
    public static string? Condition(SyntaxNode node, string name, string replacement)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is not IdentifierNameSyntax) return null;
        }
        return Collapse(node, redactLiterals: true, name, replacement);
    }

    /// <summary>A use of a local named <paramref name="name"/>: not a member's name after a dot, a named argument or an
    /// anonymous type's member.</summary>
    private static bool IsUseOf(SyntaxToken token, string name) =>
        token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier
        && identifier.Parent is not (NameColonSyntax or NameEqualsSyntax)
        && !(identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
        && !(identifier.Parent is MemberBindingExpressionSyntax binding && binding.Name == identifier);

    private static string? Collapse(SyntaxNode node, bool redactLiterals, string? name = null, string? replacement = null)
    {
        var text = new System.Text.StringBuilder();
        SyntaxToken previous = default;
        foreach (var token in node.DescendantTokens())
        {
            if (text.Length > 0 && SpaceBetween(previous, token)) text.Append(' ');
            if (name is not null && IsUseOf(token, name))
            {
                text.Append(replacement);
            }
            else if (redactLiterals && token.IsKind(SyntaxKind.StringLiteralToken) && Security.ConnectionStringRedactor.RedactLiteral(token.ValueText) is var redacted && redacted != token.ValueText)
            {
                text.Append('"').Append(redacted).Append('"');
            }
            else text.Append(token.Text);
            if (text.Length > MaxLength) return null;
            previous = token;
        }
        return text.ToString();
    }

    /// <summary>Tight around member access, parentheses, brackets, commas, a prefix <c>!</c> and type-argument brackets
    /// (<c>Set&lt;Order&gt;()</c>); spaced elsewhere, so comparisons keep their spaces (<c>quantity &lt;= 0</c>).</summary>
    private static bool SpaceBetween(SyntaxToken previous, SyntaxToken token)
    {
        switch (token.Kind())
        {
            case SyntaxKind.DotToken or SyntaxKind.OpenParenToken or SyntaxKind.CloseParenToken or SyntaxKind.CommaToken
                or SyntaxKind.OpenBracketToken or SyntaxKind.CloseBracketToken:
                return false;
            case SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken when IsTypeArgumentBracket(token):
                return false;
        }
        return previous.Kind() switch
        {
            SyntaxKind.DotToken or SyntaxKind.OpenParenToken or SyntaxKind.ExclamationToken or SyntaxKind.OpenBracketToken => false,
            SyntaxKind.LessThanToken when IsTypeArgumentBracket(previous) => false,
            _ => true,
        };
    }

    private static bool IsTypeArgumentBracket(SyntaxToken token) => token.Parent is TypeArgumentListSyntax or TypeParameterListSyntax;

    /// <summary>The conditions guarding <paramref name="node"/> inside <paramref name="scope"/> (up to its member), outermost
    /// first and joined with <c>&amp;&amp;</c>: each enclosing <c>if</c> (negated in its <c>else</c>), conditional expression,
    /// <c>switch</c> section or switch expression arm (its label: <see cref="SwitchLabels"/>), and
    /// the early exits before it in its blocks (<c>if (!isDevelopment) return;</c>: <see cref="EarlyExits"/>), as code. Null
    /// when unconditional. All are said, not only the nearest: "when `b`" for code under <c>if (a) { if (b) ... }</c> would
    /// read as if <c>a</c> did not matter.</summary>
    public static string? EnclosingCondition(SyntaxNode node, SyntaxNode? scope)
    {
        var conditions = new System.Collections.Generic.List<string>();
        for (var child = node; child.Parent is { } parent && child != scope; child = parent)
        {
            if (EarlyExits.Guarding(parent, child) is { Count: > 0 } exits)
            {
                for (var i = exits.Count - 1; i >= 0; i--)
                {
                    var negated = EarlyExits.Negated(exits[i]);
                    conditions.Add(negated is null ? "(a condition)" : negated.IndexOf(" || ", System.StringComparison.Ordinal) >= 0 && !negated.StartsWith("not (", System.StringComparison.Ordinal) ? "(" + negated + ")" : negated);
                }
            }
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child == ifStatement.Statement:
                    conditions.Add(Condition(ifStatement.Condition) is { } code ? Grouped(ifStatement.Condition, code) : "(a condition)");
                    break;
                case ElseClauseSyntax { Parent: IfStatementSyntax elseOf }:
                    conditions.Add("not (" + (Condition(elseOf.Condition) ?? "a condition") + ")");
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenTrue:
                    conditions.Add(Condition(conditional.Condition) is { } whenTrue ? Grouped(conditional.Condition, whenTrue) : "(a condition)");
                    break;
                case ConditionalExpressionSyntax conditional when child == conditional.WhenFalse:
                    conditions.Add("not (" + (Condition(conditional.Condition) ?? "a condition") + ")");
                    break;
                case SwitchSectionSyntax section when child is StatementSyntax:
                    AddLabel(conditions, SwitchLabels.Section(section));
                    break;
                case SwitchExpressionArmSyntax arm when child == arm.Expression:
                    AddLabel(conditions, SwitchLabels.Arm(arm));
                    break;
            }
            if (parent is MemberDeclarationSyntax and not GlobalStatementSyntax) break;
        }
        if (conditions.Count == 0) return null;
        conditions.Reverse();
        return string.Join(" && ", conditions);
    }

    /// <summary>A switch label's condition as one operand of <c>&amp;&amp;</c> (<see cref="SwitchLabels"/>): parenthesised when
    /// its alternatives are joined with <c>||</c>; nothing for a lone <c>default</c>.</summary>
    private static void AddLabel(System.Collections.Generic.List<string> conditions, SwitchLabels.Label label)
    {
        if (!label.Conditional) return;
        conditions.Add(label.Code is not { } code ? "(a condition)"
            : code.IndexOf(" || ", System.StringComparison.Ordinal) >= 0 && !code.StartsWith("not (", System.StringComparison.Ordinal) ? "(" + code + ")" : code);
    }

    /// <summary>A condition as one operand of <c>&amp;&amp;</c>: parenthesised when it is an <c>||</c> or a conditional expression.</summary>
    private static string Grouped(ExpressionSyntax condition, string code) =>
        condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or ConditionalExpressionSyntax or AssignmentExpressionSyntax ? "(" + code + ")" : code;

    /// <summary>Where a call sits, for the report: <c>Type.Method</c>, <c>Type.ctor</c>, a minimal-API endpoint
    /// (<c>GET /orders/{id}</c>) when the call is in the handler lambda of a <c>MapGet/MapPost/...</c> with a constant
    /// route, or "top-level statements".</summary>
    public static string MemberName(SyntaxNode site, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var member = site.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or LocalFunctionStatementSyntax or GlobalStatementSyntax
                                                          or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax });
        if (Endpoint(site, member, model, cancellationToken) is { } endpoint) return endpoint;
        if (member is GlobalStatementSyntax) return "top-level statements";
        var symbol = member is null ? null : model.GetDeclaredSymbol(member, cancellationToken);
        if (symbol is null) return "?";
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor }) return symbol.ContainingType?.Name is { } type ? type + ".ctor" : "ctor";
        return symbol.TypeAndMemberName();
    }

    private static readonly System.Collections.Generic.Dictionary<string, string> MapVerbs = new(System.StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
    };

    /// <summary>The endpoint whose handler lambda (inside the member) holds the site: <c>app.MapGet("/products", ...)</c>.</summary>
    private static string? Endpoint(SyntaxNode site, SyntaxNode? member, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var lambda in site.Ancestors().TakeWhile(a => a != member).OfType<AnonymousFunctionExpressionSyntax>())
        {
            if (EndpointHandler(lambda, model, cancellationToken) is { } endpoint) return endpoint;
        }
        return null;
    }

    /// <summary>The endpoint a lambda is the handler of (<c>app.MapGet("/products", lambda)</c>), named as
    /// <see cref="MemberName"/> names the code in it; null for any other lambda.</summary>
    public static string? EndpointHandler(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } map } }
            && MapVerbs.TryGetValue(access.Name.Identifier.ValueText, out var verb)
            && map.ArgumentList.Arguments.Count >= 2
            && Semantics.ConstantOf(map.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string route }
            && Semantics.SymbolOrMethod(map, model, cancellationToken) is IMethodSymbol method
            && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Microsoft.AspNetCore"))
        {
            // With the prefixes of the route groups it is mapped on (GET /admin/stats), "…" for one not read.
            return EndpointNames.Where(map, model, cancellationToken) ?? verb + " " + route;
        }
        return null;
    }
}
