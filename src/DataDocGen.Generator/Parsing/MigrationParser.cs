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

            var up = Find(type, "Up", context.SemanticModel.Compilation, cancellationToken);
            var down = Find(type, "Down", context.SemanticModel.Compilation, cancellationToken);
            var operations = up.Body is not null ? Summarise(up.Body)
                : up.From is not null ? new[] { MigrationSpec.NotRead }.ToEquatableArray() // inherited, not read: never a blank cell
                : EquatableArray<string>.Empty;
            var downState = DownState(down);
            var foreign = contextType?.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, context.SemanticModel.Compilation.Assembly) ? assembly.Name : null;
            return new MigrationResult(new MigrationSpec(id, contextType?.ClrFullName(), operations, downState == MigrationSpec.DownImplemented, SourceLocation.From(type),
                Down: downState, UpFrom: up.From, DownFrom: down.From, ContextAssembly: foreign), null);
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

    /// <summary>
    /// The <c>name</c> method (<c>Up</c>/<c>Down</c>) EF Core runs for a migration class: the class's own (From null);
    /// else the nearest base class's override below EF Core's <c>Migration</c> (From set: BTCPay Server's
    /// <c>monitoredinvoices</c> declares neither and runs <c>DBScriptsMigration.Up</c>), its body read when the base is in
    /// this project; else none (Declared false), EF Core's own <c>Migration</c> method running when the chain reaches it
    /// (<c>Up</c> is abstract there, <c>Down</c> throws). Body is null when the method has none or is not read. A base
    /// in another project is not read even when its source is at hand (the IDE hands referenced projects over as
    /// compilations): it is not this project's code, and the report cites this project's files.
    /// </summary>
    private static (bool Declared, SyntaxNode? Body, InheritedMethodSpec? From, bool ReachesMigration) Find(INamedTypeSymbol type, string name, Compilation compilation, CancellationToken cancellationToken)
    {
        if (type.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1)) return (true, Body(type, name, cancellationToken), null, true);
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Is("Microsoft.EntityFrameworkCore.Migrations", "Migration")) return (false, null, null, true);
            // Only an override is what EF Core calls through Migration.Up/Down (a method hiding it with `new` is not).
            if (current.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.IsOverride && m.Parameters.Length == 1) is not { } method) continue;
            var inProject = !method.DeclaringSyntaxReferences.IsEmpty && method.DeclaringSyntaxReferences.All(r => compilation.ContainsSyntaxTree(r.SyntaxTree));
            var body = inProject
                ? method.DeclaringSyntaxReferences.Select(r => r.ReadSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
                    .Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody).FirstOrDefault(b => b is not null)
                : null;
            // A project class named Migration is named in full, not to be read as EF Core's.
            var owner = current.ToDisplayString(current.Name == "Migration" ? SymbolDisplayFormat.CSharpErrorMessageFormat : SymbolDisplayFormat.MinimallyQualifiedFormat);
            return (true, body, new InheritedMethodSpec(owner + "." + name, inProject ? SourceLocation.From(method) : null, inProject), true);
        }
        return (false, null, null, false);
    }

    /// <summary>What an EF Core migration's <c>Down</c> does. Declared nowhere below EF Core's <c>Migration</c>: "not
    /// implemented", since <c>Migration.Down</c> throws <c>NotSupportedException</c> (RelationalStrings.MigrationDownMissing,
    /// "The 'Down' method for this migration has not been implemented"); the audit of BTCPay Server found such a
    /// migration reported "empty", which only a declared override without operations is.</summary>
    private static string DownState((bool Declared, SyntaxNode? Body, InheritedMethodSpec? From, bool ReachesMigration) down) =>
        !down.Declared ? (down.ReachesMigration ? MigrationSpec.DownNotImplemented : MigrationSpec.DownNotRead)
        : down.Body is null ? MigrationSpec.DownNotRead
        : OnlyThrows(down.Body) ? MigrationSpec.DownThrows
        : IsImplemented(down.Body) ? MigrationSpec.DownImplemented
        : MigrationSpec.DownEmpty;

    /// <summary><c>=&gt; throw new NotSupportedException()</c> or a block whose one statement is a <c>throw</c>: the
    /// migration cannot be reverted, though the method is declared.</summary>
    private static bool OnlyThrows(SyntaxNode body) => body switch
    {
        BlockSyntax { Statements: { Count: 1 } statements } => statements[0] is ThrowStatementSyntax,
        ArrowExpressionClauseSyntax arrow => arrow.Expression is ThrowExpressionSyntax,
        _ => false,
    };

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

    /// <summary><c>CreateTable: Customers, Orders</c>, <c>AddColumn: Orders (2)</c>, <c>Sql: 1</c>, in a fixed order, for
    /// the operations on the straight path; then those under a condition or in a loop, grouped by it and said with it
    /// (<see cref="GuardText.Parts"/>): <c>Sql: 1 (if `migrationBuilder.IsNpgsql()`)</c>. In a loop a call runs once per
    /// round, so no count is given: <c>Sql (for each `script` in `...`)</c>, nor in a lambda or local function, which
    /// runs when its caller says (<c>Sql (in a lambda)</c>). An <c>Up</c> that calls only other code says
    /// so ("statements not read") rather than leaving the cell blank.</summary>
    private static EquatableArray<string> Summarise(SyntaxNode body)
    {
        var groups = new List<(string? Guard, string? Loop, SortedDictionary<string, List<string>> Tables, SortedDictionary<string, int> Counts)>();
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } access) continue;
            var name = access.Name.Identifier.ValueText;
            var isTable = TableOperations.Contains(name);
            if (!isTable && !OtherOperations.Contains(name)) continue;
            var (guard, loop) = GuardText.Parts(invocation, body);
            // Inside a lambda or local function (GuardText stops there): when and how often it runs is up to its caller.
            if (invocation.Ancestors().TakeWhile(a => a != body).FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax) is { } deferred)
            {
                var where = deferred is LocalFunctionStatementSyntax function ? "in a local function " + CodeSpan.Of(function.Identifier.ValueText) : "in a lambda";
                loop = loop is null ? where : loop + ", " + where;
            }
            var index = groups.FindIndex(g => g.Guard == guard && g.Loop == loop);
            if (index < 0)
            {
                groups.Add((guard, loop, new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal), new SortedDictionary<string, int>(System.StringComparer.Ordinal)));
                index = groups.Count - 1;
            }
            var (_, _, tables, counts) = groups[index];
            if (isTable)
            {
                var table = Argument(invocation, name is "CreateTable" or "DropTable" or "RenameTable" ? "name" : "table");
                if (!tables.TryGetValue(name, out var list)) tables[name] = list = new List<string>();
                list.Add(table ?? "?");
            }
            else
            {
                counts[name] = counts.TryGetValue(name, out var count) ? count + 1 : 1;
            }
        }
        if (groups.Count == 0)
        {
            // Statements that call something, none of it an operation (a helper of the project's): said, not a blank cell.
            var statements = body.DescendantNodesAndSelf().OfType<ExpressionStatementSyntax>().Count(s => s.Expression is InvocationExpressionSyntax or AwaitExpressionSyntax)
                             + (body is ArrowExpressionClauseSyntax { Expression: InvocationExpressionSyntax } ? 1 : 0);
            return statements > 0 ? new[] { "statements not read: " + statements.ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray() : EquatableArray<string>.Empty;
        }
        // The straight path first, then each condition in the order it first appears.
        var lines = new List<string>();
        foreach (var group in groups.OrderBy(g => g.Guard is null && g.Loop is null ? 0 : 1))
        {
            if (group.Guard is null && group.Loop is null)
            {
                lines.AddRange(Format(group.Tables, group.Counts));
                continue;
            }
            var suffix = " (" + GuardText.Join(group.Guard, group.Loop) + ")";
            var entries = group.Loop is null
                ? Format(group.Tables, group.Counts).AsEnumerable()
                : group.Tables.Select(t => t.Key + ": " + string.Join(", ", t.Value.Distinct().OrderBy(v => v, System.StringComparer.Ordinal))).Concat(group.Counts.Keys);
            lines.AddRange(entries.Select(e => e + suffix));
        }
        return lines.ToEquatableArray();
    }

    /// <summary>A named string argument (<c>name: "Orders"</c>, <c>table: "Orders"</c>), or the first positional one.</summary>
    private static string? Argument(InvocationExpressionSyntax invocation, string parameter)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
        var argument = named ?? (parameter == "name" ? arguments.FirstOrDefault(a => a.NameColon is null) : null);
        return argument?.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;
    }

    /// <summary>Cheap syntactic filter for the calls that apply migrations (EF Core, DbUp), EF Core's <c>EnsureDeleted</c>
    /// (listed with them: a start-up that drops the database is what an architect must see next to the one that creates
    /// it, with its condition), and for query-filter bypasses.</summary>
    public static bool IsApplyCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Migrate" or "MigrateAsync" or "EnsureCreated" or "EnsureCreatedAsync" or "EnsureDeleted" or "EnsureDeletedAsync" or "IgnoreQueryFilters" or "PerformUpgrade" or "Repair" or "Erase" } };

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
