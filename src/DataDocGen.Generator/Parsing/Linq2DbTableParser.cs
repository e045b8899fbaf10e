using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The entity classes the code uses with linq2db (section 1.2) and the tables linq2db maps them to. An entity is one the
/// code reaches through an <c>ITable&lt;T&gt;</c> property of a linq2db data context (a type implementing
/// <c>LinqToDB.IDataContext</c>) or a <c>GetTable&lt;T&gt;()</c> of linq2db's on one, each confirmed by symbol. Its mapping is
/// read from linq2db's own attributes (namespace <c>LinqToDB.Mapping</c>) by the rules of linq2db 6.5.1, which were checked
/// at run time against <c>MappingSchema.Default.GetEntityDescriptor</c> (and are judged so by the tests' fidelity check):
/// <list type="bullet">
/// <item>Table: <c>[Table]</c>'s name and schema, else the class name. <c>[Table]</c> makes <c>[Column]</c> required
/// (<c>IsColumnAttributeRequired</c> is true unless set false): only members with <c>[Column]</c>, <c>[PrimaryKey]</c> or
/// <c>[Identity]</c> are columns. Without <c>[Table]</c> (or with it set false), every public instance property and field of
/// a scalar type is a column too, unless <c>[NotColumn]</c>.</item>
/// <item>Only public members are columns, even with <c>[Column]</c>; an <c>[Association]</c> or <c>[ColumnAlias]</c> is not one.</item>
/// <item>Nullability (<c>CanBeNull</c>): <c>[NotNull]</c>, <c>[Nullable]</c> or <c>[Column(CanBeNull = ...)]</c> when given, else
/// the CLR type: a reference type or <c>Nullable&lt;T&gt;</c> can be null, a value type cannot. Nullable reference
/// annotations are not read by linq2db (a non-nullable <c>string</c> can be null).</item>
/// <item>System.ComponentModel.DataAnnotations attributes (<c>[Table]</c>, <c>[Key]</c>, <c>[NotMapped]</c>) are ignored by
/// linq2db's default mapping schema, so they are ignored here.</item>
/// </list>
/// Whatever this does not read withholds the entity's columns with the reason: an attribute argument not listed above
/// (<c>Configuration</c>, <c>MemberName</c>, <c>IsColumn</c>, <c>Database</c>...), another linq2db mapping attribute,
/// mapping attributes on a base class (inherited), an overriding or hiding member, a member of a type whose implicit
/// mapping is not decided here. Mapping configured in code (<c>FluentMappingBuilder</c>, a mapping schema handed to the
/// options) is found as a <see cref="Linq2DbMappingCodeSpec"/>: the entities it may configure are then withheld too
/// (Report/Linq2DbTables).
/// </summary>
internal static class Linq2DbTableParser
{
    private const string MappingNamespace = "LinqToDB.Mapping";

    /// <summary>Types a member without <c>[Column]</c> is mapped for, checked at run time (6.5.1); arrays, collections,
    /// structs and classes of the project are not. Others (<c>object</c>, <c>JsonElement</c>...) are not decided here.</summary>
    private static readonly HashSet<SpecialType> ScalarSpecialTypes = new()
    {
        SpecialType.System_Boolean, SpecialType.System_Byte, SpecialType.System_SByte, SpecialType.System_Int16, SpecialType.System_UInt16,
        SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64, SpecialType.System_Single,
        SpecialType.System_Double, SpecialType.System_Decimal, SpecialType.System_Char, SpecialType.System_String, SpecialType.System_DateTime,
    };

