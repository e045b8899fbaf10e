using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Masking with Microsoft.Extensions.Compliance (outline 4.1): properties classified by an attribute deriving from
/// <c>DataClassificationAttribute</c>, the redactors set for classifications (<c>SetRedactor&lt;T&gt;</c>,
/// <c>SetFallbackRedactor&lt;T&gt;</c>, <c>SetHmacRedactor</c>), <c>AddRedaction</c> and <c>EnableRedaction</c> on logging.
/// All confirmed by symbol: a home-made <c>DataClassificationAttribute</c> or <c>SetRedactor</c> is nothing. The HMAC
/// redactor's options (its key) are never read; classifications are printed as code only when it holds no literal.
/// </summary>
internal static class RedactionReader
{
    private const string Classification_ = "Microsoft.Extensions.Compliance.Classification";
    private const string Redaction = "Microsoft.Extensions.Compliance.Redaction";

    public static readonly HashSet<string> CallNames = new(System.StringComparer.Ordinal)
    {
        "AddRedaction", "SetRedactor", "SetFallbackRedactor", "SetHmacRedactor", "EnableRedaction",
    };

    /// <summary>Attribute names that are never data classifications: not candidates, to keep the predicate cheap.</summary>
    public static readonly HashSet<string> CommonAttributes = new(System.StringComparer.Ordinal)
    {
        "Key", "Required", "MaxLength", "MinLength", "StringLength", "Column", "Table", "ForeignKey", "InverseProperty", "NotMapped",
        "DatabaseGenerated", "Timestamp", "ConcurrencyCheck", "Range", "EmailAddress", "Phone", "Url", "RegularExpression", "Display",
        "DataType", "Precision", "Unicode", "Comment", "BackingField", "DeleteBehavior", "JsonPropertyName", "JsonIgnore", "JsonInclude",
        "JsonPropertyOrder", "JsonConverter", "JsonProperty", "FromQuery", "FromRoute", "FromBody", "FromServices", "FromHeader", "FromForm",
        "Obsolete", "Browsable", "EditorBrowsable", "Description", "DefaultValue", "ObservableProperty", "SetsRequiredMembers",
    };

    /// <summary>The attribute as written (<c>[PrivateData]</c>) when it derives from Microsoft's <c>DataClassificationAttribute</c>;
    /// <c>[NoDataClassification]</c> (explicitly not sensitive) is left out.</summary>
    public static string? Classification(INamedTypeSymbol attribute)
    {
        if (attribute.Is(Classification_, "NoDataClassificationAttribute")) return null;
        if (!attribute.DerivesFrom(Classification_, "DataClassificationAttribute")) return null;
        var name = attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;
        return "[" + name + "] (Microsoft.Extensions.Compliance)";
    }

    public static SecuritySpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.MethodName(invocation) is not { } name || !CallNames.Contains(name)) return null;
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        var receiver = OptionsBuilderParser.ReceiverType(method);
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(invocation);
        switch (name)
        {
            case "AddRedaction" when original.ContainingType.Is("Microsoft.Extensions.DependencyInjection", "RedactionServiceCollectionExtensions"):
                return new SecuritySpec("redaction", "AddRedaction", "redaction services registered", member, location);
            case "EnableRedaction" when original.ContainingType.Is("Microsoft.Extensions.Logging", "LoggingRedactionExtensions"):
                return new SecuritySpec("redaction", "EnableRedaction", "log redaction enabled: classified values in log records are redacted", member, location);
            case "SetRedactor" when receiver.Is(Redaction, "IRedactionBuilder") && method.TypeArguments.Length == 1:
                return new SecuritySpec("redactor", method.TypeArguments[0].Name, For(invocation, 0), member, location);
            case "SetFallbackRedactor" when receiver.Is(Redaction, "IRedactionBuilder") && method.TypeArguments.Length == 1:
                return new SecuritySpec("redactor", method.TypeArguments[0].Name, "fallback: every classification without a redactor of its own", member, location);
            case "SetHmacRedactor" when original.ContainingType.Is(Redaction, "RedactionExtensions"):
                // The first argument holds the HMAC options (the key): skipped, never printed.
                return new SecuritySpec("redactor", "HmacRedactor", For(invocation, 1), member, location);
            default:
                return null;
        }
    }

    /// <summary>"for `Taxonomy.Private`, ...": the classification arguments from <paramref name="skip"/> on, as code.</summary>
    private static string For(InvocationExpressionSyntax invocation, int skip)
    {
        var classes = invocation.ArgumentList.Arguments.Skip(skip).Select(a => CodeText.Safe(a.Expression) ?? "…").ToList();
        return classes.Count == 0 ? "no classification given" : "for " + string.Join(", ", classes);
    }
}
