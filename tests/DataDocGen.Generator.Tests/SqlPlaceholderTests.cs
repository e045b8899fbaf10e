using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Tests;

/// <summary>The parameter placeholders of constant SQL text: each dialect's form, and the look-alikes that are none.</summary>
public class SqlPlaceholderTests
{
    [Theory]
    [InlineData("SELECT * FROM Stock WHERE Sku = @sku AND Qty > @min OR Sku = @sku", false, "@sku,@min")]
    [InlineData("SELECT * FROM orders WHERE id = :id", false, ":id")]
    [InlineData("SELECT * FROM orders WHERE id = $1 AND tenant = $2", false, "$1,$2")]
    [InlineData("SELECT region FROM tax_rules WHERE region = $region", false, "$region")]
    [InlineData("SELECT p.* FROM Practitioners p WHERE p.Name = {0} AND p.Id > {1}", true, "{0},{1}")]
    // Look-alikes: quoted text, comments, system variables, casts, dollar-quoted bodies, T-SQL variables, format items outside EF Core's raw APIs.
    [InlineData("SELECT '@notme', \"@col\" FROM [x@y] -- @comment\nWHERE a = 1 /* :nope */", false, "")]
    [InlineData("UPDATE t SET n = 1; SELECT @@ROWCOUNT", false, "")]
    [InlineData("SELECT created_at::date, payload->>'name' FROM events", false, "")]
    [InlineData("DO $$ BEGIN PERFORM @x; END $$; DO $body$ SELECT :y $body$", false, "")]
    [InlineData("DECLARE @total int, @n int; SELECT @total = SUM(Qty) FROM Stock WHERE Sku = @sku", false, "@sku")]
    [InlineData("SELECT * FROM t WHERE a = {0}", false, "")]
    [InlineData("SELECT a FROM t WHERE b = ?", false, "")]
    [InlineData("SELECT email FROM users WHERE email LIKE 'a@b.c'", false, "")]
    public void Placeholders_are_found_in_each_dialect_and_look_alikes_are_not(string sql, bool formatItems, string expected)
    {
        Assert.Equal(expected, string.Join(",", SqlPlaceholders.Find(sql, formatItems)));
    }
}
