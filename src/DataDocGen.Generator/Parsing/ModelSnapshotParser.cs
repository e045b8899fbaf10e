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
/// property's type, <c>IsRequired</c>, the key and TPH settle it) and primary key columns are kept; constructs that change
/// columns in ways not read here (complex types, JSON, TPC...) are listed so that no comparison is made with them.
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
                    ReadEntity(lambda, entity, notComparable);
                    break;
                case "ComplexProperty" or "ComplexCollection" or "ToJson" or "UseTpcMappingStrategy" or "SplitToTable" or "SplitToView":
                    if (!notComparable.Contains(name)) notComparable.Add(name);
                    break;
            }
        }

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

    /// <summary>A property's column as its <c>Property</c> chain states it; <see cref="Nullable"/> is the property's own
    /// nullability (its table may make it nullable: TPH).</summary>
    private sealed class SnapshotColumn(string name)
    {
        public string Name { get; set; } = name;
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

    /// <summary>The statements of one <c>Entity("Name", b => ...)</c> block, rooted at its parameter.</summary>
    private static void ReadEntity(LambdaExpressionSyntax lambda, SnapshotEntity entity, List<string> notComparable)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        if (parameter is null) return;
        var columnsByProperty = new Dictionary<string, SnapshotColumn>(System.StringComparer.Ordinal);
        foreach (var invocation in lambda.Body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } access || root.Identifier.ValueText != parameter) continue;
            var arguments = invocation.ArgumentList.Arguments;
            switch (access.Name.Identifier.ValueText)
            {
                case "Property" when arguments.Count == 1 && Literal(arguments[0].Expression) is { } property:
                    // EF repeats b.Property<int>("Id") in UseIdentityColumn(...): a later chain adds what it states.
                    if (!columnsByProperty.TryGetValue(property, out var column)) columnsByProperty[property] = column = new SnapshotColumn(property) { Kind = KindOf(access.Name) };
                    ReadPropertyChain(invocation, column);
                    break;
                // ToTable(buildAction) alone (EF writes b.ToTable(tb => tb.IsTemporal(...)) after b.ToTable("T")) names no table.
                case "ToTable" when arguments.Count >= 1 && arguments[0].Expression is not LambdaExpressionSyntax:
                    entity.Table = Literal(arguments[0].Expression);
                    entity.Schema = arguments.Count >= 2 ? Literal(arguments[1].Expression) : null;
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
                    var owned = new SnapshotEntity();
                    ReadEntity(ownedLambda, owned, notComparable);
                    if (owned.Table is not null && owned.Table != entity.Table && entity.Table is not null)
                    {
                        if (!notComparable.Contains("OwnsOne(...).ToTable")) notComparable.Add("OwnsOne(...).ToTable");
                        break;
                    }
                    foreach (var ownedColumn in owned.Columns.Where(c => !owned.KeyColumns.Contains(c.Name)).Concat(owned.OwnedColumns))
                    {
                        entity.OwnedColumns.Add(new SnapshotColumn(navigation + "_" + ownedColumn.Name) { StoreType = ownedColumn.StoreType, MaxLength = ownedColumn.MaxLength });
                    }
                    break;
                case "OwnsMany" when arguments.Count == 3 && arguments[2].Expression is LambdaExpressionSyntax manyLambda:
                    // An owned collection lists all its columns (key and foreign key included) and its own table.
                    var collection = new SnapshotEntity();
                    ReadEntity(manyLambda, collection, notComparable);
                    if (collection.Table is null) { if (!notComparable.Contains("OwnsMany")) notComparable.Add("OwnsMany"); break; }
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
            column.Nullable = entity.KeyRead && entity.KeyColumns.Contains(column.Name) ? false
                : column.RequiredUnknown ? null
                : column.Kind switch
                {
                    TypeKind.NullableValue => column.Required == true ? null : true,
                    TypeKind.Value => column.Required == false ? null : false,
                    TypeKind.Reference => column.Required != true,
                    _ => null,
                };
            entity.Columns.Add(column);
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
