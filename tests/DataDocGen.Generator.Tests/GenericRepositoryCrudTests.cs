using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1: a call to a generic repository of the project with a concrete entity is attributed to that entity,
/// at the call, through the repository method whose own code makes the type parameter's row.</summary>
public class GenericRepositoryCrudTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public interface IRepository<T> where T : class
            {
                Task<List<T>> ListAsync();
                void Add(T entity);
                void AddMany(IEnumerable<T> entities);
                void Remove(T entity);
                void AddAndLog(T entity);
            }

            public class Repository<T>(ShopContext db) : IRepository<T> where T : class
            {
                public Task<List<T>> ListAsync() => db.Set<T>().AsNoTracking().ToListAsync();
                public void Add(T entity) => db.Set<T>().Add(entity);
                public void AddMany(IEnumerable<T> entities) => db.Set<T>().AddRange(entities);
                public void Remove(T entity) => db.Set<T>().Remove(entity);
                public void AddAndLog(T entity) { Add(entity); System.Console.WriteLine("added"); }
            }

            public class Store(ShopContext db)
            {
                public void Insert<TEntity>(TEntity entity) where TEntity : class => db.Set<TEntity>().Add(entity);
            }

            public class OrderService(IRepository<Order> orders, Repository<Customer> customers, Store store)
            {
                public void Place(Order order) => orders.Add(order);
                public Task<List<Order>> All() => orders.ListAsync();
                public void Cancel(Order order) => orders.Remove(order);
                public void Import(List<Order> batch) => orders.AddMany(batch);
                public void Register(Customer customer) => customers.Add(customer);
                public void Keep(Customer customer) => store.Insert(customer);
                public void PlaceAndLog(Order order) => orders.AddAndLog(order);
                // public void Commented(Customer customer) => customers.Remove(customer);
            }
        }
        """;

    private const string Traps = """
        using System.Linq;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public interface IStore<T> where T : class { void Add(T entity); }
            public class SqlStore<T>(ShopContext db) : IStore<T> where T : class { public void Add(T entity) => db.Set<T>().Add(entity); }
            public class OtherStore<T>(ShopContext db) : IStore<T> where T : class { public void Add(T entity) => db.Set<T>().Add(entity); }

            public class Repository<T>(ShopContext db) where T : class { public void Add(T entity) => db.Set<T>().Add(entity); }

            public class Box<T> { public void Add(T item) { } public int Count() => 0; }

            public class Traps(IStore<Order> stores, Box<Order> box, Repository<Customer> customers)
            {
                public void TwoImplementations(Order order) => stores.Add(order);
                public void InMemory(List<Order> orders, Order order) => orders.Add(order);
                public void NotARepository(Order order) { box.Add(order); box.Count(); }
                public void Generic<TEntity>(Repository<TEntity> repository, TEntity entity) where TEntity : class => repository.Add(entity);
                // public void Commented(Customer customer) => customers.Add(customer);
            }
        }
        """;

    /// <summary>The line of <paramref name="marker"/> in the file as compiled (<see cref="Sources.With"/> prepends 5 lines).</summary>
    private static int Line(string code, string marker)
    {
        var index = code.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, marker);
        return code.Substring(0, index).Count(c => c == '\n') + 1 + 5;
    }

    private static string Link(string code, string marker)
    {
        var line = Line(code, marker);
        return "[Data/Shop.cs:" + line + "](Data/Shop.cs#L" + line + ")";
    }

    [Fact]
    public void Calls_with_a_concrete_entity_are_attributed_to_it_through_the_repository_method()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // Interface-typed receiver (IRepository<Order>): the one implementation's rows, at the call site.
        Assert.Contains("| `Shop.Domain.Order` | `OrderService.Place` " + Link(Code, "orders.Add(order)") + " through `Repository.Add`<br>"
                        + "`OrderService.Import` " + Link(Code, "orders.AddMany(batch)") + " through `Repository.AddMany` | "
                        + "`OrderService.All` " + Link(Code, "orders.ListAsync()") + " through `Repository.ListAsync` |  | "
                        + "`OrderService.Cancel` " + Link(Code, "orders.Remove(order)") + " through `Repository.Remove` |", md);
        // Class-typed receiver (Repository<Customer>), and a repository whose generic method takes the entity (Insert<TEntity>).
        Assert.Contains("| `Shop.Domain.Customer` | `OrderService.Register` " + Link(Code, "customers.Add(customer)") + " through `Repository.Add`<br>"
                        + "`OrderService.Keep` " + Link(Code, "store.Insert(customer)") + " through `Store.Insert` |  |  |  |", md);
        // The type parameters' rows stay: they document the repositories themselves.
        Assert.Contains("| `T of Repository<T>` (any entity) | `Repository.Add` " + Link(Code, "db.Set<T>().Add(entity)") + "<br>`Repository.AddMany` ", md);
        Assert.Contains("| `TEntity of Insert` (any entity) | `Store.Insert` ", md);
        // Bulk follows the repository's row.
        Assert.Contains("| `OrderService.Import` | `Shop.Domain.Order` | create | `AddRange` through `Repository.AddMany` | " + Link(Code, "orders.AddMany(batch)") + " |", md);
        // One level only: AddAndLog calls Add, its own body makes no row; commented-out code is not code.
        Assert.DoesNotContain("PlaceAndLog", md);
        Assert.DoesNotContain("Commented", md);
        using var json = JsonDocument.Parse(output.Json!);
        var rows = json.RootElement.GetProperty("crud").EnumerateArray().ToList();
        var place = Assert.Single(rows, r => r.GetProperty("member").GetString() == "OrderService.Place");
        Assert.Equal("Shop.Domain.Order", place.GetProperty("entity").GetString());
        Assert.Equal("Entity", place.GetProperty("target").GetString());
        Assert.Equal("Create", place.GetProperty("operation").GetString());
        Assert.Equal("Add", place.GetProperty("api").GetString());
        Assert.Equal("Repository.Add", place.GetProperty("through").GetString());
        Assert.False(rows.Single(r => r.GetProperty("member").GetString() == "Repository.Add").TryGetProperty("through", out _));
    }

    [Fact]
    public void Two_implementations_in_memory_lists_other_generic_classes_and_open_type_arguments_give_nothing()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Traps)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        md = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal));
        // Each repository's own row is there...
        Assert.Contains("| `T of SqlStore<T>` (any entity) | `SqlStore.Add` ", md);
        Assert.Contains("| `T of OtherStore<T>` (any entity) | `OtherStore.Add` ", md);
        Assert.Contains("| `T of Repository<T>` (any entity) | `Repository.Add` ", md);
        // ...but no call is attributed to an entity: which store runs is not known, List<T> and Box<T> make no row, and
        // TEntity is the caller's own type parameter.
        Assert.DoesNotContain("| `Shop.Domain.Order` |", md);
        Assert.DoesNotContain("| `Shop.Domain.Customer` |", md);
        Assert.DoesNotContain(" through `", md);
        Assert.DoesNotContain("Traps.", md);
        using var json = JsonDocument.Parse(output.Json!);
        Assert.DoesNotContain(json.RootElement.GetProperty("crud").EnumerateArray(), r => r.TryGetProperty("through", out _));
    }

    private const string Specifications = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Ardalis.Specification;
        using Shop.Domain;
        namespace Shop.Data
        {
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                public DbSet<Customer> Customers => Set<Customer>();
            }

            public interface IRepository<T> where T : class
            {
                Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);
            }

            public class Repository<T>(ShopContext db) : IRepository<T> where T : class
            {
                public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
                {
                    var query = WhereEvaluator.Instance.GetQuery(db.Set<T>(), specification);
                    query = OrderEvaluator.Instance.GetQuery(query, specification);
                    if (specification.AsNoTracking) query = query.AsNoTracking();
                    return query.ToListAsync(cancellationToken);
                }
            }

            public sealed class BigOrders : Specification<Order> { public BigOrders() => Query.Where(o => o.Id > 100); }

            public class OrderQueries(ShopContext db, IRepository<Order> orders)
            {
                public Task<List<Order>> Big() => orders.ListAsync(new BigOrders());

                public Task<int> CountFrom(int from, bool recent)
                {
                    var query = db.Orders.Where(o => o.Id >= from);
                    if (recent) query = query.OrderByDescending(o => o.Id).Take(10);
                    return query.CountAsync();
                }

                // Traps: a list in memory, a query from a parameter or from a project method, a query reassigned by ref.
                public int InMemory()
                {
                    var list = db.Customers.ToList();
                    return list.Count();
                }
                public int FromParameter(IQueryable<Customer> source) { var query = source.Where(c => c.Id > 1); return query.Count(); }
                public int FromMethod() { var query = Customers(); return query.Count(); }
                public int ByRef() { var query = db.Customers.AsQueryable(); Narrow(ref query); return query.Count(); }
                private IQueryable<Customer> Customers() => Enumerable.Empty<Customer>().AsQueryable();
                private static void Narrow(ref IQueryable<Customer> query) => query = query.Where(c => c.Id > 1);
            }
        }
        """;

    [Fact]
    public void A_query_held_in_a_local_is_read_where_it_runs_through_ardalis_evaluators_too()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", Specifications)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        md = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal));
        // The repository's ListAsync reads T where the query runs (not where the evaluators compose it), and the call with a
        // specification of Order reads Order through it.
        Assert.Contains("| `T of Repository<T>` (any entity) |  | `Repository.ListAsync` " + Link(Specifications, "query.ToListAsync(cancellationToken)") + " |  |  |", md);
        Assert.Contains("`OrderQueries.Big` " + Link(Specifications, "orders.ListAsync(new BigOrders())") + " through `Repository.ListAsync`", md);
        // A concrete query composed in a local: read where it is declared (as before) and where it runs.
        Assert.Contains("`OrderQueries.CountFrom` " + Link(Specifications, "db.Orders.Where(o => o.Id >= from)") + ", " + Link(Specifications, "query.CountAsync()"), md);
        // Customers: only the ToList and AsQueryable lines; no count of a list in memory, of a parameter's or a method's query, or
        // of a local a ref argument may change.
        Assert.Contains("| `Shop.Domain.Customer` |  | `OrderQueries.InMemory` " + Link(Specifications, "db.Customers.ToList()") + "<br>`OrderQueries.ByRef` " + Link(Specifications, "db.Customers.AsQueryable()") + " |  |  |", md);
        Assert.DoesNotContain("FromParameter", md);
        Assert.DoesNotContain("FromMethod", md);
        Assert.DoesNotContain(Link(Specifications, "list.Count()"), md);
    }

    /// <summary>A background job's steps name the entity of a generic repository call, and the repository method it goes
    /// through; the type parameter's row reached through the same call is not repeated.</summary>
    [Fact]
    public void A_job_step_through_a_generic_repository_names_the_entity()
    {
        const string job = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                }
                public interface IRepository<T> where T : class { void Add(T entity); }
                public class Repository<T>(ShopContext db) : IRepository<T> where T : class { public void Add(T entity) => db.Set<T>().Add(entity); }
                public class OrderService(IRepository<Order> orders) { public void Place(Order order) => orders.Add(order); }
                public sealed class Importer(IRepository<Order> orders, OrderService service) : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        orders.Add(new Order());
                        service.Place(new Order());
                        return Task.CompletedTask;
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", job)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| `Shop.Data.Importer` | BackgroundService |  | creates `Shop.Domain.Order` with `Add` through `Repository.Add` " + Link(job, "orders.Add(new Order())")
                        + "<br>creates `Shop.Domain.Order` with `Add` through `OrderService.Place → Repository.Add` " + Link(job, "service.Place(new Order())") + " |", output.Markdown!);
    }

    /// <summary>A generic method on an interface runs its one implementation's body; a virtual method a subclass overrides
    /// may run either body: not attributed.</summary>
    [Fact]
    public void A_generic_interface_method_is_followed_to_its_implementation_and_an_overridden_virtual_method_is_not()
    {
        const string code = """
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public interface IStore { void Save<TEntity>(TEntity entity) where TEntity : class; }
                public class Store(ShopContext db) : IStore { public void Save<TEntity>(TEntity entity) where TEntity : class => db.Set<TEntity>().Add(entity); }
                public class Repository<T>(ShopContext db) where T : class { public virtual void Add(T entity) => db.Set<T>().Add(entity); }
                public class LoggingRepository<T>(ShopContext db) : Repository<T>(db) where T : class { public override void Add(T entity) { } }
                public class Service(IStore store, Repository<Customer> customers)
                {
                    public void Keep(Order order) => store.Save(order);
                    public void Register(Customer customer) => customers.Add(customer);
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/Shop.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        md = md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal));
        Assert.Contains("| `Shop.Domain.Order` | `Service.Keep` " + Link(code, "store.Save(order)") + " through `Store.Save` |  |  |  |", md);
        Assert.Contains("| `T of Repository<T>` (any entity) | `Repository.Add` ", md);
        Assert.DoesNotContain("Service.Register", md);
    }
}
