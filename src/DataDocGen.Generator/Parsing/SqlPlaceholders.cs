using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The parameter placeholders of constant SQL text, in the order they first appear: <c>@name</c> (SQL Server, Dapper,
/// SQLite, MySqlConnector), <c>:name</c> (Oracle, PostgreSQL through Npgsql's named style), <c>$name</c> (SQLite),
/// <c>$1</c> (PostgreSQL positional) and <c>{0}</c> (EF Core's <c>FromSqlRaw</c>/<c>ExecuteSqlRaw</c> format items). Text in quotes and comments
/// (and PostgreSQL's dollar-quoted bodies) is skipped; <c>@@ROWCOUNT</c>-style system variables, <c>::</c> casts and <c>?</c> (also a PostgreSQL JSON operator)
/// are not placeholders.
/// </summary>
internal static class SqlPlaceholders
{
    public static List<string> Find(string sql, bool formatItems)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        // T-SQL variables (DECLARE @total int, @n int;) look like parameters and are not.
        var declared = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (Match declaration in Declarations.Matches(sql))
        {
            foreach (Match variable in Variable.Matches(declaration.Groups[1].Value)) declared.Add(variable.Value);
        }
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c is '\'' or '"' or '[' or '`')
            {
                var close = c == '[' ? ']' : c;
                i = sql.IndexOf(close, i + 1);
                if (i < 0) break;
                continue;
            }
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                i = sql.IndexOf('\n', i);
                if (i < 0) break;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                i = sql.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (i < 0) break;
                i++;
                continue;
            }
            var previous = i == 0 ? ' ' : sql[i - 1];
            string? name = null;
            if ((c == '@' || c == ':') && previous != c && !IsWord(previous) && i + 1 < sql.Length && (char.IsLetter(sql[i + 1]) || sql[i + 1] == '_') && !(c == ':' && sql[i + 1] == ':'))
            {
                name = c + Word(sql, i + 1);
            }
            else if (c == '$' && !IsWord(previous) && i + 1 < sql.Length && (char.IsLetterOrDigit(sql[i + 1]) || sql[i + 1] is '_' or '$'))
            {
                var word = Word(sql, i + 1);
                var afterWord = i + 1 + word.Length;
                if (afterWord < sql.Length && sql[afterWord] == '$' && (word.Length == 0 || !char.IsDigit(word[0])))
                {
                    // PostgreSQL dollar quoting ($$ ... $$, $body$ ... $body$): skip the quoted text.
                    var tag = "$" + word + "$";
                    var close = sql.IndexOf(tag, afterWord + 1, System.StringComparison.Ordinal);
                    if (close < 0) break;
                    i = close + tag.Length - 1;
                    continue;
                }
                if (word.Length > 0) name = "$" + word;
            }
            else if (formatItems && c == '{' && i + 2 < sql.Length && char.IsDigit(sql[i + 1]))
            {
                var end = sql.IndexOf('}', i + 1);
                if (end > i && int.TryParse(sql.Substring(i + 1, end - i - 1), out _)) name = sql.Substring(i, end - i + 1);
            }
            if (name is null) continue;
            if (seen.Add(name) && !declared.Contains(name)) found.Add(name);
            i += name.Length - 1;
        }
        return found;
    }

    private static readonly Regex Declarations = new(@"\bDECLARE\s+([^;\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Variable = new(@"@\w+", RegexOptions.CultureInvariant);

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@' || c == '$';

    private static string Word(string sql, int start)
    {
        var word = new StringBuilder();
        for (var i = start; i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'); i++) word.Append(sql[i]);
        return word.ToString();
    }
}
