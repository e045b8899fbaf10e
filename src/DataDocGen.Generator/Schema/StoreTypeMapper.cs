using System.Globalization;
using System.Linq;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// The column type EF Core's providers choose for a property by default (SqlServerTypeMappingSource,
/// SqliteTypeMappingSource, NpgsqlTypeMappingSource), from its CLR type and facets. Null when the provider is not
/// known, the type is not in these tables, or a value converter decides it in a way the code does not state. A value
/// converter whose provider type is known maps the property as that type, with the converter's mapping hints under
/// the property's own facets (<c>HasConversion&lt;string&gt;()</c> on a Guid is nvarchar(36), with <c>HasMaxLength(40)</c>
/// nvarchar(40)). The fidelity tests compare every stated store type with EF Core's own.
/// </summary>
internal static class StoreTypeMapper
{
    public static string? Map(string? provider, PropertyNode property)
    {
        // Npgsql rewrites explicit column types to its own spelling (decimal(9,2) is numeric(9,2)): not stated there. An
        // explicit column type wins over a converter too.
        if (property.ColumnType is not null) return provider switch { "Npgsql" => null, "SqlServer" => SqlServerSpelling(property.ColumnType), _ => property.ColumnType };
        if (property.PrincipalKey is { } key)
        {
            // EF Core takes a foreign key's converter and facets from its principal key when it has none of its own:
            // a converted foreign key, or one with facets of its own referencing a converted key, is not stated,
            // unless it is configured exactly as its key (ConfigureConventions reaching both: EF's lookup then finds
            // the same converter and facets on either).
            if (property.Converted) return SameMapping(property, key) ? Map(provider, key) : OwnConverter(provider, property, key);
            // A foreign key column without facets of its own takes the principal key's (a key of nvarchar(32) gives nvarchar(32)).
            if (property.MaxLength is null && property.Unicode is null && !property.FixedLength
                && property.Precision is null && key.ProviderClrType == property.ProviderClrType)
            {
                return Map(provider, key);
            }
            if (IsConverted(key)) return null;
        }
        if (property.Converted) return Converted(provider, property);
        if (property.ProviderClrType == "json")
        {
            // A JSON container column (ToJson).
            return provider switch { "SqlServer" => "nvarchar(max)", "Sqlite" => "TEXT", "Npgsql" => "jsonb", _ => null };
        }
        return provider switch
        {
            "SqlServer" => SqlServer(property),
            "Sqlite" => Sqlite(property.ProviderClrType),
            "Npgsql" => Npgsql(property),
            _ => null,
        };
    }

    private static bool SameMapping(PropertyNode property, PropertyNode key) =>
        key.Converted && property.Conversion is not null && Equals(property.Conversion, key.Conversion)
        && property.ProviderClrType == key.ProviderClrType && property.MaxLength == key.MaxLength && property.Unicode == key.Unicode
        && property.FixedLength == key.FixedLength && property.Precision == key.Precision && property.Scale == key.Scale
        && property.ColumnType is null && key.ColumnType is null && !property.RowVersion && !key.RowVersion;

    /// <summary>A converted foreign key referencing a converted key (a strongly typed id): EF Core's
    /// RelationalTypeMappingSource reads each facet from the foreign key first, then from its principal key
    /// (<c>GetPrincipals</c>), and takes the converter of the first that has one, the foreign key's own; the key's
    /// converter hints play no part. EF judge (typed-ids model, three providers): <c>OrderLine.ProductId</c>, converted by
    /// a lambda without facets, is <c>varchar(20)</c> like its key <c>HasMaxLength(20).IsUnicode(false)</c>, while its
    /// reported max length stays null. Null when the converter is EF's selector's (its hints depend on the type), the key
    /// is itself a foreign key (a longer chain of principals) or has an explicit column type, the two differ in
    /// fixed length (an explicit <c>IsFixedLength(false)</c> cannot be told from none), or the key's precision would
    /// reach the foreign key (the same rule in EF's code, but no fidelity model shows it yet).</summary>
    private static string? OwnConverter(string? provider, PropertyNode property, PropertyNode key)
    {
        if (property.Conversion is not { BySelector: false } || !key.Converted || key.Conversion is null || key.PrincipalKey is not null
            || key.ColumnType is not null || property.FixedLength != key.FixedLength || property.RowVersion || key.RowVersion
            || (property.Precision is null && property.Scale is null && (key.Precision is not null || key.Scale is not null)))
        {
            return null;
        }
        var merged = new PropertyNode(property.Owner, property.Name, property.ClrType, property.Nullable, location: null)
        {
            ProviderClrType = property.ProviderClrType,
            Converted = true,
            Conversion = property.Conversion,
            MaxLength = property.MaxLength ?? key.MaxLength,
            Unicode = property.Unicode ?? key.Unicode,
            FixedLength = property.FixedLength,
            Precision = property.Precision ?? key.Precision,
            Scale = property.Scale ?? key.Scale,
            InKeyOrIndex = property.InKeyOrIndex,
        };
        return Converted(provider, merged);
    }

