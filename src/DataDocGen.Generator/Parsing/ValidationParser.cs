using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Validation (outline 2.3): FluentValidation validators (a class deriving from <c>AbstractValidator&lt;T&gt;</c>, its
/// <c>RuleFor</c>/<c>RuleForEach</c> chains read in its constructor), types implementing <c>IValidatableObject</c>,
/// properties carrying System.ComponentModel.DataAnnotations validation attributes, guard clauses
/// (<see cref="GuardClauseParser"/>), sanitisation on assignment (<see cref="SanitisationParser"/>) and the code that runs validation (<see cref="ValidationRunParser"/>). Each is confirmed by symbol.
/// </summary>
internal static class ValidationParser
{
    /// <summary>Validation attributes, by the name written without the Attribute suffix.</summary>
    private static readonly HashSet<string> Annotations = new(System.StringComparer.Ordinal)
    {
        "Required", "StringLength", "MaxLength", "MinLength", "Length", "Range", "RegularExpression", "EmailAddress", "Phone", "Url",
        "CreditCard", "Compare", "AllowedValues", "DeniedValues", "Base64String", "FileExtensions",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ClassDeclarationSyntax type when ValidationRunParser.IsCandidate(type) => true,
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => t.Type is GenericNameSyntax { Identifier.ValueText: "AbstractValidator" } or QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "AbstractValidator" } }
                                                                          or IdentifierNameSyntax { Identifier.ValueText: "IValidatableObject" } or QualifiedNameSyntax { Right.Identifier.ValueText: "IValidatableObject" }),
        PropertyDeclarationSyntax { AttributeLists.Count: > 0 } property => property.AttributeLists.SelectMany(l => l.Attributes).Any(a => Annotations.Contains(AttributeName(a))),
        // A record's positional parameter: its attributes go to the parameter, or with property: to the generated property.
        ParameterSyntax { AttributeLists.Count: > 0, Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } } parameter =>
            parameter.AttributeLists.SelectMany(l => l.Attributes).Any(a => Annotations.Contains(AttributeName(a))),
        ThrowStatementSyntax or ThrowExpressionSyntax => GuardClauseParser.IsCandidate(node),
        AttributeListSyntax => ValidationRunParser.IsCandidate(node),
        InvocationExpressionSyntax => GuardClauseParser.IsCandidate(node) || SanitisationParser.IsCandidate(node) || ValidationRunParser.IsCandidate(node),
        _ => false,
    };

    public static ValidationResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.Node switch
            {
                ClassDeclarationSyntax type when ValidationRunParser.IsCandidate(type) && ValidationRunParser.Parse(type, context.SemanticModel, cancellationToken) is { } run =>
                    new ValidationResult(null, null, null, Run: run),
                ClassDeclarationSyntax type => Validator(type, context.SemanticModel, cancellationToken),
                PropertyDeclarationSyntax property => Annotated(property, context.SemanticModel, cancellationToken),
                ParameterSyntax parameter => RecordParameter(parameter, context.SemanticModel, cancellationToken),
                InvocationExpressionSyntax call when SanitisationParser.IsCandidate(call) =>
                    SanitisationParser.Parse(call, context.SemanticModel, cancellationToken) is { } sanitisation ? new ValidationResult(null, null, null, Sanitisation: sanitisation) : null,
                AttributeListSyntax list => ValidationRunParser.Parse(list, context.SemanticModel, cancellationToken) is { } run ? new ValidationResult(null, null, null, Run: run) : null,
                InvocationExpressionSyntax call when ValidationRunParser.IsCandidate(call) && ValidationRunParser.Parse(call, context.SemanticModel, cancellationToken) is { } run =>
                    new ValidationResult(null, null, null, Run: run),
                _ => GuardClauseParser.Parse(context.Node, context.SemanticModel, cancellationToken) is { } guard ? new ValidationResult(null, null, null, guard) : null,
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new ValidationResult(null, null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static ValidationResult? Validator(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        var location = SourceLocation.From(declaration.Identifier.Parent!);
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "AbstractValidator", TypeArguments.Length: 1 } && current.IsInNamespace("FluentValidation"))
            {
                var rules = declaration.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Where(IsChainEnd)
                    .Select(chain => Rule(chain, model, cancellationToken)).Where(r => r is not null).Select(r => r!)
                    .ToEquatableArray();
                return new ValidationResult(new ValidatorSpec("FluentValidation", type.Name, current.TypeArguments[0].ClrFullName(), rules, location), null, null);
            }
        }
        if (type.AllInterfaces.Any(i => i.Is("System.ComponentModel.DataAnnotations", "IValidatableObject"))
            && type.Interfaces.Any(i => i.Is("System.ComponentModel.DataAnnotations", "IValidatableObject")))
        {
            return new ValidationResult(new ValidatorSpec("IValidatableObject", type.Name, type.ClrFullName(), EquatableArray<string>.Empty, location), null, null);
        }
        return null;
    }

    /// <summary>The last call of a statement-level chain that starts with RuleFor/RuleForEach.</summary>
    private static bool IsChainEnd(InvocationExpressionSyntax invocation) =>
        invocation.Parent is not MemberAccessExpressionSyntax && Start(invocation) is not null;

    private static InvocationExpressionSyntax? Start(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax current = invocation;
        InvocationExpressionSyntax? first = null;
        while (current is InvocationExpressionSyntax call)
        {
            first = call;
            current = call.Expression is MemberAccessExpressionSyntax access ? access.Expression : call.Expression;
        }
        return first?.Expression is IdentifierNameSyntax { Identifier.ValueText: "RuleFor" or "RuleForEach" } ? first : null;
    }

    /// <summary><c>RuleFor(x => x.Name).NotEmpty().MaximumLength(100).When(x => x.IsActive)</c> →
    /// <c>Name: NotEmpty, MaximumLength(100), When(x => x.IsActive)</c>. Messages (<c>WithMessage</c>) are left out.</summary>
    private static string? Rule(InvocationExpressionSyntax end, SemanticModel model, CancellationToken cancellationToken)
    {
        var start = Start(end)!;
        if (Semantics.SymbolOrMethod(start, model, cancellationToken) is not IMethodSymbol { ContainingType: { } owner } || !owner.IsInNamespaceOrBelow("FluentValidation")) return null;
        var property = start.ArgumentList.Arguments.FirstOrDefault()?.Expression switch
        {
            SimpleLambdaExpressionSyntax { Body: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
            SimpleLambdaExpressionSyntax { Body: var body } => CodeText.Safe(body) ?? "…",
            _ => "…",
        };
        var steps = new List<string>();
        for (var current = end; current != start; current = (InvocationExpressionSyntax)((MemberAccessExpressionSyntax)current.Expression).Expression)
        {
            var name = ((MemberAccessExpressionSyntax)current.Expression).Name.Identifier.ValueText;
            if (name is "WithMessage" or "WithName" or "WithErrorCode" or "WithSeverity" or "WithState" or "OverridePropertyName") continue;
            steps.Add(current.ArgumentList.Arguments.Count == 0 ? name : CodeText.Collapse(current.ArgumentList) is { } arguments ? name + arguments : name + "(…)");
        }
        steps.Reverse();
        var prefix = ((IdentifierNameSyntax)start.Expression).Identifier.ValueText == "RuleForEach" ? "each " : "";
        return prefix + property + ": " + string.Join(", ", steps);
    }

    /// <summary>An annotations row cites the attributes it lists (the first list's line), not the declaration under them.</summary>
    private static SourceLocation? AttributesLocation(SyntaxList<AttributeListSyntax> attributes, SyntaxNode declaration) =>
        SourceLocation.From(attributes.Count > 0 ? attributes[0] : declaration);

    private static ValidationResult? Annotated(PropertyDeclarationSyntax property, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(property, cancellationToken) is not IPropertySymbol symbol) return null;
        var attributes = Attributes(property.AttributeLists.SelectMany(l => l.Attributes), model, cancellationToken);
        if (attributes.Count == 0) return null;
        return new ValidationResult(null, new AnnotatedPropertySpec(symbol.ContainingType.ClrFullName(), symbol.Name, attributes.ToEquatableArray(), AttributesLocation(property.AttributeLists, property)), null);
    }

    /// <summary>Validation attributes on a record's positional parameter, by what they apply to: no target or <c>param:</c>
    /// is the constructor parameter, <c>property:</c> the generated property (<c>field:</c>, the backing field, is read by
    /// neither MVC nor <c>Validator</c>, and is not reported). A parameter gives one result per target, so the
    /// <c>property:</c> ones come as a second spec through <see cref="ValidationResult.Extra"/>.</summary>
    private static ValidationResult? RecordParameter(ParameterSyntax parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol || symbol.ContainingType is not { IsRecord: true } record) return null;
        // Where the compiler put each attribute (a property: target on a parameter whose property is declared by hand is
        // ignored by the compiler, and so here): the attributes each symbol carries, matched to the syntax by span.
        var written = parameter.AttributeLists.SelectMany(l => l.Attributes).ToList();
        List<AttributeSyntax> On(ISymbol? carrier) => carrier is null ? new List<AttributeSyntax>()
            : written.Where(a => carrier.GetAttributes().Any(d => d.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == a.SyntaxTree && reference.Span == a.Span)).ToList();
        var generated = record.GetMembers(symbol.Name).OfType<IPropertySymbol>().FirstOrDefault();
        var onParameter = Attributes(On(symbol), model, cancellationToken);
        var onProperty = Attributes(On(generated), model, cancellationToken);
        if (onParameter.Count == 0 && onProperty.Count == 0) return null;
        var bound = BoundThroughConstructor(record, symbol.ContainingSymbol as IMethodSymbol);
        var location = AttributesLocation(parameter.AttributeLists, parameter);
        var specs = new List<AnnotatedPropertySpec>();
        if (onParameter.Count > 0) specs.Add(new AnnotatedPropertySpec(record.ClrFullName(), symbol.Name, onParameter.ToEquatableArray(), location, AnnotatedPropertySpec.RecordParameter, bound));
        if (onProperty.Count > 0) specs.Add(new AnnotatedPropertySpec(record.ClrFullName(), symbol.Name, onProperty.ToEquatableArray(), location, AnnotatedPropertySpec.RecordProperty, bound));
        return new ValidationResult(null, specs[0], null, Extra: specs.Count > 1 ? specs[1] : null);
    }

    /// <summary>ASP.NET Core MVC's rule for binding a type through its constructor (and so validating its parameters):
    /// a record class, not abstract, with exactly one public constructor that has parameters, each matching a public
    /// readable property by name and type (aspnetcore <c>DefaultBindingMetadataProvider.GetBoundConstructor</c>).</summary>
    private static bool BoundThroughConstructor(INamedTypeSymbol record, IMethodSymbol? constructor)
    {
        if (record.TypeKind != TypeKind.Class || record.IsAbstract || constructor is null) return false;
        var publicConstructors = record.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (publicConstructors.Count != 1 || !SymbolEqualityComparer.Default.Equals(publicConstructors[0], constructor) || constructor.Parameters.Length == 0) return false;
        var properties = new List<IPropertySymbol>();
        for (var type = record; type is not null; type = type.BaseType)
        {
            properties.AddRange(type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer && p.DeclaredAccessibility == Accessibility.Public
                                                                                        && p.GetMethod is { DeclaredAccessibility: Accessibility.Public }));
        }
        return constructor.Parameters.All(p => properties.Any(q => q.Name == p.Name && SymbolEqualityComparer.Default.Equals(q.Type, p.Type)));
    }

    private static List<string> Attributes(IEnumerable<AttributeSyntax> written, SemanticModel model, CancellationToken cancellationToken)
    {
        var attributes = new List<string>();
        foreach (var attribute in written)
        {
            if (!Annotations.Contains(AttributeName(attribute))) continue;
            if (model.GetTypeInfo(attribute, cancellationToken).Type is not { } type || !type.IsInNamespace("System.ComponentModel.DataAnnotations")) continue;
            // Arguments as written, except messages: ErrorMessage = "..." says nothing about the rule.
            var arguments = attribute.ArgumentList?.Arguments.Where(a => a.NameEquals?.Name.Identifier.ValueText is not ("ErrorMessage" or "ErrorMessageResourceName" or "ErrorMessageResourceType"))
                .Select(a => a.ToString()).ToList();
            attributes.Add(AttributeName(attribute) + (arguments is { Count: > 0 } ? "(" + string.Join(", ", arguments) + ")" : ""));
        }
        return attributes;
    }

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}

/// <param name="Extra">A second annotated member from the same node: a record parameter's <c>property:</c> attributes.</param>
internal sealed record ValidationResult(ValidatorSpec? Validator, AnnotatedPropertySpec? Property, string? Error, GuardSpec? Guard = null, SanitisationSpec? Sanitisation = null,
    AnnotatedPropertySpec? Extra = null, ValidationRunSpec? Run = null);
