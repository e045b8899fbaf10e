using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataDocGen.Generator.Configuration;
using Xunit;

namespace DataDocGen.Generator.Tests;

public class JsonConfigReaderTests
{
    private static Dictionary<string, string?> ToMap(IReadOnlyList<ConfigEntry> entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, System.StringComparer.Ordinal);

    [Fact]
    public void Nested_objects_become_colon_separated_keys_with_original_casing()
    {
        var entries = JsonConfigReader.Flatten(
            "{\"ConnectionStrings\":{\"Default\":\"Server=db\"},\"Logging\":{\"LogLevel\":{\"Microsoft.EntityFrameworkCore\":\"Warning\"}}}");

        Assert.Equal(
            new[] { "ConnectionStrings:Default", "Logging:LogLevel:Microsoft.EntityFrameworkCore" },
            entries.Select(e => e.Key));
        Assert.Equal(new[] { "Server=db", "Warning" }, entries.Select(e => e.Value));
    }

    [Fact]
    public void Arrays_get_index_segments_including_objects_inside_arrays()
    {
        var map = ToMap(JsonConfigReader.Flatten(
            "{\"Hosts\":[\"a\",\"b\"],\"Dbs\":[{\"Name\":\"x\",\"Tags\":[1,2]},{\"Name\":\"y\"}],\"M\":[[true]]}"));

        Assert.Equal("a", map["Hosts:0"]);
        Assert.Equal("b", map["Hosts:1"]);
        Assert.Equal("x", map["Dbs:0:Name"]);
        Assert.Equal("1", map["Dbs:0:Tags:0"]);
        Assert.Equal("2", map["Dbs:0:Tags:1"]);
        Assert.Equal("y", map["Dbs:1:Name"]);
        Assert.Equal("True", map["M:0:0"]);
        Assert.Equal(7, map.Count);
    }

    [Fact]
    public void Scalars_are_rendered_like_the_configuration_provider()
    {
        var map = ToMap(JsonConfigReader.Flatten(
            "{\"t\":true,\"f\":false,\"n\":null,\"i\":42,\"neg\":-0,\"d\":1.50e+3,\"s\":\"text\",\"e\":\"\"}"));

        Assert.Equal("True", map["t"]);
        Assert.Equal("False", map["f"]);
        Assert.True(map.ContainsKey("n"));
        Assert.Null(map["n"]);
        Assert.Equal("42", map["i"]);
        Assert.Equal("-0", map["neg"]);
        Assert.Equal("1.50e+3", map["d"]); // raw text, not re-formatted
        Assert.Equal("text", map["s"]);
        Assert.Equal(string.Empty, map["e"]);
    }

    [Fact]
    public void Empty_object_gives_null_entry_and_empty_array_gives_empty_string_entry()
    {
        var map = ToMap(JsonConfigReader.Flatten("{\"o\":{},\"a\":[],\"x\":{\"y\":{}},\"arr\":[{},[],1]}"));

        Assert.Null(map["o"]);
        Assert.Equal(string.Empty, map["a"]);
        Assert.Null(map["x:y"]);
        Assert.Null(map["arr:0"]);
        Assert.Equal(string.Empty, map["arr:1"]);
        Assert.Equal("1", map["arr:2"]);
        Assert.Equal(6, map.Count);
    }

    [Fact]
    public void Empty_root_object_gives_no_entries()
    {
        Assert.Empty(JsonConfigReader.Flatten("{}"));
        Assert.Empty(JsonConfigReader.Flatten("  { }  "));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        const string json = "// leading comment\n{ /* block\n comment */ \"a\": [1, 2, ], // after\n \"b\": { \"c\": 1, }, } // end";
        var map = ToMap(JsonConfigReader.Flatten(json));

        Assert.Equal("1", map["a:0"]);
        Assert.Equal("2", map["a:1"]);
        Assert.Equal("1", map["b:c"]);
        Assert.Equal(3, map.Count);
    }

    [Fact]
    public void Line_comment_ends_at_carriage_return()
    {
        var map = ToMap(JsonConfigReader.Flatten("{\"a\":1, // c\r\"b\":2}"));

        Assert.Equal("1", map["a"]);
        Assert.Equal("2", map["b"]);
    }

