using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Owned-type builder lambdas; the forms read are judged by EF Core in the "shipping" and "postal" fidelity models.</summary>
public class OwnedBuilderTests
{
    private const string Model = """
        using System.Collections.Generic;
        namespace Shipping
        {
            public class Geo { public double Lat { get; set; } }
            public class Address { public string Street { get; set; } = ""; public Geo? Geo { get; set; } }
            public class Parcel
            {
                public int Id { get; set; }
                public Address? Destination { get; set; }
                public List<Address> Stops { get; set; } = new();
            }
            public class ShippingContext : DbContext
            {
                public DbSet<Parcel> Parcels => Set<Parcel>();
                protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlite("Data Source=s.db");
                protected override void OnModelCreating(ModelBuilder m) => m.Entity<Parcel>(p => { p.OwnsMany(x => x.Stops); CONFIG; });
            }
        }
        """;

    [Fact]
    public void A_property_configured_in_the_lambda_shapes_the_owners_column()
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping.cs", Model.Replace(" public Geo? Geo { get; set; }", "").Replace("CONFIG",
            "p.OwnsOne(x => x.Destination, d => { d.Property(a => a.Street).HasMaxLength(80).HasColumnName(\"DestStreet\"); d.WithOwner(); })"))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("| `DestStreet` | `System.String` | `TEXT` | yes | 80 |", output.Markdown);
    }

    [Theory]
    [InlineData("p.OwnsOne(x => x.Destination, d => d.OwnsOne(a => a.Geo, g => g.Property(x => x.Lat).HasColumnName(\"DestLat\")))")]
    [InlineData("p.OwnsOne(x => x.Destination).OwnsOne(a => a.Geo).Property(x => x.Lat).HasColumnName(\"DestLat\")")]
    public void A_nested_owned_reference_is_stored_in_the_owners_table_nullable_through_its_optional_navigations(string configuration)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping.cs", Model.Replace("p.OwnsMany(x => x.Stops); ", "").Replace("public List<Address> Stops { get; set; } = new();", "").Replace("CONFIG", configuration))));

        Assert.Empty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
        Assert.Contains("| `DestLat` | `System.Double` | `REAL` | yes |", output.Markdown);
        Assert.Contains("| `Destination_Street` | `System.String` | `TEXT` | yes |", output.Markdown);
    }

    [Theory]
    [InlineData("public List<Geo> Points { get; set; } = new();", "p.OwnsOne(x => x.Destination, d => { d.OwnsOne(a => a.Geo); d.OwnsMany(a => a.Points); })", "`OwnsMany` is not evaluated yet")]
    [InlineData("", "p.OwnsOne(x => x.Destination, d => d.OwnsOne(a => a.Geo)).Property(x => x.Id).HasColumnName(\"Key\")", "calls chained after `OwnsOne`/`OwnsMany` with a builder lambda")]
    [InlineData("", "p.OwnsOne(x => x.Destination, d => d.OwnsOne(a => a.Geo).ToJson())", "`ToJson` on a nested owned type")]
    public void Nested_owned_forms_not_modelled_withhold_the_schema_with_a_note(string member, string configuration, string reason)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping.cs", Model.Replace("p.OwnsMany(x => x.Stops); ", "").Replace("public List<Address> Stops { get; set; } = new();", "")
            .Replace("public Geo? Geo { get; set; }", "public Geo? Geo { get; set; } " + member).Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(reason, output.Markdown);
    }

    /// <summary>EF Core maps an owned type with <c>ToTable</c> to that table (<c>ParcelStops</c>, <c>Destinations</c>);
    /// DataDocGen used to ignore the call and state the default tables. Now withheld at the call's line.</summary>
    [Theory]
    [InlineData("p.OwnsMany(x => x.Stops).ToTable(\"ParcelStops\")")]
    [InlineData("p.OwnsOne(x => x.Destination).ToTable(\"Destinations\")")]
    [InlineData("p.OwnsOne(x => x.Destination).ToView(\"Destinations\")")]
    public void ToTable_on_an_owned_builder_withholds_the_schema(string configuration)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping.cs", Model.Replace("p.OwnsMany(x => x.Stops); ", "").Replace(" public Geo? Geo { get; set; }", "").Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var incomplete = Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray().Single();
        Assert.Contains(incomplete.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("on an owned type is not evaluated yet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("p.OwnsOne(x => x.Destination, d => d.ToTable(\"Destinations\"))")]
    [InlineData("p.OwnsOne(x => x.Destination, d => d.WithOwner().HasForeignKey(\"ParcelRef\"))")]
    [InlineData("p.OwnsOne(x => x.Destination, d => d.ToJson()); p.OwnsOne(x => x.Destination, d => d.Property(a => a.Street).HasMaxLength(5))")]
    public void Other_owned_configuration_withholds_the_schema(string configuration)
    {
        var output = GeneratorHarness.Run(Sources.With(("Shipping.cs", Model.Replace("CONFIG", configuration))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.NotEmpty(Json.Parse(output.Json).GetProperty("contextsWithIncompleteSchema").EnumerateArray());
    }
}
