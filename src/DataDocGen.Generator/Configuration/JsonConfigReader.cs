using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DataDocGen.Generator.Configuration;

/// <summary>One flattened configuration value: the key as IConfiguration builds it, the value as it sees it, and the 1-based line where the value starts.</summary>
internal readonly record struct ConfigEntry(string Key, string? Value, int Line);

/// <summary>
/// A tolerant, dependency-free reader for appsettings*.json text that flattens it the way
/// Microsoft.Extensions.Configuration.Json (JsonConfigurationFileParser) does:
/// <list type="bullet">
/// <item>keys are paths joined with ':' (<c>A:B:C</c>); array elements get index segments (<c>A:0</c>, <c>A:1</c>); original casing is kept;</item>
/// <item>strings are unescaped; numbers keep their raw text; <c>true</c>/<c>false</c> become "True"/"False" (JsonElement.ToString());</item>
/// <item><c>null</c> gives an entry whose value is null;</item>
/// <item>an empty object gives an entry with a null value, an empty array an entry with an empty ("") value
/// (behaviour of the 10.x package; 8.x/9.x gave null for both and "" for JSON null); an empty root object gives no entry.</item>
/// </list>
/// Like the provider it accepts a BOM, // and /* */ comments, and trailing commas, rejects other non-standard JSON
/// (single quotes, unquoted names, NaN, leading zeros, raw control characters in strings...), and allows at most
/// 64 levels of nesting (the root object counts as one). Slightly more tolerant in two places: a comment between a
/// property name and its ':' (System.Text.Json rejects it), a lone-surrogate \u escape (read as U+FFFD), and
/// text after the root object (ignored).
/// Unlike the provider it never throws: on a syntax error it returns the entries read before the error.
/// Duplicate keys (an error for the provider) are all returned, in document order.
/// </summary>
internal static class JsonConfigReader
{
    /// <summary>JsonDocument's default MaxDepth, which the configuration provider uses.</summary>
    private const int MaxDepth = 64;

    public static IReadOnlyList<ConfigEntry> Flatten(string text)
    {
        var entries = new List<ConfigEntry>();
        if (text is null)
        {
            return entries;
        }

        var parser = new Parser(text, entries);
        try
        {
            parser.ParseDocument();
        }
        catch (System.Exception)
        {
            // Defensive only: the parser reports errors through its return values, never by throwing.
        }

        return entries;
    }

    private sealed class Parser
    {
        private readonly string _text;
        private readonly List<ConfigEntry> _entries;
        private readonly StringBuilder _buffer = new StringBuilder();
        private int _pos;
        private int _line = 1;

        public Parser(string text, List<ConfigEntry> entries)
        {
            _text = text;
            _entries = entries;
        }

        public void ParseDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
            }

            if (!SkipTrivia() || _pos >= _text.Length || _text[_pos] != '{')
            {
                return; // empty, or the top-level element is not an object
            }

