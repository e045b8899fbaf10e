using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Where the code sets ASP.NET Core Identity's store options, which change the model Identity's OnModelCreating builds:
/// <c>Stores.SchemaVersion</c>, <c>Stores.MaxLengthForKeys</c>, <c>Stores.ProtectPersonalData</c> (assignments, in
/// lambdas or object initializers, confirmed on <c>Microsoft.AspNetCore.Identity.StoreOptions</c>), and the ways that
/// could set them unseen: replacing <c>IdentityOptions.Stores</c>, or <c>Configure&lt;IdentityOptions&gt;</c> /
/// <c>AddOptions&lt;IdentityOptions&gt;().Bind(...)</c> from configuration. Identity UI's <c>AddDefaultIdentity&lt;TUser&gt;()</c>
/// sets <c>Stores.MaxLengthForKeys = 128</c> before the options lambda it is given runs
/// (<c>IdentityServiceCollectionUIExtensions</c>; checked at run time on Identity 10: the login and token key columns are
/// nvarchar(128)), so it counts as that setting unless its own lambda sets the option.
/// </summary>
internal static class IdentityStoreOptionParser
{
    private const string IdentityNamespace = "Microsoft.AspNetCore.Identity";

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } } => IsOption(member),
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var member }, Parent: InitializerExpressionSyntax } => IsOption(member),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } name } } =>
            name.Identifier.ValueText is "AddDefaultIdentity"
            || (name.Identifier.ValueText is "Configure" or "PostConfigure" or "AddOptions" or "ConfigureAll" && SyntaxFacts.RightmostName(name.TypeArgumentList.Arguments[0]) == "IdentityOptions"),
        _ => false,
    };

    private static bool IsOption(string member) => member is "SchemaVersion" or "MaxLengthForKeys" or "ProtectPersonalData" or "Stores";

    public static IdentityStoreOptionResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = context.Node switch
            {
                AssignmentExpressionSyntax assignment => Assignment(assignment, context.SemanticModel, cancellationToken),
                InvocationExpressionSyntax invocation when SyntaxFacts.CalledName(invocation) == "AddDefaultIdentity" => DefaultIdentity(invocation, context.SemanticModel, cancellationToken),
                InvocationExpressionSyntax invocation => Binding(invocation, context.SemanticModel, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new IdentityStoreOptionResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new IdentityStoreOptionResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static IdentityStoreOptionSpec? Assignment(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken) is not IPropertySymbol { ContainingType: { } owner } property) return null;
        var location = SourceLocation.From(assignment);
        if (owner.Is(IdentityNamespace, "IdentityOptions") && property.Name == "Stores") return new IdentityStoreOptionSpec("Stores", null, location);
        if (!owner.Is(IdentityNamespace, "StoreOptions")) return null;
        if (assignment.Kind() != Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) return new IdentityStoreOptionSpec(property.Name, null, location);
        var value = property.Name == "SchemaVersion" ? Version(assignment.Right, model, cancellationToken) : Constant(assignment.Right, model, cancellationToken);
        return new IdentityStoreOptionSpec(property.Name, value, location);
    }

    /// <summary>Identity UI's <c>AddDefaultIdentity&lt;TUser&gt;(...)</c>: <c>MaxLengthForKeys = 128</c>, unless the options
    /// lambda handed to it sets the option itself (that assignment, which runs after, is read on its own).</summary>
    private static IdentityStoreOptionSpec? DefaultIdentity(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method
            || (method.ReducedFrom ?? method).ContainingType is not { Name: "IdentityServiceCollectionUIExtensions" } declaring
            || !declaring.IsInNamespace("Microsoft.Extensions.DependencyInjection"))
        {
            return null;
        }
        var setsItself = invocation.ArgumentList.Arguments.Any(a => a.Expression.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>()
            .Any(assignment => assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MaxLengthForKeys" or "Stores" }));
        return setsItself ? null : new IdentityStoreOptionSpec("MaxLengthForKeys", "128", SourceLocation.From(invocation));
    }

    /// <summary><c>IdentitySchemaVersions.Version2</c> as <c>Version2</c>; <c>new Version(2, 0)</c> as <c>2.0</c>; else null.</summary>
    private static string? Version(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(value, model, cancellationToken) is (IFieldSymbol or IPropertySymbol) and { IsStatic: true, ContainingType: { } holder } member
            && holder.Is(IdentityNamespace, "IdentitySchemaVersions"))
        {
            return member.Name;
        }
        if (value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments }
            && Semantics.TypeOf(value, model, cancellationToken).Is("System", "Version")
            && Semantics.ConstantOf(arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: int major }
            && Semantics.ConstantOf(arguments[1].Expression, model, cancellationToken) is { HasValue: true, Value: int minor })
        {
            return major.ToString(CultureInfo.InvariantCulture) + "." + minor.ToString(CultureInfo.InvariantCulture);
        }
        return null;
    }

    private static string? Constant(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.ConstantOf(value, model, cancellationToken) switch
        {
            { HasValue: true, Value: bool flag } => flag ? "true" : "false",
            { HasValue: true, Value: int number } => number.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

    /// <summary><c>Configure&lt;IdentityOptions&gt;(section)</c> and <c>AddOptions&lt;IdentityOptions&gt;()...Bind(...)</c>: options
    /// from configuration, which may set the store options. A lambda's assignments are read as assignments instead.</summary>
    private static IdentityStoreOptionSpec? Binding(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol { TypeArguments.Length: 1 } method || !method.TypeArguments[0].Is(IdentityNamespace, "IdentityOptions")) return null;
        var bound = method.Name == "AddOptions"
            ? invocation.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => SyntaxFacts.CalledName(i) is "Bind" or "BindConfiguration")
            : invocation.ArgumentList.Arguments.Any(a => a.Expression is not (LambdaExpressionSyntax or LiteralExpressionSyntax)); // a name is a literal
        return bound ? new IdentityStoreOptionSpec("IdentityOptions", null, SourceLocation.From(invocation)) : null;
    }
}

internal sealed record IdentityStoreOptionResult(IdentityStoreOptionSpec? Spec, string? Error);
