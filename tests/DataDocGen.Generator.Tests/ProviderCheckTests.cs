using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Model configuration for some providers only (<c>if (Database.IsSqlServer())</c>), evaluated against the
/// context's one known provider; withheld, as any condition, where the provider is not known or the check is not one.
/// EF Core judges the evaluated models in <c>Fidelity/ProviderCheckModels</c>.</summary>
public class ProviderCheckTests
{
    private const string Model = """
        namespace Shop
        {
            using Microsoft.EntityFrameworkCore.Infrastructure;
            public class Order { public int Id { get; set; } public decimal Total { get; set; } public string Reference { get; set; } = ""; }
            public class OtherContext : DbContext { }
            public class ShopContext(DbContextOptions<ShopContext> options, OtherContext other) : DbContext(options)
            {
                public static bool Legacy;
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) { PROVIDER }
                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    CALL
                }
                private static void Lite(ModelBuilder b) => b.Entity<Order>().ToTable("orders_lite");
                private static void Sql(ModelBuilder b) => b.Entity<Order>().ToTable("orders_helper");
                private void Relational(ModelBuilder b) { if (Database.IsRelational()) b.Entity<Order>().ToTable("orders_both"); }
                private static void ApplyAll(ModelBuilder b) => b.ApplyConfiguration(new OrderTableConfiguration());
                private static void SalesSchema(ModelBuilder b) => b.HasDefaultSchema("sales");
                private void ServerSchema(ModelBuilder b) { if (Database.IsSqlServer()) b.HasDefaultSchema("inner"); }
            }
            // BTCPay's entities configure themselves with the context's facade as a parameter.
            public static class OrderModel
            {
                public static void Sql(ModelBuilder b, DatabaseFacade databaseFacade) { if (databaseFacade.IsSqlServer()) b.Entity<Order>().ToTable("orders_facade"); }
                public static void NotSql(ModelBuilder b, DatabaseFacade databaseFacade) { if (!databaseFacade.IsSqlServer()) b.Entity<Order>().ToTable("orders_facade"); }
                public static void Named(ModelBuilder b, DatabaseFacade db) { if (db.ProviderName == "Microsoft.EntityFrameworkCore.SqlServer") b.Entity<Order>().ToTable("orders_facade"); }
                public static void Length(ModelBuilder b, DatabaseFacade db) { if (!db.IsNpgsql()) b.Entity<Order>().Property(o => o.Reference).HasMaxLength(12); }
                public static void Loop(ModelBuilder b, DatabaseFacade db) { if (db.IsSqlServer()) foreach (var entity in b.Model.GetEntityTypes()) entity.SetTableName("loop_" + entity.GetTableName()); }
                public static void Outer(ModelBuilder b, DatabaseFacade outer) => Sql(b, outer);
                public static void Extension(this ModelBuilder b, DatabaseFacade db) { if (db.IsSqlServer()) b.Entity<Order>().ToTable("orders_facade"); }
                public static void Two(ModelBuilder b, DatabaseFacade mine, DatabaseFacade theirs) { if (theirs.IsSqlServer()) b.Entity<Order>().ToTable("orders_facade"); }
                public static void Reassigned(ModelBuilder b, DatabaseFacade db, DatabaseFacade other) { db = other; if (db.IsSqlServer()) b.Entity<Order>().ToTable("orders_facade"); }
            }
            public class OrderTableConfiguration : IEntityTypeConfiguration<Order>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Order> builder) => builder.ToTable("orders_cfg");
            }
        }
        namespace LookAlike
        {
            public static class Checks { public static bool IsSqlServer(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) => true; }
        }
        """;

    private const string SqlServer = "b.UseSqlServer(\"Server=.;Database=Shop\");";

    private static (JsonNode? Withheld, string Markdown, JsonNode Json) Run(string call, string provider = SqlServer, string usings = "")
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", usings + Model.Replace("PROVIDER", provider).Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var json = JsonNode.Parse(output.Json!)!;
        var withheld = json["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == "ShopContext");
        return (withheld, output.Markdown!, json);
    }

