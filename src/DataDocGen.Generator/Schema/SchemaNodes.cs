using System.Collections.Generic;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

// Mutable working graph of one context's model, built and read inside the report step only (never a pipeline
// model, so it needs no value equality). It follows EF Core's metadata: entity types, properties, navigations,
// keys, indexes and foreign keys.

internal sealed class EntityNode(EntityTypeSpec spec, string? dbSetName, SourceLocation? dbSetLocation)
{
    public EntityTypeSpec Spec { get; } = spec;
    public string FullName => Spec.FullName;
    public string? DbSetName { get; } = dbSetName;
    public SourceLocation? DbSetLocation { get; } = dbSetLocation;

    /// <summary>The nearest base class that is itself an entity type of the model.</summary>
    public EntityNode? Base { get; set; }
    public List<EntityNode> Derived { get; } = new();
    public EntityNode Root => Base?.Root ?? this;

    /// <summary>In a TPC hierarchy (UseTpcMappingStrategy on its root): each concrete type's table holds every column.</summary>
    public bool IsTpc { get; set; }

    /// <summary>This type and every entity type derived from it.</summary>
    public IEnumerable<EntityNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var derived in Derived)
        {
            foreach (var node in derived.SelfAndDescendants()) yield return node;
        }
    }

    /// <summary>This type and its entity base types, nearest first.</summary>
    public IEnumerable<EntityNode> SelfAndAncestors()
    {
        for (var node = this; node is not null; node = node.Base) yield return node;
    }

    /// <summary>Properties declared by this entity type (inherited ones from non-entity base classes included).</summary>
    public List<PropertyNode> Properties { get; } = new();
    public List<NavigationNode> Navigations { get; } = new();
    public HashSet<string> Ignored { get; } = new();

    public List<string>? KeyProperties { get; set; }
    /// <summary>Alternate keys (<c>HasAlternateKey</c>, or made by <c>HasPrincipalKey</c>): unique constraints in the table.</summary>
    public List<(List<string> Properties, string? Name, SourceLocation? Location)> AlternateKeys { get; } = new();
    public string? KeyName { get; set; }
    public SourceLocation? KeyLocation { get; set; }
    /// <summary>Set by <c>HasKey</c>: the key EF Core's conventions and attributes saw before the fluent calls may differ.</summary>
    public bool KeyConfigured { get; set; }
    public bool Keyless { get; set; }

    public List<IndexNode> Indexes { get; } = new();
    public List<CheckConstraintReport> CheckConstraints { get; } = new();

    /// <summary>A hierarchy root's <c>HasDiscriminator&lt;T&gt;("Name")</c>; null for EF's string "Discriminator".</summary>
    public DiscriminatorNode? Discriminator { get; set; }

    /// <summary>The discriminator column's name when a loop over the model renamed it (<c>SetColumnName</c>).</summary>
    public string? DiscriminatorColumn { get; set; }

    /// <summary>The table (or view) this entity type's rows live in, from <see cref="TableMapper"/>.</summary>
    public EntityReport? Mapping { get; set; }

    /// <summary>The position of the chain that brought this type into the model, when only a chain did (not a DbSet,
    /// a configuration class or a navigation): loops over the model's entity types before it do not see it.</summary>
    public int? IntroducedAt { get; set; }

    public PropertyNode? FindProperty(string name)
    {
        for (var node = this; node is not null; node = node.Base)
        {
            foreach (var property in node.Properties)
            {
                if (string.Equals(property.Name, name, System.StringComparison.Ordinal)) return property;
            }
        }
        return null;
    }

    /// <summary>EF Core matches property names case-insensitively in its naming conventions; shadow properties
    /// created for other relationships are not candidates.</summary>
    public PropertyNode? FindPropertyIgnoreCase(string name)
    {
        for (var node = this; node is not null; node = node.Base)
        {
            foreach (var property in node.Properties)
            {
                if (!property.IsShadow && string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase)) return property;
            }
        }
        return null;
    }

    public IEnumerable<PropertyNode> AllProperties()
    {
        for (var node = this; node is not null; node = node.Base)
        {
            foreach (var property in node.Properties) yield return property;
        }
    }
}