    /// <summary>SQL Server's provider parses an explicit column type and writes its facets back without blanks:
    /// <c>decimal(18, 2)</c> (as <c>dotnet ef dbcontext scaffold</c> writes it) is <c>decimal(18,2)</c>, <c>nvarchar( 50 )</c>
    /// <c>nvarchar(50)</c>; the name keeps its case (<c>DECIMAL(10,4)</c>). Checked against EF Core 10 (scaffolded model).</summary>
    private static string SqlServerSpelling(string columnType)
    {
        var open = columnType.IndexOf('(');
        var close = columnType.LastIndexOf(')');
        if (open < 0 || close < open) return columnType;
        var facets = new string(columnType.Substring(open, close - open + 1).Where(c => !char.IsWhiteSpace(c)).ToArray());
        return columnType.Substring(0, open) + facets + columnType.Substring(close + 1);
    }

    /// <summary>A key converted itself, or referencing (as a foreign key) a converted key.</summary>
    private static bool IsConverted(PropertyNode key)
    {
        for (var current = key; current is not null; current = current.PrincipalKey)
        {
            if (current.Converted && current.ColumnType is null) return true;
        }
        return false;
    }

    /// <summary>A property with a value converter: mapped as its provider type, the property's facets over the
    /// converter's hints (EF Core's RelationalTypeMappingInfo). Null when the converter is not known statically.</summary>
    private static string? Converted(string? provider, PropertyNode property)
    {
        // A converted row version (ulong to byte[]) is not modelled.
        if (property.Conversion is not { } conversion || property.RowVersion) return null;
        var hints = new ConverterHints.Hints(conversion.Size, conversion.Precision, conversion.Scale);
        if (conversion.BySelector)
        {
            // HasConversion<T>() with the property's own type converts nothing.
            var isEnum = property.ProviderClrType != property.ClrType;
            if (!isEnum && conversion.ProviderClrType == property.ClrType) return Map(provider, Unconverted(property, property.ClrType, new ConverterHints.Hints()));
            if (ConverterHints.Select(property, conversion.ProviderClrType) is not { } selected) return null;
            hints = selected;
        }
        var mapped = Unconverted(property, conversion.ProviderClrType, hints);
        // A fixed-length column without a length: EF's spelling differs by provider (SQL Server's bare nchar); not stated.
        if (mapped.FixedLength && mapped.MaxLength is null) return null;
        return Map(provider, mapped);
    }

    /// <summary>The property as EF maps it after conversion: the provider type, with the property's facets where it
    /// has them and the converter's hints elsewhere.</summary>
    private static PropertyNode Unconverted(PropertyNode property, string providerClrType, ConverterHints.Hints hints) =>
        new(property.Owner, property.Name, providerClrType, property.Nullable, location: null)
        {
            ProviderClrType = providerClrType,
            MaxLength = property.MaxLength ?? hints.Size,
            Unicode = property.Unicode,
            FixedLength = property.FixedLength,
            Precision = property.Precision ?? hints.Precision,
            Scale = property.Precision is null ? hints.Scale : property.Scale,
            RowVersion = property.RowVersion,
            InKeyOrIndex = property.InKeyOrIndex,
        };

