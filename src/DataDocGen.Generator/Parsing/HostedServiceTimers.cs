using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// When a background service's own loop runs (5.2, "Scheduled"): a <c>System.Threading.PeriodicTimer</c> it creates
/// (its period), and a <c>Task.Delay</c> in the body of a loop of its code (<see cref="QueryShapeParser.EnclosingLoop"/>) (the wait, with the condition around it), each
/// confirmed by the type that declares it. The interval is read from a constant, a <c>TimeSpan</c> factory, or a
/// read-only field or get-only property initialised with one; otherwise it is shown as its code.
/// </summary>
internal static class HostedServiceTimers
{
    public static EquatableArray<HostedServiceTimer> Of(IEnumerable<BaseMethodDeclarationSyntax> methods, SemanticModel model, CancellationToken cancellationToken)
    {
        var timers = new List<HostedServiceTimer>();
        foreach (var method in methods)
        {
            foreach (var node in method.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 1 } arguments } creation
                        when SyntaxFacts.RightmostName(creation.Type) == "PeriodicTimer"
                             && Semantics.TypeOf(creation, model, cancellationToken).Is("System.Threading", "PeriodicTimer"):
                        var period = Interval(arguments[0].Expression, model, cancellationToken);
                        timers.Add(new HostedServiceTimer("`PeriodicTimer` ticks " + (period is null ? "at an interval not read here" : "every " + period),
                            SourceLocation.From(creation)));
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delay" }, ArgumentList.Arguments: { Count: >= 1 } delayArguments } delay
                        when QueryShapeParser.EnclosingLoop(delay) is not null
                             && Semantics.MethodOwner(delay, model, cancellationToken) is { } owner && owner.Is("System.Threading.Tasks", "Task"):
                        var condition = CodeText.EnclosingCondition(delay, method);
                        timers.Add(new HostedServiceTimer("waits " + (Interval(delayArguments[0].Expression, model, cancellationToken) ?? "for an interval not read here") + " in its loop (`Task.Delay`)"
                            + (condition is null ? "" : ", when " + CodeSpan.Of(condition)), SourceLocation.From(delay)));
                        break;
                }
            }
        }
        return timers.ToEquatableArray();
    }

    /// <summary>"1 minute" from <c>TimeSpan.FromMinutes(1)</c>, "500 milliseconds" from <c>500</c>, followed through a
    /// read-only field or get-only property initialised so; else the code; null when the code cannot be shown either.</summary>
    private static string? Interval(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Resolve(expression, model, cancellationToken) is { } text) return text;
        if (Semantics.SymbolOf(expression, model, cancellationToken) is { } symbol && symbol is IFieldSymbol { IsReadOnly: true } or IFieldSymbol { IsConst: true } or IPropertySymbol { SetMethod: null }
            && SyntaxFacts.Initializer(symbol.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken)) is { } initializer
            && Resolve(initializer, model.Compilation.ReadSemanticModel(initializer.SyntaxTree), cancellationToken) is { } resolved)
        {
            return resolved + " (" + CodeSpan.Of(CodeText.Safe(expression) ?? symbol.Name) + ")";
        }
        return CodeText.Safe(expression) is { } code ? CodeSpan.Of(code) + " (not a constant)" : null;
    }

    private static string? Resolve(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (CacheParser.TimeSpanText(expression, model, cancellationToken) is { } span) return span;
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: int milliseconds })
        {
            return milliseconds.ToString(CultureInfo.InvariantCulture) + " millisecond" + (milliseconds == 1 ? "" : "s");
        }
        return null;
    }
}