internal sealed class PropertyNode(EntityNode owner, string name, string clrType, bool nullable, SourceLocation? location)
{
    public EntityNode Owner { get; } = owner;
    public string Name { get; } = name;
    public string ClrType { get; } = clrType;
    /// <summary>Nullable by the CLR type and nullable reference types, before [Required], keys and foreign keys decide.</summary>
    public bool Nullable { get; set; } = nullable;
    /// <summary>A column of an optional owned reference in its owner's table: nullable whatever IsRequired says (EF judge: shipping model).</summary>
    public bool InOptionalDependent { get; set; }
    public int? MaxLength { get; set; }
    /// <summary>The type EF maps to the column: the enum's underlying type for enums, else <see cref="ClrType"/>.</summary>
    public string ProviderClrType { get; init; } = clrType;
    public bool? Unicode { get; set; }
    public bool FixedLength { get; set; }
    public int? Precision { get; set; }
    public int? Scale { get; set; }
    public string? ColumnType { get; set; }
    public bool RowVersion { get; set; }
    /// <summary>Set by <c>HasConversion</c>: the store type then depends on the converter (<see cref="Conversion"/>).</summary>
    public bool Converted { get; set; }
    /// <summary>The last <c>HasConversion</c>'s provider type and hints, when the code states them (null: the store type
    /// is not stated).</summary>
    public Model.ConverterSpec? Conversion { get; set; }
    /// <summary>The attributes and calls that configured this property's facets, in the order they apply.</summary>
    public List<EvidenceReport> Evidence { get; } = new();

    /// <summary>For a foreign key property, the principal key property it references.</summary>
    public PropertyNode? PrincipalKey { get; set; }
    /// <summary>Part of a key, a foreign key or an index (SQL Server then bounds strings to 450 characters).</summary>
    public bool InKeyOrIndex { get; set; }
    public string? ColumnName { get; set; }
    public bool IsShadow { get; init; }
    public string Origin { get; init; } = "";
    /// <summary>For an enum declared in the project's source, its members' names (<see cref="Model.EntityMemberSpec.EnumMembers"/>).</summary>
    public Helpers.EquatableArray<string> EnumMembers { get; init; }
    public SourceLocation? Location { get; } = location;
    public string Column => ColumnName ?? Name;
}

internal sealed class NavigationNode(EntityNode owner, EntityMemberSpec member, EntityNode target)
{
    public EntityNode Owner { get; } = owner;
    public EntityMemberSpec Member { get; } = member;
    public string Name => Member.Name;
    public EntityNode Target { get; } = target;
    public bool IsCollection => Member.Kind == MemberKind.Collection;
    /// <summary>Set once the navigation belongs to a relationship.</summary>
    public RelationshipNode? Relationship { get; set; }
}

internal sealed class IndexNode(List<string> properties, SourceLocation? location)
{
    public List<string> Properties { get; } = properties;
    public bool Unique { get; set; }
    public string? Name { get; set; }
    /// <summary>The name <c>HasIndex(e => e.A, "IX_Name")</c> gives the index in the model: its database name unless
    /// <c>HasDatabaseName</c> sets one, or a naming plug-in replaces it (as for <c>[Index(Name = ...)]</c>; EF judge:
    /// the scaffolded model under both plug-ins).</summary>
    public string? ModelName { get; set; }
    public string? Filter { get; set; }
    public bool FilterSet { get; set; }
    public SourceLocation? Location { get; } = location;
}

internal sealed class RelationshipNode(EntityNode principal, EntityNode dependent, SourceLocation? location)
{
    public EntityNode Principal { get; set; } = principal;
    public EntityNode Dependent { get; set; } = dependent;
    public NavigationNode? PrincipalNavigation { get; set; }
    public NavigationNode? DependentNavigation { get; set; }
    public bool Unique { get; set; }
    public List<string>? ForeignKeyNames { get; set; }
    /// <summary>Set by <c>HasPrincipalKey</c>: the principal properties the foreign key references instead of the primary key.</summary>
    public List<string>? PrincipalKeyNames { get; set; }
    public bool? Required { get; set; }
    public string? DeleteBehavior { get; set; }
    public string? ConstraintName { get; set; }
    public SourceLocation? Location { get; set; } = location;

    /// <summary>A <c>HasOne(...).WithOne(...)</c> between two entity types: EF Core leaves its dependent side to the
    /// conventions until <c>HasForeignKey&lt;T&gt;</c>, <c>HasPrincipalKey&lt;T&gt;</c> or <c>[ForeignKey]</c> decides it
    /// (<c>SchemaBuilder.OrientConfiguredOneToOne</c>).</summary>
    public bool PrincipalEndByConvention { get; set; }

