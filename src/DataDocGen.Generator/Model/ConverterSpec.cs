namespace DataDocGen.Generator.Model;

/// <summary>
/// What a value conversion maps a property to, as far as the code states it: the provider CLR type, and the mapping
/// hints the converter carries (a <c>GuidToStringConverter</c>'s size 36). EF Core applies the hints under the
/// property's own facets (<c>HasMaxLength</c> wins).
/// </summary>
/// <param name="ProviderClrType">The provider type's full name (<c>System.String</c>).</param>
/// <param name="BySelector">The converter is the one EF Core's <c>ValueConverterSelector</c> picks for the property's
/// type and this provider type (<c>HasConversion&lt;string&gt;()</c>, <c>HasConversion(typeof(string))</c>): its hints
/// depend on the property's type and are looked up then (<c>Schema/ConverterHints</c>).</param>
internal sealed record ConverterSpec(string ProviderClrType, bool BySelector, int? Size = null, int? Precision = null, int? Scale = null);
