using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;
using DataDocGen.Tasks;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// DataDocGenTbls=true: a tbls schema JSON per context. Checked against the rules of tbls' documented JSON schema
/// (github.com/k1LoW/tbls, spec/tbls.schema.json_schema.json): for each object kind, the properties it may have
/// (additionalProperties is false everywhere) and those it must have, and the cardinality values.
/// </summary>
public class TblsTests
{
    private static readonly Dictionary<string, (string[] Allowed, string[] Required)> Rules = new()
    {
        ["Schema"] = (["name", "desc", "tables", "relations", "functions", "enums", "driver", "labels", "viewpoints"], ["tables"]),
        ["Table"] = (["name", "type", "comment", "columns", "indexes", "constraints", "triggers", "def", "labels", "referenced_tables"], ["name", "type", "columns"]),
        ["Column"] = (["name", "type", "nullable", "default", "extra_def", "labels", "comment"], ["name", "type", "nullable"]),
        ["Index"] = (["name", "def", "table", "columns", "comment"], ["name", "def", "table", "columns"]),
        ["Constraint"] = (["name", "type", "def", "table", "referenced_table", "columns", "referenced_columns", "comment"], ["name", "type", "def", "table", "columns"]),
        ["Relation"] = (["table", "columns", "cardinality", "parent_table", "parent_columns", "parent_cardinality", "def", "virtual"], ["table", "columns", "parent_table", "parent_columns", "def"]),
        ["Driver"] = (["name", "database_version", "meta"], ["name"]),
    };

    private static readonly string[] Cardinalities = ["zero_or_one", "exactly_one", "zero_or_more", "one_or_more", ""];

    private const string Code = """
        namespace Shop.Data
        {
            public class Customer { public int Id { get; set; } public string Email { get; set; } = ""; public List<Order> Orders { get; } = new(); }
            public class Order { public int Id { get; set; } public int CustomerId { get; set; } public Customer Customer { get; set; } = null!; public int? CouponId { get; set; } public Coupon? Coupon { get; set; } }
            public class Coupon { public int Id { get; set; } }
            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Coupon> Coupons => Set<Coupon>();
                protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlServer("Server=.");
                protected override void OnModelCreating(ModelBuilder b) => b.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
            }
        }
        """;

    [Fact]
    public void Each_context_gets_a_tbls_schema_that_follows_tbls_documented_json_schema()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)), properties: new Dictionary<string, string> { ["DataDocGenTbls"] = "true" });
        Assert.Equal(PayloadReader.Status.Ok, PayloadReader.Read(output.Payload!, out var files));
        var text = Assert.Contains("tbls/ShopContext.schema.json", files);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Check(root, "Schema");
        foreach (var table in root.GetProperty("tables").EnumerateArray())
        {
            Check(table, "Table");
            foreach (var column in table.GetProperty("columns").EnumerateArray()) Check(column, "Column");
            foreach (var index in table.GetProperty("indexes").EnumerateArray()) Check(index, "Index");
            foreach (var constraint in table.GetProperty("constraints").EnumerateArray()) Check(constraint, "Constraint");
        }
        foreach (var relation in root.GetProperty("relations").EnumerateArray())
        {
            Check(relation, "Relation");
            Assert.Contains(relation.GetProperty("cardinality").GetString(), Cardinalities);
            Assert.Contains(relation.GetProperty("parent_cardinality").GetString(), Cardinalities);
        }
        Check(root.GetProperty("driver"), "Driver");

        // The facts: SQL Server types and table kind, the relations and their cardinalities, the unique index.
        Assert.Equal("sqlserver", root.GetProperty("driver").GetProperty("name").GetString());
        var orders = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Orders");
        Assert.Equal("BASIC TABLE", orders.GetProperty("type").GetString());
        Assert.Equal("int", orders.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "CustomerId").GetProperty("type").GetString());
        var relations = root.GetProperty("relations").EnumerateArray()
            .Select(r => r.GetProperty("table").GetString() + "(" + string.Join(",", r.GetProperty("columns").EnumerateArray().Select(c => c.GetString())) + ") "
                         + r.GetProperty("cardinality").GetString() + " -> " + r.GetProperty("parent_table").GetString() + " " + r.GetProperty("parent_cardinality").GetString())
            .OrderBy(r => r, StringComparer.Ordinal).ToArray();
        Assert.Equal(["Orders(CouponId) zero_or_more -> Coupons zero_or_one", "Orders(CustomerId) zero_or_more -> Customers exactly_one"], relations);
        var customers = root.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Customers");
        Assert.Contains(customers.GetProperty("indexes").EnumerateArray(), i => i.GetProperty("def").GetString() == "CREATE UNIQUE INDEX IX_Customers_Email ON Customers (Email)");
    }

    [Fact]
    public void Without_the_property_no_tbls_file_is_produced()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        Assert.Equal(PayloadReader.Status.Ok, PayloadReader.Read(output.Payload!, out var files));
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("tbls/", StringComparison.Ordinal));
    }

    private static void Check(JsonElement element, string kind)
    {
        var (allowed, required) = Rules[kind];
        var names = element.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(names, n => Assert.True(allowed.Contains(n), kind + " may not have '" + n + "'"));
        Assert.All(required, r => Assert.True(names.Contains(r), kind + " must have '" + r + "'"));
    }
}
