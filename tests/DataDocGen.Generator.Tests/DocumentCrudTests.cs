using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix for document stores: MongoDB's IMongoCollection&lt;T&gt;, LiteDB's
/// ILiteCollection&lt;T&gt; and Marten's sessions, against the real MongoDB.Driver 3, LiteDB 5 and Marten packages; each
/// receiver confirmed by its type's namespace.</summary>
public class DocumentCrudTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using LiteDB;
        using Marten;
        using Marten.Patching;
        using MongoDB.Driver;
        namespace Shop.Docs
        {
            public class Product { public string Id { get; set; } = ""; public string Category { get; set; } = ""; public decimal Price { get; set; } }
            public class Shipment { public int Id { get; set; } public bool Sent { get; set; } }
            public class Invoice { public System.Guid Id { get; set; } public decimal Total { get; set; } }

            public class Catalog(IMongoCollection<Product> products)
            {
                public Task Add(Product p) => products.InsertOneAsync(p);
                public Task Import(List<Product> all) => products.InsertManyAsync(all);
                public Task<List<Product>> InCategory(string c) => products.Find(p => p.Category == c).SortBy(p => p.Price).Limit(10).ToListAsync();
                public List<Product> Cheap() => products.AsQueryable().Where(p => p.Price < 5).ToList();
                public long Count() => products.CountDocuments(p => true);
                public Task Save(Product p) => products.ReplaceOneAsync(x => x.Id == p.Id, p, new ReplaceOptions { IsUpsert = true });
                public Task Reprice(string id) => products.UpdateOneAsync(x => x.Id == id, Builders<Product>.Update.Set(x => x.Price, 1m));
                public Task Discount() => products.UpdateManyAsync(x => true, Builders<Product>.Update.Mul(x => x.Price, 0.9m));
                public Task Sync(Product p) => products.BulkWriteAsync(new WriteModel<Product>[] { new InsertOneModel<Product>(p), new DeleteOneModel<Product>(Builders<Product>.Filter.Eq(x => x.Id, "old")) });
                public Task Remove(string id) => products.DeleteOneAsync(x => x.Id == id);
                public Task<Product> Take(string id) => products.FindOneAndDeleteAsync(x => x.Id == id);
            }

            public class Outbox(ILiteCollection<Shipment> shipments)
            {
                public void Queue(Shipment s) => shipments.Insert(s);
                public void QueueAll(List<Shipment> all) => shipments.Insert(all);
                public void Keep(Shipment s) => shipments.Upsert(s);
                public void MarkSent(Shipment s) => shipments.Update(s);
                public void Drop(int id) => shipments.Delete(id);
                public void Purge() => shipments.DeleteMany(x => x.Sent);
                public Shipment Get(int id) => shipments.FindById(id);
                public List<Shipment> Pending() => shipments.Query().Where(x => !x.Sent).ToList();
            }

            public class Billing(IDocumentSession session, IQuerySession query)
            {
                public void Save(Invoice i) => session.Store(i);
                public void SaveAll(Invoice a, Invoice b) => session.Store(a, b);
                public void Create(Invoice i) => session.Insert(i);
                public void Change(Invoice i) => session.Update(i);
                public void Void(System.Guid id) => session.Delete<Invoice>(id);
                public void Erase(Invoice i) => session.HardDelete(i);
                public void Clear() => session.DeleteWhere<Invoice>(x => x.Total == 0);
                public void Zero(System.Guid id) => session.Patch<Invoice>(id).Set(x => x.Total, 0m);
                public Task<Invoice?> Get(System.Guid id) => query.LoadAsync<Invoice>(id);
                public List<Invoice> Big() => query.Query<Invoice>().Where(x => x.Total > 100).ToList();
                // Trap: SQL through QueryAsync<T>(sql) may return scalars, not documents.
                public Task<IReadOnlyList<int>> Numbers() => query.QueryAsync<int>("select 1");
            }

            // Traps: look-alike methods and in-memory collections.
            public class Ledger { public void Insert(Shipment s) { } public void Upsert(Shipment s) { } public Product? Find(string id) => null; }
            public class Traps(Ledger ledger, List<Product> list)
            {
                public void Run(Shipment s) { ledger.Insert(s); ledger.Upsert(s); ledger.Find("x"); list.Find(p => p.Price > 1); list.Insert(0, new Product()); }
                // public void Commented(IMongoCollection<Product> c) => c.DeleteMany(x => true);
            }
        }
        namespace Fake.Driver
        {
            // Trap: an interface named like MongoDB's, in another namespace.
            public interface IMongoCollection<T> { void InsertOne(T item); }
            public class Writer(IMongoCollection<Shop.Docs.Product> fake) { public void Write() => fake.InsertOne(new Shop.Docs.Product()); }
        }
        """;

    private static GeneratorOutput Run()
    {
        var output = GeneratorHarness.Run(Sources.With(("Docs/Docs.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    private static string Link(int line) => $"[Docs/Docs.cs:{line}](Docs/Docs.cs#L{line})";

    private const string CosmosCode = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Azure.Cosmos;
        namespace Shop.Archive
        {
            public record Shipment(string id, string Country);
            public class ShipmentArchive(Container shipments)
            {
                public Task Add(Shipment s) => shipments.CreateItemAsync(s, new PartitionKey(s.Country));
                public Task Keep(Shipment s) => shipments.UpsertItemAsync(s);
                public Task Change(Shipment s) => shipments.ReplaceItemAsync(s, s.id);
                public Task Patch(string id, string country) => shipments.PatchItemAsync<Shipment>(id, new PartitionKey(country), new[] { PatchOperation.Set("/Country", country) });
                public Task Get(string id, string country) => shipments.ReadItemAsync<Shipment>(id, new PartitionKey(country));
                public bool Any(string country) => shipments.GetItemLinqQueryable<Shipment>(true).Where(s => s.Country == country).Any();
                public Task Drop(string id, string country) => shipments.DeleteItemAsync<Shipment>(id, new PartitionKey(country));
                public Task Raw(System.IO.Stream body, string country) => shipments.CreateItemStreamAsync(body, new PartitionKey(country));
                public Task Loose(object item) => shipments.UpsertItemAsync(item);
            }
        }
        namespace Shop.Fakes
        {
            public class Container { public Task CreateItemAsync<T>(T item) => Task.CompletedTask; }
            public class LookAlike(Container box) { public Task Put(Shop.Archive.Shipment s) => box.CreateItemAsync(s); }
        }
        """;

    /// <summary>Azure Cosmos DB's Container: the item type is the method's type argument (written or inferred); stream
    /// variants, untyped items and a project's own Container class make no claim.</summary>
    [Fact]
    public void Cosmos_container_calls_fill_the_matrix_with_the_item_type()
    {
        var output = GeneratorHarness.Run(Sources.With(("Archive/Archive.cs", CosmosCode)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        static string At(int line) => $"[Archive/Archive.cs:{line}](Archive/Archive.cs#L{line})";
        Assert.Contains("| `Shop.Archive.Shipment` (Azure Cosmos DB) | "
                        + $"`ShipmentArchive.Add` {At(14)}<br>`ShipmentArchive.Keep` {At(15)} with `UpsertItemAsync` (upsert) | "
                        + $"`ShipmentArchive.Get` {At(18)}<br>`ShipmentArchive.Any` {At(19)} | "
                        + $"`ShipmentArchive.Keep` {At(15)} with `UpsertItemAsync` (upsert)<br>`ShipmentArchive.Change` {At(16)}<br>`ShipmentArchive.Patch` {At(17)} | "
                        + $"`ShipmentArchive.Drop` {At(20)} |", md);
        Assert.DoesNotContain("ShipmentArchive.Raw", md);
        Assert.DoesNotContain("ShipmentArchive.Loose", md);
        Assert.DoesNotContain("LookAlike.Put", md);
    }

    [Fact]
    public void MongoDB_collection_calls_fill_the_matrix_per_document_type_with_the_store_named()
    {
        var md = Run().Markdown!;
        Assert.Contains("| `Shop.Docs.Product` (MongoDB) | "
                        + $"`Catalog.Add` {Link(20)}<br>`Catalog.Import` {Link(21)}<br>`Catalog.Save` {Link(25)} with `ReplaceOneAsync` (upsert)<br>`Catalog.Sync` {Link(28)} | "
                        + $"`Catalog.InCategory` {Link(22)}<br>`Catalog.Cheap` {Link(23)}<br>`Catalog.Count` {Link(24)} | "
                        + $"`Catalog.Save` {Link(25)} with `ReplaceOneAsync` (upsert)<br>`Catalog.Reprice` {Link(26)}<br>`Catalog.Discount` {Link(27)} | "
                        + $"`Catalog.Sync` {Link(28)}<br>`Catalog.Remove` {Link(29)}<br>`Catalog.Take` {Link(30)} |", md);
        // InsertMany, UpdateMany and BulkWrite are bulk; the BulkWrite's models say it inserts and deletes (no update).
        Assert.Contains($"| `Catalog.Import` | `Shop.Docs.Product` (MongoDB) | create | `InsertManyAsync` | {Link(21)} |", md);
        Assert.Contains($"| `Catalog.Discount` | `Shop.Docs.Product` (MongoDB) | update | `UpdateManyAsync` | {Link(27)} |", md);
        Assert.Contains($"| `Catalog.Sync` | `Shop.Docs.Product` (MongoDB) | delete | `BulkWriteAsync` | {Link(28)} |", md);
        Assert.DoesNotContain("| `Catalog.Sync` | `Shop.Docs.Product` (MongoDB) | update |", md);
    }

    [Fact]
    public void LiteDB_and_Marten_calls_fill_the_matrix_and_upserts_are_a_create_and_an_update()
    {
        var md = Run().Markdown!;
        Assert.Contains("| `Shop.Docs.Shipment` (LiteDB) | "
                        + $"`Outbox.Queue` {Link(35)}<br>`Outbox.QueueAll` {Link(36)}<br>`Outbox.Keep` {Link(37)} | "
                        + $"`Outbox.Get` {Link(41)}<br>`Outbox.Pending` {Link(42)} | "
                        + $"`Outbox.Keep` {Link(37)}<br>`Outbox.MarkSent` {Link(38)} | "
                        + $"`Outbox.Drop` {Link(39)}<br>`Outbox.Purge` {Link(40)} |", md);
        Assert.Contains($"| `Outbox.QueueAll` | `Shop.Docs.Shipment` (LiteDB) | create | `Insert` | {Link(36)} |", md);
        Assert.DoesNotContain("| `Outbox.Queue` | `Shop.Docs.Shipment` (LiteDB) | create |", md);

        Assert.Contains("| `Shop.Docs.Invoice` (Marten) | "
                        + $"`Billing.Save` {Link(47)}<br>`Billing.SaveAll` {Link(48)}<br>`Billing.Create` {Link(49)} | "
                        + $"`Billing.Get` {Link(55)}<br>`Billing.Big` {Link(56)} | "
                        + $"`Billing.Save` {Link(47)}<br>`Billing.SaveAll` {Link(48)}<br>`Billing.Change` {Link(50)}<br>`Billing.Zero` {Link(54)} | "
                        + $"`Billing.Void` {Link(51)}<br>`Billing.Erase` {Link(52)}<br>`Billing.Clear` {Link(53)} |", md);
        Assert.Contains($"| `Billing.SaveAll` | `Shop.Docs.Invoice` (Marten) | create | `Store` | {Link(48)} |", md);
        Assert.Contains($"| `Billing.Clear` | `Shop.Docs.Invoice` (Marten) | delete | `DeleteWhere` | {Link(53)} |", md);
        Assert.DoesNotContain("| `Billing.Save` | `Shop.Docs.Invoice` (Marten) |", md);
    }

    [Fact]
    public void Look_alike_methods_in_memory_collections_other_namespaces_scalars_and_comments_are_not_documents()
    {
        var output = Run();
        var md = output.Markdown!;
        Assert.DoesNotContain("Traps.Run", md);
        Assert.DoesNotContain("Commented", md);
        Assert.DoesNotContain("Writer.Write", md);
        Assert.DoesNotContain("Billing.Numbers", md);
        Assert.DoesNotContain("`System.Int32` (Marten)", md);

        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("crud").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("store").GetString(), new[] { "MongoDB", "LiteDB", "Marten" }));
        Assert.Contains(rows, r => r.GetProperty("entity").GetString() == "Shop.Docs.Product" && r.GetProperty("api").GetString() == "ReplaceOneAsync (upsert)"
                                   && r.GetProperty("operation").GetString() == "Create");
    }

    [Fact]
    public void Entity_Framework_and_document_rows_of_one_type_stay_apart()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Both.cs", """
            using MongoDB.Driver;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
                public class Archive(ShopContext db, IMongoCollection<Shop.Domain.Order> archive)
                {
                    public void Move(Shop.Domain.Order o) { archive.InsertOne(o); db.Orders.Remove(o); }
                }
            }
            """)));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Domain.Order` |  |  |  | `Archive.Move` [Data/Both.cs:12](Data/Both.cs#L12) |", md);
        Assert.Contains("| `Shop.Domain.Order` (MongoDB) | `Archive.Move` [Data/Both.cs:12](Data/Both.cs#L12) |  |  |  |", md);
        Assert.Contains("| Entity | Create | Read | Update | Delete |", md);
    }

    [Fact]
    public void Aggregations_counts_and_existence_checks_are_reads()
    {
        const string code = """
            using System.Linq;
            using LiteDB;
            using MongoDB.Driver;
            namespace Shop.Docs
            {
                public class Product { public string Id { get; set; } = ""; public string Category { get; set; } = ""; }
                public class Shipment { public int Id { get; set; } public bool Sent { get; set; } }
                public class Reports(IMongoCollection<Product> products, ILiteCollection<Shipment> shipments)
                {
                    public object Categories() => products.Aggregate().Group(p => p.Category, g => new { g.Key, Count = g.Count() }).ToList();
                    public object Names() => products.Distinct(p => p.Category, p => true).ToList();
                    public long Total() => products.EstimatedDocumentCount();
                    public int Pending() => shipments.Count(x => !x.Sent);
                    public bool Any(int id) => shipments.Exists(x => x.Id == id);
                    // Traps: the same names on in-memory sequences.
                    public int InMemory(List<Shipment> list) => list.Count(x => x.Sent) + list.Distinct().Count();
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Docs/Reports.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Docs.Product` (MongoDB) |  | `Reports.Categories` [Docs/Reports.cs:15](Docs/Reports.cs#L15)<br>`Reports.Names` [Docs/Reports.cs:16](Docs/Reports.cs#L16)<br>`Reports.Total` [Docs/Reports.cs:17](Docs/Reports.cs#L17) |  |  |", md);
        Assert.Contains("| `Shop.Docs.Shipment` (LiteDB) |  | `Reports.Pending` [Docs/Reports.cs:18](Docs/Reports.cs#L18)<br>`Reports.Any` [Docs/Reports.cs:19](Docs/Reports.cs#L19) |  |  |", md);
        Assert.DoesNotContain("Reports.InMemory", md);
    }

    [Fact]
    public void A_Marten_document_read_as_json_by_id_is_a_read()
    {
        // The Marten audit: GetCustomerIncidentsSummary reads its document only through session.Json.
        var output = GeneratorHarness.Run(Sources.With(("Docs/Summaries.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Marten;
            namespace Shop.Docs
            {
                public class Summary { public Guid Id { get; set; } }
                public class Summaries(IQuerySession session)
                {
                    public Task<string?> Json(Guid id) => session.Json.FindByIdAsync<Summary>(id);
                    public Task<bool> Stream(Guid id, Stream into) => session.Json.StreamById<Summary>(id, into);
                }
                // Trap: a project's own FindByIdAsync.
                public class Finder { public Task<string?> FindByIdAsync<T>(Guid id) => Task.FromResult<string?>(null); }
                public class Other(Finder finder) { public Task<string?> Run(Guid id) => finder.FindByIdAsync<Summary>(id); }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var reads = Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
            .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("operation").GetString() + " | " + c.GetProperty("api").GetString() + " | " + c.GetProperty("member").GetString()).ToArray();
        Assert.Equal(["Shop.Docs.Summary | Read | FindByIdAsync | Summaries.Json", "Shop.Docs.Summary | Read | StreamById | Summaries.Stream"], reads);
    }

    [Fact]
    public void Mongo_upsert_options_held_in_a_readonly_field_or_a_local_make_a_create_and_an_update()
    {
        // Squidex keeps its options in static readonly fields of a base class (another file): its upserts read as updates only.
        var output = GeneratorHarness.Run(Sources.With(
            ("Data/MongoBase.cs", """
                using MongoDB.Driver;
                namespace Shop.Data
                {
                    public abstract class MongoBase
                    {
                        protected static readonly ReplaceOptions Upsert = new() { IsUpsert = true };
                        protected static readonly ReplaceOptions Plain = new();
                    }
                }
                """),
            ("Data/Cache.cs", """
                using System.Threading.Tasks;
                using MongoDB.Driver;
                namespace Shop.Data
                {
                    public class Entry { public string Id { get; set; } = ""; }
                    public class Note { public string Id { get; set; } = ""; }
                    public class Other { public string Id { get; set; } = ""; }
                    public class Cache(IMongoCollection<Entry> entries, IMongoCollection<Note> notes, IMongoCollection<Other> others) : MongoBase
                    {
                        public Task Set(Entry e) => entries.ReplaceOneAsync(x => x.Id == e.Id, e, Upsert);
                        public Task Write(Note n)
                        {
                            var options = new ReplaceOptions { IsUpsert = true };
                            return notes.ReplaceOneAsync(x => x.Id == n.Id, n, options);
                        }
                        public Task Replace(Other o) => others.ReplaceOneAsync(x => x.Id == o.Id, o, Plain);
                    }
                }
                """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var rows = Json.Parse(output.Json).GetProperty("crud").EnumerateArray()
            .Select(c => c.GetProperty("entity").GetString() + " | " + c.GetProperty("operation").GetString() + " | " + c.GetProperty("api").GetString()).ToArray();
        Assert.Equal(
        [
            "Shop.Data.Entry | Create | ReplaceOneAsync (upsert)", "Shop.Data.Entry | Update | ReplaceOneAsync (upsert)",
            "Shop.Data.Note | Create | ReplaceOneAsync (upsert)", "Shop.Data.Note | Update | ReplaceOneAsync (upsert)",
            "Shop.Data.Other | Update | ReplaceOneAsync",
        ], rows);
    }
}
