using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

internal static partial class DeclarationBinder
{
    /// <summary>
    /// The method a call resolves to. With <paramref name="exact"/> false, a method whose identity is certain (its
    /// declaring type, name and the parameters the call's positional arguments meet) even when overloads that share
    /// them remain or type arguments that only the arguments' lambdas would fix stay open: what a detector needs to
    /// confirm a call. With <paramref name="exact"/> true, only the single overload with every type argument known.
    /// Null when the call cannot be resolved from declarations.
    /// </summary>
    public static IMethodSymbol? Method(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken, bool exact) =>
        Scope.For(invocation, model) is { } scope ? Method(invocation, scope, cancellationToken, 0, exact) : null;

    private static IMethodSymbol? Method(InvocationExpressionSyntax invocation, Scope scope, CancellationToken cancellationToken, int depth, bool exact)
    {
        if (depth > MaxDepth) return null;
        var found = Candidates(invocation, scope, cancellationToken, depth);
        if (found is null || found.Count == 0) return null;
        if (found.Count > 1) found = ByArgumentTypes(found, invocation.ArgumentList, scope, cancellationToken, depth);
        if (exact)
        {
            if (found.Count != 1) return null;
            return HasOpenTypeArguments(found[0]) ? InferFromLambdas(found[0], invocation.ArgumentList, scope, cancellationToken, depth) : found[0];
        }
        return AgreeOnIdentity(found, invocation.ArgumentList) ? found[0] : null;
    }

