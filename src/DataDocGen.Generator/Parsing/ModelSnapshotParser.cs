using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads a migrations model snapshot (<c>BuildModel</c> of a <c>ModelSnapshot</c> subclass), which EF Core writes in a
/// fixed, string-based shape: <c>modelBuilder.Entity("Ns.Type", b => { b.Property&lt;int&gt;("Id"); b.ToTable("T"); })</c>.
/// Only syntax is read. Tables, their columns (name, <c>HasColumnType</c>, <c>HasMaxLength</c>, nullability where the
/// property's type, <c>IsRequired</c>, the key and TPH settle it) and primary key columns are kept. A column is written
/// <c>b.Property&lt;T&gt;("Name")</c>, or <c>b.PrimitiveCollection&lt;T&gt;("Name")</c> for a primitive collection (EF Core 9 and
/// later; EF Core 8 writes <c>Property</c>); a complex property's columns are in its <c>ComplexProperty(..., b1 =&gt; ...)</c>
/// block. Constructs that change columns in ways not read here (complex collections, JSON, TPC, table splitting, a column
/// renamed for one table...) are listed so that no comparison is made with them.
/// </summary>
internal static class ModelSnapshotParser
{
    public static bool IsSnapshot(INamedTypeSymbol type) => type.DerivesFrom("Microsoft.EntityFrameworkCore.Infrastructure", "ModelSnapshot");

