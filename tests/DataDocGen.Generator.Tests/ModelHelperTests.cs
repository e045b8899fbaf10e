using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Configuration in helper methods (<see cref="Parsing.ModelHelperCalls"/>). The readable shapes are judged by EF
/// Core in the bookings and hostel fidelity models; here the shapes DataDocGen cannot read, which must withhold the
/// context's tables with the reason rather than state a schema without the helper's configuration (as it did before).</summary>
public class ModelHelperTests
{
    private const string Model = """
        namespace Shop
        {
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            public class Address { public string Street { get; set; } = ""; }
            public class Order { public int Id { get; set; } public decimal Total { get; set; } public Address Ship { get; set; } = null!; }
            public interface IThing { }
            public interface IProviderModel { void OnModelCreating(ModelBuilder b); }
            public static class Generic<T> where T : class { public static void Apply(ModelBuilder b) => b.Entity<T>().ToTable("Things"); }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                private readonly IProviderModel _provider = null!;
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    CALL
                }
                private static void Money(PropertyBuilder<decimal> total) => total.HasPrecision(12, 2);
                private static void ConfigureShip(OwnedNavigationBuilder<Order, Address> ship) => ship.Property(a => a.Street).HasMaxLength(80);
                protected virtual void ConfigureOrders(ModelBuilder b) => b.Entity<Order>().ToTable("Orders2");
                private static void Again(ModelBuilder b) { b.Entity<Order>().ToTable("Orders3"); Again(b); }
            }
        }
        """;