    private static readonly HashSet<string> ScalarSystemTypes = new(System.StringComparer.Ordinal) { "DateTimeOffset", "TimeSpan", "Guid", "DateOnly", "TimeOnly" };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        PropertyDeclarationSyntax { Type: var type } => RightmostName(type) == "ITable",
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetTable" or "Entity" } } } => true,
        InvocationExpressionSyntax { Expression: GenericNameSyntax { Identifier.ValueText: "GetTable" or "Entity" } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseMappingSchema" or "AddMetadataReader" or "AddMappingSchema" or "GetFluentMappingBuilder" } } => true,
        ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type) is "FluentMappingBuilder" or "MappingSchema",
        _ => false,
    };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    public static Linq2DbTableResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            return context.Node switch
            {
                PropertyDeclarationSyntax property => FromProperty(property, model, cancellationToken),
                InvocationExpressionSyntax invocation => FromInvocation(invocation, model, cancellationToken),
                // A mapping schema of the project's own (its conversions, defaults and readers apply) or a fluent builder: any entity.
                ObjectCreationExpressionSyntax creation => Semantics.TypeOf(creation, model, cancellationToken) is { } created
                                                          && (created.Is(MappingNamespace, "FluentMappingBuilder") || created.Is(MappingNamespace, "MappingSchema"))
                    ? new Linq2DbTableResult(null, new Linq2DbMappingCodeSpec(null, "new " + created.Name, SourceLocation.From(creation)), null)
                    : null,
                _ => null,
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new Linq2DbTableResult(null, null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary><c>public ITable&lt;Order&gt; Orders =&gt; GetTable&lt;Order&gt;();</c> in a linq2db data context.</summary>
    private static Linq2DbTableResult? FromProperty(PropertyDeclarationSyntax property, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(property, cancellationToken) is not IPropertySymbol { IsStatic: false } symbol || !CrudParser.IsLinq2DbContext(symbol.ContainingType)) return null;
        if (symbol.Type is not INamedTypeSymbol { Name: "ITable", TypeArguments.Length: 1 } table || !table.IsInNamespace("LinqToDB")) return null;
        if (table.TypeArguments[0] is not INamedTypeSymbol entity) return null;
        var use = new Linq2DbUseSpec(symbol.ContainingType.Name + "." + symbol.Name + " (ITable<" + entity.Name + ">)", SourceLocation.From(property));
        return new Linq2DbTableResult(Read(entity, use), null, null);
    }

    private static Linq2DbTableResult? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ExactMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespaceOrBelow("LinqToDB")) return null;
        var location = SourceLocation.From(invocation);
        switch (method.Name)
        {
            case "GetTable" when method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol entity:
                var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? Semantics.TypeOf(access.Expression, model, cancellationToken) : method.ContainingType;
                if (!CrudParser.IsLinq2DbContext(receiver)) return null;
                // The body of an ITable<T> property of the context: the property is the use.
                if (invocation.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is { } property && IsCandidate(property, cancellationToken)
                    && model.GetDeclaredSymbol(property, cancellationToken) is IPropertySymbol holder && CrudParser.IsLinq2DbContext(holder.ContainingType)
                    && holder.Type is INamedTypeSymbol { TypeArguments.Length: 1 } held && SymbolEqualityComparer.Default.Equals(held.TypeArguments[0], entity)) return null;
                var use = new Linq2DbUseSpec("GetTable<" + entity.Name + ">() in " + CodeText.MemberName(invocation, model, cancellationToken), location);
                return new Linq2DbTableResult(Read(entity, use), null, null);
            case "Entity" when original.ContainingType.Is(MappingNamespace, "FluentMappingBuilder") && method.TypeArguments.Length == 1:
                return new Linq2DbTableResult(null, new Linq2DbMappingCodeSpec(method.TypeArguments[0].ClrFullName(), "FluentMappingBuilder.Entity<" + method.TypeArguments[0].Name + ">()", location), null);
            case "UseMappingSchema" or "AddMappingSchema" or "AddMetadataReader" or "GetFluentMappingBuilder":
                return new Linq2DbTableResult(null, new Linq2DbMappingCodeSpec(null, method.Name, location), null);
        }
        return null;
    }

    /// <summary>The entity's table and columns as linq2db's attributes map them, or the reason they are not read.</summary>
    internal static Linq2DbTableSpec Read(INamedTypeSymbol entity, Linq2DbUseSpec use)
    {
        var name = entity.ClrFullName();
        var entityLocation = SourceLocation.From(entity);
        var uses = new[] { use }.ToEquatableArray();
        // Not read: the table name may not be the one shown either (a base class's [Table], a Database, a fluent mapping).
        Linq2DbTableSpec Withheld(string why) => new(name, null, null, null, entityLocation, null, EquatableArray<Linq2DbColumnSpec>.Empty, why, uses);

        string table = entity.Name;
        string? schema = null;
        var from = "class name";
        var required = false;
        foreach (var attribute in entity.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || !type.IsInNamespace(MappingNamespace)) continue;
            if (type.Name != "TableAttribute") return Withheld("[" + Short(type) + "] on the class is not read");
            required = true;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string written)
            {
                table = written;
                from = "[Table]";
            }
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Name" when argument.Value.Value is string named:
                        table = named;
                        from = "[Table]";
                        break;
                    case "Schema" when argument.Value.Value is string schemaName:
                        schema = schemaName;
                        break;
                    case "IsColumnAttributeRequired" when argument.Value.Value is bool value:
                        required = value;
                        break;
                    default:
                        return Withheld("[Table(" + argument.Key + " = ...)] is not read");
                }
            }
        }
        for (var baseType = entity.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            if (baseType.GetAttributes().Any(a => a.AttributeClass?.IsInNamespace(MappingNamespace) == true))
                return Withheld("its base class " + baseType.Name + " carries linq2db mapping attributes, which it inherits: not read");
        }
        if (entity.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return Withheld("not a class");

        var columns = new List<Linq2DbColumnSpec>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        // Base members first, as linq2db lists them; a name declared again lower down is not decided here.
        var chain = new List<INamedTypeSymbol>();
        for (var current = entity; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType) chain.Insert(0, current);
        foreach (var type in chain)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility != Accessibility.Public) continue;
                ITypeSymbol memberType;
                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false } property when property.GetMethod is { DeclaredAccessibility: Accessibility.Public }:
                        if (property.IsOverride) return Withheld("member " + member.Name + " overrides a base member: not read");
                        memberType = property.Type;
                        break;
                    case IPropertySymbol { IsIndexer: false }:
                        if (HasMapping(member)) return Withheld("member " + member.Name + " has no public getter: not read");
                        continue;
                    case IFieldSymbol { IsConst: false } field when field.AssociatedSymbol is null:
                        memberType = field.Type;
                        break;
                    default:
                        continue;
                }
                if (!seen.Add(member.Name)) return Withheld("member " + member.Name + " hides a base member: not read");
                var read = Column(member, memberType, required, out var why);
                if (why is not null) return Withheld(why);
                if (read is not null) columns.Add(read);
            }
        }
        return new Linq2DbTableSpec(name, table, schema, from, entityLocation, required, columns.ToEquatableArray(), null, uses);
    }

    private static bool HasMapping(ISymbol member) => member.GetAttributes().Any(a => a.AttributeClass?.IsInNamespace(MappingNamespace) == true);

    private static string Short(INamedTypeSymbol attribute) =>
        attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length) : attribute.Name;

    /// <summary>One member as a column, null when it is not one; <paramref name="why"/> when its mapping is not read.</summary>
    private static Linq2DbColumnSpec? Column(ISymbol member, ITypeSymbol type, bool columnRequired, out string? why)
    {
        why = null;
        bool column = false, notColumn = false, primaryKey = false, identity = false;
        int? keyOrder = null, length = null, precision = null, scale = null;
        bool? canBeNull = null;
        string? nullableFrom = null, columnName = null, dataType = null, dbType = null;
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeType || !attributeType.IsInNamespace(MappingNamespace)) continue;
            var kind = attributeType.Name;
            if (attribute.NamedArguments.Any(a => a.Key == "Configuration") || (kind is "PrimaryKeyAttribute" or "IdentityAttribute" or "NotNullAttribute" or "NullableAttribute" && attribute.ConstructorArguments.Any(a => a.Type?.SpecialType == SpecialType.System_String)))
            {
                why = "[" + Short(attributeType) + "] on " + member.Name + " names a mapping configuration: not read";
                return null;
            }
            switch (kind)
            {
                case "ColumnAttribute":
                    column = true;
                    if (attribute.ConstructorArguments.Length > 1) { why = "[Column] on " + member.Name + " maps another member: not read"; return null; }
                    if (attribute.ConstructorArguments.Length == 1) columnName = attribute.ConstructorArguments[0].Value as string;
                    foreach (var argument in attribute.NamedArguments)
                    {
                        var value = argument.Value.Value;
                        switch (argument.Key)
                        {
                            case "Name" when value is string named: columnName = named; break;
                            case "Length" when value is int given: length = given; break;
                            case "Precision" when value is int given: precision = given; break;
                            case "Scale" when value is int given: scale = given; break;
                            case "DbType" when value is string given: dbType = given; break;
                            case "DataType": dataType = EnumName(argument.Value); break;
                            case "CanBeNull" when value is bool given: canBeNull = given; nullableFrom = "[Column(CanBeNull)]"; break;
                            case "IsPrimaryKey" when value is bool given: primaryKey |= given; break;
                            case "PrimaryKeyOrder" when value is int given: keyOrder = given; break;
                            case "IsIdentity" when value is bool given: identity |= given; break;
                            default: why = "[Column(" + argument.Key + " = ...)] on " + member.Name + " is not read"; return null;
                        }
                    }
                    break;
                case "PrimaryKeyAttribute":
                    primaryKey = true;
                    if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int order) keyOrder = order;
                    foreach (var argument in attribute.NamedArguments)
                    {
                        if (argument.Key == "Order" && argument.Value.Value is int named) keyOrder = named;
                        else { why = "[PrimaryKey(" + argument.Key + " = ...)] on " + member.Name + " is not read"; return null; }
                    }
                    break;
                case "IdentityAttribute" when attribute.NamedArguments.IsEmpty:
                    identity = true;
                    break;
                case "NotNullAttribute" when attribute.NamedArguments.IsEmpty:
                    canBeNull = false;
                    nullableFrom = "[NotNull]";
                    break;
                case "NullableAttribute" when attribute.NamedArguments.IsEmpty:
                    canBeNull = attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not bool isNullable || isNullable;
                    nullableFrom = "[Nullable]";
                    break;
                case "NotColumnAttribute" when attribute.NamedArguments.IsEmpty:
                    notColumn = true;
                    break;
                case "AssociationAttribute":
                case "ColumnAliasAttribute":
                    notColumn = true;
                    break;
                default:
                    why = "[" + Short(attributeType) + "] on " + member.Name + " is not read";
                    return null;
            }
        }
        if (notColumn)
        {
            if (column || primaryKey || identity) why = "member " + member.Name + " is marked both a column and not one: not read";
            return null;
        }
        var isImplicit = !column && !primaryKey && !identity;
        if (isImplicit)
        {
            if (columnRequired) return null;
            if (!IsScalar(type, out var decided))
            {
                if (!decided) why = "member " + member.Name + " of type " + type.ToDisplayString() + ": whether linq2db maps it is not decided here";
                return null;
            }
        }
        if (canBeNull is null)
        {
            var nullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
            canBeNull = !type.IsValueType || nullableValue;
            nullableFrom = nullableValue ? "Nullable<T>" : type.IsValueType ? "value type" : "reference type";
        }
        return new Linq2DbColumnSpec(member.Name, columnName ?? member.Name, type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            canBeNull.Value, nullableFrom!, primaryKey, keyOrder, identity, length, precision, scale, dataType, dbType, isImplicit, SourceLocation.From(member));
    }

    /// <summary>Whether linq2db maps a member of this type without <c>[Column]</c>; <paramref name="decided"/> is false for a
    /// type not decided here.</summary>
    private static bool IsScalar(ITypeSymbol type, out bool decided)
    {
        decided = true;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        if (ScalarSpecialTypes.Contains(type.SpecialType) || type.TypeKind == TypeKind.Enum) return true;
        if (type.IsInNamespace("System") && ScalarSystemTypes.Contains(type.MetadataName)) return true;
        if (type is IArrayTypeSymbol array) return array.ElementType.SpecialType == SpecialType.System_Byte && array.Rank == 1;
        // Classes and structs of the project, and collections, are not mapped without [Column]: checked for a List<int>,
        // a struct and a class of the project.
        if (type.Locations.Any(l => l.IsInSource)) return false;
        if (type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) && type.SpecialType != SpecialType.System_String) return false;
        decided = false;
        return false;
    }

    private static string? EnumName(TypedConstant constant)
    {
        if (constant.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType) return constant.Value?.ToString();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && Equals(field.ConstantValue, constant.Value)) return field.Name;
        }
        return constant.Value?.ToString();
    }
}
