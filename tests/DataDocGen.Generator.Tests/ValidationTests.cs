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
}
