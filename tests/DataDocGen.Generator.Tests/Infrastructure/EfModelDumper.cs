using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>
/// EF Core's side of the fidelity tests: writes what EF Core itself computes for a live <see cref="DbContext"/> (its
/// design-time model, as <c>dotnet ef</c> sees it, and that model's relational model) as one object of DATA_LAYER.json's
/// <c>contexts</c> array, so that it can be compared with what DataDocGen wrote (see <see cref="JsonDiff"/>).
/// </summary>
/// <remarks>
/// Choices where the contract leaves room (each follows EF's design-time relational model):
/// <list type="bullet">
/// <item>tables and views are sorted by name, then schema (null first), ordinally, as the generator does.</item>
/// <item>columns, foreign keys, indexes, unique and check constraints are sorted ordinally by name; the columns inside a
/// key, foreign key or index keep EF's order.</item>
/// <item>CLR type names are <see cref="Type.FullName"/> (<c>Ns.Outer+Inner</c>); a constructed generic type, whose
/// FullName embeds assembly versions, is written as <see cref="Type.ToString"/> (<c>System.Collections.Generic.List`1[System.Int32]</c>).</item>
/// <item>a JSON container column (ToJson), which has no property mapping, gets the CLR type of the owned entity type
/// or complex type stored in it (the element type for collections) and maxLength null.</item>
/// <item>a unidirectional many-to-many (HasMany(...).WithMany()) is written with null for the end that has no CLR
/// navigation (EF gives it a shadow skip navigation named after the other type); ends are ordered by (entity name,
/// navigation name), null first.</item>
/// <item>for non-relational providers there are no tables, so tables and views are empty and joinTable is null.</item>
/// </list>
/// </remarks>
internal static class EfModelDumper
{
    /// <summary>Builds a context without connecting to anything: provider "SqlServer", "Sqlite" or "Npgsql".</summary>
    public static DbContext CreateContext(Type contextType, string provider)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        if (!typeof(DbContext).IsAssignableFrom(contextType))
        {
            throw new ArgumentException(contextType.FullName + " is not a DbContext.", nameof(contextType));
        }

