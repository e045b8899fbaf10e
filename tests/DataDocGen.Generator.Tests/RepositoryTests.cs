using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 1.3's repositories: named like one, confirmed by a data-access dependency, with entities and registrations.</summary>
public class RepositoryTests
{
    private const string Code = """
        using System.Data;
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

            public interface IRepository<T> where T : class { Task<List<T>> List(); }
            public interface IOrderRepository { Task<Order?> Find(int id); }
            public interface IUnitOfWork { Task<int> Commit(); }

            public class Repository<T>(ShopContext db) : IRepository<T> where T : class
            {
                public Task<List<T>> List() => db.Set<T>().ToListAsync();
            }

            public class OrderRepository : IOrderRepository
            {
                private readonly ShopContext _db;
                public OrderRepository(ShopContext db) => _db = db;
                public Task<Order?> Find(int id) => _db.Orders.FirstOrDefaultAsync(o => o.Id == id);
                public int CountCustomers() => _db.Customers.Count();
            }

            public class ReportRepository(IDbConnection connection)
            {
                public IDbConnection Connection => connection;
            }

            public interface IConnectionFactory { IDbConnection Create(); }
            public class StockRepository(IConnectionFactory connections)
            {
                public int Count() { using var connection = connections.Create(); return 0; }
            }

            public class UnitOfWork(ShopContext db) : IUnitOfWork
            {
                public Task<int> Commit() => db.SaveChangesAsync();
            }

            // Traps: named like a repository, touching no data; a DTO repository of strings.
            public class InMemoryRepository { private readonly List<Order> _orders = new(); public void Add(Order o) => _orders.Add(o); }
            public class RepositoryOptions { public string Name { get; set; } = ""; }

            public static class Registration
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddScoped<IOrderRepository, OrderRepository>();
                    services.AddScoped(typeof(IRepository<>), typeof(Repository<>));
                    services.AddTransient<ReportRepository>();
                    services.AddScoped<IUnitOfWork, UnitOfWork>();
                    services.AddSingleton<InMemoryRepository>();
                }
            }
        }
        """;

