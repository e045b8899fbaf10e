using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Loops over the model's metadata in OnModelCreating (issue 3, item 2): the idioms DataDocGen evaluates
/// (judged by EF Core in <c>Fidelity/LoopModels</c>), and what it withholds, with the note at the loop's line.</summary>
public class ModelLoopTests
{
    private const string Entities = """
        namespace M
        {
            public interface IAuditable { }
            public class Blog : IAuditable { public int Id { get; set; } public List<Post> Posts { get; } = new(); }
            public class Post { public int Id { get; set; } public int BlogId { get; set; } }
        }
        """;

    private static (string Markdown, System.Text.Json.JsonElement Context, string Source) Run(string onModelCreating, string extra = "")
    {
        var source = "using System.Linq;\n" + Sources.Usings + Entities + """

            namespace M.Data
            {
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o)
                {
                    public DbSet<M.Blog> Blogs => Set<M.Blog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=M");
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        BODY
                    }
                }
                EXTRA
            }
            """.Replace("BODY", onModelCreating).Replace("EXTRA", extra);
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = source });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return (output.Markdown!, Json.Context(output.Json, "ModelContext"), source);
    }

    private static System.Text.Json.JsonElement Table(System.Text.Json.JsonElement context, string name) =>
        context.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static string OnDelete(System.Text.Json.JsonElement context, string table) =>
        Table(context, table).GetProperty("foreignKeys").EnumerateArray().Single().GetProperty("onDelete").GetString()!;

    private static bool Withheld(System.Text.Json.JsonElement context) => context.GetProperty("tables").EnumerateArray().All(t => t.GetProperty("columns").GetArrayLength() == 0);

    [Fact]
    public void A_nested_foreign_key_loop_with_a_condition_sets_the_delete_behaviour_and_a_later_OnDelete_wins()
    {
        var (_, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                foreach (var fk in entityType.GetForeignKeys().Where(k => !k.IsOwnership))
                    if (fk.DeleteBehavior == DeleteBehavior.Cascade) fk.DeleteBehavior = DeleteBehavior.Restrict;
            """);
        Assert.True(Withheld(context)); // a Where on GetForeignKeys() is not read: withheld, not guessed

        (_, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                foreach (var fk in entityType.GetForeignKeys())
                    if (!fk.IsOwnership && fk.DeleteBehavior == DeleteBehavior.Cascade) fk.DeleteBehavior = DeleteBehavior.Restrict;
            """);
        Assert.Equal("Restrict", OnDelete(context, "Post"));

        (_, context, _) = Run("""
            foreach (var fk in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())) fk.DeleteBehavior = DeleteBehavior.Restrict;
            modelBuilder.Entity<M.Blog>().HasMany(b => b.Posts).WithOne().OnDelete(DeleteBehavior.Cascade);
            """);
        Assert.Equal("Cascade", OnDelete(context, "Post"));
    }

    [Fact]
    public void A_condition_that_does_not_hold_leaves_the_delete_behaviour_alone()
    {
        var (_, context, _) = Run("""
            modelBuilder.Entity<M.Blog>().HasMany(b => b.Posts).WithOne().OnDelete(DeleteBehavior.NoAction);
            foreach (var fk in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
                if (fk.DeleteBehavior == DeleteBehavior.Cascade) fk.DeleteBehavior = DeleteBehavior.Restrict;
            """);
        Assert.Equal("NoAction", OnDelete(context, "Post"));
    }

    [Fact]
    public void Shadow_properties_are_added_to_the_entity_types_implementing_the_interface()
    {
        var (markdown, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => typeof(M.IAuditable).IsAssignableFrom(e.ClrType)))
            {
                modelBuilder.Entity(entityType.ClrType).Property<DateTime>("CreatedAt");
                entityType.AddProperty("UpdatedBy", typeof(string));
            }
            """);
        var blog = Table(context, "Blogs").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("CreatedAt", blog);
        Assert.Contains("UpdatedBy", blog);
        Assert.DoesNotContain(Table(context, "Post").GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "CreatedAt");
        Assert.Contains("`CreatedAt`", markdown);
    }

    [Fact]
    public void Tables_renamed_to_lower_case_in_a_loop_are_renamed_and_a_later_ToTable_is_withheld()
    {
        var (_, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes()) entityType.SetTableName(entityType.GetTableName()!.ToLowerInvariant());
            """);
        Assert.Equal(new[] { "blogs", "post" }, context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).OrderBy(n => n));
        Assert.Equal("PK_blogs", Table(context, "blogs").GetProperty("primaryKey").GetProperty("name").GetString());

        var (markdown, later, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes()) entityType.SetTableName(entityType.GetTableName()!.ToLowerInvariant());
            modelBuilder.Entity<M.Post>().ToTable("Articles");
            """);
        Assert.True(Withheld(later));
        Assert.Empty(later.GetProperty("tables").EnumerateArray()); // not the names before the loop ("Blogs"), which EF Core does not use
        Assert.Contains("configured by code that DataDocGen does not evaluate (tables named by `ToTable` after this loop are not ordered with it)", markdown);
    }

    private const string ColumnLoop = """
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entityType.GetProperties())
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
        """;

    /// <summary>Judged by EF Core in the registry and audit fidelity models.</summary>
    [Fact]
    public void Columns_renamed_to_lower_case_in_a_loop_are_renamed_with_their_constraints()
    {
        var (markdown, context, _) = Run(ColumnLoop);
        var post = Table(context, "Post");
        Assert.Equal(new[] { "blogid", "id" }, post.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("FK_Post_Blogs_blogid", post.GetProperty("foreignKeys").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal("IX_Post_blogid", post.GetProperty("indexes").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Contains("| `blogid` | `System.Int32` | `int` | no |  | FK | Post.BlogId [Model.cs:", markdown);
        Assert.Contains("; `SetColumnName(GetColumnName().ToLowerInvariant())` [Model.cs:", markdown);
    }

    /// <summary>Shapes where the loop's effect is not modelled, each withheld with the note at the loop: configuration
    /// after the loop that may add or rename a column (EF Core keeps that later name), an owned type (EF Core refuses the
    /// model: "The keys {'Id'} on 'Blog' and {'BlogId'} on 'Address' are both mapped to 'Blogs.PK_Blogs', but with
    /// different columns"), a condition on the property, a culture-dependent ToLower and a hierarchy only partly reached.</summary>
    [Theory]
    [InlineData(ColumnLoop + "modelBuilder.Entity<M.Post>().Property(p => p.BlogId).HasColumnName(\"Blog\");", "", "configuration after this loop may add or rename columns it does not reach")]
    [InlineData("modelBuilder.Entity<M.Blog>().OwnsOne(b => b.Address);\n" + ColumnLoop, "BlogWithAddress", "columns renamed in a loop in a model with owned or complex types")]
    [InlineData("""
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entityType.GetProperties())
                if (property.ClrType == typeof(string)) property.SetColumnName(property.GetColumnName().ToLowerInvariant());
        """, "", "a condition of this loop")]
    [InlineData("""
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entityType.GetProperties())
                property.SetColumnName(property.GetColumnName().ToLower());
        """, "", "it may change any table or column of this context")]
    [InlineData("""
        modelBuilder.Entity<SpecialPost>();
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => typeof(M.IAuditable).IsAssignableFrom(e.ClrType)))
            foreach (var property in entityType.GetProperties())
                property.SetColumnName(property.GetColumnName().ToUpperInvariant());
        """, "public class SpecialPost : M.Post, M.IAuditable { public int Rank { get; set; } }", "but not of every type in its hierarchy")]
    public void Column_renames_in_shapes_not_modelled_withhold_the_schema(string body, string extra, string reason)
    {
        var (markdown, context, _) = extra.Contains("BlogWithAddress", StringComparison.Ordinal) ? RunWithAddress(body) : Run(body, extra);
        Assert.True(Withheld(context) || context.GetProperty("tables").GetArrayLength() == 0);
        Assert.Contains(reason, markdown);
    }

    private static (string Markdown, System.Text.Json.JsonElement Context, string Source) RunWithAddress(string body)
    {
        var source = "using System.Linq;\n" + Sources.Usings + """
            namespace M
            {
                public class Address { public string Street { get; set; } = ""; }
                public class Blog { public int Id { get; set; } public Address Address { get; set; } = null!; }
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=.;Database=M"); }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        BODY
                    }
                }
            }
            """.Replace("BODY", body.Replace("M.Blog", "Blog"));
        var sources = new Dictionary<string, string> { ["Model.cs"] = source };
        var output = GeneratorHarness.Run(sources);
        // EF Core itself refuses this model.
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        using var efContext = EfModelDumper.CreateContext(assembly.GetType("M.ModelContext", throwOnError: true)!, "SqlServer");
        var error = Assert.Throws<InvalidOperationException>(() => EfModelDumper.Dump(efContext));
        Assert.Contains("are both mapped to 'Blogs.PK_Blogs', but with different columns", error.Message);
        return (output.Markdown!, Json.Context(output.Json, "ModelContext"), source);
    }

    /// <summary>Names computed from the class name are read (judged in the singular, shouting and prefixes models), but
    /// not where EF Core would name a table after a CLR type it shares: an implicit join entity type is a
    /// <c>Dictionary&lt;string, object&gt;</c> (EF names its table "Dictionary`2"), and two classes of one name would share
    /// a table. Their table names are withheld, not left as they were before the loop.</summary>
    [Theory]
    [InlineData("foreach (var e in modelBuilder.Model.GetEntityTypes()) e.SetTableName(e.DisplayName());", "", new[] { "Blog", "Post" }, null)]
    [InlineData("foreach (var e in modelBuilder.Model.GetEntityTypes()) e.SetTableName($\"tbl_{e.ClrType.Name}\".ToLowerInvariant());", "", new[] { "tbl_blog", "tbl_post" }, null)]
    [InlineData("modelBuilder.Entity<M.Blog>().HasMany(b => b.Tags).WithMany(t => t.Blogs);\nforeach (var e in modelBuilder.Model.GetEntityTypes()) e.SetTableName(e.ClrType.Name);",
        "public class Tag { public int Id { get; set; } public List<M.Blog> Blogs { get; set; } = new(); }", null, "the name this loop gives `BlogTag`'s table")]
    [InlineData("modelBuilder.Entity<Other.Post>();\nforeach (var e in modelBuilder.Model.GetEntityTypes()) e.SetTableName(e.DisplayName());",
        "}\nnamespace Other { public class Post { public int Id { get; set; } }", null, "the loop gives several entity types the table `Post`")]
    public void Tables_named_after_their_class_in_a_loop(string body, string extra, string[]? tables, string? reason)
    {
        var (markdown, context, _) = extra.Contains("class Tag", StringComparison.Ordinal) ? RunWithTags(body, extra) : Run(body, extra);
        if (reason is null)
        {
            Assert.Equal(tables, context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).OrderBy(n => n, StringComparer.Ordinal));
            Assert.False(Withheld(context));
        }
        else
        {
            Assert.Empty(context.GetProperty("tables").EnumerateArray());
            Assert.Contains(reason, markdown);
        }
    }

    private static (string Markdown, System.Text.Json.JsonElement Context, string Source) RunWithTags(string body, string extra)
    {
        var source = "using System.Linq;\n" + Sources.Usings + """
            namespace M
            {
                public class Blog { public int Id { get; set; } public List<Tag> Tags { get; set; } = new(); }
                EXTRA
                public class ModelContext(DbContextOptions<ModelContext> o) : DbContext(o)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=M");
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        BODY
                    }
                }
            }
            """.Replace("BODY", body).Replace("EXTRA", extra);
        var output = GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = source });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return (output.Markdown!, Json.Context(output.Json, "ModelContext"), source);
    }

    [Fact]
    public void A_rename_that_cannot_be_evaluated_withholds_the_table_names_with_the_note_at_its_line()
    {
        var (markdown, context, source) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes()) entityType.SetTableName(entityType.GetTableName()!.ToSnakeCase());
            """, "public static class Naming { public static string ToSnakeCase(this string name) => name; }");
        var line = Json.LineOf(source, "entityType.SetTableName(entityType.GetTableName()!.ToSnakeCase");
        Assert.Empty(context.GetProperty("tables").EnumerateArray());
        Assert.Contains("Table names are not shown for this context because:", markdown);
        Assert.Contains("- configured by code that DataDocGen does not evaluate (`entityType.SetTableName(entityType.GetTableName() !.ToSnakeCase())`): it may change any table or column of this context "
                        + $"[Model.cs:{line}](Model.cs#L{line})", markdown);
    }

    [Fact]
    public void A_helper_or_reflection_call_in_a_model_loop_is_never_skipped()
    {
        var (markdown, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            {
                if (entityType.ClrType.Name.StartsWith("B")) modelBuilder.Entity(entityType.ClrType).Property<int>("Version");
            }
            """);
        Assert.True(Withheld(context));
        Assert.Contains("configured by code that DataDocGen does not evaluate (a condition of this loop)", markdown);

        (markdown, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                typeof(ModelContext).GetMethod("Configure")!.MakeGenericMethod(entityType.ClrType).Invoke(null, new object[] { modelBuilder });
            """);
        Assert.Empty(context.GetProperty("tables").EnumerateArray());
        // Code holding a string literal is not copied into the report (it may hold a secret): the line is cited instead.
        Assert.Contains("- configured by code that DataDocGen does not evaluate: it may change any table or column of this context [Model.cs:", markdown);
    }

    [Fact]
    public void Trap_a_loop_over_something_other_than_the_models_entity_types_is_not_taken_for_one()
    {
        var (markdown, context, _) = Run("""
            foreach (var type in typeof(M.Blog).Assembly.GetTypes().Where(t => typeof(M.IAuditable).IsAssignableFrom(t)))
                modelBuilder.Entity(type).Property<DateTime>("CreatedAt");
            """);
        Assert.True(Withheld(context));
        Assert.DoesNotContain(context.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("columns").EnumerateArray()), c => c.GetProperty("name").GetString() == "CreatedAt");
        Assert.Contains("`Entity` on the model builder is not evaluated", markdown);
    }

    [Fact]
    public void Trap_a_look_alike_SetTableName_on_an_unrelated_type_is_not_a_rename()
    {
        var (_, context, _) = Run("""
            var names = new Renamer();
            foreach (var entityType in modelBuilder.Model.GetEntityTypes()) names.SetTableName(entityType.GetTableName()!.ToLowerInvariant());
            """, "public class Renamer { public void SetTableName(string name) { } }");
        // Not EF Core's SetTableName: nothing is renamed, but a call in a model loop is still not evaluated, so the names are withheld.
        Assert.Empty(context.GetProperty("tables").EnumerateArray());

        (_, context, _) = Run("""
            var model = new FakeModel();
            foreach (var entityType in model.GetEntityTypes()) entityType.SetTableName(entityType.GetTableName().ToLowerInvariant());
            """, """
            public class FakeType { public string GetTableName() => "X"; public void SetTableName(string name) { } }
            public class FakeModel { public List<FakeType> GetEntityTypes() => new(); }
            """);
        Assert.Equal(new[] { "Blogs", "Post" }, context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).OrderBy(n => n));
        Assert.False(Withheld(context));
    }

    [Fact]
    public void Query_filter_loops_are_still_read_beside_the_new_idioms()
    {
        var (markdown, context, _) = Run("""
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            {
                if (!typeof(M.IAuditable).IsAssignableFrom(entityType.ClrType)) continue;
                var parameter = System.Linq.Expressions.Expression.Parameter(entityType.ClrType, "e");
                entityType.SetQueryFilter(System.Linq.Expressions.Expression.Lambda(System.Linq.Expressions.Expression.Constant(true), parameter));
                modelBuilder.Entity(entityType.ClrType).Property<bool>("IsDeleted");
            }
            """);
        Assert.False(Withheld(context));
        Assert.Contains(Table(context, "Blogs").GetProperty("columns").EnumerateArray(), c => c.GetProperty("name").GetString() == "IsDeleted");
        Assert.Contains("| entity types chosen in code at run time | set in code |", markdown);
    }
}
