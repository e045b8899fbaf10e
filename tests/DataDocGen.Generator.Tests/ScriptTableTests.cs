using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 1.2 for tables declared in .sql scripts: CREATE TABLE per dialect, indexes, ALTER TABLE ADD, changes
/// not followed, and traps (comments, literals, temp tables, table variables, CREATE TABLE AS).</summary>
public class ScriptTableTests
{
    private static SqlTableReader.Result Read(string sql) => SqlTableReader.Read(sql, "db/s.sql");

    [Fact]
    public void TSql_table_with_inline_and_table_constraints()
    {
        var result = Read("""
            CREATE TABLE [dbo].[Orders] (
                [Id] int IDENTITY(1,1) NOT NULL,
                [CustomerId] int NOT NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (Id) ON DELETE CASCADE,
                [Total] decimal(18, 2) NOT NULL CONSTRAINT DF_Total DEFAULT ((0)),
                [Note] nvarchar(max) NULL DEFAULT N'none',
                [Code] varchar(10) NOT NULL UNIQUE,
                CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED ([Id]),
                CONSTRAINT CK_Total CHECK (Total >= 0)
            );
            CREATE UNIQUE NONCLUSTERED INDEX IX_Orders_Code ON dbo.Orders (Code DESC) INCLUDE (Total) WHERE Note IS NOT NULL;
            """);
        var table = Assert.Single(result.Tables);
        Assert.Equal("dbo.Orders", table.Name);
        Assert.Equal(1, table.Location.Line);
        Assert.Equal(new[] { "Id", "CustomerId", "Total", "Note", "Code" }, table.Columns.Select(c => c.Name));
        Assert.Equal(("int", "NOT NULL", "IDENTITY(1,1)"), (table.Columns[0].Type, table.Columns[0].Nullability, table.Columns[0].Generated));
        Assert.Equal("decimal(18, 2)", table.Columns[2].Type);
        Assert.Equal("((0))", table.Columns[2].Default);
        Assert.Equal("N'none'", table.Columns[3].Default);
        Assert.Equal("NULL", table.Columns[3].Nullability);
        Assert.Equal(3, table.Columns[1].Location.Line);
        Assert.Equal("PK_Orders", table.PrimaryKey!.Name);
        Assert.Equal(new[] { "Id" }, table.PrimaryKey.Columns);
        var fk = Assert.Single(table.ForeignKeys);
        Assert.Equal(("FK_Orders_Customers", "dbo.Customers", "CASCADE"), (fk.Name, fk.PrincipalTable, fk.OnDelete));
        Assert.Equal(new[] { "Id" }, fk.PrincipalColumns);
        Assert.Equal(new[] { "Code" }, Assert.Single(table.UniqueConstraints).Columns);
        Assert.Equal(("CK_Total", "Total >= 0"), (Assert.Single(table.CheckConstraints).Name, table.CheckConstraints[0].Sql));
        var tables = Report.ScriptTables.Assemble(new[] { new SqlScriptSpec("db/s.sql", "", default, null, result.Tables.ToEquatableArray(), result.Changes.ToEquatableArray()) });
        var index = Assert.Single(Assert.Single(tables).Indexes);
        Assert.True(index.Unique);
        Assert.Equal(new[] { "Code DESC" }, index.Columns);
        Assert.Equal(new[] { "Total" }, index.Included);
        Assert.Equal("Note IS NOT NULL", index.Filter);
        Assert.Empty(tables[0].Changed);
    }

    [Fact]
    public void PostgreSql_SQLite_and_MySql_tables()
    {
        var pg = Assert.Single(Read("""
            CREATE TABLE IF NOT EXISTS "sales"."orders" (
                id bigserial PRIMARY KEY,
                ref uuid GENERATED ALWAYS AS IDENTITY,
                customer_id integer NOT NULL REFERENCES customers ON DELETE SET NULL,
                created timestamp with time zone NOT NULL DEFAULT now(),
                status text NOT NULL DEFAULT 'new'::text CHECK (status <> '')
            );
            """).Tables);
        Assert.Equal("sales.orders", pg.Name);
        Assert.Equal("serial type", pg.Columns[0].Generated);
        Assert.Equal("GENERATED ALWAYS AS IDENTITY", pg.Columns[1].Generated);
        Assert.Equal(("customers", "SET NULL"), (pg.ForeignKeys[0].PrincipalTable, pg.ForeignKeys[0].OnDelete));
        Assert.Empty(pg.ForeignKeys[0].PrincipalColumns);
        Assert.Equal(("timestamp with time zone", "now()"), (pg.Columns[3].Type, pg.Columns[3].Default));
        Assert.Equal("'new'::text", pg.Columns[4].Default);
        Assert.Equal("status <> ''", Assert.Single(pg.CheckConstraints).Sql);

        var sqlite = Assert.Single(Read("CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT);").Tables);
        Assert.Equal(("INTEGER", "AUTOINCREMENT", null), (sqlite.Columns[0].Type, sqlite.Columns[0].Generated, sqlite.Columns[1].Nullability));
        Assert.Equal(new[] { "id" }, sqlite.PrimaryKey!.Columns);

        var mysql = Assert.Single(Read("""
            CREATE TABLE `shop`.`items` (
              `id` int unsigned NOT NULL AUTO_INCREMENT,
              `sku` varchar(32) NOT NULL,
              PRIMARY KEY (`id`),
              UNIQUE KEY `uq_sku` (`sku`),
              KEY `ix_sku` (`sku`),
              CONSTRAINT `fk_x` FOREIGN KEY (`sku`) REFERENCES `skus` (`code`) ON DELETE RESTRICT ON UPDATE CASCADE
            ) ENGINE=InnoDB;
            """).Tables);
        Assert.Equal("shop.items", mysql.Name);
        Assert.Equal(("int unsigned", "AUTO_INCREMENT"), (mysql.Columns[0].Type, mysql.Columns[0].Generated));
        Assert.Equal(("uq_sku", "sku"), (mysql.UniqueConstraints[0].Name, mysql.UniqueConstraints[0].Columns[0]));
        Assert.Equal("ix_sku", Assert.Single(mysql.Indexes).Name);
        Assert.Equal(("fk_x", "RESTRICT", "CASCADE"), (mysql.ForeignKeys[0].Name, mysql.ForeignKeys[0].OnDelete, mysql.ForeignKeys[0].OnUpdate));
    }