        var typedOptions = typeof(DbContextOptions<>).MakeGenericType(contextType);
        var constructors = contextType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        var withOptions = constructors
            .Where(c => c.GetParameters() is [var p] && (p.ParameterType == typedOptions || p.ParameterType == typeof(DbContextOptions)))
            .OrderBy(c => c.GetParameters()[0].ParameterType == typedOptions ? 0 : 1)
            .ThenBy(c => c.IsPublic ? 0 : 1)
            .FirstOrDefault();
        if (withOptions is null)
        {
            // Configured in OnConfiguring: created as it is.
            var parameterless = constructors.FirstOrDefault(c => c.GetParameters().Length == 0)
                                ?? throw new ArgumentException(contextType.FullName + " has neither a constructor taking DbContextOptions nor a parameterless one.", nameof(contextType));
            return (DbContext)parameterless.Invoke(null);
        }

        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        switch (provider)
        {
            case "SqlServer": builder.UseSqlServer("Server=.;Database=Fidelity"); break;
            case "Sqlite": builder.UseSqlite("Data Source=fidelity.db"); break;
            case "Npgsql": builder.UseNpgsql("Host=localhost;Database=fidelity"); break;
            default: throw new ArgumentException("Unknown provider '" + provider + "': use SqlServer, Sqlite or Npgsql.", nameof(provider));
        }
        return (DbContext)withOptions.Invoke(new object[] { builder.Options });
    }

    /// <summary>The context as DATA_LAYER.json's "contexts" element: 2-space indented, LF line endings, trailing "\n".</summary>
    public static string Dump(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var contextType = context.GetType();
        var model = context.GetService<IDesignTimeModel>().Model;
        var relational = context.Database.IsRelational();

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   IndentSize = 2,
                   NewLine = "\n",
                   // Type names such as Ns.Outer+Inner stay readable (the default encoder writes + as \u002B).
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            json.WriteStartObject();
            json.WriteString("name", contextType.Name);
            json.WriteString("fullName", contextType.FullName);
            json.WriteString("provider", ProviderName(context.Database.ProviderName));

            json.WriteStartArray("tables");
            if (relational)
            {
                foreach (var table in Sorted(model.GetRelationalModel().Tables)) WriteTable(json, table, view: false);
            }
            json.WriteEndArray();

            json.WriteStartArray("views");
            if (relational)
            {
                foreach (var view in Sorted(model.GetRelationalModel().Views)) WriteTable(json, view, view: true);
            }
            json.WriteEndArray();

            json.WriteStartArray("relationships");
            foreach (var relationship in Relationships(model, relational)) relationship.Write(json);
            json.WriteEndArray();

            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>EF's provider assembly name (DatabaseFacade.ProviderName) → DATA_LAYER.json's provider, or null.</summary>
    public static string? ProviderName(string? efProviderName) => efProviderName switch
    {
        "Microsoft.EntityFrameworkCore.SqlServer" => "SqlServer",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "Npgsql",
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" => "MySql",
        "Microsoft.EntityFrameworkCore.Cosmos" => "Cosmos",
        "Microsoft.EntityFrameworkCore.InMemory" => "InMemory",
        "Oracle.EntityFrameworkCore" => "Oracle",
        _ => null,
    };

    /// <summary>An entity type's name in DATA_LAYER.json: its CLR full name, or EF's name for property-bag types.</summary>
    public static string EntityName(ITypeBase type) => type.IsPropertyBag ? type.Name : TypeName(type.ClrType);

    /// <summary>Type.FullName (Ns.Outer+Inner); constructed generics as Type.ToString(), without assembly names.</summary>
    public static string TypeName(Type type) =>
        type.IsGenericType || type.ContainsGenericParameters || type.FullName is null ? type.ToString() : type.FullName;

    private static IEnumerable<T> Sorted<T>(IEnumerable<T> tables) where T : ITableBase =>
        tables.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Schema, StringComparer.Ordinal);

    private static string Qualified(string name, string? schema) => schema is null ? name : schema + "." + name;

    private static void WriteTable(Utf8JsonWriter json, ITableBase table, bool view)
    {
        json.WriteStartObject();
        json.WriteString("name", table.Name);
        json.WriteString("schema", table.Schema);

        // The types whose main table (or view) this is: TPT's root table also maps the derived types, whose main
        // table is their own.
        var entities = table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>()
            .Where(e => view
                ? e.GetViewName() == table.Name && e.GetViewSchema() == table.Schema
                : e.GetTableName() == table.Name && e.GetSchema() == table.Schema)
            .Select(EntityName).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        WriteStrings(json, "entities", entities);

        json.WriteStartArray("columns");
        foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            // A column shared by an owner and its table-split owned types (the owner's key, which the owned types' keys
            // map to as well): the owner's property. EF Core 8 lists an owned type's key first, EF Core 10 the owner's.
            var property = column.PropertyMappings.OrderBy(m => m.Property.DeclaringType is IEntityType entity && entity.IsOwned() ? 1 : 0)
                .FirstOrDefault()?.Property;
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("clrType", property is not null
                ? TypeName(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType)
                : JsonContainerType(table, column) is { } container ? TypeName(container) : TypeName(column.ProviderClrType));
            json.WriteBoolean("nullable", column.IsNullable);
            WriteNumber(json, "maxLength", property?.GetMaxLength());
            json.WriteString("storeType", column.StoreType);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        var storeTable = view ? null : table as ITable;
        if (storeTable?.PrimaryKey is { } primaryKey)
        {
            json.WriteStartObject("primaryKey");
            json.WriteString("name", primaryKey.Name);
            WriteStrings(json, "columns", primaryKey.Columns.Select(c => c.Name));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("primaryKey");
        }

        json.WriteStartArray("foreignKeys");
        foreach (var foreignKey in (storeTable?.ForeignKeyConstraints ?? []).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", foreignKey.Name);
            WriteStrings(json, "columns", foreignKey.Columns.Select(c => c.Name));
            json.WriteString("principalTable", Qualified(foreignKey.PrincipalTable.Name, foreignKey.PrincipalTable.Schema));
            WriteStrings(json, "principalColumns", foreignKey.PrincipalColumns.Select(c => c.Name));
            json.WriteString("onDelete", foreignKey.OnDeleteAction.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("indexes");
        foreach (var index in (storeTable?.Indexes ?? []).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", index.Name);
            WriteStrings(json, "columns", index.Columns.Select(c => c.Name));
            json.WriteBoolean("unique", index.IsUnique);
            json.WriteString("filter", index.Filter);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("uniqueConstraints");
        foreach (var constraint in (storeTable?.UniqueConstraints ?? []).Where(u => !u.GetIsPrimaryKey()).OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", constraint.Name);
            WriteStrings(json, "columns", constraint.Columns.Select(c => c.Name));
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("checkConstraints");
        foreach (var check in (storeTable?.CheckConstraints ?? []).OrderBy(c => c.Name ?? c.ModelName, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name ?? check.ModelName);
            json.WriteString("sql", check.Sql);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteEndObject();
    }

    /// <summary>
    /// A JSON container column (ToJson) maps no property: its type is the owned entity type or complex type stored in it,
    /// the outermost one when JSON types nest.
    /// </summary>
    private static Type? JsonContainerType(ITableBase table, IColumnBase column)
    {
        foreach (var entityType in table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>())
        {
            if (entityType.IsMappedToJson() && entityType.GetContainerColumnName() == column.Name
                && entityType.FindOwnership()?.PrincipalEntityType.IsMappedToJson() != true)
            {
                return entityType.ClrType;
            }
            if (ComplexJsonType(entityType, column.Name) is { } complex) return complex;
        }
        foreach (var complexType in table.ComplexTypeMappings.Select(m => m.TypeBase).OfType<IComplexType>())
        {
            if (ComplexJsonType(complexType, column.Name) is { } complex) return complex;
        }
        return null;
    }

    private static Type? ComplexJsonType(ITypeBase type, string columnName)
    {
        foreach (var complexProperty in type.GetComplexProperties())
        {
            var complexType = complexProperty.ComplexType;
            if (complexType.IsMappedToJson() && complexType.GetContainerColumnName() == columnName) return complexType.ClrType;
            if (!complexType.IsMappedToJson() && ComplexJsonType(complexType, columnName) is { } nested) return nested;
        }
        return null;
    }

    private static List<Relationship> Relationships(IModel model, bool relational)
    {
        var skipNavigations = model.GetEntityTypes().SelectMany(e => e.GetDeclaredSkipNavigations()).ToList();
        // Implicit join entities (Dictionary<string, object> property bags) are the skip navigations' business.
        var implicitJoinEntities = skipNavigations.Select(s => s.JoinEntityType)
            .Where(e => e is not null && (e.IsPropertyBag || e.HasSharedClrType))
            .ToHashSet();

        var relationships = new List<Relationship>();
        foreach (var foreignKey in model.GetEntityTypes().SelectMany(e => e.GetDeclaredForeignKeys()))
        {
            // EF 10 models TPT's derived-to-base link as a foreign key on the primary key (IsBaseLinking): it is a
            // database constraint (foreignKeys), not a relationship.
            if (foreignKey.IsBaseLinking() || implicitJoinEntities.Contains(foreignKey.DeclaringEntityType)) continue;
            relationships.Add(new Relationship(
                EntityName(foreignKey.PrincipalEntityType), EntityName(foreignKey.DeclaringEntityType),
                foreignKey.IsUnique ? "OneToOne" : "OneToMany",
                foreignKey.PrincipalToDependent?.Name, foreignKey.DependentToPrincipal?.Name,
                foreignKey.IsRequired, null));
        }

        foreach (var skip in skipNavigations)
        {
            var end = (Entity: EntityName(skip.DeclaringEntityType), Navigation: NavigationName(skip));
            // A unidirectional many-to-many (HasMany(...).WithMany()) gets a shadow inverse skip navigation in EF 10,
            // named after the declaring type; it is no navigation of the user's, so that end is written without one.
            var inverse = (ISkipNavigation?)skip.Inverse;
            var other = (Entity: EntityName(inverse?.DeclaringEntityType ?? skip.TargetEntityType), Navigation: NavigationName(inverse));
            if (inverse is not null && Compare(end, other) > 0) continue; // the pair is written once, from its first end
            var (principal, dependent) = Compare(end, other) <= 0 ? (end, other) : (other, end);
            var joinTable = relational && skip.JoinEntityType is { } join && join.GetTableName() is { } tableName
                ? Qualified(tableName, join.GetSchema())
                : null;
            relationships.Add(new Relationship(principal.Entity, dependent.Entity, "ManyToMany",
                principal.Navigation, dependent.Navigation, false, joinTable));
        }

        return relationships
            .OrderBy(r => r.Principal, StringComparer.Ordinal)
            .ThenBy(r => r.Dependent, StringComparer.Ordinal)
            .ThenBy(r => r.PrincipalNavigation, StringComparer.Ordinal)
            .ThenBy(r => r.DependentNavigation, StringComparer.Ordinal)
            .ToList();

        static int Compare((string Entity, string? Navigation) x, (string Entity, string? Navigation) y)
        {
            var byEntity = string.CompareOrdinal(x.Entity, y.Entity);
            return byEntity != 0 ? byEntity : string.CompareOrdinal(x.Navigation, y.Navigation);
        }
    }

    private static string? NavigationName(ISkipNavigation? navigation) =>
        navigation is null || navigation.IsShadowProperty() ? null : navigation.Name;

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    private sealed record Relationship(string Principal, string Dependent, string Cardinality,
        string? PrincipalNavigation, string? DependentNavigation, bool Required, string? JoinTable)
    {
        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("principal", Principal);
            json.WriteString("dependent", Dependent);
            json.WriteString("cardinality", Cardinality);
            json.WriteString("principalNavigation", PrincipalNavigation);
            json.WriteString("dependentNavigation", DependentNavigation);
            json.WriteBoolean("required", Required);
            json.WriteString("joinTable", JoinTable);
            json.WriteEndObject();
        }
    }
}
