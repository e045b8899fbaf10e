using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Parsing;

/// <summary>A column of a <c>CREATE TABLE</c> (or added by <c>ALTER TABLE ... ADD</c>), as written.</summary>
/// <param name="Type">The SQL type as written (<c>varchar(32)</c>); null for a computed column written without one.</param>
/// <param name="Nullability"><c>NOT NULL</c> or <c>NULL</c> when written, else null (the database's default applies).</param>
/// <param name="Default">The DEFAULT expression as written.</param>
/// <param name="Generated">How values are generated, as written: <c>IDENTITY(1,1)</c>, <c>AUTO_INCREMENT</c>,
/// <c>GENERATED ALWAYS AS IDENTITY</c>, a <c>serial</c> type, or a computed expression.</param>
/// <param name="NotRead">Keywords of the definition that are not read (<c>COLLATE</c>, <c>SPARSE</c>...).</param>
internal sealed record ScriptColumnSpec(string Name, string? Type, string? Nullability, string? Default, string? Generated, SourceLocation Location,
    EquatableArray<string> NotRead = default);

/// <summary>A primary key or unique constraint; <see cref="Name"/> when the script names it.</summary>
internal sealed record ScriptKeySpec(string? Name, EquatableArray<string> Columns, SourceLocation Location);

/// <param name="PrincipalColumns">Empty when the script names none (the principal's primary key is then referenced).</param>
/// <param name="OnDelete">The ON DELETE action as written, null when none is written.</param>
internal sealed record ScriptForeignKeySpec(string? Name, EquatableArray<string> Columns, string PrincipalTable, EquatableArray<string> PrincipalColumns,
    string? OnDelete, string? OnUpdate, SourceLocation Location);

internal sealed record ScriptCheckSpec(string? Name, string Sql, SourceLocation Location);

/// <param name="Included">The columns of an <c>INCLUDE (...)</c> clause (stored in the index, not keys of it).</param>
internal sealed record ScriptIndexSpec(string? Name, EquatableArray<string> Columns, bool Unique, string? Filter, SourceLocation Location, EquatableArray<string> Included = default);

/// <summary>Something about a table that is not followed (a later change, a definition not read), with its evidence.</summary>
internal sealed record ScriptNoteSpec(string What, SourceLocation Location);

/// <summary>A table a script creates, with what its <c>CREATE TABLE</c> (and later, simple <c>ALTER TABLE ... ADD</c> and
/// <c>CREATE INDEX</c> statements) declare. <see cref="Offset"/> orders statements within one script.</summary>
/// <param name="ColumnsKnown">False for <c>CREATE TABLE ... AS SELECT</c> and other forms whose columns are not written.</param>
/// <param name="Changed">Later statements that change the table in a way not followed: what is shown is the state as created.</param>
internal sealed record ScriptTableSpec(
    string Name,
    SourceLocation Location,
    int Offset,
    bool ColumnsKnown,
    EquatableArray<ScriptColumnSpec> Columns,
    ScriptKeySpec? PrimaryKey,
    EquatableArray<ScriptForeignKeySpec> ForeignKeys,
    EquatableArray<ScriptKeySpec> UniqueConstraints,
    EquatableArray<ScriptCheckSpec> CheckConstraints,
    EquatableArray<ScriptIndexSpec> Indexes,
    EquatableArray<ScriptNoteSpec> Notes,
    EquatableArray<ScriptNoteSpec> Changed = default);

/// <summary>A statement about a table outside its <c>CREATE TABLE</c>: an index created (<c>index</c>), columns or
/// constraints added (<c>add</c>, in <see cref="Adds"/>), a change not followed (<c>change</c>, described by
/// <see cref="What"/>), a table dropped (<c>drop</c>), an index dropped (<c>dropindex</c>, <see cref="What"/> its name).</summary>
internal sealed record ScriptTableChangeSpec(string Table, string Kind, int Offset, SourceLocation Location, ScriptTableSpec? Adds, string? What);

