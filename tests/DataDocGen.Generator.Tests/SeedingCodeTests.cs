using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Seeding beyond HasData (3.2): UseSeeding, seeder classes that write data, calls to them with their
/// condition, and Bogus fakers.</summary>
public class SeedingCodeTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using Bogus;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public static class Setup
            {
                public static void Add(IServiceCollection services, bool development) =>
                    services.AddDbContext<ShopContext>(o => o.UseSqlite("Data Source=shop.db")
                        .UseSeeding((context, _) =>
                        {
                            if (!context.Set<Customer>().Any()) context.Set<Customer>().Add(new Customer { Name = "First" });
                            context.SaveChanges();
                        }));

                public static async Task Start(ShopContext db, bool isDevelopment)
                {
                    if (isDevelopment)
                    {
                        await DemoDataSeeder.SeedAsync(db);
                    }
                }
            }

            public static class DemoDataSeeder
            {
                public static async Task SeedAsync(ShopContext db)
                {
                    var customers = new Faker<Customer>()
                        .UseSeed(42)
                        .RuleFor(c => c.Name, f => f.Name.FullName())
                        .Generate(50);
                    db.Customers.AddRange(customers);
                    await db.SaveChangesAsync();
                    await Helper();
                }

                private static Task Helper() => Task.CompletedTask;
                private static Task SeedMore() => SeedAsync(null!); // a call inside the seeder is not a "seeding call"
            }

            // Trap: named like seeding, writing nothing.
            public class SeedOptions { public int Count { get; set; } public int Read(ShopContext db) => db.Customers.Count(); }
        }
        """;

    [Fact]
    public void UseSeeding_seeders_calls_with_their_condition_and_fakers_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Seeding.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("### 3.2 Seeding", md);
        // The Add waits on a condition, the SaveChanges does not: said as such, no condition claimed for every write.
        Assert.Contains("| UseSeeding | `EF Core seeding callback` | Add Shop.Domain.Customer; SaveChanges | `Setup.Add` | some writes only under a condition: `!context.Set<Customer>().Any()` |", md);
        Assert.Contains("| seeding call | `DemoDataSeeder.SeedAsync` |  | `Setup.Start` | `isDevelopment` |", md);
        Assert.Contains("| seeder class | `Shop.Data.DemoDataSeeder` | AddRange Shop.Domain.Customer; SaveChangesAsync | `DemoDataSeeder` |  |", md);
        Assert.Contains("| Bogus faker | `Shop.Domain.Customer` | fills Name; deterministic seed 42; generates 50 item(s) | `DemoDataSeeder.SeedAsync` |  |", md);
        var seeding = md.Substring(md.IndexOf("### 3.2 Seeding", StringComparison.Ordinal));
        Assert.DoesNotContain("SeedOptions", seeding);
        Assert.DoesNotContain("SeedMore", seeding);
    }

    [Fact]
    public void Seeding_code_that_writes_only_into_an_empty_table_says_so()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Seeding.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddDbContext<ShopContext>(o => o.UseSqlite("Data Source=shop.db")
                            .UseSeeding((context, _) =>
                            {
                                if (!context.Set<Customer>().Any())
                                {
                                    context.Set<Customer>().Add(new Customer { Name = "First" });
                                    context.SaveChanges();
                                }
                            }));
                }
                public static class EmptyOnlySeeder
                {
                    public static async Task SeedAsync(ShopContext db)
                    {
                        if (await db.Customers.AnyAsync()) return;
                        db.Customers.Add(new Customer { Name = "Second" });
                        await db.SaveChangesAsync();
                    }
                }
                public static class TableByTableSeeder
                {
                    public static async Task SeedAsync(ShopContext db)
                    {
                        if (!await db.Customers.AnyAsync(c => c.Name == "A"))
                        {
                            db.Customers.Add(new Customer { Name = "A" });
                            await db.SaveChangesAsync();
                        }
                        if (!await db.Customers.AnyAsync(c => c.Name == "B"))
                        {
                            db.Customers.Add(new Customer { Name = "B" });
                            await db.SaveChangesAsync();
                        }
                    }
                }
                public static class AlwaysSeeder
                {
                    public static void Seed(ShopContext db, bool extra)
                    {
                        if (extra) db.Customers.Add(new Customer { Name = "Extra" });
                        db.Customers.Add(new Customer { Name = "Always" });
                        db.SaveChanges();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| UseSeeding | `EF Core seeding callback` | Add Shop.Domain.Customer; SaveChanges | `Setup.Add` | writes only if `!context.Set<Customer>().Any()` |", md);
        Assert.Contains("| seeder class | `Shop.Data.EmptyOnlySeeder` | Add Shop.Domain.Customer; SaveChangesAsync | `EmptyOnlySeeder` | writes only if not `await db.Customers.AnyAsync()` |", md);
        // One write under a condition, another always: said so, no condition claimed for all.
        Assert.Contains("| seeder class | `Shop.Data.AlwaysSeeder` | Add Shop.Domain.Customer; Add Shop.Domain.Customer; SaveChanges | `AlwaysSeeder` | some writes only under a condition: `extra` |", md);
        // Each write under its own condition (eShopOnWeb's CatalogContextSeed): each said, not a blank that reads as "always".
        Assert.Contains("| `TableByTableSeeder` | each write only under its own condition: `!await db.Customers.AnyAsync(c => c.Name == \"A\")`; `!await db.Customers.AnyAsync(c => c.Name == \"B\")` |", md);
    }

    [Fact]
    public void A_seeder_that_saves_after_each_table_lists_every_save_in_order()
    {
        // As eShopOnContainers' CatalogContextSeed: AddRange brands; save; AddRange types; save; AddRange items; save. The
        // list used to keep each operation once ("AddRangeAsync Brand; SaveChangesAsync; AddRangeAsync Kind; AddRangeAsync
        // Item"), which read as if the last two were never saved.
        var output = GeneratorHarness.Run(Sources.With(("Data/Seeding.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class Brand { public int Id { get; set; } public string Name { get; set; } = ""; }
                public class Kind { public int Id { get; set; } public string Name { get; set; } = ""; }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Brand> Brands => Set<Brand>();
                    public DbSet<Kind> Kinds => Set<Kind>();
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public class CatalogContextSeed
                {
                    public async Task SeedAsync(ShopContext context)
                    {
                        if (!context.Brands.Any())
                        {
                            await context.Brands.AddRangeAsync(new Brand { Name = "Azure" });
                            await context.SaveChangesAsync();
                        }
                        if (!context.Kinds.Any())
                        {
                            await context.Kinds.AddRangeAsync(new Kind { Name = "Mug" });
                            await context.SaveChangesAsync();
                        }
                        if (!context.Customers.Any())
                        {
                            await context.Customers.AddRangeAsync(new Customer { Name = "Bot" });
                            await context.SaveChangesAsync();
                        }
                    }
                }
                // Negative: one save after both adds stays one save.
                public class OneSaveSeed
                {
                    public void Seed(ShopContext context)
                    {
                        context.Brands.Add(new Brand { Name = "A" });
                        context.Kinds.Add(new Kind { Name = "B" });
                        context.SaveChanges();
                    }
                }
                // Trap: a SaveChanges of a class that is no context is no save, however often it is called.
                public class Importer { public void SaveChanges() { } }
                public class ImportSeed
                {
                    public void Seed(ShopContext context, Importer importer)
                    {
                        context.Brands.Add(new Brand { Name = "A" });
                        importer.SaveChanges();
                        context.SaveChanges();
                        importer.SaveChanges();
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| seeder class | `Shop.Data.CatalogContextSeed` | AddRangeAsync Shop.Data.Brand; SaveChangesAsync; AddRangeAsync Shop.Data.Kind; SaveChangesAsync; AddRangeAsync Shop.Domain.Customer; SaveChangesAsync | `CatalogContextSeed` |", md);
        Assert.Contains("| seeder class | `Shop.Data.OneSaveSeed` | Add Shop.Data.Brand; Add Shop.Data.Kind; SaveChanges | `OneSaveSeed` |", md);
        Assert.Contains("| seeder class | `Shop.Data.ImportSeed` | Add Shop.Data.Brand; SaveChanges | `ImportSeed` |", md);
    }

    [Fact]
    public void A_faker_type_from_another_library_is_not_bogus()
    {
        // Same code, with a Faker<T> of this project's own in place of Bogus's.
        var trap = Code.Replace("using Bogus;", "") + """

            namespace Shop.Data
            {
                public class Faker<T> where T : new()
                {
                    public Faker<T> UseSeed(int seed) => this;
                    public Faker<T> RuleFor<TP>(System.Linq.Expressions.Expression<Func<T, TP>> property, Func<Fake, TP> value) => this;
                    public List<T> Generate(int count) => new();
                }
                public class Fake { public Names Name { get; } = new(); }
                public class Names { public string FullName() => ""; }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/Seeding.cs", trap)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain("Bogus faker", output.Markdown);
    }
}
