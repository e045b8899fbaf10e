using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>Section 2.3: FluentValidation validators with their rules, IValidatableObject types, and properties with
/// data-annotation validation attributes (marked when the model shows the type as an entity).</summary>
internal static class ValidationMarkdownEmitter
{
    public static void Write(Markdown md, DataLayerReport report)
    {
        if (report.Validators.IsEmpty && report.AnnotatedProperties.IsEmpty) return;
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

        if (!report.AnnotatedProperties.IsEmpty)
        {
            // Entity types as far as the model shows them: DbSets and navigations, owned types and join entities in tables
            // and relationships. Unknown stays blank, never "no": a withheld schema may hide an owned type.
            var entities = new HashSet<string>(report.Contexts.SelectMany(c => c.Entities.Select(e => e.FullName)
                .Concat(c.Tables.Concat(c.Views).SelectMany(t => t.Entities))
                .Concat(c.Relationships.SelectMany(r => new[] { r.Principal, r.Dependent }))), System.StringComparer.Ordinal);
            md.Line("#### Data annotations").Line();
            md.Line("| Type | EF Core entity | Property | Attributes | Evidence |").Line("| --- | --- | --- | --- | --- |");
            foreach (var property in report.AnnotatedProperties)
            {
                md.Line("| " + Markdown.Code(property.TypeFullName) + " | " + (entities.Contains(property.TypeFullName) ? "yes" : "") + " | " + Markdown.Code(property.Property)
                        + " | " + string.Join(", ", property.Attributes.Select(a => Markdown.Code("[" + a + "]"))) + " | " + md.Link(property.Location) + " |");
            }
            md.Line();
        }
    }
}
