using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2.3: FluentValidation validators with their rules, IValidatableObject types, and properties with
/// data-annotation validation attributes (marked when the model shows the type as an entity), and where validation runs.</summary>
internal static class ValidationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        var entities = EntityTypes.Of(report);
        var guards = EntityTypes.Guards(report);
        var conversions = SecurityFacts.ValueConversions(report);
        if (report.Validators.IsEmpty && report.AnnotatedProperties.IsEmpty && guards.Count == 0 && report.Sanitisation.IsEmpty && report.ValidationRuns.IsEmpty && conversions.Count == 0) return;
        md.Line("### 2.3 Validation").Line();

        var fluent = report.Validators.Where(v => v.Kind == "FluentValidation").ToList();
        if (fluent.Count > 0)
        {
            md.Line("#### FluentValidation validators").Line();
            md.Line("| Validator | Validates | Rules | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var validator in fluent)
            {
                md.Line("| " + Markdown.Code(validator.ClassName) + " | " + Markdown.Code(validator.Target) + " | "
                        + string.Join("<br>", validator.Rules.Select(Markdown.Code)) + " | " + md.Link(validator.Location) + " |");
            }
            md.Line();
        }

        var custom = report.Validators.Where(v => v.Kind == "IValidatableObject").ToList();
        if (custom.Count > 0)
        {
            md.Line("Types that validate themselves (`IValidatableObject.Validate`):").Line();
            foreach (var validator in custom) md.Line("- " + md.WithLink(Markdown.Code(validator.Target), validator.Location));
            md.Line();
        }

        if (!report.ValidationRuns.IsEmpty)
        {
            // What runs the validators and attributes above: an attribute nothing runs is not enforced.
            md.Line("#### Where validation runs").Line();
            md.Line("Code that runs validation, confirmed by the API's declaring type: FluentValidation calls, `System.ComponentModel.DataAnnotations.Validator` calls, "
                    + "and the framework switches that validate requests.").Line();
            md.Line("| Where | Runs | Validates | Evidence |").Line("| --- | --- | --- | --- |");
            foreach (var run in report.ValidationRuns)
            {
                var library = run.Kind switch
                {
                    ValidationRunSpec.FluentValidation => " (FluentValidation)",
                    ValidationRunSpec.DataAnnotations => " (data annotations)",
                    _ => "",
                };
                var validates = run.Validated is null ? "" : Markdown.Code(run.Validated);
                if (run.Detail is not null) validates += (validates.Length > 0 ? "; " : "") + Markdown.Inline(run.Detail);
                md.Line("| " + Markdown.Code(run.Site) + " | " + Markdown.Code(run.Api) + library + " | " + validates + " | " + md.Link(run.Location) + " |");
            }
            md.Line();
        }

        if (!report.AnnotatedProperties.IsEmpty)
        {
            // Unknown stays blank, never "no": a withheld schema may hide an owned type.
            md.Line("#### Data annotations").Line();
            md.Line("| Type | EF Core entity | Property | Attributes | Evidence |").Line("| --- | --- | --- | --- | --- |");
            var noColumn = EntityTypes.NoColumn(report);
            foreach (var property in report.AnnotatedProperties)
            {
                var entity = entities.Contains(property.TypeFullName);
                md.Line("| " + Markdown.Code(property.TypeFullName) + " | " + (entity ? "yes" : "") + " | " + Markdown.Code(property.Property) + AppliesTo(property)
                        + (entity && noColumn(property.TypeFullName, property.Property) ? " (no column: EF Core does not map it)" : "")
                        + " | " + string.Join(", ", property.Attributes.Select(a => Markdown.Code("[" + a + "]"))) + " | " + md.Link(property.Location) + " |");
            }
            md.Line();
            // What reads attributes on a record's positional parameter depends on their target (aspnetcore
            // DefaultComplexObjectValidationStrategy and ModelMetadata; dotnet/runtime#47602 for Validator).
            if (report.AnnotatedProperties.Any(p => p.AppliesTo == AnnotatedPropertySpec.RecordParameter && p.BoundThroughConstructor))
            {
                md.Line("Constructor parameters: the attributes apply to the record's constructor parameter. ASP.NET Core MVC model validation checks them "
                        + "(it binds a record class with one public constructor through that constructor); `Validator.TryValidateObject` does not, as it reads properties only.").Line();
            }
            if (report.AnnotatedProperties.Any(p => p.AppliesTo == AnnotatedPropertySpec.RecordProperty && p.BoundThroughConstructor))
            {
                md.Line("**Generated properties (`[property: …]`) of records bound through their constructor**: `Validator.TryValidateObject` checks them, but ASP.NET Core MVC "
                        + "model validation throws `InvalidOperationException` when it validates such a record bound from a request (validation attributes must be on the constructor parameter).").Line();
            }
        }

        if (guards.Count > 0)
        {
            md.Line("#### Guard clauses in entities").Line();
            md.Line("Checks in the entities' own constructors, instance methods and setters that throw before state changes (static members and getters "
                    + "write no entity and are left out). Argument checks are recognised by their API (`ArgumentException` and its subclasses, the `ThrowIf…` "
                    + "helpers, Ardalis.GuardClauses, CommunityToolkit.Diagnostics); any other exception thrown by an `if`, a `?? throw` or a `? … : throw` "
                    + "is listed as an invariant, by its shape (a heuristic).").Line();
            md.Line("| Entity | Member | Kind | Check | Throws, or guard library | Evidence |").Line("| --- | --- | --- | --- | --- | --- |");
            foreach (var guard in guards)
            {
                md.Line("| " + Markdown.Code(guard.TypeFullName) + " | " + Markdown.Code(guard.Member) + " | " + (guard.IsArgumentCheck ? "argument check" : "invariant (heuristic)")
                        + " | " + (guard.Check is null ? "(not shown: holds a string literal or is long)" : Markdown.Code(guard.Check)) + " | " + Markdown.Code(guard.Throws)
                        + " | " + md.Link(guard.Location) + " |");
            }
            md.Line();
        }

        if (!report.Sanitisation.IsEmpty)
        {
            md.Line("#### Sanitisation").Line();
            md.Line("Values cleaned or encoded as they are assigned to a property or field.").Line();
            md.Line("| Into | EF Core entity | Sanitiser | In | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var item in report.Sanitisation)
            {
                md.Line("| " + Markdown.Code(item.TargetType + "." + item.TargetMember) + " | " + (entities.Contains(item.TargetType) ? "yes" : "") + " | "
                        + Markdown.Code(item.Sanitiser) + " | " + Markdown.Code(item.Site) + " | " + md.Link(item.Location) + " |");
            }
            md.Line();
        }
        WriteConversions(md, conversions);
    }

    /// <summary>Type coercion by EF Core value converters (<c>HasConversion</c> that does not encrypt; encrypting ones are in 4.1).</summary>
    private static void WriteConversions(Markdown md, IReadOnlyList<Model.SecuritySpec> conversions)
    {
        if (conversions.Count == 0) return;
        md.Line("#### Type coercion (value converters)").Line();
        md.Line("Properties EF Core converts between their CLR type and the column (`HasConversion`):").Line();
        md.Line("| Property | Conversion | Configured in | Evidence |").Line("| --- | --- | --- | --- |");
        foreach (var conversion in conversions)
        {
            md.Line("| " + Markdown.Code(conversion.Subject) + " | " + (conversion.Detail is null ? "" : Markdown.Inline(conversion.Detail)) + " | " + Markdown.Code(conversion.Member) + " | " + md.Link(conversion.Location) + " |");
        }
        md.Line();
    }

    private static string AppliesTo(AnnotatedPropertySpec property) => (property.AppliesTo, property.BoundThroughConstructor) switch
    {
        (AnnotatedPropertySpec.RecordParameter, true) => " (constructor parameter)",
        (AnnotatedPropertySpec.RecordParameter, false) => " (constructor parameter, which neither MVC model validation nor `Validator.TryValidateObject` reads for this type)",
        (AnnotatedPropertySpec.RecordProperty, _) => " (generated property, `property:`)",
        _ => "",
    };
}
