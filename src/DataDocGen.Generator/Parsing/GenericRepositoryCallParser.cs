using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Calls into a generic class or interface of this project with a concrete type argument (<c>appointments.Add(a)</c> on an
/// <c>IRepository&lt;Appointment&gt;</c> or a <c>Repository&lt;Appointment&gt;</c>, or a generic method called as
/// <c>Add&lt;Order&gt;(o)</c>): the method whose body runs, and the concrete type each of its type parameters gets. The
/// report (<see cref="Report.CrudMatrix"/>) keeps only the calls whose method's own body makes a CRUD row for that type
/// parameter, so a generic class that is not a repository gives nothing. The method that runs: the called one on a class
/// (not when it is abstract, or virtual and overridden in this project), or for an interface member, the one implementation
/// in this project's classes (generic ones constructed from the receiver's type arguments); with two or more, none.
/// Extension methods, static methods and calls whose type arguments are type parameters are not candidates.
/// </summary>
internal static class GenericRepositoryCallParser
{
    /// <summary>An invocation on a member access (<c>repository.Add(x)</c>).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: not PredefinedTypeSyntax } };

    public static EquatableArray<GenericRepositoryCallSpec> Parse(SiteContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var model = context.SemanticModel;
        // Declarations first: a name no generic type or generic method of the project declares needs no binding.
        var name = ((MemberAccessExpressionSyntax)invocation.Expression).Name.Identifier.ValueText;
        if (!GenericMethodNames.MayBeGeneric(name, model.Compilation, cancellationToken)) return EquatableArray<GenericRepositoryCallSpec>.Empty;
        var method = Semantics.ExactMethod(invocation, model, cancellationToken);
        if (method is null || method.IsStatic || method.ReducedFrom is not null || method.MethodKind != MethodKind.Ordinary) return EquatableArray<GenericRepositoryCallSpec>.Empty;
        var owner = method.ContainingType;
        if (owner is null || !owner.TypeArguments.Concat(method.TypeArguments).Any(IsConcrete)) return EquatableArray<GenericRepositoryCallSpec>.Empty;
        var compilation = model.Compilation;
        if (!InProject(method.OriginalDefinition, compilation)) return EquatableArray<GenericRepositoryCallSpec>.Empty;

        IMethodSymbol? runs;
        if (owner.TypeKind == TypeKind.Interface) runs = SoleImplementation(method, compilation, cancellationToken);
        else if (owner.TypeKind != TypeKind.Class || method.IsAbstract || ((method.IsVirtual || method.IsOverride) && Overridden(method, compilation, cancellationToken))) runs = null;
        else runs = method;
        if (runs is null || !InProject(runs.OriginalDefinition, compilation)) return EquatableArray<GenericRepositoryCallSpec>.Empty;

        var pairs = Pairs(runs).Where(p => IsConcrete(p.Argument)).ToList();
        if (pairs.Count == 0) return EquatableArray<GenericRepositoryCallSpec>.Empty;
        var definition = runs.OriginalDefinition;
        var reference = definition.DeclaringSyntaxReferences
            .FirstOrDefault(r => r.ReadSyntax(cancellationToken) is BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null })
            ?? definition.DeclaringSyntaxReferences[0];
        var declaration = reference.ReadSyntax(cancellationToken);
        var lines = declaration.SyntaxTree.GetLineSpan(declaration.Span, cancellationToken);
        if (string.IsNullOrEmpty(lines.Path)) return EquatableArray<GenericRepositoryCallSpec>.Empty;
        var caller = CodeText.MemberName(invocation, model, cancellationToken);
        var called = CalledMethods.Name(definition);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        return pairs.Select(p => new GenericRepositoryCallSpec(caller, called, SourceLocation.Normalize(lines.Path), lines.StartLinePosition.Line + 1, lines.EndLinePosition.Line + 1,
                p.Parameter.EntityName(), p.Argument.EntityName(), location))
            .ToEquatableArray();
    }

    /// <summary>Each type parameter of the method that runs (its class's, then its own) with the type argument it gets.</summary>
    private static IEnumerable<(ITypeParameterSymbol Parameter, ITypeSymbol Argument)> Pairs(IMethodSymbol runs)
    {
        var type = runs.ContainingType;
        for (var i = 0; i < type.TypeArguments.Length; i++) yield return (type.OriginalDefinition.TypeParameters[i], type.TypeArguments[i]);
        var definition = runs.OriginalDefinition;
        for (var i = 0; i < runs.TypeArguments.Length && i < definition.TypeParameters.Length; i++) yield return (definition.TypeParameters[i], runs.TypeArguments[i]);
    }

    /// <summary>A type an entity can be: not a type parameter (nor built of one), an error, an interface, <c>object</c> or <c>dynamic</c>.</summary>
    private static bool IsConcrete(ITypeSymbol type) =>
        type.TypeKind is not (TypeKind.TypeParameter or TypeKind.Error or TypeKind.Interface or TypeKind.Dynamic)
        && type.SpecialType != SpecialType.System_Object && !HasTypeParameter(type);

    private static bool HasTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => HasTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasTypeParameter) || (named.ContainingType is { } outer && HasTypeParameter(outer)),
        _ => false,
    };

    private static bool InProject(IMethodSymbol method, Compilation compilation) =>
        !method.DeclaringSyntaxReferences.IsEmpty && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);

    /// <summary>
    /// The method that runs for an interface member called on a constructed interface (<c>IRepository&lt;Appointment&gt;.Add</c>):
    /// each non-abstract class of this project implementing that interface, a generic one constructed with the type arguments
    /// its interface takes from the receiver (<c>Repository&lt;T&gt; : IRepository&lt;T&gt;</c> as <c>Repository&lt;Appointment&gt;</c>).
    /// Null when none or more than one method runs, or a class implements the interface in a form not unified here
    /// (<c>IRepository&lt;Wrapper&lt;T&gt;&gt;</c>).
    /// </summary>
    private static IMethodSymbol? SoleImplementation(IMethodSymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        var service = member.ContainingType;
        // A generic interface method (IStore.Add<T>) is found in a class as its generic definition, then constructed.
        var lookup = member.IsGenericMethod ? member.ConstructedFrom : member;
        IMethodSymbol? found = null;
        foreach (var type in ProjectImplementations.Classes(compilation))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.IsAbstract || type.IsStatic) continue;
            foreach (var implemented in type.AllInterfaces.Where(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, service.OriginalDefinition)))
            {
                var arguments = Unify(type, implemented, service, out var unknown);
                if (unknown) return null;
                if (arguments is null) continue;
                var constructed = type.IsGenericType ? type.Construct(arguments) : type;
                if (constructed.FindImplementationForInterfaceMember(lookup) is not IMethodSymbol runs || runs.IsAbstract) return null;
                if (member.IsGenericMethod)
                {
                    if (runs.Arity != member.Arity) return null;
                    runs = runs.Construct(member.TypeArguments.ToArray());
                }
                if (found is not null && !SymbolEqualityComparer.Default.Equals(found, runs)) return null;
                found = runs;
            }
        }
        return found;
    }

    /// <summary>The type arguments that make <paramref name="type"/>'s <paramref name="implemented"/> interface the
    /// <paramref name="service"/> called; null when it is another construction of it (<c>IRepository&lt;Order&gt;</c>);
    /// <paramref name="unknown"/> when it cannot be told here.</summary>
    private static ITypeSymbol[]? Unify(INamedTypeSymbol type, INamedTypeSymbol implemented, INamedTypeSymbol service, out bool unknown)
    {
        unknown = false;
        var arguments = new ITypeSymbol?[type.TypeParameters.Length];
        for (var i = 0; i < implemented.TypeArguments.Length; i++)
        {
            var given = implemented.TypeArguments[i];
            var wanted = service.TypeArguments[i];
            if (given is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } parameter && SymbolEqualityComparer.Default.Equals(parameter.DeclaringType, type))
            {
                if (arguments[parameter.Ordinal] is { } earlier && !SymbolEqualityComparer.Default.Equals(earlier, wanted)) return null;
                arguments[parameter.Ordinal] = wanted;
            }
            else if (HasTypeParameter(given))
            {
                unknown = true;
                return null;
            }
            else if (!SymbolEqualityComparer.Default.Equals(given, wanted))
            {
                return null;
            }
        }
        if (arguments.Any(a => a is null))
        {
            unknown = true;
            return null;
        }
        return arguments.Select(a => a!).ToArray();
    }

    /// <summary>A class of this project overrides the virtual <paramref name="method"/>: which body runs depends on the object.</summary>
    private static bool Overridden(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var original = method.OriginalDefinition;
        foreach (var type in ProjectImplementations.Classes(compilation))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var candidate in type.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, original)) return true;
                }
            }
        }
        return false;
    }
}
