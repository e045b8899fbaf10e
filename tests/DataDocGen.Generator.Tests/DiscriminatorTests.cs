using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Configured TPH discriminators; their columns are judged by EF Core in the "payments", "notices" and "alerts" fidelity models.</summary>
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
