using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Sanitisation on the way in (outline 2.3): a value cleaned or encoded as it is assigned to a property or field
/// (<c>order.Notes = sanitizer.Sanitize(input)</c>, also in object initializers), by HtmlSanitizer
/// (<c>Ganss.Xss</c>), System.Text.Encodings.Web's encoders, <c>WebUtility.HtmlEncode</c> or <c>HttpUtility.HtmlEncode</c>,
/// each confirmed by symbol. A call whose result goes elsewhere (a view, a log) is not about stored data and is left out.
/// </summary>
internal static class SanitisationParser
{
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sanitize" or "SanitizeDocument" or "Encode" or "HtmlEncode" } } call
        && Unparenthesized(call).Parent is AssignmentExpressionSyntax assignment && assignment.Right == Unparenthesized(call);

    public static SanitisationSpec? Parse(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(call, model, cancellationToken) is not IMethodSymbol method || Sanitiser(method) is not { } api) return null;
        // Named by the receiver's type: HtmlEncoder.Default.Encode is declared on its base, TextEncoder.
        var receiver = method.IsStatic ? method.ContainingType : Semantics.TypeOf(((MemberAccessExpressionSyntax)call.Expression).Expression, model, cancellationToken) ?? method.ContainingType;
        var sanitiser = receiver.Name + "." + api;
        var assignment = (AssignmentExpressionSyntax)Unparenthesized(call).Parent!;
        var target = Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken);
        if (target is not (IPropertySymbol or IFieldSymbol) || target.ContainingType is null) return null;
        return new SanitisationSpec(target.ContainingType.ClrFullName(), target.Name, sanitiser, CodeText.MemberName(call, model, cancellationToken), SourceLocation.From(call));
    }

    /// <summary>The method's name when it is a known sanitiser or encoder, else null.</summary>
    private static string? Sanitiser(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "Sanitize" or "SanitizeDocument" when type.IsInNamespace("Ganss.Xss") => method.Name,
            "Encode" when type.IsInNamespace("System.Text.Encodings.Web") => method.Name,
            "HtmlEncode" when type.Is("System.Net", "WebUtility") || type.Is("System.Web", "HttpUtility") => method.Name,
            _ => null,
        };
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax parent) expression = parent;
        return expression;
    }
}
