using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests;

/// <summary>linq2db 6.5.1's upserts (<c>InsertOrReplace</c>, <c>InsertOrUpdate</c>) and merges (<c>Merge()</c>/<c>MergeInto</c> ...
/// <c>Merge[Async]()</c>, the legacy <c>Merge(source)</c>) as CRUD rows per operation, writes through <c>GetTable&lt;T&gt;()</c>
/// and <c>ITable&lt;T&gt;</c> properties attributed to T, and <c>LoadWith</c>/<c>ThenLoad</c> as eager loading (2.4); look-alike
/// methods, broken chains, comments and strings make no claim.</summary>
public class Linq2DbUpsertAndLoadTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using LinqToDB;
        using LinqToDB.Async;
        using LinqToDB.Data;
        using LinqToDB.Mapping;

        """;

    private const string Model = """
        namespace Stock.Data
        {
            [Table("Items")]
            public class Item
            {
                [PrimaryKey] public int Id { get; set; }
                public string Sku { get; set; } = "";
                public int SupplierId { get; set; }
                [Association(ThisKey = nameof(Id), OtherKey = nameof(Count.ItemId))] public List<Count> Counts { get; set; } = new();
                [Association(ThisKey = nameof(SupplierId), OtherKey = nameof(Supplier.Id))] public Supplier? Supplier { get; set; }
            }
            public class Supplier
            {
                [PrimaryKey] public int Id { get; set; }
                public int AddressId { get; set; }
                [Association(ThisKey = nameof(AddressId), OtherKey = nameof(Address.Id))] public Address? Address { get; set; }
            }
            public class Address { [PrimaryKey] public int Id { get; set; } public string City { get; set; } = ""; }
            [Table("Counts")]
            public class Count { [PrimaryKey] public int Id { get; set; } public int ItemId { get; set; } public int Quantity { get; set; } }
            public class Staging { [PrimaryKey] public int Id { get; set; } public int Quantity { get; set; } }

            public class StockDb(DataOptions options) : DataConnection(options)
            {
                public ITable<Item> Items => this.GetTable<Item>();
                public ITable<Count> Counts => this.GetTable<Count>();
                public ITable<Staging> Staging => this.GetTable<Staging>();
            }
        }
        """;

    private const string Access = """
        namespace Stock.Data
        {
            public class Ledger(StockDb db)
            {
                public int Save(Count count) => db.InsertOrReplace(count);
                public async Task SaveAsync(Count count) => await db.InsertOrReplaceAsync(count).ConfigureAwait(false);
                public int Bump(int id) => db.Counts.InsertOrUpdate(() => new Count { Id = id, Quantity = 1 }, c => new Count { Quantity = c.Quantity + 1 });
                public int Once(int id) => db.Counts.InsertOrUpdate(() => new Count { Id = id, Quantity = 1 }, null);
                public int Sync(IEnumerable<Count> rows) => db.Counts
                    .Merge()
                    .Using(rows)
                    .OnTargetKey()
                    .InsertWhenNotMatched()
                    .UpdateWhenMatched()
                    .Merge();
                public Task<int> Mirror() => db.Staging
                    .MergeInto(db.Counts)
                    .On(t => t.Id, s => s.Id)
                    .InsertWhenNotMatched(s => new Count { Id = s.Id, Quantity = s.Quantity })
                    .UpdateWhenMatched((t, s) => new Count { Quantity = s.Quantity })
                    .DeleteWhenNotMatchedBySource()
                    .MergeAsync();
                // The legacy merge of LinqToDB.Data.LegacyMergeExtensions (update, insert; delete by source when asked):
                public int Legacy(IEnumerable<Count> rows) => db.Merge(rows);
                public int LegacyDelete(IEnumerable<Count> rows) => db.GetTable<Count>().Merge(true, rows);
                // (a non-constant delete flag would claim no delete)
                public int Guarded(int id, System.Linq.Expressions.Expression<Func<Count, Count>> update) => db.Counts.InsertOrUpdate(() => new Count { Id = id }, update);
            }

            public class Catalog(StockDb db)
            {
                public int Drop(int id) => db.GetTable<Item>().Delete(i => i.Id == id);
                public int Rename(int id) => db.GetTable<Item>().Where(i => i.Id == id).Set(i => i.Sku, "renamed").Update();
                public int Add() => db.GetTable<Item>().Insert(() => new Item { Sku = "new" });
                public int Restock(int id) => db.Counts.Where(c => c.ItemId == id).Set(c => c.Quantity, 10).Update();
                public int Clear(int id) => db.Counts.Delete(c => c.ItemId == id);
                public int Open(int id) => db.Counts.Insert(() => new Count { ItemId = id });

                public List<Item> WithCounts() => db.Items.LoadWith(i => i.Counts).ToList();
                public List<Item> WithAddresses() => db.Items
                    .LoadWith(i => i.Supplier)
                    .ThenLoad(s => s!.Address)
                    .ToList();
                public List<Item> Stocked() => db.GetTable<Item>().LoadWith(i => i.Counts, q => q.Where(c => c.Quantity > 0)).ToList();
                public List<Item> AsTable() => db.Items.LoadWithAsTable(i => i.Supplier!.Address).ToList();
            }
        }
        """;

    private const string Traps = """
        namespace Stock.Fakes
        {
            // Look-alikes: linq2db's names on a type of the project, and project extensions of the same names.
            public class Cache
            {
                public int InsertOrReplace(Stock.Data.Count count) => 0;
                public int InsertOrUpdate(Func<Stock.Data.Count> insert, Func<Stock.Data.Count, Stock.Data.Count> update) => 0;
                public Cache Merge() => this;
                public Cache UpdateWhenMatched() => this;
                public Cache LoadWith(Func<Stock.Data.Item, object> path) => this;
            }
            public static class FakeExtensions
            {
                public static int InsertOrReplace<T>(this Stock.Data.StockDb db, T row, bool fake) => 0;
                public static int Merge<T>(this ITable<T> table, int fake) where T : notnull => 0;
                public static IQueryable<T> LoadWith<T>(this IQueryable<T> query, string path) => query;
            }
            public class Uses
            {
                public int Own(Cache cache, Stock.Data.Count count) => cache.InsertOrReplace(count);
                public int OwnUpdate(Cache cache) => cache.InsertOrUpdate(() => new Stock.Data.Count(), c => new Stock.Data.Count { Quantity = 1 });
                public Cache OwnMerge(Cache cache) => cache.Merge().UpdateWhenMatched();
                public Cache OwnLoad(Cache cache) => cache.LoadWith(i => i.Counts);
                public int Extension(Stock.Data.StockDb db, Stock.Data.Count count) => db.InsertOrReplace(count, fake: true);
                public int ExtensionMerge(ITable<Stock.Data.Count> table) => table.Merge(fake: 1);
                public IQueryable<Stock.Data.Item> ExtensionLoad(List<Stock.Data.Item> items) => items.AsQueryable().LoadWith("Counts");
                // A merge whose operations are added to a local: its chain does not show them all, so it is left out.
                public int Broken(Stock.Data.StockDb db, IEnumerable<Stock.Data.Count> rows)
                {
                    var merge = db.Counts.Merge().Using(rows).OnTargetKey();
                    return merge.InsertWhenNotMatched().Merge();
                }
                // A merge into a projection of another table: which table it writes is not the entity's own; left out.
                public int Projected(Stock.Data.StockDb db, IEnumerable<Stock.Data.Count> rows) =>
                    db.Items.Select(i => new Stock.Data.Count { Id = i.Id }).Merge().Using(rows).OnTargetKey().UpdateWhenMatched().Merge();
                // public int Commented(Stock.Data.StockDb db, Stock.Data.Count c) => db.InsertOrReplace(c) + db.Counts.Merge().Using(new[] { c }).OnTargetKey().UpdateWhenMatched().Merge();
                public string Text => "db.InsertOrReplace(count); db.Items.LoadWith(i => i.Counts).ThenLoad(c => c.Item); db.Counts.Merge().Using(rows).OnTargetKey().DeleteWhenMatched().Merge();";
            }
        }
        """;

    private static Dictionary<string, string> Files(params (string Path, string Code)[] files) =>
        files.ToDictionary(f => f.Path, f => Usings + f.Code);

    private static GeneratorOutput Run(bool traps = false) => GeneratorHarness.Run(traps
        ? Files(("Data/Model.cs", Model), ("Data/Access.cs", Access), ("Fakes/Fakes.cs", Traps))
        : Files(("Data/Model.cs", Model), ("Data/Access.cs", Access)));

    private static List<string> CrudRows(GeneratorOutput output) => Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
        .Select(r => r.GetProperty("member").GetString() + " | " + r.GetProperty("entity").GetString() + " | " + r.GetProperty("operation").GetString()
                     + " | " + r.GetProperty("api").GetString() + " | " + r.GetProperty("bulk").GetBoolean() + " | " + r.GetProperty("location").GetString())
        .ToList();

    [Fact]
    public void Upserts_and_merges_are_rows_for_each_operation_they_perform_with_the_call_named()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var rows = CrudRows(output).Where(r => r.StartsWith("Ledger.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "Ledger.Save | Stock.Data.Count | Create | InsertOrReplace (upsert) | False | Data/Access.cs:13",
            "Ledger.SaveAsync | Stock.Data.Count | Create | InsertOrReplaceAsync (upsert) | False | Data/Access.cs:14",
            "Ledger.Bump | Stock.Data.Count | Create | InsertOrUpdate (upsert) | False | Data/Access.cs:15",
            "Ledger.Once | Stock.Data.Count | Create | InsertOrUpdate (insert if not exists) | False | Data/Access.cs:16",
            "Ledger.Sync | Stock.Data.Count | Create | Merge (insert when not matched, update when matched) | True | Data/Access.cs:23",
            "Ledger.Mirror | Stock.Data.Count | Create | MergeAsync (insert when not matched, update when matched, delete when not matched by source) | True | Data/Access.cs:30",
            "Ledger.Legacy | Stock.Data.Count | Create | Merge (update, insert) | True | Data/Access.cs:32",
            "Ledger.LegacyDelete | Stock.Data.Count | Create | Merge (update, insert, delete by source) | True | Data/Access.cs:33",
            "Ledger.Guarded | Stock.Data.Count | Create | InsertOrUpdate (insert; its update setter is not read here) | False | Data/Access.cs:35",
            "Ledger.Save | Stock.Data.Count | Update | InsertOrReplace (upsert) | False | Data/Access.cs:13",
            "Ledger.SaveAsync | Stock.Data.Count | Update | InsertOrReplaceAsync (upsert) | False | Data/Access.cs:14",
            "Ledger.Bump | Stock.Data.Count | Update | InsertOrUpdate (upsert) | False | Data/Access.cs:15",
            "Ledger.Sync | Stock.Data.Count | Update | Merge (insert when not matched, update when matched) | True | Data/Access.cs:23",
            "Ledger.Mirror | Stock.Data.Count | Update | MergeAsync (insert when not matched, update when matched, delete when not matched by source) | True | Data/Access.cs:30",
            "Ledger.Legacy | Stock.Data.Count | Update | Merge (update, insert) | True | Data/Access.cs:32",
            "Ledger.LegacyDelete | Stock.Data.Count | Update | Merge (update, insert, delete by source) | True | Data/Access.cs:33",
            "Ledger.Mirror | Stock.Data.Count | Delete | MergeAsync (insert when not matched, update when matched, delete when not matched by source) | True | Data/Access.cs:30",
            "Ledger.LegacyDelete | Stock.Data.Count | Delete | Merge (update, insert, delete by source) | True | Data/Access.cs:33",
            "Ledger.Mirror | Stock.Data.Staging | Read | MergeAsync (merge source) | False | Data/Access.cs:25",
        ], rows);
        // The source of MergeInto (Staging) is read, not written; Using(rows) of objects in memory reads no table.
        Assert.DoesNotContain(CrudRows(output), r => r.Contains("Stock.Data.Staging", StringComparison.Ordinal) && !r.Contains(" | Read | ", StringComparison.Ordinal));

        var md = output.Markdown!;
        Assert.Contains("A linq2db upsert (`InsertOrReplace`, `InsertOrUpdate` with an update setter) is listed as a create and an update, a `Merge` under each operation its `...When...` calls perform, the call named after its link.", md);
        Assert.Contains("| `Ledger.Sync` | `Stock.Data.Count` (linq2db) | create | `Merge` (insert when not matched, update when matched) | [Data/Access.cs:23](Data/Access.cs#L23) |", md);
        Assert.Contains("| `Stock.Data.Count` (linq2db) | `Ledger.Save` [Data/Access.cs:13](Data/Access.cs#L13) with `InsertOrReplace` (upsert)<br>", md);
        Assert.Contains(" | `Ledger.Mirror` [Data/Access.cs:30](Data/Access.cs#L30) with `MergeAsync` (insert when not matched, update when matched, delete when not matched by source)<br>`Ledger.LegacyDelete` [Data/Access.cs:33](Data/Access.cs#L33) with `Merge` (update, insert, delete by source)<br>`Catalog.Clear` [Data/Access.cs:44](Data/Access.cs#L44) |", md);
    }

    [Fact]
    public void Writes_through_GetTable_and_ITable_properties_are_attributed_to_the_row_type()
    {
        var rows = CrudRows(Run()).Where(r => r.StartsWith("Catalog.", StringComparison.Ordinal) && !r.Contains(" | Read | ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "Catalog.Open | Stock.Data.Count | Create | Insert | False | Data/Access.cs:45",
            "Catalog.Restock | Stock.Data.Count | Update | Update | True | Data/Access.cs:43",
            "Catalog.Clear | Stock.Data.Count | Delete | Delete | True | Data/Access.cs:44",
            "Catalog.Add | Stock.Data.Item | Create | Insert | False | Data/Access.cs:42",
            "Catalog.Rename | Stock.Data.Item | Update | Update | True | Data/Access.cs:41",
            "Catalog.Drop | Stock.Data.Item | Delete | Delete | True | Data/Access.cs:40",
        ], rows);
    }

    [Fact]
    public void LoadWith_and_ThenLoad_are_eager_loading_with_their_path()
    {
        var md = Run().Markdown!;
        Assert.Contains("| `Catalog.WithCounts` | Eager loading (linq2db) | `Stock.Data.Item` | `Counts` | [Data/Access.cs:47](Data/Access.cs#L47) |", md);
        Assert.Contains("| `Catalog.WithAddresses` | Eager loading (linq2db) | `Stock.Data.Item` | `Supplier.Address` | [Data/Access.cs:49](Data/Access.cs#L49) |", md);
        Assert.Contains("| `Catalog.Stocked` | Eager loading (linq2db) | `Stock.Data.Item` | `Counts (with a load function)` | [Data/Access.cs:52](Data/Access.cs#L52) |", md);
        Assert.Contains("| `Catalog.AsTable` | Eager loading (linq2db) | `Stock.Data.Item` | `Supplier.Address` | [Data/Access.cs:53](Data/Access.cs#L53) |", md);
        Assert.Equal(4, md.Split('\n').Count(l => l.Contains("| Eager loading", StringComparison.Ordinal)));
    }

    [Fact]
    public void Look_alikes_broken_chains_comments_and_strings_make_no_claim()
    {
        var output = Run(traps: true);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var report = output.Markdown + output.Json;
        Assert.DoesNotContain("Uses.", report);
        Assert.DoesNotContain("Fakes/Fakes.cs", report);
        Assert.Equal(Run().Markdown, output.Markdown);
    }

    [Fact]
    public void Linq2db_referenced_with_these_calls_only_in_comments_and_strings_makes_no_claim()
    {
        var output = GeneratorHarness.Run(Files(("Data/Plain.cs", """
            namespace Stock.Plain
            {
                // db.InsertOrReplace(count); db.Counts.InsertOrUpdate(() => new Count(), c => new Count { Quantity = 1 });
                // db.Counts.Merge().Using(rows).OnTargetKey().InsertWhenNotMatched().UpdateWhenMatched().Merge(); db.Items.LoadWith(i => i.Counts).ThenLoad(c => c.Item);
                public class Notes
                {
                    public string Text => "db.InsertOrReplaceAsync(count); source.MergeInto(db.Counts).OnTargetKey().DeleteWhenMatched().MergeAsync(); q.LoadWith(x => x.Nav)";
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain("linq2db", output.Markdown);
        var json = Json.Parse(output.Json);
        foreach (var list in new[] { "crud", "queryShapes", "transactions" })
        {
            Assert.True(!json.TryGetProperty(list, out var items) || items.GetArrayLength() == 0, list);
        }
    }
    [Fact]
    public void A_generic_linq2db_repository_row_stands_for_any_mapped_class_not_any_document()
    {
        // linq2db maps classes to tables: its type-parameter row is relational (the Kavita-era wording said "any document").
        var output = GeneratorHarness.Run(Files(("Data/Model.cs", Model), ("Data/Repo.cs", """
            namespace Stock.Data
            {
                public class Repo<T>(StockDb db) where T : class
                {
                    public int Add(T row) => db.Insert(row);
                    public List<T> All() => db.GetTable<T>().ToList();
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `T of Repo<T>` (any mapped class, linq2db) | `Repo.Add` ", md);
        Assert.DoesNotContain("any document", md);
    }
}
