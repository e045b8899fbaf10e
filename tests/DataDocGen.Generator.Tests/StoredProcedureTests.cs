using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>Stored procedure calls in the raw SQL inventory: a command whose type is <c>CommandType.StoredProcedure</c>
/// sends a procedure's name, not SQL text, and its values as parameters (the bitwarden/server audit: procedure names
/// built from the repository's <c>Schema</c> read as "values built into the SQL text" with DDG1002).</summary>
public class StoredProcedureTests
{
    private const string Code = """
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        namespace Shop.Data
        {
            public class Item { public Guid Id { get; set; } }
            public class ItemContext : DbContext { public DbSet<Item> Items => Set<Item>(); }
            public abstract class RepositoryBase { protected string Schema { get; } = "dbo"; }

            public class ItemRepository(SqlConnection connection) : RepositoryBase
            {
                public Task<IEnumerable<Item>> Interpolated(Guid id) =>
                    connection.QueryAsync<Item>($"[{Schema}].[Item_ReadById]", new { Id = id }, commandType: CommandType.StoredProcedure);
                public Task<IEnumerable<Item>> Constant(Guid id) =>
                    connection.QueryAsync<Item>("[dbo].[Item_ReadById]", new { Id = id }, commandType: CommandType.StoredProcedure);
                public int Positional(Guid id) => connection.Execute("Delete_Item", new { Id = id }, null, null, CommandType.StoredProcedure);
                public Task<int> Definition(Guid id) => connection.ExecuteAsync(new CommandDefinition("dbo.Item_Archive", new { Id = id }, commandType: CommandType.StoredProcedure));
                public int NoParameters() => connection.Execute("dbo.Items_Purge", commandType: CommandType.StoredProcedure);
                public int Concatenated(string tenant) => connection.Execute(tenant + ".Items_Purge", null, commandType: CommandType.StoredProcedure);
                public int FromParameter(string procedure) => connection.Execute(procedure, commandType: CommandType.StoredProcedure);
                public void AdoNet(Guid id)
                {
                    using var command = new SqlCommand("[dbo].[Item_Update]", connection);
                    command.CommandType = CommandType.StoredProcedure;
                    command.Parameters.Add("@Id", SqlDbType.UniqueIdentifier).Value = id;
                    command.ExecuteNonQuery();
                }
                public void Initializer(Guid id)
                {
                    using var command = new SqlCommand("dbo.Item_Touch", connection) { CommandType = CommandType.StoredProcedure };
                    command.Parameters.AddWithValue("@Id", id);
                    command.Parameters.Add(new SqlParameter("@When", DateTime.UtcNow));
                    command.ExecuteNonQuery();
                }
                public void CommandText()
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = "dbo.Items_Reindex";
                    command.CommandType = CommandType.StoredProcedure;
                    command.ExecuteNonQuery();
                }
                public void HandedOn()
                {
                    using var command = new SqlCommand("dbo.Items_Count", connection) { CommandType = CommandType.StoredProcedure };
                    Fill(command);
                    command.ExecuteNonQuery();
                }
                private static void Fill(SqlCommand command) { }
                public async Task InTransaction(Guid id)
                {
                    await connection.OpenAsync();
                    using var transaction = connection.BeginTransaction();
                    await connection.ExecuteAsync("Delete_Item", new { Id = id }, transaction, commandType: CommandType.StoredProcedure);
                    transaction.Commit();
                }
            }
        }
        """;

    private const string UsingStatic = """
        using Dapper;
        using Microsoft.Data.SqlClient;
        using static System.Data.CommandType;
        namespace Shop.Data
        {
            public class ItemList(SqlConnection connection)
            {
                public IEnumerable<Item> All() => connection.Query<Item>("Item_List", commandType: StoredProcedure);
            }
        }
        """;

