using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Data protection in code (outline 4.1): Identity's personal-data attributes, Data Protection purposes, and
/// field-level encryption through value converters: a <c>ValueConverter</c> subclass, or a <c>HasConversion</c>
/// whose lambdas or converter encrypt (an <c>IDataProtector.Protect/Unprotect</c> call, or a
/// System.Security.Cryptography type used in it). A method merely named Encrypt proves nothing and is not enough.
/// Masking through Microsoft.Extensions.Compliance (<see cref="RedactionReader"/>): classification attributes, redactors, log redaction.
/// </summary>
internal static class SecurityParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        // Classification attributes are the project's own classes (any name), so every attribute but the common
        // validation, mapping and serialisation ones makes a candidate; the transform asks the attribute's base type.
        PropertyDeclarationSyntax { AttributeLists.Count: > 0 } property =>
            property.AttributeLists.SelectMany(l => l.Attributes).Any(a => !RedactionReader.CommonAttributes.Contains(SyntaxFacts.RightmostName(a.Name))),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateProtector" or "HasConversion" } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } when RedactionReader.CallNames.Contains(name) => true,
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => SyntaxFacts.RightmostName(t.Type) == "ValueConverter"),
        _ => TransportSecurityReader.IsCandidate(node) || DataProtectionKeysReader.IsCandidate(node),
    };

    public static SecurityResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            if (TransportSecurityReader.IsCandidate(context.Node))
            {
                var transport = TransportSecurityReader.Read(context.Node, model, cancellationToken);
                return transport is null ? null : new SecurityResult(EquatableArray<SecuritySpec>.Empty, null, transport);
            }
            if (DataProtectionKeysReader.IsCandidate(context.Node))
            {
                return DataProtectionKeysReader.Read((InvocationExpressionSyntax)context.Node, model, cancellationToken) is { } key
                    ? new SecurityResult(new[] { key }.ToEquatableArray(), null)
                    : null;
            }
            var specs = context.Node switch
            {
                PropertyDeclarationSyntax property => PersonalData(property, model, cancellationToken),
                InvocationExpressionSyntax invocation => One(FromInvocation(invocation, model, cancellationToken) ?? RedactionReader.FromInvocation(invocation, model, cancellationToken)),
                ClassDeclarationSyntax type => One(Converter(type, model, cancellationToken)),
                _ => EquatableArray<SecuritySpec>.Empty,
            };
            return specs.IsEmpty ? null : new SecurityResult(specs, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SecurityResult(EquatableArray<SecuritySpec>.Empty, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static EquatableArray<SecuritySpec> One(SecuritySpec? spec) => spec is null ? EquatableArray<SecuritySpec>.Empty : new[] { spec }.ToEquatableArray();

    /// <summary>Identity's personal-data attributes and data classification attributes on one property (it may have both).</summary>
    private static EquatableArray<SecuritySpec> PersonalData(PropertyDeclarationSyntax property, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(property, cancellationToken) is not IPropertySymbol symbol) return EquatableArray<SecuritySpec>.Empty;
        var specs = new List<SecuritySpec>();
        var subject = symbol.ContainingType.ClrFullName() + "." + symbol.Name;
        var location = SourceLocation.From(property.Identifier.Parent!);
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type) continue;
            if (RedactionReader.Classification(type) is { } classification)
            {
                specs.Add(new SecuritySpec("data classification", subject, classification, symbol.ContainingType.Name, location));
                continue;
            }
            if (!type.IsInNamespace("Microsoft.AspNetCore.Identity")) continue;
            var kind = type.Name switch
            {
                "ProtectedPersonalDataAttribute" => "protected personal data",
                "PersonalDataAttribute" => "personal data",
                _ => null,
            };
            if (kind is not null) specs.Add(new SecuritySpec(kind, subject, null, symbol.ContainingType.Name, location));
        }
        return specs.ToEquatableArray();
    }

    private static SecuritySpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        if (method.Name == "CreateProtector")
        {
            if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.AspNetCore.DataProtection")) return null;
            var purpose = model.FirstArgumentString(invocation, cancellationToken);
            return new SecuritySpec("data protection purpose", purpose ?? "computed", null, member, SourceLocation.From(invocation));
        }
        // HasConversion on a property builder: encrypted when its lambdas or converter encrypt.
        if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null;
        var how = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            how.UnionWith(Protecting(argument.Expression, model, cancellationToken));
            if (Semantics.TypeOf(argument.Expression, model, cancellationToken) is INamedTypeSymbol created && EncryptsInSource(created, model, cancellationToken)) how.Add("converter " + created.Name);
        }
        foreach (var typeArgument in method.TypeArguments.OfType<INamedTypeSymbol>())
        {
            if (EncryptsInSource(typeArgument, model, cancellationToken)) how.Add("converter " + typeArgument.Name);
        }
        var property = PropertyOf(invocation, model, cancellationToken) ?? "a property";
        if (how.Count > 0) return new SecuritySpec("encrypted property", property, string.Join(", ", how), member, SourceLocation.From(invocation));
        // Not encrypting: a type coercion (issue 4.6), listed with validation.
        // Under a condition (BTCPay's `if (!databaseFacade.IsNpgsql())`), said with it: it does not always apply.
        return Conversion(invocation, method, model, cancellationToken) is { } conversion
            ? new SecuritySpec(ValueConversionKind, property,
                CodeText.EnclosingCondition(invocation, null) is { } condition ? conversion + ", only when " + CodeSpan.Of(condition) : conversion,
                member, SourceLocation.From(invocation))
            : null;
    }

    /// <summary>The kind of a <c>HasConversion</c> that does not encrypt: shown with validation (type coercion), not in 4.1.</summary>
    public const string ValueConversionKind = "value conversion";

    /// <summary>What a <c>HasConversion</c> stores, as the code says it: <c>stored as `string`</c> (a provider type argument or
    /// <c>typeof</c>), <c>converter `EnumToStringConverter&lt;Status&gt;` (`Status` → `string`)</c> (a converter type
    /// argument, instance or field, its model and provider types read from its <c>ValueConverter&lt;TModel, TProvider&gt;</c>
    /// base), or <c>expressions `v =&gt; v.ToString()` and `v =&gt; ...`</c> (two lambdas, when they hold no string literal).</summary>
    private static string? Conversion(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        // HasConversion<string>() or HasConversion<SomeConverter>(): the type argument as written.
        if (invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax } && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol typeArgument)
        {
            return Converter(typeArgument) ?? "stored as " + CodeSpan.Of(typeArgument.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count == 0) return null;
        if (arguments[0].Expression is TypeOfExpressionSyntax typeOf && Semantics.TypeOf(typeOf.Type, model, cancellationToken) is { } provider)
        {
            return "stored as " + CodeSpan.Of(provider.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        }
        if (arguments.Count >= 2 && arguments[0].Expression is LambdaExpressionSyntax && arguments[1].Expression is LambdaExpressionSyntax)
        {
            var to = CodeText.Safe(arguments[0].Expression);
            var from = CodeText.Safe(arguments[1].Expression);
            var stored = method.TypeArguments.Length == 1 ? ", stored as " + CodeSpan.Of(method.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)) : "";
            return (to is null || from is null ? "two expressions (to the column and back)" : "expressions " + CodeSpan.Of(to) + " and " + CodeSpan.Of(from)) + stored;
        }
        return Semantics.TypeOf(arguments[0].Expression, model, cancellationToken) is INamedTypeSymbol converter ? Converter(converter) : null;
    }

    private static string? Converter(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "ValueConverter", TypeArguments.Length: 2 } && current.IsInNamespace("Microsoft.EntityFrameworkCore.Storage.ValueConversion"))
            {
                static string Name(ITypeSymbol t) => CodeSpan.Of(t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                return "converter " + Name(type) + " (" + Name(current.TypeArguments[0]) + " → " + Name(current.TypeArguments[1]) + ")";
            }
        }
        return null;
    }

    /// <summary><c>Entity.Property</c> from the builder chain: <c>b.Property(x => x.Ssn).HasConversion(...)</c> on an
    /// <c>EntityTypeBuilder&lt;Entity&gt;</c>.</summary>
    private static string? PropertyOf(InvocationExpressionSyntax hasConversion, SemanticModel model, CancellationToken cancellationToken)
    {
        if (hasConversion.Expression is not MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property" } propertyAccess } property }) return null;
        var selector = property.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var name = SyntaxFacts.SelectedMember(selector) ?? model.ConstantString(selector, cancellationToken);
        if (name is null) return null;
        var builder = Semantics.TypeOf(propertyAccess.Expression, model, cancellationToken) as INamedTypeSymbol;
        return builder is { Name: "EntityTypeBuilder" or "OwnedNavigationBuilder", TypeArguments.Length: > 0 } ? builder.TypeArguments[builder.TypeArguments.Length - 1].ClrFullName() + "." + name : name;
    }

    private static SecuritySpec? Converter(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || !IsValueConverter(type)) return null;
        var how = Protecting(declaration, model, cancellationToken).ToList();
        return how.Count == 0 ? null : new SecuritySpec("encrypting converter", type.ClrFullName(), string.Join(", ", how), type.Name, SourceLocation.From(declaration.Identifier.Parent!));
    }

    private static bool IsValueConverter(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "ValueConverter" && current.IsInNamespace("Microsoft.EntityFrameworkCore.Storage.ValueConversion")) return true;
        }
        return false;
    }

    /// <summary>A converter class declared in this compilation whose code encrypts. (A class of a project an IDE
    /// references as a compilation has syntax too, in trees of that other compilation: not read.)</summary>
    private static bool EncryptsInSource(INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken) =>
        IsValueConverter(type) && type.DeclaringSyntaxReferences.Any(r =>
        {
            if (!model.Compilation.ContainsSyntaxTree(r.SyntaxTree)) return false;
            var node = r.ReadSyntax(cancellationToken);
            var nodeModel = node.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(node.SyntaxTree);
            return Protecting(node, nodeModel, cancellationToken).Any();
        });

    /// <summary>What protects data in a piece of code: IDataProtector.Protect/Unprotect calls, cryptography types.</summary>
    private static IEnumerable<string> Protecting(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var node in scope.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Protect" or "Unprotect" } } call
                    when OptionsBuilderParser.ResolveMethod(call, model, cancellationToken) is { } method
                         && ((method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Microsoft.AspNetCore.DataProtection")):
                    found.Add("IDataProtector." + method.Name);
                    break;
                case IdentifierNameSyntax identifier when identifier.Identifier.ValueText is "Aes" or "AesGcm" or "AesCcm" or "ChaCha20Poly1305" or "ProtectedData"
                                                           && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is INamedTypeSymbol crypto
                                                           && crypto.IsInNamespaceOrBelow("System.Security.Cryptography"):
                    found.Add(crypto.Name);
                    break;
            }
        }
        return found;
    }
}

/// <param name="Transport">A broker connection's protection in transit (<see cref="TransportSecurityReader"/>).</param>
internal sealed record SecurityResult(EquatableArray<SecuritySpec> Specs, string? Error, TransportSecuritySpec? Transport = null);