            // Whatever follows the root object (an error for the provider) is ignored: every entry is already read.
            ParseObject(path: null, depth: 1);
        }

        /// <summary>Parses an object whose '{' is at the current position. Returns false on a syntax error.</summary>
        private bool ParseObject(string? path, int depth)
        {
            int openLine = _line;
            _pos++; // '{'
            if (!SkipTrivia())
            {
                return false;
            }

            if (Peek() == '}')
            {
                _pos++;
                if (path != null)
                {
                    _entries.Add(new ConfigEntry(path, null, openLine));
                }

                return true;
            }

            while (true)
            {
                if (Peek() != '"' || !ReadString(out string name))
                {
                    return false;
                }

                if (!SkipTrivia() || Peek() != ':')
                {
                    return false;
                }

                _pos++;
                if (!SkipTrivia())
                {
                    return false;
                }

                string childPath = path == null ? name : path + ":" + name;
                if (!ParseValue(childPath, depth))
                {
                    return false;
                }

                if (!SkipTrivia())
                {
                    return false;
                }

                char c = Peek();
                if (c == '}')
                {
                    _pos++;
                    return true;
                }

                if (c != ',')
                {
                    return false;
                }

                _pos++;
                if (!SkipTrivia())
                {
                    return false;
                }

                if (Peek() == '}')
                {
                    _pos++; // trailing comma
                    return true;
                }
            }
        }

        /// <summary>Parses an array whose '[' is at the current position. Returns false on a syntax error.</summary>
        private bool ParseArray(string path, int depth)
        {
            int openLine = _line;
            _pos++; // '['
            if (!SkipTrivia())
            {
                return false;
            }

            if (Peek() == ']')
            {
                _pos++;
                _entries.Add(new ConfigEntry(path, string.Empty, openLine));
                return true;
            }

            int index = 0;
            while (true)
            {
                string childPath = path + ":" + index.ToString(CultureInfo.InvariantCulture);
                if (!ParseValue(childPath, depth))
                {
                    return false;
                }

                index++;
                if (!SkipTrivia())
                {
                    return false;
                }

                char c = Peek();
                if (c == ']')
                {
                    _pos++;
                    return true;
                }

                if (c != ',')
                {
                    return false;
                }

                _pos++;
                if (!SkipTrivia())
                {
                    return false;
                }

                if (Peek() == ']')
                {
                    _pos++; // trailing comma
                    return true;
                }
            }
        }

        /// <summary>Parses any value at the current position (trivia already skipped); <paramref name="depth"/> is the depth of the enclosing container.</summary>
        private bool ParseValue(string path, int depth)
        {
            if (_pos >= _text.Length)
            {
                return false;
            }

            int line = _line;
            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return depth < MaxDepth && ParseObject(path, depth + 1);
                case '[':
                    return depth < MaxDepth && ParseArray(path, depth + 1);
                case '"':
                    if (!ReadString(out string s))
                    {
                        return false;
                    }

                    _entries.Add(new ConfigEntry(path, s, line));
                    return true;
                case 't':
                    return ReadLiteral("true", path, "True", line);
                case 'f':
                    return ReadLiteral("false", path, "False", line);
                case 'n':
                    return ReadLiteral("null", path, null, line);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        int start = _pos;
                        if (!ReadNumber())
                        {
                            return false;
                        }

                        _entries.Add(new ConfigEntry(path, _text.Substring(start, _pos - start), line));
                        return true;
                    }

                    return false;
            }
        }

        private bool ReadLiteral(string literal, string path, string? value, int line)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                return false;
            }

            _pos += literal.Length;
            // "truex" / "nullify": a literal must be followed by a delimiter.
            if (_pos < _text.Length && IsIdentifierChar(_text[_pos]))
            {
                return false;
            }

            _entries.Add(new ConfigEntry(path, value, line));
            return true;
        }

        private static bool IsIdentifierChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c > '\u007F';

        /// <summary>RFC 8259 number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private bool ReadNumber()
        {
            if (Peek() == '-')
            {
                _pos++;
            }

            char c = Peek();
            if (c == '0')
            {
                _pos++;
            }
            else if (c >= '1' && c <= '9')
            {
                SkipDigits();
            }
            else
            {
                return false;
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek()))
                {
                    return false;
                }

                SkipDigits();
            }

            c = Peek();
            if (c == 'e' || c == 'E')
            {
                _pos++;
                c = Peek();
                if (c == '+' || c == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    return false;
                }

                SkipDigits();
            }

            // "01", "1x", "1.5.2": the number must end at a delimiter.
            return _pos >= _text.Length || !(IsIdentifierChar(_text[_pos]) || _text[_pos] == '.');
        }

        private void SkipDigits()
        {
            while (_pos < _text.Length && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>Reads a string whose opening quote is at the current position, unescaping it.</summary>
        private bool ReadString(out string value)
        {
            value = string.Empty;
            _pos++; // opening quote
            int start = _pos;

            // Fast path: no escapes.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    value = _text.Substring(start, _pos - start);
                    _pos++;
                    return true;
                }

                if (c == '\\')
                {
                    break;
                }

                if (c < ' ')
                {
                    return false; // raw control characters (including newlines) are not allowed in JSON strings
                }

                _pos++;
            }

            if (_pos >= _text.Length)
            {
                return false; // unterminated
            }

            StringBuilder sb = _buffer.Clear();
            sb.Append(_text, start, _pos - start);
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    value = sb.ToString();
                    return true;
                }

                if (c < ' ')
                {
                    return false;
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                _pos++;
                if (_pos >= _text.Length)
                {
                    return false;
                }

                char e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (!ReadHex4(out char unit))
                        {
                            return false;
                        }

                        AppendCodeUnit(sb, unit);
                        break;
                    default:
                        return false;
                }
            }

            return false; // unterminated
        }

        /// <summary>
        /// Appends a \u escape. A high surrogate is kept only when a \u low surrogate follows (the pair is consumed);
        /// a lone surrogate becomes U+FFFD so the report never carries ill-formed UTF-16
        /// (the provider throws on it; we stay tolerant).
        /// </summary>
        private void AppendCodeUnit(StringBuilder sb, char unit)
        {
            if (char.IsHighSurrogate(unit))
            {
                if (_pos + 6 <= _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
                {
                    int save = _pos;
                    _pos += 2;
                    if (ReadHex4(out char low) && char.IsLowSurrogate(low))
                    {
                        sb.Append(unit).Append(low);
                        return;
                    }

                    _pos = save; // not a pair: the next escape is read on its own
                }

                sb.Append('\uFFFD');
                return;
            }

            sb.Append(char.IsLowSurrogate(unit) ? '\uFFFD' : unit);
        }

        private bool ReadHex4(out char value)
        {
            value = '\0';
            if (_pos + 4 > _text.Length)
            {
                return false;
            }

            int v = 0;
            for (int i = 0; i < 4; i++)
            {
                char c = _text[_pos + i];
                int d;
                if (c >= '0' && c <= '9')
                {
                    d = c - '0';
                }
                else if (c >= 'a' && c <= 'f')
                {
                    d = c - 'a' + 10;
                }
                else if (c >= 'A' && c <= 'F')
                {
                    d = c - 'A' + 10;
                }
                else
                {
                    return false;
                }

                v = (v << 4) | d;
            }

            _pos += 4;
            value = (char)v;
            return true;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        /// <summary>Skips whitespace and comments, counting lines. Returns false on an unterminated block comment or a stray '/'.</summary>
        private bool SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                switch (c)
                {
                    case ' ':
                    case '\t':
                        _pos++;
                        break;
                    case '\n':
                        _line++;
                        _pos++;
                        break;
                    case '\r':
                        // \r\n counts once (at the \n); a lone \r is a line break too.
                        if (_pos + 1 >= _text.Length || _text[_pos + 1] != '\n')
                        {
                            _line++;
                        }

                        _pos++;
                        break;
                    case '/':
                        if (_pos + 1 >= _text.Length)
                        {
                            return false;
                        }

                        char next = _text[_pos + 1];
                        if (next == '/')
                        {
                            _pos += 2;
                            while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                            {
                                _pos++;
                            }
                        }
                        else if (next == '*')
                        {
                            int end = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                            if (end < 0)
                            {
                                _pos = _text.Length;
                                return false;
                            }

                            CountLines(_pos + 2, end);
                            _pos = end + 2;
                        }
                        else
                        {
                            return false;
                        }

                        break;
                    default:
                        return true;
                }
            }

            return true;
        }

        private void CountLines(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = _text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
                {
                    _line++;
                }
            }
        }
    }
}