    public static MigrationSnapshotSpec? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var contextAttribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass.Is("Microsoft.EntityFrameworkCore.Infrastructure", "DbContextAttribute"));
        if (contextAttribute?.ConstructorArguments.FirstOrDefault().Value is not ITypeSymbol contextType) return null;
        var body = type.GetMembers("BuildModel").OfType<IMethodSymbol>()
            .SelectMany(m => m.DeclaringSyntaxReferences).Select(r => r.ReadSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
            .Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody).FirstOrDefault(b => b is not null);
        if (body is null) return null;

        string? productVersion = null, defaultSchema = null;
        var notComparable = new List<string>();
        var complexRead = new HashSet<InvocationExpressionSyntax>();
        var entities = new Dictionary<string, SnapshotEntity>(System.StringComparer.Ordinal);
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Name(invocation);
            var arguments = invocation.ArgumentList.Arguments;
            switch (name)
            {
                case "HasAnnotation" when arguments.Count == 2 && Literal(arguments[0].Expression) == "ProductVersion":
                    productVersion = Literal(arguments[1].Expression);
                    break;
                case "HasDefaultSchema" when arguments.Count == 1:
                    defaultSchema = Literal(arguments[0].Expression);
                    break;
                case "Entity" when arguments.Count == 2 && Literal(arguments[0].Expression) is { } entityName && arguments[1].Expression is LambdaExpressionSyntax lambda:
                    if (!entities.TryGetValue(entityName, out var entity)) entities[entityName] = entity = new SnapshotEntity();
                    ReadEntity(lambda, entity, notComparable, complexRead, owned: false);
                    break;
                case "ComplexCollection" or "ToJson" or "UseTpcMappingStrategy" or "SplitToTable" or "SplitToView":
                    NotComparable(notComparable, name);
                    break;
            }
        }
        // A complex property met in a shape the reader does not know (in an owned type, not on an entity's builder...).
        if (body.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => Name(i) == "ComplexProperty" && !complexRead.Contains(i))) NotComparable(notComparable, "ComplexProperty");

        var tables = new Dictionary<string, SnapshotTable>(System.StringComparer.Ordinal);
        SnapshotTable TableOf(string name, string? schema)
        {
            var key = schema + "." + name;
            if (!tables.TryGetValue(key, out var table)) tables[key] = table = new SnapshotTable(name, schema);
            return table;
        }
        foreach (var collection in entities.Values.SelectMany(e => e.OwnedTables))
        {
            var table = TableOf(collection.Table!, collection.Schema ?? defaultSchema);
            table.Owners.Add(collection);
            foreach (var column in collection.Columns.Concat(collection.OwnedColumns)) table.Add(column, column.Nullable);
        }
        foreach (var entity in entities.Values)
        {
            var owner = entity;
            while (owner.Table is null && owner.BaseType is not null && entities.TryGetValue(owner.BaseType, out var baseEntity)) owner = baseEntity; // TPH
            if (owner.Table is null) continue; // no table (views, queries) or not read
            var table = TableOf(owner.Table, owner.Schema ?? defaultSchema);
            // In TPH, only some rows carry a derived type's columns: they are nullable.
            foreach (var column in entity.Columns) table.Add(column, entity == owner ? column.Nullable : true);
            foreach (var column in entity.OwnedColumns) table.Add(column, null);
            if (entity != owner) continue;
            table.Owners.Add(entity);
            if (entity.BaseType is null) continue;
            // TPT: a derived type's own table also holds the key, which its block does not repeat.
            var root = entity;
            while (root.BaseType is not null && entities.TryGetValue(root.BaseType, out var parent)) root = parent;
            table.KeyOwner = root;
            foreach (var keyColumn in root.KeyColumns)
            {
                var stated = root.Columns.FirstOrDefault(c => c.Name == keyColumn);
                table.Add(new SnapshotColumn(keyColumn) { StoreType = stated?.StoreType, MaxLength = stated?.MaxLength, Nullable = false }, false);
            }
        }

        return new MigrationSnapshotSpec(
            type.ClrFullName(),
            contextType.ClrFullName(),
            productVersion,
            tables.Values.Select(t => t.ToSpec())
                .OrderBy(t => t.Name, System.StringComparer.Ordinal).ThenBy(t => t.Schema, System.StringComparer.Ordinal).ToEquatableArray(),
            notComparable.ToEquatableArray(),
            SourceLocation.From(type));
    }

    private sealed class SnapshotEntity
    {
        public string? Table { get; set; }
        public string? Schema { get; set; }
        public string? BaseType { get; set; }
        public List<SnapshotColumn> Columns { get; } = new();
        public List<string> KeyColumns { get; } = new();
        /// <summary>Whether a <c>HasKey</c> call was read.</summary>
        public bool KeyRead { get; set; }
        /// <summary>Owned types stored in this entity's table: their columns, named [navigation]_[property] (nullability not read).</summary>
        public List<SnapshotColumn> OwnedColumns { get; } = new();
        /// <summary>Owned collections (OwnsMany): tables of their own.</summary>
        public List<SnapshotEntity> OwnedTables { get; } = new();
    }

    private static void NotComparable(List<string> notComparable, string construct)
    {
        if (!notComparable.Contains(construct)) notComparable.Add(construct);
    }

    /// <summary>A property's column as its <c>Property</c> chain states it; <see cref="Nullable"/> is the property's own
    /// nullability (its table may make it nullable: TPH).</summary>
    private sealed class SnapshotColumn(string name)
    {
        public string Name { get; set; } = name;
        /// <summary>Named by <c>HasColumnName</c>: the column's whole name, which no owned or complex prefix changes.</summary>
        public bool NameGiven { get; set; }
        public string? StoreType { get; set; }
        public int? MaxLength { get; set; }
        public bool? Nullable { get; set; }
        public TypeKind Kind { get; set; } = TypeKind.Unknown;
        /// <summary><c>IsRequired()</c> (true), <c>IsRequired(false)</c> (false), not called (null); a computed argument makes the nullability unknown.</summary>
        public bool? Required { get; set; }
        public bool RequiredUnknown { get; set; }
    }

    private enum TypeKind { Unknown, NullableValue, Value, Reference }

    /// <summary>A table of the snapshot: the entity types that map it, and per column what each mapping says.</summary>
    private sealed class SnapshotTable(string name, string? schema)
    {
        private readonly Dictionary<string, List<(SnapshotColumn Column, bool? Nullable)>> columns = new(System.StringComparer.Ordinal);

        public List<SnapshotEntity> Owners { get; } = new();
        /// <summary>The entity type whose key is the table's, when not its owner (TPT).</summary>
        public SnapshotEntity? KeyOwner { get; set; }

        public void Add(SnapshotColumn column, bool? nullable)
        {
            if (!columns.TryGetValue(column.Name, out var mappings)) columns[column.Name] = mappings = new();
            mappings.Add((column, nullable));
        }

        public SnapshotTableSpec ToSpec()
        {
            // A table shared by several entity types (table splitting): which columns are nullable depends on whether the
            // dependents are required, which is not read.
            var shared = Owners.Count != 1;
            var specs = columns.OrderBy(c => c.Key, System.StringComparer.Ordinal).Select(c =>
            {
                var first = c.Value[0].Column;
                var single = c.Value.Count == 1;
                return new SnapshotColumnSpec(c.Key,
                    c.Value.All(m => m.Column.StoreType == first.StoreType) ? first.StoreType : null,
                    c.Value.All(m => m.Column.MaxLength == first.MaxLength) ? first.MaxLength : null,
                    single && !shared ? c.Value[0].Nullable : null);
            });
            var keyOwner = KeyOwner ?? (shared ? null : Owners[0]);
            return new SnapshotTableSpec(name, schema, specs.ToEquatableArray(),
                keyOwner?.KeyColumns.ToEquatableArray() ?? EquatableArray<string>.Empty, keyOwner?.KeyRead == true);
        }
    }

    /// <summary>The statements of one <c>Entity("Name", b => ...)</c> block (or an owned type's), rooted at its parameter.</summary>
    private static void ReadEntity(LambdaExpressionSyntax lambda, SnapshotEntity entity, List<string> notComparable, HashSet<InvocationExpressionSyntax> complexRead, bool owned)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        if (parameter is null) return;
        var columnsByProperty = new Dictionary<string, SnapshotColumn>(System.StringComparer.Ordinal);
        var complexColumns = new List<SnapshotColumn>();
        foreach (var invocation in lambda.Body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } access || root.Identifier.ValueText != parameter) continue;
            var arguments = invocation.ArgumentList.Arguments;
            switch (access.Name.Identifier.ValueText)
            {
                // A primitive collection is one column, written PrimitiveCollection<T>("Name") by EF Core 9 and later with
                // the same facets as Property (the Jellyfin audit: a snapshot's Tags column was not read, and a model without
                // Tags was said to match it while EF's differ drops the column).
                case "Property" or "PrimitiveCollection" when arguments.Count == 1 && Literal(arguments[0].Expression) is { } property:
                    // EF repeats b.Property<int>("Id") in UseIdentityColumn(...): a later chain adds what it states.
                    if (!columnsByProperty.TryGetValue(property, out var column)) columnsByProperty[property] = column = new SnapshotColumn(property) { Kind = KindOf(access.Name) };
                    ReadPropertyChain(invocation, column);
                    break;
                // ToTable(buildAction) alone (EF writes b.ToTable(tb => tb.IsTemporal(...)) after b.ToTable("T")) names no table.
                case "ToTable" when arguments.Count >= 1 && arguments[0].Expression is not LambdaExpressionSyntax:
                    entity.Table = Literal(arguments[0].Expression);
                    entity.Schema = arguments.Count >= 2 ? Literal(arguments[1].Expression) : null;
                    if (RenamesColumnsForTable(arguments)) NotComparable(notComparable, "ToTable(…, t => t.Property(…))");
                    break;
                case "ToTable":
                    if (RenamesColumnsForTable(arguments)) NotComparable(notComparable, "ToTable(…, t => t.Property(…))");
                    break;
                case "ComplexProperty" when !owned && ComplexBlock(invocation) is { } complex:
                    complexRead.Add(invocation);
                    ReadComplex(complex.Lambda, complex.Name, true, complexColumns, notComparable, complexRead);
                    break;
                case "ToView":
                    entity.Table = null; // a view: not a table migrations create
                    break;
                case "HasBaseType" when arguments.Count == 1:
                    entity.BaseType = Literal(arguments[0].Expression);
                    break;
                case "OwnsOne" when arguments.Count == 3 && Literal(arguments[1].Expression) is { } navigation && arguments[2].Expression is LambdaExpressionSyntax ownedLambda:
                    // Table splitting: the owned block lists its properties and its key (the owner's key, same column);
                    // its columns are the owner's, named [navigation]_[property] by convention.
                    var ownedEntity = new SnapshotEntity();
                    ReadEntity(ownedLambda, ownedEntity, notComparable, complexRead, owned: true);
                    if (ownedEntity.Table is not null && ownedEntity.Table != entity.Table && entity.Table is not null)
                    {
                        NotComparable(notComparable, "OwnsOne(...).ToTable");
                        break;
                    }
                    foreach (var ownedColumn in ownedEntity.Columns.Where(c => !ownedEntity.KeyColumns.Contains(c.Name)).Concat(ownedEntity.OwnedColumns))
                    {
                        // HasColumnName gives the whole name (OriginZip, not Origin_OriginZip: checked on EF Core 8, 9 and 10).
                        entity.OwnedColumns.Add(new SnapshotColumn(ownedColumn.NameGiven ? ownedColumn.Name : navigation + "_" + ownedColumn.Name)
                        {
                            StoreType = ownedColumn.StoreType, MaxLength = ownedColumn.MaxLength, NameGiven = ownedColumn.NameGiven,
                        });
                    }
                    break;
                case "OwnsMany" when arguments.Count == 3 && arguments[2].Expression is LambdaExpressionSyntax manyLambda:
                    // An owned collection lists all its columns (key and foreign key included) and its own table.
                    var collection = new SnapshotEntity();
                    ReadEntity(manyLambda, collection, notComparable, complexRead, owned: true);
                    if (collection.Table is null) { NotComparable(notComparable, "OwnsMany"); break; }
                    entity.OwnedTables.Add(collection);
                    break;
                case "HasKey":
                    entity.KeyColumns.Clear();
                    entity.KeyColumns.AddRange(arguments.Select(a => Literal(a.Expression)).Where(k => k is not null).Select(k => columnsByProperty.TryGetValue(k!, out var c) ? c.Name : k!));
                    entity.KeyRead = arguments.Count > 0 && entity.KeyColumns.Count == arguments.Count;
                    break;
            }
        }
        foreach (var column in columnsByProperty.Values)
        {
            column.Nullable = entity.KeyRead && entity.KeyColumns.Contains(column.Name) ? false : OwnNullability(column);
            entity.Columns.Add(column);
        }
        entity.Columns.AddRange(complexColumns);
    }

    /// <summary>What the property's type and <c>IsRequired</c> say of its column's nullability; null when they do not settle it.</summary>
    private static bool? OwnNullability(SnapshotColumn column) =>
        column.RequiredUnknown ? null
        : column.Kind switch
        {
            TypeKind.NullableValue => column.Required == true ? null : true,
            TypeKind.Value => column.Required == false ? null : false,
            TypeKind.Reference => column.Required != true,
            _ => null,
        };

    /// <summary>Whether a <c>ToTable</c> call's table builder renames a column for that table alone
    /// (<c>ToTable("Cats", null, t =&gt; { t.Property("Id").HasColumnName("CatId"); })</c>, which EF writes for a TPT or
    /// TPC table whose key column is renamed): the reader keeps the property's name, so no comparison is made.</summary>
    private static bool RenamesColumnsForTable(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
        arguments.Any(a => a.Expression is LambdaExpressionSyntax lambda && SyntaxFacts.SingleParameter(lambda) is { } table
            && lambda.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i =>
                i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Property", Expression: IdentifierNameSyntax root } && root.Identifier.ValueText == table));

    /// <summary>A complex property's block: EF Core 8 and 9 write <c>b.ComplexProperty&lt;Dictionary&lt;string, object&gt;&gt;("Address",
    /// "Ns.Blog.Address#Address", b1 =&gt; ...)</c>, EF Core 10 <c>b.ComplexProperty(typeof(Dictionary&lt;string, object&gt;),
    /// "Address", "Ns.Blog.Address#Address", b1 =&gt; ...)</c>: the first string is the property's name.</summary>
    private static (string Name, LambdaExpressionSyntax Lambda)? ComplexBlock(InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        if (arguments.Count is < 3 or > 4 || arguments[arguments.Count - 1].Expression is not LambdaExpressionSyntax lambda) return null;
        var name = Literal(arguments[arguments.Count - 3].Expression);
        if (name is null || Literal(arguments[arguments.Count - 2].Expression) is null) return null;
        if (arguments.Count == 4 && arguments[0].Expression is not TypeOfExpressionSyntax) return null;
        return (name, lambda);
    }

    /// <summary>A complex property stored in its owner's table (not JSON: <c>ToJson</c> makes the snapshot not comparable):
    /// each property is a column named [path]_[property] (<c>Address_City</c>, nested <c>Address_Geo_Lat</c>) unless
    /// <c>HasColumnName</c> names it. A property's own nullability holds when the complex property and every one it sits in
    /// are required (<c>b1.IsRequired()</c>, which EF writes for a required one); an optional complex property (EF Core 10)
    /// makes its columns nullable, and its nullability is then left unread, as it is when no <c>IsRequired()</c> is written.</summary>
    private static void ReadComplex(LambdaExpressionSyntax lambda, string path, bool required, List<SnapshotColumn> columns,
        List<string> notComparable, HashSet<InvocationExpressionSyntax> complexRead)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        if (parameter is null) { NotComparable(notComparable, "ComplexProperty"); return; }
        var invocations = lambda.Body.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => (Invocation: i, Access: i.Expression as MemberAccessExpressionSyntax))
            .Where(i => i.Access?.Expression is IdentifierNameSyntax root && root.Identifier.ValueText == parameter).ToList();
        required &= invocations.Any(i => i.Access!.Name.Identifier.ValueText == "IsRequired" && i.Invocation.ArgumentList.Arguments.Count == 0);
        var byProperty = new Dictionary<string, SnapshotColumn>(System.StringComparer.Ordinal);
        foreach (var (invocation, access) in invocations)
        {
            var arguments = invocation.ArgumentList.Arguments;
            switch (access!.Name.Identifier.ValueText)
            {
                case "Property" or "PrimitiveCollection" when arguments.Count == 1 && Literal(arguments[0].Expression) is { } property:
                    if (!byProperty.TryGetValue(property, out var column)) byProperty[property] = column = new SnapshotColumn(property) { Kind = KindOf(access.Name) };
                    ReadPropertyChain(invocation, column);
                    break;
                case "ComplexProperty" when ComplexBlock(invocation) is { } nested:
                    complexRead.Add(invocation);
                    ReadComplex(nested.Lambda, path + "_" + nested.Name, required, columns, notComparable, complexRead);
                    break;
                case "IsRequired" when arguments.Count == 0:
                    break;
                case "IsRequired" or "HasDiscriminator":
                    // A discriminator of complex types, or a requiredness not written as EF writes it: not read.
                    NotComparable(notComparable, "ComplexProperty(…)." + access.Name.Identifier.ValueText);
                    break;
            }
        }
        foreach (var column in byProperty.Values)
        {
            if (!column.NameGiven) column.Name = path + "_" + column.Name;
            column.Nullable = required ? OwnNullability(column) : null;
            columns.Add(column);
        }
    }

    /// <summary>What <c>Property&lt;T&gt;</c>'s type says of nullability. EF writes the provider CLR type, with <c>?</c> for a
    /// nullable value type; any type not recognised here leaves the nullability unread.</summary>
    private static TypeKind KindOf(SimpleNameSyntax name)
    {
        if (name is not GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments }) return TypeKind.Unknown;
        var type = typeArguments[0];
        if (type is NullableTypeSyntax nullable) return KindOf(nullable.ElementType) == TypeKind.Value ? TypeKind.NullableValue : TypeKind.Unknown;
        return KindOf(type);
    }

    private static TypeKind KindOf(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax { Keyword.ValueText: "string" } => TypeKind.Reference,
        PredefinedTypeSyntax { Keyword.ValueText: "object" or "dynamic" } => TypeKind.Unknown,
        PredefinedTypeSyntax => TypeKind.Value,
        ArrayTypeSyntax => TypeKind.Reference,
        IdentifierNameSyntax identifier => ValueTypes.Contains(identifier.Identifier.ValueText) ? TypeKind.Value : TypeKind.Unknown,
        QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "System" } } qualified => KindOf(qualified.Right),
        _ => TypeKind.Unknown,
    };

    private static readonly HashSet<string> ValueTypes = new(System.StringComparer.Ordinal)
    {
        "DateTime", "DateTimeOffset", "TimeSpan", "Guid", "DateOnly", "TimeOnly", "Decimal", "Double", "Single", "Boolean",
        "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32", "Int64", "UInt64", "Char",
    };

    /// <summary>The facts a <c>Property</c> chain states: <c>HasColumnName</c>, <c>HasColumnType</c>, <c>HasMaxLength</c>, <c>IsRequired</c>.</summary>
    private static void ReadPropertyChain(InvocationExpressionSyntax propertyCall, SnapshotColumn column)
    {
        SyntaxNode current = propertyCall;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax outer)
        {
            var arguments = outer.ArgumentList.Arguments;
            switch (access.Name.Identifier.ValueText)
            {
                case "HasColumnName" when arguments.Count == 1 && Literal(arguments[0].Expression) is { } name:
                    column.Name = name;
                    column.NameGiven = true;
                    break;
                case "HasColumnType" when arguments.Count == 1:
                    column.StoreType = Literal(arguments[0].Expression);
                    break;
                case "HasMaxLength" when arguments.Count == 1:
                    column.MaxLength = arguments[0].Expression is LiteralExpressionSyntax { Token.Value: int length } ? length : null;
                    break;
                case "IsRequired" when arguments.Count == 0:
                    column.Required = true;
                    break;
                case "IsRequired" when arguments.Count == 1 && arguments[0].Expression.Kind() is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression:
                    column.Required = arguments[0].Expression.IsKind(SyntaxKind.TrueLiteralExpression);
                    break;
                case "IsRequired":
                    column.RequiredUnknown = true;
                    break;
            }
            current = outer;
        }
    }

    private static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? Literal(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;
}
