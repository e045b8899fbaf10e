using Microsoft.CodeAnalysis;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Self-referencing many-to-many joins; their tables are judged by EF Core in the "social" fidelity model.</summary>
public class ManyToManyTests
{
    private const string Model = """
        using System.Collections.Generic;
        namespace Social
        {
            public class Member
            {
                public int Id { get; set; }
                public List<Member> Followers { get; set; } = new();
                public List<Member> Following { get; set; } = new();
            }
            public class SocialContext : DbContext
            {
                public DbSet<Member> Members => Set<Member>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => PROVIDER;
            }
        }
        """;

    [Fact]
    public void A_self_referencing_join_on_SQL_Server_cascades_through_one_foreign_key_only()
    {
        var output = GeneratorHarness.Run(Sources.With(("Social.cs", Model.Replace("PROVIDER", "b.UseSqlServer(\"Server=.;Database=Social\")"))));

        Assert.Contains("on delete Cascade: [Social.cs:", output.Markdown);
        Assert.Contains("- Foreign key `FK_MemberMember_Members_FollowingId` (`FollowingId`) references `Members` (`Id`), on delete NoAction", output.Markdown);
        Assert.Contains("Cascade (join rows), by the database through one foreign key and by EF Core only through the other", output.Markdown);
    }

    [Fact]
    public void A_self_referencing_join_with_an_unknown_provider_withholds_the_schema()
    {
        var output = GeneratorHarness.Run(Sources.With(("Social.cs", Model.Replace("PROVIDER", "b.UseSomethingElse()")
            .Replace("public class SocialContext", "public static class Ext { public static DbContextOptionsBuilder UseSomethingElse(this DbContextOptionsBuilder b) => b; }\n    public class SocialContext"))));

        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains("depends on the database provider", incomplete.GetProperty("reasons")[0].GetString());
        Assert.DoesNotContain("MemberMember", output.Markdown);
    }

