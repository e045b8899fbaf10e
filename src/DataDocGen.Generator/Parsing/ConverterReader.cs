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
/// Reads which provider type a <c>HasConversion</c> (or a <c>ConfigureConventions</c> <c>HaveConversion</c>) maps a
/// property to, when the code states it statically: a provider type argument or <c>typeof</c> (EF Core's converter
/// selector then picks the converter), a built-in converter named by type whose mapping hints are fixed, a
/// <c>new ValueConverter&lt;TModel, TProvider&gt;(to, from)</c>, a converter class of the project deriving from
/// <c>ValueConverter&lt;TModel, TProvider&gt;</c> whose constructors pass no mapping hints, or two lambdas (the
/// provider type is the call's <c>TProvider</c>), or a <c>new BoolToStringConverter("N", "Y")</c> with two constant
/// strings (size: the longer). Anything else (hints given at run time, a converter from another
/// assembly, a converter held in a variable assigned elsewhere) gives null: the store type is then not stated.
/// </summary>
internal static class ConverterReader
{
    private const string ConversionNamespace = "Microsoft.EntityFrameworkCore.Storage.ValueConversion";

    /// <summary>EF Core's built-in converters whose mapping hints do not depend on constructor arguments, with the size
    /// hint each carries (EF Core 10: <c>ConverterMappingHints</c> of their default constructors; checked by the fidelity
    /// tests on three providers).</summary>
    private static readonly Dictionary<string, int?> BuiltInSizes = new(System.StringComparer.Ordinal)
    {
        ["EnumToStringConverter`1"] = null,
        ["EnumToNumberConverter`2"] = null,
        ["BoolToZeroOneConverter`1"] = null,
        ["DateTimeToTicksConverter"] = null,
        ["DateTimeToBinaryConverter"] = null,
        ["DateTimeOffsetToBinaryConverter"] = null,
        ["TimeSpanToTicksConverter"] = null,
        ["TimeOnlyToTicksConverter"] = null,
        ["UriToStringConverter"] = null,
        ["DateTimeToStringConverter"] = 48,
        ["DateTimeOffsetToStringConverter"] = 48,
        ["TimeSpanToStringConverter"] = 48,
        ["TimeOnlyToStringConverter"] = 48,
        ["DateOnlyToStringConverter"] = 10,
        ["GuidToStringConverter"] = 36,
        ["GuidToBytesConverter"] = 16,
        ["CharToStringConverter"] = 1,
        ["NumberToStringConverter`1"] = 64,
    };

    public static ConverterSpec? Read(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method
            || !method.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
        {
            return null;
        }
        var arguments = invocation.ArgumentList.Arguments;
        // HasConversion<T>(), HasConversion<T, TComparer>(), HaveConversion<T>(): T is a converter type or the provider type.
        if (arguments.Count == 0 && method.TypeArguments.Length >= 1)
        {
            return FromType(method.TypeArguments[0], model.Compilation, cancellationToken);
        }
        if (arguments.Count == 0) return null;
        var first = arguments[0].Expression;
        // HasConversion(typeof(T)) and HasConversion(typeof(T), typeof(TComparer)).
        if (first is TypeOfExpressionSyntax typeOf && method.Parameters.Length >= 1 && method.Parameters[0].Type.Is("System", "Type"))
        {
            return Semantics.WrittenType(typeOf.Type, model, cancellationToken) is { } written ? FromType(written, model.Compilation, cancellationToken) : null;
        }
        // HasConversion(v => ..., v => ...): the provider type is the call's TProvider, inferred from the lambdas' types.
        if (arguments.Count >= 2 && first is LambdaExpressionSyntax && arguments[1].Expression is LambdaExpressionSyntax)
        {
            return method.TypeArguments.Length == 1 && ProviderType(method.TypeArguments[0]) is { } provider ? new ConverterSpec(provider, BySelector: false) : null;
        }
        // HasConversion(converter) and HasConversion(converter, comparer...).
        return method.Parameters.Length >= 1 && IsValueConverter(method.Parameters[0].Type) ? FromInstance(first, model, cancellationToken, depth: 0) : null;
    }

    /// <summary>A type argument or <c>typeof</c>: a converter class EF Core creates with its parameterless constructor,
    /// or a provider type for the converter selector.</summary>
    private static ConverterSpec? FromType(ITypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        if (IsValueConverter(type)) return type is INamedTypeSymbol converter ? FromConverterClass(converter, argumentCount: 0, compilation, cancellationToken) : null;
        return ProviderType(type) is { } provider ? new ConverterSpec(provider, BySelector: true) : null;
    }

