using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>
/// Holds <see cref="DeclarationBinder"/> to the binder: for every expression of a compilation that it answers (a type,
/// a symbol, a method, a constant, a local's initializer), the semantic model must give the same answer. The
/// generator harness runs it on every test compilation, so every test's sources are part of the corpus.
/// </summary>
internal static class DeclarationBinderAudit
{
    public static List<string> Mismatches(Compilation compilation) => Mismatches(compilation, out _);

    /// <param name="answered">How many questions DeclarationBinder answered (types, symbols, constants, calls).</param>
    public static List<string> Mismatches(Compilation compilation, out int answered)
    {
        var mismatches = new List<string>();
        answered = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var expression in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (expression is TypeSyntax { IsVar: false } written && DeclarationBinder.WrittenType(written, model) is { } ours)
                {
                    var bound = model.GetSymbolInfo(written).Symbol as ITypeSymbol ?? model.GetTypeInfo(written).Type;
                    if (!SymbolEqualityComparer.Default.Equals(ours, bound))
                    {
                        mismatches.Add(tree.FilePath + ": written type `" + written + "` " + ours.ToDisplayString() + ", binder " + bound?.ToDisplayString());
                    }
                }
                var where = tree.FilePath + ":" + (expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1) + " `" + expression + "`";
                answered += Check(expression, model, where, mismatches);
            }
        }
        return mismatches;
    }

    private static int Check(ExpressionSyntax expression, SemanticModel model, string where, List<string> mismatches)
    {
        var answered = 0;
        var type = DeclarationBinder.TypeOf(expression, model, default);
        if (type is not null) answered++;
        if (type is not null && !SymbolEqualityComparer.Default.Equals(type, model.GetTypeInfo(expression).Type))
        {
            mismatches.Add(where + ": type " + type.ToDisplayString() + ", binder " + model.GetTypeInfo(expression).Type?.ToDisplayString());
        }
        var symbol = DeclarationBinder.SymbolOf(expression, model, default);
        if (symbol is not null) answered++;
        if (symbol is not null && !SymbolEqualityComparer.Default.Equals(symbol, model.GetSymbolInfo(expression).Symbol))
        {
            mismatches.Add(where + ": symbol " + symbol.ToDisplayString() + ", binder " + model.GetSymbolInfo(expression).Symbol?.ToDisplayString());
        }
        var constant = DeclarationBinder.ConstantOf(expression, model, default);
        if (constant.Known)
        {
            answered++;
            var bound = model.GetConstantValue(expression);
            if (bound.HasValue != constant.IsConstant || (bound.HasValue && !Equals(bound.Value, constant.Value)))
            {
                mismatches.Add(where + ": constant " + (constant.IsConstant ? "'" + constant.Value + "'" : "none") + ", binder " + (bound.HasValue ? "'" + bound.Value + "'" : "none"));
            }
        }
        if (expression is IdentifierNameSyntax identifier)
        {
            var (kind, initializer) = DeclarationBinder.LocalOf(identifier, model);
            var bound = model.GetSymbolInfo(identifier).Symbol;
            var boundInitializer = bound is ILocalSymbol local && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: var value } ? value : null;
            if ((kind == LocalName.Local && boundInitializer != initializer) || (kind == LocalName.NotLocal && bound is ILocalSymbol))
            {
                mismatches.Add(where + ": local " + kind + ", binder " + bound?.Kind);
            }
        }
        if (expression is InvocationExpressionSyntax invocation && DeclarationBinder.Method(invocation, model, default, exact: false) is not null)
        {
            answered++;
            CheckCall(invocation, model, where, mismatches);
        }
        return answered;
    }

    private static void CheckCall(InvocationExpressionSyntax invocation, SemanticModel model, string where, List<string> mismatches)
    {
        // Only calls the binder resolves: where it cannot (an error in an argument, code mid-edit) it offers candidates,
        // and DeclarationBinder may still answer from the receiver, the name and the argument count.
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol bound) return;
        var exact = DeclarationBinder.Method(invocation, model, default, exact: true);
        if (exact is not null && !SameExact(exact, bound))
        {
            mismatches.Add(where + ": exact method " + exact.ToDisplayString() + ", binder " + bound.ToDisplayString());
        }
        var identity = DeclarationBinder.Method(invocation, model, default, exact: false);
        if (identity is not null && !SameIdentity(identity, bound, invocation))
        {
            mismatches.Add(where + ": method " + identity.ToDisplayString() + ", binder " + bound.ToDisplayString());
        }
        var owner = DeclarationBinder.MethodOwner(invocation, model, default);
        if (owner is not null && !SymbolEqualityComparer.Default.Equals(owner, (bound.ReducedFrom ?? bound).ContainingType))
        {
            mismatches.Add(where + ": owner " + owner.ToDisplayString() + ", binder " + bound.ToDisplayString());
        }
    }

    private static bool SameExact(IMethodSymbol ours, IMethodSymbol bound) =>
        SymbolEqualityComparer.Default.Equals((ours.ReducedFrom ?? ours).OriginalDefinition, (bound.ReducedFrom ?? bound).OriginalDefinition)
        && SymbolEqualityComparer.Default.Equals(ours.ReturnType, bound.ReturnType)
        && Enumerable.SequenceEqual(ours.TypeArguments, bound.TypeArguments, SymbolEqualityComparer.Default)
        && ours.Parameters.Select(p => p.Type).SequenceEqual(bound.Parameters.Select(p => p.Type), SymbolEqualityComparer.Default)
        && SymbolEqualityComparer.Default.Equals(OptionsBuilderParser.ReceiverType(ours), OptionsBuilderParser.ReceiverType(bound));

    /// <summary>What <see cref="Semantics.Method"/> promises: the declaring type, the name, the receiver type and the
    /// parameters (name and declared type) that the positional arguments meet.</summary>
    private static bool SameIdentity(IMethodSymbol ours, IMethodSymbol bound, InvocationExpressionSyntax invocation)
    {
        var a = (ours.ReducedFrom ?? ours).OriginalDefinition;
        var b = (bound.ReducedFrom ?? bound).OriginalDefinition;
        if (ours.Name != bound.Name || !SymbolEqualityComparer.Default.Equals(a.ContainingType, b.ContainingType)) return false;
        if (!SymbolEqualityComparer.Default.Equals(OptionsBuilderParser.ReceiverType(ours), OptionsBuilderParser.ReceiverType(bound))) return false;
        var positional = invocation.ArgumentList.Arguments.TakeWhile(x => x.NameColon is null).Count();
        for (var i = 0; i < positional && i < ours.Parameters.Length && i < bound.Parameters.Length; i++)
        {
            if (ours.Parameters[i].Name != bound.Parameters[i].Name
                || ours.OriginalDefinition.Parameters[i].Type.ToDisplayString() != bound.OriginalDefinition.Parameters[i].Type.ToDisplayString()) return false;
        }
        return true;
    }
}
