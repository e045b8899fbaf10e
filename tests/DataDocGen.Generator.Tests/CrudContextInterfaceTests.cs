using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix through a context typed as an interface (Clean Architecture's
/// <c>IApplicationDbContext</c>): the save and the writes declared on the interface count when the project's one DbContext
/// implementing it runs DbContext's own methods for them.</summary>
public class CrudContextInterfaceTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore.ChangeTracking;
        using Shop.Domain;
        namespace Shop.Data
        {
            public interface IShopContext
            {
                DbSet<Customer> Customers { get; }
                DbSet<Order> Orders { get; }
                EntityEntry<TEntity> Add<TEntity>(TEntity entity) where TEntity : class;
                Task<int> SaveChangesAsync(CancellationToken cancellationToken);
            }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options), IShopContext
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public class RenameCustomer(IShopContext context, ShopContext db)
            {
                public async Task Handle(int id, string name, CancellationToken ct)
                {
                    var customer = await context.Customers.FindAsync(new object[] { id }, ct);
                    customer!.Name = name;
                    await context.SaveChangesAsync(ct);
                }

                public void Place(Order order) => context.Add(order);

                public async Task Direct(int id, string name)
                {
                    var customer = await db.Customers.FindAsync(id);
                    customer!.Name = name;
                    await db.SaveChangesAsync();
                }
            }
        }
        """;

    private const string Traps = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore.ChangeTracking;
        namespace Shop.Data
        {
            public class Invoice { public int Id { get; set; } public string Note { get; set; } = ""; }
            public class Tag { public int Id { get; set; } public string Label { get; set; } = ""; }
            public class Note { public int Id { get; set; } public string Text { get; set; } = ""; }

            // Two contexts implement it: which one saves is not known.
            public interface IBilling { DbSet<Invoice> Invoices { get; } Task<int> SaveChangesAsync(CancellationToken ct); EntityEntry<T> Add<T>(T entity) where T : class; }
            public class BillingContext(DbContextOptions<BillingContext> o) : DbContext(o), IBilling { public DbSet<Invoice> Invoices => Set<Invoice>(); }
            public class ArchiveContext(DbContextOptions<ArchiveContext> o) : DbContext(o), IBilling { public DbSet<Invoice> Invoices => Set<Invoice>(); }

            // The context implements the save itself, explicitly: it is not DbContext's SaveChangesAsync.
            public interface ITagging { DbSet<Tag> Tags { get; } Task<int> SaveChangesAsync(CancellationToken ct); }
            public class TagContext(DbContextOptions<TagContext> o) : DbContext(o), ITagging
            {
                public DbSet<Tag> Tags => Set<Tag>();
                Task<int> ITagging.SaveChangesAsync(CancellationToken ct) => Task.FromResult(0);
            }

            // A project's own unit of work with look-alike names, implemented by no DbContext.
            public interface INotes { DbSet<Note> Notes { get; } Task<int> SaveChangesAsync(CancellationToken ct); void Add<T>(T entity); }
            public class NoteStore(NoteContext db) : INotes
            {
                public DbSet<Note> Notes => db.Notes;
                public Task<int> SaveChangesAsync(CancellationToken ct) => Task.FromResult(0);
                public void Add<T>(T entity) { }
            }
            public class NoteContext(DbContextOptions<NoteContext> o) : DbContext(o) { public DbSet<Note> Notes => Set<Note>(); }

            // One DbContext implements it, and so does an in-memory double of the project: either may run.
            public class Ledger { public int Id { get; set; } public string Memo { get; set; } = ""; }
            public interface ILedger { DbSet<Ledger> Ledgers { get; } Task<int> SaveChangesAsync(CancellationToken ct); EntityEntry<T> Add<T>(T entity) where T : class; }
            public class LedgerContext(DbContextOptions<LedgerContext> o) : DbContext(o), ILedger { public DbSet<Ledger> Ledgers => Set<Ledger>(); }
            public class InMemoryLedger(LedgerContext db) : ILedger
            {
                public DbSet<Ledger> Ledgers => db.Ledgers;
                public Task<int> SaveChangesAsync(CancellationToken ct) => Task.FromResult(0);
                public EntityEntry<T> Add<T>(T entity) where T : class => null!;
            }

            public class Handlers(IBilling billing, ITagging tagging, INotes notes, ILedger ledger)
            {
                public async Task Post(int id, CancellationToken ct)
                {
                    var entry = await ledger.Ledgers.FindAsync(new object[] { id }, ct);
                    entry!.Memo = "posted";
                    ledger.Add(new Ledger());
                    await ledger.SaveChangesAsync(ct);
                }

                public async Task Bill(int id, CancellationToken ct)
                {
                    var invoice = await billing.Invoices.FindAsync(new object[] { id }, ct);
                    invoice!.Note = "billed";
                    billing.Add(new Invoice());
                    await billing.SaveChangesAsync(ct);
                }

                public async Task Tag(int id, CancellationToken ct)
                {
                    var tag = await tagging.Tags.FindAsync(new object[] { id }, ct);
                    if (tag == null) return;
                    tag.Label = "x"; // then tagging.SaveChangesAsync, as a comment says
                    await tagging.SaveChangesAsync(ct);
                }

                public async Task Write(int id, CancellationToken ct)
                {
                    var note = await notes.Notes.FindAsync(new object[] { id }, ct);
                    if (note == null) return;
                    note.Text = "x";
                    notes.Add(new Note());
                    await notes.SaveChangesAsync(ct);
                }
            }
        }
        """;

    private static string Row(string md, string entity) =>
        md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n').First(l => l.StartsWith("| `" + entity + "` |", StringComparison.Ordinal));

    [Fact]
    public void A_save_and_an_add_through_an_interface_the_one_DbContext_implements_are_the_contexts()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var customer = Row(output.Markdown!, "Shop.Domain.Customer").Split(" | ");
        // Handle saves through the interface; Direct sets the property after a null-forgiving ! on the class-typed context.
        Assert.Equal("`RenameCustomer.Handle` [Data/Shop.cs:31](Data/Shop.cs#L31)<br>`RenameCustomer.Direct` [Data/Shop.cs:40](Data/Shop.cs#L40)", customer[3]);
        Assert.Equal("`RenameCustomer.Place` [Data/Shop.cs:35](Data/Shop.cs#L35)", Row(output.Markdown!, "Shop.Domain.Order").Split(" | ")[1]);
    }

    [Fact]
    public void An_interface_two_contexts_or_none_implement_or_an_explicit_save_or_a_double_is_not_the_contexts()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Traps.cs", Traps)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        foreach (var entity in new[] { "Shop.Data.Invoice", "Shop.Data.Tag", "Shop.Data.Note", "Shop.Data.Ledger" })
        {
            var cells = Row(md, entity).Split(" | ");
            // Read through the DbSet, never created or updated.
            Assert.Equal("", cells[1].Trim());
            Assert.Contains("`Handlers.", cells[2]);
            Assert.Equal("", cells[3].Trim());
        }
    }
}