    [Fact]
    public void Repositories_are_listed_with_entities_data_access_and_registrations()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Repositories.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Repositories and units of work", md);
        Assert.Contains("| `Shop.Data.OrderRepository` | repository | `IOrderRepository` | `Shop.Domain.Customer`, `Shop.Domain.Order` | ShopContext (EF Core) | no | `AddScoped<IOrderRepository, OrderRepository>` (scoped) [Data/Repositories.cs:59](Data/Repositories.cs#L59) | [Data/Repositories.cs:27](Data/Repositories.cs#L27) |", md);
        Assert.Contains("| `Shop.Data.Repository<T>` | generic repository | `IRepository<T>` | `T (type parameter)` | ShopContext (EF Core) | no | `AddScoped<IRepository<>, Repository<>>` (scoped)", md);
        Assert.Contains("| `Shop.Data.ReportRepository` | repository |  |  | IDbConnection (ADO.NET) |  | `AddTransient<ReportRepository>` (transient)", md);
        Assert.Contains("| `Shop.Data.UnitOfWork` | unit of work | `IUnitOfWork` |  | ShopContext (EF Core) | yes | `AddScoped<IUnitOfWork, UnitOfWork>` (scoped)", md);
        Assert.Contains("| `Shop.Data.StockRepository` | repository |  |  | IConnectionFactory (connection factory, ADO.NET) |  |  |", md);
        Assert.DoesNotContain("InMemoryRepository", md);
        Assert.DoesNotContain("RepositoryOptions", md);
    }

    [Fact]
    public void A_repository_that_opens_its_connection_or_gets_its_context_in_its_methods_is_listed()
    {
        // bitwarden's shapes: Dapper repositories open a SqlConnection from a connection string in each method; EF Core
        // ones get the context from a service scope. Neither holds a data-access type in a field.
        var output = GeneratorHarness.Run(Sources.With(("Data/Repositories.cs", """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Dapper;
            using Microsoft.Data.SqlClient;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
                public interface IOrderRepository { Task<int> Count(); }
                public class OrderRepository(string connectionString) : IOrderRepository
                {
                    public async Task<int> Count()
                    {
                        using (var connection = new SqlConnection(connectionString))
                        {
                            return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Orders");
                        }
                    }
                }
                public class CustomerRepository(IServiceScopeFactory scopes)
                {
                    public async Task<int> Count()
                    {
                        using var scope = scopes.CreateScope();
                        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
                        return await db.Orders.CountAsync();
                    }
                }
                // Trap: named like a repository; its locals hold no data-access type.
                public class NameRepository { public string First() { var names = new[] { "a" }; return names[0]; } }
                // bitwarden's shape: the interface's T is a domain object and TId a key; the entity is TEntity, read through a method.
                public interface IRepository<T, TId> { Task<T?> Get(TId id); }
                public abstract class Repository<T, TEntity, TId>(IServiceScopeFactory scopes) : IRepository<T, TId> where T : class where TEntity : class
                {
                    protected abstract DbSet<TEntity> Set(ShopContext db);
                    public async Task<T?> Get(TId id)
                    {
                        using var scope = scopes.CreateScope();
                        var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
                        await Set(db).FindAsync(id);
                        return null;
                    }
                }
                public interface ICustomerRepository : IRepository<Customer, int> { }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Shop.Data.OrderRepository` | repository | `IOrderRepository` |", md);
        Assert.Contains("| SqlConnection (ADO.NET) |", md);
        Assert.Contains("| `Shop.Data.CustomerRepository` | repository |  | `Shop.Domain.Order` | ShopContext (EF Core) |", md);
        Assert.DoesNotContain("NameRepository", md);
        Assert.Contains("| `Shop.Data.Repository<T, TEntity, TId>` | generic repository | `IRepository<T, TId>` |  | ShopContext (EF Core) |", md);
    }

    /// <summary>The eShopOnWeb audit: <c>EfRepository&lt;T&gt; : RepositoryBase&lt;T&gt;</c> (Ardalis), whose inherited
    /// <c>AddAsync</c> saves, was said not to call SaveChanges. A base class or another partial part is not read: not known.</summary>
    [Theory]
    [InlineData("public class OrderRepository(ShopContext db) : RepoBase<Order>(db) { public Order? Find(int id) => db.Orders.Find(id); }", "not known (its base class or other partial parts are not read)", null)]
    [InlineData("public partial class OrderRepository(ShopContext db) { public Order? Find(int id) => db.Orders.Find(id); } public partial class OrderRepository { public void Touch() { } }", "not known (its base class or other partial parts are not read)", null)]
    [InlineData("public class OrderRepository(ShopContext db) : RepoBase<Order>(db) { public void Save() => db.SaveChanges(); }", "yes", true)]
    [InlineData("public class OrderRepository(ShopContext db) { public Order? Find(int id) => db.Orders.Find(id); }", "no", false)]
    public void Whether_a_repository_saves_is_not_known_when_code_it_inherits_is_not_read(string repository, string cell, bool? json)
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Repositories.cs", """
            namespace Shop
            {
                public class Order { public int Id { get; set; } }
                public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) { public DbSet<Order> Orders => Set<Order>(); }
                public abstract class RepoBase<T>(ShopContext db) where T : class { public void Add(T entity) { db.Set<T>().Add(entity); db.SaveChanges(); } }
                REPOSITORY
            }
            """.Replace("REPOSITORY", repository))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Matches(@"\| `Shop\.OrderRepository` \| repository \|[^
]*\| ShopContext \(EF Core\) \| " + System.Text.RegularExpressions.Regex.Escape(cell) + @" \|", output.Markdown);
        var saves = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["repositories"]!.AsArray().Single(r => r!["class"]!.GetValue<string>() == "Shop.OrderRepository")!["savesChanges"];
        Assert.Equal(json, saves?.GetValue<bool>());
    }

    /// <summary>The Ombi audit: <c>Repository&lt;T&gt; : BaseRepository&lt;T, U&gt;</c>, whose base saves and is listed as
    /// saving in the same table, was "not known". A base repository of this project that saves makes it "yes", naming the base.</summary>
    [Fact]
    public void A_repository_saves_through_a_base_repository_of_this_project_that_saves()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Repositories.cs", """
            using System.Linq;
            namespace Shop
            {
                public class Order { public int Id { get; set; } }
                public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) { public DbSet<Order> Orders => Set<Order>(); }
                public abstract class BaseRepository<T>(ShopContext db) where T : class
                {
                    public int Save() => db.SaveChanges();
                }
                public class Repository<T>(ShopContext db) : BaseRepository<T>(db) where T : class { public IQueryable<T> All() => db.Set<T>(); }
                public class OrderRepository(ShopContext db) : Repository<Order>(db) { public Order? Find(int id) => db.Orders.Find(id); }
                // Trap: a base that does not save, and a base that is no repository, leave it not known.
                public abstract class ReadRepository<T>(ShopContext db) where T : class { public IQueryable<T> All() => db.Set<T>(); }
                public class CustomerRepository(ShopContext db) : ReadRepository<Order>(db) { public Order? Find(int id) => db.Orders.Find(id); }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Matches(@"\| `Shop\.Repository<T>` \| generic repository \|[^\n]*\| yes, in its base class `Shop\.BaseRepository<T>` \|", md);
        // Through two steps: OrderRepository : Repository<Order> : BaseRepository<T>.
        Assert.Matches(@"\| `Shop\.OrderRepository` \| repository \|[^\n]*\| yes, in its base class `Shop\.BaseRepository<T>` \|", md);
        Assert.Matches(@"\| `Shop\.CustomerRepository` \| repository \|[^\n]*\| not known \(its base class or other partial parts are not read\) \|", md);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["repositories"]!.AsArray();
        var order = json.Single(r => r!["class"]!.GetValue<string>() == "Shop.OrderRepository")!;
        Assert.True(order["savesChanges"]!.GetValue<bool>());
        Assert.Equal("Shop.BaseRepository<T>", order["savesChangesInBaseClass"]!.GetValue<string>());
    }

    [Fact]
    public void Sets_read_through_a_lambdas_parameter_are_the_repositorys_entities()
    {
        // SetMemberNames skips inferring e's type in e => e.Total (no member named Total is a set) but not db's in
        // db => db.Customers (a DbSet of that name is declared): the second is still found, the first claims nothing.
        var output = GeneratorHarness.Run(Sources.With(("Data/Repositories.cs", """
            using System;
            using System.Linq;
            using Shop.Domain;
            namespace Shop.Data
            {
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Customer> Customers => Set<Customer>();
                }
                public class ContextRunner(ShopContext db) { public T Run<T>(Func<ShopContext, T> work) => work(db); }
                public class CustomerRepository(ContextRunner runner, ShopContext context)
                {
                    public int Count() => runner.Run(db => db.Customers.Count());
                    public bool Any() => context.Database.CanConnect() && new[] { 1 }.Any(e => e.CompareTo(0) > 0);
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| `Shop.Data.CustomerRepository` | repository |  | `Shop.Domain.Customer` | ShopContext (EF Core) | no |", output.Markdown!);
    }

    [Fact]
    public void Specifications_are_listed_with_the_query_they_build()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Specs.cs", """
            using System.Linq;
            using Ardalis.Specification;
            using Shop.Domain;
            namespace Shop.Data
            {
                public sealed class RecentOrdersSpec : Specification<Order>
                {
                    public RecentOrdersSpec(int customerId, int page)
                    {
                        Query.Where(o => o.CustomerId == customerId).OrderByDescending(o => o.Id).Skip(page * 20).Take(20).AsNoTracking();
                    }
                }
                public sealed class OrderIdsSpec : Specification<Order, int>
                {
                    public OrderIdsSpec() { Query.Select(o => o.Id); }
                }
                // Trap: a class named like one, from elsewhere.
                public abstract class Specification { }
                public sealed class NotArdalis : Specification { }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Specifications", md);
        Assert.Contains("| `Shop.Data.RecentOrdersSpec` | `Shop.Domain.Order` |  | `Where(o => o.CustomerId == customerId)`<br>`OrderByDescending(o => o.Id)`<br>`Skip(page * 20)`<br>`Take(20)`<br>`AsNoTracking` |", md);
        Assert.Contains("| `Shop.Data.OrderIdsSpec` | `Shop.Domain.Order` | `int` | `Select(o => o.Id)` |", md);
        Assert.DoesNotContain("NotArdalis", md);
    }
    /// <summary>The eShopOnWeb audit: <c>BasketWithItemsSpecification</c> has one constructor by id and one by buyer; the
    /// steps were listed as one query (filtering on both). Each constructor's query is now shown on its own.</summary>
    [Fact]
    public void A_specification_built_by_several_constructors_shows_one_query_per_constructor()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Specs.cs", """
            using Ardalis.Specification;
            using Shop.Domain;
            namespace Shop.Data
            {
                public sealed class OrderSpec : Specification<Order>
                {
                    public OrderSpec(int id)
                    {
                        Query.Where(o => o.Id == id);
                    }
                    public OrderSpec(int customerId, bool recent)
                    {
                        Query.Where(o => o.CustomerId == customerId).Take(recent ? 5 : 50);
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Matches(@"\| `Shop\.Data\.OrderSpec` \| `Shop\.Domain\.Order` \|  \| one of, by constructor:<br>`\(int id\)` \[Data/Specs\.cs:\d+\]\(Data/Specs\.cs#L\d+\): `Where\(o => o\.Id == id\)`<br>`\(int customerId, bool recent\)` \[Data/Specs\.cs:\d+\]\(Data/Specs\.cs#L\d+\): `Where\(o => o\.CustomerId == customerId\)` `Take\(recent \? 5 : 50\)` \|", output.Markdown);
        var spec = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["specifications"]!.AsArray().Single()!;
        Assert.Empty(spec["query"]!.AsArray());
        Assert.Equal(["(int id)", "(int customerId, bool recent)"], spec["byConstructor"]!.AsArray().Select(a => a!["constructor"]!.GetValue<string>()));
    }
}