    private static string[] Tables(JsonNode json) =>
        json["contexts"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "ShopContext")!["tables"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray();

    [Theory]
    [InlineData("if (Database.IsSqlite()) modelBuilder.Entity<Order>().ToTable(\"orders_lite\");", "Orders")]
    [InlineData("if (Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_sql\");", "orders_sql")]
    [InlineData("if (!Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_other\");", "Orders")]
    [InlineData("if (Database.IsNpgsql()) modelBuilder.Entity<Order>().ToTable(\"orders_pg\"); else modelBuilder.Entity<Order>().ToTable(\"orders_else\");", "orders_else")]
    [InlineData("if (Database.ProviderName == \"Microsoft.EntityFrameworkCore.SqlServer\") modelBuilder.Entity<Order>().ToTable(\"orders_named\");", "orders_named")]
    [InlineData("if (Database.ProviderName != \"Microsoft.EntityFrameworkCore.SqlServer\") modelBuilder.Entity<Order>().ToTable(\"orders_named\");", "Orders")]
    [InlineData("if (!Database.IsRelational()) return; modelBuilder.Entity<Order>().ToTable(\"orders_relational\");", "orders_relational")]
    [InlineData("if (Database.IsSqlite()) return; modelBuilder.Entity<Order>().ToTable(\"orders_not_lite\");", "orders_not_lite")]
    [InlineData("if (this.Database.IsSqlServer()) { if (Database.IsRelational()) modelBuilder.Entity<Order>().ToTable(\"orders_nested\"); }", "orders_nested")]
    [InlineData("_ = Database.IsSqlite() || modelBuilder.Entity<Order>().ToTable(\"orders_or\") is not null;", "orders_or")]
    [InlineData("if (Database.IsSqlite()) Lite(modelBuilder);", "Orders")]
    // Helpers and configuration classes applied under a check: read, and kept or dropped with it.
    [InlineData("if (Database.IsSqlServer()) Sql(modelBuilder);", "orders_helper")]
    [InlineData("if (!Database.IsSqlServer()) return; Sql(modelBuilder);", "orders_helper")]
    [InlineData("if (Database.IsSqlServer()) Relational(modelBuilder);", "orders_both")]
    [InlineData("if (Database.IsSqlite()) Relational(modelBuilder);", "Orders")]
    [InlineData("if (Database.IsSqlServer()) modelBuilder.ApplyConfiguration(new OrderTableConfiguration());", "orders_cfg")]
    [InlineData("if (Database.IsSqlite()) modelBuilder.ApplyConfiguration(new OrderTableConfiguration());", "Orders")]
    [InlineData("if (Database.IsSqlServer()) ApplyAll(modelBuilder);", "orders_cfg")]
    [InlineData("if (Database.IsNpgsql()) ApplyAll(modelBuilder);", "Orders")]
    [InlineData("if (Database.IsSqlite()) modelBuilder.HasDefaultSchema(\"lite\");", "Orders")]
    // SQLite cannot order DateTimeOffset: converters added by reflection in a loop, for SQLite only (not evaluated; not run here).
    [InlineData("if (Database.ProviderName == \"Microsoft.EntityFrameworkCore.Sqlite\") { foreach (var entityType in modelBuilder.Model.GetEntityTypes()) { foreach (var property in entityType.ClrType.GetProperties()) { if (property.PropertyType == typeof(System.DateTimeOffset)) modelBuilder.Entity(entityType.Name).Property(property.Name).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter()); } } }", "Orders")]
    [InlineData("if (Database.IsSqlServer()) foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(\"sql_\" + entity.GetTableName());", "sql_Orders")]
    [InlineData("if (!Database.IsSqlServer()) foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(\"other_\" + entity.GetTableName());", "Orders")]
    // A helper's DatabaseFacade parameter that receives the context's `Database` (BTCPay's `StoreRole.OnModelCreating(builder, Database)`).
    [InlineData("OrderModel.Sql(modelBuilder, Database);", "orders_facade")]
    [InlineData("OrderModel.Sql(modelBuilder, this.Database);", "orders_facade")]
    [InlineData("OrderModel.Sql(databaseFacade: Database, b: modelBuilder);", "orders_facade")]
    [InlineData("OrderModel.NotSql(modelBuilder, Database);", "Orders")]
    [InlineData("OrderModel.Named(modelBuilder, Database);", "orders_facade")]
    [InlineData("OrderModel.Loop(modelBuilder, Database);", "loop_Orders")]
    [InlineData("OrderModel.Outer(modelBuilder, Database);", "orders_facade")]
    [InlineData("modelBuilder.Extension(Database);", "orders_facade")]
    [InlineData("if (Database.IsSqlServer()) OrderModel.Sql(modelBuilder, Database);", "orders_facade")]
    [InlineData("OrderModel.Two(modelBuilder, other.Database, Database);", "orders_facade")]
    public void Configuration_for_some_providers_is_evaluated_against_the_contexts_provider(string call, string table)
    {
        var (withheld, markdown, json) = Run(call);
        Assert.True(withheld is null, withheld?.ToJsonString());
        Assert.Equal([table], Tables(json));
        Assert.DoesNotContain("does not evaluate", markdown);
    }

    [Theory]
    // No provider in the project: the check cannot be told.
    [InlineData("if (Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_sql\");", "", "`Database.IsSqlServer()`")]
    // The provider is chosen at run time between two.
    [InlineData("if (Database.IsSqlite()) modelBuilder.Entity<Order>().ToTable(\"orders_lite\");", "if (Legacy) b.UseSqlite(\"Data Source=shop.db\"); else b.UseSqlServer(\"Server=.\");", "`Database.IsSqlite()`")]
    // Not only a provider check.
    [InlineData("if (Database.IsSqlServer() && Legacy) modelBuilder.Entity<Order>().ToTable(\"orders_sql\");", SqlServer, "`Database.IsSqlServer() && Legacy`")]
    [InlineData("if (Legacy) { if (Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_sql\"); }", SqlServer, "`Database.IsSqlServer()`")]
    // Another context's facade.
    [InlineData("if (other.Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_sql\");", SqlServer, "`other.Database.IsSqlServer()`")]
    // MySQL's provider name is not read (two providers answer to UseMySql).
    [InlineData("if (Database.ProviderName == \"Pomelo.EntityFrameworkCore.MySql\") modelBuilder.Entity<Order>().ToTable(\"orders_my\");", SqlServer, "`Database.ProviderName == \"Pomelo.EntityFrameworkCore.MySql\"`")]
    // A default schema for one provider, the provider not known.
    [InlineData("if (Database.IsSqlServer()) modelBuilder.HasDefaultSchema(\"sales\");", "", "`Database.IsSqlServer()`")]
    // A helper or a configuration class under a check, the provider not known.
    [InlineData("if (Database.IsSqlServer()) Sql(modelBuilder);", "", "`Database.IsSqlServer()`")]
    [InlineData("if (Database.IsSqlServer()) modelBuilder.ApplyConfiguration(new OrderTableConfiguration());", "", "`Database.IsSqlServer()`")]
    [InlineData("if (Database.IsSqlServer()) ApplyAll(modelBuilder);", "", "`Database.IsSqlServer()`")]
    // A helper under a check and another condition.
    [InlineData("if (Database.IsSqlServer() && Legacy) Sql(modelBuilder);", SqlServer, "`Database.IsSqlServer() && Legacy`")]
    // A configuration class from an expression whose type cannot be told, under a check that holds.
    [InlineData("if (Database.IsSqlServer()) modelBuilder.ApplyConfiguration((dynamic)new OrderTableConfiguration());", SqlServer, null)]
    // A loop over the model under a provider check that holds, doing what DataDocGen does not evaluate.
    [InlineData("if (Database.IsSqlServer()) { foreach (var entityType in modelBuilder.Model.GetEntityTypes()) { foreach (var property in entityType.ClrType.GetProperties()) { modelBuilder.Entity(entityType.Name).Property(property.Name).HasComment(property.Name); } } }", SqlServer, null)]
    // A helper's facade parameter: the provider not known, another context's facade, the other parameter, a reassigned one.
    [InlineData("OrderModel.Sql(modelBuilder, Database);", "", "`databaseFacade.IsSqlServer()`")]
    [InlineData("OrderModel.Length(modelBuilder, Database);", "", "`!db.IsNpgsql()`")]
    [InlineData("OrderModel.Sql(modelBuilder, other.Database);", SqlServer, "`databaseFacade.IsSqlServer()`")]
    [InlineData("OrderModel.Outer(modelBuilder, other.Database);", SqlServer, "`databaseFacade.IsSqlServer()`")]
    [InlineData("OrderModel.Two(modelBuilder, Database, other.Database);", SqlServer, "`theirs.IsSqlServer()`")]
    [InlineData("OrderModel.Reassigned(modelBuilder, Database, other.Database);", SqlServer, null)]
    public void Configuration_whose_provider_check_cannot_be_told_withholds_the_tables(string call, string provider, string? condition)
    {
        var (withheld, _, _) = Run(call, provider);
        Assert.True(withheld is not null, "expected the schema withheld");
        Assert.False(withheld!["tableNamesKnown"]!.GetValue<bool>());
        if (condition is not null) Assert.Contains("configuration under a condition DataDocGen does not evaluate (" + condition + ")", withheld["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    /// <summary><c>HasDefaultSchema</c> for some providers only (SQLite has no schemas): the last call that runs for the
    /// context's provider gives the schema.</summary>
    [Theory]
    [InlineData("if (Database.IsSqlServer()) modelBuilder.HasDefaultSchema(\"app\");", "app")]
    [InlineData("if (!Database.IsSqlite()) modelBuilder.HasDefaultSchema(\"app\");", "app")]
    [InlineData("modelBuilder.HasDefaultSchema(\"base\"); if (Database.IsSqlite()) modelBuilder.HasDefaultSchema(\"lite\");", "base")]
    [InlineData("if (Database.IsSqlServer()) modelBuilder.HasDefaultSchema(\"app\"); modelBuilder.HasDefaultSchema(\"last\");", "last")]
    [InlineData("if (Database.IsSqlite()) modelBuilder.HasDefaultSchema(\"lite\");", null)]
    // In a helper: called under a check, or making one itself.
    [InlineData("if (Database.IsSqlServer()) SalesSchema(modelBuilder);", "sales")]
    [InlineData("if (Database.IsSqlite()) SalesSchema(modelBuilder);", null)]
    [InlineData("SalesSchema(modelBuilder);", "sales")]
    [InlineData("ServerSchema(modelBuilder);", "inner")]
    [InlineData("SalesSchema(modelBuilder); ServerSchema(modelBuilder);", "inner")]
    [InlineData("ServerSchema(modelBuilder); SalesSchema(modelBuilder);", "sales")]
    [InlineData("ServerSchema(modelBuilder); modelBuilder.HasDefaultSchema(\"last\");", "last")]
    public void A_default_schema_for_some_providers_is_evaluated(string call, string? schema)
    {
        var (withheld, _, json) = Run(call);
        Assert.True(withheld is null, withheld?.ToJsonString());
        var table = json["contexts"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "ShopContext")!["tables"]!.AsArray().Single()!;
        Assert.Equal(schema, table["schema"]?.GetValue<string>());
    }

    /// <summary>A max length set only when not on PostgreSQL, in a helper testing its facade parameter: applied for SQL
    /// Server, not for PostgreSQL.</summary>
    [Theory]
    [InlineData(SqlServer, 12)]
    [InlineData("b.UseNpgsql(\"Host=.\");", null)]
    public void A_helpers_facade_parameter_check_is_evaluated_on_a_chain(string provider, int? maxLength)
    {
        var (withheld, _, json) = Run("OrderModel.Length(modelBuilder, Database);", provider);
        Assert.True(withheld is null, withheld?.ToJsonString());
        var column = json["contexts"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "ShopContext")!["tables"]!.AsArray().Single()!["columns"]!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == "Reference")!;
        Assert.Equal(maxLength, column["maxLength"]?.GetValue<int>());
    }

    [Fact]
    public void A_look_alike_IsSqlServer_is_no_provider_check()
    {
        // The project's own extension (it says true for any provider), found first in the context's namespace: not EF Core's.
        var (withheld, _, _) = Run("if (Database.IsSqlServer()) modelBuilder.Entity<Order>().ToTable(\"orders_sql\");", "b.UseSqlite(\"Data Source=shop.db\");",
            "namespace Shop { public static class OwnChecks { public static bool IsSqlServer(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) => true; } }\n");
        Assert.True(withheld is not null, "a call that binds to the look-alike must not be evaluated");
    }

    [Fact]
    public void An_index_built_online_for_one_provider_only_is_not_listed_as_a_deployment_practice()
    {
        var (withheld, markdown, _) = Run("if (Database.IsSqlServer()) modelBuilder.Entity<Order>().HasIndex(o => o.Reference).IsCreatedOnline();");
        Assert.True(withheld is null, withheld?.ToJsonString());
        Assert.DoesNotContain("created online", markdown);
    }

    /// <summary>ConfigureConventions under a condition was applied as if it always ran: a SQL Server context's decimal
    /// column was said to be <c>float</c> after <c>if (Database.IsSqlite()) ...HaveConversion&lt;double&gt;()</c>.</summary>
    [Theory]
    [InlineData("if (Database.IsSqlite()) configurationBuilder.Properties<decimal>().HaveConversion<double>();", "decimal(18,2)", null)]
    [InlineData("if (Database.IsSqlServer()) configurationBuilder.Properties<decimal>().HavePrecision(10, 4);", "decimal(10,4)", null)]
    [InlineData("if (Legacy) configurationBuilder.Properties<decimal>().HavePrecision(10, 4);", null, "`Legacy`")]
    public void Conventions_under_a_condition_are_evaluated_or_withheld(string call, string? storeType, string? condition)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shop.cs", """
            namespace Shop
            {
                public class Order { public int Id { get; set; } public decimal Total { get; set; } }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public static bool Legacy;
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=Shop");
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        CALL
                    }
                }
            }
            """.Replace("CALL", call))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var json = JsonNode.Parse(output.Json!)!;
        var withheld = json["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault(c => c!["name"]!.GetValue<string>() == "ShopContext");
        if (condition is not null)
        {
            Assert.True(withheld is not null, "expected the schema withheld");
            Assert.Contains("configuration under a condition DataDocGen does not evaluate (" + condition + ")", withheld!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
            return;
        }
        Assert.True(withheld is null, withheld?.ToJsonString());
        var total = json["contexts"]!.AsArray().Single()!["tables"]!.AsArray().Single()!["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Total")!;
        Assert.Equal(storeType, total["storeType"]!.GetValue<string>());
    }
}
