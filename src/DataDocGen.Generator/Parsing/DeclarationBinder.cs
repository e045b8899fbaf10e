using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Answers the semantic questions the detectors ask about a site inside a method body (the type of a receiver, the
/// symbol a name refers to, the method a call resolves to, a constant's value) from <b>declarations only</b>: the
/// declared types of fields, properties and parameters, name lookups at the start of the body, and speculative type
/// binding. It never asks the semantic model to bind the body.
/// </summary>
/// <remarks>
/// Why: the first semantic query that lands in a method body (<c>GetSymbolInfo</c>, <c>GetTypeInfo</c>,
/// <c>GetConstantValue</c>, even a speculative expression) makes Roslyn bind the whole body, lambdas included, and run
/// nullable analysis over it; the compile then binds the same body again in its own binder. That was most of a
/// full DataDocGen run (docs/performance.md). Every answer here is one the binder would give (a test compares them
/// over the test corpus and the samples); where this class cannot be sure it <b>declines</b> (returns null or
/// <see cref="Constant.Unknown"/>), and <see cref="Semantics"/> falls back to the semantic model.
/// Lookups use a position outside every lambda (the first token of the member's body): a position inside a lambda
/// would make the model bind the lambda, which binds the body too.
/// </remarks>
internal enum LocalName { Unknown, Local, NotLocal }

internal static partial class DeclarationBinder
{
    /// <summary>Bounds the recursion (a receiver's type needs the call before it, a lambda parameter's the call it is
    /// passed to): deep enough for long query chains, short of a pathological expression.</summary>
    private const int MaxDepth = 100;

    /// <summary>The type of an expression, or null when it cannot be told without binding.</summary>
    public static ITypeSymbol? TypeOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        IsValue(expression) && Scope.For(expression, model) is { } scope ? TypeOf(expression, scope, cancellationToken, 0) : null;

    /// <summary>The field, property, parameter, type or namespace a name refers to; null for locals and lambda
    /// parameters (their symbols come from the binder) and whenever the lookup is not conclusive.</summary>
    public static ISymbol? SymbolOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        IsValue(expression) && Scope.For(expression, model) is { } scope ? SymbolOf(expression, scope, cancellationToken, 0) : null;

    /// <summary>True for an expression that stands for a value on its own: not the name after a dot (<c>b</c> in
    /// <c>a.b</c>), not a type or namespace (<c>Order</c> in <c>new Order()</c>), not a named argument's name, not a
    /// method group about to be invoked. The questions are only answered for these.</summary>
    private static bool IsValue(ExpressionSyntax expression)
    {
        if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsInNamespaceOrTypeContext(expression)) return false;
        return expression.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == expression => false,
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment when assignment.Left == expression => false, // new T { Member = … }
            MemberBindingExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax => false,
            InvocationExpressionSyntax invocation when invocation.Expression == expression => false,
            _ => expression is not (SimpleNameSyntax { Parent: ExplicitInterfaceSpecifierSyntax } or GenericNameSyntax or PredefinedTypeSyntax),
        };
    }

    /// <summary>For a name used in a body: whether it names a local declared there once with an initializer
    /// (<see cref="LocalName.Local"/>, with the initializer), something declared outside the body
    /// (<see cref="LocalName.NotLocal"/>), or something this class leaves to the binder (<see cref="LocalName.Unknown"/>).</summary>
    public static (LocalName Kind, ExpressionSyntax? Initializer) LocalOf(IdentifierNameSyntax identifier, SemanticModel model)
    {
        if (!IsValue(identifier) || Scope.For(identifier, model) is not { } scope) return (LocalName.Unknown, null);
        var name = identifier.Identifier.ValueText;
        if (!scope.DeclaresInBody(name)) return (LocalName.NotLocal, null);
        return scope.Local(name, identifier.SpanStart) is { Kind: LocalKind.Declared, Initializer: { } initializer } ? (LocalName.Local, initializer) : (LocalName.Unknown, null);
    }

    /// <summary>A type written in a body, bound at the body's start (types mean the same anywhere in a member).</summary>
    public static ITypeSymbol? WrittenType(TypeSyntax type, SemanticModel model) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsInNamespaceOrTypeContext(type) && !type.DescendantNodesAndSelf().OfType<OmittedTypeArgumentSyntax>().Any()
        && Scope.For(type, model) is { } scope ? BindType(type, scope) : null;

    private static ITypeSymbol? TypeOf(ExpressionSyntax expression, Scope scope, CancellationToken cancellationToken, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth) return null;
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TypeOf(parenthesized.Expression, scope, cancellationToken, depth + 1);
            case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return TypeOf(suppressed.Operand, scope, cancellationToken, depth + 1);
            case AwaitExpressionSyntax awaited:
                return AwaitResult(TypeOf(awaited.Expression, scope, cancellationToken, depth + 1));
            case ThisExpressionSyntax:
                return scope.ContainingType;
            case LiteralExpressionSyntax literal:
                return LiteralType(literal, scope.Model.Compilation);
            case ObjectCreationExpressionSyntax creation:
                return BindType(creation.Type, scope);
            case CastExpressionSyntax cast:
                return BindType(cast.Type, scope);
            case IdentifierNameSyntax identifier when scope.Local(identifier.Identifier.ValueText, identifier.SpanStart) is { } local:
                return local.Kind switch
                {
                    LocalKind.Declared => local.Type is { IsVar: false } type ? BindType(type, scope)
                        : local.Initializer is { } initializer ? TypeOf(initializer, scope, cancellationToken, depth + 1) : null,
                    LocalKind.ForEach => local.Type is { IsVar: false } type ? BindType(type, scope)
                        : ElementType(TypeOf(local.Initializer!, scope, cancellationToken, depth + 1)),
                    LocalKind.LambdaParameter => LambdaParameterType(local, scope, cancellationToken, depth + 1),
                    _ => null,
                };
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                return SymbolOf(expression, scope, cancellationToken, depth + 1) switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IParameterSymbol parameter => parameter.Type,
                    INamedTypeSymbol type => type,
                    _ => null,
                };
            case InvocationExpressionSyntax invocation:
            {
                var cache = Cache.Of(scope.Model.Compilation);
                lock (cache)
                {
                    if (cache.Types.TryGetValue(invocation, out var known)) return known;
                }
                var type = Method(invocation, scope, cancellationToken, depth + 1, exact: true) is { ReturnsVoid: false } method ? method.ReturnType : null;
                if (type is not null)
                {
                    lock (cache)
                    {
                        cache.Types[invocation] = type;
                    }
                }
                return type;
            }
            default:
                return null;
        }
    }

    private static ISymbol? SymbolOf(ExpressionSyntax expression, Scope scope, CancellationToken cancellationToken, int depth)
    {
        if (depth > MaxDepth) return null;
        switch (expression)
        {
            case IdentifierNameSyntax identifier:
            {
                var name = identifier.Identifier.ValueText;
                if (name == "var" || scope.DeclaresInBody(name)) return null;
                return LookupName(name, scope);
            }
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && access.Name is IdentifierNameSyntax member:
            {
                var name = member.Identifier.ValueText;
                if (access.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    && !(access.Expression is IdentifierNameSyntax local && scope.Local(local.Identifier.ValueText, local.SpanStart) is not null)
                    && SymbolOf(access.Expression, scope, cancellationToken, depth + 1) is INamespaceOrTypeSymbol container)
                {
                    if (container is INamespaceSymbol ns)
                    {
                        var inNamespace = ns.GetMembers(name).Where(m => m is INamespaceSymbol or INamedTypeSymbol { Arity: 0 }).ToList();
                        return inNamespace.Count == 1 && scope.Model.IsAccessible(scope.Position, inNamespace[0]) ? inNamespace[0] : null;
                    }
                    return Single(MembersNamed((INamedTypeSymbol)container, name, scope));
                }
                if (TypeOf(access.Expression, scope, cancellationToken, depth + 1) is not { } type || !IsLookupContainer(type)) return null;
                return Single(MembersNamed(type, name, scope));
            }
            default:
                return null;
        }
    }

    /// <summary>The one symbol a lookup found, when it is a variable-like member, a type or a namespace (a method group
    /// or several symbols are left to the binder).</summary>
    private static ISymbol? Single(List<ISymbol>? found) =>
        found is { Count: 1 } && found[0] is IFieldSymbol or IPropertySymbol { IsIndexer: false } or IParameterSymbol or INamedTypeSymbol { TypeKind: not TypeKind.Error } or INamespaceSymbol
            ? found[0] : null;

    private static bool IsLookupContainer(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Interface or TypeKind.Struct or TypeKind.Enum or TypeKind.Delegate or TypeKind.Array or TypeKind.TypeParameter
        && type is not IErrorTypeSymbol && type.SpecialType != SpecialType.System_Object;

    /// <summary>Binds a type written in the body, at the body's start (types mean the same anywhere in a member, and a
    /// position inside a lambda would bind the lambda).</summary>
    private static ITypeSymbol? BindType(TypeSyntax? type, Scope scope)
    {
        if (type is null || type.IsVar || scope.DeclaresTypeParameters) return null;
        var bound = scope.Model.GetSpeculativeTypeInfo(scope.Position, type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
        return bound is null or IErrorTypeSymbol ? null : bound;
    }

    /// <summary>The type of a string, character, numeric or boolean literal (a <c>default</c> or <c>null</c> literal takes
    /// its type from where it goes, and a u8 string is a span: both left to the binder).</summary>
    private static ITypeSymbol? LiteralType(LiteralExpressionSyntax literal, Compilation compilation) =>
        literal.Kind() is SyntaxKind.StringLiteralExpression or SyntaxKind.CharacterLiteralExpression or SyntaxKind.NumericLiteralExpression
            or SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression
            ? ValueType(literal, compilation) : null;

    private static ITypeSymbol? ValueType(LiteralExpressionSyntax literal, Compilation compilation) => literal.Token.Value switch
    {
        string => compilation.GetSpecialType(SpecialType.System_String),
        bool => compilation.GetSpecialType(SpecialType.System_Boolean),
        char => compilation.GetSpecialType(SpecialType.System_Char),
        int => compilation.GetSpecialType(SpecialType.System_Int32),
        long => compilation.GetSpecialType(SpecialType.System_Int64),
        uint => compilation.GetSpecialType(SpecialType.System_UInt32),
        ulong => compilation.GetSpecialType(SpecialType.System_UInt64),
        double => compilation.GetSpecialType(SpecialType.System_Double),
        float => compilation.GetSpecialType(SpecialType.System_Single),
        decimal => compilation.GetSpecialType(SpecialType.System_Decimal),
        _ => null,
    };

    /// <summary><c>await t</c>: T for Task&lt;T&gt; and ValueTask&lt;T&gt;; null otherwise (a custom awaitable is left to the binder).</summary>
    private static ITypeSymbol? AwaitResult(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task && task.IsInNamespace("System.Threading.Tasks")
            ? task.TypeArguments[0] : null;

    /// <summary>The element type of a foreach over an array or a type with exactly one IEnumerable&lt;T&gt;.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array) return array.ElementType;
        if (type is null || type.SpecialType == SpecialType.System_String) return null;
        var all = new List<INamedTypeSymbol>(type.AllInterfaces);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface } self) all.Add(self);
        var sequences = all.Where(i => i is { Name: "IEnumerable", TypeArguments.Length: 1 } && i.IsInNamespace("System.Collections.Generic"))
            .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default).ToList();
        if (sequences.Count != 1) return null;
        // A type whose own GetEnumerator pattern yields something else than T (rare) is left to the binder.
        return HasOwnEnumeratorOfOtherType(type, sequences[0].TypeArguments[0]) ? null : sequences[0].TypeArguments[0];
    }

    private static bool HasOwnEnumeratorOfOtherType(ITypeSymbol type, ITypeSymbol element)
    {
        foreach (var member in type.GetMembers("GetEnumerator"))
        {
            if (member is IMethodSymbol { Parameters.Length: 0, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method
                && method.ReturnType.GetMembers("Current").FirstOrDefault() is IPropertySymbol current
                && !SymbolEqualityComparer.Default.Equals(current.Type, element)) return true;
        }
        return false;
    }
}