    /// <summary>The converter instance passed to <c>HasConversion</c>: created there, or held in a local or readonly field
    /// initialised with one and never assigned again.</summary>
    private static ConverterSpec? FromInstance(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        if (depth > 2) return null;
        switch (expression)
        {
            case BaseObjectCreationExpressionSyntax creation:
                // new X(...), or new(...) typed by the variable it initialises.
                if (Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol created) return null;
                // new BoolToStringConverter("N", "Y"): its size hint is the longer of the two strings.
                if (created.MetadataName == "BoolToStringConverter" && created.IsInNamespace(ConversionNamespace))
                {
                    return creation.ArgumentList?.Arguments is { Count: 2 } values
                           && values.All(v => v.NameColon is null && model.ConstantString(v.Expression, cancellationToken) is not null)
                        ? new ConverterSpec("System.String", BySelector: false, values.Max(v => model.ConstantString(v.Expression, cancellationToken)!.Length))
                        : null;
                }
                return FromConverterClass(created, creation.ArgumentList?.Arguments.Count ?? 0, model.Compilation, cancellationToken);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var symbol = Semantics.SymbolOf(expression, model, cancellationToken);
                var declarator = symbol switch
                {
                    ILocalSymbol { IsConst: false } => symbol.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) as VariableDeclaratorSyntax,
                    IFieldSymbol { IsReadOnly: true } => symbol.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) as VariableDeclaratorSyntax,
                    _ => null,
                };
                // Declared in this compilation only (an IDE's project reference brings another compilation's syntax).
                if (declarator?.Initializer?.Value is not { } initializer || !model.Compilation.ContainsSyntaxTree(declarator.SyntaxTree)) return null;
                if (symbol is ILocalSymbol && AssignedAgain(declarator, symbol.Name)) return null;
                if (symbol is IFieldSymbol field && AssignedInConstructor(field, cancellationToken)) return null;
                var initializerModel = declarator.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(declarator.SyntaxTree);
                return FromInstance(initializer, initializerModel, cancellationToken, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>A converter class: a built-in one with fixed hints, <c>ValueConverter&lt;TModel, TProvider&gt;</c> itself
    /// created with the two expressions only, or a class of the project deriving from it directly whose every
    /// constructor passes the base the two expressions only (no mapping hints) and that does not override the hints.</summary>
    private static ConverterSpec? FromConverterClass(INamedTypeSymbol type, int argumentCount, Compilation compilation, CancellationToken cancellationToken)
    {
        var valueConverter = ValueConverterBase(type);
        if (valueConverter is null || ProviderType(valueConverter.TypeArguments[1]) is not { } provider) return null;
        if (type.IsInNamespace(ConversionNamespace))
        {
            if (SymbolEqualityComparer.Default.Equals(type, valueConverter)) return argumentCount == 2 ? new ConverterSpec(provider, BySelector: false) : null;
            return argumentCount == 0 && BuiltInSizes.TryGetValue(type.MetadataName, out var size) ? new ConverterSpec(provider, BySelector: false, size) : null;
        }
        // A class of this compilation (one from a referenced assembly cannot be read, and one from a project referenced
        // as a compilation in an IDE is not read either, as a build would not).
        if (!SymbolEqualityComparer.Default.Equals(type.BaseType, valueConverter) || type.DeclaringSyntaxReferences.Length == 0
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly) || type.GetMembers("MappingHints").Length > 0)
        {
            return null;
        }
        var constructors = 0;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is not ClassDeclarationSyntax declaration) return null;
            if (declaration.BaseList?.Types.OfType<PrimaryConstructorBaseTypeSyntax>().FirstOrDefault() is { } primaryBase)
            {
                if (primaryBase.ArgumentList.Arguments.Count != 2) return null;
                constructors++;
            }
            foreach (var constructor in declaration.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (constructor.Modifiers.Any(SyntaxKind.StaticKeyword)) continue;
                if (constructor.Initializer is not { } initializer || !initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.BaseKeyword)
                    || initializer.ArgumentList.Arguments.Count != 2)
                {
                    return null;
                }
                constructors++;
            }
        }
        return constructors > 0 ? new ConverterSpec(provider, BySelector: false) : null;
    }

    private static INamedTypeSymbol? ValueConverterBase(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "ValueConverter", TypeArguments.Length: 2 } && current.IsInNamespace(ConversionNamespace)) return current;
        }
        return null;
    }

    private static bool IsValueConverter(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "ValueConverter" && current.IsInNamespace(ConversionNamespace)) return true;
        }
        return false;
    }

    /// <summary>A provider type's full name; null for a nullable value type or a type parameter (EF's mapping of those is not modelled).</summary>
    private static string? ProviderType(ITypeSymbol type) =>
        type is ITypeParameterSymbol or IErrorTypeSymbol || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } ? null : type.ClrFullName();

    /// <summary>Whether a local is assigned anywhere in the member declaring it, besides its initializer.</summary>
    private static bool AssignedAgain(VariableDeclaratorSyntax declarator, string name)
    {
        var body = declarator.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax) ?? declarator.SyntaxTree.GetRoot();
        return Assigns(body, name);
    }

    /// <summary>Whether a readonly field is assigned in a constructor of its type (in any of its partial declarations).</summary>
    private static bool AssignedInConstructor(IFieldSymbol field, CancellationToken cancellationToken) =>
        field.ContainingType.DeclaringSyntaxReferences.Any(r =>
            r.ReadSyntax(cancellationToken) is TypeDeclarationSyntax owner && owner.Members.OfType<ConstructorDeclarationSyntax>().Any(c => Assigns(c, field.Name)));

    private static bool Assigns(SyntaxNode scope, string name) =>
        scope.DescendantNodes().Any(n => n switch
        {
            AssignmentExpressionSyntax assignment => Target(assignment.Left) == name,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword) && Target(argument.Expression) == name,
            _ => false,
        });

    private static string? Target(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
        _ => null,
    };
}
