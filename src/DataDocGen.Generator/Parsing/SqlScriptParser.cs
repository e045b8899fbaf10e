using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>A .sql file handed to the generator as an AdditionalFile: its statement kinds and the security and
/// change-capture facts in it (never its text), and, for a script <c>dotnet ef migrations script</c> wrote, the EF Core
/// migrations it applies or reverts.</summary>
/// <param name="Tables">The tables the script creates (<see cref="SqlTableReader"/>); none for a script EF Core wrote
/// (its tables are the context's, in 1.2 already). Moved to <see cref="Report.DataLayerReport.ScriptTables"/> when the report is built.</param>
/// <param name="TableChanges">The script's other statements about tables: indexes, additions, changes not followed.</param>
internal sealed record SqlScriptSpec(string Path, string Summary, EquatableArray<SqlFactSpec> Facts, EfMigrationScriptSpec? EfMigrations = null,
    EquatableArray<ScriptTableSpec> Tables = default, EquatableArray<ScriptTableChangeSpec> TableChanges = default);

/// <summary>
/// SQL outside C#: .sql script files (the package hands <c>**/*.sql</c> of the project to the generator as
/// AdditionalFiles), and constant SQL run by migrations (EF Core <c>migrationBuilder.Sql("...")</c>, FluentMigrator
/// <c>Execute.Sql("...")</c>). Both are read by <see cref="SqlFactsReader"/>, which never copies text.
/// </summary>
internal static class SqlScriptParser
{
    public static bool IsScript(AdditionalText file) => file.Path.EndsWith(".sql", System.StringComparison.OrdinalIgnoreCase);

    public static SqlScriptSpec? ParseScript(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null) return null;
        var path = SourceLocation.Normalize(file.Path);
        var facts = SqlFactsReader.Read(text).Select(f => new SqlFactSpec(f.Category, f.Fact, path, new SourceLocation(path, f.Line))).ToEquatableArray();
        var efMigrations = EfMigrationScriptReader.Read(text, path);
        var tables = efMigrations is null ? SqlTableReader.Read(text, path) : null;
        return new SqlScriptSpec(path, SqlFactsReader.Summary(text), facts, efMigrations,
            tables?.Tables.ToEquatableArray() ?? EquatableArray<ScriptTableSpec>.Empty, tables?.Changes.ToEquatableArray() ?? EquatableArray<ScriptTableChangeSpec>.Empty);
    }

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sql" }, ArgumentList.Arguments.Count: > 0 }
        || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" }, ArgumentList.Arguments.Count: 2 } annotation
           && CreateIndexOf(annotation) is not null;

    /// <summary>The <c>CreateIndex(...)</c> call an <c>.Annotation(...)</c> chain in a migration hangs on, else null.</summary>
    private static InvocationExpressionSyntax? CreateIndexOf(InvocationExpressionSyntax annotation)
    {
        for (var receiver = (annotation.Expression as MemberAccessExpressionSyntax)?.Expression; receiver is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call; receiver = access.Expression)
        {
            if (access.Name.Identifier.ValueText == "CreateIndex") return call;
            if (access.Name.Identifier.ValueText != "Annotation") return null;
        }
        return null;
    }

    /// <summary>The annotations EF Core writes into a migration's <c>CreateIndex</c> for an index built without blocking
    /// (<c>IsCreatedOnline()</c>, <c>IsCreatedConcurrently()</c>).</summary>
    private static readonly Dictionary<string, string> NonBlockingAnnotations = new(System.StringComparer.Ordinal)
    {
        ["SqlServer:Online"] = "built online (migration annotation SqlServer:Online)",
        ["Npgsql:CreatedConcurrently"] = "built concurrently (migration annotation Npgsql:CreatedConcurrently)",
    };

    private static SqlInCodeResult? Annotation(InvocationExpressionSyntax annotation, SemanticModel model, CancellationToken cancellationToken)
    {
        var arguments = annotation.ArgumentList.Arguments;
        if (model.ConstantString(arguments[0].Expression, cancellationToken) is not { } name || !NonBlockingAnnotations.TryGetValue(name, out var how)) return null;
        if (Semantics.ConstantOf(arguments[1].Expression, model, cancellationToken) is not { HasValue: true, Value: true }) return null;
        if (CreateIndexOf(annotation) is not { } createIndex || Semantics.ExactMethod(createIndex, model, cancellationToken) is not { } create
            || !create.ContainingType.Is("Microsoft.EntityFrameworkCore.Migrations", "MigrationBuilder")) return null;
        string? Argument(string parameter) => createIndex.ArgumentList.Arguments
            .Where(a => OptionsBuilderParser.ParameterFor(a, createIndex.ArgumentList, create)?.Name == parameter)
            .Select(a => model.ConstantString(a.Expression, cancellationToken)).FirstOrDefault();
        var index = Argument("name");
        var table = Argument("table");
        var source = model.GetEnclosingSymbol(annotation.SpanStart, cancellationToken)?.ContainingType?.Name ?? "migration";
        var fact = "index " + (index is null ? "" : index + " ") + "on " + (table ?? "a table not named by a constant") + " " + how;
        return new SqlInCodeResult(new[] { new SqlFactSpec("deployment", fact, source, SourceLocation.From(annotation)) }.ToEquatableArray(), null);
    }

    public static SqlInCodeResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Annotation" }) return Annotation(invocation, model, cancellationToken);
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
            var owner = (method.ReducedFrom ?? method).ContainingType;
            var isMigration = owner.Is("Microsoft.EntityFrameworkCore.Migrations", "MigrationBuilder") || owner.IsInNamespaceOrBelow("FluentMigrator");
            if (!isMigration || model.ConstantString(invocation.ArgumentList.Arguments[0].Expression, cancellationToken) is not { } sql) return null;
            var source = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType?.Name ?? "migration";
            var location = SourceLocation.From(invocation);
            var facts = SqlFactsReader.Read(sql).Select(f => new SqlFactSpec(f.Category, f.Fact, source, location)).ToEquatableArray();
            return facts.IsEmpty ? null : new SqlInCodeResult(facts, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SqlInCodeResult(EquatableArray<SqlFactSpec>.Empty, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }
}

internal sealed record SqlInCodeResult(EquatableArray<SqlFactSpec> Facts, string? Error);
