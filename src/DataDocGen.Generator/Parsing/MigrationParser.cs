using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads EF Core migrations (classes marked <c>[Migration]</c>, found through ForAttributeWithMetadataName) and the
/// calls that apply them. A migration's <c>Up</c> is summarised by its <c>MigrationBuilder</c> operations, with the
/// tables they name when those are constants; raw <c>Sql(...)</c> calls are counted, never copied (they may hold anything).
/// </summary>
internal static class MigrationParser
{
    public const string MigrationAttribute = "Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute";

    /// <summary>Operations whose table argument is reported by name.</summary>
    private static readonly HashSet<string> TableOperations = new()
    {
        "CreateTable", "DropTable", "RenameTable", "AddColumn", "DropColumn", "AlterColumn", "RenameColumn", "CreateIndex", "DropIndex",
        "AddForeignKey", "DropForeignKey", "AddPrimaryKey", "DropPrimaryKey", "AddUniqueConstraint", "DropUniqueConstraint",
        "AddCheckConstraint", "DropCheckConstraint", "InsertData", "UpdateData", "DeleteData", "AlterTable",
    };

    private static readonly HashSet<string> OtherOperations = new()
    {
        "Sql", "EnsureSchema", "DropSchema", "CreateSequence", "DropSequence", "AlterSequence", "RestartSequence", "RenameIndex", "AlterDatabase",
    };

    public static MigrationResult? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.TargetSymbol is not INamedTypeSymbol type) return null;
            var id = context.Attributes.FirstOrDefault()?.ConstructorArguments.FirstOrDefault().Value as string;
            if (id is null) return null;
            var contextType = type.GetAttributes().FirstOrDefault(a => a.AttributeClass.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DbContextAttribute"))
                ?.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol;

            var up = Body(type, "Up", cancellationToken);
            var down = Body(type, "Down", cancellationToken);
            var operations = up is null ? EquatableArray<string>.Empty : Summarise(up);
            return new MigrationResult(new MigrationSpec(id, contextType?.ClrFullName(), operations, IsImplemented(down), SourceLocation.From(type)), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MigrationResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.TargetNode));
        }
    }

    /// <summary>The body of the type's own <c>name</c> method (either migration tool's <c>Up</c>/<c>Down</c>).</summary>
    internal static SyntaxNode? Body(INamedTypeSymbol type, string name, CancellationToken cancellationToken) =>
        type.GetMembers(name).OfType<IMethodSymbol>().SelectMany(m => m.DeclaringSyntaxReferences)
            .Select(r => r.ReadSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
            .Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody).FirstOrDefault(b => b is not null);

    /// <summary>True when a <c>Down</c> body does something: a non-empty block or an expression body.</summary>
    internal static bool IsImplemented(SyntaxNode? body) => body switch
    {
        BlockSyntax block => block.Statements.Count > 0,
        ArrowExpressionClauseSyntax => true,
        _ => false,
    };

    /// <summary>The summary lines: <c>Operation: TableA, TableB (2)</c> per named operation, then <c>Operation: count</c>.</summary>
    internal static EquatableArray<string> Format(SortedDictionary<string, List<string>> tables, SortedDictionary<string, int> counts) =>
        tables.Select(t => t.Key + ": " + string.Join(", ", t.Value.GroupBy(v => v).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                    .Select(g => g.Count() == 1 ? g.Key : g.Key + " (" + g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) + ")")))
            .Concat(counts.Select(c => c.Key + ": " + c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToEquatableArray();

    /// <summary><c>CreateTable: Customers, Orders</c>, <c>AddColumn: Orders (2)</c>, <c>Sql: 1</c>, in a fixed order.</summary>
    private static EquatableArray<string> Summarise(SyntaxNode body)
    {
        var tables = new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } access) continue;
            var name = access.Name.Identifier.ValueText;
            if (TableOperations.Contains(name))
            {
                var table = Argument(invocation, name is "CreateTable" or "DropTable" or "RenameTable" ? "name" : "table");
                if (!tables.TryGetValue(name, out var list)) tables[name] = list = new List<string>();
                list.Add(table ?? "?");
            }
            else if (OtherOperations.Contains(name))
            {
                counts[name] = counts.TryGetValue(name, out var count) ? count + 1 : 1;
            }
        }
        return Format(tables, counts);
    }

    /// <summary>A named string argument (<c>name: "Orders"</c>, <c>table: "Orders"</c>), or the first positional one.</summary>
    private static string? Argument(InvocationExpressionSyntax invocation, string parameter)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
        var argument = named ?? (parameter == "name" ? arguments.FirstOrDefault(a => a.NameColon is null) : null);
        return argument?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;
    }

    /// <summary>Cheap syntactic filter for the calls that apply migrations (EF Core, DbUp), and for query-filter bypasses.</summary>
    public static bool IsApplyCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Migrate" or "MigrateAsync" or "EnsureCreated" or "EnsureCreatedAsync" or "IgnoreQueryFilters" or "PerformUpgrade" or "Repair" or "Erase" } };

    public static CallSiteSpec? ParseApply(SiteContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (OptionsBuilderParser.ResolveMethod(invocation, context.SemanticModel, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (method.Name == "PerformUpgrade" && original.ContainingType.Is("DbUp.Engine", "UpgradeEngine"))
        {
            var (details, folder, embedded) = DbUpParser.Read(invocation, context.SemanticModel, cancellationToken);
            return new CallSiteSpec("PerformUpgrade", CodeText.MemberName(invocation, context.SemanticModel, cancellationToken), CodeText.EnclosingCondition(invocation, null),
                SourceLocation.From(invocation), details, folder, Embedded: embedded, InMethod: MethodCallers.EnclosingMethod(invocation, context.SemanticModel, cancellationToken));
        }
        if (method.Name is "Migrate" or "Repair" or "Erase" or "Validate" && EvolveParser.IsEvolve(original.ContainingType))
        {
            return new CallSiteSpec("Evolve." + method.Name, CodeText.MemberName(invocation, context.SemanticModel, cancellationToken), CodeText.EnclosingCondition(invocation, null),
                SourceLocation.From(invocation), EvolveParser.Describe(invocation, context.SemanticModel, cancellationToken),
                InMethod: MethodCallers.EnclosingMethod(invocation, context.SemanticModel, cancellationToken));
        }
        if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null;
        return new CallSiteSpec(method.Name, CodeText.MemberName(invocation, context.SemanticModel, cancellationToken), CodeText.EnclosingCondition(invocation, null), SourceLocation.From(invocation),
            ContextOf(invocation, context.SemanticModel, cancellationToken) is { } db ? new[] { "context " + CodeSpan.Of(db) }.ToEquatableArray() : EquatableArray<string>.Empty,
            InMethod: method.Name == "IgnoreQueryFilters" ? null : MethodCallers.EnclosingMethod(invocation, context.SemanticModel, cancellationToken));
    }

    /// <summary>The context whose <c>Database</c> a call is made on (<c>db.Database.MigrateAsync()</c>): with several
    /// contexts, which one is migrated or created is the fact that matters.</summary>
    private static string? ContextOf(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Database", Expression: var receiver } }
        && Semantics.TypeOf(receiver, model, cancellationToken) is { } type && type.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")
            ? type.Name
            : null;
}

internal sealed record MigrationResult(MigrationSpec? Migration, string? Error);
