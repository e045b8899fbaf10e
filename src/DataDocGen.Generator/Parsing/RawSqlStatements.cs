using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads SQL text a raw SQL site sends (<see cref="RawSqlParser"/>): the tables it names and what each statement does to
/// them (<see cref="SqlTableOperation"/>), for the raw SQL inventory and the CRUD matrix. Comments, string literals and
/// PostgreSQL dollar-quoted bodies are blanked first: a word in them is no SQL. The text is cut into statements at
/// <c>;</c> and, as T-SQL runs them without one, where a statement verb starts a new one (<see cref="Segments"/>).
/// <para>Per statement: a <c>SELECT</c> reads the tables it names and creates the rows of a <c>SELECT ... INTO</c>
/// target, unless it returns no rows (<c>TOP 0</c>, <c>LIMIT 0</c>, <c>WHERE 1 = 0</c>, as code writes to copy a table's
/// structure into a temporary table); an <c>INSERT ... SELECT</c> whose SELECT returns none inserts none. An <c>INSERT</c>,
/// <c>UPDATE</c>, <c>DELETE</c> or <c>MERGE</c> writes its target (the table after the verb, T-SQL's without INTO or
/// FROM too, an alias resolved to its table) and reads the other tables it names (a PostgreSQL DELETE's <c>USING</c>
/// too); an upsert (<c>ON CONFLICT ... DO UPDATE</c>, <c>ON DUPLICATE KEY UPDATE</c>, <c>INSERT OR REPLACE</c>,
/// <c>REPLACE</c>) creates and updates it, a <c>MERGE</c> does what its <c>WHEN ... THEN</c> branches do. A statement
/// led by common table expressions is its main statement (after the list), each expression's body a statement of its
/// own (PostgreSQL's data-modifying <c>WITH d AS (DELETE ...)</c>). A write whose target cannot be told (MySQL's
/// multi-table <c>UPDATE a JOIN b</c>, <c>DELETE a, b FROM</c>) claims nothing; other statements (<c>EXEC</c>, DDL) claim
/// nothing either.</para>
/// </summary>
internal static class RawSqlStatements
{
    /// <summary>What an interpolation hole becomes in a template read for its statement and tables: written against the
    /// text around it, so that a name the hole completes (<c>dbo.{table}</c>, <c>Orders_{suffix}</c>) is seen as one.</summary>
    public const string Hole = "@p";

    public sealed record Result(EquatableArray<string> Tables, EquatableArray<SqlTableOperation> Operations);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Part = "(?:\\[[^\\]]+\\]|\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)";
    /// <summary>Between a keyword and a name: spaces, or none before a quoted name (<c>JOIN[dbo].[t]</c>).</summary>
    private const string AfterKeyword = "(?:\\s+|(?=[\\[\"`]))";
    private const string Top = "(?:TOP\\s*\\(\\s*\\d+\\s*\\)\\s*(?:PERCENT\\s+)?)?";

    // Up to three parts (database.schema.table): a two-part match of `[db].INFORMATION_SCHEMA.TABLES` named a schema.
    // T-SQL's join hint (INNER MERGE JOIN t) is no MERGE. A quoted name may follow its keyword with no space
    // (eShopOnContainers' `LEFT JOIN[ordering].[orderitems]`); a quoted identifier spelled like a keyword (`"from"`) is none.
    private static readonly Regex TableReference = new(
        "(?<![\\[\"`])\\b(?<keyword>FROM|JOIN|INTO|UPDATE|MERGE\\s+INTO|MERGE(?!\\s+JOIN\\b))" + AfterKeyword + Top + "(?:ONLY\\s+(?=[A-Za-z_\\[\"`]))?(" + Part + "(?:\\." + Part + "){0,2})", Options);

    /// <summary>A MERGE's source named as a table: <c>USING dbo.Staging AS s</c>.</summary>
    private static readonly Regex MergeSource = new("\\bUSING" + AfterKeyword + "(" + Part + "(?:\\." + Part + "){0,2})", Options);

    /// <summary>A PostgreSQL <c>DELETE FROM t USING u</c>'s (and MySQL's <c>DELETE FROM t USING t JOIN u</c>) first table,
    /// at a depth-0 <c>USING</c>; a join's <c>USING (id)</c> names none.</summary>
    private static readonly Regex UsingAt = new("\\GUSING" + AfterKeyword + "(" + Part + "(?:\\." + Part + "){0,2})", Options);

    /// <summary>T-SQL's and MySQL's INSERT without INTO (<c>INSERT t (a) VALUES</c>, <c>INSERT dbo.t SELECT</c>, <c>REPLACE t
    /// VALUES</c>): the name right after the verb, followed by what only an INSERT's target is (a column list, <c>VALUES</c>,
    /// <c>SELECT</c>, <c>DEFAULT VALUES</c>, <c>OUTPUT</c>, <c>EXEC</c>, MySQL's <c>SET</c>, a <c>WITH (</c> hint).</summary>
    private static readonly Regex InsertTarget = new(
        "\\G(?:INSERT|REPLACE)\\s+(?:(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\\s+)*" + Top + "(?!(?:INTO|OR)\\b)(" + Part + "(?:\\." + Part + "){0,2})"
        + "(?=\\s*\\(|\\s+(?:VALUES|VALUE|SELECT|DEFAULT|OUTPUT|EXEC|EXECUTE|SET)\\b|\\s+WITH\\s*\\()", Options);

    /// <summary>T-SQL's DELETE without FROM (<c>DELETE t WHERE ...</c>, <c>DELETE TOP (10) dbo.t</c>): the name right after
    /// the verb; what may follow it is checked where the statement ends (<see cref="Reader"/>).</summary>
    private static readonly Regex DeleteTarget = new("\\GDELETE\\s+" + Top + "(?!FROM\\b)(" + Part + "(?:\\." + Part + "){0,2})", Options);

    /// <summary>A common table expression: <c>WITH [RECURSIVE] name [(columns)] AS [[NOT] MATERIALIZED] (</c>, and each
    /// further one of the list (<c>, name AS (</c>). Group 1 says which.</summary>
    private static readonly Regex CteDefinition = new(
        "(\\bWITH\\s+(?:RECURSIVE\\s+)?|,\\s*)(" + Part + ")\\s*(?:\\([^()]*\\)\\s*)?\\bAS\\s*(?:NOT\\s+)?(?:MATERIALIZED\\s*)?\\(", Options);

