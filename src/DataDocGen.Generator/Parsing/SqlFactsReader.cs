using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads security and change-capture statements from SQL text, statement by statement, with comments and string
/// literals blanked first (a password in <c>CREATE USER ... PASSWORD '...'</c> is never seen, let alone copied):
/// users, logins and roles created; GRANT/DENY/REVOKE; row-level security (SQL Server security policies, PostgreSQL
/// policies and <c>ENABLE ROW LEVEL SECURITY</c>); transparent data encryption; dynamic data masking; change data capture
/// (<c>sp_cdc_enable_db</c>/<c>sp_cdc_enable_table</c>) and change tracking; schema changes made without blocking
/// (online and concurrent index builds, constraints added <c>NOT VALID</c>, in-place <c>ALTER TABLE</c>). Names are kept
/// as written.
/// </summary>
internal static class SqlFactsReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Name = @"(?:\[[^\]]+\]|""[^""]+""|[A-Za-z_][\w$#]*)(?:\.(?:\[[^\]]+\]|""[^""]+""|[A-Za-z_][\w$#]*))*";

    private static readonly (string Category, Regex Pattern, System.Func<Match, string> Fact)[] Rules =
    {
        ("access", new Regex(@"\bCREATE\s+(USER|LOGIN|ROLE)\s+(" + Name + ")", Options), m => "CREATE " + m.Groups[1].Value.ToUpperInvariant() + " " + Clean(m.Groups[2].Value)),
        ("access", new Regex(@"\bALTER\s+ROLE\s+(" + Name + @")\s+ADD\s+MEMBER\s+(" + Name + ")", Options), m => "role " + Clean(m.Groups[1].Value) + " gets member " + Clean(m.Groups[2].Value)),
        ("access", new Regex(@"\b(GRANT|DENY|REVOKE)\s+([A-Z ,]+?)\s+ON\s+(?:(?<class>SCHEMA|OBJECT|TABLE|DATABASE)\s*::\s*|TABLE\s+|(?<all>ALL\s+TABLES\s+IN\s+SCHEMA)\s+)?(" + Name + @")\s+(?:TO|FROM)\s+(" + Name + ")", Options),
            // The securable's class stays: ON SCHEMA::catalogue grants on every object of the schema, not on an object named so.
            m => m.Groups[1].Value.ToUpperInvariant() + " " + Regex.Replace(m.Groups[2].Value.Trim().ToUpperInvariant(), @"\s+", " ") + " ON "
                 + (m.Groups["class"].Success ? m.Groups["class"].Value.ToUpperInvariant() + "::" : m.Groups["all"].Success ? "ALL TABLES IN SCHEMA " : "") + Clean(m.Groups[3].Value) + (m.Groups[1].Value.Equals("REVOKE", System.StringComparison.OrdinalIgnoreCase) ? " FROM " : " TO ") + Clean(m.Groups[4].Value)),
        ("access", new Regex(@"\bCREATE\s+SECURITY\s+POLICY\s+(" + Name + ")", Options), m => "row-level security: security policy " + Clean(m.Groups[1].Value)),
        ("access", new Regex(@"\bALTER\s+TABLE\s+(" + Name + @")\s+ENABLE\s+ROW\s+LEVEL\s+SECURITY", Options), m => "row-level security enabled on " + Clean(m.Groups[1].Value)),
        ("access", new Regex(@"\bCREATE\s+POLICY\s+(" + Name + @")\s+ON\s+(" + Name + ")", Options), m => "row-level security: policy " + Clean(m.Groups[1].Value) + " on " + Clean(m.Groups[2].Value)),
        ("protection", new Regex(@"\bSET\s+ENCRYPTION\s+ON\b", Options), _ => "transparent data encryption turned on (SET ENCRYPTION ON)"),
        ("protection", new Regex(@"\bCREATE\s+DATABASE\s+ENCRYPTION\s+KEY\b", Options), _ => "database encryption key created (TDE)"),
        // A column definition (after "(" or ","): Email varchar(100) [NOT NULL] MASKED WITH (FUNCTION = ...).
        ("protection", new Regex(@"[(,]\s*(" + Name + @")\s+\w+(?:\s*\([^)]*\))?(?:\s+(?:NOT\s+)?NULL)?\s+MASKED\s+WITH\s*\(\s*FUNCTION\s*=", Options), m => "dynamic data masking on column " + Clean(m.Groups[1].Value)),
        ("protection", new Regex(@"\bALTER\s+COLUMN\s+(" + Name + @")\s+ADD\s+MASKED\b", Options), m => "dynamic data masking on column " + Clean(m.Groups[1].Value)),
        ("capture", new Regex(@"\bsp_cdc_enable_db\b", Options), _ => "change data capture enabled for the database (sp_cdc_enable_db)"),
        ("capture", new Regex(@"\bsp_cdc_enable_table\b[^;]*?@source_name\s*=\s*N?(?:'|\x01)([^'\x01]*)(?:'|\x01)", Options), m => "change data capture enabled on table " + m.Groups[1].Value),
        ("capture", new Regex(@"\bsp_cdc_enable_table\b", Options), _ => "change data capture enabled on a table (sp_cdc_enable_table)"),
        ("capture", new Regex(@"\bSET\s+CHANGE_TRACKING\s*=\s*ON\b", Options), _ => "change tracking turned on for the database"),
        ("capture", new Regex(@"\bALTER\s+TABLE\s+(" + Name + @")\s+ENABLE\s+CHANGE_TRACKING\b", Options), m => "change tracking enabled on " + Clean(m.Groups[1].Value)),
        ("capture", new Regex(@"\bCREATE\s+PUBLICATION\s+(" + Name + ")", Options), m => "logical replication publication " + Clean(m.Groups[1].Value)),
        // Schema changes made without blocking reads and writes (zero-downtime practices), each within its own statement.
        ("deployment", new Regex(@"\bCREATE\s+(?:UNIQUE\s+)?(?:(?:NON)?CLUSTERED\s+)?INDEX\s+(" + Name + @")\s+ON\s+(" + Name + ")" + Statement + @"\bONLINE\s*=\s*ON\b", Options),
            m => "index " + Clean(m.Groups[1].Value) + " on " + Clean(m.Groups[2].Value) + " built online (ONLINE = ON)"),
        ("deployment", new Regex(@"\bALTER\s+INDEX\s+(" + Name + @")\s+ON\s+(" + Name + @")\s+REBUILD\b" + Statement + @"\bONLINE\s*=\s*ON\b", Options),
            m => "index " + Clean(m.Groups[1].Value) + " on " + Clean(m.Groups[2].Value) + " rebuilt online (ONLINE = ON)"),
        ("deployment", new Regex(@"\bCREATE\s+(?:UNIQUE\s+)?INDEX\s+CONCURRENTLY\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:(?!ON\b)(" + Name + @")\s+)?ON\s+(?:ONLY\s+)?(" + Name + ")", Options),
            m => "index " + (m.Groups[1].Success ? Clean(m.Groups[1].Value) + " " : "") + "on " + Clean(m.Groups[2].Value) + " built concurrently (CREATE INDEX CONCURRENTLY)"),
        ("deployment", new Regex(@"\bDROP\s+INDEX\s+CONCURRENTLY\s+(?:IF\s+EXISTS\s+)?(" + Name + ")", Options),
            m => "index " + Clean(m.Groups[1].Value) + " dropped concurrently (DROP INDEX CONCURRENTLY)"),
        ("deployment", new Regex(@"\bREINDEX\s+(?:\([^)]*\)\s*)?(?:INDEX|TABLE)\s+CONCURRENTLY\s+(" + Name + ")", Options),
            m => Clean(m.Groups[1].Value) + " reindexed concurrently (REINDEX CONCURRENTLY)"),
        ("deployment", new Regex(@"\bALTER\s+TABLE\s+(?:ONLY\s+)?(" + Name + @")\s+ADD\s+CONSTRAINT\s+(" + Name + ")" + Statement + @"\bNOT\s+VALID\b", Options),
            m => "constraint " + Clean(m.Groups[2].Value) + " on " + Clean(m.Groups[1].Value) + " added NOT VALID (existing rows are not checked while it is added)"),
        ("deployment", new Regex(@"\bALTER\s+TABLE\s+(?:ONLY\s+)?(" + Name + @")\s+VALIDATE\s+CONSTRAINT\s+(" + Name + ")", Options),
            m => "constraint " + Clean(m.Groups[2].Value) + " on " + Clean(m.Groups[1].Value) + " validated in a later step (VALIDATE CONSTRAINT)"),
        ("deployment", new Regex(@"\bALTER\s+TABLE\s+(" + Name + ")" + Statement + @"\bALGORITHM\s*=\s*(INPLACE|INSTANT)\b", Options),
            m => "table " + Clean(m.Groups[1].Value) + " altered in place (ALGORITHM=" + m.Groups[2].Value.ToUpperInvariant() + ")"),
    };

    /// <summary>The rest of one statement: up to a semicolon, and never into the next statement of a script without
    /// them (a later statement's <c>ONLINE = ON</c> must not be read as this one's).</summary>
    private const string Statement = @"(?:(?!\b(?:CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|MERGE|EXEC|EXECUTE|GO|GRANT|DENY|REVOKE|TRUNCATE)\b)[^;])*?";

    /// <summary>The facts in the text, each once, in the order the rules list them; one CDC table fact replaces the
    /// generic one when the table name is readable.</summary>
    /// <returns>Each fact with the 1-based line (within the text) where its statement starts.</returns>
    public static IReadOnlyList<(string Category, string Fact, int Line)> Read(string sql)
    {
        var blanked = Blank(sql);
        var facts = new List<(string Category, string Fact, int Line)>();
        foreach (var (category, pattern, fact) in Rules)
        {
            foreach (Match match in pattern.Matches(blanked))
            {
                facts.Add((category, fact(match), LineOf(blanked, match.Index)));
            }
        }
        if (facts.Any(f => f.Fact.StartsWith("change data capture enabled on table ", System.StringComparison.Ordinal)))
        {
            facts.RemoveAll(f => f.Fact == "change data capture enabled on a table (sp_cdc_enable_table)");
        }
        return facts.GroupBy(f => (f.Category, f.Fact)).Select(g => g.First()).OrderBy(f => f.Line).ToList();
    }

    internal static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++) if (text[i] == '\n') line++;
        return line;
    }

    /// <summary>The statement kinds of a script, counted: <c>CREATE TABLE ×3, INSERT ×12</c>. <c>CREATE DATABASE ENCRYPTION
    /// KEY</c> (TDE) is named in full: it creates no database.</summary>
    public static string Summary(string sql)
    {
        var blanked = Blank(sql);
        var kinds = Regex.Matches(blanked, @"(?:^|;|\bGO\b|\bBEGIN\b|\bEND\b)\s*(CREATE\s+(?:OR\s+ALTER\s+)?(?:UNIQUE\s+)?(?:CLUSTERED\s+|NONCLUSTERED\s+)?(?:SECURITY\s+POLICY|DATABASE\s+ENCRYPTION\s+KEY|\w+)|ALTER\s+(?:DATABASE\s+ENCRYPTION\s+KEY|\w+)|DROP\s+(?:DATABASE\s+ENCRYPTION\s+KEY|\w+)|INSERT|UPDATE|DELETE|MERGE|GRANT|DENY|REVOKE|EXEC(?:UTE)?|TRUNCATE\s+TABLE)\b", Options | RegexOptions.Multiline)
            .Cast<Match>().Select(m => Regex.Replace(m.Groups[1].Value.ToUpperInvariant(), @"\s+", " "))
            .GroupBy(k => k).OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.Key + (g.Count() > 1 ? " ×" + g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
        return string.Join(", ", kinds);
    }

    /// <summary>Comments and the inside of string literals blanked, keeping every character's position (and line
    /// breaks), so nothing inside a literal (a password) can match or be copied and match positions give lines. The
    /// literal after <c>@source_name</c> (CDC's table name) is the one kept, between \x01 marks.</summary>
    internal static string Blank(string sql)
    {
        static string Spaces(Match m) => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray());
        var text = Regex.Replace(sql, @"--[^\n]*|/\*.*?\*/", Spaces, RegexOptions.Singleline);
        return Regex.Replace(text, @"(@source_name\s*=\s*N?)'([^'\n]*)'|N?'(?:[^']|'')*'", m => m.Groups[1].Success
            ? m.Groups[1].Value + "\x01" + m.Groups[2].Value + "\x01"
            : new string(m.Value.Select((c, i) => c == '\n' ? '\n' : i == 0 || i == m.Value.Length - 1 ? '\'' : '_').ToArray()), RegexOptions.IgnoreCase);
    }

    private static string Clean(string name) => string.Join(".", name.Split('.').Select(p => p.Trim('[', ']', '"')));
}
