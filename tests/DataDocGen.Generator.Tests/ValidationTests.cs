using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.3: FluentValidation rules, IValidatableObject and data-annotation attributes, confirmed by symbol.</summary>
public class ValidationTests
{
    private const string Code = """
        using System.ComponentModel.DataAnnotations;
        using FluentValidation;
        namespace Shop.Api
        {
            public class CreateOrder
            {
                [Required, StringLength(100, MinimumLength = 2, ErrorMessage = "Name is required")]
                public string Name { get; set; } = "";
                [Range(1, 50)] public int Quantity { get; set; }
                [EmailAddress] public string? Email { get; set; }
                public List<string> Tags { get; set; } = new();
                [Obsolete] public string? Legacy { get; set; }
            }

            public class CreateOrderValidator : AbstractValidator<CreateOrder>
            {
                public CreateOrderValidator()
                {
                    RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithMessage("too long");
                    RuleFor(x => x.Quantity).GreaterThan(0).When(x => x.Email != null);
                    RuleForEach(x => x.Tags).NotEmpty();
                }
            }

            public class Period : IValidatableObject
            {
                public DateTime From { get; set; }
                public DateTime To { get; set; }
                public IEnumerable<ValidationResult> Validate(ValidationContext context) { yield break; }
            }

        }

        namespace Shop.Other
        {
            // Traps: look-alikes from another namespace.
            public class AbstractValidator<T> { }
            public class NotFluent : AbstractValidator<Shop.Api.CreateOrder> { }
            public sealed class RequiredAttribute : System.Attribute { }
            public class Dto { [Required] public string? Name { get; set; } }
        }
        """;