    /// <summary><see cref="CteDefinition"/> where the list goes on, at the position given.</summary>
    private static readonly Regex CteAt = new(
        "\\G\\s*(?:WITH\\s+(?:RECURSIVE\\s+)?|,\\s*)" + Part + "\\s*(?:\\([^()]*\\)\\s*)?\\bAS\\s*(?:NOT\\s+)?(?:MATERIALIZED\\s*)?\\(", Options);

    /// <summary>T-SQL table hints written without WITH (<c>FROM Orders (NOLOCK)</c>): the parentheses after a table, not a
    /// function's arguments.</summary>
    private static readonly Regex TableHint = new(
        "\\G\\s*\\(\\s*(?:NOLOCK|READUNCOMMITTED|READCOMMITTED|READCOMMITTEDLOCK|READPAST|REPEATABLEREAD|SERIALIZABLE|SNAPSHOT|HOLDLOCK|UPDLOCK|XLOCK|ROWLOCK|PAGLOCK|TABLOCK|TABLOCKX|NOWAIT|NOEXPAND|INDEX|FORCESEEK|FORCESCAN)\\b", Options);

    /// <summary>T-SQL cursors (<c>DECLARE cur CURSOR</c>): <c>FETCH NEXT FROM cur</c> names no table.</summary>
    private static readonly Regex CursorDeclaration = new("\\bDECLARE\\s+([A-Za-z_@#][A-Za-z0-9_@#]*)\\s+(?:INSENSITIVE\\s+|SCROLL\\s+)*CURSOR\\b", Options);

    /// <summary>MySQL's <c>SHOW TABLES FROM db</c> (and its kin): the name after FROM/IN is a database or a table whose
    /// metadata is read, not rows.</summary>
    private static readonly Regex ShowStatement = new("\\bSHOW\\s+(?:FULL\\s+)?(?:TABLES|COLUMNS|FIELDS|INDEX|INDEXES|KEYS|TRIGGERS|TABLE\\s+STATUS)\\s+(?:FROM|IN)\\s+\\S+", Options);

    /// <summary>Comments, string literals and PostgreSQL dollar-quoted bodies, in the order they open.</summary>
    private static readonly Regex Hidden = new("'(?:[^']|'')*'|--[^\\n]*|/\\*[\\s\\S]*?\\*/|(?<![\\w$])\\$(?<tag>[A-Za-z_]*)\\$[\\s\\S]*?\\$\\k<tag>\\$", RegexOptions.CultureInvariant);

    private static readonly Regex Token = new("\\[[^\\]]*\\]|\"[^\"]*\"|`[^`]*`|[A-Za-z_@#$][\\w$#@]*|\\d+|\\S", RegexOptions.CultureInvariant);

    private static readonly Regex AliasAt = new("\\G\\s+(?:AS\\s+)?(" + Part + ")", Options);

    /// <summary>A WHERE whose condition is false whatever the row: <c>WHERE 1 = 0</c>, <c>WHERE (1 &lt;&gt; 1)</c>, <c>WHERE FALSE</c>.</summary>
    private static readonly Regex FalseCondition = new("\\GWHERE\\s*(\\(\\s*)?(?:(?<false>FALSE)\\b|(?<left>\\d+)\\s*(?<op>=|<>|!=)\\s*(?<right>\\d+)\\b)\\s*(?(1)\\))", Options);

    private static readonly Regex Word = new("\\G\\s*([A-Za-z]+)", RegexOptions.CultureInvariant);

