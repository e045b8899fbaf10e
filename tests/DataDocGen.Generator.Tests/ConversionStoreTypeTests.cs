using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Store types of converted columns (issue 3). EF Core judges the stated ones in the "payments", "ledger" and
/// "catalog" fidelity models (<c>Fidelity/ConversionModels</c>); here: the report's row, and the converters whose
/// provider type or hints the code does not state, which keep the store type blank.</summary>
public class ConversionStoreTypeTests
{
    private const string Model = """
        namespace Billing
        {
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            public enum State { Open, Paid }
            public class Invoice { public int Id { get; set; } public Guid Token { get; set; } public State State { get; set; } public string Code { get; set; } = ""; }
            public partial class BillingContext : DbContext
            {
                private ValueConverter<Guid, string> _writable = new GuidToStringConverter();
                public DbSet<Invoice> Invoices => Set<Invoice>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.;Database=Billing");
                protected override void OnModelCreating(ModelBuilder m)
                {
                    CONFIG;
                }
            }
            DECLARATIONS
        }
        """;

    private static string Row(string configuration, string column, string declarations = "")
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("CONFIG", configuration).Replace("DECLARATIONS", declarations))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output.Markdown!.Split('\n').Single(l => l.StartsWith("| `" + column + "` |", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("m.Entity<Invoice>().Property(i => i.Token).HasConversion<string>()", "Token", "| `Token` | `System.Guid` | `nvarchar(36)` | no |")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Token).HasConversion<string>().HasMaxLength(40)", "Token", "| `Token` | `System.Guid` | `nvarchar(40)` | no | 40 |")]
    [InlineData("m.Entity<Invoice>().Property(i => i.State).HasConversion<string>()", "State", "| `State` | `Billing.State` | `nvarchar(max)` | no |")]
    [InlineData("m.Entity<Invoice>().Property(i => i.State).HasConversion(v => v.ToString(), v => Enum.Parse<State>(v)).HasMaxLength(8)", "State", "| `State` | `Billing.State` | `nvarchar(8)` | no | 8 |")]
    [InlineData("var c = new EnumToNumberConverter<State, byte>(); m.Entity<Invoice>().Property(i => i.State).HasConversion(c)", "State", "| `State` | `Billing.State` | `tinyint` | no |")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Code).HasConversion<int>()", "Code", "| `Code` | `System.String` | `int` | no |")]
    public void A_converter_whose_provider_type_the_code_states_gives_the_store_type(string configuration, string column, string row)
    {
        Assert.StartsWith(row, Row(configuration, column));
    }

    [Fact]
    public void A_converter_in_a_readonly_field_counts_unless_a_constructor_assigns_it()
    {
        const string field = "public partial class BillingContext { private readonly ValueConverter<Guid, string> _tokens = new GuidToStringConverter(); ASSIGN }";
        const string configuration = "m.Entity<Invoice>().Property(i => i.Token).HasConversion(_tokens)";
        Assert.StartsWith("| `Token` | `System.Guid` | `nvarchar(36)` |", Row(configuration, "Token", field.Replace("ASSIGN", "")));
        Assert.Matches(@"^\| `Token` \| `System.Guid` \|  \|", Row(configuration, "Token",
            field.Replace("ASSIGN", "public BillingContext() { _tokens = new GuidToStringConverter(new ConverterMappingHints(size: 50)); }")));
    }

    [Theory]
    // Hints given at run time: a constructor argument, a base constructor passing them, an overridden MappingHints.
    [InlineData("m.Entity<Invoice>().Property(i => i.State).HasConversion(new EnumToStringConverter<State>(new ConverterMappingHints(size: 20)))", "State", "")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Code).HasConversion<Hinted>()", "Code",
        "public class Hinted : ValueConverter<string, string> { public Hinted() : base(v => v, v => v, new ConverterMappingHints(size: 9)) { } }")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Code).HasConversion<Overriding>()", "Code",
        "public class Overriding : ValueConverter<string, string> { public Overriding() : base(v => v, v => v) { } public override ConverterMappingHints? MappingHints => new(size: 9); }")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Code).HasConversion<Chained>()", "Code",
        "public class Chained : ValueConverter<string, string> { public Chained() : this(new ConverterMappingHints(size: 9)) { } public Chained(ConverterMappingHints h) : base(v => v, v => v, h) { } }")]
    // A project converter deriving from a built-in one (whose hints it may pass on): not read.
    [InlineData("m.Entity<Invoice>().Property(i => i.State).HasConversion<StateText>()", "State",
        "public class StateText : EnumToStringConverter<State> { public StateText() : base(new ConverterMappingHints(size: 9)) { } }")]
    // A converter held in a variable assigned again, or in a writable field.
    [InlineData("var c = new GuidToStringConverter(); c = new GuidToStringConverter(new ConverterMappingHints(size: 50)); m.Entity<Invoice>().Property(i => i.Token).HasConversion(c)", "Token", "")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Token).HasConversion(_writable)", "Token", "")]
    // A converter returned by a method, a nullable provider type, a provider type without a known converter.
    [InlineData("m.Entity<Invoice>().Property(i => i.Token).HasConversion(Converters.ForGuid())", "Token",
        "public static class Converters { public static ValueConverter<Guid, string> ForGuid() => new GuidToStringConverter(new ConverterMappingHints(size: 50)); }")]
    [InlineData("m.Entity<Invoice>().Property(i => i.State).HasConversion<int?>()", "State", "")]
    [InlineData("m.Entity<Invoice>().Property(i => i.Token).HasConversion<decimal>()", "Token", "")]
    // Trap: a project extension method named HasConversion is not EF Core's (and is not evaluated).
    [InlineData("m.Entity<Invoice>().Property(i => i.Code).HasConversion(\"upper\")", "Code",
        "public static class Mine { public static PropertyBuilder<string> HasConversion(this PropertyBuilder<string> b, string how) => b; }")]
    public void A_converter_whose_provider_type_or_hints_the_code_does_not_state_leaves_the_store_type_blank(string configuration, string column, string declarations)
    {
        var row = Row(configuration, column, declarations);
        Assert.Matches(@"^\| `" + column + @"` \| `[^`]+` \|  \|", row);
    }

    /// <summary>A converter class from another assembly: its constructors (and the hints they may pass) cannot be read,
    /// so the store type is withheld, for a built assembly and for a project an IDE references as a compilation alike.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_converter_from_another_assembly_leaves_the_store_type_blank(bool asImage)
    {
        const string library = """
            namespace Converters
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public sealed class Trimmed : ValueConverter<string, string>
                {
                    public Trimmed() : base(v => v.Trim(), v => v, new ConverterMappingHints(size: 9)) { }
                }
                public static class Shared { public static readonly ValueConverter<string, string> Upper = new ValueConverter<string, string>(v => v.ToUpperInvariant(), v => v); }
            }
            """;
        var compiled = GeneratorHarness.Compile(new Dictionary<string, string> { ["Converters.cs"] = Sources.Usings + library }, "Converters");
        Microsoft.CodeAnalysis.MetadataReference reference;
        if (asImage)
        {
            using var image = new MemoryStream();
            Assert.True(compiled.Emit(image).Success);
            reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
        }
        else
        {
            reference = compiled.ToMetadataReference();
        }
        foreach (var configuration in new[] { "m.Entity<Invoice>().Property(i => i.Code).HasConversion<Converters.Trimmed>()", "m.Entity<Invoice>().Property(i => i.Code).HasConversion(Converters.Shared.Upper)" })
        {
            var output = GeneratorHarness.Run(Sources.With(("Billing.cs", Model.Replace("CONFIG", configuration).Replace("DECLARATIONS", ""))), extraReferences: new[] { reference });
            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
            Assert.Empty(output.Diagnostics);
            Assert.Matches(@"^\| `Code` \| `System.String` \|  \|", output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Code` |", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_foreign_key_with_facets_of_its_own_referencing_a_converted_key_is_not_stated()
    {
        const string declarations = "public class Line { public int Id { get; set; } public Guid InvoiceToken { get; set; } }";
        var configuration = "m.Entity<Invoice>().HasAlternateKey(i => i.Token); m.Entity<Invoice>().Property(i => i.Token).HasConversion<string>(); "
                            + "m.Entity<Line>().HasOne<Invoice>().WithMany().HasForeignKey(l => l.InvoiceToken).HasPrincipalKey(i => i.Token); ";
        // Without facets the foreign key takes the key's converter and store type (EF judge: payments model's MerchantId).
        Assert.StartsWith("| `InvoiceToken` | `System.Guid` | `nvarchar(36)` |", Row(configuration + "m.Entity<Line>().Property(l => l.InvoiceToken)", "InvoiceToken", declarations));
        Assert.Matches(@"^\| `InvoiceToken` \| `System.Guid` \|  \|", Row(configuration + "m.Entity<Line>().Property(l => l.InvoiceToken).HasPrecision(3)", "InvoiceToken", declarations));
    }
}
