using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator.Diagnostics;

/// <summary>
/// DDG1005, over one compilation: a save hook that does something (sets fields, changes entry states, adds rows,
/// publishes) on one of the two save calls only (an interceptor's <c>SavingChangesAsync</c> without <c>SavingChanges</c>,
/// a context's <c>SaveChanges</c> override without <c>SaveChangesAsync</c>), in a project that also calls the other one:
/// those saves skip the hook (EF judge: SaveCallFlavourTests). Silent when the other call is never made, since projects
/// that save one way only write one hook on purpose. For a context's own override only saves on that context (or a
/// derived one) count; an interceptor may be added to any context.
/// </summary>
internal sealed class SaveFlavourCheck
{
    private readonly ConcurrentBag<(SaveHookSpec Hook, INamedTypeSymbol Type, Location Location)> _hooks = new();
    private readonly ConcurrentBag<(string Call, ITypeSymbol Context, Location Location)> _saves = new();

    public void CollectHook(SyntaxNodeAnalysisContext context)
    {
        if (!SaveHookParser.IsCandidate(context.Node, context.CancellationToken)) return;
        using var bound = Semantics.ModelIsBound();
        if (SaveHookParser.Parse(new SiteContext(context.Node, context.SemanticModel), context.CancellationToken)?.Hook is not { RunsOn.Count: 1 } hook) return;
        if (hook.AssignedMembers.IsEmpty && hook.StateChanges.IsEmpty && hook.AddsRows.IsEmpty && hook.Publishes.IsEmpty) return;
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is not INamedTypeSymbol type) return;
        var declaration = (ClassDeclarationSyntax)context.Node;
        var method = declaration.Members.OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(m => m.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OverrideKeyword) && SaveHookParser.IsHookName(m.Identifier.ValueText));
        _hooks.Add((hook, type, (method?.Identifier ?? declaration.Identifier).GetLocation()));
    }

    /// <summary>A <c>SaveChanges</c>/<c>SaveChangesAsync</c> call on a DbContext, other than <c>base.</c> calls (a hook
    /// handing over to EF Core).</summary>
    public void CollectSave(SyntaxNodeAnalysisContext context)
    {
        if (context.Node is not InvocationExpressionSyntax invocation) return;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("SaveChanges" or "SaveChangesAsync")) return;
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax }) return;
        using var bound = Semantics.ModelIsBound();
        if (OptionsBuilderParser.ResolveMethod(invocation, context.SemanticModel, context.CancellationToken) is not { IsStatic: false } method) return;
        if (!method.ContainingType.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return;
        var receiver = invocation.Expression is MemberAccessExpressionSyntax member
            ? Semantics.TypeOf(member.Expression, context.SemanticModel, context.CancellationToken)
            : method.ContainingType;
        _saves.Add((name, receiver ?? method.ContainingType, invocation.GetLocation()));
    }

    public void Report(CompilationAnalysisContext context)
    {
        var saves = _saves.OrderBy(s => s.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start).ToList();
        foreach (var (hook, type, location) in _hooks.OrderBy(h => h.Hook.TypeName, System.StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var runsOn = hook.RunsOn[0];
            var other = runsOn == "SaveChangesAsync" ? "SaveChanges" : "SaveChangesAsync";
            var skipping = saves.FirstOrDefault(s => s.Call == other && (hook.Kind != "SaveChanges override" || DerivesFrom(s.Context, type)));
            if (skipping.Location is null) continue;
            var line = skipping.Location.GetLineSpan();
            var where = System.IO.Path.GetFileName(line.Path) + " line " + (line.StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SaveHookOnOneSaveCall, location, type.Name, runsOn, other, where, Effects(hook)));
        }
    }

    private static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
        }
        return false;
    }

    /// <summary>What those saves miss: "sets UpdatedAt, CreatedAt; turns deletes into updates".</summary>
    private static string Effects(SaveHookSpec hook)
    {
        var parts = new List<string>();
        if (!hook.AssignedMembers.IsEmpty) parts.Add("sets " + string.Join(", ", hook.AssignedMembers));
        if (Generator.Report.SoftDeletes.TurnsDeletesIntoUpdates(hook)) parts.Add("turns deletes into updates");
        else if (!hook.StateChanges.IsEmpty) parts.Add("changes entry states");
        if (!hook.AddsRows.IsEmpty) parts.Add("adds " + string.Join(", ", hook.AddsRows.Select(r => r.Substring(r.LastIndexOf('.') + 1))) + " rows");
        if (!hook.Publishes.IsEmpty) parts.Add("publishes the changes");
        return string.Join("; ", parts);
    }
}
