using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A saga registration's repository (<c>AddSagaStateMachine&lt;M, S&gt;().MongoDbRepository(r => ...)</c>): the store,
/// and the settings its configuration lambda and arguments give, as far as they are constants: the connection (redacted,
/// or the configuration key it is read from), the database and collection (or Cosmos container) names, Redis's key
/// prefix, the concurrency mode and isolation level, Entity Framework's <c>ExistingDbContext&lt;T&gt;()</c> or
/// <c>AddDbContext&lt;TBase, T&gt;()</c> and its lock statements (<c>UsePostgres()</c>, <c>LockStatementProvider</c>).
/// Only settings assigned once are stated; a Cosmos <c>Key</c> is never printed. Confirmed by the MassTransit namespace of
/// the repository method; a look-alike is named as written, as before, with nothing read from it.
/// </summary>
internal static class SagaRepositoryReader
{
    private static readonly Dictionary<string, string> Stores = new(System.StringComparer.Ordinal)
    {
        ["MongoDbRepository"] = "MongoDB", ["RedisRepository"] = "Redis", ["MartenRepository"] = "Marten (PostgreSQL)",
        ["DapperRepository"] = "Dapper", ["CosmosRepository"] = "Azure Cosmos DB", ["EntityFrameworkRepository"] = "Entity Framework Core",
    };

    /// <summary><c>MongoDbRepository (MongoDB; database `orders`; connection mongodb://127.0.0.1)</c>; the name alone for
    /// the in-memory repository, a repository this reader does not know, or one that does not resolve to MassTransit.</summary>
    public static string Describe(InvocationExpressionSyntax repository, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!Stores.TryGetValue(name, out var store)
            || OptionsBuilderParser.ResolveMethod(repository, model, cancellationToken) is not { } method
            || !(method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit")) return name;
        var settings = new List<string> { store };
        foreach (var argument in repository.ArgumentList.Arguments)
        {
            var parameter = OptionsBuilderParser.ParameterFor(argument, repository.ArgumentList, method);
            if (parameter?.Type.SpecialType == SpecialType.System_String && Connection(argument.Expression, model, cancellationToken) is { } connection) settings.Add("connection " + connection);
            if (argument.Expression is LambdaExpressionSyntax configure) settings.AddRange(Configured(configure, model, cancellationToken));
        }
        return name + " (" + string.Join("; ", settings) + ")";
    }

    /// <summary>The settings a configuration lambda gives, in source order.</summary>
    private static IEnumerable<string> Configured(LambdaExpressionSyntax configure, SemanticModel model, CancellationToken cancellationToken)
    {
        var nodes = configure.Body.DescendantNodesAndSelf().ToList();
        // Settings of MassTransit's configurator only (not of another object the lambda happens to set up).
        var assignments = nodes.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax left
                        && Semantics.SymbolOf(left, model, cancellationToken) is IPropertySymbol { ContainingType: var owner } && owner.IsInNamespaceOrBelow("MassTransit"))
            .GroupBy(a => ((MemberAccessExpressionSyntax)a.Left).Name.Identifier.ValueText)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single(), System.StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var setting } } assignment
                && assignments.TryGetValue(setting, out var single) && single == assignment
                && Setting(setting, assignment.Right, model, cancellationToken) is { } text)
            {
                yield return text;
            }
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var called } } call
                && Semantics.Method(call, model, cancellationToken) is { } method && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("MassTransit"))
            {
                switch (called.Identifier.ValueText)
                {
                    case "ExistingDbContext" when method.TypeArguments.Length == 1:
                        yield return "existing DbContext " + CodeSpan.Of(method.TypeArguments[0].CSharpName(qualified: false));
                        break;
                    case "AddDbContext" when method.TypeArguments.Length == 2:
                        yield return "DbContext " + CodeSpan.Of(method.TypeArguments[1].CSharpName(qualified: false)) + " added by the repository";
                        break;
                    case "UsePostgres" or "UseSqlServer" or "UseMySql" or "UseSqlite" or "ConfigureEmulator":
                        yield return CodeSpan.Of(called.Identifier.ValueText + "()");
                        break;
                    case "DatabaseConfiguration" when call.ArgumentList.Arguments.Count == 1 && Connection(call.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { } connection:
                        yield return "connection " + connection;
                        break;
                }
            }
        }
    }

    private static string? Setting(string setting, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (setting)
        {
            case "Connection" or "ConnectionString" or "EndpointUri":
                return Connection(value, model, cancellationToken) is { } connection ? (setting == "EndpointUri" ? "endpoint " : "connection ") + connection : null;
            case "DatabaseName" or "DatabaseId":
                return model.ConstantString(value, cancellationToken) is { } database ? "database " + CodeSpan.Of(database) : null;
            case "CollectionName" or "CollectionId" or "ContainerName" or "ContainerId":
                return model.ConstantString(value, cancellationToken) is { } collection ? (setting.StartsWith("Container", System.StringComparison.Ordinal) ? "container " : "collection ") + CodeSpan.Of(collection) : null;
            case "KeyPrefix" or "TableName":
                return model.ConstantString(value, cancellationToken) is { } text ? (setting == "KeyPrefix" ? "key prefix " : "table ") + CodeSpan.Of(text) : null;
            case "ConcurrencyMode" or "IsolationLevel":
                return Semantics.SymbolOf(value, model, cancellationToken) is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } member
                    ? (setting == "ConcurrencyMode" ? "concurrency " : "isolation level ") + member.Name : null;
            case "LockStatementProvider":
                return CodeText.Safe(value) is { } provider ? "lock statements " + CodeSpan.Of(provider) : null;
            default:
                return null;
        }
    }

    /// <summary>A constant connection string or address, redacted; or where it is read from configuration.</summary>
    private static string? Connection(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.ConstantString(value, cancellationToken) is { } constant) return ConnectionStringRedactor.Redact(constant);
        return ConnectionSourceParser.Parse(value, model, cancellationToken).FirstOrDefault() is { ConfigurationKey: { } key } ? "from configuration " + CodeSpan.Of(key) : null;
    }
}
