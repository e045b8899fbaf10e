using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Report;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.3, "Where validation runs": FluentValidation calls, DataAnnotations <c>Validator</c> calls and the
/// framework switches that validate requests, each confirmed by the declaring type (never by name alone).</summary>
public class ValidationRunTests
{
    private const string Code = """
        using System.ComponentModel.DataAnnotations;
        using System.Threading.Tasks;
        using FluentValidation;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using FluentValidation.AspNetCore;
        namespace Shop.Api
        {
            public class CreateOrder { [Range(1, 50)] public int Quantity { get; set; } [Required] public string Name { get; set; } = ""; }
            public class UpdateOrder { [Range(1, 50)] public int Quantity { get; set; } }
            public class ImportRow { [StringLength(10)] public string Code { get; set; } = ""; }
            public class CreateOrderValidator : AbstractValidator<CreateOrder>
            {
                public CreateOrderValidator() { RuleFor(x => x.Name).NotEmpty(); }
            }
            // Never invoked: no "runs" row.
            public class UpdateOrderValidator : AbstractValidator<UpdateOrder>
            {
                public UpdateOrderValidator() { RuleFor(x => x.Quantity).GreaterThan(0); }
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/orders", async (CreateOrder dto, IValidator<CreateOrder> validator) =>
                    {
                        var result = await validator.ValidateAsync(dto);
                        return result.IsValid;
                    });
                }
            }

            public class OrderService(IValidator<CreateOrder> validator)
            {
                public void Place(CreateOrder order) => validator.ValidateAndThrow(order);
                public bool Check(CreateOrder order) => new CreateOrderValidator().Validate(order).IsValid;
            }

            public class Importer
            {
                public bool Import(ImportRow row, List<ValidationResult> errors) =>
                    Validator.TryValidateObject(row, new ValidationContext(row), errors, validateAllProperties: true);
                public bool Quick(ImportRow row) => Validator.TryValidateObject(row, new ValidationContext(row), null);
            }

            public static class Setup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddValidation();
                    services.AddFluentValidationAutoValidation();
                }
            }

            [ApiController]
            public class OrdersController : ControllerBase { }
        }

        namespace FluentValidation.AspNetCore
        {
            // Stand-in with the real namespace and signature (FluentValidation.AspNetCore 11.3.1 is not referenced by the tests).
            public static class FluentValidationMvcExtensions
            {
                public static IServiceCollection AddFluentValidationAutoValidation(this IServiceCollection services) => services;
            }
        }

        namespace Shop.Traps
        {
            // Look-alikes of another library or of the project: no row.
            public class Validator { public static bool TryValidateObject(object o) => true; }
            public class Rules { public bool Validate(object o) => true; public Task ValidateAsync(object o) => Task.CompletedTask; }
            public class ApiControllerAttribute : System.Attribute { }
            public static class MyExtensions
            {
                public static IServiceCollection AddValidation(this IServiceCollection services, int x) => services;
                public static IServiceCollection AddFluentValidationAutoValidation(this IServiceCollection services, int x) => services;
            }
            [ApiController]
            public class NotAnApiController { }
            public class Uses
            {
                public void Run(IServiceCollection services, Rules rules)
                {
                    Validator.TryValidateObject(this);
                    rules.Validate(this);
                    _ = rules.ValidateAsync(this);
                    services.AddValidation(1);
                    services.AddFluentValidationAutoValidation(1);
                    var text = "validator.Validate(x); Validator.TryValidateObject(x)"; // validator.ValidateAndThrow(x)
                }
            }
        }
        """;

    private static GeneratorOutput Run() => GeneratorHarness.Run(Sources.With(("Api/Validation.cs", Code)));

