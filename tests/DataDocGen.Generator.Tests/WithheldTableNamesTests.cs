using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>When a context's columns are withheld but its table names are stated, the tables EF Core adds itself (implicit
/// many-to-many joins, owned collections) are named too, or the names are withheld: the Kavita audit found 8 join tables
/// missing from a list the JSON said was complete.</summary>
public class WithheldTableNamesTests
{
    // Error.EventId (int) against Event.Id (long): EF adds a shadow key, which DataDocGen does not model, so columns are withheld.
    private const string Clash = """
        public class Event { public long Id { get; set; } }
        public class Error { public int Id { get; set; } public int EventId { get; set; } public Event Event { get; set; } = null!; }
        """;

    private static (string Md, JsonElement Context, JsonElement Incomplete) Run(string model, string sets)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Model.cs", "namespace Shop.Data\n{\n" + Clash + model + """

            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Event> Events => Set<Event>();
                public DbSet<Error> Errors => Set<Error>();

            """ + sets + "\n    }\n}\n")));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var json = JsonDocument.Parse(output.Json!).RootElement;
        return (output.Markdown!, json.GetProperty("contexts")[0].Clone(), json.GetProperty("contextsWithIncompleteSchema")[0].Clone());
    }

    private static List<string> TableNames(JsonElement context) =>
        context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();

    [Fact]
    public void Implicit_join_and_owned_collection_tables_are_named_with_the_entity_tables()
    {
        var (md, context, incomplete) = Run("""
            public class Post { public int Id { get; set; } public ICollection<Tag> Tags { get; set; } = new List<Tag>(); }
            public class Tag { public int Id { get; set; } public ICollection<Post> Posts { get; set; } = new List<Post>(); }
            public class Order { public int Id { get; set; } public List<Line> Lines { get; set; } = new(); }
            public class Line { public string Sku { get; set; } = ""; }
            """, """
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Order>().OwnsMany(o => o.Lines);
            """);
        Assert.True(incomplete.GetProperty("tableNamesKnown").GetBoolean());
        // EF Core 10 names them PostTag and Line (the owned type's name): the fidelity suite checks both conventions on complete models.
        Assert.Equal(new[] { "Errors", "Events", "Line", "Orders", "PostTag", "Posts", "Tags" }, TableNames(context));
        Assert.Contains("Tables EF Core adds for many-to-many joins and owned collections: `Line`, `PostTag`.", md);
    }

    [Fact]
    public void A_join_table_DataDocGen_gives_up_on_withholds_the_table_names()
    {
        // A composite key on one side: the join is not modelled, so its table would be missing from the list.
        var (md, context, incomplete) = Run("""
            public class Post { public int Id { get; set; } public int Version { get; set; } public ICollection<Tag> Tags { get; set; } = new List<Tag>(); }
            public class Tag { public int Id { get; set; } public ICollection<Post> Posts { get; set; } = new List<Post>(); }
            """, """
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Post>().HasKey(p => new { p.Id, p.Version });
            """);
        Assert.False(incomplete.GetProperty("tableNamesKnown").GetBoolean());
        Assert.Empty(TableNames(context));
        Assert.Contains("Table names are not shown for this context because:", md);
        Assert.Contains("- the join table of the many-to-many relationship `Post.Tags` is not named", md);
    }

    [Fact]
    public void Without_tables_EF_adds_itself_no_such_line_is_printed()
    {
        var (md, context, incomplete) = Run("", "");
        Assert.True(incomplete.GetProperty("tableNamesKnown").GetBoolean());
        Assert.Equal(new[] { "Errors", "Events" }, TableNames(context));
        Assert.DoesNotContain("Tables EF Core adds", md);
    }
    [Fact]
    public void A_reason_naming_a_generic_CLR_type_stays_one_code_span()
    {
        // Ombi: "of type `System.Collections.Generic.ICollection`1[...IMediaServerEpisode]` is not modelled yet": the
        // backtick of the CLR name closed the code span and left a stray one.
        var (md, _, _) = Run("""
            public interface IEpisode { int Id { get; } }
            public class Show { public int Id { get; set; } public ICollection<IEpisode> Episodes { get; set; } = new List<IEpisode>(); }
            """, """
                    public DbSet<Show> Shows => Set<Show>();
            """);
        Assert.Contains("of type ``System.Collections.Generic.ICollection`1[Shop.Data.IEpisode]`` is not modelled yet", md);
    }
}
