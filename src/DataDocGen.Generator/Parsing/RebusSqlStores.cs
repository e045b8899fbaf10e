using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>Rebus's SQL stores (<c>StoreInPostgres</c>, <c>StoreInSqlServer</c>, <c>StoreInMySql</c>), shared by the store
/// table (<see cref="StoreParser"/>) and the tables Rebus creates (<see cref="LibrarySchemaParser"/>).</summary>
internal static class RebusSqlStores
{
    /// <summary>A store method of Rebus by name, declared in a <c>Rebus</c> namespace.</summary>
    public static bool Is(string name, INamedTypeSymbol owner) =>
        name is "StoreInPostgres" or "StoreInSqlServer" or "StoreInMySql" && owner.IsInNamespaceOrBelow("Rebus");

    /// <summary>The database product, from the method's name.</summary>
    public static string Database(string method) =>
        method.Substring("StoreIn".Length) switch { "Postgres" => "PostgreSQL", "SqlServer" => "SQL Server", _ => "MySQL" };

    /// <summary>What the store holds, from the configurer the method extends (<c>StandardConfigurer&lt;ISagaStorage&gt;</c>):
    /// <c>saga</c>, <c>subscription</c>, <c>timeout</c>; null for another configurer.</summary>
    public static string? Holds(IMethodSymbol original) =>
        original.Parameters.Length > 0 && original.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } configurer
            ? configurer.TypeArguments[0].Name switch { "ISagaStorage" => "saga", "ISubscriptionStorage" => "subscription", "ITimeoutManager" => "timeout", _ => null }
            : null;
}
