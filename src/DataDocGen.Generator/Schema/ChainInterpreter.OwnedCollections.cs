using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>What an owned collection's builder says about its table, key and foreign key, read before the table is laid
/// out. Null members are not configured (EF Core's conventions apply).</summary>
internal sealed class OwnedCollectionShape
{
    public string? Table { get; set; }
    public string? Schema { get; set; }
    public SourceLocation? TableLocation { get; set; }
    public List<string>? Key { get; set; }
    public string? KeyName { get; set; }
    public SourceLocation? KeyLocation { get; set; }

    /// <summary>The foreign key's names when <c>HasKey</c> ran (they may be renamed after it).</summary>
    public List<string>? ForeignKeyAtKey { get; set; }

    public string? ForeignKey { get; set; }
    public SourceLocation? ForeignKeyLocation { get; set; }

    /// <summary>The owner's property <c>WithOwner().HasPrincipalKey(...)</c> names (one).</summary>
    public string? PrincipalKey { get; set; }
    public SourceLocation? PrincipalKeyLocation { get; set; }

    /// <summary>Shadow properties declared by <c>Property&lt;T&gt;("Name")</c>, in order.</summary>
    public List<(string Name, string Type, SourceLocation? Location)> ShadowProperties { get; } = new();

    /// <summary>The shadow properties declared when <c>HasKey</c> ran.</summary>
    public HashSet<string> ShadowAtKey { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The type's members ignored at the end (<c>Ignore</c>, undone by a later <c>Property</c>).</summary>
    public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each member was last ignored (the deferred chain's number): configuration before that is dropped
    /// with the property, even when a later <c>Property</c> maps it again (EF judge: warehouse model's Supplier.Rating).</summary>
    public Dictionary<string, int> IgnoredAt { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Calls on an owned collection's builder (<c>OwnsMany(x => x.Lines, l => ...)</c> or chained on <c>OwnsMany(x => x.Lines)</c>),
/// and on the builders of owned references inside it, deferred by <see cref="ChainInterpreter"/> until the schema builder
/// lays out the collection's table (EF judge: courier and warehouse models). An owned reference whose builder calls
/// <c>ToTable</c> has a table of its own too, and its calls are read the same way (EF judge: dispatch model), except those
/// that would change its key or foreign key. <c>ToTable</c>, <c>HasKey</c>,
/// <c>WithOwner().HasForeignKey</c>, <c>WithOwner().HasPrincipalKey</c>, shadow <c>Property&lt;T&gt;("Name")</c> and <c>Ignore</c> shape the table and are read
/// first; <c>Property</c> with its facets and <c>HasIndex</c> are applied to it. Anything else is withheld.
/// </summary>
internal sealed partial class ChainInterpreter
{
    /// <summary>Reads the table, key and foreign key an owned collection's builder configures, in source order; null
    /// (with the reason recorded) when a form is not evaluated.</summary>
    /// <param name="chains">The deferred calls on the collection's own builder (not on owned references inside it).</param>
    /// <param name="foreignKey">The foreign key's names by convention.</param>
    /// <param name="owned">The collection's element type: <c>Ignore</c> and <c>Property&lt;T&gt;</c> are checked against its members.</param>
    /// <param name="reference">An owned reference with a table of its own (<c>OwnsOne(...).ToTable(...)</c>): keyed by its foreign key,
    /// so the calls that change the key, the foreign key or add shadow properties are not evaluated.</param>
    public OwnedCollectionShape? ReadOwnedCollectionShape(IEnumerable<(int Number, IReadOnlyList<FluentStepSpec> Steps)> chains, IReadOnlyList<string> foreignKey, EntityTypeSpec owned, bool reference = false)
    {
        var shape = new OwnedCollectionShape();
        var kind = reference ? "an owned reference with a table of its own" : "an owned collection";
        foreach (var (number, steps) in chains)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (reference && ((i == 0 && step.Method is "HasKey" || (step.Method == "Property" && step.TypeArguments.Count == 1))
                                  || (i >= 1 && steps[0].Method == "WithOwner" && step.Method is "HasForeignKey" or "HasPrincipalKey")))
                {
                    builder.Unknown("`" + step.Method + "` on " + kind + " is not evaluated yet", step.Location);
                    return null;
                }
                switch (step.Method)
                {
                    case "ToTable" when i == 0:
                        if (!(step.Arguments.Count is 1 or 2 && step.Arguments.All(a => a.StartsWith("\"", StringComparison.Ordinal))))
                        {
                            builder.Unknown("this form of `ToTable` on " + kind + " is not evaluated yet", step.Location);
                            return null;
                        }
                        shape.Table = Text(step, 0);
                        shape.Schema = Text(step, 1);
                        shape.TableLocation = step.Location;
                        break;
                    case "HasKey" when i == 0:
                        if (Members(step) is not { Count: > 0 } key)
                        {
                            builder.Unknown("`HasKey` on an owned collection with properties DataDocGen cannot read", step.Location);
                            return null;
                        }
                        shape.Key = key;
                        shape.KeyName = null;
                        shape.KeyLocation = step.Location;
                        shape.ForeignKeyAtKey = shape.ForeignKey is { } renamed ? new List<string> { renamed } : foreignKey.ToList();
                        shape.ShadowAtKey = new HashSet<string>(shape.ShadowProperties.Select(p => p.Name), StringComparer.Ordinal);
                        break;
                    case "Property" when i == 0 && step.TypeArguments.Count == 1:
                        // Property<T>("Name"): a shadow property (EF judge: probes; one named like a key, Id or [type]Id, joins
                        // the key by convention, and one naming a member must match its type: both withheld).
                        if (step.Arguments.Count != 1 || Text(step, 0) is not { Length: > 0 } shadow || owned.Members.Any(m => m.Name == shadow)
                            || string.Equals(shadow, "Id", StringComparison.OrdinalIgnoreCase) || string.Equals(shadow, owned.Name + "Id", StringComparison.OrdinalIgnoreCase)
                            || shape.ShadowProperties.Any(p => p.Name == shadow && p.Type != step.TypeArguments[0]))
                        {
                            builder.Unknown("this form of `Property<T>` on an owned collection is not evaluated yet", step.Location);
                            return null;
                        }
                        if (shape.ShadowProperties.All(p => p.Name != shadow)) shape.ShadowProperties.Add((shadow, step.TypeArguments[0], step.Location));
                        break;
                    case "Property" when i == 0 && Members(step) is { Count: 1 } configured:
                        shape.Ignored.Remove(configured[0]); // Property after Ignore maps the member again (EF judge: probe)
                        break;
                    case "Ignore" when i == 0:
                        // A settable scalar member of the type, not one the key may take.
                        var ignored = Members(step) is { Count: 1 } names ? owned.Members.FirstOrDefault(m => m.Name == names[0]) : null;
                        if (ignored is not { Kind: MemberKind.Scalar, HasSetter: true } || string.Equals(ignored.Name, "Id", StringComparison.OrdinalIgnoreCase)
                            || string.Equals(ignored.Name, owned.Name + "Id", StringComparison.OrdinalIgnoreCase))
                        {
                            builder.Unknown("this form of `Ignore` on an owned collection is not evaluated yet", step.Location);
                            return null;
                        }
                        shape.Ignored.Add(ignored.Name);
                        shape.IgnoredAt[ignored.Name] = number;
                        break;
                    case "HasName" when i == 1 && steps[0].Method == "HasKey":
                        shape.KeyName = Text(step, 0);
                        break;
                    case "HasForeignKey" when OnOwnership(steps, i):
                        // One shadow property naming the foreign key to a single-column principal key.
                        if (foreignKey.Count != 1 || step.TypeArguments.Count != 0 || step.Arguments.Count != 1 || Text(step, 0) is not { Length: > 0 } name)
                        {
                            builder.Unknown("this form of `HasForeignKey` on an owned collection is not evaluated yet", step.Location);
                            return null;
                        }
                        shape.ForeignKey = name;
                        shape.ForeignKeyLocation = step.Location;
                        break;
                    case "HasPrincipalKey" when OnOwnership(steps, i):
                        // One property of the owner (a lambda or its name); the schema builder checks that the owner maps it.
                        if (step.TypeArguments.Count != 0 || Members(step) is not { Count: 1 } principal || principal[0].Length == 0 || principal[0].IndexOf('.') >= 0)
                        {
                            builder.Unknown("this form of `HasPrincipalKey` on an owned collection is not evaluated yet", step.Location);
                            return null;
                        }
                        shape.PrincipalKey = principal[0];
                        shape.PrincipalKeyLocation = step.Location;
                        break;
                }
            }
        }
        return shape;
    }

    /// <summary>A call on the ownership builder <c>WithOwner()</c> returns: <c>WithOwner().HasForeignKey(...)</c>,
    /// <c>WithOwner().HasPrincipalKey(...).HasForeignKey(...)</c>.</summary>
    private static bool OnOwnership(IReadOnlyList<FluentStepSpec> steps, int i) =>
        i >= 1 && steps[0] is { Method: "WithOwner", Arguments.Count: 0 } && steps.Skip(1).Take(i - 1).All(s => s.Method is "HasForeignKey" or "HasPrincipalKey");

    /// <summary>Applies deferred calls to an owned collection's table: <c>Property</c> with its facets (on the collection's
    /// own properties, or with <paramref name="prefix"/> on an owned reference's columns inside it) and <c>HasIndex</c>.</summary>
    /// <param name="ownProperty">Whether a property is the collection type's own (not an owned reference's column).</param>
    /// <param name="ignoredLater">Whether a member is ignored after these calls: <c>Property</c> calls on it have no effect
    /// (the property goes with its configuration), an index on it is not evaluated.</param>
    /// <param name="kind">"owned collection" or "owned reference" (one with a table of its own), for reasons.</param>
    public void ApplyToOwnedCollection(EntityNode node, string? prefix, IReadOnlyList<FluentStepSpec> steps, Func<PropertyNode, bool> ownProperty, Func<string, bool> ignoredLater, string kind = "owned collection")
    {
        var on = kind == "owned collection" ? "an owned collection" : "an owned reference with a table of its own";
        var state = State.Owned;
        PropertyNode? property = null;
        IndexNode? index = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            switch (state, step.Method)
            {
                case (State.Owned, "Property") when step.TypeArguments.Count == 0 || (prefix is null && i == 0):
                    var name = Members(step) is { Count: 1 } member ? member[0] : null;
                    if (prefix is null && name is not null && ignoredLater(name)) return; // Property, then Ignore: dropped (EF judge: warehouse model)
                    property = name is null ? null : node.FindProperty(prefix is null ? name : prefix + "_" + name);
                    if (property is null || ownProperty(property) != (prefix is null) || property.IsShadow)
                    {
                        builder.Unknown("`Property` on " + on + "'s member that DataDocGen does not map there", step.Location);
                        return;
                    }
                    state = State.Property;
                    break;
                case (State.Property, _) when PropertyNotes.Contains(step.Method):
                    property!.Evidence.Add(new EvidenceReport(Evidence(step), step.Location));
                    break;
                case (State.Property, _) when PropertyFacets.Contains(step.Method):
                    property!.Evidence.Add(new EvidenceReport(Evidence(step)
                        + (step.Method == "IsRequired" && property.InOptionalDependent ? " (no effect on the column: the owned reference is optional)" : ""), step.Location));
                    ApplyPropertyFacet(property, step);
                    break;
                case (State.Owned, "HasIndex") when prefix is null:
                    var properties = Members(step);
                    // The type's own members only (an index naming the shadow foreign key or key is not evaluated).
                    if (properties is null || properties.Any(p => node.FindProperty(p) is not { } indexed || !ownProperty(indexed) || indexed.IsShadow || ignoredLater(p)))
                    {
                        builder.Unknown("`HasIndex` on " + on + " with properties DataDocGen cannot read", step.Location);
                        return;
                    }
                    index = new IndexNode(properties, step.Location);
                    node.Indexes.Add(index);
                    state = State.Index;
                    break;
                case (State.Index, "IsUnique" or "HasDatabaseName" or "HasName" or "HasFilter"):
                    ConfigureIndex(index!, step);
                    break;
                // Read before the table was laid out (ReadOwnedCollectionShape).
                case (State.Owned, "Ignore") when prefix is null && i == 0:
                    break;
                case (State.Owned, "ToTable" or "HasKey") when prefix is null && i == 0:
                    state = step.Method == "HasKey" ? State.Key : State.Entity;
                    break;
                case (State.Key, "HasName"):
                    break;
                case (State.Owned, "WithOwner") when step.Arguments.Count == 0:
                    state = State.Relationship;
                    break;
                case (State.Relationship, "HasForeignKey" or "HasPrincipalKey") when prefix is null && OnOwnership(steps, i):
                    break;
                default:
                    if (NoSchemaEffect.Contains(step.Method) && step.Method is not ("ToTable" or "ToView")) break;
                    builder.Unknown("`" + step.Method + "` " + (prefix is null ? "on " + on : "on an owned reference inside " + on) + " is not evaluated yet", step.Location);
                    return;
            }
        }
    }
}