    [Fact]
    public void Utf8_bom_character_is_skipped()
    {
        var map = ToMap(JsonConfigReader.Flatten("\uFEFF{\"a\":\"b\"}"));

        Assert.Equal("b", map["a"]);
    }

    [Fact]
    public void Bom_from_decoded_utf8_bytes_is_skipped()
    {
        byte[] bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"a\":1}")).ToArray();
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);

        Assert.Equal(new[] { new ConfigEntry("a", "1", 1) }, JsonConfigReader.Flatten(text));
    }

    [Fact]
    public void Escapes_are_decoded()
    {
        var map = ToMap(JsonConfigReader.Flatten(
            "{\"s\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00\",\"k\\u0041y\":1}"));

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t \u00e9 \u20ac \U0001F600", map["s"]);
        Assert.Equal("1", map["kAy"]);
    }

    [Fact]
    public void Lone_surrogate_escape_becomes_replacement_character()
    {
        var map = ToMap(JsonConfigReader.Flatten("{\"a\":\"x\\ud800y\",\"b\":\"\\udc00\",\"c\":\"\\ud800\\u0041\"}"));

        Assert.Equal("x\uFFFDy", map["a"]);
        Assert.Equal("\uFFFD", map["b"]);
        Assert.Equal("\uFFFDA", map["c"]);
    }

    [Fact]
    public void Line_numbers_point_at_the_value_start()
    {
        const string json = "{\n  \"A\": {\n    \"B\": \"x\",\r\n    /* two\n lines */ \"C\": 2\n  },\n  \"D\":\n    [ true,\n null ],\n  \"E\": {},\n  \"F\": []\n}";
        var entries = JsonConfigReader.Flatten(json);

        Assert.Equal(
            new[]
            {
                new ConfigEntry("A:B", "x", 3),
                new ConfigEntry("A:C", "2", 5),
                new ConfigEntry("D:0", "True", 8),
                new ConfigEntry("D:1", null, 9),
                new ConfigEntry("E", null, 10),
                new ConfigEntry("F", string.Empty, 11),
            },
            entries);
    }

    [Fact]
    public void Lone_carriage_returns_count_as_line_breaks()
    {
        var entries = JsonConfigReader.Flatten("{\r\"a\":\r\r1}");

        Assert.Equal(new[] { new ConfigEntry("a", "1", 4) }, entries);
    }

    [Fact]
    public void Keys_containing_colons_and_empty_keys_are_joined_as_is()
    {
        var map = ToMap(JsonConfigReader.Flatten("{\"a:b\":{\"c\":1},\"\":2,\"o\":{\"\":3}}"));

        Assert.Equal("1", map["a:b:c"]);
        Assert.Equal("2", map[""]);
        Assert.Equal("3", map["o:"]);
    }

    [Fact]
    public void Duplicate_keys_are_all_returned_in_document_order()
    {
        var entries = JsonConfigReader.Flatten("{\"a\":1,\"A\":2}");

        Assert.Equal(new[] { "a", "A" }, entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("// only a comment")]
    public void Non_object_root_gives_no_entries(string json)
    {
        Assert.Empty(JsonConfigReader.Flatten(json));
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":")]          // truncated after colon
    [InlineData("{\"a\":1,\"b\":\"unterminated")]
    [InlineData("{\"a\":1,\"b\":tru")]
    [InlineData("{\"a\":1,\"b\":truex}")]
    [InlineData("{\"a\":1,\"b\":01}")]
    [InlineData("{\"a\":1,\"b\":NaN}")]
    [InlineData("{\"a\":1,\"b\":0x10}")]
    [InlineData("{\"a\":1,\"b\":1.}")]
    [InlineData("{\"a\":1,\"b\":-}")]
    [InlineData("{\"a\":1,\"b\":1e}")]
    [InlineData("{\"a\":1,'b':2}")]
    [InlineData("{\"a\":1,b:2}")]
    [InlineData("{\"a\":1,,\"b\":2}")]
    [InlineData("{\"a\":1 \"b\":2}")]
    [InlineData("{\"a\":1,\"b\":\"bad \\x escape\"}")]
    [InlineData("{\"a\":1,\"b\":\"bad \\u12G4\"}")]
    [InlineData("{\"a\":1,\"b\":\"raw\nnewline\"}")]
    [InlineData("{\"a\":1,/* unterminated comment")]
    [InlineData("{\"a\":1,/ \"b\":2}")]
    [InlineData("{\"a\":1,\"b\":[,2]}")]
    [InlineData("{\"a\":1,\"b\":}")]
    public void Syntax_error_returns_entries_read_so_far(string json)
    {
        var entries = JsonConfigReader.Flatten(json);

        Assert.Equal(new[] { new ConfigEntry("a", "1", 1) }, entries);
    }

    [Theory]
    [InlineData("{,\"a\":1}")]
    [InlineData("{")]
    [InlineData("{\"")]
    [InlineData("{\"a\"")]
    [InlineData("{\"a\" 1}")]
    [InlineData("garbage")]
    [InlineData("\0\0\0")]
    [InlineData("/")]
    [InlineData("/*")]
    [InlineData("{\"a\":[,]}")]
    public void Garbage_returns_empty_without_throwing(string json)
    {
        Assert.Empty(JsonConfigReader.Flatten(json));
    }

    [Fact]
    public void Content_after_the_root_object_is_ignored()
    {
        Assert.Equal(new[] { new ConfigEntry("a", "1", 1) }, JsonConfigReader.Flatten("{\"a\":1} trailing {\"b\":2}"));
    }

    [Fact]
    public void Deep_nesting_of_ten_thousand_brackets_returns_without_throwing()
    {
        string json = "{\"ok\":1,\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var entries = JsonConfigReader.Flatten(json);

        Assert.Equal(new[] { new ConfigEntry("ok", "1", 1) }, entries);
    }

    [Fact]
    public void Bare_ten_thousand_brackets_return_empty()
    {
        Assert.Empty(JsonConfigReader.Flatten(new string('[', 10_000)));
        Assert.Empty(JsonConfigReader.Flatten(new string('{', 10_000)));
    }

    [Fact]
    public void Nesting_up_to_64_levels_is_read_and_65_is_rejected_like_the_provider()
    {
        // Root object + 63 arrays = depth 64: allowed by JsonDocument's default MaxDepth.
        var ok = JsonConfigReader.Flatten("{\"a\":" + new string('[', 63) + "1" + new string(']', 63) + "}");
        Assert.Single(ok);
        Assert.Equal("a" + string.Concat(Enumerable.Repeat(":0", 63)), ok[0].Key);
        Assert.Equal("1", ok[0].Value);

        var tooDeep = JsonConfigReader.Flatten("{\"a\":" + new string('[', 64) + "1" + new string(']', 64) + "}");
        Assert.Empty(tooDeep);
    }

    [Fact]
    public void Realistic_appsettings_file()
    {
        const string json = "\uFEFF{\r\n" +
            "  // Connection strings\r\n" +
            "  \"ConnectionStrings\": {\r\n" +
            "    \"Shop\": \"Server=(localdb)\\\\mssqllocaldb;Database=Shop;Trusted_Connection=True;\",\r\n" +
            "    \"Cache\": \"localhost:6379,abortConnect=false\",\r\n" +
            "  },\r\n" +
            "  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\r\n" +
            "  \"AllowedHosts\": \"*\"\r\n" +
            "}\r\n";

        var entries = JsonConfigReader.Flatten(json);

        Assert.Equal(
            new[]
            {
                new ConfigEntry("ConnectionStrings:Shop", "Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True;", 4),
                new ConfigEntry("ConnectionStrings:Cache", "localhost:6379,abortConnect=false", 5),
                new ConfigEntry("Logging:LogLevel:Default", "Information", 7),
                new ConfigEntry("AllowedHosts", "*", 8),
            },
            entries);
    }

    [Fact]
    public void Random_truncations_of_a_valid_file_never_throw_and_return_a_prefix()
    {
        const string json = "{ \"A\": { \"B\": [1, {\"C\": \"x\\u0041\"}, null], /* c */ \"D\": true }, \"E\": \"\\ud83d\\ude00\", }";
        var full = JsonConfigReader.Flatten(json);
        Assert.Equal(5, full.Count);

        for (int length = 0; length <= json.Length; length++)
        {
            var partial = JsonConfigReader.Flatten(json.Substring(0, length));
            Assert.True(partial.Count <= full.Count);
            Assert.Equal(full.Take(partial.Count), partial);
        }
    }
}
