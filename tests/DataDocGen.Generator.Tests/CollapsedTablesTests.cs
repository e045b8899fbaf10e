using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Large contexts keep every table heading (and anchor) visible but collapse each table's details.</summary>
public class CollapsedTablesTests
{
    private static string ReportWith(int tables)
    {
        var entities = string.Concat(Enumerable.Range(1, tables).Select(i => $"public class Thing{i} {{ public int Id {{ get; set; }} public string? Name {{ get; set; }} }}\n"));
        var sets = string.Concat(Enumerable.Range(1, tables).Select(i => $"public DbSet<Thing{i}> Things{i} => Set<Thing{i}>();\n"));
        return GeneratorHarness.Run(Sources.With(("Data/Big.cs", $$"""
            namespace Big
            {
                {{entities}}
                public class BigContext : DbContext
                {
                    {{sets}}
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=big.db");
                }
            }
            """))).Markdown!;
    }

    [Fact]
    public void A_context_with_more_tables_than_the_threshold_collapses_each_table_under_its_heading()
    {
        var report = ReportWith(SchemaMarkdownEmitter.CollapseTablesAbove + 1);
        Assert.Equal(SchemaMarkdownEmitter.CollapseTablesAbove + 1, CountOf(report, "<details><summary>"));
        Assert.Contains("##### Table `Things1`\n\n<details><summary>2 columns, primary key</summary>\n\nEntities: `Big.Thing1`.", report);
        Assert.Equal(CountOf(report, "<details>"), CountOf(report, "</details>"));
    }

    [Fact]
    public void A_context_at_the_threshold_is_not_collapsed()
    {
        var report = ReportWith(SchemaMarkdownEmitter.CollapseTablesAbove);
        Assert.Contains("##### Table `Things1`\n\nEntities: `Big.Thing1`.", report);
        Assert.DoesNotContain("<details>", report);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