    private static List<string> Sites(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("rawSql").EnumerateArray()
        .Select(s => s.GetProperty("member").GetString() + " | " + s.GetProperty("api").GetString() + " | " + s.GetProperty("statement").GetString()
                     + " | " + string.Join(",", s.GetProperty("tables").EnumerateArray().Select(t => t.GetString())) + " | " + s.GetProperty("parameterization").GetString()
                     + (s.TryGetProperty("procedure", out var p)
                         ? " | " + p.GetProperty("name").GetString() + " | " + p.GetProperty("nameKind").GetString() + " " + string.Join(",", p.GetProperty("nameFrom").EnumerateArray().Select(n => n.GetString()))
                           + " | " + p.GetProperty("parameters").GetString() + " " + p.GetProperty("argument").GetString() + " " + string.Join(",", p.GetProperty("parameterNames").EnumerateArray().Select(n => n.GetString()))
                           + " " + p.GetProperty("unnamedParameters").GetInt32()
                         : ""))
        .ToList();

    [Fact]
    public void Stored_procedure_calls_name_the_procedure_and_their_parameters_and_no_table()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Items.cs", Code), ("Data/ItemList.cs", UsingStatic)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "ItemList.All | Dapper Query | stored procedure |  | StoredProcedure | Item_List | Constant  | None   0",
            "ItemRepository.Interpolated | Dapper QueryAsync | stored procedure |  | StoredProcedure | [{Schema}].[Item_ReadById] | Built Schema | Passed new { Id = id }  0",
            "ItemRepository.Constant | Dapper QueryAsync | stored procedure |  | StoredProcedure | [dbo].[Item_ReadById] | Constant  | Passed new { Id = id }  0",
            "ItemRepository.Positional | Dapper Execute | stored procedure |  | StoredProcedure | Delete_Item | Constant  | Passed new { Id = id }  0",
            "ItemRepository.Definition | Dapper ExecuteAsync | stored procedure |  | StoredProcedure | dbo.Item_Archive | Constant  | Passed new { Id = id }  0",
            "ItemRepository.NoParameters | Dapper Execute | stored procedure |  | StoredProcedure | dbo.Items_Purge | Constant  | None   0",
            "ItemRepository.Concatenated | Dapper Execute | stored procedure |  | StoredProcedure |  | Built tenant | None   0",
            "ItemRepository.FromParameter | Dapper Execute | stored procedure |  | StoredProcedure |  | NotFollowed procedure | None   0",
            "ItemRepository.AdoNet | ADO.NET new SqlCommand | stored procedure |  | StoredProcedure | [dbo].[Item_Update] | Constant  | Passed  @Id 0",
            "ItemRepository.Initializer | ADO.NET new SqlCommand | stored procedure |  | StoredProcedure | dbo.Item_Touch | Constant  | Passed  @Id,@When 0",
            "ItemRepository.CommandText | ADO.NET CommandText | stored procedure |  | StoredProcedure | dbo.Items_Reindex | Constant  | None   0",
            "ItemRepository.HandedOn | ADO.NET new SqlCommand | stored procedure |  | StoredProcedure | dbo.Items_Count | Constant  | NotRead   0",
            "ItemRepository.InTransaction | Dapper ExecuteAsync | stored procedure |  | StoredProcedure | Delete_Item | Constant  | Passed new { Id = id }  0",
        ], Sites(output));

        var md = output.Markdown!;
        Assert.DoesNotContain("values built into the SQL text", md);
        Assert.DoesNotContain("place(s) build SQL text", md);
        Assert.Contains("| `ItemRepository.Interpolated` | Dapper QueryAsync | stored procedure `[{Schema}].[Item_ReadById]` |  | stored procedure call: procedure name built from `Schema` (not a constant); parameters passed: `new { Id = id }` |", md);
        Assert.Contains("| `ItemRepository.Constant` | Dapper QueryAsync | stored procedure `[dbo].[Item_ReadById]` |  | stored procedure call: parameters passed: `new { Id = id }` |", md);
        Assert.Contains("| `ItemRepository.NoParameters` | Dapper Execute | stored procedure `dbo.Items_Purge` |  | stored procedure call: no parameters |", md);
        Assert.Contains("| `ItemRepository.AdoNet` | ADO.NET new SqlCommand | stored procedure `[dbo].[Item_Update]` |  | stored procedure call: parameters `@Id` |", md);
        Assert.Contains("| `ItemRepository.FromParameter` | Dapper Execute | stored procedure |  | stored procedure call: procedure name from `procedure` (not followed); no parameters |", md);
        Assert.Contains("| `ItemRepository.HandedOn` | ADO.NET new SqlCommand | stored procedure `dbo.Items_Count` |  | stored procedure call: parameters not read (the command comes from or is handed to other code) |", md);

        // No procedure is a CRUD row on a table, and the transaction lists the procedure by name (not a DELETE).
        var json = Json.Parse(output.Json);
        Assert.DoesNotContain(json.GetProperty("crud").EnumerateArray(), r => r.GetProperty("member").GetString()!.StartsWith("ItemRepository.", StringComparison.Ordinal)
                                                                              || r.GetProperty("member").GetString()!.StartsWith("ItemList.", StringComparison.Ordinal));
        var transaction = json.GetProperty("transactions").EnumerateArray().Single(t => t.GetProperty("member").GetString() == "ItemRepository.InTransaction");
        Assert.Equal(["Dapper ExecuteAsync stored procedure `Delete_Item`", "Commit"], transaction.GetProperty("operations").EnumerateArray().Select(o => o.GetString()).ToList());
    }

    private const string TextCode = """
        using System.Data;
        using Dapper;
        using Microsoft.Data.SqlClient;
        namespace Shop.Data
        {
            public class Item { public Guid Id { get; set; } public string Note { get; set; } = ""; }
            public class ItemQueries(SqlConnection connection)
            {
                public IEnumerable<Item> ExplicitText(Guid id) => connection.Query<Item>("SELECT * FROM Items WHERE Id = @Id", new { Id = id }, commandType: CommandType.Text);
                public IEnumerable<Item> NoCommandType() => connection.Query<Item>("SELECT * FROM Items");
                public IEnumerable<Item> NullCommandType() => connection.Query<Item>("SELECT * FROM Items", commandType: null);
                public IEnumerable<Item> TextDefinition(Guid id) => connection.Query<Item>(new CommandDefinition("SELECT * FROM Items WHERE Id = @Id", new { Id = id }));
                public object? AdoText() { using var command = new SqlCommand("SELECT COUNT(*) FROM Items", connection) { CommandType = CommandType.Text }; return command.ExecuteScalar(); }
                public IEnumerable<Item> Variable(CommandType type) => connection.Query<Item>("Item_List", commandType: type);
                public object? Conditional(bool procedure)
                {
                    using var command = new SqlCommand("Item_Count", connection);
                    if (procedure) command.CommandType = CommandType.StoredProcedure;
                    return command.ExecuteScalar();
                }
            }
        }
        """;

    [Fact]
    public void Text_commands_stay_sql_text_and_a_command_type_not_read_withholds_the_text_facts()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Queries.cs", TextCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "ItemQueries.ExplicitText | Dapper Query | SELECT | Items | Constant",
            "ItemQueries.NoCommandType | Dapper Query | SELECT | Items | Constant",
            "ItemQueries.NullCommandType | Dapper Query | SELECT | Items | Constant",
            "ItemQueries.TextDefinition | Dapper Query | SELECT | Items | Constant",
            "ItemQueries.AdoText | ADO.NET new SqlCommand | SELECT | Items | Constant",
            "ItemQueries.Variable | Dapper Query |  |  | CommandTypeNotRead",
            "ItemQueries.Conditional | ADO.NET new SqlCommand |  |  | CommandTypeNotRead",
        ], Sites(output));
        Assert.Contains("| `ItemQueries.ExplicitText` | Dapper Query | SELECT | `Items` | constant SQL text, parameters `@Id` |", output.Markdown);
        Assert.Contains("| `ItemQueries.Variable` | Dapper Query |  |  | command type not a constant read here: SQL text or a stored procedure name, not known |", output.Markdown);
    }

    private const string Traps = """
        using Dapper;
        using Microsoft.Data.SqlClient;
        namespace Shop.Jobs
        {
            public class Item { public int Id { get; set; } }
            // The project's own CommandType: its StoredProcedure is not System.Data's (and its value is Text's).
            public enum CommandType { Text = 4, StoredProcedure = 1 }
            public class JobOptions { public CommandType CommandType { get; set; } }

            public class Runner(SqlConnection connection)
            {
                public object? Options()
                {
                    var options = new JobOptions { CommandType = CommandType.StoredProcedure };
                    options.CommandType = CommandType.StoredProcedure;
                    using var command = new SqlCommand("SELECT COUNT(*) FROM Items", connection);
                    return command.ExecuteScalar();
                }
                public IEnumerable<Item> Cast() => connection.Query<Item>("SELECT * FROM Items", commandType: (System.Data.CommandType)CommandType.StoredProcedure);
                // commandType: CommandType.StoredProcedure
                public int Note() => connection.Execute("UPDATE Items SET Note = @note", new { note = "CommandType.StoredProcedure" });
                public IEnumerable<Item> Property() => connection.Query<Item>("SELECT * FROM Items WHERE Kind = @CommandType", new { CommandType = System.Data.CommandType.StoredProcedure });
                public object? OtherCommand()
                {
                    using var other = new SqlCommand("dbo.Items_Purge", connection);
                    other.CommandType = System.Data.CommandType.StoredProcedure;
                    using var command = new SqlCommand("DELETE FROM Items", connection);
                    other.ExecuteNonQuery();
                    return command.ExecuteNonQuery();
                }
                public int Unsafe(string name) => connection.Execute($"DELETE FROM Items WHERE Name = '{name}'", commandType: System.Data.CommandType.Text); // expect DDG1002
            }
        }
        """;

    [Fact]
    public void A_look_alike_command_type_a_string_and_another_command_are_not_a_stored_procedure()
    {
        var output = GeneratorHarness.Run(Sources.With(("Jobs/Runner.cs", Traps)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(
        [
            "Runner.Options | ADO.NET new SqlCommand | SELECT | Items | Constant",
            "Runner.Cast | Dapper Query | SELECT | Items | Constant",
            "Runner.Note | Dapper Execute | UPDATE | Items | Constant",
            "Runner.Property | Dapper Query | SELECT | Items | Constant",
            "Runner.OtherCommand | ADO.NET new SqlCommand | stored procedure |  | StoredProcedure | dbo.Items_Purge | Constant  | None   0",
            "Runner.OtherCommand | ADO.NET new SqlCommand | DELETE | Items | Constant",
            "Runner.Unsafe | Dapper Execute | DELETE | Items | BuiltIntoRawSql",
        ], Sites(output));
    }

    [Fact]
    public void A_procedure_name_built_by_interpolation_is_no_DDG1002_but_sql_text_with_CommandType_Text_is()
    {
        var sources = Sources.With(("Data/Items.cs", Code), ("Data/ItemList.cs", UsingStatic), ("Jobs/Runner.cs", Traps));
        var diagnostics = AnalyzerHarness.Run(sources);
        Assert.Equal(AnalyzerHarness.Expected(sources), AnalyzerHarness.Found(diagnostics));
    }

    private const string Loop = """
        using System.Data;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        namespace Shop.Data
        {
            public class Item { public Guid Id { get; set; } }
            public class Loops(SqlConnection connection)
            {
                public async Task Run(IEnumerable<Guid> ids)
                {
                    foreach (var id in ids)
                    {
                        await connection.QueryAsync<Item>("Delete_Item", new { Id = id }, commandType: CommandType.StoredProcedure);
                    }
                }
            }
        }
        """;

    [Fact]
    public void A_procedure_queried_in_a_loop_is_named_and_no_delete_is_read_from_its_name()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Loops.cs", Loop)));
        Assert.Contains("| `Loops.Run` | Query inside a loop (N+1 risk) |  | `Dapper QueryAsync stored procedure Delete_Item in the loop at line 17` | [Data/Loops.cs:19](Data/Loops.cs#L19) |", output.Markdown);
    }

    [Fact]
    public void Dapper_given_no_command_type_runs_a_bare_constant_name_as_a_procedure()
    {
        // Dapper 2.1's CommandDefinition.InferCommandType: no white space and none of ; / - + * (nor vacuum, commit,
        // rollback, revert) is a stored procedure. Before, "Item_List" with parameters read "constant SQL text, no parameters".
        var output = GeneratorHarness.Run(Sources.With(("Data/Inferred.cs", """
            using System.Collections.Generic;
            using System.Data;
            using Dapper;
            using Microsoft.Data.SqlClient;
            namespace Shop.Data
            {
                public class Item { public int Id { get; set; } }
                public class ItemQueries(SqlConnection connection)
                {
                    public IEnumerable<Item> Bare(int id) => connection.Query<Item>("dbo.Item_List", new { Id = id });
                    public IEnumerable<Item> NullType() => connection.Query<Item>("Item_All", commandType: null);
                    public IEnumerable<Item> Text() => connection.Query<Item>("Item_All", commandType: CommandType.Text);
                    public int Commit() => connection.Execute("COMMIT");
                    public IEnumerable<Item> Select() => connection.Query<Item>("SELECT * FROM Items");
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `ItemQueries.Bare` | Dapper Query | stored procedure `dbo.Item_List` |  | stored procedure call (no command type given: Dapper runs a bare name as a procedure): parameters passed: `new { Id = id }` |", md);
        Assert.Contains("| `ItemQueries.NullType` | Dapper Query | stored procedure `Item_All` |  | stored procedure call (no command type given: Dapper runs a bare name as a procedure): no parameters |", md);
        Assert.DoesNotContain("| `ItemQueries.Text` | Dapper Query | stored procedure", md);
        Assert.DoesNotContain("| `ItemQueries.Commit` | Dapper Execute | stored procedure", md);
        Assert.Contains("| `ItemQueries.Select` | Dapper Query | SELECT | `Items` |", md);
    }
}
