using System;
using System.Collections.Immutable;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataDocGen.Generator.Diagnostics;

/// <summary>
/// The data-access findings as IDE and build diagnostics (DDG1001–DDG1005). A DiagnosticAnalyzer rather than the
/// generator: analyzer diagnostics show while typing, honour <c>dotnet_diagnostic.&lt;id&gt;.severity</c> in
/// .editorconfig, <c>#pragma warning disable</c> and <c>[SuppressMessage]</c>, which generator diagnostics do not
/// reliably do (dotnet/roslyn#52527, #47384). The per-node checks reuse the generator's parsers on the same nodes, so
/// the report and the diagnostics never disagree; the soft-delete check needs every entity and query filter, so it
/// reports at the end of the compilation (in the IDE that is full-solution analysis), and so does the save-call check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DataLayerAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.QueryInLoop,
        DiagnosticDescriptors.RawSqlFromText,
        DiagnosticDescriptors.CacheEntryWithoutExpiration,
        DiagnosticDescriptors.SoftDeleteWithoutFilter,
        DiagnosticDescriptors.SaveHookOnOneSaveCall,
        DiagnosticDescriptors.AnalyzerError);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // DataDocGenEnabled=false turns the whole package off, these diagnostics included.
            if (start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.DataDocGenEnabled", out var enabled)
                && string.Equals(enabled, "false", System.StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            start.RegisterSyntaxNodeAction(Guarded(AnalyzeInvocation), SyntaxKind.InvocationExpression);
            start.RegisterSyntaxNodeAction(Guarded(AnalyzeSqlTextSite), SyntaxKind.SimpleAssignmentExpression, SyntaxKind.ObjectCreationExpression);
            start.RegisterSyntaxNodeAction(Guarded(AnalyzeForEach), SyntaxKind.ForEachStatement);
            start.RegisterSyntaxNodeAction(Guarded(AnalyzeLoopRoundTrips), SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement,
                SyntaxKind.ForStatement, SyntaxKind.WhileStatement, SyntaxKind.DoStatement);
            if (start.Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext") is not null)
            {
                var softDelete = new SoftDeleteCheck();
                start.RegisterSymbolAction(Guarded(softDelete.CollectEntities), SymbolKind.NamedType);
                start.RegisterSyntaxNodeAction(Guarded(softDelete.CollectFilter), SyntaxKind.InvocationExpression);
                start.RegisterCompilationEndAction(Guarded(softDelete.Report));
                var saveFlavour = new SaveFlavourCheck();
                start.RegisterSyntaxNodeAction(Guarded(saveFlavour.CollectHook), SyntaxKind.ClassDeclaration);
                start.RegisterSyntaxNodeAction(Guarded(saveFlavour.CollectSave), SyntaxKind.InvocationExpression);
                start.RegisterCompilationEndAction(Guarded(saveFlavour.Report));
            }
        });
    }

    /// <summary>An action whose unexpected exception becomes one DDG002 warning at its place (Roslyn would report AD0001,
    /// which TreatWarningsAsErrors turns into a broken build); cancellation passes through.</summary>
    internal static Action<SyntaxNodeAnalysisContext> Guarded(Action<SyntaxNodeAnalysisContext> action) => context =>
    {
        try { action(context); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerError, context.Node.GetLocation(), GeneratorFailure.Describe(exception, context.Node)));
        }
    };

    internal static Action<SymbolAnalysisContext> Guarded(Action<SymbolAnalysisContext> action) => context =>
    {
        try { action(context); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var location = context.Symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerError, location, GeneratorFailure.Describe(exception)));
        }
    };

    internal static Action<CompilationAnalysisContext> Guarded(Action<CompilationAnalysisContext> action) => context =>
    {
        try { action(context); }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerError, Location.None, GeneratorFailure.Describe(exception)));
        }
    };

    /// <summary>A <c>foreach</c> over a query inside another loop's body (DDG1001 at the query).</summary>
    private static void AnalyzeForEach(SyntaxNodeAnalysisContext context)
    {
        using var bound = Semantics.ModelIsBound();
        var forEach = (ForEachStatementSyntax)context.Node;
        if (QueryShapeParser.IsCandidate(forEach, context.CancellationToken)
            && QueryShapeParser.Parse(forEach, context.SemanticModel, context.CancellationToken) is { Shape.Kind: QueryShapeParser.LoopQueryKind }
            && QueryShapeParser.EnclosingLoop(forEach) is { } loop)
        {
            var loopLine = loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.QueryInLoop, forEach.Expression.GetLocation(),
                "foreach", loopLine.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A read through Dapper, Redis or MongoDB written in a loop's body (DDG1001 at the call). Writes, calls whose
    /// effect is not known (an ADO.NET command) and calls made through project methods are in the report only.</summary>
    private static void AnalyzeLoopRoundTrips(SyntaxNodeAnalysisContext context)
    {
        using var bound = Semantics.ModelIsBound();
        var loop = (StatementSyntax)context.Node;
        var loopLine = (loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (call, spec, direct) in LoopRoundTripParser.Findings(loop, context.SemanticModel, context.CancellationToken, follow: false))
        {
            if (!direct || spec.Kind != QueryShapeParser.LoopQueryKind || call.Expression is not MemberAccessExpressionSyntax access) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.QueryInLoop, access.Name.GetLocation(), access.Name.Identifier.ValueText, loopLine));
        }
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        using var bound = Semantics.ModelIsBound();
        var node = context.Node;
        var cancellationToken = context.CancellationToken;
        if (QueryShapeParser.IsCandidate(node, cancellationToken)
            && QueryShapeParser.Parse(node, context.SemanticModel, cancellationToken) is { Shape.Kind: QueryShapeParser.LoopQueryKind }
            && QueryShapeParser.EnclosingLoop(node) is { } loop
            && ((InvocationExpressionSyntax)node).Expression is MemberAccessExpressionSyntax access)
        {
            var loopLine = loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.QueryInLoop, access.Name.GetLocation(),
                access.Name.Identifier.ValueText, loopLine.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (RawSqlParser.IsCandidate(node, cancellationToken)) ReportRawSql(context);

        if (CacheParser.IsCandidate(node, cancellationToken)
            && CacheParser.Parse(node, context.SemanticModel, cancellationToken) is { Use: { Expiration: CacheExpiration.None } use })
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CacheEntryWithoutExpiration, node.GetLocation(),
                use.Operation, use.Cache, use.Key is null ? "with a computed key" : "'" + use.Key + "'"));
        }
    }

    private static void AnalyzeSqlTextSite(SyntaxNodeAnalysisContext context)
    {
        if (RawSqlParser.IsCandidate(context.Node, context.CancellationToken)) ReportRawSql(context);
    }

    private static void ReportRawSql(SyntaxNodeAnalysisContext context)
    {
        using var bound = Semantics.ModelIsBound();
        if (RawSqlParser.Parse(context.Node, context.SemanticModel, context.CancellationToken) is { Spec: { Parameterization: SqlParameterization.BuiltIntoRawSql } spec })
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RawSqlFromText, context.Node.GetLocation(), spec.Api));
        }
    }
}
