using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>EF Core migrations in the order they apply, what each does, and where the code applies them.</summary>
public class MigrationTests
{
    private const string Context = """
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
        }
        """;

    private const string Initial = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240105093000_Initial")]
            partial class Initial { }

            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Customers", columns: table => new { Id = table.Column<int>(nullable: false) }, constraints: table => table.PrimaryKey("PK_Customers", x => x.Id));
                    migrationBuilder.CreateTable(name: "Orders", columns: table => new { Id = table.Column<int>(nullable: false) }, constraints: table => table.PrimaryKey("PK_Orders", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
                    migrationBuilder.Sql("INSERT INTO Customers VALUES (1) -- password=letmein");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Orders");
                    migrationBuilder.DropTable(name: "Customers");
                }
            }
        }
        """;

    private const string AddStatus = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20240312170512_AddOrderStatus")]
            public class AddOrderStatus : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Status", table: "Orders", nullable: true);
                    migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    private const string Program = """
        public static class Startup
        {
            public static void Run(Shop.Data.ShopContext db, bool isDevelopment)
            {
                if (isDevelopment) db.Database.Migrate();
                else db.Database.EnsureCreated();
            }
        }
        """;

    [Fact]
    public void Migrations_are_listed_in_order_with_operations_rollback_and_where_they_apply()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", Context), ("Migrations/20240312170512_AddOrderStatus.cs", AddStatus),
            ("Migrations/20240105093000_Initial.cs", Initial), ("Program.cs", Program)));

        Assert.Contains("EF Core migrations of `Shop.Data.ShopContext`, in the order they apply:", output.Markdown);
        var initial = output.Markdown!.IndexOf("| `Initial` | 2024-01-05 09:30:00 | CreateIndex: Orders; CreateTable: Customers, Orders; Sql: 1 | implemented |", StringComparison.Ordinal);
        var addStatus = output.Markdown.IndexOf("| `AddOrderStatus` | 2024-03-12 17:05:12 | AddColumn: Orders (2) | empty |", StringComparison.Ordinal);
        Assert.True(initial > 0 && addStatus > initial, output.Markdown);
        // Which context each call migrates or creates (the list is the report's, after the last context's migrations).
        Assert.Contains("`Migrate()` in `Startup.Run`, when `isDevelopment`: context `ShopContext`", output.Markdown);
        Assert.Contains("`EnsureCreated()` in `Startup.Run`, when `not (isDevelopment)`: context `ShopContext`", output.Markdown);
        Assert.DoesNotContain("letmein", output.All); // raw SQL in migrations is counted, never copied
        var migrations = Json.Parse(output.Json).GetProperty("migrations").EnumerateArray().Select(m => m.GetProperty("id").GetString() ?? "(null)").ToArray();
        Assert.Equal(["20240105093000_Initial", "20240312170512_AddOrderStatus"], migrations);
    }
}
