using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads FluentMigrator migrations: classes marked <c>[Migration(version)]</c> from FluentMigrator, found through
/// ForAttributeWithMetadataName. <c>Up</c> is summarised by its expression roots (<c>Create.Table("Users")</c>,
/// <c>Alter.Table</c>, <c>Delete.Column("x").FromTable("T")</c>...) with the tables they name when constant;
/// <c>Execute.Sql</c> and scripts are counted, never copied.
/// </summary>
internal static class FluentMigratorParser
{
    public const string MigrationAttribute = "FluentMigrator.MigrationAttribute";

    /// <summary>Root.Method pairs whose first argument is the table.</summary>
    private static readonly HashSet<string> TableFirst = new(System.StringComparer.Ordinal)
    {
        "Create.Table", "Alter.Table", "Delete.Table", "Rename.Table", "Insert.IntoTable", "Update.Table", "Delete.FromTable",
    };

    /// <summary>Root.Method pairs whose table comes from a later <c>OnTable</c>/<c>FromTable</c> in the chain.</summary>
    private static readonly HashSet<string> TableLater = new(System.StringComparer.Ordinal)
    {
        "Create.Column", "Delete.Column", "Alter.Column", "Rename.Column", "Create.Index", "Delete.Index", "Create.UniqueConstraint",
        "Delete.UniqueConstraint", "Create.PrimaryKey", "Delete.PrimaryKey",
    };

    /// <summary>Root.Method pairs that are counted only.</summary>
    private static readonly HashSet<string> Counted = new(System.StringComparer.Ordinal)
    {
        "Execute.Sql", "Execute.Script", "Execute.EmbeddedScript", "Execute.WithConnection", "Create.ForeignKey", "Delete.ForeignKey",
        "Create.Schema", "Delete.Schema", "Create.Sequence", "Delete.Sequence",
    };

    public static MigrationResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol type) return null;
            var version = context.Attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value;
            if (version is not (long or int)) return null;
            var autoReversing = false;
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Is("FluentMigrator", "AutoReversingMigration")) autoReversing = true;
            }
            var up = MigrationParser.Body(type, "Up", cancellationToken);
            var hasDown = MigrationParser.IsImplemented(MigrationParser.Body(type, "Down", cancellationToken));
            var operations = up is null ? EquatableArray<string>.Empty : Summarise(up, context.SemanticModel, cancellationToken);
            var id = System.Convert.ToInt64(version, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            return new MigrationResult(new MigrationSpec(id, null, operations, hasDown, SourceLocation.From(type), MigrationSpec.FluentMigrator, type.Name, autoReversing), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MigrationResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.TargetNode));
        }
    }

    /// <summary><c>Create.Table: Orders, Users</c>, <c>Execute.Sql: 2</c>, in a fixed order.</summary>
    private static EquatableArray<string> Summarise(SyntaxNode body, SemanticModel model, CancellationToken cancellationToken)
    {
        var tables = new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The expression root: Create.Table(...), where Create is the migration's own expression root property.
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } access) continue;
            var operation = root.Identifier.ValueText + "." + access.Name.Identifier.ValueText;
            var known = TableFirst.Contains(operation) || TableLater.Contains(operation) || Counted.Contains(operation);
            if (!known && root.Identifier.ValueText is not ("Create" or "Alter" or "Delete" or "Rename" or "Insert" or "Update" or "Execute" or "IfDatabase" or "Schema")) continue;
            if (Semantics.SymbolOrMethod(root, model, cancellationToken) is not IPropertySymbol { ContainingType: { } owner } || !owner.IsInNamespaceOrBelow("FluentMigrator")) continue;
            if (!known)
            {
                // An expression root handed to something else (nopCommerce's Create.TableFor<T>(), a project extension):
                // counted as not read rather than leaving Up blank, as if it did nothing.
                var notRead = operation + " (not read)";
                counts[notRead] = counts.TryGetValue(notRead, out var seen) ? seen + 1 : 1;
                continue;
            }
            if (Counted.Contains(operation))
            {
                counts[operation] = counts.TryGetValue(operation, out var count) ? count + 1 : 1;
                continue;
            }
            var table = TableFirst.Contains(operation) ? model.FirstArgumentString(invocation, cancellationToken) : LaterTable(invocation, model, cancellationToken);
            if (!tables.TryGetValue(operation, out var list)) tables[operation] = list = new List<string>();
            list.Add(table ?? "?");
        }
        // Statements that call something, none of it read (a helper of the project's): said, not a blank cell.
        var statements = body.DescendantNodesAndSelf().OfType<ExpressionStatementSyntax>().Count(s => s.Expression is InvocationExpressionSyntax or AwaitExpressionSyntax)
                         + (body is ArrowExpressionClauseSyntax { Expression: InvocationExpressionSyntax } ? 1 : 0);
        if (tables.Count == 0 && counts.Count == 0 && statements > 0) counts["statements not read"] = statements;
        return MigrationParser.Format(tables, counts);
    }

    /// <summary>The table of <c>Create.Index("IX").OnTable("T")</c> or <c>Delete.Column("c").FromTable("T")</c>.</summary>
    private static string? LaterTable(InvocationExpressionSyntax start, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode current = start;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } access)
        {
            if (access.Name.Identifier.ValueText is "OnTable" or "FromTable") return model.FirstArgumentString(next, cancellationToken);
            current = next;
        }
        return null;
    }
}
