using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>SqlClient's <c>SqlBulkCopy.WriteToServer[Async]</c>: a bulk insert into its destination table, in the raw SQL
/// inventory, CRUD (bulk) and the transactions' Inside lists. The bitwarden audit found its eight bulk copies missing.</summary>
public class BulkCopyTests
{
    [Fact]
    public void A_bulk_copy_is_a_bulk_create_of_its_destination_table_inside_its_transaction()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Ciphers.cs", """
            using System.Data;
            using System.Threading.Tasks;
            using Microsoft.Data.SqlClient;
            namespace Shop.Data
            {
                public class CipherRepository(string connectionString)
                {
                    public async Task CreateMany(DataTable rows, DataTable folders, string table)
                    {
                        using var connection = new SqlConnection(connectionString);
                        connection.Open();
                        using var transaction = connection.BeginTransaction();
                        using (var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity, transaction) { DestinationTableName = "[dbo].[Cipher]" })
                        {
                            await bulk.WriteToServerAsync(rows);
                        }
                        // Two using statements with one name, each with its own destination (bitwarden's CipherRepository).
                        using (var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity, transaction))
                        {
                            copy.DestinationTableName = "[dbo].[Collection]";
                            copy.WriteToServer(rows);
                        }
                        using (var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.KeepIdentity, transaction))
                        {
                            copy.DestinationTableName = "[dbo].[CollectionCipher]";
                            copy.WriteToServer(rows);
                        }
                        var second = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction);
                        second.DestinationTableName = "[dbo].[Folder]";
                        second.WriteToServer(folders);
                        var unknown = new SqlBulkCopy(connection) { DestinationTableName = table };
                        unknown.WriteToServer(rows);
                        transaction.Commit();
                    }
                }
                // Trap: a project's own WriteToServer.
                public class Exporter { public string DestinationTableName { get; set; } = "Cipher"; public void WriteToServer(DataTable t) { } }
                public class Export(Exporter e) { public void Run(DataTable t) { e.DestinationTableName = "[dbo].[Cipher]"; e.WriteToServer(t); } }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var sql = Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
            .Select(s => s.GetProperty("api").GetString() + " | " + s.GetProperty("statement").GetString() + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString()))
                         + " | " + s.GetProperty("parameterization").GetString() + " | " + s.GetProperty("member").GetString()).ToArray();
        Assert.Equal(
        [
            "SqlBulkCopy WriteToServerAsync | bulk copy | [dbo].[Cipher] | BulkCopy | CipherRepository.CreateMany",
            "SqlBulkCopy WriteToServer | bulk copy | [dbo].[Collection] | BulkCopy | CipherRepository.CreateMany",
            "SqlBulkCopy WriteToServer | bulk copy | [dbo].[CollectionCipher] | BulkCopy | CipherRepository.CreateMany",
            "SqlBulkCopy WriteToServer | bulk copy | [dbo].[Folder] | BulkCopy | CipherRepository.CreateMany",
            "SqlBulkCopy WriteToServer | bulk copy |  | BulkCopy | CipherRepository.CreateMany",
        ], sql);
        var crud = Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
            .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("operation").GetString() + " | " + c.GetProperty("bulk").GetBoolean()).ToArray();
        Assert.Equal(["dbo.Cipher | Create | True", "dbo.Collection | Create | True", "dbo.CollectionCipher | Create | True", "dbo.Folder | Create | True"], crud);
        var inside = Json.Parse(output.Json).GetProperty("transactions")[0].GetProperty("operations").EnumerateArray().Select(o => o.GetString()!).ToArray();
        Assert.Equal(["SqlBulkCopy WriteToServerAsync bulk copy [dbo].[Cipher]", "SqlBulkCopy WriteToServer bulk copy [dbo].[Collection]",
            "SqlBulkCopy WriteToServer bulk copy [dbo].[CollectionCipher]", "SqlBulkCopy WriteToServer bulk copy [dbo].[Folder]", "SqlBulkCopy WriteToServer bulk copy", "Commit"], inside);
        Assert.Contains("rows streamed by bulk copy (no SQL text)", output.Markdown);
        Assert.DoesNotContain("Export.Run", output.Markdown);
    }
}
