using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Schema;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>The few schema facts that depend on the EF Core version a context is compiled against. EF Core 8, 9 and 10
/// judge them in DataDocGen.Ef8.Tests, Ef9.Tests and the fidelity suite; here the version read from the compilation, and
/// the rules for versions no test project runs (the schema built from the same context spec with another version).</summary>
public class EfCoreVersionTests
{
    private const string Model = """
        namespace Versions
        {
            using System.ComponentModel.DataAnnotations.Schema;
            public abstract class Payment { public int Id { get; set; } public decimal Amount { get; set; } }
            public class CardPayment : Payment { public string Last4 { get; set; } = ""; }
            public class TransferPayment : Payment { public string Iban { get; set; } = ""; }
            [ComplexType] public class Money { public decimal Amount { get; set; } public string Currency { get; set; } = ""; }
            public class Refund { public int Id { get; set; } public Money? Fee { get; set; } }
            public class PaymentsContext(DbContextOptions<PaymentsContext> options) : DbContext(options)
            {
                public DbSet<Payment> Payments => Set<Payment>();
                public DbSet<CardPayment> CardPayments => Set<CardPayment>();
                public DbSet<TransferPayment> TransferPayments => Set<TransferPayment>();
                REFUNDS
            }
        }
        """;

    /// <param name="refunds">With the refunds' optional complex property (a context with an unreadable part builds no tables).</param>
    private static DbContextSpec Spec(bool refunds = false)
    {
        var source = Model.Replace("REFUNDS", refunds ? "public DbSet<Refund> Refunds => Set<Refund>();" : "");
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + source });
        var context = compilation.GetTypeByMetadataName("Versions.PaymentsContext")!;
        return DbContextParser.Parse(context, compilation, CancellationToken.None);
    }

    private static SchemaResult Build(DbContextSpec spec) =>
        SchemaBuilder.Build(spec, [], spec.Model.Mappings.ToList(), null, "SqlServer");

    [Fact]
    public void The_version_is_read_from_the_assembly_that_declares_DbContext()
    {
        Assert.Equal(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.GetName().Version!.Major, Spec().EfCoreMajorVersion);
    }

    [Theory]
    [InlineData(10, 21, "nvarchar(21)")]
    [InlineData(8, 21, "nvarchar(21)")]
    [InlineData(7, null, "nvarchar(max)")]
    [InlineData(6, null, "nvarchar(max)")]
    [InlineData(0, 21, "nvarchar(21)")]
    public void The_discriminator_gets_a_max_length_by_convention_from_EF_Core_8(int version, int? maxLength, string storeType)
    {
        var spec = Spec() with { EfCoreMajorVersion = version };
        var payments = Build(spec).Tables.Single(t => t.Name == "Payments");
        var discriminator = payments.Columns.Single(c => c.Name == "Discriminator");
        Assert.Equal(maxLength, discriminator.MaxLength);
        Assert.Equal(storeType, discriminator.StoreType);
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(9, true)]
    [InlineData(8, true)]
    public void An_optional_complex_property_is_withheld_where_EF_Core_refuses_it(int version, bool withheld)
    {
        var unknown = Build(Spec(refunds: true) with { EfCoreMajorVersion = version }).Unknown;
        Assert.Equal(withheld, unknown.Any(u => u.What.Contains("optional complex property `Refund.Fee`", StringComparison.Ordinal)));
    }
}
