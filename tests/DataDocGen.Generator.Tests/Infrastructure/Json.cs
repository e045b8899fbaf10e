using System.Text.Json;

namespace DataDocGen.Generator.Tests.Infrastructure;

internal static class Json
{
    public static JsonElement Parse(string? json)
    {
        Assert.NotNull(json);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static JsonElement Context(string? json, string name) =>
        Parse(json).GetProperty("contexts").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Tables as "schema.name" (or "name") → entities.</summary>
    public static Dictionary<string, string[]> Tables(JsonElement context, string property = "tables") =>
        context.GetProperty(property).EnumerateArray().ToDictionary(
            t => (t.GetProperty("schema").GetString() is { } schema ? schema + "." : "") + t.GetProperty("name").GetString(),
            t => t.GetProperty("entities").EnumerateArray().Select(e => e.GetString()!).ToArray());

    public static int LineOf(string source, string marker)
    {
        var index = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, "marker not found: " + marker);
        return source.Take(index).Count(c => c == '\n') + 1;
    }
}