    [Fact]
    public void Validators_rules_self_validating_types_and_annotations_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Validation.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("### 2.3 Validation", md);
        Assert.Contains("| `CreateOrderValidator` | `Shop.Api.CreateOrder` | `Name: NotEmpty, MaximumLength(100)`<br>`Quantity: GreaterThan(0), When(x => x.Email != null)`<br>`each Tags: NotEmpty` |", md);
        Assert.Contains("- `Shop.Api.Period` [Api/Validation.cs:", md);
        Assert.Contains("| `Shop.Api.CreateOrder` |  | `Name` | `[Required]`, `[StringLength(100, MinimumLength = 2)]` |", md);
        Assert.Contains("| `Shop.Api.CreateOrder` |  | `Quantity` | `[Range(1, 50)]` |", md);
        Assert.Contains("| `Shop.Api.CreateOrder` |  | `Email` | `[EmailAddress]` |", md);
        Assert.DoesNotContain("NotFluent", md);
        Assert.DoesNotContain("Shop.Other.Dto", md);
        Assert.DoesNotContain("Legacy", md);
        Assert.DoesNotContain("Name is required", md);
    }

    private const string RecordCode = """
        using System.ComponentModel.DataAnnotations;
        namespace Shop.Api.Records
        {
            public record CreateOrder([Range(1, 10)] int Quantity, [property: Required, StringLength(40)] string Name, [param: EmailAddress] string? Email,
                [field: Required] string Note, [Required][property: MaxLength(8)] string Code);
            public record struct Point([Range(0, 100)] int X);
            public abstract record Base([Required] string Id);
            public record TwoConstructors([Range(1, 5)] int Level) { public TwoConstructors() : this(1) { } }
            public record HandWritten([property: Required] string Sku) { public string Sku { get; init; } = Sku; }
            public class Plain([Range(1, 5)] int level) { public int Level => level; }
        }

        namespace Shop.Other
        {
            public sealed class RangeAttribute(int min, int max) : System.Attribute { }
            public record Dto([Range(1, 2)] int Size);
        }
        """;

    [Fact]
    public void Attributes_on_record_parameters_are_reported_with_what_they_apply_to()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Records.cs", RecordCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Api.Records.CreateOrder` |  | `Quantity` (constructor parameter) | `[Range(1, 10)]` | [Api/Records.cs:9]", md);
        Assert.Contains("| `Shop.Api.Records.CreateOrder` |  | `Name` (generated property, `property:`) | `[Required]`, `[StringLength(40)]` |", md);
        Assert.Contains("| `Shop.Api.Records.CreateOrder` |  | `Email` (constructor parameter) | `[EmailAddress]` |", md);
        Assert.Contains("| `Shop.Api.Records.CreateOrder` |  | `Code` (constructor parameter) | `[Required]` |", md);
        Assert.Contains("| `Shop.Api.Records.CreateOrder` |  | `Code` (generated property, `property:`) | `[MaxLength(8)]` |", md);
        Assert.Contains("| `Shop.Api.Records.Point` |  | `X` (constructor parameter, which neither MVC model validation nor `Validator.TryValidateObject` reads for this type) | `[Range(0, 100)]` |", md);
        Assert.Contains("| `Shop.Api.Records.Base` |  | `Id` (constructor parameter, which neither", md);
        Assert.Contains("| `Shop.Api.Records.TwoConstructors` |  | `Level` (constructor parameter, which neither", md);
        Assert.Contains("Constructor parameters: the attributes apply to the record's constructor parameter. ASP.NET Core MVC model validation checks them", md);
        Assert.Contains("**Generated properties (`[property: …]`) of records bound through their constructor**", md);
        // The backing field (field:) is read by no validator; a property: target the compiler drops; a class's primary
        // constructor; a look-alike attribute.
        Assert.DoesNotContain("`Note`", md);
        Assert.DoesNotContain("`Sku`", md);
        Assert.DoesNotContain("Plain", md);
        Assert.DoesNotContain("Shop.Other", md);
        Assert.Contains("\"appliesTo\": \"record parameter\"", output.Json);
        Assert.Contains("\"boundThroughConstructor\": true", output.Json);
    }

    [Fact]
    public void Ordinary_properties_keep_their_rows_without_a_target_note()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Validation.cs", Code)));
        Assert.DoesNotContain("constructor parameter", output.Markdown);
        Assert.DoesNotContain("generated property", output.Markdown);
        Assert.Contains("\"appliesTo\": \"property\"", output.Json);
    }

    [Fact]
    public void Value_converters_are_listed_as_type_coercion_with_what_they_store()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Model.cs", """
            using System;
            using Microsoft.EntityFrameworkCore.Metadata.Builders;
            using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
            namespace Shop.Data
            {
                public enum Status { Open, Closed }
                public class Order
                {
                    public int Id { get; set; } public Status Status { get; set; } public Status Previous { get; set; }
                    public DateTime PlacedAt { get; set; } public string[] Tags { get; set; } = Array.Empty<string>(); public bool Paid { get; set; }
                }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().Property(o => o.Status).HasConversion<string>();
                        modelBuilder.Entity<Order>().Property(o => o.Previous).HasConversion<EnumToStringConverter<Status>>();
                        modelBuilder.Entity<Order>().Property(o => o.Tags).HasConversion(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.None));
                        modelBuilder.ApplyConfiguration(new OrderConfiguration());
                    }
                }
                public class OrderConfiguration : IEntityTypeConfiguration<Order>
                {
                    private static readonly ValueConverter<DateTime, long> Ticks = new(v => v.Ticks, v => new DateTime(v));
                    public void Configure(EntityTypeBuilder<Order> builder)
                    {
                        builder.Property(o => o.PlacedAt).HasConversion(Ticks);
                        builder.Property(o => o.Paid).HasConversion(typeof(int));
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Type coercion (value converters)", md);
        Assert.Contains("| `Shop.Data.Order.Status` | stored as `string` | `ShopContext.OnModelCreating` | [Data/Model.cs:22](Data/Model.cs#L22) |", md);
        Assert.Contains("| `Shop.Data.Order.Previous` | converter `EnumToStringConverter<Status>` (`Status` → `string`) | `ShopContext.OnModelCreating` | [Data/Model.cs:23](Data/Model.cs#L23) |", md);
        Assert.Contains("| `Shop.Data.Order.Tags` | expressions `v => string.Join(',', v)` and `v => v.Split(',', StringSplitOptions.None)`, stored as `string` | `ShopContext.OnModelCreating` |", md);
        Assert.Contains("| `Shop.Data.Order.PlacedAt` | converter `ValueConverter<DateTime, long>` (`DateTime` → `long`) | `OrderConfiguration.Configure` |", md);
        Assert.Contains("| `Shop.Data.Order.Paid` | stored as `int` | `OrderConfiguration.Configure` |", md);
        // Not encryption: nothing of it in 4.1.
        Assert.DoesNotContain("encrypted property", md);
        var conversions = Json.Parse(output.Json).GetProperty("validation").GetProperty("valueConversions").EnumerateArray().ToList();
        Assert.Equal(5, conversions.Count);
    }
    /// <summary>A converter configured only under a condition (BTCPay's <c>if (!databaseFacade.IsNpgsql())</c> in an entity's
    /// own <c>OnModelCreating(builder, databaseFacade)</c>) is listed with it, not as if it always applied.</summary>
    [Fact]
    public void A_value_converter_under_a_condition_is_listed_with_it()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Model.cs", """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            namespace Shop.Data
            {
                public class Role
                {
                    public int Id { get; set; }
                    public List<string> Permissions { get; set; } = new();
                    public List<string> Tags { get; set; } = new();
                    internal static void OnModelCreating(ModelBuilder builder, DatabaseFacade databaseFacade)
                    {
                        if (!databaseFacade.IsNpgsql())
                        {
                            builder.Entity<Role>().Property(o => o.Permissions).HasConversion(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.None).ToList());
                        }
                        // if (legacy) a comment naming a condition
                        builder.Entity<Role>().Property(o => o.Tags).HasConversion(v => string.Join(';', v), v => v.Split(';', StringSplitOptions.None).ToList());
                    }
                }
                public class RoleContext(DbContextOptions<RoleContext> options) : DbContext(options)
                {
                    public DbSet<Role> Roles => Set<Role>();
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => Role.OnModelCreating(modelBuilder, Database);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Data.Role.Permissions` | expressions `v => string.Join(',', v)` and `v => v.Split(',', StringSplitOptions.None).ToList()`, stored as `string`, only when `!databaseFacade.IsNpgsql()` | `Role.OnModelCreating` |", md);
        Assert.Contains("| `Shop.Data.Role.Tags` | expressions `v => string.Join(';', v)` and `v => v.Split(';', StringSplitOptions.None).ToList()`, stored as `string` | `Role.OnModelCreating` |", md);
    }

    /// <summary>An annotated property of an entity that the stated schema maps to no column (get-only, as eShop's
    /// <c>IntegrationEventLogEntry.Content</c>) says so; mapped properties, navigations and owned references do not.</summary>
    [Fact]
    public void An_entity_property_that_is_no_column_says_so()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Log.cs", """
            using System.ComponentModel.DataAnnotations;
            namespace Shop
            {
                public class Address { [Required] public string Street { get; set; } = ""; }
                public class Customer { public int Id { get; set; } }
                public class Entry
                {
                    public int Id { get; set; }
                    [Required] public string Content { get; } = "";
                    [Required] public string Type { get; set; } = "";
                    [Required] public Customer? Customer { get; set; }
                    [Required] public Address Address { get; set; } = new();
                }
                public class LogContext(DbContextOptions<LogContext> options) : DbContext(options)
                {
                    public DbSet<Entry> Entries => Set<Entry>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.");
                    protected override void OnModelCreating(ModelBuilder b) => b.Entity<Entry>().OwnsOne(e => e.Address);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Entry` | yes | `Content` (no column: EF Core does not map it) | `[Required]` |", md);
        Assert.Contains("| `Shop.Entry` | yes | `Type` | `[Required]` |", md);
        Assert.Contains("| `Shop.Entry` | yes | `Customer` | `[Required]` |", md);
        Assert.Contains("| `Shop.Entry` | yes | `Address` | `[Required]` |", md);
        Assert.Contains("| `Shop.Address` | yes | `Street` | `[Required]` |", md); // owned: its column is Entry.Address.Street
    }
}
