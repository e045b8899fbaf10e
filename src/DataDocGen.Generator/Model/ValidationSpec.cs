using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>Code that validates a type: a FluentValidation <c>AbstractValidator&lt;T&gt;</c> with its rules, or a type
/// implementing <c>IValidatableObject</c>.</summary>
/// <param name="Kind">FluentValidation or IValidatableObject.</param>
/// <param name="Target">The validated type's full name.</param>
/// <param name="Rules">For FluentValidation, one entry per rule: <c>Name: NotEmpty, MaximumLength(100)</c>, with its <c>When</c> condition.</param>
internal sealed record ValidatorSpec(string Kind, string ClassName, string Target, EquatableArray<string> Rules, SourceLocation? Location);

/// <summary>A property with System.ComponentModel.DataAnnotations validation attributes, e.g. <c>[Required]</c>, <c>[Range(1, 10)]</c>,
/// or a record's primary-constructor parameter with such attributes.</summary>
/// <param name="AppliesTo">Null for a property declaration; for a record's positional parameter, what the attributes
/// apply to: <see cref="RecordParameter"/> (no target, or <c>param:</c>) or <see cref="RecordProperty"/> (<c>property:</c>,
/// the property the compiler generates).</param>
/// <param name="BoundThroughConstructor">For a record parameter: whether ASP.NET Core MVC binds and validates the record
/// through this constructor (a non-abstract record class with one public constructor whose every parameter matches a
/// public property by name and type: <c>DefaultBindingMetadataProvider.GetBoundConstructor</c>).</param>
internal sealed record AnnotatedPropertySpec(string TypeFullName, string Property, EquatableArray<string> Attributes, SourceLocation? Location,
    string? AppliesTo = null, bool BoundThroughConstructor = false)
{
    public const string RecordParameter = "record parameter";
    public const string RecordProperty = "record property";
}

/// <summary>A check in a type's own code that throws before its state changes: <c>if (quantity &lt;= 0) throw new
/// ArgumentOutOfRangeException(...)</c>, <c>ArgumentException.ThrowIfNullOrEmpty(name)</c>, <c>Guard.Against.Null(x)</c>.</summary>
/// <param name="Member">Where it sits: <c>ctor</c>, a method name, or <c>Name.set</c>.</param>
/// <param name="IsArgumentCheck">True when recognised by the API (an <c>ArgumentException</c>, a <c>ThrowIf…</c> helper, a
/// guard library); false for another exception thrown under an <c>if</c>: an invariant, recognised by shape.</param>
/// <param name="Check">The condition or guard call as code, when it is safe to print.</param>
/// <param name="Throws">The exception type's name, or the guard library's.</param>
internal sealed record GuardSpec(string TypeFullName, string Member, bool IsArgumentCheck, string? Check, string Throws, SourceLocation? Location);

/// <summary>A value sanitised or encoded as it is stored into a member: <c>order.Notes = sanitizer.Sanitize(input)</c>.</summary>
/// <param name="TargetType">The full name of the type whose member receives the value.</param>
/// <param name="Sanitiser">The API, <c>HtmlSanitizer.Sanitize</c> or <c>HtmlEncoder.Encode</c>.</param>
/// <param name="Site">Where it happens (<c>Type.Method</c>).</param>
internal sealed record SanitisationSpec(string TargetType, string TargetMember, string Sanitiser, string Site, SourceLocation? Location);

/// <summary>Code that runs validation (outline 2.3, "Where validation runs"), each confirmed by the declaring type's namespace:
/// a FluentValidation <c>Validate</c>/<c>ValidateAsync</c>/<c>ValidateAndThrow</c>/<c>ValidateAndThrowAsync</c> call, a
/// <c>System.ComponentModel.DataAnnotations.Validator</c> call, or a framework switch (<c>AddValidation()</c>,
/// <c>AddFluentValidationAutoValidation()</c>, <c>[ApiController]</c>).</summary>
/// <param name="Kind"><see cref="FluentValidation"/>, <see cref="DataAnnotations"/> or <see cref="Framework"/>.</param>
/// <param name="Api">The API as written for the report: <c>IValidator&lt;T&gt;.ValidateAsync</c>, <c>Validator.TryValidateObject</c>, <c>AddValidation()</c>, <c>[ApiController]</c>.</param>
/// <param name="Validated">The validated type's full name when the code shows it (T of <c>IValidator&lt;T&gt;</c>, the static type of the object given to <c>Validator</c>).</param>
/// <param name="Site">Where (<c>Type.Method</c>, a minimal-API endpoint, the controller class).</param>
/// <param name="Detail">What the API does, from its documented behaviour (a constant <c>validateAllProperties</c>, what a switch enables); null when not known.</param>
internal sealed record ValidationRunSpec(string Kind, string Api, string? Validated, string Site, string? Detail, SourceLocation? Location)
{
    public const string FluentValidation = nameof(FluentValidation);
    public const string DataAnnotations = nameof(DataAnnotations);
    public const string Framework = nameof(Framework);
}
