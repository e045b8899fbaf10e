using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the DbUp configuration behind an <c>UpgradeEngine.PerformUpgrade()</c> call: the
/// <c>DeployChanges.To.SqlDatabase(...).WithScripts...().WithTransaction().Build()</c> chain, inline or in the local the
/// engine was assigned from. Only what the chain says is reported; DbUp's defaults are not restated, and the connection
/// string argument is never read.
/// </summary>
internal static class DbUpParser
{
    private static readonly Dictionary<string, string> Targets = new(System.StringComparer.Ordinal)
    {
        ["SqlDatabase"] = "SQL Server",
        ["AzureSqlDatabaseWithIntegratedSecurity"] = "Azure SQL",
        ["PostgresqlDatabase"] = "PostgreSQL",
        ["SQLiteDatabase"] = "SQLite",
        ["MySqlDatabase"] = "MySQL",
        ["OracleDatabase"] = "Oracle",
    };

    public static EquatableArray<string> Describe(InvocationExpressionSyntax performUpgrade, SemanticModel model, CancellationToken cancellationToken) =>
        Read(performUpgrade, model, cancellationToken).Details;

    /// <summary>The chain's details, and the folder of <c>WithScriptsFromFileSystem("folder")</c> when it is a constant
    /// relative path with no options (options can filter files or include subfolders, which changes the scripts).</summary>
    public static (EquatableArray<string> Details, string? ScriptFolder, EquatableArray<DbUpEmbeddedSpec> Embedded) Read(InvocationExpressionSyntax performUpgrade, SemanticModel model, CancellationToken cancellationToken)
    {
        if (performUpgrade.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }) return (EquatableArray<string>.Empty, null, EquatableArray<DbUpEmbeddedSpec>.Empty);
        var chain = receiver as InvocationExpressionSyntax;
        if (receiver is IdentifierNameSyntax identifier
            && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax initializer })
        {
            chain = initializer;
        }
        if (chain is null) return (EquatableArray<string>.Empty, null, EquatableArray<DbUpEmbeddedSpec>.Empty);

        // Walk the chain inwards to DeployChanges.To, collecting the calls in source order.
        var steps = new List<InvocationExpressionSyntax>();
        ExpressionSyntax current = chain;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            steps.Insert(0, invocation);
            current = access.Expression;
        }
        // DeployChanges.To, also written DbUp.DeployChanges.To (confirmed by symbol below).
        if (current is not MemberAccessExpressionSyntax { Expression: ExpressionSyntax root, Name.Identifier.ValueText: "To" }
            || root is not (IdentifierNameSyntax { Identifier.ValueText: "DeployChanges" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DeployChanges" })
            || Semantics.SymbolOrMethod(root, model, cancellationToken) is not INamedTypeSymbol deploy || !deploy.Is("DbUp", "DeployChanges"))
        {
            return (EquatableArray<string>.Empty, null, EquatableArray<DbUpEmbeddedSpec>.Empty);
        }

        var details = new List<string>();
        string? scriptFolder = null;
        var embedded = new List<DbUpEmbeddedSpec>();
        // A comparer or sorter set anywhere in the chain replaces DbUp's order by name.
        var customOrder = steps.Any(s => ((MemberAccessExpressionSyntax)s.Expression).Name.Identifier.ValueText is "WithScriptNameComparer" or "WithScriptSorter");
        foreach (var step in steps)
        {
            var name = ((MemberAccessExpressionSyntax)step.Expression).Name.Identifier.ValueText;
            var detail = name switch
            {
                _ when Targets.TryGetValue(name, out var target) => "DbUp to " + target,
                "WithScriptsEmbeddedInAssembly" => DbUpEmbeddedParser.Read(step, customOrder, model, cancellationToken) is { } source
                    ? Added(embedded, source, "scripts embedded in the assembly")
                    : null,
                "WithScriptsEmbeddedInAssemblies" => "scripts embedded in assemblies",
                "WithScriptsAndCodeEmbeddedInAssembly" => "scripts and code scripts embedded in the assembly",
                "WithScriptsFromFileSystem" => model.FirstArgumentString(step, cancellationToken) is { } folder ? "scripts from the folder " + CodeSpan.Of(folder) : "scripts from a folder chosen at run time",
                "WithScript" or "WithScripts" => "scripts given in code",
                "WithTransaction" => "one transaction for all scripts",
                "WithTransactionPerScript" => "a transaction per script",
                "WithoutTransaction" => "no transaction",
                "JournalToSqlTable" or "JournalToPostgresqlTable" or "JournalToSQLiteTable" or "JournalToMySqlTable" => Journal(step, model, cancellationToken),
                "JournalTo" => "a custom journal",
                _ => null,
            };
            if (detail is not null) details.Add(detail);
            if (name == "WithScriptsFromFileSystem" && step.ArgumentList.Arguments.Count == 1
                && model.FirstArgumentString(step, cancellationToken) is { } constantFolder && IsRelativeFolder(constantFolder))
            {
                scriptFolder = constantFolder.Replace('\\', '/').Trim('/');
            }
        }
        return (details.ToEquatableArray(), scriptFolder, embedded.ToEquatableArray());
    }

    private static string Added(List<DbUpEmbeddedSpec> embedded, DbUpEmbeddedSpec source, string detail)
    {
        embedded.Add(source);
        return detail;
    }

    private static bool IsRelativeFolder(string folder) =>
        folder.Length > 0 && !System.IO.Path.IsPathRooted(folder) && folder.IndexOf(':') < 0 && !folder.Split('/', '\\').Contains("..");

    private static string Journal(InvocationExpressionSyntax step, SemanticModel model, CancellationToken cancellationToken)
    {
        var parts = step.ArgumentList.Arguments.Select(a => model.ConstantString(a.Expression, cancellationToken)).ToList();
        return parts.Count > 0 && parts.All(p => p is not null) ? "journal table " + CodeSpan.Of(string.Join(".", parts)) : "a journal table named at run time";
    }
}
