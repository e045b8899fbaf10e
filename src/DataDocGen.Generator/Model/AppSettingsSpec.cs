using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>One configuration value read from an appsettings file (the value is raw here: it is redacted when rendered).</summary>
internal sealed record ConfigValueSpec(string Key, string? Value, int Line);

/// <summary>An appsettings*.json file handed to the generator as an AdditionalFile.</summary>
/// <param name="Environment">Null for appsettings.json, else the middle part of appsettings.{Environment}.json.</param>
internal sealed record AppSettingsSpec(string Path, string? Environment, EquatableArray<ConfigValueSpec> Values);
