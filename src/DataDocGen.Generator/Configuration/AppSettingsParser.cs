using System;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Configuration;

/// <summary>Reads appsettings.json and appsettings.{Environment}.json files handed to the generator as AdditionalFiles.</summary>
internal static class AppSettingsParser
{
    public static bool IsAppSettings(AdditionalText file) => EnvironmentOf(file.Path, out _);

    public static AppSettingsSpec? Parse(AdditionalText file, CancellationToken cancellationToken)
    {
        if (!EnvironmentOf(file.Path, out var environment)) return null;
        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null) return null;
        var values = JsonConfigReader.Flatten(text)
            .Select(entry => new ConfigValueSpec(entry.Key, entry.Value, entry.Line))
            .ToEquatableArray();
        return new AppSettingsSpec(SourceLocation.Normalize(file.Path), environment, values);
    }

    /// <summary>True for appsettings.json (environment null) and appsettings.X.json (environment X), any case.</summary>
    private static bool EnvironmentOf(string path, out string? environment)
    {
        environment = null;
        var name = System.IO.Path.GetFileName(path);
        const string prefix = "appsettings", suffix = ".json";
        if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return false;
        var middle = name.Substring(prefix.Length, name.Length - prefix.Length - suffix.Length);
        if (middle.Length == 0) return true;
        if (middle[0] != '.' || middle.Length == 1) return false;
        environment = middle.Substring(1);
        return true;
    }
}