    /// <summary>The type that declares the method a call resolves to, when every overload it may bind to is declared
    /// there (<c>TimeSpan.FromMinutes(5)</c>: <c>System.TimeSpan</c>, whichever overload wins); null when not certain.</summary>
    public static INamedTypeSymbol? MethodOwner(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Scope.For(invocation, model) is not { } scope || Candidates(invocation, scope, cancellationToken, 0) is not { Count: > 0 } found) return null;
        var owner = (found[0].ReducedFrom ?? found[0]).OriginalDefinition.ContainingType;
        return found.All(m => m.Name == found[0].Name && SymbolEqualityComparer.Default.Equals((m.ReducedFrom ?? m).OriginalDefinition.ContainingType, owner))
            ? (found[0].ReducedFrom ?? found[0]).ContainingType : null;
    }

    /// <summary>The overloads a call may bind to, by name, receiver, static-ness and argument count; null when the
    /// receiver or the lookup is not conclusive.</summary>
    private static List<IMethodSymbol>? Candidates(InvocationExpressionSyntax invocation, Scope scope, CancellationToken cancellationToken, int depth)
    {
        SimpleNameSyntax name;
        ExpressionSyntax? receiver;
        switch (invocation.Expression)
        {
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Expression is not BaseExpressionSyntax:
                name = access.Name;
                receiver = access.Expression;
                break;
            case SimpleNameSyntax simple:
                name = simple;
                receiver = null;
                break;
            default:
                return null;
        }
        var methodName = name.Identifier.ValueText;
        var typeArguments = new List<ITypeSymbol>();
        if (name is GenericNameSyntax generic)
        {
            foreach (var argument in generic.TypeArgumentList.Arguments)
            {
                if (BindType(argument, scope) is not { } bound) return null;
                typeArguments.Add(bound);
            }
        }

        List<IMethodSymbol> found;
        if (receiver is null)
        {
            // A call by simple name: a method of the containing type (or its base types); outer types, static usings
            // and local functions are left to the binder.
            if (scope.DeclaresInBody(methodName) || scope.ContainingType is not { } self) return null;
            var instance = scope.Member is { IsStatic: false };
            var own = MethodsNamed(self, methodName, invocation.ArgumentList, typeArguments.Count, statics: false, scope, cancellationToken, depth);
            var statics = MethodsNamed(self, methodName, invocation.ArgumentList, typeArguments.Count, statics: true, scope, cancellationToken, depth);
            if (own is null || statics is null || (own.Count > 0 && statics.Count > 0) || (own.Count > 0 && !instance)) return null;
            found = own.Count > 0 ? own : statics;
        }
        else
        {
            var isLocal = receiver is IdentifierNameSyntax local && scope.Local(local.Identifier.ValueText, local.SpanStart) is not null;
            var container = !isLocal && receiver is IdentifierNameSyntax or MemberAccessExpressionSyntax ? SymbolOf(receiver, scope, cancellationToken, depth + 1) : null;
            if (container is INamespaceSymbol) return null;
            if (container is INamedTypeSymbol type)
            {
                // A call on a type: its static methods. (A member and a type with the same name, "Color Color", is left to the binder.)
                if (MethodsNamed(type, methodName, invocation.ArgumentList, typeArguments.Count, statics: true, scope, cancellationToken, depth) is not { Count: > 0 } statics) return null;
                // An extension method called in static form with its type arguments inferred (`Enumerable.Reverse(list)`):
                // its receiver, the first parameter, would stay open (`IEnumerable<TSource>`), where the binder's is
                // `IEnumerable<Action>`; left to the binder.
                if (typeArguments.Count == 0 && statics.Any(m => m.IsExtensionMethod && m.IsGenericMethod)) return null;
                found = statics;
            }
            else
            {
                if (TypeOf(receiver, scope, cancellationToken, depth + 1) is not { } receiverType || !IsLookupContainer(receiverType)) return null;
                if (MethodsNamed(receiverType, methodName, invocation.ArgumentList, typeArguments.Count, statics: false, scope, cancellationToken, depth) is not { } instance) return null;
                if (instance.Count > 0)
                {
                    // Extension methods are only considered when no instance method applies. Unless one is shown to apply
                    // (every argument's type known and converting), an extension that fits too is left to the binder.
                    if (!instance.Any(m => FitOf(m, invocation.ArgumentList, scope, cancellationToken, depth) == ArgumentFit.Proven)
                        && Extensions(receiverType, methodName, invocation.ArgumentList, typeArguments.Count, scope).Count > 0) return null;
                    return typeArguments.Count == 0 ? instance : Construct(instance, typeArguments, scope.Model.Compilation);
                }
                var extensions = BestReceivers(Extensions(receiverType, methodName, invocation.ArgumentList, typeArguments.Count, scope), invocation.ArgumentList, scope.Model.Compilation);
                return typeArguments.Count == 0 ? extensions : ConstructExtensions(extensions, typeArguments, receiverType, scope.Model.Compilation);
            }
        }
        found = found.Where(m => Fits(m, invocation.ArgumentList, typeArguments.Count)).ToList();
        return typeArguments.Count == 0 ? found : Construct(found, typeArguments, scope.Model.Compilation);
    }

    /// <summary>The extension methods in scope that fit the call, reduced to the receiver's type.</summary>
    private static List<IMethodSymbol> Extensions(ITypeSymbol receiverType, string name, ArgumentListSyntax arguments, int typeArgumentCount, Scope scope)
    {
        var key = new ExtensionKey(scope.Imports, receiverType, name);
        var cache = Cache.Of(scope.Model.Compilation);
        List<IMethodSymbol>? all;
        lock (cache)
        {
            cache.Extensions.TryGetValue(key, out all);
        }
        if (all is null)
        {
            all = scope.Model.LookupSymbols(scope.Position, receiverType, name, includeReducedExtensionMethods: true)
                .OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.ReducedExtension).ToList();
            lock (cache)
            {
                cache.Extensions[key] = all;
            }
        }
        return all.Where(m => Fits(m, arguments, typeArgumentCount)).ToList();
    }

    /// <summary><c>services.AddScoped&lt;IRepo, Repo&gt;()</c>: an extension method given all its type arguments, reduced again
    /// to the receiver; null when one cannot be (a constraint not met).</summary>
    private static List<IMethodSymbol>? ConstructExtensions(List<IMethodSymbol> extensions, List<ITypeSymbol> typeArguments, ITypeSymbol receiverType, Compilation compilation)
    {
        var constructed = new List<IMethodSymbol>();
        foreach (var extension in extensions)
        {
            var definition = extension.ReducedFrom!;
            if (definition.TypeParameters.Length != typeArguments.Count) continue;
            if (!Satisfies(definition, typeArguments, compilation)) return null;
            if (definition.Construct(typeArguments.ToArray()).ReduceExtensionMethod(receiverType) is not { } reduced) return null;
            constructed.Add(reduced);
        }
        return constructed;
    }

    /// <summary>True when the type arguments meet the type parameters' constraints as far as can be told
    /// (class/struct/new(), and constraint types without type parameters); false otherwise.</summary>
    private static bool Satisfies(IMethodSymbol definition, IReadOnlyList<ITypeSymbol> arguments, Compilation compilation)
    {
        for (var i = 0; i < definition.TypeParameters.Length; i++)
        {
            var parameter = definition.TypeParameters[i];
            var argument = arguments[i];
            if (parameter.HasReferenceTypeConstraint && !argument.IsReferenceType) return false;
            if (parameter.HasValueTypeConstraint && !argument.IsValueType) return false;
            if (parameter.HasUnmanagedTypeConstraint || parameter.HasNotNullConstraint && argument.IsValueType is false && argument.NullableAnnotation == NullableAnnotation.Annotated) return false;
            foreach (var declared in parameter.ConstraintTypes)
            {
                // where TImplementation : TService: the other type argument.
                var constraint = declared is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method, Ordinal: var ordinal } other
                                 && SymbolEqualityComparer.Default.Equals(other.DeclaringMethod, definition) && ordinal < arguments.Count ? arguments[ordinal] : declared;
                if (ContainsMethodTypeParameter(constraint)) return false;
                if (!compilation.ClassifyCommonConversion(argument, constraint).IsImplicit) return false;
            }
        }
        return true;
    }

    private static List<IMethodSymbol>? Construct(List<IMethodSymbol> methods, List<ITypeSymbol> typeArguments, Compilation compilation)
    {
        var constructed = new List<IMethodSymbol>();
        foreach (var method in methods)
        {
            if (method.MethodKind == MethodKind.ReducedExtension || method.TypeParameters.Length != typeArguments.Count || !Satisfies(method, typeArguments, compilation)) return null;
            constructed.Add(method.Construct(typeArguments.ToArray()));
        }
        return constructed;
    }

    /// <summary>How far declarations show a method's parameters taking the call's arguments.</summary>
    private enum ArgumentFit
    {
        /// <summary>An argument cannot go to its parameter (a lambda of another arity, a type that does not convert).</summary>
        No,
        /// <summary>Nothing rules it out, but an argument of unknown type goes to a parameter of closed type.</summary>
        Possible,
        /// <summary>Every argument can go: lambdas to delegates of their arity, known types by conversion; parameters with
        /// open type arguments or arguments by reference are taken on trust.</summary>
        Plausible,
        /// <summary>Every argument's type is known and converts implicitly to its closed parameter type: it applies.</summary>
        Proven,
    }

    private static ArgumentFit FitOf(IMethodSymbol method, ArgumentListSyntax arguments, Scope scope, CancellationToken cancellationToken, int depth)
    {
        var fit = ArgumentFit.Proven;
        foreach (var argument in arguments.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, arguments, method) is not { } parameter) return ArgumentFit.No;
            var open = ContainsMethodTypeParameter(parameter.Type);
            if (argument.Expression is AnonymousFunctionExpressionSyntax lambda)
            {
                if (!TakesLambda(parameter.Type, lambda)) return ArgumentFit.No;
                fit = Min(fit, ArgumentFit.Plausible);
                continue;
            }
            if (argument.RefKindKeyword.RawKind != 0)
            {
                fit = Min(fit, ArgumentFit.Plausible);
                continue;
            }
            if (TypeOf(argument.Expression, scope, cancellationToken, depth + 1) is not { } type)
            {
                fit = Min(fit, open ? ArgumentFit.Plausible : ArgumentFit.Possible);
                continue;
            }
            if (open)
            {
                if (!CouldConvertToOpen(type, parameter.Type)) return ArgumentFit.No;
                fit = Min(fit, ArgumentFit.Plausible);
                continue;
            }
            var compilation = scope.Model.Compilation;
            if (!compilation.ClassifyCommonConversion(type, parameter.Type).IsImplicit
                && !(parameter.IsParams && parameter.Type is IArrayTypeSymbol array && compilation.ClassifyCommonConversion(type, array.ElementType).IsImplicit)) return ArgumentFit.No;
        }
        return fit;
    }

    private static ArgumentFit Min(ArgumentFit a, ArgumentFit b) => a < b ? a : b;

    /// <summary>Whether a value of a known type could go to a parameter whose type has open type arguments: a bare type
    /// parameter takes anything; <c>Expression&lt;Func&lt;T, TProperty&gt;&gt;</c> takes no string.</summary>
    private static bool CouldConvertToOpen(ITypeSymbol argument, ITypeSymbol parameter)
    {
        switch (parameter)
        {
            case ITypeParameterSymbol:
                return true;
            case IArrayTypeSymbol:
                return argument is IArrayTypeSymbol;
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }:
                return argument.IsValueType;
            case INamedTypeSymbol named:
                var definition = named.OriginalDefinition;
                for (var current = argument; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition)) return true;
                }
                return argument.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, definition));
            default:
                return true;
        }
    }

    /// <summary>True when the call's arguments can meet the method's parameters by count and names (types are not checked).</summary>
    private static bool Fits(IMethodSymbol method, ArgumentListSyntax arguments, int typeArgumentCount)
    {
        if (typeArgumentCount > 0 && method.TypeParameters.Length != typeArgumentCount && method.MethodKind != MethodKind.ReducedExtension) return false;
        var parameters = method.Parameters;
        var given = new bool[parameters.Length];
        var positional = 0;
        var named = false;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon is { } colon)
            {
                named = true;
                var index = IndexOf(parameters, colon.Name.Identifier.ValueText);
                if (index < 0 || given[index]) return false;
                given[index] = true;
                continue;
            }
            if (named) return false; // a positional argument after a named one: left to the binder
            if (positional < parameters.Length)
            {
                given[positional] = true;
            }
            else if (parameters.Length == 0 || !parameters[parameters.Length - 1].IsParams)
            {
                return false;
            }
            positional++;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!given[i] && !parameters[i].IsOptional && !parameters[i].IsParams) return false;
        }
        // Type arguments left to inference must appear in a parameter an argument is given for
        // (EntityEntry<T>.Property<TProperty>(string) cannot be called as Property("Name")).
        if (typeArgumentCount == 0)
        {
            foreach (var open in method.TypeArguments.OfType<ITypeParameterSymbol>().Where(t => t.TypeParameterKind == TypeParameterKind.Method))
            {
                var inferable = false;
                for (var i = 0; i < parameters.Length && !inferable; i++)
                {
                    inferable = given[i] && Mentions(parameters[i].Type, open);
                }
                if (!inferable) return false;
            }
        }
        return true;
    }

    private static bool Mentions(ITypeSymbol type, ITypeParameterSymbol parameter) => type switch
    {
        ITypeParameterSymbol candidate => SymbolEqualityComparer.Default.Equals(candidate, parameter),
        IArrayTypeSymbol array => Mentions(array.ElementType, parameter),
        INamedTypeSymbol named => named.TypeArguments.Any(t => Mentions(t, parameter)),
        _ => false,
    };

    private static int IndexOf(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>Extension methods whose receiver no other candidate's receiver converts to: <c>Queryable.Where</c> over
    /// <c>Enumerable.Where</c> for an <c>IQueryable&lt;T&gt;</c>, as the binder decides by the receiver's conversion.
    /// The binder compares only overloads that apply, and a lambda argument applies or not by its body: where two
    /// overloads would give a lambda parameters of different types, neither is dropped for the other (EF Core's
    /// <c>ThenInclude</c> after a collection: on <c>IIncludableQueryable&lt;E, List&lt;T&gt;&gt;</c> the overload for a
    /// previous reference has the more specific receiver but its lambda takes the list, where <c>f =&gt; f.Disk</c> does
    /// not bind; the binder takes the overload for a previous collection, whose lambda takes a T).</summary>
    private static List<IMethodSymbol> BestReceivers(List<IMethodSymbol> extensions, ArgumentListSyntax arguments, Compilation compilation)
    {
        if (extensions.Count < 2) return extensions;
        return extensions.Where(a => !extensions.Any(b => b.ReceiverType is { } better && a.ReceiverType is { } worse
                                                          && !SymbolEqualityComparer.Default.Equals(better, worse)
                                                          && compilation.ClassifyCommonConversion(better, worse).IsImplicit
                                                          && !compilation.ClassifyCommonConversion(worse, better).IsImplicit
                                                          && SameLambdaParameters(a, b, arguments)))
            .ToList();
    }

    /// <summary>True when every lambda argument of the call would get parameters of the same types under either method.</summary>
    private static bool SameLambdaParameters(IMethodSymbol a, IMethodSymbol b, ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is not AnonymousFunctionExpressionSyntax) continue;
            var first = Invoke(OptionsBuilderParser.ParameterFor(argument, arguments, a)?.Type);
            var second = Invoke(OptionsBuilderParser.ParameterFor(argument, arguments, b)?.Type);
            if (first is null || second is null || first.Parameters.Length != second.Parameters.Length) return false;
            for (var i = 0; i < first.Parameters.Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(first.Parameters[i].Type, second.Parameters[i].Type)) return false;
            }
        }
        return true;
    }

    /// <summary>Narrows overloads to those the arguments may go to (see <see cref="FitOf"/>); all of them when none stays.</summary>
    private static List<IMethodSymbol> ByArgumentTypes(List<IMethodSymbol> methods, ArgumentListSyntax arguments, Scope scope, CancellationToken cancellationToken, int depth)
    {
        var kept = methods.Where(method => FitOf(method, arguments, scope, cancellationToken, depth) != ArgumentFit.No).ToList();
        return kept.Count == 0 ? methods : kept;
    }

    /// <summary>False when a parameter cannot take the lambda: a delegate (or expression tree of one) with another
    /// number of parameters, or a type no lambda converts to.</summary>
    private static bool TakesLambda(ITypeSymbol type, AnonymousFunctionExpressionSyntax lambda)
    {
        if (type is ITypeParameterSymbol || type.SpecialType is SpecialType.System_Object or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate) return true;
        if (type is INamedTypeSymbol { Name: "Expression" or "LambdaExpression", TypeArguments.Length: 0 } && type.IsInNamespace("System.Linq.Expressions")) return true;
        if (type is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 } tree && tree.TypeArguments[0] is ITypeParameterSymbol && tree.IsInNamespace("System.Linq.Expressions")) return true;
        if (Invoke(type) is not { } invoke) return false;
        return lambda switch
        {
            SimpleLambdaExpressionSyntax => invoke.Parameters.Length == 1,
            ParenthesizedLambdaExpressionSyntax parenthesized => invoke.Parameters.Length == parenthesized.ParameterList.Parameters.Count,
            AnonymousMethodExpressionSyntax { ParameterList: { } list } => invoke.Parameters.Length == list.Parameters.Count,
            _ => true,
        };
    }

    /// <summary>The Invoke method of a delegate type, or of the delegate an <c>Expression&lt;TDelegate&gt;</c> wraps (what a lambda
    /// converts to); null for other types.</summary>
    private static IMethodSymbol? Invoke(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { Name: "Expression", TypeArguments.Length: 1 } tree && tree.IsInNamespace("System.Linq.Expressions")) type = tree.TypeArguments[0];
        return (type as INamedTypeSymbol)?.DelegateInvokeMethod;
    }

    /// <summary>Fixes a method's open type arguments that are the result type of a lambda argument whose body is an
    /// expression of known type (<c>Property(e =&gt; e.Name)</c>: TProperty is string); null when any stays open.</summary>
    private static IMethodSymbol? InferFromLambdas(IMethodSymbol method, ArgumentListSyntax arguments, Scope scope, CancellationToken cancellationToken, int depth)
    {
        var definition = method.ReducedFrom ?? method.ConstructedFrom;
        if (definition.TypeParameters.Length != method.TypeArguments.Length) return null;
        var inferred = method.TypeArguments.ToArray();
        foreach (var argument in arguments.Arguments)
        {
            if (argument.Expression is not LambdaExpressionSyntax { ExpressionBody: { } body }
                || Invoke(OptionsBuilderParser.ParameterFor(argument, arguments, method)?.Type) is not { } invoke
                || invoke.Parameters.Any(p => ContainsMethodTypeParameter(p.Type))) continue;
            if (invoke.ReturnType is not ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } result) continue;
            var index = method.TypeArguments.IndexOf(result, 0, SymbolEqualityComparer.Default);
            if (index < 0 || TypeOf(body, scope, cancellationToken, depth + 1) is not { } type) return null;
            if (inferred[index] is not ITypeParameterSymbol && !SymbolEqualityComparer.Default.Equals(inferred[index], type)) return null;
            inferred[index] = type;
        }
        if (inferred.Any(ContainsMethodTypeParameter) || !Satisfies(definition, inferred, scope.Model.Compilation)) return null;
        var constructed = definition.Construct(inferred);
        return method.ReducedFrom is null ? constructed : method.ReceiverType is { } receiver ? constructed.ReduceExtensionMethod(receiver) : null;
    }

    /// <summary>True when the overloads are one method for the detectors: the same declaring type and name, and the
    /// same parameters (name and type) for the call's positional arguments.</summary>
    private static bool AgreeOnIdentity(List<IMethodSymbol> methods, ArgumentListSyntax arguments)
    {
        var first = methods[0];
        var firstOriginal = (first.ReducedFrom ?? first).OriginalDefinition;
        var positional = arguments.Arguments.TakeWhile(a => a.NameColon is null).Count();
        foreach (var method in methods.Skip(1))
        {
            var original = (method.ReducedFrom ?? method).OriginalDefinition;
            if (method.Name != first.Name || !SymbolEqualityComparer.Default.Equals(original.ContainingType, firstOriginal.ContainingType)) return false;
            if (method.Parameters.Length < positional || first.Parameters.Length < positional) return false;
            for (var i = 0; i < positional; i++)
            {
                if (method.Parameters[i].Name != first.Parameters[i].Name
                    || method.OriginalDefinition.Parameters[i].Type.ToDisplayString() != first.OriginalDefinition.Parameters[i].Type.ToDisplayString()) return false;
            }
        }
        return true;
    }

    private static bool HasOpenTypeArguments(IMethodSymbol method) => method.TypeArguments.Any(ContainsMethodTypeParameter);

    private static bool ContainsMethodTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => true,
        IArrayTypeSymbol array => ContainsMethodTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsMethodTypeParameter),
        _ => false,
    };

    /// <summary>The type of an implicitly typed lambda parameter, from the delegate (or expression tree) parameter of
    /// the call the lambda is an argument of, when every remaining overload agrees and no open type argument is involved.</summary>
    private static ITypeSymbol? LambdaParameterType(LocalDeclaration parameter, Scope scope, CancellationToken cancellationToken, int depth)
    {
        if (parameter.Type is not null) return BindType(parameter.Type, scope);
        var lambda = parameter.Lambda!;
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list } argument) return null;
        var candidates = Candidates(invocation, scope, cancellationToken, depth + 1);
        if (candidates is null || candidates.Count == 0) return null;
        var arity = lambda is SimpleLambdaExpressionSyntax ? 1 : ((ParenthesizedLambdaExpressionSyntax)lambda).ParameterList.Parameters.Count;
        ITypeSymbol? result = null;
        foreach (var method in candidates)
        {
            if (Invoke(OptionsBuilderParser.ParameterFor(argument, list, method)?.Type) is not { } invoke || invoke.Parameters.Length != arity) continue;
            var type = invoke.Parameters[parameter.Index].Type;
            if (ContainsMethodTypeParameter(type)) return null;
            if (result is not null && !SymbolEqualityComparer.Default.Equals(result, type)) return null;
            result = type;
        }
        return result;
    }
}
