namespace DataDocGen.Generator.Model;

/// <summary>A data-protection fact found in code: an ASP.NET Core Identity <c>[PersonalData]</c> or
/// <c>[ProtectedPersonalData]</c> property, a Data Protection purpose (<c>CreateProtector("...")</c>), a value converter
/// that encrypts, or a property whose conversion encrypts.</summary>
/// <param name="Kind">personal data, protected personal data, data protection purpose, encrypting converter, encrypted property.</param>
/// <param name="Subject">The property (<c>Type.Property</c>), the purpose, or the converter class.</param>
/// <param name="Detail">How: the protecting calls seen (<c>IDataProtector.Protect</c>, <c>Aes</c>...), or the converter applied.</param>
internal sealed record SecuritySpec(string Kind, string Subject, string? Detail, string Member, SourceLocation? Location);