    private static JsonNode? Withheld(string call)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", Model.Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == "ShopContext");
    }

    [Theory]
    [InlineData("Money(modelBuilder.Entity<Order>().Property(o => o.Total));", "configuration in `Money` is not evaluated (it is handed a `PropertyBuilder`)")]
    [InlineData("modelBuilder.Entity<Order>().OwnsOne(o => o.Ship, ConfigureShip);", "configuration in `ConfigureShip` is not evaluated (it is handed a `OwnedNavigationBuilder`)")]
    [InlineData("ConfigureOrders(modelBuilder);", "configuration in `ConfigureOrders` is not evaluated (it may be overridden)")]
    [InlineData("_provider.OnModelCreating(modelBuilder);", "configuration in `OnModelCreating` is not evaluated (it is an interface member: the implementation that runs is chosen at run time)")]
    [InlineData("Generic<IThing>.Apply(modelBuilder);", "configuration in `Apply` is not evaluated (a method of a generic class)")]
    [InlineData("Again(modelBuilder);", "configuration in `Again` is not evaluated (helpers nested too deep, or recursive)")]
    public void A_helper_DataDocGen_cannot_read_withholds_the_tables_with_the_reason(string call, string reason)
    {
        var withheld = Withheld(call);
        Assert.NotNull(withheld);
        Assert.False(withheld!["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains(reason, withheld["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void Configurations_chosen_by_a_predicate_withhold_the_tables()
    {
        // EF applies only the configurations the predicate accepts; DataDocGen applied all of them before (a wrong max length).
        var output = GeneratorHarness.Run(Sources.With(("Aviary.cs", """
            namespace Aviary
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class Bird { public int Id { get; set; } public string Name { get; set; } = ""; }
                public class Cage { public int Id { get; set; } public string Label { get; set; } = ""; }
                public class BirdConfiguration : IEntityTypeConfiguration<Bird> { public void Configure(EntityTypeBuilder<Bird> builder) => builder.Property(b => b.Name).HasMaxLength(30); }
                public class CageConfiguration : IEntityTypeConfiguration<Cage> { public void Configure(EntityTypeBuilder<Cage> builder) => builder.Property(c => c.Label).HasMaxLength(10); }
                public class AviaryContext(DbContextOptions<AviaryContext> options) : DbContext(options)
                {
                    public DbSet<Bird> Birds => Set<Bird>();
                    public DbSet<Cage> Cages => Set<Cage>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AviaryContext).Assembly, t => t.Name.StartsWith("Bird"));
                }
            }
            """)));
        var withheld = JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "AviaryContext")!;
        Assert.False(withheld["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains("entity configurations applied from the assembly are chosen by a predicate, which is not evaluated", withheld["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public void A_method_that_is_handed_no_builder_is_no_helper()
    {
        // Trap: a call in OnModelCreating that takes no builder (logging, a constant) changes no configuration.
        var withheld = Withheld("System.Console.WriteLine(nameof(Order)); modelBuilder.Entity<Order>().OwnsOne(o => o.Ship); modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(12, 2);");
        Assert.True(withheld is null, withheld?.ToJsonString());
    }

    [Theory]
    [InlineData("if (Legacy) modelBuilder.Entity<Order>().ToTable(\"orders_v1\");", "`Legacy`")]
    [InlineData("if (Database.ProviderName.EndsWith(\"Sqlite\")) modelBuilder.Entity<Order>().ToTable(\"orders_lite\");", "`Database.ProviderName.EndsWith(\"Sqlite\")`")]
    [InlineData("if (!Legacy) { } else { modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(10, 2); }", "`not (!Legacy)`")]
    [InlineData("if (!Legacy) return; modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(10, 2);", "`Legacy`")]
    [InlineData("_ = Legacy && modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(10, 2) is not null;", "`Legacy`")]
    [InlineData("if (Legacy) Money(modelBuilder);", "`Legacy`")]
    [InlineData("modelBuilder.Entity<Order>(b => { if (Legacy) b.Property(o => o.Total).HasPrecision(10, 2); });", "`Legacy`")]
    [InlineData("if (Legacy) modelBuilder.HasDefaultSchema(\"legacy\");", "`Legacy`")]
    // A switch section names its label (it said "a `switch` case").
    [InlineData("switch (Legacy) { case true: modelBuilder.Entity<Order>().ToTable(\"orders_v1\"); break; }", "`Legacy is true`")]
    [InlineData("_ = Legacy switch { true => modelBuilder.Entity<Order>().ToTable(\"orders_v1\"), _ => null };", "`Legacy is true`")]
    // A loop over the model under a condition: it was applied as if it always ran (every table renamed orders_...).
    [InlineData("if (Legacy) { foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(\"orders_\" + entity.GetTableName()); }", "`Legacy`")]
    [InlineData("if (!Legacy) return; foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(\"orders_\" + entity.GetTableName());", "`Legacy`")]
    public void Configuration_under_a_condition_withholds_the_tables_with_the_condition(string call, string condition)
    {
        // Before, configuration under a condition was applied as if it always ran: `orders_lite` was listed as the table
        // of a SQL Server context (a wrong fact).
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", ConditionalModel.Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var withheld = JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "ShopContext")!;
        Assert.False(withheld["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains("configuration under a condition DataDocGen does not evaluate (" + condition + ")", withheld["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain("orders_", output.Markdown);
    }

    [Theory]
    [InlineData("if (modelBuilder is null) throw new System.ArgumentNullException(nameof(modelBuilder)); modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(10, 2);")]
    [InlineData("System.ArgumentNullException.ThrowIfNull(modelBuilder); modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(10, 2);")]
    [InlineData("var type = modelBuilder.Model.FindEntityType(typeof(Order)); if (type is not null) System.Console.WriteLine(type.GetTableName());")]
    public void Argument_checks_and_reads_under_a_condition_change_nothing(string call)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", ConditionalModel.Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var withheld = JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == "ShopContext");
        Assert.True(withheld is null, withheld?.ToJsonString());
    }

    private const string ConditionalModel = """
        namespace Shop
        {
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            public class Order { public int Id { get; set; } public decimal Total { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public static bool Legacy;
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=Shop");
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    CALL
                }
                private static void Money(ModelBuilder b) => b.Entity<Order>().Property(o => o.Total).HasPrecision(12, 2);
            }
        }
        """;
}