    private static string? SqlServer(PropertyNode property)
    {
        switch (property.ProviderClrType)
        {
            case "System.String":
            {
                var unicode = property.Unicode ?? true;
                var prefix = property.FixedLength ? (unicode ? "nchar" : "char") : (unicode ? "nvarchar" : "varchar");
                var max = unicode ? 4000 : 8000;
                var length = property.MaxLength ?? (property.InKeyOrIndex ? (unicode ? 450 : 900) : (int?)null);
                return length is { } n && n <= max ? prefix + "(" + Number(n) + ")" : (property.FixedLength ? prefix + "(" + Number(length ?? 1) + ")" : prefix + "(max)");
            }
            case "System.Byte[]":
                if (property.RowVersion) return "rowversion";
                var bytes = property.MaxLength ?? (property.InKeyOrIndex ? 900 : (int?)null);
                return bytes is { } b && b <= 8000 ? (property.FixedLength ? "binary(" : "varbinary(") + Number(b) + ")" : "varbinary(max)";
            case "System.Decimal":
                return "decimal(" + Number(property.Precision ?? 18) + "," + Number(property.Scale ?? (property.Precision is null ? 2 : 0)) + ")";
            case "System.DateTime":
                return property.Precision is { } dateTimePrecision ? "datetime2(" + Number(dateTimePrecision) + ")" : "datetime2";
            case "System.DateTimeOffset":
                return property.Precision is { } offsetPrecision ? "datetimeoffset(" + Number(offsetPrecision) + ")" : "datetimeoffset";
            case "System.TimeSpan":
            case "System.TimeOnly":
                return property.Precision is { } timePrecision ? "time(" + Number(timePrecision) + ")" : "time";
            case "System.Uri":
                return "nvarchar(max)";
            default:
                return property.ProviderClrType switch
                {
                    "System.Boolean" => "bit",
                    "System.Byte" => "tinyint",
                    "System.SByte" => "smallint",
                    "System.Int16" => "smallint",
                    "System.UInt16" => "int",
                    "System.Int32" => "int",
                    "System.UInt32" => "bigint",
                    "System.Int64" => "bigint",
                    "System.UInt64" => "decimal(20,0)",
                    "System.Char" => "nvarchar(1)",
                    "System.Single" => "real",
                    "System.Double" => "float",
                    "System.DateOnly" => "date",
                    "System.Guid" => "uniqueidentifier",
                    _ => null,
                };
        }
    }

    private static string? Sqlite(string clrType) => clrType switch
    {
        "System.Boolean" or "System.Byte" or "System.SByte" or "System.Int16" or "System.UInt16" or "System.Int32" or "System.UInt32"
            or "System.Int64" or "System.UInt64" => "INTEGER",
        "System.Single" or "System.Double" => "REAL",
        "System.Byte[]" => "BLOB",
        "System.String" or "System.Char" or "System.Decimal" or "System.DateTime" or "System.DateTimeOffset" or "System.TimeSpan"
            or "System.DateOnly" or "System.TimeOnly" or "System.Guid" or "System.Uri" => "TEXT",
        _ => null,
    };

    private static string? Npgsql(PropertyNode property) => property.ProviderClrType switch
    {
        "System.String" when property.FixedLength => "character(" + Number(property.MaxLength ?? 1) + ")",
        "System.String" => property.MaxLength is { } length ? "character varying(" + Number(length) + ")" : "text",
        "System.Decimal" => property.Precision is { } precision ? "numeric(" + Number(precision) + "," + Number(property.Scale ?? 0) + ")" : "numeric",
        "System.Boolean" => "boolean",
        "System.Byte" => "smallint",
        "System.Int16" => "smallint",
        "System.Int32" => "integer",
        "System.Int64" => "bigint",
        "System.Single" => "real",
        "System.Double" => "double precision",
        "System.Char" => "character(1)",
        "System.DateTime" => "timestamp with time zone",
        "System.DateTimeOffset" => "timestamp with time zone",
        "System.TimeSpan" => "interval",
        "System.DateOnly" => "date",
        "System.TimeOnly" => "time without time zone",
        "System.Guid" => "uuid",
        "System.Byte[]" => "bytea",
        _ => null,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
