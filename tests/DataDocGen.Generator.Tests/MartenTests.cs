using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Marten: the store with its connection and documents (1.1), and event sourcing (5.1).</summary>
public class MartenTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using JasperFx.Events.Projections;
        using Marten;
        using Marten.Events.Projections;
        namespace Shop.Carts
        {
            public record CartOpened(Guid Id);
            public record ItemAdded(Guid CartId, string Sku);
            public class Cart { public Guid Id { get; set; } public List<string> Items { get; set; } = new(); public void Apply(ItemAdded e) => Items.Add(e.Sku); }
            public class Customer { public Guid Id { get; set; } public string Email { get; set; } = ""; }
            public class CartSummary { public Guid Id { get; set; } }
            public class CartSummaryProjection : Marten.Events.Aggregation.SingleStreamProjection<CartSummary, Guid> { }

            public static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config) =>
                    services.AddMarten(options =>
                    {
                        options.Connection(config.GetConnectionString("Marten")!);
                        options.Schema.For<Customer>().Index(x => x.Email).UniqueIndex(x => x.Email);
                        options.Projections.Snapshot<Cart>(SnapshotLifecycle.Inline);
                        options.Projections.Add<CartSummaryProjection>(ProjectionLifecycle.Async);
                    }).UseLightweightSessions();
            }

            public class Carts(IDocumentSession session)
            {
                public async Task Open(Guid id)
                {
                    session.Events.StartStream<Cart>(id, new CartOpened(id));
                    session.Events.Append(id, new ItemAdded(id, "x"));
                    await session.SaveChangesAsync();
                }
                public Task<Cart?> Get(Guid id) => session.Events.AggregateStreamAsync<Cart>(id);
                public void Save(Customer customer) => session.Store(customer);
                public IQueryable<Customer> All() => session.Query<Customer>();
            }

            // Trap: same names, not Marten.
            public class Journal { public void Append(Guid id, object e) { } public void Store(object o) { } }
            public class Other(Journal journal) { public void Run() { journal.Append(Guid.Empty, new ItemAdded(Guid.Empty, "y")); journal.Store(1); } }
        }
        """;

    [Fact]
    public void Marten_store_documents_and_event_sourcing_are_reported()
    {
        var output = GeneratorHarness.Run(Sources.With(("Carts/Carts.cs", Code)),
            new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Marten": "Host=pg;Database=carts;Username=app;Password=Marten-Secret" } }""" });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| PostgreSQL (SQL) | Marten document and event store (Marten) | `AddMarten` | named connection string `Marten`", md);
        Assert.DoesNotContain("Marten-Secret", output.All);
        Assert.Contains("| Marten | document |  | `Shop.Carts.Customer` | index Email, unique index Email | `Setup.Add` |", md);
        Assert.Contains("| Marten | document |  | `Shop.Carts.Customer` | stored (Store) | `Carts.Save` |", md);
        Assert.Contains("| Marten | document |  | `Shop.Carts.Customer` | queried (Query) | `Carts.All` |", md);

        Assert.Contains("### 5.1 Event sourcing", md);
        Assert.Contains("| Marten | snapshot | `Shop.Carts.Cart` |  | Inline | `Setup.Add` |", md);
        Assert.Contains("| Marten | projection | `Shop.Carts.CartSummaryProjection` |  | Async | `Setup.Add` |", md);
        Assert.Contains("| Marten | stream started | `Shop.Carts.Cart` | `Shop.Carts.CartOpened` |  | `Carts.Open` |", md);
        Assert.Contains("| Marten | events appended |  | `Shop.Carts.ItemAdded` |  | `Carts.Open` |", md);
        Assert.Contains("| Marten | live aggregation | `Shop.Carts.Cart` |  | the aggregate is rebuilt from its events on every read | `Carts.Get` |", md);
        Assert.DoesNotContain("Other.Run", md);
        // The inline snapshot is written in the events' transaction; the async projection is not.
        Assert.Contains("Where events are appended, the inline projections (`Shop.Carts.Cart` (snapshot)) also write their documents in that transaction.", md);
    }

    [Fact]
    public void A_projection_added_as_an_instance_names_its_type_and_the_async_daemon_is_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Orders/Setup.cs", """
            using JasperFx.Events.Daemon;
            using JasperFx.Events.Projections;
            using Marten;
            using Marten.Events.Projections;
            namespace Shop.Orders
            {
                public record OrderPlaced(Guid OrderId, string CustomerId);
                public class CustomerHistory { public string Id { get; set; } = ""; public int Count { get; set; } }
                public class CustomerHistoryProjection : MultiStreamProjection<CustomerHistory, string>
                {
                    public CustomerHistoryProjection() => Identity<OrderPlaced>(e => e.CustomerId);
                    public void Apply(OrderPlaced e, CustomerHistory h) => h.Count++;
                }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddMarten(options =>
                        {
                            options.Connection("Host=pg;Database=orders");
                            options.DatabaseSchemaName = "orders";
                            new Settings().DatabaseSchemaName = "trap";
                            options.Projections.Add(new CustomerHistoryProjection(), ProjectionLifecycle.Async);
                        }).UseLightweightSessions().AddAsyncDaemon(DaemonMode.HotCold);
                }
                // Trap: a DatabaseSchemaName that is not Marten's StoreOptions'.
                public class Settings { public string DatabaseSchemaName { get; set; } = ""; }
                // Trap: an AddAsyncDaemon that is not Marten's.
                public static class Other { public static IServiceCollection AddAsyncDaemon(this IServiceCollection s, DaemonMode m) => s; public static void Run(IServiceCollection s) => s.AddAsyncDaemon(DaemonMode.Solo); }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // The instance's type (the row's projection column used to be blank).
        Assert.Contains("| Marten | projection | `Shop.Orders.CustomerHistoryProjection` |  | Async | `Setup.Add` |", md);
        Assert.Contains("| Marten | async daemon |  |  | runs the async projections (HotCold) | `Setup.Add` |", md);
        Assert.DoesNotContain("(Solo)", md);
        // The documents' schema and the kind of session injected.
        // The event store's tables follow DatabaseSchemaName unless Events.DatabaseSchemaName names another (Marten 9.58 checked).
        Assert.Contains("| Marten | schema | `orders` |  | the default schema of the documents' tables and of the event store's (`DatabaseSchemaName`) | `Setup.Add` |", md);
        Assert.DoesNotContain("`trap`", md);
        Assert.Contains("| Marten | sessions |  |  | injected `IDocumentSession`s are lightweight sessions (no identity map) (`UseLightweightSessions`) | `Setup.Add` |", md);
    }

    [Fact]
    public void An_event_store_schema_of_its_own_is_listed_apart_from_the_documents()
    {
        var output = GeneratorHarness.Run(Sources.With(("Setup.cs", """
            using Marten;
            using Microsoft.Extensions.DependencyInjection;
            namespace Shop
            {
                public static class Setup
                {
                    public static void Add(IServiceCollection services) =>
                        services.AddMarten(options =>
                        {
                            options.Connection("Host=pg;Database=orders");
                            options.DatabaseSchemaName = "docs";
                            options.Events.DatabaseSchemaName = "events";
                        });
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Marten | schema | `docs` |  | the default schema of the documents' tables (`DatabaseSchemaName`) | `Setup.Add` |", md);
        Assert.Contains("| Marten | schema | `events` |  | the schema of the event store's tables (`Events.DatabaseSchemaName`) | `Setup.Add` |", md);
    }

    [Fact]
    public void Options_handed_to_a_project_helper_are_read_there_and_a_run_time_schema_is_said_to_be_so()
    {
        // The Marten audit (oskardudycz's Helpdesk): all six projections were registered in options.ConfigureIncidents(),
        // an extension method in another file, and section 5.1 listed none; a schema name from an environment variable
        // gave no row and no reason.
        var output = GeneratorHarness.Run(Sources.With(
            ("Program.cs", """
                using System;
                using Desk.Tickets;
                using Marten;
                using Microsoft.Extensions.DependencyInjection;
                namespace Desk
                {
                    public static class Startup
                    {
                        public static void Add(IServiceCollection services) =>
                            services.AddMarten(sp =>
                            {
                                var options = new StoreOptions();
                                var schemaName = Environment.GetEnvironmentVariable("SchemaName") ?? "Desk";
                                options.Connection("Host=pg;Database=desk");
                                options.DatabaseSchemaName = schemaName;
                                options.ConfigureTickets();
                                Helpers.Unrelated(options.DatabaseSchemaName);
                                return options;
                            });
                    }
                    public static class Helpers { public static void Unrelated(string name) { } }
                }
                """),
            ("Tickets/Configuration.cs", """
                using JasperFx.Events.Projections;
                using Marten;
                using Marten.Events.Aggregation;
                namespace Desk.Tickets
                {
                    public record Opened(System.Guid Id);
                    public class Ticket { public System.Guid Id { get; set; } public void Apply(Opened e) { } }
                    public class TicketView { public System.Guid Id { get; set; } }
                    public class TicketViewProjection : SingleStreamProjection<TicketView, System.Guid> { public void Apply(Opened e, TicketView v) { } }
                    public static class Configuration
                    {
                        public static StoreOptions ConfigureTickets(this StoreOptions options)
                        {
                            options.Projections.Add<TicketViewProjection>(ProjectionLifecycle.Async);
                            options.Projections.LiveStreamAggregation<Ticket>();
                            options.Schema.For<TicketView>();
                            return options.ConfigureArchive();
                        }
                        private static StoreOptions ConfigureArchive(this StoreOptions options)
                        {
                            options.Events.DatabaseSchemaName = "archive";
                            return options;
                        }
                        // Never called: not configuration.
                        public static void Unused(StoreOptions options) => options.Projections.Add<TicketViewProjection>(ProjectionLifecycle.Inline);
                    }
                }
                """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Marten | projection | `Desk.Tickets.TicketViewProjection` |  | Async | `Configuration.ConfigureTickets` | [Tickets/Configuration.cs:19](Tickets/Configuration.cs#L19) |", md);
        Assert.Contains("| Marten | live aggregation | `Desk.Tickets.Ticket` |  | Live | `Configuration.ConfigureTickets` | [Tickets/Configuration.cs:20](Tickets/Configuration.cs#L20) |", md);
        Assert.Contains("| Marten | document |  | `Desk.Tickets.TicketView` |", md);
        Assert.DoesNotContain("| Inline |", md);
        // Two helpers deep; the documents' schema is known only at run time, and says so.
        Assert.Contains("| Marten | schema | `archive` |  | the schema of the event store's tables (`Events.DatabaseSchemaName`) | `Configuration.ConfigureArchive` |", md);
        Assert.Contains("| Marten | schema |  |  | the default schema of the documents' tables (`DatabaseSchemaName`): set at run time from `schemaName`, not a constant | `Startup.Add` | [Program.cs:20](Program.cs#L20) |", md);
    }

    private const string UnitOfWork = """
        using System.Threading.Tasks;
        using Marten;
        namespace Shop.Billing
        {
            public record InvoiceIssued(System.Guid Id);
            public class Invoice { public System.Guid Id { get; set; } }
            public class Account { public System.Guid Id { get; set; } }
            public class Ledger { public System.Guid Id { get; set; } }

            public class InvoiceRepository(IDocumentSession session, IDocumentSession audit)
            {
                public async Task Issue(Invoice invoice, Account account)
                {
                    session.Store(invoice);
                    session.Events.Append(invoice.Id, new InvoiceIssued(invoice.Id));
                    audit.Store(new Ledger());
                    System.Action later = () => session.Delete(account);
                    await session.SaveChangesAsync();
                    session.Insert(account);
                    await session.SaveChangesAsync();
                }
                public Task<Invoice?> Find(System.Guid id) => session.LoadAsync<Invoice>(id);
                public async Task IssueBoth(Invoice first, Invoice second)
                {
                    session.Store(first);
                    session.Store(second);
                    await session.SaveChangesAsync();
                }
            }

            // Traps: a SaveChangesAsync that is not Marten's, and EF Core's, are no unit-of-work rows.
            public class Fake { public Task SaveChangesAsync() => Task.CompletedTask; public void Store(Invoice i) { } }
            public class UsesFake(Fake fake) { public Task Run(Invoice i) { fake.Store(i); return fake.SaveChangesAsync(); } }
            public class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); }
            public class EfWriter(BillingContext db) { public Task Save() => db.SaveChangesAsync(); }
        }
        """;

    [Fact]
    public void SaveChanges_on_a_session_is_a_unit_of_work_listing_what_the_method_queued_on_that_session()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Invoices.cs", UnitOfWork)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("A Marten unit of work is a session's `SaveChanges[Async]`", md);
        Assert.DoesNotContain("inline projections", md);
        // The first commit: the document stored and the event appended on this session, not the other session's write
        // nor the delete inside a lambda; the second: only what was queued after the first.
        Assert.Contains("| `InvoiceRepository.Issue` | Marten unit of work | `SaveChangesAsync()` | Store Shop.Billing.Invoice (Marten); Events.Append (Shop.Billing.InvoiceIssued) |  | [Billing/Invoices.cs:23](Billing/Invoices.cs#L23) |", md);
        Assert.Contains("| `InvoiceRepository.Issue` | Marten unit of work | `SaveChangesAsync()` | Insert Shop.Billing.Account (Marten) |  | [Billing/Invoices.cs:25](Billing/Invoices.cs#L25) |", md);
        // Two documents stored, two operations: listed as the code queues them, repeats included, like other transactions' lists.
        Assert.Contains("| `InvoiceRepository.IssueBoth` | Marten unit of work | `SaveChangesAsync()` | Store Shop.Billing.Invoice (Marten); Store Shop.Billing.Invoice (Marten) |  | [Billing/Invoices.cs:32](Billing/Invoices.cs#L32) |", md);
        Assert.DoesNotContain("UsesFake", md);
        Assert.DoesNotContain("EfWriter", md);
    }

    [Fact]
    public void A_repository_over_a_Marten_session_is_data_access_with_the_documents_it_touches()
    {
        var md = GeneratorHarness.Run(Sources.With(("Billing/Invoices.cs", UnitOfWork))).Markdown!;
        Assert.Contains("| `Shop.Billing.InvoiceRepository` | repository |  | `Shop.Billing.Account`, `Shop.Billing.Invoice`, `Shop.Billing.Ledger` | IDocumentSession (Marten) | yes |", md);
    }

    [Fact]
    public void Events_queried_directly_from_the_store_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Desk/Grouping.cs", """
            using System.Linq;
            using System.Threading.Tasks;
            using Marten;
            namespace Desk
            {
                public record IncidentLogged(System.Guid Id, System.Guid CustomerId);
                public class Grouping(IQuerySession session)
                {
                    public async Task<int> Count() => await Marten.QueryableExtensions.CountAsync(session.Events.QueryRawEventDataOnly<IncidentLogged>());
                    public async Task<int> All() => await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
                }
                // Trap: a project's own Events.QueryRawEventDataOnly.
                public class Log { public Log Events => this; public int QueryRawEventDataOnly<T>() => 0; }
                public class Other(Log log) { public int Run() => log.Events.QueryRawEventDataOnly<IncidentLogged>(); }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Marten | events queried |  | `Desk.IncidentLogged` | the events of this type across streams, queried directly (`QueryRawEventDataOnly`) | `Grouping.Count` |", md);
        Assert.Contains("| Marten | events queried |  |  | every event of the store, queried directly (`QueryAllRawEvents`) | `Grouping.All` |", md);
        Assert.DoesNotContain("`Other.Run`", md);
    }
}
