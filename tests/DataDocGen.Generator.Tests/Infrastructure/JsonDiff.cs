using System.Text.Json;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares two JSON documents semantically (same properties, whatever their order; same values; same array order) and
/// describes the differences by path, naming array elements by their key rather than their index:
/// <c>$.tables[Orders].columns[CustomerId].nullable: EF Core false, DataDocGen true</c>.
/// </summary>
/// <remarks>
/// An array element's key is its <c>name</c> (prefixed with <c>schema.</c> when it has a non-null schema, as tables and
/// views do); a relationship's is <c>principal:principalNavigation -> dependent:dependentNavigation</c> (navigation left
/// out when null). Arrays whose elements all have a key are compared by key (missing, unexpected, then order); other
/// arrays of strings, numbers or booleans as lists (missing, unexpected, then order); anything else by index.
/// </remarks>
internal static class JsonDiff
{
    private const int MaxLines = 60;
    private const int MaxValueLength = 100;
    private const int MaxListedItems = 12;

    /// <summary>Null when both documents are equal; else a readable list of differences, at most about 60 lines.</summary>
    public static string? Describe(string expectedJson, string actualJson, string expectedLabel = "EF Core", string actualLabel = "DataDocGen")
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        new Comparer(expectedLabel, actualLabel, differences).Compare("$", expected.RootElement, actual.RootElement);
        if (differences.Count == 0) return null;

