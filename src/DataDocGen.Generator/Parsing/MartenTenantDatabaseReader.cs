using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Marten's database-per-tenant options on <c>StoreOptions</c>: <c>MultiTenantedDatabases(x =&gt; x.AddSingleTenantDatabase(cs, "t1")
/// ; x.AddMultipleTenantDatabase(cs, "db").ForTenants("t2", "t3"))</c> (one fact per database), <c>MultiTenantedWithSingleServer(cs,
/// t =&gt; t.WithTenants(...))</c> and <c>MultiTenantedDatabasesWithMasterDatabaseTable(cs, schema)</c>. Connection strings go
/// through <see cref="ConnectionSourceParser"/> (literals are redacted when the report is built); tenant ids only as constants or safe code.
/// </summary>
internal static class MartenTenantDatabaseReader
{
    public static EquatableArray<MartenTenancySpec> Read(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, string member,
        SourceLocation? location, CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var lambda = arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().FirstOrDefault();
        var calls = lambda is null ? new List<(InvocationExpressionSyntax Call, IMethodSymbol Method)>() : StorageCalls(lambda, model, cancellationToken);
        var specs = new List<MartenTenancySpec>();
        if (method.Name == "MultiTenantedDatabases")
        {
            foreach (var (call, added) in calls.Where(c => c.Method.Name is "AddSingleTenantDatabase" or "AddMultipleTenantDatabase"))
            {
                var callArguments = call.ArgumentList.Arguments;
                var tenants = added.Name == "AddSingleTenantDatabase"
                    ? callArguments.Skip(1).Take(1).Select(a => a.Expression)
                    : SyntaxFacts.CallsChainedAfter(call).Where(c => SyntaxFacts.CalledName(c) == "ForTenants").SelectMany(c => c.ArgumentList.Arguments).Select(a => a.Expression);
                specs.Add(Database("MultiTenantedDatabases: " + added.Name + "(…)", callArguments.FirstOrDefault()?.Expression, tenants, model, member,
                    SourceLocation.From(((MemberAccessExpressionSyntax)call.Expression).Name), cancellationToken));
            }
            if (specs.Count == 0) specs.Add(Database("MultiTenantedDatabases(…)", null, Enumerable.Empty<ExpressionSyntax>(), model, member, location, cancellationToken));
            return specs.ToEquatableArray();
        }
        // The single server's (or the master table's) connection string: the first argument when it is a string.
        var connection = arguments.FirstOrDefault() is { } first && Semantics.TypeOf(first.Expression, model, cancellationToken)?.SpecialType == SpecialType.System_String
            ? first.Expression : null;
        var listed = calls.Where(c => c.Method.Name == "WithTenants").SelectMany(c => c.Call.ArgumentList.Arguments).Select(a => a.Expression);
        specs.Add(Database(method.Name + "(…)", connection, listed, model, member, location, cancellationToken));
        return specs.ToEquatableArray();
    }

    /// <summary>Calls in the options lambda confirmed on Marten's tenancy builders (<c>Marten.Storage</c>).</summary>
    private static List<(InvocationExpressionSyntax Call, IMethodSymbol Method)> StorageCalls(LambdaExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        var calls = new List<(InvocationExpressionSyntax, IMethodSymbol)>();
        foreach (var call in lambda.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxFacts.CalledName(call) is not ("AddSingleTenantDatabase" or "AddMultipleTenantDatabase" or "WithTenants")) continue;
            if (Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol method && method.ContainingType.IsInNamespace("Marten.Storage")) calls.Add((call, method));
        }
        return calls;
    }

    private static MartenTenancySpec Database(string how, ExpressionSyntax? connection, IEnumerable<ExpressionSyntax> tenants, SemanticModel model, string member,
        SourceLocation? location, CancellationToken cancellationToken) =>
        MartenTenancyParser.Spec(MartenTenancyKind.DatabasePerTenant, null, how, member, location) with
        {
            Tenants = tenants.Select(t => MartenTenancyParser.TenantText(t, model, cancellationToken).Text ?? "…").ToEquatableArray(),
            Connection = connection is null ? EquatableArray<ConnectionSourceSpec>.Empty : ConnectionSourceParser.Parse(connection, model, cancellationToken).ToEquatableArray(),
        };
}
