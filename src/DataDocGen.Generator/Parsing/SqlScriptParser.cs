using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>A .sql file handed to the generator as an AdditionalFile: its statement kinds and the security and
/// change-capture facts in it (never its text).</summary>
internal sealed record SqlScriptSpec(string Path, string Summary, EquatableArray<SqlFactSpec> Facts);

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
        return new SqlScriptSpec(path, SqlFactsReader.Summary(text), facts);
    }

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sql" }, ArgumentList.Arguments.Count: > 0 };

    public static SqlInCodeResult? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
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
