using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A class that is, or may become, an entity type: what EF Core's conventions read from it.</summary>
/// <param name="BaseTypes">Full names of the CLR base types, nearest first (used to find TPH/TPT/TPC roots).</param>
/// <param name="TableAttribute">The <c>[Table]</c> attribute's table and schema, when present.</param>
/// <param name="Attributes">Other type-level attributes EF Core reads (<c>[Keyless]</c>, <c>[Owned]</c>, <c>[Index]</c>, <c>[PrimaryKey]</c>...).</param>
/// <param name="Members">Public instance properties, declared here or inherited, most derived first.</param>
/// <param name="Interfaces">Full names of every interface the class implements (read by loops filtering on <c>typeof(I).IsAssignableFrom(e.ClrType)</c>).</param>
/// <param name="HiddenMembers">Instance fields and non-public instance properties, declared here or inherited, most derived
/// first: EF Core maps none by convention, but <c>Property&lt;T&gt;("_name")</c> maps the one it names, with its nullability.</param>
internal sealed record EntityTypeSpec(
    string FullName,
    string Name,
    bool IsAbstract,
    EquatableArray<string> BaseTypes,
    TableMappingSpec? TableAttribute,
    EquatableArray<AttributeSpec> Attributes,
    EquatableArray<EntityMemberSpec> Members,
    SourceLocation? Location,
    EquatableArray<string> Interfaces = default,
    EquatableArray<EntityMemberSpec> HiddenMembers = default);

internal enum MemberKind
{
    /// <summary>A property EF Core maps to a column by itself (numbers, strings, dates, Guid, enums, byte[]...).</summary>
    Scalar,
    /// <summary>A reference to another class: a reference navigation candidate.</summary>
    Reference,
    /// <summary>A collection of another class: a collection navigation candidate.</summary>
    Collection,
    /// <summary>A type whose mapping DataDocGen does not model yet (primitive collections, structs, interfaces...).</summary>
    Unsupported,
}

internal enum Nullability
{
    /// <summary>A non-nullable value type.</summary>
    ValueType,
    /// <summary><c>Nullable&lt;T&gt;</c>, or a reference type annotated with <c>?</c>.</summary>
    Nullable,
    /// <summary>A reference type without <c>?</c> in a nullable-enabled context: required by EF Core's convention.</summary>
    NotAnnotated,
    /// <summary>A reference type in a nullable-oblivious context: optional.</summary>
    Oblivious,
}

/// <summary>An attribute with its arguments rendered as text (constants as their value, <c>nameof</c> as the name,
/// enums as <c>Type.Member</c>), so the schema builder can interpret it without symbols.</summary>
/// <param name="Name">The attribute class's name without the <c>Attribute</c> suffix (<c>Key</c>, <c>MaxLength</c>...).</param>
/// <param name="Arguments">Positional arguments; array arguments are flattened.</param>
/// <param name="Named">Named arguments as <c>Name=Value</c>.</param>
internal sealed record AttributeSpec(string Name, EquatableArray<string> Arguments, EquatableArray<string> Named, SourceLocation? Location)
{
    public string? NamedValue(string name)
    {
        foreach (var item in Named)
        {
            if (item.Length > name.Length && item[name.Length] == '=' && item.StartsWith(name, System.StringComparison.Ordinal)) return item.Substring(name.Length + 1);
        }
        return null;
    }
}

/// <summary>A public instance property of an entity class.</summary>
/// <param name="DeclaringType">Full name of the class that declares it (a base class for inherited properties).</param>
/// <param name="ClrType">The property type's full name, <c>Nullable&lt;T&gt;</c> unwrapped; for collections, the element type.</param>
/// <param name="EnumUnderlyingType">For an enum, its underlying type's full name (EF stores that); else null.</param>
/// <param name="HasSetter">True when the property has a setter of any accessibility (EF maps settable properties by convention).</param>
/// <param name="SetterUnknown">True for an auto-property compiled in another assembly with no visible setter: a private
/// setter (which EF Core maps) is not imported from metadata, so <c>{ get; private set; }</c> cannot be told from
/// <c>{ get; }</c> (which it does not map).</param>
/// <param name="EnumMembers">For an enum declared in this compilation's source, its members' names in declaration order
/// (read by the outbox heuristic: a state column with a member such as <c>Published</c>); empty otherwise.</param>
internal sealed record EntityMemberSpec(
    string Name,
    string DeclaringType,
    MemberKind Kind,
    string ClrType,
    string? EnumUnderlyingType,
    Nullability Nullability,
    bool HasSetter,
    EquatableArray<AttributeSpec> Attributes,
    SourceLocation? Location,
    bool SetterUnknown = false,
    EquatableArray<string> EnumMembers = default)
{
    public AttributeSpec? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name) return attribute;
        }
        return null;
    }
}
