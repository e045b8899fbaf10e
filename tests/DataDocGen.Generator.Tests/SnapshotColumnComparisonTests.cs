using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>The snapshot comparison covers each column's store type and nullability and the primary key columns, and
/// says what it did not compare. The audit of Jason Taylor's Clean Architecture template found "the current model's tables
/// and columns match it (no pending model changes found)" printed for a column that was nvarchar(max) in the model and
/// nvarchar(50) in the snapshot (EF's HasPendingModelChanges: true, an AlterColumn): only names were compared.</summary>
public class SnapshotColumnComparisonTests
{
    private const string Model = """
        namespace Catalog
        {
            public class Item { public int Id { get; set; } public string? Title { get; set; } EXTRA }
            public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
            {
                public DbSet<Item> Items => Set<Item>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=."); }
                protected override void OnModelCreating(ModelBuilder modelBuilder) { CONFIG }
            }
        }
        """;

    // As EF Core 10's migrations tooling writes it.
    private const string Snapshot = """
        using Microsoft.EntityFrameworkCore.Infrastructure;

        #nullable disable

        namespace Catalog.Migrations
        {
            [DbContext(typeof(CatalogContext))]
            partial class CatalogContextModelSnapshot : ModelSnapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder
                        .HasAnnotation("ProductVersion", "10.0.15")
                        .HasAnnotation("Relational:MaxIdentifierLength", 128);

                    SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder);

                    modelBuilder.Entity("Catalog.Item", b =>
                        {
                            b.Property<int>("Id")
                                .ValueGeneratedOnAdd()
                                .HasColumnType("int");

                            SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"));

                            TITLE

                            b.HasKey("Id");

                            b.ToTable("Items");
                        });

                    DERIVED
                }
            }
        }
        """;

    private const string MatchingTitle = """b.Property<string>("Title").HasColumnType("nvarchar(max)");""";

    private static GeneratorOutput Run(string title, string config = "", string extra = "", string snapshotExtra = "", string derived = "") => GeneratorHarness.Run(new Dictionary<string, string>
    {
        ["Model.cs"] = Sources.Usings + Model.Replace("EXTRA", extra).Replace("CONFIG", config),
        ["Migrations/CatalogContextModelSnapshot.cs"] = Sources.Usings + Snapshot.Replace("TITLE", title + snapshotExtra).Replace("DERIVED", derived),
    });

    private static System.Text.Json.JsonElement SnapshotJson(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("migrationSnapshots").EnumerateArray().Single();

    [Fact]
    public void A_max_length_in_the_snapshot_the_model_no_longer_has_is_a_pending_change()
    {
        var output = Run("""b.Property<string>("Title").HasMaxLength(50).HasColumnType("nvarchar(50)");""");

        Assert.Contains("| `Title` | `System.String` | `nvarchar(max)` | yes |", output.Markdown);
        Assert.Contains("**pending model changes**, not captured by any migration yet:", output.Markdown);
        Assert.Contains("- column `Items.Title`: store type `nvarchar(max)` in the model, `nvarchar(50)` (max length 50) in the snapshot", output.Markdown);
        Assert.DoesNotContain("no pending model changes", output.Markdown);
        Assert.DoesNotContain("matches it", output.Markdown);
        Assert.Equal(["column `Items.Title`: store type `nvarchar(max)` in the model, `nvarchar(50)` (max length 50) in the snapshot"],
            SnapshotJson(output).GetProperty("pendingChanges").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_column_made_required_since_the_last_migration_is_a_pending_change()
    {
        var output = Run(MatchingTitle, config: "modelBuilder.Entity<Item>().Property(i => i.Title).IsRequired();");

        Assert.Contains("- column `Items.Title`: not nullable in the model, nullable in the snapshot", output.Markdown);
        Assert.DoesNotContain("store type `nvarchar(max)` in the model", output.Markdown);
    }

    [Fact]
    public void A_primary_key_changed_since_the_last_migration_is_a_pending_change()
    {
        var output = Run(MatchingTitle, config: "modelBuilder.Entity<Item>().HasKey(i => new { i.Id, i.Code });", extra: "public int Code { get; set; }",
            snapshotExtra: """b.Property<int>("Code").HasColumnType("int");""");

        Assert.Contains("- primary key of `Items`: (`Id`, `Code`) in the model, (`Id`) in the snapshot", output.Markdown);
    }

    [Fact]
    public void A_model_that_matches_says_what_was_compared_and_what_was_not()
    {
        var output = Run(MatchingTitle);

        Assert.Contains("(EF Core 10.0.15): the current model matches it in table and column names, column store types, column nullability and primary key columns. "
                        + "Not compared, so a pending change there would not show here: indexes, foreign keys, unique constraints, check constraints and the names of keys and constraints "
                        + "(DataDocGen does not read them in snapshots yet).", output.Markdown);
        Assert.DoesNotContain("no pending model changes", output.Markdown);
        Assert.DoesNotContain("**pending model changes**", output.Markdown);
        var json = SnapshotJson(output);
        Assert.Empty(json.GetProperty("pendingChanges").EnumerateArray());
        Assert.Equal(["table and column names", "column store types", "column nullability", "primary key columns"], json.GetProperty("comparedFacts").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void A_store_type_the_snapshot_does_not_state_is_not_compared_and_says_so()
    {
        var output = Run("""b.Property<string>("Title");""");

        Assert.Contains("the current model matches it in table and column names, column store types, column nullability and primary key columns. "
                        + "Not compared, so a pending change there would not show here: the store type of `Items.Title` (the snapshot does not state it); indexes,", output.Markdown);
        Assert.DoesNotContain("**pending model changes**", output.Markdown);
    }

    [Fact]
    public void A_comment_naming_a_column_type_in_the_snapshot_is_not_read()
    {
        // Trap: the old type in a comment is not a call of the chain.
        var output = Run("""
            b.Property<string>("Title")
                                // .HasMaxLength(50).HasColumnType("nvarchar(50)")
                                .HasColumnType("nvarchar(max)");
            """);

        Assert.DoesNotContain("**pending model changes**", output.Markdown);
        Assert.Contains("the current model matches it in table and column names, column store types, column nullability and primary key columns.", output.Markdown);
    }

    [Fact]
    public void A_required_property_of_a_derived_type_sharing_its_base_table_is_a_nullable_column()
    {
        // Trap: IsRequired() on a TPH derived type's property looks like a NOT NULL column, but the table's other rows lack it.
        var output = Run(MatchingTitle, extra: "} public class Book : Item { public string Isbn { get; set; } = \"\";", config: "modelBuilder.Entity<Book>();",
            snapshotExtra: """

                            b.Property<string>("Discriminator").IsRequired().HasMaxLength(5).HasColumnType("nvarchar(5)");

                            b.HasDiscriminator().HasValue("Item");
            """,
            derived: """
            modelBuilder.Entity("Catalog.Book", b =>
                                {
                                    b.HasBaseType("Catalog.Item");

                                    b.Property<string>("Isbn")
                                        .IsRequired()
                                        .HasColumnType("nvarchar(max)");

                                    b.HasDiscriminator().HasValue("Book");
                                });
            """);

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| `Isbn` | `System.String` | `nvarchar(max)` | yes |", output.Markdown);
        Assert.DoesNotContain("**pending model changes**", output.Markdown);
        Assert.Contains("the current model matches it in table and column names, column store types, column nullability and primary key columns.", output.Markdown);
    }
}