    /// <summary>Words after FROM/INTO... that name no table: <c>INTO OUTFILE</c>, PostgreSQL's <c>SELECT ... INTO TEMP t</c>.</summary>
    private static readonly HashSet<string> NotTables = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "VALUES", "SET", "WHERE", "LATERAL", "UNNEST", "OPENJSON", "OUTFILE", "DUMPFILE", "TEMP", "TEMPORARY", "UNLOGGED",
    };

    private static readonly HashSet<string> Verbs = new(System.StringComparer.OrdinalIgnoreCase) { "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE" };

    /// <summary>Words that start a statement of their own wherever they stand (T-SQL needs no <c>;</c> between statements).</summary>
    private static readonly HashSet<string> OtherStarts = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "CREATE", "ALTER", "DROP", "TRUNCATE", "EXEC", "EXECUTE", "DECLARE", "BEGIN", "PRINT", "WHILE", "OPEN", "CLOSE", "DEALLOCATE",
        "GO", "COMMIT", "ROLLBACK", "RAISERROR", "THROW", "RETURN", "CALL", "IF",
    };

    /// <summary>The words and signs after which an <see cref="OtherStarts"/> word is a name or a value (<c>FROM Close</c>,
    /// <c>SELECT open, close</c>, <c>SET close = 1</c>), not a statement.</summary>
    private static readonly HashSet<string> NotAfter = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "DISTINCT", "ALL", "TOP", ",", ".", "(", "=", "<", ">", "+", "-", "*", "/", "%", "|", "&", "FROM", "JOIN", "INTO", "UPDATE", "MERGE",
        "USING", "TABLE", "AS", "SET", "AND", "OR", "NOT", "ON", "BY", "WHERE", "WHEN", "THEN", "ELSE", "IN", "IS", "LIKE", "BETWEEN", "RETURNING", "OUTPUT",
    };

    /// <summary>The words before a SELECT that make it part of the statement around it: <c>UNION SELECT</c>, <c>CREATE VIEW v
    /// AS SELECT</c>, <c>CURSOR FOR SELECT</c>, <c>GRANT SELECT</c>.</summary>
    private static readonly HashSet<string> SelectContinuing = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "UNION", "ALL", "DISTINCT", "EXCEPT", "INTERSECT", "MINUS", "AS", "FOR", ",", "GRANT", "REVOKE", "DENY",
    };

    /// <summary>The words before an INSERT, UPDATE or DELETE that make it part of the statement around it: <c>WHEN MATCHED
    /// THEN UPDATE</c>, <c>ON CONFLICT DO UPDATE</c>, <c>ON DUPLICATE KEY UPDATE</c>, <c>FOR [NO KEY] UPDATE</c>, a trigger's
    /// <c>AFTER INSERT, UPDATE</c> or <c>INSTEAD OF DELETE</c>, <c>GRANT INSERT</c>.</summary>
    private static readonly HashSet<string> WriteContinuing = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "THEN", "DO", "KEY", "FOR", "OR", ",", "AFTER", "BEFORE", "OF", "INSTEAD", "GRANT", "REVOKE", "DENY",
    };

    /// <summary>The words and signs after which an INSERT, UPDATE or DELETE is a column's or a value's name, not a statement
    /// (PostgreSQL lets <c>insert</c>, <c>update</c> and <c>delete</c> name a column: <c>SELECT t.insert</c>, <c>ORDER BY delete
    /// DESC</c>, <c>WHERE update &gt; 0</c>). Not <c>AS</c>, <c>ON</c>, <c>THEN</c> or <c>ELSE</c>, after which T-SQL starts a
    /// statement (<c>CREATE PROCEDURE p AS DELETE ...</c>, <c>SET NOCOUNT ON UPDATE t ...</c>, <c>ELSE DELETE ...</c>).</summary>
    private static readonly HashSet<string> NameBefore = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "DISTINCT", ".", "=", "<", ">", "+", "-", "*", "/", "%", "|", "&", "BY", "AND", "NOT", "WHERE", "IN", "IS", "LIKE", "BETWEEN",
        "FROM", "JOIN", "INTO", "TABLE", "USING", "RETURNING", "OUTPUT",
    };

    /// <summary>The words after <c>ON DELETE</c>/<c>ON UPDATE</c> in a table definition (a foreign key's action, MySQL's
    /// <c>ON UPDATE CURRENT_TIMESTAMP</c>); T-SQL's <c>SET NOCOUNT ON UPDATE t</c> starts a statement.</summary>
    private static readonly HashSet<string> Referential = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "CASCADE", "SET", "NO", "RESTRICT", "CURRENT_TIMESTAMP", "NOW",
    };

    /// <summary>Words after a table that are no alias of it.</summary>
    private static readonly HashSet<string> NotAliases = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "WHERE", "ON", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "OUTER", "NATURAL", "STRAIGHT_JOIN", "SET", "GROUP", "ORDER", "HAVING",
        "LIMIT", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "MINUS", "WITH", "USING", "VALUES", "VALUE", "SELECT", "INTO", "FROM", "WINDOW",
        "FOR", "RETURNING", "OUTPUT", "WHEN", "THEN", "ELSE", "END", "CASE", "DEFAULT", "DO", "AND", "OR", "NOT", "AS", "OF", "PIVOT", "UNPIVOT",
        "TABLESAMPLE", "APPLY", "OPTION", "PARTITION", "USE", "FORCE", "IGNORE", "LATERAL", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
        "ONLY", "FINAL", "LOCK", "QUALIFY", "CONNECT", "START", "IN", "IS", "BY", "ALL", "DISTINCT", "TOP", "COLLATE", "NULL", "OVERRIDING",
        "EXEC", "EXECUTE", "CREATE", "ALTER", "DROP", "TRUNCATE", "DECLARE", "IF", "BEGIN", "PRINT", "WHILE", "OPEN", "CLOSE", "DEALLOCATE",
        "GO", "COMMIT", "ROLLBACK", "RAISERROR", "THROW", "RETURN", "CALL",
    };

    /// <summary>The statement kind of the text: its first word when it is one of these (after comments and leading <c>;</c>).</summary>
    public static string? Statement(string sql)
    {
        var first = Regex.Match(Blank(sql), "^[\\s;]*([A-Za-z]+)", RegexOptions.CultureInvariant);
        if (!first.Success) return null;
        var word = first.Groups[1].Value.ToUpperInvariant();
        return word is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "WITH" or "EXEC" or "EXECUTE" or "CALL" or "CREATE" or "ALTER" or "DROP" or "TRUNCATE" or "UPSERT" or "REPLACE"
            ? word : null;
    }

    /// <summary>
    /// The tables the text names after FROM/JOIN/INTO/UPDATE/MERGE, and what its statements do to them. Left out of both: a
    /// name holding an interpolation hole or a format item, or one a hole completes (<c>[{db}].INFORMATION_SCHEMA.TABLES</c>,
    /// <c>dbo.{table}</c>: a name followed by <c>.</c>, <c>{</c> or a hole is cut short, not a name); a temporary table or
    /// table variable (<c>#t</c>, <c>##t</c>, <c>[#t]</c>, <c>@t</c>, <c>tempdb..#t</c>); a T-SQL cursor the text declares;
    /// the name after MySQL's <c>SHOW TABLES FROM</c>; the name after an UPDATE or MERGE that starts no statement (<c>FOR
    /// UPDATE SKIP LOCKED</c>, <c>ON DUPLICATE KEY UPDATE col</c>); an alias another table of the statement is given (T-SQL's
    /// <c>UPDATE o SET ... FROM Orders o</c>). The nopCommerce audit found <c>[ @p ].INFORMATION_SCHEMA</c>, a cursor
    /// <c>cur_reindex</c> and a database listed as tables. Also left out (the BTCPay Server audit found them listed as
    /// tables): a common table expression's name within the statement (up to <c>;</c>) whose <c>WITH</c> defines it, when
    /// written with one part (a schema-qualified name is the table); and a function call after FROM/JOIN, a name followed
    /// by <c>(</c> (<c>get_monitored_invoices(@pmi)</c>, <c>STRING_SPLIT(@ids, ',')</c>), unless what the parentheses
    /// open is a T-SQL table hint (<c>Orders (NOLOCK)</c>). INTO's parentheses are the column list, not a call.
    /// </summary>
    public static Result Read(string sql)
    {
        var text = ShowStatement.Replace(Blank(sql), Spaces);
        var cursors = new HashSet<string>(CursorDeclaration.Matches(text).Cast<Match>().Select(m => m.Groups[1].Value), System.StringComparer.OrdinalIgnoreCase);
        var reader = new Reader(text, cursors);
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf(';', start);
            if (end < 0) end = text.Length;
            reader.Chunk(start, end);
            start = end + 1;
        }
        var tables = reader.Tables.Distinct(System.StringComparer.OrdinalIgnoreCase).OrderBy(t => t, System.StringComparer.Ordinal).ToEquatableArray();
        return new Result(tables, reader.Operations.Distinct().ToEquatableArray());
    }

    /// <summary>Whether a table name as written is a temporary table or a table variable (<c>#t</c>, <c>[##t]</c>,
    /// <c>tempdb..#t</c>, <c>@t</c>): no table of the data model.</summary>
    public static bool IsTemporary(string name) =>
        name.Split('.').Select(p => p.Trim().Trim('[', ']', '"', '`')).Any(p => p.StartsWith("#", System.StringComparison.Ordinal) || p.StartsWith("@", System.StringComparison.Ordinal));

    /// <summary>Comments and dollar-quoted bodies blanked, string literals emptied (their quotes kept, as a value's place),
    /// every position kept.</summary>
    private static string Blank(string sql) => Hidden.Replace(sql, m => m.Value[0] == '\'' ? "'" + Spaces(m).Substring(1, m.Length - 2) + "'" : Spaces(m));

    private static string Spaces(Match match) => new(match.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray());

    private static string Unquoted(string name) => name.Length > 1 && name[0] is '[' or '"' or '`' ? name.Substring(1, name.Length - 2) : name;

    /// <summary>Two names of one table: equal once unquoted, or one unqualified and the other's last part (<c>Cipher</c>,
    /// <c>[dbo].[Cipher]</c>); <c>archive.dbo.Orders</c> and <c>dbo.Orders</c> are two.</summary>
    private static bool SameTable(string left, string right)
    {
        var a = SqlTableReader.Clean(left).Split('.');
        var b = SqlTableReader.Clean(right).Split('.');
        return (a.Length == b.Length || a.Length == 1 || b.Length == 1) && a.Last().Equals(b.Last(), System.StringComparison.OrdinalIgnoreCase)
               && (a.Length != b.Length || string.Join(".", a).Equals(string.Join(".", b), System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A table reference: the name as written, the keyword before it, where both stand, the alias written after
    /// it, and whether it is listed (a name that is an alias of another reference is not).</summary>
    private sealed class Reference
    {
        public Reference(string name, string keyword, int at, int end, string? alias) { Name = name; Keyword = keyword; At = at; End = end; Alias = alias; }
        public string Name { get; }
        public string Keyword { get; }
        public int At { get; }
        public int End { get; }
        public string? Alias { get; }
        public Reference? AliasOf { get; set; }
        public Reference Table => AliasOf ?? this;
    }

    private sealed class Reader
    {
        private readonly string _text;
        private readonly HashSet<string> _cursors;
        private HashSet<string> _ctes = new(System.StringComparer.OrdinalIgnoreCase);

        public Reader(string text, HashSet<string> cursors) { _text = text; _cursors = cursors; }

        public List<string> Tables { get; } = new();
        public List<SqlTableOperation> Operations { get; } = new();

        public void Chunk(int start, int end)
        {
            _ctes = CteNames(_text.Substring(start, end - start));
            var segments = Segments(start, end);
            for (var i = 0; i < segments.Count; i++) Segment(segments[i], i + 1 < segments.Count ? segments[i + 1] : end);
        }

        /// <summary>The names one statement's <c>WITH</c> clause defines (unquoted); none unless it has a <c>WITH name AS (</c>.</summary>
        private static HashSet<string> CteNames(string statement)
        {
            var names = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            var matches = CteDefinition.Matches(statement).Cast<Match>().ToList();
            if (!matches.Any(m => m.Groups[1].Value.TrimStart().StartsWith("WITH", System.StringComparison.OrdinalIgnoreCase))) return names;
            foreach (var match in matches) names.Add(Unquoted(match.Groups[2].Value));
            return names;
        }

        /// <summary>
        /// Where the statements of a chunk (text between <c>;</c>) start. At parenthesis depth 0, a verb starts a statement
        /// unless the word before it makes it part of the one around it (<see cref="SelectContinuing"/>,
        /// <see cref="WriteContinuing"/>, <see cref="Referential"/>), it is the main statement
        /// after a <c>WITH</c> list, or the <c>SELECT</c> or <c>VALUES</c> an <c>INSERT</c> takes its rows from; <c>WITH</c>
        /// starts one only when a common table expression follows (not <c>WITH (NOLOCK)</c>); <see cref="OtherStarts"/> do
        /// unless they stand where a name or a value goes (<see cref="NotAfter"/>; <c>IF</c> only as a statement, not MySQL's
        /// <c>IF(...)</c> function). While a <c>WITH</c> list goes on, no word but its main verb starts anything. Bitwarden's
        /// <c>SELECT TOP 0 * INTO #TempCipher FROM [dbo].[Cipher] SELECT TOP 0 * INTO #TempFolder FROM [dbo].[Folder]</c> is two.
        /// </summary>
        private List<int> Segments(int start, int end)
        {
            var starts = new List<int>();
            var tokens = Token.Matches(_text.Substring(start, end - start)).Cast<Match>().ToList();
            var depth = 0;
            var previous = "";
            string? main = null;
            var sourced = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i].Value;
                if (token == "(")
                {
                    // A chunk that opens with a parenthesis ((SELECT ...) UNION (SELECT ...)) is one statement.
                    if (depth++ == 0) { previous = "("; main ??= "("; }
                    continue;
                }
                if (token == ")") { depth = System.Math.Max(0, depth - 1); if (depth == 0) previous = ")"; continue; }
                if (depth > 0) continue;
                var word = token.ToUpperInvariant();
                var next = i + 1 < tokens.Count ? tokens[i + 1].Value : "";
                var at = start + tokens[i].Index;
                bool begins;
                if (main is null) begins = char.IsLetter(token[0]);
                else if (main == "WITH") { if (Verbs.Contains(word)) main = word; begins = false; } // the list's names (a CTE named open), then the main verb
                else if (word == "SELECT") begins = !SelectContinuing.Contains(previous) && !(main is "INSERT" or "REPLACE" && !sourced);
                else if (word is "INSERT" or "UPDATE" or "DELETE") begins = !WriteContinuing.Contains(previous) && !NameBefore.Contains(previous) && !(previous == "ON" && Referential.Contains(next));
                // Not T-SQL's join hint (INNER MERGE JOIN).
                else if (word == "MERGE") begins = !next.Equals("JOIN", System.StringComparison.OrdinalIgnoreCase);
                else if (word == "REPLACE") begins = previous != "OR" && next != "(" && next.Length > 0 && char.IsLetter(next[0]);
                else if (word == "WITH") begins = CteAt.Match(_text, at).Success;
                else begins = OtherStarts.Contains(word) && !NotAfter.Contains(previous) && !(word == "IF" && next == "(");
                if (begins)
                {
                    starts.Add(at);
                    main = word;
                    sourced = false;
                }
                else if (word is "SELECT" or "VALUES" && main is "INSERT" or "REPLACE")
                {
                    sourced = true;
                }
                previous = word;
            }
            if (starts.Count == 0 || starts[0] != start) starts.Insert(0, start);
            return starts;
        }

        private void Segment(int start, int end)
        {
            var verb = Word.Match(_text, start);
            if (verb.Success && verb.Groups[1].Value.Equals("WITH", System.StringComparison.OrdinalIgnoreCase))
            {
                // The bodies of the common table expressions, each a statement; then the main statement.
                var at = verb.Groups[1].Index;
                var bodies = new List<(int Start, int End)>();
                for (var match = CteAt.Match(_text, at); match.Success && match.Index < end; match = CteAt.Match(_text, at))
                {
                    var open = match.Index + match.Length - 1;
                    var close = Close(open, end);
                    if (close < 0) break;
                    bodies.Add((open + 1, close));
                    at = close + 1;
                }
                if (bodies.Count > 0)
                {
                    foreach (var (bodyStart, bodyEnd) in bodies) ReadStatement(bodyStart, bodyEnd);
                    ReadStatement(at, end);
                    return;
                }
            }
            ReadStatement(start, end);
        }

        /// <summary>The parenthesis closing the one at <paramref name="open"/>, before <paramref name="end"/>; -1 if none.</summary>
        private int Close(int open, int end)
        {
            var depth = 0;
            for (var i = open; i < end; i++)
            {
                if (_text[i] == '(') depth++;
                else if (_text[i] == ')' && --depth == 0) return i;
            }
            return -1;
        }

        /// <summary>The text from <paramref name="start"/> to <paramref name="end"/> with what parentheses hold blanked:
        /// what stands at depth 0.</summary>
        private string Flat(int start, int end)
        {
            var chars = _text.Substring(start, end - start).ToCharArray();
            var depth = 0;
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c == ')' && depth > 0) depth--;
                if (depth > 0 && c != '\n') chars[i] = ' ';
                if (c == '(') depth++;
            }
            return new string(chars);
        }

        private void ReadStatement(int start, int end)
        {
            // A statement that does not start with a word ((SELECT ...) UNION ...) names its tables and claims nothing.
            var first = Word.Match(_text, start);
            var known = first.Success && first.Groups[1].Index < end;
            var verbAt = known ? first.Groups[1].Index : -1;
            var verb = known ? first.Groups[1].Value.ToUpperInvariant() : "";
            var references = References(start, end, verbAt, verb);
            Tables.AddRange(references.Where(r => r.AliasOf is null).Select(r => r.Name));
            var flat = Flat(start, end);
            switch (verb)
            {
                case "SELECT":
                    Select(references, start, end, verbAt, flat);
                    break;
                case "INSERT" or "REPLACE":
                    Insert(references, start, end, verbAt, verb, flat);
                    break;
                case "UPDATE":
                {
                    var target = references.FirstOrDefault(r => r.Keyword == "UPDATE" && r.At == verbAt);
                    // MySQL's UPDATE a JOIN b ... SET (or UPDATE a, b SET): either may be the one written.
                    var set = target is null ? null : Regex.Match(flat.Substring(target.End - start), "\\bSET\\b", Options);
                    var several = set is { Success: true } && Regex.IsMatch(flat.Substring(target!.End - start, set.Index), "\\bJOIN\\b|,", Options);
                    Write(references, several ? null : target?.Table, several, new[] { CrudOperation.Update }, "UPDATE", flat, start);
                    break;
                }
                case "DELETE":
                    Delete(references, start, verbAt, flat);
                    break;
                case "MERGE":
                {
                    var target = references.FirstOrDefault(r => r.Keyword == "MERGE" && r.At == verbAt);
                    var operations = Regex.Matches(flat, "\\bTHEN\\s+(UPDATE|DELETE|INSERT)\\b", Options).Cast<Match>()
                        .Select(m => m.Groups[1].Value.ToUpperInvariant() switch { "UPDATE" => CrudOperation.Update, "DELETE" => CrudOperation.Delete, _ => CrudOperation.Create })
                        .Distinct().OrderBy(o => o).ToArray();
                    Write(references, target, false, operations, "MERGE", flat, start);
                    break;
                }
            }
        }

        /// <summary>The table references from <paramref name="start"/> to <paramref name="end"/>, filtered (see <see cref="Read"/>).</summary>
        private List<Reference> References(int start, int end, int verbAt, string verb)
        {
            var references = new List<Reference>();
            for (Match match = TableReference.Match(_text, start), next; match.Success && match.Index < end; match = next)
            {
                next = match.NextMatch();
                var group = match.Groups[1];
                if (group.Index + group.Length > end) break;
                var keyword = match.Groups["keyword"].Value.ToUpperInvariant();
                keyword = keyword.StartsWith("MERGE", System.StringComparison.Ordinal) ? "MERGE" : keyword;
                // UPDATE and MERGE name a table only as the statement's verb: not FOR UPDATE SKIP LOCKED, ON DUPLICATE KEY UPDATE col,
                // nor a column PostgreSQL lets them name, whose next word is read again (SELECT t.update FROM t: t is read).
                if (keyword is "UPDATE" or "MERGE" && match.Index != verbAt)
                {
                    next = TableReference.Match(_text, group.Index);
                    continue;
                }
                if (keyword is "FROM" or "JOIN" && IsCall(group.Index + group.Length, end)) continue;
                if (keyword == "FROM" && InFromArgument(start, match.Index)) continue;
                Add(references, group.Value, keyword, match.Index, group.Index + group.Length, end);
            }
            if (verb is "INSERT" or "REPLACE" && InsertTarget.Match(_text, verbAt) is { Success: true } insert && insert.Groups[1].Index + insert.Groups[1].Length <= end
                && !Keyword(insert.Groups[1].Value))
            {
                Add(references, insert.Groups[1].Value, "INSERT", verbAt, insert.Groups[1].Index + insert.Groups[1].Length, end);
            }
            if (verb == "DELETE") DeleteReferences(references, verbAt, end);
            if (verb == "MERGE")
            {
                var source = MergeSource.Match(_text, verbAt);
                if (source.Success && source.Index < end && source.Groups[1].Index + source.Groups[1].Length <= end && !IsCall(source.Groups[1].Index + source.Groups[1].Length, end))
                {
                    Add(references, source.Groups[1].Value, "USING", source.Index, source.Groups[1].Index + source.Groups[1].Length, end);
                }
            }
            foreach (var reference in references)
            {
                if (reference.Name.Contains(".")) continue;
                var aliased = references.FirstOrDefault(r => r != reference && r.Alias is not null && r.Alias.Equals(Unquoted(reference.Name), System.StringComparison.OrdinalIgnoreCase));
                if (aliased is not null) reference.AliasOf = aliased;
            }
            return references;
        }

        /// <summary>A DELETE's tables no FROM/JOIN names: T-SQL's target written without FROM (<c>DELETE t WHERE ...</c>,
        /// <c>DELETE dbo.t</c>, followed by nothing, <c>WHERE</c>, <c>OUTPUT</c>, <c>OPTION</c> or a <c>WITH (</c> hint; not
        /// <c>DELETE t FROM ...</c>, whose target the FROM clause resolves), and the first table of a depth-0 <c>USING</c>
        /// (PostgreSQL's <c>DELETE FROM t USING u WHERE ...</c>: u is read).</summary>
        private void DeleteReferences(List<Reference> references, int verbAt, int end)
        {
            var bare = DeleteTarget.Match(_text, verbAt);
            if (bare.Success && !Keyword(bare.Groups[1].Value))
            {
                var nameEnd = bare.Groups[1].Index + bare.Groups[1].Length;
                if (nameEnd <= end && Regex.IsMatch(Flat(nameEnd, end), "^\\s*(?:\\z|(?:WHERE|OUTPUT|OPTION)\\b|WITH\\s*\\()", Options))
                {
                    Add(references, bare.Groups[1].Value, "DELETE", verbAt, nameEnd, end);
                }
            }
            var usingAt = Regex.Match(Flat(verbAt, end), "\\bUSING\\b", Options);
            if (!usingAt.Success) return;
            var source = UsingAt.Match(_text, verbAt + usingAt.Index);
            var sourceEnd = source.Groups[1].Index + source.Groups[1].Length;
            if (source.Success && sourceEnd <= end && !IsCall(sourceEnd, end)) Add(references, source.Groups[1].Value, "USING", source.Index, sourceEnd, end);
        }

        /// <summary>A word that is no table where a name would go after INSERT or DELETE (<c>DELETE CASCADE</c>, <c>INSERT
        /// IGNORE</c>): an SQL keyword of <see cref="NotAliases"/> or <see cref="Referential"/>.</summary>
        private static bool Keyword(string name) => NotAliases.Contains(name) || Referential.Contains(name);

        private void Add(List<Reference> references, string name, string keyword, int at, int nameEnd, int end)
        {
            if (NotTables.Contains(name) || _cursors.Contains(name) || name.Contains(Hole) || name.Contains("{") || IsTemporary(name)) return;
            if (_ctes.Contains(Unquoted(name))) return;
            // A name cut short: more of it follows (dbo.{table}, Orders_{suffix}, tempdb..#t, a fourth part).
            if (nameEnd < _text.Length && _text[nameEnd] is '.' or '{' or '@') return;
            references.Add(new Reference(name, keyword, at, nameEnd, Alias(nameEnd, end)));
        }

        /// <summary>The alias written after a table (<c>Orders o</c>, <c>Orders AS o</c>, after a T-SQL hint), unquoted.</summary>
        private string? Alias(int at, int end)
        {
            var hint = TableHint.Match(_text, at);
            if (hint.Success)
            {
                var close = Close(_text.IndexOf('(', at), end);
                if (close < 0) return null;
                at = close + 1;
            }
            var alias = AliasAt.Match(_text, at);
            if (!alias.Success || alias.Index + alias.Length > end || NotAliases.Contains(alias.Groups[1].Value)) return null;
            return Unquoted(alias.Groups[1].Value);
        }

        /// <summary>A name at <paramref name="at"/> followed by <c>(</c>: a function's arguments, unless a T-SQL table hint.</summary>
        private bool IsCall(int at, int end)
        {
            var next = at;
            while (next < end && char.IsWhiteSpace(_text[next])) next++;
            return next < end && _text[next] == '(' && !TableHint.Match(_text, at).Success;
        }

        /// <summary>Whether the FROM at <paramref name="at"/> is inside the parentheses of a <see cref="FromArgumentFunctions"/> call.</summary>
        private bool InFromArgument(int start, int at)
        {
            var depth = 0;
            for (var i = at - 1; i >= start; i--)
            {
                if (_text[i] == ')') depth++;
                else if (_text[i] == '(' && depth-- == 0)
                {
                    var end = i;
                    while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
                    var begin = end;
                    while (begin > start && (char.IsLetterOrDigit(_text[begin - 1]) || _text[begin - 1] == '_')) begin--;
                    return FromArgumentFunctions.Contains(_text.Substring(begin, end - begin));
                }
            }
            return false;
        }

        /// <summary>A SELECT reads the tables it names and creates the rows of its <c>INTO</c> table (T-SQL's and PostgreSQL's
        /// <c>SELECT ... INTO new</c>, which creates the table and fills it). One that returns no rows reads none and
        /// fills nothing: <c>SELECT TOP 0 * INTO #TempCipher FROM [dbo].[Cipher]</c> (bitwarden) copies the table's
        /// structure, no row of it; the table it creates is like one <c>CREATE TABLE</c> makes, no CRUD row. A false
        /// <c>WHERE</c> reads no row either, but an aggregate (<c>SELECT COUNT(*) INTO t FROM s WHERE 1 = 0</c>) still
        /// makes one row: see <see cref="MakesRow"/>.</summary>
        private void Select(List<Reference> references, int start, int end, int verbAt, string flat)
        {
            var rows = RowsOf(verbAt, end, start, flat);
            if (rows == Rows.NoneReturned) return;
            foreach (var reference in references.Where(r => r.AliasOf is null))
            {
                if (reference.Keyword == "INTO" && (rows == Rows.Some || MakesRow(verbAt, start, flat))) Operations.Add(new SqlTableOperation(reference.Name, CrudOperation.Create, "SELECT"));
                else if (reference.Keyword is "FROM" or "JOIN" && rows == Rows.Some) Operations.Add(new SqlTableOperation(reference.Name, CrudOperation.Read, "SELECT"));
            }
        }

        /// <summary>What a query returns whatever its tables hold.</summary>
        private enum Rows
        {
            /// <summary>It may return rows of its tables.</summary>
            Some,
            /// <summary>A false <c>WHERE</c>: no row of its tables passes, though an aggregate still returns one row.</summary>
            NoneRead,
            /// <summary><c>TOP 0</c>, <c>LIMIT 0</c>: no row at all.</summary>
            NoneReturned,
        }

        /// <summary>What the query from the SELECT at <paramref name="selectAt"/> to <paramref name="queryEnd"/> returns:
        /// none for <c>TOP 0</c>/<c>TOP (0)</c> or <c>LIMIT 0</c>; none read for a depth-0 <c>WHERE</c> that is a false
        /// comparison of two numbers (<c>1 = 0</c>, <c>0 = 1</c>, <c>1 &lt;&gt; 1</c>) or <c>FALSE</c> and nothing else
        /// (<see cref="NothingElse"/>); rows when a <c>UNION</c>/<c>EXCEPT</c>/<c>INTERSECT</c> adds another query's.</summary>
        private Rows RowsOf(int selectAt, int queryEnd, int start, string flat)
        {
            var query = flat.Substring(selectAt - start, queryEnd - selectAt);
            if (Regex.IsMatch(query, "\\b(?:UNION|EXCEPT|INTERSECT|MINUS)\\b", Options)) return Rows.Some;
            if (Regex.IsMatch(_text.Substring(selectAt, queryEnd - selectAt), "^SELECT\\s+(?:(?:ALL|DISTINCT)\\s+)?TOP\\s*(?:\\(\\s*0+\\s*\\)|0+(?![.\\d]))", Options)) return Rows.NoneReturned;
            if (Regex.IsMatch(query, "\\bLIMIT\\s+0+\\b(?!\\s*,)", Options)) return Rows.NoneReturned;
            foreach (Match where in Regex.Matches(query, "\\bWHERE\\b", Options))
            {
                var condition = FalseCondition.Match(_text, selectAt + where.Index);
                var conditionEnd = condition.Index + condition.Length;
                if (!condition.Success || conditionEnd > queryEnd || !NothingElse(flat.Substring(conditionEnd - start, queryEnd - conditionEnd))) continue;
                if (condition.Groups["false"].Success) return Rows.NoneRead;
                var equal = condition.Groups["left"].Value.TrimStart('0') == condition.Groups["right"].Value.TrimStart('0');
                if (condition.Groups["op"].Value == "=" ? !equal : equal) return Rows.NoneRead;
            }
            return Rows.Some;
        }

        /// <summary>Whether what follows a false comparison right after <c>WHERE</c> keeps the condition false: the query
        /// ends, or goes on with <c>AND</c> or its next clause, and no depth-0 <c>OR</c> follows (<c>WHERE 1 = 0 AND a = 1 OR
        /// b = 2</c> may hold rows); any other sign (<c>WHERE 1 = 0 = 0</c>, <c>||</c>) is not read.</summary>
        private static bool NothingElse(string rest) =>
            !Regex.IsMatch(rest, "\\bOR\\b", Options)
            && Regex.IsMatch(rest, "^\\s*(?:\\z|(?:AND|GROUP|ORDER|HAVING|LIMIT|OFFSET|FETCH|FOR|OPTION|WINDOW|INTO)\\b)", Options);

        /// <summary>Whether the select list of the SELECT at <paramref name="selectAt"/> (up to its depth-0 INTO or FROM) may
        /// make a row though no row of its tables passes: it calls a function (<c>COUNT(*)</c>, <c>MAX(x)</c>: an aggregate
        /// over no rows returns one row) other than the scalar ones a copied shape uses (<see cref="ShapeFunctions"/>).</summary>
        private static bool MakesRow(int selectAt, int start, string flat)
        {
            var query = flat.Substring(selectAt - start);
            var list = Regex.Match(query, "\\b(?:INTO|FROM)\\b", Options);
            return Regex.Matches(list.Success ? query.Substring(0, list.Index) : query, "\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Options).Cast<Match>()
                .Any(m => !ShapeFunctions.Contains(m.Groups[1].Value));
        }

        /// <summary>An INSERT (or MySQL's and SQLite's REPLACE) creates rows of its INTO table (T-SQL's and MySQL's INTO may
        /// be left out: <c>INSERT t (a) VALUES</c>, <see cref="InsertTarget"/>); an upsert creates or updates
        /// them: <c>ON CONFLICT ... DO UPDATE</c> (PostgreSQL, SQLite; <c>DO NOTHING</c> only creates), <c>ON DUPLICATE KEY
        /// UPDATE</c> (MySQL), <c>INSERT OR REPLACE</c> and <c>REPLACE</c> (which replace the row holding the key). Read
        /// at depth 0 of the blanked text: the words in a comment or a literal are not the statement's. One whose SELECT
        /// returns no rows (<c>INSERT INTO t SELECT * FROM s WHERE 1 = 0</c>, an idiom to copy a shape) inserts none and
        /// reads none: it claims nothing, unless an aggregate still makes a row (a create, and no read).</summary>
        private void Insert(List<Reference> references, int start, int end, int verbAt, string verb, string flat)
        {
            var into = Regex.Match(_text.Substring(verbAt), "^(?:INSERT|REPLACE)\\s+(?:OR\\s+(?<or>[A-Za-z]+)\\s+)?(?:(?:IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY)\\s+)*" + Top + "(?<into>INTO)\\b", Options);
            var target = into.Success ? references.FirstOrDefault(r => r.Keyword == "INTO" && r.At == verbAt + into.Groups["into"].Index)
                : references.FirstOrDefault(r => r.Keyword == "INSERT");
            var statement = verb == "REPLACE" ? SqlTableOperation.Replace
                : into.Groups["or"].Value.Equals("REPLACE", System.StringComparison.OrdinalIgnoreCase) ? SqlTableOperation.InsertOrReplace
                : Regex.IsMatch(flat, "\\bON\\s+CONFLICT\\b[\\s\\S]*?\\bDO\\s+UPDATE\\b", Options) ? SqlTableOperation.OnConflictUpdate
                : Regex.IsMatch(flat, "\\bON\\s+DUPLICATE\\s+KEY\\s+UPDATE\\b", Options) ? SqlTableOperation.OnDuplicateKeyUpdate
                : "INSERT";
            var operations = statement == "INSERT" ? new[] { CrudOperation.Create } : new[] { CrudOperation.Create, CrudOperation.Update };
            var rows = Rows.Some;
            // The rows come from a depth-0 SELECT (not VALUES) after the target; its query ends where an upsert's clause starts
            // (ON CONFLICT ... DO UPDATE ... WHERE 1 = 0 leaves the insert alone).
            var after = (target?.End ?? verbAt) - start;
            var source = Regex.Match(flat.Substring(after), "\\b(?:SELECT|VALUES)\\b", Options);
            if (source.Success && source.Value.Equals("SELECT", System.StringComparison.OrdinalIgnoreCase))
            {
                var selectAt = start + after + source.Index;
                var clause = Regex.Match(flat.Substring(selectAt - start), "\\bON\\s+(?:CONFLICT|DUPLICATE)\\b|\\bRETURNING\\b", Options);
                rows = RowsOf(selectAt, clause.Success ? selectAt + clause.Index : end, start, flat);
                if (rows == Rows.NoneReturned || (rows == Rows.NoneRead && !MakesRow(selectAt, start, flat))) return;
            }
            Write(references, target, false, operations, statement, flat, start, verb, reads: rows == Rows.Some);
        }

        /// <summary>A DELETE's target: <c>DELETE [TOP (n)] FROM t</c>, or T-SQL's and MySQL's <c>DELETE x FROM t x JOIN ...</c>
        /// and <c>DELETE FROM x FROM t x ...</c>, the alias resolved to its table, or T-SQL's <c>DELETE t WHERE ...</c> (no
        /// FROM: <see cref="DeleteReferences"/>). Several (<c>DELETE a, b FROM</c>, MySQL's <c>DELETE FROM a, b USING</c>)
        /// claim nothing.</summary>
        private void Delete(List<Reference> references, int start, int verbAt, string flat)
        {
            var head = Regex.Match(_text.Substring(verbAt), "^DELETE\\s+" + Top + "(?:(?<from>FROM)\\b|(?<names>" + Part + "(?:\\." + Part + ")*(?:\\s*,\\s*" + Part + "(?:\\." + Part + ")*)*)\\s+FROM\\b)", Options);
            if (!head.Success)
            {
                Write(references, references.FirstOrDefault(r => r.Keyword == "DELETE"), false, new[] { CrudOperation.Delete }, "DELETE", flat, start);
                return;
            }
            Reference? target;
            var several = false;
            if (head.Groups["from"].Success)
            {
                target = references.FirstOrDefault(r => r.Keyword == "FROM" && r.At == verbAt + head.Groups["from"].Index);
                several = target is not null && Regex.IsMatch(flat.Substring(target.End - start), "^\\s*(?:(?:AS\\s+)?" + Part + "\\s*)?,");
            }
            else
            {
                var names = head.Groups["names"].Value;
                several = names.Contains(",");
                var name = Unquoted(names.Trim());
                target = several ? null
                    : references.FirstOrDefault(r => r.Alias is not null && r.Alias.Equals(name, System.StringComparison.OrdinalIgnoreCase))
                      ?? references.FirstOrDefault(r => SqlTableReader.Clean(r.Name).Equals(SqlTableReader.Clean(names), System.StringComparison.OrdinalIgnoreCase));
            }
            Write(references, several ? null : target?.Table, several, new[] { CrudOperation.Delete }, "DELETE", flat, start);
        }

        /// <summary>A write statement's operations on its target, and what it reads: the other tables it names after FROM,
        /// JOIN or a MERGE's USING (the target's own name again, as T-SQL's <c>UPDATE t ... FROM t JOIN ...</c> writes it,
        /// is the target), unless its rows come from a query that reads none (<paramref name="reads"/>); T-SQL's <c>OUTPUT ...
        /// INTO t</c> creates rows of t. A statement whose target cannot be told (<paramref name="unknown"/>) claims nothing.</summary>
        private void Write(List<Reference> references, Reference? target, bool unknown, CrudOperation[] operations, string statement, string flat, int start, string? verb = null, bool reads = true)
        {
            if (unknown) return;
            verb ??= statement;
            if (target is not null)
            {
                foreach (var operation in operations) Operations.Add(new SqlTableOperation(target.Name, operation, statement));
            }
            foreach (var reference in references.Where(r => r.AliasOf is null && r != target))
            {
                if (target is not null && SameTable(reference.Name, target.Name)) continue;
                if (reference.Keyword is "FROM" or "JOIN" or "USING")
                {
                    if (reads) Operations.Add(new SqlTableOperation(reference.Name, CrudOperation.Read, verb));
                }
                else if (reference.Keyword == "INTO" && Regex.IsMatch(flat.Substring(0, reference.At - start), "\\bOUTPUT\\b", Options))
                {
                    Operations.Add(new SqlTableOperation(reference.Name, CrudOperation.Create, verb));
                }
            }
        }
    }

    /// <summary>Scalar functions a select list copying a table's shape may call (and T-SQL's <c>TOP (n)</c>): over no row
    /// they make none, unlike an aggregate (<see cref="Reader"/>'s <c>MakesRow</c>).</summary>
    private static readonly HashSet<string> ShapeFunctions = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "TOP", "CAST", "CONVERT", "TRY_CAST", "TRY_CONVERT", "COALESCE", "ISNULL", "IFNULL", "NULLIF", "NVL",
    };

    /// <summary>Standard SQL functions that write FROM among their arguments (<c>EXTRACT(year FROM created)</c>,
    /// <c>SUBSTRING(name FROM 1 FOR 3)</c>, <c>TRIM(BOTH ' ' FROM name)</c>): the name after it is a column or a value.</summary>
    private static readonly HashSet<string> FromArgumentFunctions = new(System.StringComparer.OrdinalIgnoreCase) { "EXTRACT", "SUBSTRING", "TRIM", "OVERLAY", "POSITION" };
}
