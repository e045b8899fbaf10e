using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>Migrations and their model snapshot kept in a host project for a context compiled in a referenced project
/// (eShopOnContainers' Ordering.API holds OrderingContextModelSnapshot and the migrations of OrderingContext, compiled in
/// Ordering.Infrastructure): the merged report used to lose the snapshot with the host's side of the context.</summary>
public class ForeignSnapshotTests
{
    private const string Library = """
        namespace Blogging
        {
            public class Blog { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class BloggingContext(DbContextOptions<BloggingContext> options) : DbContext(options)
            {
                public DbSet<Blog> Blogs => Set<Blog>();
                protected override void OnModelCreating(ModelBuilder b) => b.Entity<Blog>().ToTable("Blogs");
                CONFIGURING
            }
        }
        """;

    private const string Snapshot = """
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Blogging;
        namespace Host.Migrations
        {
            [DbContext(typeof(BloggingContext))]
            partial class BloggingContextModelSnapshot : ModelSnapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.HasAnnotation("ProductVersion", "8.0.4");
                    modelBuilder.Entity("Blogging.Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("int");
                            b.Property<string>("Name").IsRequired().HasColumnType("nvarchar(max)");
                            b.HasKey("Id");
                            b.ToTable("Blogs");
                        });
                }
            }
            [DbContext(typeof(BloggingContext))]
            [Migration("20240101120000_Initial")]
            public partial class Initial : Migration
            {
                protected override void Up(MigrationBuilder m) => m.CreateTable(name: "Blogs", columns: t => new { Id = t.Column<int>(nullable: false) }, constraints: t => t.PrimaryKey("PK_Blogs", x => x.Id));
                protected override void Down(MigrationBuilder m) => m.DropTable(name: "Blogs");
            }
        }
        """;

    private const string Registration = """
        namespace Host
        {
            public static class Startup
            {
                public static void Add(IServiceCollection services) => services.AddDbContext<Blogging.BloggingContext>(o => o.UseSqlServer("Server=."));
            }
        }
        """;

    private static (GeneratorOutput Library, MetadataReference Reference) Compile(bool configures)
    {
        var library = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Data/Blogging.cs"] = Sources.Usings + Library.Replace("CONFIGURING", configures ? "protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer(\"Server=.\");" : ""),
        }, projectDir: "/src/Infrastructure/", assemblyName: "Infrastructure");
        using var stream = new MemoryStream();
        Assert.True(library.Compilation.Emit(stream).Success);
        return (library, MetadataReference.CreateFromImage(stream.ToArray()));
    }

    private static GeneratorOutput Host(bool registers, bool configures, bool merges)
    {
        var (library, reference) = Compile(configures);
        var sources = new Dictionary<string, string> { ["Migrations/BloggingContextModelSnapshot.cs"] = Sources.Usings + "using Microsoft.EntityFrameworkCore.Migrations;\n" + Snapshot };
        if (registers) sources["Startup.cs"] = Sources.Usings + Registration;
        var fragments = merges ? new Dictionary<string, string> { ["/src/Infrastructure/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = library.Fragment! } : null;
        var output = GeneratorHarness.Run(sources, fragments, extraReferences: [reference], projectDir: "/src/Web/", assemblyName: "Web");
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return output;
    }

    private const string SnapshotLine = "Migrations model snapshot `Host.Migrations.BloggingContextModelSnapshot` [Migrations/BloggingContextModelSnapshot.cs:12](Migrations/BloggingContextModelSnapshot.cs#L12) (EF Core 8.0.4)";
    private const string Heading = "EF Core migrations of `Blogging.BloggingContext` (a context compiled in another assembly, `Infrastructure`), in the order they apply:";

    [Fact]
    public void A_host_that_registers_the_context_keeps_its_snapshot_in_the_merged_report_not_compared()
    {
        var output = Host(registers: true, configures: false, merges: true);
        var md = output.Markdown!;
        // The declaring project's model is shown (merged), with the host's snapshot, which the host could not compare.
        Assert.Contains("##### Table `Blogs`", md);
        Assert.Contains(SnapshotLine + ": not compared with the current model, because the context is compiled in another project (`Infrastructure`), whose model the project holding the snapshot cannot read in full.", md);
        Assert.DoesNotContain("(see above)", md);
        Assert.Contains(Heading, md);
        var snapshot = Json.Parse(output.Json).GetProperty("migrationSnapshots").EnumerateArray().Single();
        Assert.Equal("BloggingContext", snapshot.GetProperty("context").GetString());
        Assert.False(snapshot.GetProperty("compared").GetBoolean());
        Assert.Equal("Infrastructure", Json.Parse(output.Json).GetProperty("migrations")[0].GetProperty("contextAssembly").GetString());
    }

    [Fact]
    public void A_host_that_does_not_register_the_context_joins_its_snapshot_to_the_merged_context()
    {
        var output = Host(registers: false, configures: true, merges: true);
        Assert.Contains(SnapshotLine + ": not compared with the current model, because the context is compiled in another project, whose model the project holding the snapshot cannot read in full.", output.Markdown);
        Assert.Contains(Heading, output.Markdown);
        Assert.Single(Json.Parse(output.Json).GetProperty("migrationSnapshots").EnumerateArray());
    }

    [Fact]
    public void A_snapshot_of_a_context_this_project_neither_declares_nor_registers_is_listed_in_3_1()
    {
        var output = Host(registers: false, configures: true, merges: false);
        var md = output.Markdown!;
        var migrations = md.Substring(md.IndexOf("### 3.1 Migrations", StringComparison.Ordinal));
        Assert.Contains(SnapshotLine + " of `Blogging.BloggingContext`: not compared with the current model, because its context is neither declared nor registered in this project, so its model is not known here.", migrations);
        Assert.Contains(Heading, migrations);
        var snapshot = Json.Parse(output.Json).GetProperty("migrationSnapshots").EnumerateArray().Single();
        Assert.Equal("Blogging.BloggingContext", snapshot.GetProperty("context").GetString());
        Assert.False(snapshot.GetProperty("compared").GetBoolean());
    }

    [Fact]
    public void Migrations_and_a_snapshot_of_the_projects_own_context_say_nothing_of_another_assembly()
    {
        // Trap: the same files in the project that declares the context.
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Data/Blogging.cs"] = Sources.Usings + Library.Replace("CONFIGURING", "protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer(\"Server=.\");"),
            ["Migrations/BloggingContextModelSnapshot.cs"] = Sources.Usings + "using Microsoft.EntityFrameworkCore.Migrations;\n" + Snapshot,
        });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("EF Core migrations of `Blogging.BloggingContext`, in the order they apply:", output.Markdown);
        Assert.DoesNotContain("another assembly", output.Markdown);
        Assert.DoesNotContain("another project", output.Markdown);
        Assert.Contains("the current model matches it in table and column names", output.Markdown);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Json.Parse(output.Json).GetProperty("migrations")[0].GetProperty("contextAssembly").ValueKind);
    }
}