    private static List<string> Rows(string md)
    {
        var start = md.IndexOf("#### Where validation runs", StringComparison.Ordinal);
        Assert.True(start >= 0, md);
        return md[start..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();
    }

    [Fact]
    public void Calls_and_switches_that_run_validation_are_listed_by_their_declaring_type()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var rows = Rows(md);
        Assert.Contains(rows, r => r.StartsWith("| `POST /orders` | `IValidator<T>.ValidateAsync` (FluentValidation) | `Shop.Api.CreateOrder` | [Api/Validation.cs:", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `OrderService.Place` | `IValidator<T>.ValidateAndThrow` (FluentValidation) | `Shop.Api.CreateOrder`; throws `ValidationException` when invalid |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `OrderService.Check` | `AbstractValidator<T>.Validate` (FluentValidation) | `Shop.Api.CreateOrder` |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Importer.Import` | `Validator.TryValidateObject` (data annotations) | `Shop.Api.ImportRow`; `validateAllProperties: true`: every validation attribute is checked |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Importer.Quick` | `Validator.TryValidateObject` (data annotations) | `Shop.Api.ImportRow`; without `validateAllProperties`: of the attributes, only `[Required]` is checked |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Setup.Configure` | `AddValidation()` | minimal-API endpoints validate their parameters' data annotations (an invalid argument answers 400) |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `Setup.Configure` | `AddFluentValidationAutoValidation()` | MVC model binding (controllers, Razor Pages) runs the FluentValidation validators", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| `OrdersController` | `[ApiController]` | its actions answer 400 before running when MVC model validation of their bound parameters (data annotations) fails", StringComparison.Ordinal));
        // Traps: the project's Validator, Validate methods, AddValidation overloads and ApiController attribute, comments and
        // strings; the validator nobody invokes.
        Assert.Equal(8, rows.Count);
        Assert.DoesNotContain(rows, r => r.Contains("Uses.Run", StringComparison.Ordinal) || r.Contains("NotAnApiController", StringComparison.Ordinal) || r.Contains("UpdateOrder", StringComparison.Ordinal));

        var json = output.Json!;
        Assert.Contains("\"runs\": [", json);
        Assert.Contains("\"api\": \"IValidator<T>.ValidateAsync\"", json);
        Assert.Contains("\"where\": \"POST /orders\"", json);
        Assert.DoesNotContain("code that runs validation", json);
    }

    [Fact]
    public void Assembly_wide_api_controller_a_generic_pipeline_and_a_variable_validate_all_properties()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Pipeline.cs", """
            using System.ComponentModel.DataAnnotations;
            using System.Linq;
            using System.Threading.Tasks;
            using FluentValidation;
            [assembly: Microsoft.AspNetCore.Mvc.ApiController]
            namespace Shop.Api
            {
                public class Dto { [Range(1, 5)] public int N { get; set; } }
                public class ValidationBehavior<TRequest>(IEnumerable<IValidator<TRequest>> validators)
                {
                    public async Task Handle(TRequest request)
                    {
                        var results = await Task.WhenAll(validators.Select(v => v.ValidateAsync(new ValidationContext<TRequest>(request))));
                    }
                }
                public static class Checks
                {
                    public static bool Check(Dto dto, bool all) => Validator.TryValidateObject(dto, new System.ComponentModel.DataAnnotations.ValidationContext(dto), null, all);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Rows(output.Markdown!);
        Assert.Contains(rows, r => r.StartsWith("| `assembly` | `[assembly: ApiController]` | the actions of every controller in the assembly answer 400", StringComparison.Ordinal));
        // The validated type is the behaviour's type parameter: left blank.
        // (ValidateAsync(IValidationContext) is declared on the non-generic IValidator.)
        Assert.Contains(rows, r => r.StartsWith("| `ValidationBehavior.Handle` | `IValidator.ValidateAsync` (FluentValidation) |  | [Api/Pipeline.cs:", StringComparison.Ordinal));
        // validateAllProperties from a variable: nothing said about it.
        Assert.Contains(rows, r => r.StartsWith("| `Checks.Check` | `Validator.TryValidateObject` (data annotations) | `Shop.Api.Dto` | [Api/Pipeline.cs:", StringComparison.Ordinal));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Without_code_that_runs_validation_the_table_is_absent_and_json_says_it_was_searched()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Dto.cs", """
            using System.ComponentModel.DataAnnotations;
            namespace Shop.Api
            {
                public class CreateOrder { [Range(1, 50)] public int Quantity { get; set; } }
                public class Validator { public static bool TryValidateObject(object o) => true; }
                public static class Use { public static bool Run(CreateOrder o) => Validator.TryValidateObject(o); }
            }
            """)));
        Assert.Contains("#### Data annotations", output.Markdown);
        Assert.DoesNotContain("Where validation runs", output.Markdown);
        Assert.Contains("2.3 Validation: code that runs validation", output.Json);
    }

    [Fact]
    public void Validation_runs_read_back_from_a_fragment_and_merge()
    {
        var output = Run();
        var report = ReportFragment.Read(output.Fragment!);
        Assert.NotNull(report);
        Assert.Equal(8, report!.ValidationRuns.Count());
        Assert.Equal(output.Fragment, ReportFragment.Write(report));
        Assert.Equal(output.Markdown, MarkdownEmitter.Emit(report, new RelativePath(GeneratorHarness.ProjectDir)));

        var merged = ReportMerger.Merge(report, new[] { report });
        Assert.Equal(8, merged.ValidationRuns.Count());
    }
}