    [Fact]
    public void Traps_are_not_tables()
    {
        var result = Read("""
            -- CREATE TABLE commented (a int);
            /* CREATE TABLE block_commented (a int); */
            EXEC('CREATE TABLE dynamic (a int)');
            INSERT INTO log (text) VALUES ('CREATE TABLE in_literal (a int)');
            CREATE TABLE #temp (a int);
            CREATE TEMP TABLE scratch (a int);
            DECLARE @t TABLE (a int);
            CREATE FUNCTION f() RETURNS void AS $$ BEGIN CREATE TABLE in_body (a int); END $$ LANGUAGE plpgsql;
            CREATE TABLE copy AS SELECT * FROM source;
            """);
        var table = Assert.Single(result.Tables);
        Assert.Equal("copy", table.Name);
        Assert.False(table.ColumnsKnown);
        Assert.Empty(table.Columns);
        Assert.Contains("CREATE TABLE ... AS SELECT", Assert.Single(table.Notes).What);
    }

    [Fact]
    public void Later_scripts_add_or_change_tables()
    {
        var first = Read("CREATE TABLE dbo.Stock (Sku varchar(32) NOT NULL PRIMARY KEY);\nCREATE TABLE dbo.Old (Id int);\nCREATE TABLE dbo.Kept (Id int);");
        var second = SqlTableReader.Read("""
            ALTER TABLE Stock ADD Reserved int NOT NULL DEFAULT 0, Note nvarchar(100) NULL;
            ALTER TABLE dbo.Stock ADD CONSTRAINT FK_Stock_Sku FOREIGN KEY (Sku) REFERENCES dbo.Skus (Sku) ON DELETE NO ACTION;
            ALTER TABLE dbo.Old DROP COLUMN Id;
            ALTER TABLE dbo.Kept ENABLE CHANGE_TRACKING;
            DROP TABLE IF EXISTS dbo.Kept2;
            """, "db/002.sql");
        var tables = Report.ScriptTables.Assemble(new[]
        {
            new SqlScriptSpec("db/002.sql", "", default, null, second.Tables.ToEquatableArray(), second.Changes.ToEquatableArray()),
            new SqlScriptSpec("db/001.sql", "", default, null, first.Tables.ToEquatableArray(), first.Changes.ToEquatableArray()),
        });
        Assert.Equal(new[] { "dbo.Stock", "dbo.Old", "dbo.Kept" }, tables.Select(t => t.Name));
        Assert.Equal(new[] { "Sku", "Reserved", "Note" }, tables[0].Columns.Select(c => c.Name));
        Assert.Equal(("0", 1), (tables[0].Columns[1].Default, tables[0].Columns[1].Location.Line));
        Assert.Equal(("FK_Stock_Sku", "NO ACTION", 2), (tables[0].ForeignKeys[0].Name, tables[0].ForeignKeys[0].OnDelete, tables[0].ForeignKeys[0].Location.Line));
        Assert.Empty(tables[0].Changed);
        var changed = Assert.Single(tables[1].Changed);
        Assert.Equal("changed by a later script (ALTER TABLE ... DROP COLUMN)", changed.What);
        Assert.Equal(("db/002.sql", 3), (changed.Location.Path, changed.Location.Line));
        Assert.Empty(tables[2].Changed);
    }

    [Fact]
    public void Report_renders_script_tables_in_1_2_with_contents_and_json()
    {
        var output = GeneratorHarness.Run(Sources.With(), new Dictionary<string, string>
        {
            ["Database/001_stock.sql"] = "-- schema\nCREATE TABLE dbo.Stock (\n    Sku varchar(32) NOT NULL PRIMARY KEY,\n    Reserved int NOT NULL DEFAULT 0\n);\nCREATE USER app WITH PASSWORD = 'Secret-Table-1';",
            ["Database/002_drop.sql"] = "DROP TABLE dbo.Stock;",
        });
        var md = output.Markdown!;
        Assert.Contains("    - [Tables declared in SQL scripts](#tables-declared-in-sql-scripts)", md);
        Assert.Contains("##### Table `dbo.Stock`", md);
        Assert.Contains("| `Reserved` | `int` | NOT NULL | `0` |  |  | [Database/001\\_stock.sql:4](Database/001_stock.sql#L4) |", md);
        Assert.Contains("- dropped by a later script (DROP TABLE): [Database/002\\_drop.sql:1](Database/002_drop.sql#L1)", md);
        Assert.DoesNotContain("Secret-Table-1", md);
        Assert.Contains("\"scriptTables\": [", output.Json!);
        Assert.Contains("\"notFollowed\": [", output.Json!);
        Assert.DoesNotContain("Secret-Table-1", output.Json!);
    }
}
