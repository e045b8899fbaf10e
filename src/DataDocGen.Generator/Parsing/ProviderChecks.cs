using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Conditions on the context's own database provider in model configuration: <c>Database.IsSqlServer()</c>,
/// <c>IsNpgsql()</c>, <c>IsSqlite()</c>, <c>IsCosmos()</c>, <c>IsInMemory()</c>, <c>IsRelational()</c> (each confirmed as
/// EF Core's or its provider's extension on <c>DatabaseFacade</c>), and <c>Database.ProviderName == "..."</c> (or
/// <c>!=</c>) with a provider's assembly name, on the context's own <c>Database</c>. A check is the provider key
/// (<c>SqlServer</c>, as <see cref="KnownProviders"/> names it) or <c>relational</c>, prefixed with <c>!</c> when negated.
/// The report evaluates them against the context's one provider (<c>Report/ProviderConditions</c>), as EF's design-time
/// model would: configuration for another provider then neither runs nor withholds the schema.
/// </summary>
internal static class ProviderChecks
{
    public const string Relational = "relational";

    /// <summary>The facade extensions and the provider each tests, by declaring class.</summary>
    private static readonly Dictionary<string, (string Method, string Check)> Extensions = new()
    {
        ["SqlServerDatabaseFacadeExtensions"] = ("IsSqlServer", "SqlServer"),
        ["NpgsqlDatabaseFacadeExtensions"] = ("IsNpgsql", "Npgsql"),
        ["SqliteDatabaseFacadeExtensions"] = ("IsSqlite", "Sqlite"),
        ["CosmosDatabaseFacadeExtensions"] = ("IsCosmos", "Cosmos"),
        ["InMemoryDatabaseFacadeExtensions"] = ("IsInMemory", "InMemory"),
        ["RelationalDatabaseFacadeExtensions"] = ("IsRelational", Relational),
    };

    /// <summary><c>DatabaseFacade.ProviderName</c>: the provider's assembly name. MySQL is left out (two providers, Pomelo's
    /// and Oracle's, answer to <c>UseMySql</c>).</summary>
    private static readonly Dictionary<string, string> ProviderNames = new()
    {
        ["Microsoft.EntityFrameworkCore.SqlServer"] = "SqlServer",
        ["Npgsql.EntityFrameworkCore.PostgreSQL"] = "Npgsql",
        ["Microsoft.EntityFrameworkCore.Sqlite"] = "Sqlite",
        ["Microsoft.EntityFrameworkCore.Cosmos"] = "Cosmos",
        ["Microsoft.EntityFrameworkCore.InMemory"] = "InMemory",
        ["Oracle.EntityFrameworkCore"] = "Oracle",
    };

