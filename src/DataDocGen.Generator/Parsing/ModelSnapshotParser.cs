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
/// Only syntax is read. Tables and their column names are kept; constructs that change columns in ways not read here
/// (owned and complex types, JSON, TPC) are listed so that no comparison is made with them.
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

        var tables = new Dictionary<string, (string Name, string? Schema, SortedSet<string> Columns)>(System.StringComparer.Ordinal);
        foreach (var collection in entities.Values.SelectMany(e => e.OwnedTables))
        {
            var schema = collection.Schema ?? defaultSchema;
            var key = schema + "." + collection.Table;
            if (!tables.TryGetValue(key, out var table)) tables[key] = table = (collection.Table!, schema, new SortedSet<string>(System.StringComparer.Ordinal));
            foreach (var column in collection.Columns.Concat(collection.OwnedColumns)) table.Columns.Add(column);
        }
        foreach (var entity in entities.Values)
        {
            var owner = entity;
            while (owner.Table is null && owner.BaseType is not null && entities.TryGetValue(owner.BaseType, out var baseEntity)) owner = baseEntity; // TPH
            if (owner.Table is null) continue; // no table (views, queries) or not read
            var schema = owner.Schema ?? defaultSchema;
            var key = schema + "." + owner.Table;
            if (!tables.TryGetValue(key, out var table)) tables[key] = table = (owner.Table, schema, new SortedSet<string>(System.StringComparer.Ordinal));
            foreach (var column in entity.Columns.Concat(entity.OwnedColumns)) table.Columns.Add(column);
            // TPT: a derived type's own table also holds the key, which its block does not repeat.
            if (entity != owner || entity.BaseType is null) continue;
            var root = entity;
            while (root.BaseType is not null && entities.TryGetValue(root.BaseType, out var parent)) root = parent;
            foreach (var keyColumn in root.KeyColumns) table.Columns.Add(keyColumn);
        }

        return new MigrationSnapshotSpec(
            type.ClrFullName(),
            contextType.ClrFullName(),
            productVersion,
            tables.Values.Select(t => new SnapshotTableSpec(t.Name, t.Schema, t.Columns.ToEquatableArray()))
                .OrderBy(t => t.Name, System.StringComparer.Ordinal).ThenBy(t => t.Schema, System.StringComparer.Ordinal).ToEquatableArray(),
            notComparable.ToEquatableArray(),
            SourceLocation.From(type));
    }

    private sealed class SnapshotEntity
    {
        public string? Table { get; set; }
        public string? Schema { get; set; }
        public string? BaseType { get; set; }
        public List<string> Columns { get; } = new();
        public List<string> KeyColumns { get; } = new();
        /// <summary>Owned types stored in this entity's table: their columns, named [navigation]_[property].</summary>
        public List<string> OwnedColumns { get; } = new();
        /// <summary>Owned collections (OwnsMany): tables of their own.</summary>
        public List<SnapshotEntity> OwnedTables { get; } = new();
    }

    /// <summary>The statements of one <c>Entity("Name", b => ...)</c> block, rooted at its parameter.</summary>
    private static void ReadEntity(LambdaExpressionSyntax lambda, SnapshotEntity entity, List<string> notComparable)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        if (parameter is null) return;
        var columnsByProperty = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var invocation in lambda.Body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } access || root.Identifier.ValueText != parameter) continue;
            var arguments = invocation.ArgumentList.Arguments;
            switch (access.Name.Identifier.ValueText)
            {
                case "Property" when arguments.Count == 1 && Literal(arguments[0].Expression) is { } property:
                    columnsByProperty[property] = ColumnName(invocation) ?? property;
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
                    foreach (var column in owned.Columns.Where(c => !owned.KeyColumns.Contains(c))) entity.OwnedColumns.Add(navigation + "_" + column);
                    foreach (var column in owned.OwnedColumns) entity.OwnedColumns.Add(navigation + "_" + column);
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
                    entity.KeyColumns.AddRange(arguments.Select(a => Literal(a.Expression)).Where(k => k is not null).Select(k => columnsByProperty.TryGetValue(k!, out var c) ? c : k!));
                    break;
            }
        }
        entity.Columns.AddRange(columnsByProperty.Values);
    }

    /// <summary>The column name a <c>Property</c> chain gives with <c>HasColumnName("...")</c>, if any.</summary>
    private static string? ColumnName(InvocationExpressionSyntax propertyCall)
    {
        SyntaxNode current = propertyCall;
        while (current.Parent is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax outer)
        {
            if (access.Name.Identifier.ValueText == "HasColumnName" && outer.ArgumentList.Arguments.Count == 1) return Literal(outer.ArgumentList.Arguments[0].Expression);
            current = outer;
        }
        return null;
    }

    private static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static string? Literal(ExpressionSyntax expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;
}
