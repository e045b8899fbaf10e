using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The semantic questions detectors ask about sites in method bodies, answered from declarations when
/// <see cref="DeclarationBinder"/> can (no body is bound), else by the semantic model (which binds the body).
/// Detectors call these instead of <c>GetTypeInfo</c>, <c>GetSymbolInfo</c> and <c>GetConstantValue</c> on body sites.
/// </summary>
internal static class Semantics
{
    /// <summary>Set while the analyzer runs: there the compiler has bound the bodies already (the analyzer driver shares
    /// its semantic models with the compile), so the model answers at no cost and DeclarationBinder would only add work.</summary>
    [System.ThreadStatic] private static bool s_modelIsBound;

    public static ModelIsBoundScope ModelIsBound()
    {
        var previous = s_modelIsBound;
        s_modelIsBound = true;
        return new ModelIsBoundScope(previous);
    }

    public readonly struct ModelIsBoundScope : System.IDisposable
    {
        private readonly bool _previous;

        public ModelIsBoundScope(bool previous) => _previous = previous;

        public void Dispose() => s_modelIsBound = _previous;
    }

    public static ITypeSymbol? TypeOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.TypeOf(expression, model, cancellationToken)) ?? model.GetTypeInfo(expression, cancellationToken).Type;

    /// <summary>The symbol a name or member access refers to.</summary>
    public static ISymbol? SymbolOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.SymbolOf(expression, model, cancellationToken)) ?? model.GetSymbolInfo(expression, cancellationToken).Symbol;

    /// <summary>What <c>GetSymbolInfo(expression).Symbol</c> gives: for a call, the exact method (null where the binder
    /// finds no single one); for a name or member access, its symbol.</summary>
    public static ISymbol? SymbolOrMethod(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is InvocationExpressionSyntax invocation
            ? (s_modelIsBound ? null : DeclarationBinder.Method(invocation, model, cancellationToken, exact: true)) ?? model.GetSymbolInfo(invocation, cancellationToken).Symbol
            : SymbolOf(expression, model, cancellationToken);

    /// <summary>The method a call resolves to, certain in its declaring type, name and the parameters its positional
    /// arguments meet (see <see cref="OptionsBuilderParser.ResolveMethod"/>); its type arguments may stay open.</summary>
    public static IMethodSymbol? Method(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.Method(invocation, model, cancellationToken, exact: false)) ?? OptionsBuilderParser.BoundMethod(invocation, model, cancellationToken);

    /// <summary>The exact overload with its type arguments, for detectors that read them (a projection's result type).</summary>
    public static IMethodSymbol? ExactMethod(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.Method(invocation, model, cancellationToken, exact: true)) ?? OptionsBuilderParser.BoundMethod(invocation, model, cancellationToken);

    /// <summary>The type declaring the method a call resolves to (all its overloads being declared there).</summary>
    public static INamedTypeSymbol? MethodOwner(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.MethodOwner(invocation, model, cancellationToken))
        ?? (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method ? (method.ReducedFrom ?? method).ContainingType : null);

    /// <summary>A type written in a body (<c>Order</c> in <c>Set&lt;Order&gt;()</c>).</summary>
    public static ITypeSymbol? WrittenType(TypeSyntax type, SemanticModel model, CancellationToken cancellationToken) =>
        (s_modelIsBound ? null : DeclarationBinder.WrittenType(type, model)) ?? model.GetTypeInfo(type, cancellationToken).Type;

    public static Optional<object?> ConstantOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = s_modelIsBound ? Constant.Unknown : DeclarationBinder.ConstantOf(expression, model, cancellationToken);
        return constant.Known ? constant.ToOptional() : model.GetConstantValue(expression, cancellationToken);
    }

    /// <summary>The DbContext class whose own code <paramref name="node"/> is (the instance a bare <c>SaveChanges()</c> is
    /// made on), from its declaration; null outside a class deriving from DbContext.</summary>
    public static INamedTypeSymbol? EnclosingContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration && model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type
        && type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext") ? type : null;

    /// <summary>The initializer of a local that is never assigned again: <c>var sql = "..." + id; db.ExecuteSqlRaw(sql);</c>.</summary>
    public static ExpressionSyntax? SingleAssignmentInitializer(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is not IdentifierNameSyntax identifier || SymbolOrMethod(identifier, model, cancellationToken) is not ILocalSymbol local) return null;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator) return null;
        var body = declarator.Ancestors().FirstOrDefault(a => a is BlockSyntax or ArrowExpressionClauseSyntax or CompilationUnitSyntax);
        if (body is null) return null;
        var reassigned = body.DescendantNodes().Any(n => n switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } => left.Identifier.ValueText == local.Name,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } => passed.Identifier.ValueText == local.Name,
            _ => false,
        });
        return reassigned ? null : initializer;
    }

    /// <summary>
    /// Every value a local declared in a body is given, flow aside: its initializer and the right side of each <c>=</c>
    /// (<c>Appends</c> false) or <c>+=</c> (<c>Appends</c> true) to its name in the block that declares it (a same-named
    /// local of a nested lambda counts too: more values, never fewer). Null when it is written any other way (passed by
    /// <c>ref</c>/<c>out</c>, taken by <c>ref</c>, <c>??=</c>, <c>++</c>, a deconstruction) or is not a local declared by
    /// <c>var x = ...</c>/<c>T x;</c> (a <c>foreach</c> or pattern variable, an <c>out var</c>).
    /// </summary>
    public static IReadOnlyList<(ExpressionSyntax Value, bool Appends)>? LocalValues(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator) return null;
        var body = declarator.Ancestors().FirstOrDefault(a => a is BlockSyntax or ArrowExpressionClauseSyntax or CompilationUnitSyntax);
        if (body is null) return null;
        var values = new List<(ExpressionSyntax Value, bool Appends)>();
        if (declarator.Initializer?.Value is { } initializer) values.Add((initializer, false));
        bool Named(ExpressionSyntax? e) => e is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name;
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when Named(SyntaxFacts.Unwrapped(assignment.Left)):
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)) values.Add((assignment.Right, false));
                    else if (assignment.IsKind(SyntaxKind.AddAssignmentExpression)) values.Add((assignment.Right, true));
                    else return null;
                    break;
                case AssignmentExpressionSyntax { Left: TupleExpressionSyntax tuple } when tuple.DescendantNodes().OfType<ExpressionSyntax>().Any(Named):
                case ForEachVariableStatementSyntax { Variable: TupleExpressionSyntax variables } when variables.DescendantNodes().OfType<ExpressionSyntax>().Any(Named):
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when Named(SyntaxFacts.Unwrapped(argument.Expression)):
                case RefExpressionSyntax reference when Named(SyntaxFacts.Unwrapped(reference.Expression)):
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix when Named(SyntaxFacts.Unwrapped(prefix.Operand)):
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix when Named(SyntaxFacts.Unwrapped(postfix.Operand)):
                    return null;
            }
        }
        return values;
    }
}