    /// <summary>The check <paramref name="condition"/> makes, or null when it is no (single) provider check.</summary>
    /// <param name="facades">Parameters of the helper being read that receive the context's own <c>Database</c> at the call
    /// (<see cref="FacadeParameters"/>): checks on them are checks of the context's provider.</param>
    public static string? Of(ExpressionSyntax condition, SemanticModel model, CancellationToken cancellationToken, IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized) condition = parenthesized.Expression;
        switch (condition)
        {
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Negate(Of(not.Operand, model, cancellationToken, facades));
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 0 } invocation
                when IsOwnDatabase(access.Expression, model, cancellationToken, facades)
                     && Semantics.Method(invocation, model, cancellationToken) is { } method
                     && (method.ReducedFrom ?? method).ContainingType is { } declaring
                     && declaring.IsInNamespace("Microsoft.EntityFrameworkCore")
                     && Extensions.TryGetValue(declaring.Name, out var extension) && extension.Method == method.Name:
                return extension.Check;
            case BinaryExpressionSyntax binary when binary.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
                var (name, other) = IsProviderName(binary.Left, model, cancellationToken, facades) ? (binary.Left, binary.Right)
                    : IsProviderName(binary.Right, model, cancellationToken, facades) ? (binary.Right, binary.Left) : (null, null);
                if (name is null || other is null) return null;
                if (Semantics.ConstantOf(other, model, cancellationToken) is not { HasValue: true, Value: string text } || !ProviderNames.TryGetValue(text, out var provider)) return null;
                return binary.Kind() == SyntaxKind.EqualsExpression ? provider : "!" + provider;
            default:
                return null;
        }
    }

    public static string? Negate(string? check) => check is null ? null : check.StartsWith("!", System.StringComparison.Ordinal) ? check.Substring(1) : "!" + check;

    /// <summary>Whether <paramref name="check"/> holds for <paramref name="provider"/> (a <see cref="KnownProviders"/> key);
    /// null when that cannot be told (no provider, or one whose relational nature is not known).</summary>
    public static bool? Holds(string check, string? provider)
    {
        if (provider is null) return null;
        var negated = check.StartsWith("!", System.StringComparison.Ordinal);
        var subject = negated ? check.Substring(1) : check;
        bool? holds = subject == Relational
            ? provider switch { "SqlServer" or "Npgsql" or "Sqlite" or "MySql" or "Oracle" => true, "Cosmos" or "InMemory" => false, _ => null }
            : provider == subject;
        return holds is null ? null : holds.Value != negated;
    }

    /// <summary><c>Database</c> or <c>this.Database</c>: the context's own <c>DbContext.Database</c>; or a parameter of the
    /// helper being read that receives it at the call (<paramref name="facades"/>).</summary>
    public static bool IsOwnDatabase(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        if (expression is IdentifierNameSyntax { Identifier.ValueText: "Database" } or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: "Database" }
            && Semantics.SymbolOf(expression, model, cancellationToken) is IPropertySymbol { Name: "Database" } property
            && property.ContainingType.Is("Microsoft.EntityFrameworkCore", "DbContext"))
        {
            return true;
        }
        return facades is { Count: > 0 } && expression is IdentifierNameSyntax identifier
            && Semantics.SymbolOf(identifier, model, cancellationToken) is IParameterSymbol parameter
            && IsFacade(parameter.Type)
            && facades.Any(f => SymbolEqualityComparer.Default.Equals(f.OriginalDefinition, parameter.OriginalDefinition));
    }

    /// <summary>The parameters of <paramref name="helper"/> (the declaration <c>ModelHelperCalls</c> reads) that receive the
    /// context's own <c>Database</c> at <paramref name="call"/> (<c>StoreRole.OnModelCreating(builder, Database)</c>), or a
    /// parameter of the caller that does (<paramref name="facades"/>). BTCPay's entities test
    /// <c>if (!databaseFacade.IsNpgsql())</c> on such a parameter; the check was not read and the configuration under it
    /// was applied as if it always ran. A parameter the helper's body assigns (or passes by <c>ref</c>/<c>out</c>) is not one.</summary>
    public static IReadOnlyCollection<IParameterSymbol> FacadeParameters(InvocationExpressionSyntax call, IMethodSymbol called, IMethodSymbol helper, SyntaxNode? helperBody,
        SemanticModel model, IReadOnlyCollection<IParameterSymbol>? facades, CancellationToken cancellationToken)
    {
        if (helperBody is null) return System.Array.Empty<IParameterSymbol>();
        var result = new List<IParameterSymbol>();
        var shift = called.ReducedFrom is not null ? 1 : 0; // a reduced extension's parameters leave out `this`
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, call.ArgumentList, called) is not { IsParams: false } parameter) continue;
            var index = parameter.Ordinal + shift;
            if (index >= helper.Parameters.Length || !IsFacade(helper.Parameters[index].Type) || SyntaxFacts.MayReassign(helperBody, helper.Parameters[index].Name)) continue;
            if (IsOwnDatabase(argument.Expression, model, cancellationToken, facades)) result.Add(helper.Parameters[index]);
        }
        return result;
    }

    private static bool IsFacade(ITypeSymbol type) => type.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade");

    /// <summary><c>Database.ProviderName</c> on the context's own facade.</summary>
    private static bool IsProviderName(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, IReadOnlyCollection<IParameterSymbol>? facades) =>
        expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ProviderName" } access
        && IsOwnDatabase(access.Expression, model, cancellationToken, facades)
        && Semantics.SymbolOf(access, model, cancellationToken) is IPropertySymbol { ContainingType: var owner } && owner.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DatabaseFacade");
}