/// <summary>
/// Reads the tables SQL scripts declare: <c>CREATE TABLE</c> (T-SQL, PostgreSQL, SQLite, MySQL; <c>[x]</c>, <c>"x"</c> and
/// <c>`x`</c> quoting; schema-qualified names) with columns, primary key, foreign keys, unique and check constraints;
/// <c>CREATE [UNIQUE] INDEX</c>; <c>ALTER TABLE ... ADD</c> of columns and constraints; and the <c>ALTER TABLE</c>/<c>DROP</c>
/// statements not followed. Comments and string literals are blanked first (<see cref="SqlFactsReader.Blank"/>), so a
/// <c>CREATE TABLE</c> in a comment or a literal (dynamic SQL) is not read; PostgreSQL dollar-quoted bodies are blanked
/// too (a function body runs later, if ever). Temporary tables (<c>#t</c>, <c>CREATE TEMP TABLE</c>) and table variables
/// are left out. DEFAULT and CHECK expressions are copied as written (comments removed, spaces collapsed).
/// </summary>
internal static class SqlTableReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Part = @"(?:\[[^\]\n]+\]|""[^""\n]+""|`[^`\n]+`|[A-Za-z_][\w$#]*)";
    private const string Name = Part + @"(?:\s*\.\s*" + Part + ")*";

    private static readonly Regex CreateTable = new(@"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?<temp>(?:TEMP|TEMPORARY)\s+)?(?:UNLOGGED\s+)?(?<virtual>VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>#{0,2}" + Name + ")", Options);
    private static readonly Regex CreateIndex = new(@"\bCREATE\s+(?<unique>UNIQUE\s+)?(?:(?:NON)?CLUSTERED\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:(?!ON\b)(?<name>" + Name + @")\s+)?ON\s+(?:ONLY\s+)?(?<table>" + Name + @")\s*(?:USING\s+\w+\s*)?\(", Options);
    private static readonly Regex AlterTable = new(@"\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<name>" + Name + ")", Options);
    private static readonly Regex DropTable = new(@"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?<names>" + Name + @"(?:\s*,\s*" + Name + ")*)", Options);
    private static readonly Regex DropIndex = new(@"\bDROP\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(?<name>" + Name + @")(?:\s+ON\s+(?<table>" + Name + "))?", Options);
    private static readonly Regex RenameTable = new(@"\bRENAME\s+TABLE\s+(?<name>" + Name + ")", Options);
    private static readonly Regex Token = new(@"\[[^\]\n]*\]|""[^""\n]*""|`[^`\n]*`|N?'[^'\n]*'|[A-Za-z_@#$][\w$#@]*|\d+(?:\.\d+)?|::|<>|[<>!=]=|\S", Options);
    private static readonly Regex StatementStart = new(@"\n[ \t]*(?:GO|CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|MERGE|GRANT|DENY|REVOKE|EXEC|EXECUTE|TRUNCATE|DECLARE|IF|BEGIN|END|SET|PRINT|USE|COMMIT|ROLLBACK|SELECT|WITH)\b", Options);

    public sealed record Result(List<ScriptTableSpec> Tables, List<ScriptTableChangeSpec> Changes);

    public static Result Read(string sql, string path)
    {
        var uncommented = BlankComments(sql);
        var blanked = BlankDollarQuoted(SqlFactsReader.Blank(sql));
        var tables = new List<ScriptTableSpec>();
        var changes = new List<ScriptTableChangeSpec>();
        SourceLocation At(int index) => new(path, SqlFactsReader.LineOf(blanked, index));
        var reader = new Reader(blanked, uncommented, At);

        foreach (Match match in CreateTable.Matches(blanked))
        {
            var name = match.Groups["name"].Value;
            if (match.Groups["temp"].Success || match.Groups["virtual"].Success || name.StartsWith("#", System.StringComparison.Ordinal)) continue;
            var table = reader.Table(Clean(name), match.Index, match.Index + match.Length);
            if (table is not null) tables.Add(table);
        }
        foreach (Match match in CreateIndex.Matches(blanked))
        {
            var open = match.Index + match.Length - 1;
            var close = Reader.Close(blanked, open);
            if (close < 0) continue;
            var columns = reader.Items(open, close).Select(ColumnItem).ToEquatableArray();
            var end = StatementEnd(blanked, close + 1);
            var rest = blanked.Substring(close + 1, end - close - 1);
            string? filter = null;
            var where = Regex.Match(rest, @"\bWHERE\b(?<filter>.*?)(?=\bWITH\s*\(|$)", Options | RegexOptions.Singleline);
            if (where.Success) filter = reader.Copy(close + 1 + where.Groups["filter"].Index, close + 1 + where.Groups["filter"].Index + where.Groups["filter"].Length);
            var included = new List<string>();
            var include = Regex.Match(rest, @"^\s*INCLUDE\s*\(", Options);
            if (include.Success)
            {
                var includeOpen = close + 1 + include.Length - 1;
                var includeClose = Reader.Close(blanked, includeOpen);
                if (includeClose > 0) included = reader.Items(includeOpen, includeClose).Select(ColumnItem).ToList();
            }
            var index = new ScriptIndexSpec(match.Groups["name"].Success ? Clean(match.Groups["name"].Value) : null, columns, match.Groups["unique"].Success,
                string.IsNullOrEmpty(filter) ? null : filter, At(match.Index), included.ToEquatableArray());
            changes.Add(new ScriptTableChangeSpec(Clean(match.Groups["table"].Value), "index", match.Index, At(match.Index), Empty(Clean(match.Groups["table"].Value), At(match.Index), match.Index) with { Indexes = new[] { index }.ToEquatableArray() }, null));
        }
        foreach (Match match in AlterTable.Matches(blanked))
        {
            var table = Clean(match.Groups["name"].Value);
            var end = StatementEnd(blanked, match.Index + match.Length);
            changes.Add(reader.Alter(table, match.Index, match.Index + match.Length, end));
        }
        foreach (Match match in DropTable.Matches(blanked))
        {
            foreach (var name in SplitNames(match.Groups["names"].Value))
                changes.Add(new ScriptTableChangeSpec(name, "drop", match.Index, At(match.Index), null, "DROP TABLE"));
        }
        foreach (Match match in RenameTable.Matches(blanked))
        {
            changes.Add(new ScriptTableChangeSpec(Clean(match.Groups["name"].Value), "change", match.Index, At(match.Index), null, "RENAME TABLE"));
        }
        foreach (Match match in DropIndex.Matches(blanked))
        {
            changes.Add(new ScriptTableChangeSpec(match.Groups["table"].Success ? Clean(match.Groups["table"].Value) : "", "dropindex", match.Index, At(match.Index), null, Clean(match.Groups["name"].Value)));
        }
        return new Result(tables.OrderBy(t => t.Offset).ToList(), changes.OrderBy(c => c.Offset).ToList());
    }

    internal static ScriptTableSpec Empty(string name, SourceLocation location, int offset) => new(name, location, offset, true,
        EquatableArray<ScriptColumnSpec>.Empty, null, EquatableArray<ScriptForeignKeySpec>.Empty, EquatableArray<ScriptKeySpec>.Empty,
        EquatableArray<ScriptCheckSpec>.Empty, EquatableArray<ScriptIndexSpec>.Empty, EquatableArray<ScriptNoteSpec>.Empty, EquatableArray<ScriptNoteSpec>.Empty);

    private static IEnumerable<string> SplitNames(string names) => Regex.Split(names, @"\s*,\s*").Where(n => n.Length > 0).Select(Clean);

    /// <summary>Where the statement starting before <paramref name="from"/> ends: a semicolon outside parentheses, or a line
    /// starting the next statement (scripts without semicolons), or the end.</summary>
    internal static int StatementEnd(string text, int from)
    {
        var depth = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(') depth++;
            else if (c == ')') depth = System.Math.Max(0, depth - 1);
            else if (c == ';' && depth == 0) return i;
            else if (c == '\n' && depth == 0 && StatementStart.Match(text, i) is { Success: true } next && next.Index == i) return i;
        }
        return text.Length;
    }

    /// <summary>A name with its quotes removed: <c>[dbo].[Stock]</c> is <c>dbo.Stock</c>.</summary>
    internal static string Clean(string name) =>
        string.Join(".", Regex.Split(name.Trim(), @"\s*\.\s*(?=(?:[^\]""`]|\[[^\]]*\]|""[^""]*""|`[^`]*`)*$)").Select(p => p.Trim().Trim('[', ']', '"', '`')));

    /// <summary>A column of a key or index list: its name unquoted (with <c>DESC</c> when written), else the expression as written.</summary>
    private static string ColumnItem(string item)
    {
        var simple = Regex.Match(item, @"^(?<name>" + Part + @")(?:\s+(?<order>ASC|DESC))?$", Options);
        if (!simple.Success) return item;
        return Clean(simple.Groups["name"].Value) + (simple.Groups["order"].Value.Equals("DESC", System.StringComparison.OrdinalIgnoreCase) ? " DESC" : "");
    }

    private static string BlankComments(string sql)
    {
        // Comments blanked outside string literals: the literals stay, for DEFAULT and CHECK expressions copied as written.
        return Regex.Replace(sql, @"N?'(?:[^']|'')*'|--[^\n]*|/\*.*?\*/", m => m.Value.StartsWith("--", System.StringComparison.Ordinal) || m.Value.StartsWith("/*", System.StringComparison.Ordinal)
            ? new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()) : m.Value, RegexOptions.Singleline);
    }

    private static string BlankDollarQuoted(string text) =>
        Regex.Replace(text, @"\$(?<tag>[A-Za-z_]*)\$.*?\$\k<tag>\$", m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()), RegexOptions.Singleline);

    private static readonly HashSet<string> ColumnKeywords = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "IDENTITY", "AUTO_INCREMENT", "AUTOINCREMENT", "GENERATED",
        "COLLATE", "AS", "ON", "COMMENT", "MASKED", "SPARSE", "HIDDEN", "ROWGUIDCOL", "FILESTREAM", "ENCRYPTED", "PERSISTED", "STORED", "VIRTUAL", "WITH",
    };

    private sealed class Reader
    {
        private readonly string _text;
        private readonly string _original;
        private readonly System.Func<int, SourceLocation> _at;

        public Reader(string blanked, string uncommented, System.Func<int, SourceLocation> at)
        {
            _text = blanked;
            _original = uncommented;
            _at = at;
        }

        public static int Close(string text, int open)
        {
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                if (text[i] == '(') depth++;
                else if (text[i] == ')' && --depth == 0) return i;
                else if (text[i] == '[') { var end = text.IndexOf(']', i + 1); if (end > 0) i = end; }
            }
            return -1;
        }

        /// <summary>The original text of a span (comments removed), spaces collapsed.</summary>
        public string Copy(int start, int end) => Regex.Replace(_original.Substring(start, end - start), @"\s+", " ").Trim();

        /// <summary>The comma-separated items between a parenthesis and its match, as written.</summary>
        public List<string> Items(int open, int close) => Split(open + 1, close).Select(s => Copy(s.Start, s.End)).Where(s => s.Length > 0).ToList();

        /// <summary>Spans between top-level commas of [start, end).</summary>
        public List<(int Start, int End)> Split(int start, int end)
        {
            var spans = new List<(int, int)>();
            var depth = 0;
            var from = start;
            for (var i = start; i < end; i++)
            {
                var c = _text[i];
                if (c == '(') depth++;
                else if (c == ')') depth--;
                else if (c == '[') { var close = _text.IndexOf(']', i + 1); if (close > 0 && close < end) i = close; }
                else if (c == ',' && depth == 0) { spans.Add((from, i)); from = i + 1; }
            }
            spans.Add((from, end));
            return spans;
        }

        private List<(string Text, int Start, int End)> Tokens(int start, int end) =>
            Token.Matches(_text.Substring(start, end - start)).Cast<Match>().Select(m => (m.Value, start + m.Index, start + m.Index + m.Length)).ToList();

        public ScriptTableSpec? Table(string name, int statement, int afterName)
        {
            var location = _at(statement);
            var table = Empty(name, location, statement);
            var next = Regex.Match(_text.Substring(afterName), @"^\s*(?<what>\(|AS\b|\S+)", Options);
            if (next.Success && next.Groups["what"].Value == "(")
            {
                var open = afterName + next.Groups["what"].Index;
                var close = Close(_text, open);
                if (close < 0) return null;
                var after = Regex.Match(_text.Substring(close + 1), @"^\s*AS\b", Options);
                if (after.Success) return table with { ColumnsKnown = false, Notes = Note("created from a query (CREATE TABLE ... AS): its columns are not written", location) };
                return Elements(table, open + 1, close, null);
            }
            if (next.Success && next.Groups["what"].Value.Equals("AS", System.StringComparison.OrdinalIgnoreCase))
            {
                return table with { ColumnsKnown = false, Notes = Note("created from a query (CREATE TABLE ... AS SELECT): its columns are not written", location) };
            }
            var word = next.Success ? next.Groups["what"].Value.ToUpperInvariant() : "";
            return table with { ColumnsKnown = false, Notes = Note("definition not read (CREATE TABLE ... " + (Regex.IsMatch(word, @"^[A-Z_]+$") ? word : "") + ")", location) };
        }

        private static EquatableArray<ScriptNoteSpec> Note(string what, SourceLocation location) => new[] { new ScriptNoteSpec(what, location) }.ToEquatableArray();

        /// <summary>Reads column definitions and table constraints from [start, end) into the table.</summary>
        /// <param name="alterKind">For ALTER TABLE ADD: "column" or "constraint" for a piece without its own ADD word; null for CREATE TABLE.</param>
        private ScriptTableSpec Elements(ScriptTableSpec table, int start, int end, string? alterKind)
        {
            var columns = table.Columns.ToList();
            var foreignKeys = table.ForeignKeys.ToList();
            var uniques = table.UniqueConstraints.ToList();
            var checks = table.CheckConstraints.ToList();
            var indexes = table.Indexes.ToList();
            var notes = table.Notes.ToList();
            var primaryKey = table.PrimaryKey;
            foreach (var (s, e) in Split(start, end))
            {
                var tokens = Tokens(s, e);
                if (tokens.Count == 0) continue;
                var location = _at(tokens[0].Start);
                var i = 0;
                string? constraintName = null;
                if (Is(tokens, 0, "CONSTRAINT") && tokens.Count > 1) { constraintName = Clean(tokens[1].Text); i = 2; }
                var first = i < tokens.Count ? tokens[i].Text.ToUpperInvariant() : "";
                if (first is "PRIMARY" && Is(tokens, i + 1, "KEY"))
                {
                    var cols = ColumnList(tokens, i + 2, out _);
                    if (cols is null) notes.Add(new ScriptNoteSpec("primary key not read", location));
                    else primaryKey = new ScriptKeySpec(constraintName, cols.ToEquatableArray(), location);
                }
                else if (first is "FOREIGN" && Is(tokens, i + 1, "KEY"))
                {
                    var cols = ColumnList(tokens, i + 2, out var next);
                    var fk = cols is null ? null : References(tokens, next, constraintName, cols, location, out _);
                    if (fk is null) notes.Add(new ScriptNoteSpec("foreign key not read", location));
                    else foreignKeys.Add(fk);
                }
                else if (first is "UNIQUE")
                {
                    var cols = ColumnList(tokens, i + 1, out _);
                    if (cols is null) notes.Add(new ScriptNoteSpec("unique constraint not read", location));
                    else uniques.Add(new ScriptKeySpec(constraintName ?? NameBeforeList(tokens, i + 1), cols.ToEquatableArray(), location));
                }
                else if (first is "CHECK" && i + 1 < tokens.Count && tokens[i + 1].Text == "(")
                {
                    var close = Close(_text, tokens[i + 1].Start);
                    checks.Add(new ScriptCheckSpec(constraintName, Copy(tokens[i + 1].Start + 1, close), location));
                }
                else if (constraintName is null && first is "KEY" or "INDEX" && alterKind is null)
                {
                    var cols = ColumnList(tokens, i + 1, out _);
                    if (cols is null) notes.Add(new ScriptNoteSpec(first + " definition not read", location));
                    else indexes.Add(new ScriptIndexSpec(NameBeforeList(tokens, i + 1), cols.ToEquatableArray(), false, null, location));
                }
                else if (constraintName is not null || alterKind == "constraint" || first is "PERIOD" or "EXCLUDE" or "LIKE" or "FULLTEXT" or "SPATIAL")
                {
                    notes.Add(new ScriptNoteSpec("definition not read: " + (constraintName is null ? "" : "CONSTRAINT ") + Regex.Replace(first, @"[^A-Z_]", ""), location));
                }
                else
                {
                    var column = Column(tokens, location, out var columnKey, out var columnUnique, out var columnFk, out var columnCheck);
                    if (column is null) { notes.Add(new ScriptNoteSpec("definition not read", location)); continue; }
                    columns.Add(column);
                    if (columnKey is not null) primaryKey = columnKey;
                    if (columnUnique is not null) uniques.Add(columnUnique);
                    if (columnFk is not null) foreignKeys.Add(columnFk);
                    if (columnCheck is not null) checks.Add(columnCheck);
                }
            }
            return table with
            {
                Columns = columns.ToEquatableArray(), PrimaryKey = primaryKey, ForeignKeys = foreignKeys.ToEquatableArray(), UniqueConstraints = uniques.ToEquatableArray(),
                CheckConstraints = checks.ToEquatableArray(), Indexes = indexes.ToEquatableArray(), Notes = notes.ToEquatableArray(),
            };
        }

        private static bool Is(List<(string Text, int Start, int End)> tokens, int i, string word) =>
            i < tokens.Count && tokens[i].Text.Equals(word, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>An index or constraint name written before its column list (MySQL <c>UNIQUE KEY uq (a)</c>).</summary>
        private static string? NameBeforeList(List<(string Text, int Start, int End)> tokens, int i)
        {
            for (; i < tokens.Count && tokens[i].Text != "("; i++)
            {
                var word = tokens[i].Text.ToUpperInvariant();
                if (word is "KEY" or "INDEX" or "CLUSTERED" or "NONCLUSTERED") continue;
                return Clean(tokens[i].Text);
            }
            return null;
        }

        /// <summary>The parenthesised column list at or after <paramref name="i"/> (skipping a name and CLUSTERED/NONCLUSTERED,
        /// KEY/INDEX words), or null.</summary>
        private List<string>? ColumnList(List<(string Text, int Start, int End)> tokens, int i, out int next)
        {
            next = i;
            for (var skipped = 0; i < tokens.Count && tokens[i].Text != "(" && skipped < 3; i++, skipped++)
            {
                if (!Regex.IsMatch(tokens[i].Text, "^" + Part + "$")) return null;
            }
            if (i >= tokens.Count || tokens[i].Text != "(") return null;
            var close = Close(_text, tokens[i].Start);
            if (close < 0) return null;
            next = tokens.FindIndex(t => t.Start > close);
            if (next < 0) next = tokens.Count;
            return Items(tokens[i].Start, close).Select(ColumnItem).ToList();
        }

        private ScriptForeignKeySpec? References(List<(string Text, int Start, int End)> tokens, int i, string? name, List<string> columns, SourceLocation location, out int next)
        {
            next = i;
            if (!Is(tokens, i, "REFERENCES") || i + 1 >= tokens.Count) return null;
            // The principal's name: parts joined by dots.
            var j = i + 1;
            var principal = tokens[j].Text;
            while (j + 2 < tokens.Count && tokens[j + 1].Text == ".") { principal += "." + tokens[j + 2].Text; j += 2; }
            j++;
            var principalColumns = new List<string>();
            if (j < tokens.Count && tokens[j].Text == "(")
            {
                principalColumns = ColumnList(tokens, j, out j) ?? new List<string>();
            }
            string? onDelete = null, onUpdate = null;
            while (Is(tokens, j, "ON") && j + 1 < tokens.Count)
            {
                var which = tokens[j + 1].Text.ToUpperInvariant();
                if (which is not ("DELETE" or "UPDATE")) break;
                var action = new List<string>();
                j += 2;
                for (; j < tokens.Count && action.Count < 2; j++)
                {
                    var word = tokens[j].Text.ToUpperInvariant();
                    if (action.Count == 0 && word is "CASCADE" or "RESTRICT") { action.Add(word); j++; break; }
                    if (action.Count == 0 && word is "NO" or "SET") { action.Add(word); continue; }
                    if (action.Count == 1 && word is "ACTION" or "NULL" or "DEFAULT") { action.Add(word); j++; break; }
                    break;
                }
                if (which == "DELETE") onDelete = string.Join(" ", action); else onUpdate = string.Join(" ", action);
            }
            next = j;
            return new ScriptForeignKeySpec(name, columns.ToEquatableArray(), Clean(principal), principalColumns.ToEquatableArray(), onDelete, onUpdate, location);
        }

        private ScriptColumnSpec? Column(List<(string Text, int Start, int End)> tokens, SourceLocation location, out ScriptKeySpec? key, out ScriptKeySpec? unique,
            out ScriptForeignKeySpec? foreignKey, out ScriptCheckSpec? check)
        {
            key = null; unique = null; foreignKey = null; check = null;
            if (!Regex.IsMatch(tokens[0].Text, "^" + Part + "$")) return null;
            var name = Clean(tokens[0].Text);
            var i = 1;
            var typeStart = i;
            var depth = 0;
            for (; i < tokens.Count; i++)
            {
                var t = tokens[i].Text;
                if (t == "(") depth++;
                else if (t == ")") depth--;
                else if (depth == 0 && t.Equals("WITH", System.StringComparison.OrdinalIgnoreCase) && Is(tokens, i + 1, "TIME")) continue; // timestamp with time zone
                else if (depth == 0 && (ColumnKeywords.Contains(t) || t.Equals("CHARACTER", System.StringComparison.OrdinalIgnoreCase) && Is(tokens, i + 1, "SET") || t.Equals("CHARSET", System.StringComparison.OrdinalIgnoreCase))) break;
            }
            string? type = i > typeStart ? Copy(tokens[typeStart].Start, tokens[i - 1].End) : null;
            string? nullability = null, defaultValue = null, generated = null;
            var notRead = new List<string>();
            if (type is not null && Regex.IsMatch(type, @"^(?:small|big)?serial\d?$", Options)) generated = "serial type";
            string? constraintName = null;
            while (i < tokens.Count)
            {
                var word = tokens[i].Text.ToUpperInvariant();
                if (word == "CONSTRAINT" && i + 1 < tokens.Count) { constraintName = Clean(tokens[i + 1].Text); i += 2; continue; }
                if (word == "NOT" && Is(tokens, i + 1, "NULL")) { nullability = "NOT NULL"; i += 2; }
                else if (word == "NULL") { nullability = "NULL"; i++; }
                else if (word == "DEFAULT")
                {
                    var end = ExpressionEnd(tokens, i + 1);
                    if (end > i + 1) defaultValue = Copy(tokens[i + 1].Start, tokens[end - 1].End);
                    i = end;
                }
                else if (word == "PRIMARY" && Is(tokens, i + 1, "KEY"))
                {
                    key = new ScriptKeySpec(constraintName, new[] { name }.ToEquatableArray(), location);
                    i += 2;
                    while (i < tokens.Count && tokens[i].Text.ToUpperInvariant() is "ASC" or "DESC" or "CLUSTERED" or "NONCLUSTERED") i++;
                }
                else if (word == "UNIQUE")
                {
                    unique = new ScriptKeySpec(constraintName, new[] { name }.ToEquatableArray(), location);
                    i++;
                    while (i < tokens.Count && tokens[i].Text.ToUpperInvariant() is "KEY" or "CLUSTERED" or "NONCLUSTERED") i++;
                }
                else if (word == "REFERENCES")
                {
                    foreignKey = References(tokens, i, constraintName, new List<string> { name }, location, out var next);
                    if (foreignKey is null) { notRead.Add("REFERENCES"); break; }
                    i = next;
                }
                else if (word == "CHECK" && i + 1 < tokens.Count && tokens[i + 1].Text == "(")
                {
                    var close = Close(_text, tokens[i + 1].Start);
                    check = new ScriptCheckSpec(constraintName, Copy(tokens[i + 1].Start + 1, close), location);
                    i = tokens.FindIndex(t => t.Start > close);
                    if (i < 0) i = tokens.Count;
                }
                else if (word == "IDENTITY")
                {
                    var end = i + 1;
                    if (end < tokens.Count && tokens[end].Text == "(") { var close = Close(_text, tokens[end].Start); end = tokens.FindIndex(t => t.Start > close); if (end < 0) end = tokens.Count; }
                    generated = Copy(tokens[i].Start, tokens[end - 1].End);
                    i = end;
                }
                else if (word is "AUTO_INCREMENT" or "AUTOINCREMENT") { generated = word; i++; }
                else if (word == "GENERATED" || word == "AS")
                {
                    // GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(...)], GENERATED ALWAYS AS (expr) [STORED], GENERATED ALWAYS AS ROW START, AS (expr) [PERSISTED].
                    var end = i + 1;
                    while (end < tokens.Count && tokens[end].Text.ToUpperInvariant() is "ALWAYS" or "BY" or "DEFAULT" or "ON" or "NULL" or "AS") end++;
                    if (end < tokens.Count && tokens[end].Text.ToUpperInvariant() is "IDENTITY" or "ROW")
                    {
                        end++;
                        if (end < tokens.Count && tokens[end].Text.ToUpperInvariant() is "START" or "END") end++;
                    }
                    if (end < tokens.Count && tokens[end].Text == "(") { var close = Close(_text, tokens[end].Start); end = tokens.FindIndex(t => t.Start > close); if (end < 0) end = tokens.Count; }
                    if (end < tokens.Count && tokens[end].Text.ToUpperInvariant() is "STORED" or "VIRTUAL" or "PERSISTED") end++;
                    generated = (word == "AS" ? "computed: " : "") + Copy(tokens[i].Start, tokens[end - 1].End);
                    i = end;
                }
                else
                {
                    if (Regex.IsMatch(word, @"^[A-Z_]+$") && !notRead.Contains(word)) notRead.Add(word);
                    i++;
                    // Skip the arguments of a keyword not read, up to the next keyword this reader knows.
                    while (i < tokens.Count && !(tokens[i].Text.ToUpperInvariant() is "CONSTRAINT" or "NOT" or "NULL" or "DEFAULT" or "PRIMARY" or "UNIQUE" or "REFERENCES" or "CHECK" or "IDENTITY" or "GENERATED" or "AUTO_INCREMENT" or "AUTOINCREMENT"
                                                 or "COLLATE" or "COMMENT" or "MASKED" or "SPARSE" or "HIDDEN" or "ROWGUIDCOL" or "ON")) i++;
                }
            }
            return new ScriptColumnSpec(name, type, nullability, defaultValue, generated, location, notRead.ToEquatableArray());
        }

        /// <summary>The end of a DEFAULT expression: its first token (or parenthesised group), then up to a keyword at depth 0.</summary>
        private int ExpressionEnd(List<(string Text, int Start, int End)> tokens, int i)
        {
            var depth = 0;
            var first = true;
            for (; i < tokens.Count; i++)
            {
                var t = tokens[i].Text;
                if (t == "(") depth++;
                else if (t == ")") depth--;
                else if (depth == 0 && !first && (ColumnKeywords.Contains(t) && !t.Equals("NULL", System.StringComparison.OrdinalIgnoreCase) || t.Equals("NOT", System.StringComparison.OrdinalIgnoreCase))) return i;
                else if (depth == 0 && !first && t.Equals("NULL", System.StringComparison.OrdinalIgnoreCase) && !Is(tokens, i - 1, "IS")) return i;
                if (depth == 0) first = false;
            }
            return tokens.Count;
        }

        public ScriptTableChangeSpec Alter(string table, int statement, int afterName, int end)
        {
            var location = _at(statement);
            var rest = _text.Substring(afterName, end - afterName);
            var action = Regex.Match(rest, @"^\s*(?:WITH\s+(?:NO)?CHECK\s+)?(?<verb>\w+)(?:\s+(?<object>\w+))?", Options);
            var verb = action.Groups["verb"].Value.ToUpperInvariant();
            var what = "ALTER TABLE ... " + verb + (action.Groups["object"].Success && Regex.IsMatch(action.Groups["object"].Value, "^(?:COLUMN|CONSTRAINT|CHANGE_TRACKING|ROW|INDEX|PRIMARY|FOREIGN|UNIQUE|CHECK)$", Options) ? " " + action.Groups["object"].Value.ToUpperInvariant() : "");
            // Changes that leave the columns and constraints shown as they are.
            if (Regex.IsMatch(rest, @"^\s*(?:ENABLE|DISABLE)\s+CHANGE_TRACKING\b|^\s*(?:ENABLE|FORCE)\s+ROW\s+LEVEL\s+SECURITY\b|^\s*ALTER\s+COLUMN\s+" + Part + @"\s+(?:ADD|DROP)\s+MASKED\b|^\s*VALIDATE\s+CONSTRAINT\b|^\s*OWNER\s+TO\b", Options))
            {
                return new ScriptTableChangeSpec(table, "unchanged", statement, location, null, what);
            }
            if (verb != "ADD" || !action.Success) return new ScriptTableChangeSpec(table, "change", statement, location, null, what);
            var addAt = afterName + action.Groups["verb"].Index + action.Groups["verb"].Length;
            var adds = Empty(table, location, statement);
            foreach (var (s, e) in Split(addAt, end))
            {
                var piece = _text.Substring(s, e - s);
                var lead = Regex.Match(piece, @"^\s*(?:ADD\s+)?(?:(?<column>COLUMN)\s+)?(?:IF\s+NOT\s+EXISTS\s+)?", Options);
                var body = Regex.Match(piece.Substring(lead.Length), @"^(?:CONSTRAINT|PRIMARY|FOREIGN|UNIQUE|CHECK)\b", Options).Success ? "constraint" : "column";
                adds = Elements(adds, s + lead.Length, e, body);
            }
            if (!adds.Notes.IsEmpty) return new ScriptTableChangeSpec(table, "change", statement, location, null, what);
            return new ScriptTableChangeSpec(table, "add", statement, location, adds, what);
        }
    }
}