        var lines = new List<string> { $"{expectedLabel} and {actualLabel} differ in {differences.Count} place{(differences.Count == 1 ? "" : "s")}:" };
        lines.AddRange(differences.Take(MaxLines - 2));
        if (differences.Count > MaxLines - 2) lines.Add($"... and {differences.Count - (MaxLines - 2)} more");
        return string.Join("\n", lines);
    }

    private sealed class Comparer(string expectedLabel, string actualLabel, List<string> differences)
    {
        public void Compare(string path, JsonElement expected, JsonElement actual)
        {
            if (Kind(expected) != Kind(actual))
            {
                Add($"{path}: {expectedLabel} {Show(expected)}, {actualLabel} {Show(actual)}");
                return;
            }
            switch (expected.ValueKind)
            {
                case JsonValueKind.Object: CompareObjects(path, expected, actual); break;
                case JsonValueKind.Array: CompareArrays(path, expected, actual); break;
                default:
                    if (!ScalarEquals(expected, actual)) Add($"{path}: {expectedLabel} {Show(expected)}, {actualLabel} {Show(actual)}");
                    break;
            }
        }

        private void CompareObjects(string path, JsonElement expected, JsonElement actual)
        {
            var actualProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in actual.EnumerateObject()) actualProperties[property.Name] = property.Value;
            var expectedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in expected.EnumerateObject())
            {
                expectedNames.Add(property.Name);
                if (actualProperties.TryGetValue(property.Name, out var value)) Compare(path + "." + property.Name, property.Value, value);
                else Add($"{path}.{property.Name}: missing in {actualLabel} ({expectedLabel} {Show(property.Value)})");
            }
            foreach (var property in actual.EnumerateObject().Where(p => !expectedNames.Contains(p.Name)))
            {
                Add($"{path}.{property.Name}: unexpected in {actualLabel} ({actualLabel} {Show(property.Value)})");
            }
        }

        private void CompareArrays(string path, JsonElement expected, JsonElement actual)
        {
            var expectedItems = expected.EnumerateArray().ToList();
            var actualItems = actual.EnumerateArray().ToList();
            var expectedKeys = Keys(expectedItems);
            var actualKeys = Keys(actualItems);
            if (expectedKeys is not null && actualKeys is not null)
            {
                CompareKeyed(path, expectedItems, expectedKeys, actualItems, actualKeys);
            }
            else if (expectedItems.Concat(actualItems).All(IsScalar))
            {
                CompareLists(path, expectedItems, actualItems);
            }
            else
            {
                for (var i = 0; i < Math.Min(expectedItems.Count, actualItems.Count); i++) Compare($"{path}[{i}]", expectedItems[i], actualItems[i]);
                if (expectedItems.Count != actualItems.Count)
                {
                    Add($"{path}: {expectedLabel} has {expectedItems.Count} items, {actualLabel} {actualItems.Count}");
                }
            }
        }

        private void CompareKeyed(string path, List<JsonElement> expectedItems, List<string> expectedKeys, List<JsonElement> actualItems, List<string> actualKeys)
        {
            var actualByKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            for (var i = 0; i < actualItems.Count; i++) actualByKey[actualKeys[i]] = actualItems[i];
            var missing = expectedKeys.Where(k => !actualByKey.ContainsKey(k)).ToList();
            var unexpected = actualKeys.Where(k => !expectedKeys.Contains(k, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0) Add($"{path}: missing in {actualLabel}: {List(missing)}");
            if (unexpected.Count > 0) Add($"{path}: unexpected in {actualLabel}: {List(unexpected)}");
            for (var i = 0; i < expectedItems.Count; i++)
            {
                if (actualByKey.TryGetValue(expectedKeys[i], out var actualItem)) Compare($"{path}[{expectedKeys[i]}]", expectedItems[i], actualItem);
            }
            var expectedCommon = expectedKeys.Where(actualByKey.ContainsKey).ToList();
            var actualCommon = actualKeys.Where(k => expectedKeys.Contains(k, StringComparer.Ordinal)).ToList();
            if (!expectedCommon.SequenceEqual(actualCommon, StringComparer.Ordinal))
            {
                Add($"{path}: order differs: {expectedLabel} [{List(expectedCommon)}], {actualLabel} [{List(actualCommon)}]");
            }
        }

        private void CompareLists(string path, List<JsonElement> expectedItems, List<JsonElement> actualItems)
        {
            if (expectedItems.Count == actualItems.Count && expectedItems.Zip(actualItems).All(p => ScalarEquals(p.First, p.Second))) return;
            var expectedShown = expectedItems.Select(ShowItem).ToList();
            var actualShown = actualItems.Select(ShowItem).ToList();
            var missing = Without(expectedShown, actualShown);
            var unexpected = Without(actualShown, expectedShown);
            if (missing.Count > 0) Add($"{path}: missing in {actualLabel}: {List(missing)}");
            if (unexpected.Count > 0) Add($"{path}: unexpected in {actualLabel}: {List(unexpected)}");
            if (missing.Count == 0 && unexpected.Count == 0)
            {
                Add($"{path}: order differs: {expectedLabel} [{List(expectedShown)}], {actualLabel} [{List(actualShown)}]");
            }
        }

        /// <summary>The items of <paramref name="items"/> not matched one for one in <paramref name="other"/>.</summary>
        private static List<string> Without(List<string> items, List<string> other)
        {
            var left = other.GroupBy(o => o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var result = new List<string>();
            foreach (var item in items)
            {
                if (left.TryGetValue(item, out var count) && count > 0) left[item] = count - 1;
                else result.Add(item);
            }
            return result;
        }

        /// <summary>One key per element when every element is an object with a key; duplicates get #2, #3...; else null.</summary>
        private static List<string>? Keys(List<JsonElement> items)
        {
            var keys = new List<string>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (Key(item) is not { } key) return null;
                seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 1;
                keys.Add(seen[key] == 1 ? key : key + "#" + seen[key]);
            }
            return keys;
        }

        private static string? Key(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object) return null;
            if (item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return item.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.String
                    ? schema.GetString() + "." + name.GetString()
                    : name.GetString();
            }
            if (item.TryGetProperty("principal", out var principal) && principal.ValueKind == JsonValueKind.String
                && item.TryGetProperty("dependent", out var dependent) && dependent.ValueKind == JsonValueKind.String)
            {
                return End(principal.GetString()!, item, "principalNavigation") + " -> " + End(dependent.GetString()!, item, "dependentNavigation");
            }
            return null;

            static string End(string entity, JsonElement item, string navigationProperty) =>
                item.TryGetProperty(navigationProperty, out var navigation) && navigation.ValueKind == JsonValueKind.String
                    ? entity + ":" + navigation.GetString()
                    : entity;
        }

        private static bool IsScalar(JsonElement element) => element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

        /// <summary>true and false are one kind (a boolean); everything else is its ValueKind.</summary>
        private static JsonValueKind Kind(JsonElement element) => element.ValueKind == JsonValueKind.False ? JsonValueKind.True : element.ValueKind;

        private static bool ScalarEquals(JsonElement expected, JsonElement actual)
        {
            if (expected.ValueKind != actual.ValueKind) return false;
            return expected.ValueKind switch
            {
                JsonValueKind.String => string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal),
                JsonValueKind.Number => expected.TryGetDecimal(out var x) && actual.TryGetDecimal(out var y)
                    ? x == y
                    : expected.GetDouble().Equals(actual.GetDouble()),
                _ => true, // true, false, null: the kinds are equal
            };
        }

        /// <summary>A value as JSON, on one line and cut short.</summary>
        private static string Show(JsonElement element)
        {
            var text = JsonSerializer.Serialize(element, CompactOptions);
            return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 3)] + "...";
        }

        /// <summary>A list item: a string as it is (names read better unquoted), anything else as JSON.</summary>
        private static string ShowItem(JsonElement element) =>
            element.ValueKind == JsonValueKind.String ? element.GetString()! : Show(element);

        private static readonly JsonSerializerOptions CompactOptions = new()
        {
            WriteIndented = false,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private static string List(IReadOnlyList<string> items) =>
            items.Count <= MaxListedItems
                ? string.Join(", ", items)
                : string.Join(", ", items.Take(MaxListedItems)) + $", ... ({items.Count - MaxListedItems} more)";

        private void Add(string difference) => differences.Add(difference);
    }
}
