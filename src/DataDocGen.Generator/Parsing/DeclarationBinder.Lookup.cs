using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Name lookup by walking declarations (<c>GetMembers(name)</c> on the containing and base types, the member's
/// parameters, the primary constructor's parameters), as C# looks a simple name up. <c>SemanticModel.LookupSymbols</c>
/// would answer too, but older compilers (Roslyn 4.8) gather every name in scope (every type of the project) for
/// each call; only extension methods, which depend on the usings in scope, are still looked up through it.
/// </summary>
internal static partial class DeclarationBinder
{
    /// <summary>A simple name not declared in the body: a parameter of the member, a member of a containing type, a
    /// primary constructor parameter, else a type or namespace. Null when not conclusive.</summary>
    private static ISymbol? LookupName(string name, Scope scope)
    {
        var parameters = scope.Member switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol property => property.Parameters,
            _ => System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty,
        };
        foreach (var parameter in parameters)
        {
            if (parameter.Name == name) return parameter;
        }
        if (scope.Member is IMethodSymbol { IsGenericMethod: true } generic && generic.TypeParameters.Any(t => t.Name == name)) return null;

        var innermost = true;
        for (var type = scope.ContainingType; type is not null; type = type.ContainingType, innermost = false)
        {
            var members = MembersNamed(type, name, scope);
            if (members is null) return null;
            var primary = innermost ? PrimaryConstructorParameter(name, scope) : null;
            if (members.Count > 0)
            {
                // A member and a primary constructor parameter with the same name: left to the binder.
                if (primary is not null || members.Count != 1) return null;
                return members[0] is IFieldSymbol or IPropertySymbol { IsIndexer: false } or INamedTypeSymbol ? members[0] : null;
            }
            if (primary is not null) return primary;
            // A constructor parameter of this name that may be a primary constructor's in another part of the type.
            if (type.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == name))) return null;
            if (type.TypeParameters.Any(t => t.Name == name)) return null;
        }

        var symbol = scope.Model.GetSpeculativeSymbolInfo(scope.Position, SyntaxFactory.IdentifierName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return symbol is INamespaceSymbol or INamedTypeSymbol { TypeKind: not TypeKind.Error } ? symbol : null;
    }

    private static IParameterSymbol? PrimaryConstructorParameter(string name, Scope scope)
    {
        if (scope.PrimaryConstructorParameters is not { } list) return null;
        foreach (var parameter in list.Parameters)
        {
            if (parameter.Identifier.ValueText == name) return scope.Model.GetDeclaredSymbol(parameter) as IParameterSymbol;
        }
        return null;
    }

    /// <summary>The non-method members of a type (with its base types and, for interfaces, the interfaces it extends)
    /// named so, from the most derived type that declares one; empty when none; null when the lookup is not
    /// conclusive (an override, an inaccessible member, methods of that name).</summary>
    private static List<ISymbol>? MembersNamed(ITypeSymbol type, string name, Scope scope)
    {
        if (type is ITypeParameterSymbol) return null;
        foreach (var level in Levels(type))
        {
            var members = level.GetMembers(name);
            if (members.IsEmpty) continue;
            if (members.Any(m => m.IsOverride || m is IMethodSymbol || !scope.Model.IsAccessible(scope.Position, m))) return null;
            return members.ToList();
        }
        return new List<ISymbol>();
    }

    /// <summary>The type, then its base types; for an interface, the interface and then all it extends (as one level each).</summary>
    private static IEnumerable<ITypeSymbol> Levels(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            yield return type;
            foreach (var extended in type.AllInterfaces) yield return extended;
            yield break;
        }
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType) yield return current;
    }

    /// <summary>The methods named so that the most derived type declaring fitting ones offers, as C# overload
    /// resolution keeps only the most derived type's applicable methods; null when a base type offers fitting ones
    /// too (applicability by argument types could move the choice there) or anything is not conclusive.</summary>
    private static List<IMethodSymbol>? MethodsNamed(ITypeSymbol type, string name, ArgumentListSyntax arguments, int typeArgumentCount, bool statics, Scope scope,
        System.Threading.CancellationToken cancellationToken, int depth)
    {
        if (type is ITypeParameterSymbol) return null;
        List<IMethodSymbol>? found = null;
        var settled = false;
        foreach (var level in Levels(type))
        {
            var members = level.GetMembers(name);
            if (members.IsEmpty) continue;
            if (members.Any(m => m is not IMethodSymbol)) return null;
            var fitting = members.Cast<IMethodSymbol>()
                .Where(m => !m.IsOverride && m.IsStatic == statics && Fits(m, arguments, typeArgumentCount) && scope.Model.IsAccessible(scope.Position, m)).ToList();
            if (fitting.Count == 0) continue;
            if (type.TypeKind == TypeKind.Interface)
            {
                // Interfaces: the methods of every interface in the hierarchy are candidates together.
                (found ??= new List<IMethodSymbol>()).AddRange(fitting);
                continue;
            }
            if (settled) continue; // a more derived type has methods that apply: base types' methods are not candidates
            if (found is not null) return null;
            found = fitting;
            settled = fitting.Any(m => FitOf(m, arguments, scope, cancellationToken, depth) >= ArgumentFit.Plausible);
        }
        return found is null ? new List<IMethodSymbol>() : found.Select(m => MostDerivedOverride(m, type, name)).ToList();
    }

    /// <summary>The override of a method nearest to the receiver's type: the binder reports <c>SqlCommand.ExecuteScalar</c>
    /// for a call on a <c>SqlCommand</c>, though overload resolution chose among <c>DbCommand</c>'s declarations.</summary>
    private static IMethodSymbol MostDerivedOverride(IMethodSymbol method, ITypeSymbol type, string name)
    {
        foreach (var level in Levels(type))
        {
            if (SymbolEqualityComparer.Default.Equals(level, method.ContainingType)) return method;
            foreach (var member in level.GetMembers(name))
            {
                for (var overridden = (member as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden, method)) return (IMethodSymbol)member;
                }
            }
        }
        return method;
    }
}
