using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A .sql file that <c>dotnet ef migrations script</c> wrote, told by the rows it writes into EF Core's migrations
/// history table, in the shapes EF Core's <c>HistoryRepository</c> generates (checked against EF Core's source and its
/// SQL Server 10.0 output): <c>INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
/// VALUES (N'id', N'version');</c> (<c>GetInsertScript</c>; PostgreSQL and SQLite quote with <c>"</c> and write
/// <c>'…'</c>, MySQL with backticks; a schema or a table renamed by <c>MigrationsHistoryTable</c> may qualify the
/// table: the two column names are what is matched), and in a script generated with <c>--idempotent</c> each
/// migration's block behind <c>IF NOT EXISTS(SELECT * FROM [history] WHERE [MigrationId] = …)</c>
/// (<c>GetBeginIfNotExistsScript</c>; PostgreSQL wraps it in <c>DO $EF$</c>). A script that reverts migrations deletes
/// the rows instead (<c>GetDeleteScript</c>: <c>DELETE FROM [history] WHERE [MigrationId] = N'id';</c>). Comments are
/// blanked first, so a script that only mentions the history table in a comment is not one.
/// </summary>
internal static class EfMigrationScriptReader
{
    private const string Identifier = @"(?:\[[^\]\r\n]+\]|""[^""\r\n]+""|`[^`\r\n]+`|\w+)";
    private const string Table = Identifier + @"(?:\s*\.\s*" + Identifier + ")?";
    private const string Literal = @"N?'((?:[^']|'')*)'";

    private static readonly Regex Insert = new(
        @"\bINSERT\s+INTO\s+" + Table + @"\s*\(\s*[\[""`]?MigrationId[\]""`]?\s*,\s*[\[""`]?ProductVersion[\]""`]?\s*\)\s*VALUES\s*\(\s*" + Literal + @"\s*,\s*" + Literal + @"\s*\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Delete = new(
        @"\bDELETE\s+FROM\s+" + Table + @"\s+WHERE\s+[\[""`]?MigrationId[\]""`]?\s*=\s*" + Literal,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex IfNotExists = new(
        @"\bIF\s+NOT\s+EXISTS\s*\(\s*SELECT\s+(?:\*|1)\s+FROM\s+" + Table + @"\s+WHERE\s+[\[""`]?MigrationId[\]""`]?\s*=",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static EfMigrationScriptSpec? Read(string sql, string path)
    {
        var text = WithoutComments(sql);
        var applied = new List<string>();
        var versions = new List<string>();
        SourceLocation? first = null;
        foreach (Match match in Insert.Matches(text))
        {
            var id = Unescape(match.Groups[1].Value);
            if (!applied.Contains(id)) applied.Add(id);
            var version = Unescape(match.Groups[2].Value);
            if (!versions.Contains(version)) versions.Add(version);
            first ??= new SourceLocation(path, SqlFactsReader.LineOf(text, match.Index));
        }
        var reverted = new List<string>();
        foreach (Match match in Delete.Matches(text))
        {
            var id = Unescape(match.Groups[1].Value);
            if (!reverted.Contains(id)) reverted.Add(id);
            first ??= new SourceLocation(path, SqlFactsReader.LineOf(text, match.Index));
        }
        if (applied.Count == 0 && reverted.Count == 0) return null;
        return new EfMigrationScriptSpec(applied.ToEquatableArray(), reverted.ToEquatableArray(), versions.ToEquatableArray(), IfNotExists.IsMatch(text), first);
    }

    private static string Unescape(string literal) => literal.Replace("''", "'");

    /// <summary>Line (<c>--</c>) and block comments blanked outside string literals and quoted identifiers, keeping every
    /// character's position and line breaks; literals kept (the migration ids are in them).</summary>
    private static string WithoutComments(string sql)
    {
        var text = new StringBuilder(sql);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\'' or '"' or '[' or '`')
            {
                var close = c == '[' ? ']' : c;
                i++;
                while (i < text.Length)
                {
                    if (text[i] == close)
                    {
                        if (i + 1 < text.Length && text[i + 1] == close) { i += 2; continue; }
                        break;
                    }
                    i++;
                }
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n') text[i++] = ' ';
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var depth = 0;
                while (i < text.Length)
                {
                    if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*') { depth++; text[i] = ' '; text[i + 1] = ' '; i += 2; continue; }
                    if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/') { depth--; text[i] = ' '; text[i + 1] = ' '; i += 2; if (depth == 0) break; continue; }
                    if (text[i] != '\n') text[i] = ' ';
                    i++;
                }
            }
            else
            {
                i++;
            }
        }
        return text.ToString();
    }
}