    /// <summary>The foreign key property that decided the dependent side of a one-to-one by convention.</summary>
    public PropertyNode? ConventionForeignKey { get; set; }

    // Resolved by the builder.
    public List<PropertyNode> ForeignKey { get; } = new();
    public bool IsRequired { get; set; }

    /// <summary>One of the two foreign keys of an implicit many-to-many join table, or of a join class used as a
    /// shared-type entity type (<c>UsingEntity&lt;TJoin&gt;("Name")</c>): not reported as a relationship.</summary>
    public bool IsJoin { get; set; }

    /// <summary>Configured in UsingEntity's configureRight or configureLeft lambda (<see cref="Parsing.FluentChainParser.JoinRight"/>, <see cref="Parsing.FluentChainParser.JoinLeft"/>).</summary>
    public string? JoinRole { get; set; }

    /// <summary>The ownership of an owned collection (its own table).</summary>
    public bool IsOwnership { get; init; }

    /// <summary>The principal entity type as reported, when it is not <see cref="Principal"/>: an owned reference stored
    /// in Principal's table that owns a nested owned collection.</summary>
    public string? ReportedPrincipal { get; init; }

    // Chain positions (ChainInterpreter.Position), so loops over the foreign keys are applied where they run:
    /// <summary>The last <c>OnDelete</c>.</summary>
    public int? DeleteBehaviorAt { get; set; }
    /// <summary>The first fluent chain that configured the relationship, and whether it named no navigation (then the
    /// relationship may not exist before that chain).</summary>
    public int? ConfiguredAt { get; set; }
    public bool ConfiguredWithoutNavigation { get; set; }
    /// <summary>The last <c>HasForeignKey</c>/<c>HasPrincipalKey</c>/<c>IsRequired</c> (they may replace the foreign key or change its default behaviour).</summary>
    public int? ReshapedAt { get; set; }
}

/// <summary>A many-to-many relationship through skip navigations, with EF Core's implicit join table.</summary>
/// <param name="Left">The entity declaring <paramref name="First"/>.</param>
/// <param name="Second">The inverse collection navigation on the other entity; null when unidirectional (<c>WithMany()</c>).</param>
internal sealed record ManyToManyNode(EntityNode Left, NavigationNode First, EntityNode Right, NavigationNode? Second, SourceLocation? Location)
{
    public EntityNode? Join { get; set; }

    /// <summary>The join entity's name from <c>UsingEntity("Name")</c>; null for EF's implicit <c>[Left][Right]</c>.</summary>
    public string? JoinEntityName { get; set; }

    /// <summary>The join table from <c>UsingEntity(j => j.ToTable("Name"))</c>; null when named after the join entity.</summary>
    public string? JoinTableName { get; set; }

    /// <summary>The join class of <c>UsingEntity&lt;TJoin&gt;()</c> (full name); null for a shared-type join.</summary>
    public string? JoinClass { get; set; }

    /// <summary>The <c>UsingEntity</c> call that named the join entity or table.</summary>
    public SourceLocation? JoinLocation { get; set; }

    /// <summary>For a join class: its relationships to the two ends (left's, then right's), which EF Core makes the skip
    /// navigations' foreign keys.</summary>
    public List<RelationshipNode> JoinForeignKeys { get; } = new();
}

/// <summary>A configured TPH discriminator: its column name and CLR type, and the values set by <c>HasValue&lt;T&gt;(...)</c>
/// (entity full name to value as written); types without one keep EF's default, their class name.</summary>
/// <param name="property">The root's own property for <c>HasDiscriminator(x => x.Kind)</c>: its column is the discriminator.</param>
internal sealed class DiscriminatorNode(string name, string clrType, SourceLocation? location, PropertyNode? property = null)
{
    public string Name { get; } = name;
    public string ClrType { get; } = clrType;
    public SourceLocation? Location { get; } = location;
    public PropertyNode? Property { get; } = property;
    public Dictionary<string, string> Values { get; } = new();

    /// <summary>The same discriminator, now mapped to <paramref name="shadow"/> (declared after <c>HasDiscriminator</c>).</summary>
    public DiscriminatorNode WithProperty(PropertyNode shadow)
    {
        var copy = new DiscriminatorNode(Name, ClrType, Location, shadow);
        foreach (var value in Values) copy.Values[value.Key] = value.Value;
        return copy;
    }
}
