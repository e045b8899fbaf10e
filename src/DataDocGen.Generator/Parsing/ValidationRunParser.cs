using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Where validation runs (outline 2.3): calls that run FluentValidation validators (<c>Validate</c>, <c>ValidateAsync</c>,
/// <c>ValidateAndThrow</c>, <c>ValidateAndThrowAsync</c>, declared in namespace FluentValidation, extension methods
/// included), calls of <c>System.ComponentModel.DataAnnotations.Validator</c>, and the framework switches that run
/// validation for requests: <c>AddValidation()</c> (Microsoft.Extensions.Validation, minimal APIs),
/// <c>AddFluentValidationAutoValidation()</c> (FluentValidation.AspNetCore, MVC) and <c>[ApiController]</c>
/// (Microsoft.AspNetCore.Mvc). Each is confirmed by the declaring type, never by its name alone: a project's own
/// <c>Validate</c> method or <c>Validator</c> class is not listed, and a validator that is never invoked gets no row.
/// </summary>
internal static class ValidationRunParser
{
    private static readonly HashSet<string> Methods = new(System.StringComparer.Ordinal)
    {
        "Validate", "ValidateAsync", "ValidateAndThrow", "ValidateAndThrowAsync",
        "TryValidateObject", "ValidateObject", "TryValidateProperty", "ValidateProperty", "TryValidateValue", "ValidateValue",
        "AddValidation", "AddFluentValidationAutoValidation",
    };

    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } => Methods.Contains(name),
        InvocationExpressionSyntax { Expression: SimpleNameSyntax { Identifier.ValueText: var name } } => Methods.Contains(name),
        ClassDeclarationSyntax { AttributeLists.Count: > 0 } type => type.AttributeLists.SelectMany(l => l.Attributes).Any(IsApiControllerName),
        AttributeListSyntax { Target.Identifier.ValueText: "assembly" } list => list.Attributes.Any(IsApiControllerName),
        _ => false,
    };

    private static bool IsApiControllerName(AttributeSyntax attribute) => attribute.Name switch
    {
        QualifiedNameSyntax { Right.Identifier.ValueText: "ApiController" or "ApiControllerAttribute" } => true,
        SimpleNameSyntax { Identifier.ValueText: "ApiController" or "ApiControllerAttribute" } => true,
        _ => false,
    };

    public static ValidationRunSpec? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
    {
        InvocationExpressionSyntax call => Call(call, model, cancellationToken),
        ClassDeclarationSyntax type => ApiController(type, model, cancellationToken),
        AttributeListSyntax list => AssemblyApiController(list, model, cancellationToken),
        _ => null,
    };

    private static ValidationRunSpec? Call(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(call, model, cancellationToken) is not IMethodSymbol method) return null;
        var original = method.ReducedFrom ?? method;
        // An override in the project's validator (AbstractValidator<T>.Validate overridden) is FluentValidation's method.
        var declared = original;
        while (declared.OverriddenMethod is { } overridden) declared = overridden;
        var owner = declared.ContainingType;
        if (owner is null) return null;
        var site = CodeText.MemberName(call, model, cancellationToken);
        var location = SourceLocation.From(call);
        switch (original.Name)
        {
            case "Validate" or "ValidateAsync" or "ValidateAndThrow" or "ValidateAndThrowAsync" when owner.IsInNamespace("FluentValidation"):
            {
                // The receiver's type: IValidator<T>, AbstractValidator<T>, or an extension's first parameter.
                var receiver = original.IsExtensionMethod ? original.Parameters.FirstOrDefault()?.Type as INamedTypeSymbol : owner;
                if (receiver is null) return null;
                var constructed = method.ReducedFrom is not null ? method.GetConstructedReducedFrom() ?? method : method;
                var validated = original.IsExtensionMethod ? ValidatedOf(constructed.Parameters.FirstOrDefault()?.Type as INamedTypeSymbol) : ValidatedOf(method.ContainingType);
                var api = receiver.Name + (receiver.TypeParameters.Length == 1 ? "<T>" : "") + "." + original.Name;
                var detail = original.Name.StartsWith("ValidateAndThrow", System.StringComparison.Ordinal) ? "throws `ValidationException` when invalid" : null;
                return new ValidationRunSpec(ValidationRunSpec.FluentValidation, api, Named(validated), site, detail, location);
            }
            case "TryValidateObject" or "ValidateObject" or "TryValidateProperty" or "ValidateProperty" or "TryValidateValue" or "ValidateValue"
                when owner.Is("System.ComponentModel.DataAnnotations", "Validator"):
            {
                ITypeSymbol? validated = null;
                string? detail = null;
                if (original.Name is "TryValidateObject" or "ValidateObject")
                {
                    if (Argument(call, original, 0) is { } instance) validated = Semantics.TypeOf(instance, model, cancellationToken);
                    detail = AllProperties(call, original, model, cancellationToken);
                }
                return new ValidationRunSpec(ValidationRunSpec.DataAnnotations, "Validator." + original.Name, Named(validated), site, detail, location);
            }
            case "AddValidation" when owner.Is("Microsoft.Extensions.DependencyInjection", "ValidationServiceCollectionExtensions")
                                      && owner.ContainingAssembly?.Name == "Microsoft.Extensions.Validation":
                return new ValidationRunSpec(ValidationRunSpec.Framework, "AddValidation()", null, site,
                    "minimal-API endpoints validate their parameters' data annotations (an invalid argument answers 400)", location);
            case "AddFluentValidationAutoValidation" when owner.IsInNamespace("FluentValidation.AspNetCore"):
                return new ValidationRunSpec(ValidationRunSpec.Framework, "AddFluentValidationAutoValidation()", null, site,
                    "MVC model binding (controllers, Razor Pages) runs the FluentValidation validators registered for the bound types; minimal-API endpoints are not covered", location);
            default:
                return null;
        }
    }

    /// <summary>T of <c>IValidator&lt;T&gt;</c> or <c>AbstractValidator&lt;T&gt;</c> (or a type deriving from it).</summary>
    private static ITypeSymbol? ValidatedOf(INamedTypeSymbol? type)
    {
        static bool IsValidator(INamedTypeSymbol t) => t is { Name: "AbstractValidator" or "IValidator", TypeArguments.Length: 1 } && t.IsInNamespace("FluentValidation");
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsValidator(current)) return current.TypeArguments[0];
        }
        return type?.AllInterfaces.FirstOrDefault(IsValidator)?.TypeArguments[0];
    }

    private static string? Named(ITypeSymbol? type) =>
        type is null or ITypeParameterSymbol or IErrorTypeSymbol || type.SpecialType == SpecialType.System_Object ? null : type.ClrFullName();

    /// <summary>The argument given to the parameter at <paramref name="index"/> of the method's original definition.</summary>
    private static ExpressionSyntax? Argument(InvocationExpressionSyntax call, IMethodSymbol method, int index)
    {
        if (index >= method.Parameters.Length) return null;
        var name = method.Parameters[index].Name;
        var arguments = call.ArgumentList.Arguments;
        if (arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name) is { } named) return named.Expression;
        return index < arguments.Count && arguments[index].NameColon is null && arguments.Take(index).All(a => a.NameColon is null) ? arguments[index].Expression : null;
    }

    /// <summary>What <c>validateAllProperties</c> means for this call: without it, or when false, only <c>[Required]</c> is
    /// checked among the attributes (System.ComponentModel.DataAnnotations.Validator); null when it is not a constant.</summary>
    private static string? AllProperties(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var index = method.Parameters.Select(p => p.Name).ToList().IndexOf("validateAllProperties");
        if (index < 0) return "without `validateAllProperties`: of the attributes, only `[Required]` is checked";
        if (Argument(call, method, index) is not { } argument) return null;
        return Semantics.ConstantOf(argument, model, cancellationToken) switch
        {
            { HasValue: true, Value: true } => "`validateAllProperties: true`: every validation attribute is checked",
            { HasValue: true, Value: false } => "`validateAllProperties: false`: of the attributes, only `[Required]` is checked",
            _ => null,
        };
    }

    private static ValidationRunSpec? ApiController(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass.Is("Microsoft.AspNetCore.Mvc", "ApiControllerAttribute")
                                                                 && a.ApplicationSyntaxReference?.SyntaxTree == declaration.SyntaxTree
                                                                 && declaration.AttributeLists.Span.Contains(a.ApplicationSyntaxReference.Span));
        if (attribute is null) return null;
        return new ValidationRunSpec(ValidationRunSpec.Framework, "[ApiController]", null, type.Name,
            "its actions answer 400 before running when MVC model validation of their bound parameters (data annotations) fails, "
            + "unless `ApiBehaviorOptions.SuppressModelStateInvalidFilter` is set; also controllers deriving from it",
            SourceLocation.From(declaration.Identifier.Parent!));
    }

    /// <summary><c>[assembly: ApiController]</c>: every controller of the assembly behaves as if it carried the attribute.</summary>
    private static ValidationRunSpec? AssemblyApiController(AttributeListSyntax list, SemanticModel model, CancellationToken cancellationToken)
    {
        var attribute = list.Attributes.FirstOrDefault(a => IsApiControllerName(a) && model.GetTypeInfo(a, cancellationToken).Type.Is("Microsoft.AspNetCore.Mvc", "ApiControllerAttribute"));
        if (attribute is null) return null;
        return new ValidationRunSpec(ValidationRunSpec.Framework, "[assembly: ApiController]", null, "assembly",
            "the actions of every controller in the assembly answer 400 before running when MVC model validation of their bound parameters (data annotations) fails, "
            + "unless `ApiBehaviorOptions.SuppressModelStateInvalidFilter` is set",
            SourceLocation.From(attribute));
    }
}
