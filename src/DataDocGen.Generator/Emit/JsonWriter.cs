using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DataDocGen.Generator.Emit;

/// <summary>A minimal JSON writer (2-space indent, LF, invariant culture): the generator may not depend on System.Text.Json,
/// which not every compiler host provides.</summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public JsonWriter StartObject() => Open('{');
    public JsonWriter EndObject() => Close('}');
    public JsonWriter StartArray() => Open('[');
    public JsonWriter EndArray() => Close(']');

    public JsonWriter Name(string name)
    {
        Separate();
        WriteString(name);
        _text.Append(": ");
        _afterName = true;
        return this;
    }

    public JsonWriter String(string? value)
    {
        Separate();
        if (value is null) _text.Append("null");
        else WriteString(value);
        return this;
    }

    public JsonWriter Number(int value)
    {
        Separate();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Bool(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
        return this;
    }

    public JsonWriter Null()
    {
        Separate();
        _text.Append("null");
        return this;
    }

    public JsonWriter Property(string name, string? value) => Name(name).String(value);

    public JsonWriter StringArray(string name, IEnumerable<string> values)
    {
        Name(name).StartArray();
        foreach (var value in values) String(value);
        return EndArray();
    }

    public override string ToString() => _text.ToString() + "\n";

    private JsonWriter Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        var hadItems = _hasItems.Pop();
        if (hadItems) NewLine();
        _text.Append(bracket);
        return this;
    }

    /// <summary>Writes the comma and newline that precede a value, unless it follows a property name.</summary>
    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_hasItems.Count == 0) return;
        if (_hasItems.Peek()) _text.Append(',');
        _hasItems.Pop();
        _hasItems.Push(true);
        NewLine();
    }

    private void NewLine() => _text.Append('\n').Append(' ', _hasItems.Count * 2);

    private void WriteString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _text.Append(c);
                    break;
            }
        }
        _text.Append('"');
    }
}
