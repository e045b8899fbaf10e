using System.Linq;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// Configured TPH discriminators, checked once the tables are known. EF Core judged (Fidelity/DiscriminatorModels):
/// <c>HasDiscriminator(x => x.Kind)</c> makes the root's property the discriminator column, required even when declared
/// <c>string?</c>; a string one without a max length of its own gets the convention's (the smallest Fibonacci number
/// covering the longest value, class names for types without one); an int or enum discriminator needs a value for every
/// concrete type, or EF Core throws ("The entity type 'Dog' has a discriminator property, but does not have a
/// discriminator value configured": discriminator tests).
/// </summary>
internal sealed partial class SchemaBuilder
{
    private void CheckDiscriminators()
    {
        foreach (var root in _order.Where(n => n.Base is null && n.Discriminator is not null))
        {
            var discriminator = root.Discriminator!;
            var hierarchy = root.SelfAndDescendants().ToList();
            if (discriminator.ClrType != "System.String" && hierarchy.FirstOrDefault(n => !n.Spec.IsAbstract && !discriminator.Values.ContainsKey(n.FullName)) is { } missing)
            {
                Unknown("`" + missing.Spec.Name + "` has no discriminator value (EF Core requires one for a discriminator that is not a string)", discriminator.Location);
                continue;
            }
            if (discriminator.Property is not { } property) continue;
            if (hierarchy.Any(n => n.Mapping?.Table != root.Mapping?.Table || n.Mapping?.Schema != root.Mapping?.Schema))
            {
                Unknown("a discriminator property outside one TPH table is not modelled yet", discriminator.Location);
                continue;
            }
            // A value converter changes only the store type, which is then not stated (as for any converted property); the
            // length convention goes by the CLR type: a string gets its Fibonacci length, an enum mapped to strings none
            // (EF judge: "shelter" model).
            property.Nullable = false;
            if (property.ClrType == "System.String") property.MaxLength ??= TableAssembler.DiscriminatorLength(hierarchy, discriminator);
        }
    }
}
