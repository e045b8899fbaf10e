using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads entity classes from their symbols: base types, attributes EF Core reads, and mapped members.</summary>
internal static class EntityTypeParser
{
    private const string AnnotationsNamespace = "System.ComponentModel.DataAnnotations";
    private const string SchemaNamespace = "System.ComponentModel.DataAnnotations.Schema";
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    /// <summary>At most this many classes are read per context, so a pathological model cannot stall a build.</summary>
    private const int MaxTypes = 5000;

    public static EntityTypeSpec Parse(ITypeSymbol type)
    {
        var fullName = type.ClrFullName();
        var baseTypes = new List<string>();
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            baseTypes.Add(current.ClrFullName());
        }
        var attributes = Attributes(type).ToList();
        var table = attributes.FirstOrDefault(a => a.Name == "Table" && a.Arguments.Count > 0) is { } t
            ? new TableMappingSpec(fullName, TableMappingKind.Table, t.Arguments[0], t.NamedValue("Schema"), t.Location)
            : null;
        return new EntityTypeSpec(fullName, type.Name, type.IsAbstract, baseTypes.ToEquatableArray(), table,
            attributes.Where(a => a.Name != "Table").ToEquatableArray(), Members(type).ToEquatableArray(), SourceLocation.From(type),
            type.AllInterfaces.Select(i => i.ClrFullName()).OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(),
            HiddenMembers(type).ToEquatableArray());
    }

    /// <summary>The given classes and every class reached from them through navigation candidates (up to
    /// <paramref name="maxDepth"/> navigations away), each read once.</summary>
    /// <remarks>Entity configuration classes read only their entity's neighbours (depth 1): one full closure per
    /// configuration class would read the whole model again for each of them. What a configuration adds beyond that,
    /// and the context's closure does not hold, is reported as not read rather than guessed.</remarks>
    public static EquatableArray<EntityTypeSpec> Closure(IEnumerable<ITypeSymbol> roots, CancellationToken cancellationToken, int maxDepth = int.MaxValue)
    {
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<(ITypeSymbol Type, int Depth)>();
        foreach (var root in roots)
        {
            if (seen.Add(root)) queue.Enqueue((root, 0));
        }
        var specs = new List<EntityTypeSpec>();
        while (queue.Count > 0 && specs.Count < MaxTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (type, depth) = queue.Dequeue();
            specs.Add(Parse(type));
            if (depth >= maxDepth) continue;
            foreach (var property in MappedProperties(type))
            {
                var (kind, target) = Classify(property.Type);
                if (kind is MemberKind.Reference or MemberKind.Collection && target is not null && !HasAttribute(property, "NotMapped") && seen.Add(target))
                {
                    queue.Enqueue((target, depth + 1));
                }
            }
        }
        return specs.OrderBy(s => s.FullName, System.StringComparer.Ordinal).ToEquatableArray();
    }

    private static IEnumerable<EntityMemberSpec> Members(ITypeSymbol type)
    {
        foreach (var property in MappedProperties(type))
        {
            var (kind, target) = Classify(property.Type);
            var elementType = kind == MemberKind.Collection ? target! : Unwrap(property.Type);
            yield return new EntityMemberSpec(
                property.Name,
                property.ContainingType.ClrFullName(),
                kind,
                elementType.ClrFullName(),
                elementType is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying.ClrFullName() : null,
                NullabilityOf(property),
                property.SetMethod is not null,
                Attributes(property).ToEquatableArray(),
                SourceLocation.From(property),
                SetterUnknown: property.SetMethod is null && property.DeclaringSyntaxReferences.IsEmpty && IsAutoPropertyGetter(property.GetMethod),
                EnumMembers: SourceEnumMembers(elementType));
        }
    }

    /// <summary>The members of an enum declared in this compilation's source, in declaration order; empty for any other type
    /// (an enum compiled elsewhere, a library's, is not the project's statement of its states).</summary>
    private static EquatableArray<string> SourceEnumMembers(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Enum, DeclaringSyntaxReferences.IsEmpty: false } enumType
            ? enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToEquatableArray()
            : EquatableArray<string>.Empty;

    /// <summary>An auto-property's getter carries <c>[CompilerGenerated]</c> in metadata; a computed property's does not.</summary>
    private static bool IsAutoPropertyGetter(IMethodSymbol? getter) =>
        getter is not null && getter.GetAttributes().Any(a => a.AttributeClass is { Name: "CompilerGeneratedAttribute" } attribute && attribute.IsInNamespace("System.Runtime.CompilerServices"));

    /// <summary>Instance fields (not the compiler's backing fields) and non-public instance properties, declared on the type
    /// or inherited (most derived wins): what <c>Property&lt;T&gt;("_name")</c> may map.</summary>
    private static IEnumerable<EntityMemberSpec> HiddenMembers(ITypeSymbol type)
    {
        var names = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                ITypeSymbol? memberType;
                Nullability nullability;
                switch (member)
                {
                    case IFieldSymbol { IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field:
                        memberType = field.Type;
                        nullability = NullabilityOf(field.Type, field.NullableAnnotation);
                        break;
                    case IPropertySymbol { IsStatic: false, IsIndexer: false } property
                        when property.DeclaredAccessibility != Accessibility.Public || property.GetMethod?.DeclaredAccessibility is not Accessibility.Public:
                        memberType = property.Type;
                        nullability = NullabilityOf(property.Type, property.NullableAnnotation);
                        break;
                    default:
                        continue;
                }
                if (!names.Add(member.Name)) continue;
                var (kind, target) = Classify(memberType);
                var elementType = kind == MemberKind.Collection ? target! : Unwrap(memberType);
                yield return new EntityMemberSpec(member.Name, member.ContainingType.ClrFullName(), kind, elementType.ClrFullName(),
                    elementType is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } ? underlying.ClrFullName() : null,
                    nullability, member is IFieldSymbol { IsReadOnly: false } || member is IPropertySymbol { SetMethod: not null },
                    Attributes(member).ToEquatableArray(), SourceLocation.From(member), EnumMembers: SourceEnumMembers(elementType));
            }
        }
    }

    /// <summary>Public instance, non-indexer properties with a public getter, declared on the type or inherited (most derived wins).</summary>
    private static IEnumerable<IPropertySymbol> MappedProperties(ITypeSymbol type)
    {
        var names = new HashSet<string>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                    && names.Add(property.Name))
                {
                    yield return property;
                }
            }
        }
    }

    private static Nullability NullabilityOf(IPropertySymbol property) => NullabilityOf(property.Type, property.NullableAnnotation);

    private static Nullability NullabilityOf(ITypeSymbol type, NullableAnnotation annotation)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }) return Nullability.Nullable;
        if (type.IsValueType) return Nullability.ValueType;
        return annotation switch
        {
            NullableAnnotation.Annotated => Nullability.Nullable,
            NullableAnnotation.NotAnnotated => Nullability.NotAnnotated,
            _ => Nullability.Oblivious,
        };
    }

    private static ITypeSymbol Unwrap(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    /// <summary>How EF Core's conventions see a property type: a scalar, a navigation to a class (with the class), or unsupported.</summary>
    public static (MemberKind Kind, ITypeSymbol? Target) Classify(ITypeSymbol type)
    {
        var unwrapped = Unwrap(type);
        if (IsScalar(unwrapped)) return (MemberKind.Scalar, null);
        if (IsEntityCandidate(unwrapped)) return (MemberKind.Reference, unwrapped);
        if (CollectionElement(unwrapped) is { } element)
        {
            return IsEntityCandidate(element) ? (MemberKind.Collection, element) : (MemberKind.Unsupported, null);
        }
        return (MemberKind.Unsupported, null);
    }

    private static bool IsScalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: case SpecialType.System_Char: case SpecialType.System_SByte: case SpecialType.System_Byte:
            case SpecialType.System_Int16: case SpecialType.System_UInt16: case SpecialType.System_Int32: case SpecialType.System_UInt32:
            case SpecialType.System_Int64: case SpecialType.System_UInt64: case SpecialType.System_Single: case SpecialType.System_Double:
            case SpecialType.System_Decimal: case SpecialType.System_String: case SpecialType.System_DateTime:
                return true;
        }
        if (type.TypeKind == TypeKind.Enum) return true;
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }) return true;
        return type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
               && type.MetadataName is "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Guid" or "Uri";
    }

    /// <summary>A class EF Core could map as an entity type: not a system type, delegate, string or collection. Of
    /// Microsoft's framework classes only Identity's passkey data, which Identity's schema version 3 owns as a JSON column.
    /// A project's own class under a root namespace <c>Microsoft</c> (eShopOnContainers' <c>Microsoft.eShopOnContainers...</c>
    /// entities, in source or in a referenced project) is a candidate like any other: the audit saw its navigations
    /// withheld as "not modelled yet" and a get-only collection dropped from a schema printed as complete.</summary>
    private static bool IsEntityCandidate(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } named
        && !named.HasRootNamespace("System") && (!IsMicrosoftFrameworkType(named) || IsIdentityPasskeyData(named))
        && CollectionElement(named) is null;

    /// <summary>Under the root namespace <c>Microsoft</c> and shipped by Microsoft: declared in an assembly whose name
    /// starts with <c>Microsoft.</c> or <c>System.</c> (the framework and its packages), not in this compilation.</summary>
    private static bool IsMicrosoftFrameworkType(INamedTypeSymbol type) =>
        type.HasRootNamespace("Microsoft")
        && !type.Locations.Any(l => l.IsInSource)
        && type.ContainingAssembly?.Name is { } assembly
        && (assembly.StartsWith("Microsoft.", System.StringComparison.Ordinal) || assembly.StartsWith("System.", System.StringComparison.Ordinal)
            || assembly is "mscorlib" or "netstandard" or "System");

    private static bool IsIdentityPasskeyData(INamedTypeSymbol type) =>
        type is { Name: "IdentityPasskeyData", Arity: 0 } && type.IsInNamespace("Microsoft.AspNetCore.Identity");

    private static ITypeSymbol? CollectionElement(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String) return null;
        if (type is IArrayTypeSymbol array) return array.ElementType;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable) return enumerable.TypeArguments[0];
        return type.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0];
    }

    private static bool HasAttribute(ISymbol symbol, string name) => Attributes(symbol).Any(a => a.Name == name);

    /// <summary>The attributes EF Core reads: data annotations and EF's own.</summary>
    private static IEnumerable<AttributeSpec> Attributes(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass) continue;
            if (!attributeClass.IsInNamespace(AnnotationsNamespace) && !attributeClass.IsInNamespace(SchemaNamespace) && !attributeClass.IsInNamespace(EfNamespace)) continue;
            var name = attributeClass.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attributeClass.Name.Substring(0, attributeClass.Name.Length - 9) : attributeClass.Name;
            var arguments = attribute.ConstructorArguments.SelectMany(Render).ToEquatableArray();
            var named = attribute.NamedArguments.Select(n => n.Key + "=" + string.Join(",", Render(n.Value))).ToEquatableArray();
            var location = attribute.ApplicationSyntaxReference is { } reference ? SourceLocation.From(reference.ReadSyntax(default)) : null;
            yield return new AttributeSpec(name, arguments, named, location);
        }
    }

    private static IEnumerable<string> Render(TypedConstant constant)
    {
        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                foreach (var item in constant.Values) foreach (var text in Render(item)) yield return text;
                break;
            case TypedConstantKind.Enum:
                var member = constant.Type?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                yield return member is null ? System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? "" : constant.Type!.Name + "." + member.Name;
                break;
            case TypedConstantKind.Type:
                yield return (constant.Value as ITypeSymbol)?.ClrFullName() ?? "";
                break;
            default:
                yield return constant.Value switch
                {
                    null => "null",
                    bool b => b ? "true" : "false",
                    _ => System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? "",
                };
                break;
        }
    }
}
