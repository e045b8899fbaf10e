using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// Table names by EF Core's rules, judged by EF Core: each model is compiled, loaded, and its design-time relational
/// model is compared with DATA_LAYER.json's tables and views.
/// </summary>
public class TableMappingFidelityTests
{
    public static TheoryData<string, string> Models => new()
    {
        {
            "conventions: the DbSet property's name",
            """
            namespace M { public class Customer { public int Id { get; set; } } public class OrderRecord { public int Id { get; set; } } }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Customer> People => Set<M.Customer>();
                    public DbSet<M.OrderRecord> Orders { get; set; } = null!;
                }
            }
            """
        },
        {
            "[Table] with and without schema, HasDefaultSchema",
            """
            namespace M {
                [System.ComponentModel.DataAnnotations.Schema.Table("tbl_customer", Schema = "crm")] public class Customer { public int Id { get; set; } }
                [System.ComponentModel.DataAnnotations.Schema.Table("orders")] public class Order { public int Id { get; set; } }
                public class Invoice { public int Id { get; set; } }
            }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Customer> Customers => Set<M.Customer>();
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    public DbSet<M.Invoice> Invoices => Set<M.Invoice>();
                    protected override void OnModelCreating(ModelBuilder b) => b.HasDefaultSchema("sales");
                }
            }
            """
        },
        {
            "fluent ToTable over [Table], in OnModelCreating, lambdas and configuration classes",
            """
            namespace M {
                [System.ComponentModel.DataAnnotations.Schema.Table("ignored")] public class Customer { public int Id { get; set; } }
                public class Order { public int Id { get; set; } }
                public class Invoice { public int Id { get; set; } }
                public class Payment { public int Id { get; set; } }
                public class Refund { public int Id { get; set; } }
            }
            namespace M.Data {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Customer> Customers => Set<M.Customer>();
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    public DbSet<M.Invoice> Invoices => Set<M.Invoice>();
                    public DbSet<M.Payment> Payments => Set<M.Payment>();
                    public DbSet<M.Refund> Refunds => Set<M.Refund>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) {
                        modelBuilder.Entity<M.Customer>().ToTable("Clients", "crm");
                        modelBuilder.Entity<M.Order>(b => { b.ToTable(name: "PurchaseOrders", schema: "sales"); });
                        modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
                        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelContext).Assembly);
                    }
                }
                internal class InvoiceConfiguration : IEntityTypeConfiguration<M.Invoice> {
                    public void Configure(EntityTypeBuilder<M.Invoice> builder) => builder.ToTable("Bills");
                }
                public class PaymentConfiguration : IEntityTypeConfiguration<M.Payment> {
                    public void Configure(EntityTypeBuilder<M.Payment> builder) { builder.ToTable("PaymentLedger", t => t.HasComment("c")); }
                }
                // Skipped by ApplyConfigurationsFromAssembly: no public parameterless constructor.
                public class RefundConfiguration : IEntityTypeConfiguration<M.Refund> {
                    public RefundConfiguration(string table) { }
                    public void Configure(EntityTypeBuilder<M.Refund> builder) => builder.ToTable("NeverApplied");
                }
            }
            """
        },
        {
            // The modular monolith audit: this.GetType().Assembly was reported as "another assembly", withholding every table.
            "configuration classes from the context's own assembly: this.GetType().Assembly, Assembly.GetAssembly, GetTypeInfo",
            """
            namespace M { public class Order { public int Id { get; set; } } public class Line { public int Id { get; set; } } }
            namespace M.Data {
                using System.Reflection;
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    public DbSet<M.Line> Lines => Set<M.Line>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) {
                        modelBuilder.ApplyConfigurationsFromAssembly(this.GetType().Assembly);
                        modelBuilder.ApplyConfigurationsFromAssembly(Assembly.GetAssembly(typeof(ModelContext))!);
                        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ModelContext).GetTypeInfo().Assembly);
                    }
                }
                public class OrderConfiguration : IEntityTypeConfiguration<M.Order> {
                    public void Configure(EntityTypeBuilder<M.Order> builder) => builder.ToTable("PurchaseOrders", "sales");
                }
                public class LineConfiguration : IEntityTypeConfiguration<M.Line> {
                    public void Configure(EntityTypeBuilder<M.Line> builder) => builder.ToTable("OrderLines");
                }
            }
            """
        },
        {
            "a base context's OnModelCreating, reached through base.OnModelCreating",
            """
            namespace M { public class Order { public int Id { get; set; } } public class Line { public int Id { get; set; } } }
            namespace M.Data {
                public abstract class BaseContext(DbContextOptions o) : DbContext(o) {
                    public DbSet<M.Line> Lines => Set<M.Line>();
                    protected override void OnModelCreating(ModelBuilder b) { b.HasDefaultSchema("app"); b.Entity<M.Line>().ToTable("order_lines"); }
                }
                public class ModelContext(DbContextOptions<ModelContext> o) : BaseContext(o) {
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    protected override void OnModelCreating(ModelBuilder b) { base.OnModelCreating(b); b.Entity<M.Order>().ToTable("orders"); }
                }
            }
            """
        },
        {
            "an override that does not call base hides the base's OnModelCreating",
            """
            namespace M { public class Order { public int Id { get; set; } } }
            namespace M.Data {
                public abstract class BaseContext(DbContextOptions o) : DbContext(o) {
                    protected override void OnModelCreating(ModelBuilder b) => b.HasDefaultSchema("never");
                }
                public class ModelContext(DbContextOptions<ModelContext> o) : BaseContext(o) {
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    protected override void OnModelCreating(ModelBuilder b) { }
                }
            }
            """
        },
        {
            "TPH by default: derived types share the root's table",
            """
            namespace M {
                public abstract class Payment { public int Id { get; set; } }
                public class CardPayment : Payment { public string Last4 { get; set; } = ""; }
                public class CashPayment : Payment { }
            }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Payment> Payments => Set<M.Payment>();
                    public DbSet<M.CardPayment> Cards => Set<M.CardPayment>();
                    public DbSet<M.CashPayment> Cash => Set<M.CashPayment>();
                }
            }
            """
        },
        {
            "TPT: a derived type with its own table name",
            """
            namespace M {
                public class Animal { public int Id { get; set; } }
                [System.ComponentModel.DataAnnotations.Schema.Table("Dogs")] public class Dog : Animal { }
                public class Cat : Animal { }
            }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Animal> Animals => Set<M.Animal>();
                    public DbSet<M.Dog> Dogs => Set<M.Dog>();
                    public DbSet<M.Cat> Cats => Set<M.Cat>();
                }
            }
            """
        },
        {
            "TPC: abstract root without a table",
            """
            namespace M {
                public abstract class Vehicle { public int Id { get; set; } }
                public class Car : Vehicle { }
                public class Truck : Vehicle { }
            }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Vehicle> Vehicles => Set<M.Vehicle>();
                    public DbSet<M.Car> Cars => Set<M.Car>();
                    public DbSet<M.Truck> Trucks => Set<M.Truck>();
                    protected override void OnModelCreating(ModelBuilder b) => b.Entity<M.Vehicle>().UseTpcMappingStrategy();
                }
            }
            """
        },
        {
            "views and SQL queries",
            """
            namespace M {
                public class Order { public int Id { get; set; } }
                public class OrderSummary { public int OrderId { get; set; } public decimal Total { get; set; } }
                public class TopCustomer { public int CustomerId { get; set; } }
                public class Ranking { public int Rank { get; set; } }
                public class Unmapped { public int Id { get; set; } }
            }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Order> Orders => Set<M.Order>();
                    public DbSet<M.OrderSummary> Summaries => Set<M.OrderSummary>();
                    public DbSet<M.TopCustomer> TopCustomers => Set<M.TopCustomer>();
                    public DbSet<M.Ranking> Rankings => Set<M.Ranking>();
                    public DbSet<M.Unmapped> Unmapped => Set<M.Unmapped>();
                    protected override void OnModelCreating(ModelBuilder b) {
                        b.Entity<M.Ranking>().HasNoKey().ToFunction("GetRankings");
                        b.Entity<M.Unmapped>().ToTable((string?)null);
                        b.Entity<M.OrderSummary>().HasNoKey().ToView("v_order_summary", "reporting");
                        b.Entity<M.TopCustomer>().HasNoKey().ToSqlQuery("SELECT 1 AS CustomerId");
                    }
                }
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Tables_and_views_equal_EF_Cores_relational_model(string description, string model)
    {
        var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + model };
        var output = GeneratorHarness.Run(sources);
        var context = Json.Context(output.Json, "ModelContext");
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));

        AssertSame(EfModel.Tables(assembly, "M.Data.ModelContext"), Json.Tables(context), description + " (tables)");
        AssertSame(EfModel.Tables(assembly, "M.Data.ModelContext", views: true), Json.Tables(context, "views"), description + " (views)");
    }

    private static void AssertSame(Dictionary<string, string[]> expected, Dictionary<string, string[]> actual, string what)
    {
        static string Render(Dictionary<string, string[]> tables) =>
            string.Join("\n", tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + ": " + string.Join(", ", t.Value.Order(StringComparer.Ordinal))));
        Assert.True(Render(expected) == Render(actual), $"{what}\nEF Core:\n{Render(expected)}\nDataDocGen:\n{Render(actual)}");
    }

    [Fact]
    public void Table_names_are_withheld_when_code_renames_tables_at_run_time()
    {
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Model.cs"] = Sources.Usings + """
                namespace M { public class Order { public int Id { get; set; } } }
                namespace M.Data {
                    public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                        public DbSet<M.Order> Orders => Set<M.Order>();
                        protected override void OnModelCreating(ModelBuilder b) {
                            foreach (var entity in b.Model.GetEntityTypes())
                                entity.SetTableName(entity.DisplayName().ToLower());
                        }
                    }
                }
                """,
        });

        var context = Json.Context(output.Json, "ModelContext");
        Assert.Empty(context.GetProperty("tables").EnumerateArray());
        // Culture-dependent ToLower() (DisplayName().ToLowerInvariant() is read: the singular and prefixes loop models).
        Assert.Contains("configured by code that DataDocGen does not evaluate (`entity.SetTableName(entity.DisplayName().ToLower())`): it may change any table or column of this context", output.Json);
        Assert.Contains("Table names are not shown for this context because:", output.Markdown);
        Assert.Contains("| `M.Order` | `Orders` [Model.cs:", output.Markdown);
    }

    [Theory]
    [InlineData("protected override void OnModelCreating(ModelBuilder b) { base.OnModelCreating(b); }", true)]
    [InlineData("", true)]
    [InlineData("protected override void OnModelCreating(ModelBuilder b) { }", false)]
    public void Table_names_are_withheld_when_a_base_context_from_another_assembly_configures_the_model(string derivedOverride, bool withheld)
    {
        // Like IdentityDbContext: a base context compiled elsewhere whose OnModelCreating renames tables.
        var library = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Base.cs"] = Sources.Usings + """
                namespace Lib {
                    public class Account { public int Id { get; set; } }
                    public class AccountsContext(DbContextOptions o) : DbContext(o) {
                        public DbSet<Account> Accounts => Set<Account>();
                        protected override void OnModelCreating(ModelBuilder b) => b.Entity<Account>().ToTable("AspNetAccounts");
                    }
                }
                """,
        }, assemblyName: "Lib");
        using var image = new MemoryStream();
        Assert.True(library.Emit(image).Success);

        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["App.cs"] = Sources.Usings + "namespace App { public class AppContext(DbContextOptions<AppContext> o) : Lib.AccountsContext(o) { " + derivedOverride + " } }",
        }, extraReferences: [Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())]);

        var tables = Json.Context(output.Json, "AppContext").GetProperty("tables").EnumerateArray().ToList();
        if (withheld)
        {
            Assert.Empty(tables);
            Assert.Contains("the base class `Lib.AccountsContext` configures the model in `Lib`", output.Markdown);
        }
        else
        {
            Assert.Equal("Accounts", Assert.Single(tables).GetProperty("name").GetString());
        }
    }

    [Fact]
    public void A_delete_behaviour_set_on_every_foreign_key_in_a_loop_is_applied()
    {
        var source = Sources.Usings + """
            namespace M { public class Blog { public int Id { get; set; } public List<Post> Posts { get; } = new(); } public class Post { public int Id { get; set; } public int BlogId { get; set; } } }
            namespace M.Data {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o) {
                    public DbSet<M.Blog> Blogs => Set<M.Blog>();
                    protected override void OnModelCreating(ModelBuilder b) {
                        foreach (var foreignKey in b.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
                            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = "using System.Linq;\n" + source });

        var context = Json.Context(output.Json, "ModelContext");
        Assert.Contains("| `M.Blog` | `M.Post` | 1:N | required | Restrict | `Posts` |", output.Markdown);
        var foreignKey = context.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Post").GetProperty("foreignKeys").EnumerateArray().Single();
        Assert.Equal("Restrict", foreignKey.GetProperty("onDelete").GetString());
    }
}
