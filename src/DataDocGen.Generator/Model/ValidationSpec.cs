using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>Code that validates a type: a FluentValidation <c>AbstractValidator&lt;T&gt;</c> with its rules, or a type
/// implementing <c>IValidatableObject</c>.</summary>
/// <param name="Kind">FluentValidation or IValidatableObject.</param>
/// <param name="Target">The validated type's full name.</param>
/// <param name="Rules">For FluentValidation, one entry per rule: <c>Name: NotEmpty, MaximumLength(100)</c>, with its <c>When</c> condition.</param>
internal sealed record ValidatorSpec(string Kind, string ClassName, string Target, EquatableArray<string> Rules, SourceLocation? Location);

/// <summary>A property with System.ComponentModel.DataAnnotations validation attributes, e.g. <c>[Required]</c>, <c>[Range(1, 10)]</c>.</summary>
internal sealed record AnnotatedPropertySpec(string TypeFullName, string Property, EquatableArray<string> Attributes, SourceLocation? Location);
