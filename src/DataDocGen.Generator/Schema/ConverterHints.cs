using System.Collections.Generic;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// The converter EF Core's <c>ValueConverterSelector</c> picks for a property type and a provider type
/// (<c>HasConversion&lt;string&gt;()</c>, <c>HasConversion(typeof(long))</c>), reduced to the mapping hints it carries
/// (EF Core 10: <c>DateTimeToStringConverter</c> has size 48, <c>GuidToStringConverter</c> 36, a long cast to decimal
/// precision 20 and scale 0...). Only the pairs the fidelity tests check are listed: any other pair gives no store type.
/// </summary>
internal static class ConverterHints
{
    internal sealed record Hints(int? Size = null, int? Precision = null, int? Scale = null);

    private static readonly Hints None = new();

    private static readonly Dictionary<(string Model, string Provider), Hints> Pairs = new()
    {
        [("System.Boolean", "System.String")] = new Hints(Size: 1),
        [("System.Boolean", "System.Byte")] = None,
        [("System.Boolean", "System.Int16")] = None,
        [("System.Boolean", "System.Int32")] = None,
        [("System.Boolean", "System.Int64")] = None,
        [("System.DateTime", "System.String")] = new Hints(Size: 48),
        [("System.DateTime", "System.Int64")] = None,
        [("System.DateTimeOffset", "System.String")] = new Hints(Size: 48),
        [("System.DateTimeOffset", "System.Int64")] = None,
        [("System.TimeSpan", "System.String")] = new Hints(Size: 48),
        [("System.TimeSpan", "System.Int64")] = None,
        [("System.TimeOnly", "System.String")] = new Hints(Size: 48),
        [("System.TimeOnly", "System.Int64")] = None,
        [("System.DateOnly", "System.String")] = new Hints(Size: 10),
        [("System.Guid", "System.String")] = new Hints(Size: 36),
        [("System.Guid", "System.Byte[]")] = new Hints(Size: 16),
        [("System.Char", "System.String")] = new Hints(Size: 1),
        [("System.Char", "System.Int32")] = None,
        [("System.Byte", "System.String")] = new Hints(Size: 64),
        [("System.Int16", "System.String")] = new Hints(Size: 64),
        [("System.Int32", "System.String")] = new Hints(Size: 64),
        [("System.Int64", "System.String")] = new Hints(Size: 64),
        [("System.Decimal", "System.String")] = new Hints(Size: 64),
        [("System.Double", "System.String")] = new Hints(Size: 64),
        [("System.Int32", "System.Int64")] = None,
        [("System.Int64", "System.Decimal")] = new Hints(Precision: 20, Scale: 0),
        [("System.Double", "System.Decimal")] = new Hints(Precision: 38, Scale: 17),
        [("System.Decimal", "System.Double")] = None,
        [("System.String", "System.Int32")] = new Hints(Size: 64),
        [("System.String", "System.Int64")] = new Hints(Size: 64),
        [("System.String", "System.Decimal")] = new Hints(Size: 64),
        [("System.String", "System.Guid")] = new Hints(Size: 36),
        [("System.String", "System.DateTime")] = new Hints(Size: 48),
        [("System.Int16", "System.Int32")] = None,
        [("System.Byte", "System.Int32")] = None,
        [("System.Uri", "System.String")] = None,
    };

    /// <summary>The selector's hints for <paramref name="property"/>'s type and <paramref name="provider"/>; null when
    /// the pair is not known (or EF Core has no converter for it).</summary>
    public static Hints? Select(PropertyNode property, string provider)
    {
        // Enums: EnumToStringConverter and EnumToNumberConverter carry no hints, whatever the underlying type.
        if (property.ProviderClrType != property.ClrType && property.ProviderClrType != "json")
        {
            return provider is "System.String" or "System.Byte" or "System.Int16" or "System.Int32" or "System.Int64" ? None : null;
        }
        return Pairs.TryGetValue((property.ClrType, provider), out var hints) ? hints : null;
    }
}
