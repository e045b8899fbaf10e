using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Report;

/// <summary>
/// A project's own report model as JSON (its "fragment"), so that a project referencing it can merge it into its
/// report (the whole-solution report, issue 6). The report model is positional records, <see cref="EquatableArray{T}"/>s,
/// enums, strings, ints and bools: each record is written as an object of its primary constructor's parameters and
/// read back through that constructor, so a model change needs no serializer change. The generator may not depend on
/// System.Text.Json (not every compiler host provides it), hence the small reader here.
/// </summary>
internal static class ReportFragment
{
    /// <summary>Changes whenever the fragment's meaning changes; a fragment of another version is ignored.</summary>
    public const string Version = "1";

    public static string Write(DataLayerReport report)
    {
        var json = new JsonWriter();
        json.StartObject().Property("fragmentVersion", Version).Name("report");
        WriteValue(json, report, typeof(DataLayerReport));
        return json.EndObject().ToString();
    }

    /// <summary>The report in a fragment, or null when the text is not a fragment of this version.</summary>
    public static DataLayerReport? Read(string text)
    {
        try
        {
            if (new MiniJsonReader(text).Read() is not Dictionary<string, object?> root) return null;
            if (!root.TryGetValue("fragmentVersion", out var version) || (string?)version != Version) return null;
            return root.TryGetValue("report", out var report) ? (DataLayerReport?)ReadValue(report, typeof(DataLayerReport)) : null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or ArgumentException or MissingMethodException or TargetInvocationException or KeyNotFoundException)
        {
            return null; // a damaged or foreign file: the report goes on without it
        }
    }

    private static void WriteValue(JsonWriter json, object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null) { json.Null(); return; }
        if (underlying is not null) type = underlying;
        switch (value)
        {
            case string text: json.String(text); return;
            case bool flag: json.Bool(flag); return;
            case int number: json.Number(number); return;
            case Enum: json.String(value.ToString()); return;
        }
        if (IsEquatableArray(type))
        {
            var element = type.GetGenericArguments()[0];
            json.StartArray();
            foreach (var item in (System.Collections.IEnumerable)value) WriteValue(json, item, element);
            json.EndArray();
            return;
        }
        json.StartObject();
        foreach (var (parameter, property) in Shape(type).Members)
        {
            json.Name(parameter.Name!);
            WriteValue(json, property.GetValue(value), parameter.ParameterType);
        }
        json.EndObject();
    }

    private static object? ReadValue(object? value, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        // null: a missing list is empty (default EquatableArray), a missing value type its default, anything else null.
        if (value is null) return type.IsValueType && underlying is null ? Activator.CreateInstance(type) : null;
        if (underlying is not null) type = underlying;
        if (type == typeof(string)) return (string)value;
        if (type == typeof(bool)) return (bool)value;
        if (type == typeof(int)) return Convert.ToInt32((long)value, CultureInfo.InvariantCulture);
        if (type.IsEnum) return Enum.Parse(type, (string)value);
        if (IsEquatableArray(type))
        {
            var element = type.GetGenericArguments()[0];
            var items = (List<object?>)value;
            var array = Array.CreateInstance(element, items.Count);
            for (var i = 0; i < items.Count; i++) array.SetValue(ReadValue(items[i], element), i);
            return Activator.CreateInstance(type, new object[] { array });
        }
        var fields = (Dictionary<string, object?>)value;
        var shape = Shape(type);
        var arguments = shape.Members
            .Select(m => ReadValue(fields.TryGetValue(m.Parameter.Name!, out var field) ? field : null, m.Parameter.ParameterType))
            .ToArray();
        return shape.Constructor.Invoke(arguments);
    }

    private static bool IsEquatableArray(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, RecordShape> Shapes = new();

    /// <summary>A record's primary constructor (the public one with the most parameters: records also have a protected
    /// copy constructor) and the property behind each parameter, looked up once per type.</summary>
    private static RecordShape Shape(Type type) => Shapes.GetOrAdd(type, static t =>
    {
        var constructor = t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).First();
        var members = constructor.GetParameters()
            .Select(p => (p, t.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance) ?? throw new MissingMethodException(t.Name, p.Name)))
            .ToArray();
        return new RecordShape(constructor, members);
    });

    private sealed record RecordShape(ConstructorInfo Constructor, (ParameterInfo Parameter, PropertyInfo Property)[] Members);

    /// <summary>Reads JSON into dictionaries, lists, strings, longs, bools and nulls.</summary>
    private sealed class MiniJsonReader(string text)
    {
        private int _position;

        public object? Read()
        {
            var value = Value();
            Skip();
            if (_position != text.Length) throw new FormatException("trailing text");
            return value;
        }

        private object? Value()
        {
            Skip();
            if (_position >= text.Length) throw new FormatException("unexpected end");
            switch (text[_position])
            {
                case '{':
                    _position++;
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    Skip();
                    if (Peek('}')) return map;
                    do
                    {
                        Skip();
                        var key = String();
                        Skip();
                        Expect(':');
                        map[key] = Value();
                        Skip();
                    }
                    while (Accept(','));
                    Expect('}');
                    return map;
                case '[':
                    _position++;
                    var list = new List<object?>();
                    Skip();
                    if (Peek(']')) return list;
                    do { list.Add(Value()); Skip(); } while (Accept(','));
                    Expect(']');
                    return list;
                case '"':
                    return String();
                case 't': Literal("true"); return true;
                case 'f': Literal("false"); return false;
                case 'n': Literal("null"); return null;
                default:
                    var start = _position;
                    while (_position < text.Length && (char.IsDigit(text[_position]) || text[_position] == '-')) _position++;
                    return long.Parse(text.Substring(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
        }

        private string String()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= text.Length) throw new FormatException("unterminated string");
                var c = text[_position++];
                if (c == '"') return builder.ToString();
                if (c != '\\') { builder.Append(c); continue; }
                var escape = text[_position++];
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u': builder.Append((char)int.Parse(text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); _position += 4; break;
                    default: builder.Append(escape); break;
                }
            }
        }

        private void Skip()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
        }

        private bool Peek(char c)
        {
            if (_position < text.Length && text[_position] == c) { _position++; return true; }
            return false;
        }

        private bool Accept(char c) => Peek(c);

        private void Expect(char c)
        {
            if (!Peek(c)) throw new FormatException("expected '" + c + "' at " + _position.ToString(CultureInfo.InvariantCulture));
        }

        private void Literal(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0) throw new FormatException("expected " + word);
            _position += word.Length;
        }
    }
}
