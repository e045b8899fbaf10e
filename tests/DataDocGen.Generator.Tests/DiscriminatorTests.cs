using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Configured TPH discriminators; their columns are judged by EF Core in the "payments", "notices", "alerts" and "shelter" fidelity models.</summary>
public class DiscriminatorTests
{
    private const string Model = """
        namespace Billing
        {
            public abstract class Notice { public int Id { get; set; } public string Kind { get; set; } = ""; }
            public class Reminder : Notice { public int Level { get; set; } }
            public class FinalDemand : Notice { }
            public class BillingContext : DbContext
            {
                static string Value() => "r";
                public DbSet<Notice> Notices => Set<Notice>();
                public DbSet<Reminder> Reminders => Set<Reminder>();
                public DbSet<FinalDemand> FinalDemands => Set<FinalDemand>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite("Data Source=b.db");
                protected override void OnModelCreating(ModelBuilder m) => m.Entity<Notice>().CONFIG;
            }
        }
        """;

    [Fact]
    public void The_configured_column_and_values_are_shown()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("CONFIG",
            "HasDiscriminator<string>(\"NoticeKind\").HasValue<Reminder>(\"reminder\").HasValue<FinalDemand>(\"final\")"))));

        Assert.Contains("| `NoticeKind` | `System.String` | `TEXT` | no | 8 |  | discriminator: FinalDemand = 'final', Reminder = 'reminder' [Billing.cs:", output.Markdown);
    }

    [Fact]
    public void A_property_mapped_as_the_discriminator_is_its_column_with_the_configuration_as_evidence()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("CONFIG",
            "HasDiscriminator(n => n.Kind).HasValue<Reminder>(\"reminder\").HasValue<FinalDemand>(\"final\")"))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("| `Kind` | `System.String` | `TEXT` | no | 8 |  | Notice.Kind [Billing.cs:", output.Markdown);
        Assert.Contains("; `HasDiscriminator(x => x.Kind)` [Billing.cs:", output.Markdown);
        Assert.Contains("`HasValue<Reminder>(\"reminder\")` [Billing.cs:", output.Markdown);
        Assert.DoesNotContain("| `Discriminator` |", output.Markdown);
    }

    [Theory]
    [InlineData("public enum Kinds { Reminder, FinalDemand } public abstract class Notice { public int Id { get; set; } public Kinds Kind { get; set; } }",
        "HasDiscriminator(n => n.Kind).HasValue<Reminder>(Kinds.Reminder)", "`FinalDemand` has no discriminator value")]
    [InlineData("public abstract class Notice { public int Id { get; set; } public long Kind { get; set; } }", "HasDiscriminator(n => n.Kind)", "this form of `HasDiscriminator`")]
    public void Property_discriminators_EF_Core_rejects_or_DataDocGen_does_not_model_withhold_the_schema(string root, string configuration, string reason)
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("public abstract class Notice { public int Id { get; set; } public string Kind { get; set; } = \"\"; }", root)
            .Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains(reason, StringComparison.Ordinal));
    }

    /// <summary>An int or enum discriminator without a value for a concrete type: EF Core refuses to build the model
    /// ("The entity type 'FinalDemand' has a discriminator property, but does not have a discriminator value configured."),
    /// so there is no schema to state; DataDocGen withholds it with the reason.</summary>
    [Theory]
    [InlineData("public abstract class Notice { public int Id { get; set; } }", "HasDiscriminator<int>(\"NoticeKind\").HasValue<Reminder>(1)")]
    [InlineData("public enum Kinds { Reminder, FinalDemand } public abstract class Notice { public int Id { get; set; } public Kinds Kind { get; set; } }",
        "HasDiscriminator(n => n.Kind).HasValue<Reminder>(Kinds.Reminder)")]
    [InlineData("public enum Kinds { Reminder, FinalDemand } public abstract class Notice { public int Id { get; set; } public Kinds Kind { get; set; } }",
        "HasDiscriminator(n => n.Kind).HasValue<Reminder>(Kinds.Reminder); m.Entity<Notice>().Property(n => n.Kind).HasConversion<string>()")]
    public void A_discriminator_that_is_not_a_string_with_a_type_left_without_a_value_is_withheld_as_EF_Core_throws(string root, string configuration)
    {
        var sources = Sources.With(("Billing.cs", Model.Replace("public abstract class Notice { public int Id { get; set; } public string Kind { get; set; } = \"\"; }", root)
            .Replace("protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite(\"Data Source=b.db\");",
                "public BillingContext(DbContextOptions<BillingContext> options) : base(options) { }")
            .Replace("=> m.Entity<Notice>().CONFIG;", "{ m.Entity<Notice>().CONFIG; }").Replace("CONFIG", configuration)));
        var output = GeneratorHarness.Run(sources);

        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "`FinalDemand` has no discriminator value (EF Core requires one for a discriminator that is not a string)");
        var assembly = EfModel.Load(GeneratorHarness.Compile(sources));
        foreach (var provider in new[] { "SqlServer", "Sqlite", "Npgsql" })
        {
            using var context = EfModelDumper.CreateContext(assembly.GetType("Billing.BillingContext", throwOnError: true)!, provider);
            var error = Assert.Throws<InvalidOperationException>(() => EfModelDumper.Dump(context));
            Assert.Contains("'FinalDemand' has a discriminator property, but does not have a discriminator value configured", error.Message);
        }
    }

    /// <summary>A named discriminator and a shadow property of that name are one property to EF Core: its facets and
    /// converter shape the column (judged in the shelter model; DataDocGen stated the convention's nvarchar(8) before): a
    /// converter to int makes it an INTEGER column, whose max length stays the convention's.
    /// A shadow property of another type is withheld.</summary>
    [Theory]
    [InlineData("HasDiscriminator<string>(\"NoticeKind\"); m.Entity<Notice>().Property<string>(\"NoticeKind\").HasMaxLength(40)", "| `NoticeKind` | `System.String` | `TEXT` | no | 40 |", null)]
    [InlineData("Property<string>(\"NoticeKind\").HasConversion(v => v.Length, v => \"\"); m.Entity<Notice>().HasDiscriminator<string>(\"NoticeKind\")", "| `NoticeKind` | `System.String` | `INTEGER` | no | 13 |", null)]
    [InlineData("HasDiscriminator<int>(\"NoticeKind\").HasValue<Reminder>(1).HasValue<FinalDemand>(2); m.Entity<Notice>().Property<int?>(\"NoticeKind\")", null, "`Property` configures the discriminator `NoticeKind` with another type")]
    [InlineData("Property<long>(\"NoticeKind\"); m.Entity<Notice>().HasDiscriminator<int>(\"NoticeKind\").HasValue<Reminder>(1).HasValue<FinalDemand>(2)", null, "`HasDiscriminator` names a shadow property of another type")]
    public void A_shadow_property_named_as_the_discriminator_is_its_column(string configuration, string? row, string? reason)
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("=> m.Entity<Notice>().CONFIG;", "{ m.Entity<Notice>().CONFIG; }").Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().ToList();
        if (reason is null)
        {
            Assert.Empty(incomplete);
            Assert.Contains(row!, output.Markdown);
        }
        else
        {
            Assert.Contains(incomplete.Single().GetProperty("reasons").EnumerateArray(), r => r.GetString() == reason);
        }
    }

    [Theory]
    [InlineData("HasDiscriminator<string>(\"Kind\")")]
    [InlineData("HasDiscriminator<long>(\"NoticeKind\")")]
    [InlineData("HasDiscriminator<string>(\"NoticeKind\").HasValue(typeof(Reminder), \"r\")")]
    [InlineData("HasDiscriminator<string>(\"NoticeKind\").HasValue<Reminder>(Value())")]
    public void Other_forms_withhold_the_schema(string configuration)
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("HasDiscriminator") || r.GetString()!.Contains("HasValue"));
    }
}
