using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DataDocGen.Generator.Tests;

/// <summary>The facts the validation section states about attributes on a record's positional parameters, judged by
/// the real validators: <c>Validator.TryValidateObject</c> and ASP.NET Core MVC's object model validator.</summary>
public class RecordValidationFactsTests
{
    public record OnParameter([Range(1, 10)] int Quantity);
    public record OnProperty([property: Range(1, 10)] int Quantity);
    public record struct StructOnParameter([Range(1, 10)] int Quantity);

    private static bool ValidatorAccepts(object model) => Validator.TryValidateObject(model, new ValidationContext(model), new List<ValidationResult>(), validateAllProperties: true);

    private static bool MvcAccepts(object model)
    {
        var services = new ServiceCollection().AddLogging().AddControllers().Services.BuildServiceProvider();
        var validator = services.GetRequiredService<IObjectModelValidator>();
        var actionContext = new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(), new ActionDescriptor());
        validator.Validate(actionContext, validationState: null, prefix: "", model: model);
        return actionContext.ModelState.IsValid;
    }

    [Fact]
    public void Validator_reads_properties_only()
    {
        Assert.True(ValidatorAccepts(new OnParameter(99)));
        Assert.False(ValidatorAccepts(new OnProperty(99)));
        Assert.True(ValidatorAccepts(new StructOnParameter(99)));
    }

    [Fact]
    public void Mvc_checks_constructor_parameters_of_records_it_binds_through_the_constructor_and_refuses_property_targets()
    {
        Assert.False(MvcAccepts(new OnParameter(99)));
        Assert.True(MvcAccepts(new OnParameter(5)));
        var refused = Assert.Throws<InvalidOperationException>(() => MvcAccepts(new OnProperty(5)));
        Assert.Contains("validation metadata must be associated with the constructor parameter", refused.Message);
        Assert.True(MvcAccepts(new StructOnParameter(99)));
    }
}
