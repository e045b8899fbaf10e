using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

public class TransactionTests
{
    [Fact]
    public void Explicit_transaction_boundaries_are_listed_with_their_options()
    {
        var output = GeneratorHarness.Run(Sources.With(("Services/Checkout.cs", """
            using System.Data;
            using System.Threading.Tasks;
            using System.Transactions;
            using Microsoft.Data.SqlClient;
            namespace Shop.Services
            {
                public class ShopContext : DbContext { }
                public class Checkout(ShopContext db, SqlConnection connection)
                {
                    public async Task Pay(bool strict)
                    {
                        var strategy = db.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
                            await transaction.CommitAsync();
                        });
                        if (strict)
                        {
                            using var scope = new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled);
                            scope.Complete();
                        }
                    }
                    public void Legacy() { using var transaction = connection.BeginTransaction(); transaction.Commit(); }
                    public object BeginTransaction() => new object(); // not a transaction API
                    public void Calls() => BeginTransaction();
                }
            }
            """)));

        var rows = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Select(t => t.GetProperty("member").GetString() + " | " + t.GetProperty("kind").GetString() + " | " + t.GetProperty("call").GetString() + " | " + t.GetProperty("condition").GetString())
            .ToArray();
        Assert.Equal(
        [
            "Checkout.Pay | EF Core execution strategy | CreateExecutionStrategy() | ",
            "Checkout.Pay | EF Core transaction | BeginTransactionAsync(IsolationLevel.Serializable) | ",
            "Checkout.Pay | TransactionScope | new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled) | strict",
            "Checkout.Legacy | ADO.NET transaction | BeginTransaction() | ",
        ], rows);
        Assert.Contains("### 2.2 Transactions", output.Markdown);
    }
}