    [Theory]
    [InlineData("UsingEntity(j => j.ToTable(\"Links\", \"social\"))")]
    [InlineData("UsingEntity(j => { j.ToTable(\"Links\"); })")]
    [InlineData("UsingEntity(\"Links\", r => r.HasOne(typeof(Member)).WithMany().HasForeignKey(\"A\"), l => l.HasOne(typeof(Member)).WithMany().HasForeignKey(\"B\"))")]
    [InlineData("UsingEntity(Name())")]
    public void Other_forms_of_UsingEntity_withhold_the_schema(string call)
    {
        var source = Model.Replace("PROVIDER", "b.UseSqlite(\"Data Source=s.db\")")
            .Replace("public DbSet<Member> Members => Set<Member>();",
                "public DbSet<Member> Members => Set<Member>();\n static string Name() => \"Links\";\n protected override void OnModelCreating(ModelBuilder m) => m.Entity<Member>().HasMany(x => x.Followers).WithMany(x => x.Following)." + call + ";");
        var output = GeneratorHarness.Run(Sources.With(("Social.cs", source)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.NotEmpty(incomplete.GetProperty("reasons").EnumerateArray()); // the UsingEntity call, or the ToTable inside it
        Assert.DoesNotContain("Links", output.Markdown);
    }

    [Fact]
    public void A_self_referencing_property_bag_join_without_foreign_key_names_withholds_its_detail()
    {
        // The scaffolder's form (UsingEntity<Dictionary<string, object>>("Name", r => ..., l => ..., j => ...)) is judged by EF
        // in the "scaffolded joins" fidelity model; here both lambdas name no foreign key, which DataDocGen cannot pair with
        // the two ends of a self-referencing join (EF names them FollowersId and FollowingId). The table's name is known.
        var source = Model.Replace("PROVIDER", "b.UseSqlite(\"Data Source=s.db\")")
            .Replace("public DbSet<Member> Members => Set<Member>();",
                "public DbSet<Member> Members => Set<Member>();\n protected override void OnModelCreating(ModelBuilder m) => m.Entity<Member>().HasMany(x => x.Followers).WithMany(x => x.Following)"
                + ".UsingEntity<Dictionary<string, object>>(\"Links\", r => r.HasOne<Member>().WithMany(), l => l.HasOne<Member>().WithMany());");
        var output = GeneratorHarness.Run(Sources.With(("Social.cs", source)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("`UsingEntity<Dictionary<string, object>>(\"Links\")`: a self-referencing join class", StringComparison.Ordinal));
    }

    private const string School = """
        using System.Collections.Generic;
        namespace School
        {
            public class Student { public int Id { get; set; } public List<Course> Courses { get; set; } = new(); }
            public class Course { public int Id { get; set; } public List<Student> Students { get; set; } = new(); }
            public class Enrollment { MEMBERS }
            public class SchoolContext : DbContext
            {
                public DbSet<Student> Students => Set<Student>();
                EXTRA
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite("Data Source=s.db");
                protected override void OnModelCreating(ModelBuilder m) => m.Entity<Student>().HasMany(s => s.Courses).WithMany(c => c.Students).UsingEntity<Enrollment>();
            }
        }
        """;

    /// <summary>Shapes EF Core rejects or that DataDocGen does not model, each withheld with its reason: a navigation on
    /// a join class that only UsingEntity makes an entity (EF Core throws: two relationships could use StudentId), a
    /// property named like the foreign key but of another type (EF then adds a shadow one with a numbered name,
    /// StudentsId1), a member in the way of the shadow foreign key, and a self-referencing join class.</summary>
    [Theory]
    [InlineData("public int StudentId { get; set; } public int CourseId { get; set; } public Student Student { get; set; } = null!;", "", "is not configured in UsingEntity and the join class is not otherwise an entity type")]
    [InlineData("public long StudentsId { get; set; } public int CourseId { get; set; }", "", "property `StudentsId` looks like the foreign key to `Student` but is of another type")]
    [InlineData("public System.Guid StudentId { get; set; } public int CourseId { get; set; }", "", "property `StudentId` looks like the foreign key to `Student` but is of another type")]
    [InlineData("[System.ComponentModel.DataAnnotations.Schema.NotMapped] public int StudentsId { get; set; } public int CourseId { get; set; }", "", "the shadow foreign key `StudentsId` EF Core would add to `Enrollment` clashes with a member")]
    [InlineData("public int StudentId { get; set; } public int CourseId { get; set; }", "SELF", "a self-referencing join class whose relationship to `Student` is not configured in UsingEntity's configureLeft lambda")]
    public void Join_classes_in_other_shapes_withhold_the_schema(string members, string extra, string reason)
    {
        var source = School.Replace("MEMBERS", members).Replace("EXTRA", "");
        if (extra == "SELF") source = source.Replace("public class Student { public int Id { get; set; }", "public class Student { public int Id { get; set; } public List<Student> Mentors { get; set; } = new(); public List<Student> Mentees { get; set; } = new();")
            .Replace("m.Entity<Student>().HasMany(s => s.Courses).WithMany(c => c.Students)", "m.Entity<Student>().HasMany(s => s.Mentors).WithMany(s => s.Mentees)");
        var output = GeneratorHarness.Run(Sources.With(("School.cs", source)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain("##### Table `Enrollment", output.Markdown);
    }

    [Fact]
    public void A_join_class_exposed_as_a_DbSet_is_keyed_by_its_foreign_keys_in_name_order_and_indexed_on_the_second()
    {
        var output = GeneratorHarness.Run(Sources.With(("School.cs", School.Replace("MEMBERS", "public int StudentId { get; set; } public int CourseId { get; set; }")
            .Replace("EXTRA", "public DbSet<Enrollment> Enrollments => Set<Enrollment>();"))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("- Primary key `PK_Enrollments` (`CourseId`, `StudentId`)", output.Markdown);
        Assert.Contains("- Index `IX_Enrollments_StudentId` (`StudentId`)", output.Markdown);
    }

    /// <summary>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("Links") is UsingEntity("Links") (EF judge: links model).</summary>
    [Fact]
    public void A_property_bag_join_entity_named_in_code_is_the_join_table()
    {
        var source = Model.Replace("PROVIDER", "b.UseSqlite(\"Data Source=s.db\")")
            .Replace("public DbSet<Member> Members => Set<Member>();",
                "public DbSet<Member> Members => Set<Member>();\n protected override void OnModelCreating(ModelBuilder m) => m.Entity<Member>().HasMany(x => x.Followers).WithMany(x => x.Following).UsingEntity<Dictionary<string, object>>(\"Links\");");
        var output = GeneratorHarness.Run(Sources.With(("Social.cs", source)));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("- Primary key `PK_Links` (`FollowersId`, `FollowingId`)", output.Markdown);
    }

    /// <summary>A self-referencing join class whose relationships are not configured in UsingEntity's lambdas: EF Core
    /// adds two shadow foreign keys and then refuses the model ("The entity type 'Enrollment' requires a primary key to be
    /// defined"), so there is nothing to state. A shared-type join class that is also an entity type of its own is refused
    /// by EF Core too.</summary>
    [Fact]
    public void A_self_referencing_join_class_without_configured_relationships_is_withheld_as_EF_Core_refuses_it()
    {
        var sources = Sources.With(("School.cs", School.Replace("MEMBERS", "public System.DateTime Since { get; set; }").Replace("EXTRA", "")
            .Replace("public class Student { public int Id { get; set; }", "public class Student { public int Id { get; set; } public List<Student> Mentors { get; set; } = new(); public List<Student> Mentees { get; set; } = new();")
            .Replace("m.Entity<Student>().HasMany(s => s.Courses).WithMany(c => c.Students)", "m.Entity<Student>().HasMany(s => s.Mentors).WithMany(s => s.Mentees)")
            .Replace("protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite(\"Data Source=s.db\");",
                "public SchoolContext(DbContextOptions<SchoolContext> options) : base(options) { }")));
        var output = GeneratorHarness.Run(sources);

        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("a self-referencing join class whose relationship to `Student` is not configured", StringComparison.Ordinal));
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        using var context = EfModelDumper.CreateContext(assembly.GetType("School.SchoolContext", throwOnError: true)!, "Sqlite");
        var error = Assert.Throws<InvalidOperationException>(() => EfModelDumper.Dump(context));
        Assert.Contains("The entity type 'Enrollment' requires a primary key to be defined", error.Message);
    }

    [Fact]
    public void A_shared_type_join_class_that_is_also_an_entity_type_is_withheld()
    {
        var output = GeneratorHarness.Run(Sources.With(("School.cs", School.Replace("MEMBERS", "public int StudentsId { get; set; } public int CoursesId { get; set; }")
            .Replace("EXTRA", "public DbSet<Enrollment> Enrollments => Set<Enrollment>();").Replace(".UsingEntity<Enrollment>()", ".UsingEntity<Enrollment>(\"Enrolments\")"))));

        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("on a class that is also an entity type of its own", StringComparison.Ordinal));
    }

    /// <summary>EF judge: the seats fidelity model (EF adds shadow foreign keys [inverse skip navigation][key]).</summary>
    [Fact]
    public void A_join_class_without_foreign_key_properties_gets_shadow_ones_named_after_the_inverse_skip_navigations()
    {
        var output = GeneratorHarness.Run(Sources.With(("School.cs", School.Replace("MEMBERS", "public System.DateTime EnrolledOn { get; set; }").Replace("EXTRA", ""))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("- Primary key `PK_Enrollment` (`CoursesId`, `StudentsId`)", output.Markdown);
        Assert.Contains("- Foreign key `FK_Enrollment_Students_StudentsId` (`StudentsId`) references `Students` (`Id`), on delete Cascade", output.Markdown);
        Assert.Contains("- Index `IX_Enrollment_StudentsId` (`StudentsId`)", output.Markdown);
    }

    /// <summary>EF orders an implicit join table's key by its foreign key property names, not by entity (EF judge: seats
    /// model, Dorm.Occupants / Student.Residences): OccupantsId before ResidencesId although Dorm sorts before Student.</summary>
    [Fact]
    public void An_implicit_join_table_is_keyed_in_foreign_key_property_name_order()
    {
        var source = School.Replace("public class Enrollment { MEMBERS }", "")
            .Replace("public List<Course> Courses { get; set; } = new(); }", "public List<Course> Courses { get; set; } = new(); public List<Dorm> Residences { get; set; } = new(); }\n public class Dorm { public int Id { get; set; } public List<Student> Occupants { get; set; } = new(); }")
            .Replace(".UsingEntity<Enrollment>()", "").Replace("EXTRA", "");
        var output = GeneratorHarness.Run(Sources.With(("School.cs", source)));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("- Primary key `PK_DormStudent` (`OccupantsId`, `ResidencesId`)", output.Markdown);
        Assert.Contains("- Index `IX_DormStudent_ResidencesId` (`ResidencesId`)", output.Markdown);
    }

    [Fact]
    public void A_join_class_of_plain_properties_is_its_own_table()
    {
        var output = GeneratorHarness.Run(Sources.With(("School.cs", School.Replace("MEMBERS", "public int StudentId { get; set; } public int CourseId { get; set; } public System.DateTime EnrolledOn { get; set; }").Replace("EXTRA", ""))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("- Primary key `PK_Enrollment` (`CourseId`, `StudentId`)", output.Markdown);
        Assert.Contains("| `EnrolledOn` | `System.DateTime` | `TEXT` | no |", output.Markdown);
    }
}
