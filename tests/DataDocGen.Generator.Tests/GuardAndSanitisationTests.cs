using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.3: guard clauses in entities' own code, and values sanitised as they are assigned, each confirmed by symbol.</summary>
public class GuardAndSanitisationTests
{
    private const string Code = """
        using Ardalis.GuardClauses;
        using Ganss.Xss;
        namespace Shop.Domain
        {
            public class Product
            {
                private string _name = "";
                public Product(string name, decimal price)
                {
                    ArgumentException.ThrowIfNullOrWhiteSpace(name);
                    ArgumentOutOfRangeException.ThrowIfNegative(price, "a message");
                    Name = name;
                    Price = price;
                }
                public int Id { get; set; }
                public string Name { get => _name; set => _name = value ?? throw new ArgumentNullException(nameof(value)); }
                public decimal Price { get; private set; }
                public int Stock { get; private set; }
                public string? Notes { get; set; }
                public bool Discontinued { get; private set; }

                public void Reserve(int quantity)
                {
                    if (quantity <= 0) throw new ArgumentOutOfRangeException(nameof(quantity));
                    if (Discontinued)
                    {
                        throw new InvalidOperationException("Discontinued products cannot be reserved.");
                    }
                    if (quantity > Stock) throw new InvalidOperationException();
                    Stock -= quantity;
                }

                public void Rename(string name)
                {
                    Guard.Against.NullOrEmpty(name, nameof(name), "Name is required");
                    Name = name;
                }

                public void Discontinue()
                {
                    // Not guards: a throw in a lambda runs later, a throw after other statements in a block is not an if-guard.
                    Action later = () => throw new InvalidOperationException();
                    Func<int, int> check = q => q > 0 ? q : throw new ArgumentException("bad");
                    if (Discontinued) { Stock = 0; throw new InvalidOperationException(); }
                    Discontinued = true;
                }
            }

            namespace Catalog
            {
                using CommunityToolkit.Diagnostics;
                public class Category
                {
                    public int Id { get; set; }
                    public string Title { get; private set; } = "";
                    public void Retitle(string title) { Guard.IsNotNullOrEmpty(title, nameof(title)); Title = title; }
                }
            }

            // Not an entity: its guards are not about stored data.
            public class PriceCalculator
            {
                private readonly object _rates;
                public PriceCalculator(object rates) { _rates = rates ?? throw new ArgumentNullException(nameof(rates)); }
            }
        }

        namespace Shop.Data
        {
            using Shop.Domain;
            public class ShopContext : DbContext
            {
                public DbSet<Product> Products => Set<Product>();
                public DbSet<Shop.Domain.Catalog.Category> Categories => Set<Shop.Domain.Catalog.Category>();
            }

            public class ProductService(ShopContext db, IHtmlSanitizer sanitizer)
            {
                public void Update(Product product, string notes, string name)
                {
                    product.Notes = sanitizer.Sanitize(notes);
                    var copy = new Draft { Text = System.Net.WebUtility.HtmlEncode(name) };
                    var shown = sanitizer.Sanitize(notes); // not stored: not listed
                    product.Name = (System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name));
                    db.SaveChanges();
                }
            }

            public class Draft { public string Text { get; set; } = ""; }
        }

        namespace Shop.Traps
        {
            // Look-alikes: a home-made Guard, a Sanitize that is no sanitiser, an exception-named helper.
            public static class Guard { public static void IsNotNull(object o) { } public static IGuard Against => null!; }
            public interface IGuard { }
            public static class GuardExtensions { public static void Null(this IGuard g, object o) { } }
            public class Cleaner { public string Sanitize(string s) => s; }
            public static class MyException { public static void ThrowIfNull(object o) { } }
            public class Widget
            {
                public string Text { get; set; } = "";
                public void Set(string text, Cleaner cleaner)
                {
                    Guard.IsNotNull(text);
                    Guard.Against.Null(text);
                    MyException.ThrowIfNull(text);
                    Text = cleaner.Sanitize(text);
                }
            }
            public class TrapContext : DbContext { public DbSet<Widget> Widgets => Set<Widget>(); }
        }
        """;

    [Fact]
    public void Guard_clauses_in_entities_are_listed_by_member_with_their_check()
    {
        var output = GeneratorHarness.Run(Sources.With(("Domain/Product.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Guard clauses in entities", md);
        Assert.Contains("| `Shop.Domain.Product` | `ctor` | argument check | `ArgumentException.ThrowIfNullOrWhiteSpace(name)` | `ArgumentException` | [Domain/Product.cs:", md);
        // A message argument is never printed: only the checked value.
        Assert.Contains("| `Shop.Domain.Product` | `ctor` | argument check | `ArgumentOutOfRangeException.ThrowIfNegative(price, …)` | `ArgumentOutOfRangeException` |", md);
        Assert.Contains("| `Shop.Domain.Product` | `Name.set` | argument check | `value is null` | `ArgumentNullException` |", md);
        Assert.Contains("| `Shop.Domain.Product` | `Reserve` | argument check | `quantity <= 0` | `ArgumentOutOfRangeException` |", md);
        Assert.Contains("| `Shop.Domain.Product` | `Reserve` | invariant (heuristic) | `Discontinued` | `InvalidOperationException` |", md);
        Assert.Contains("| `Shop.Domain.Product` | `Reserve` | invariant (heuristic) | `quantity > Stock` | `InvalidOperationException` |", md);
        Assert.Contains("| `Shop.Domain.Product` | `Rename` | argument check | `Guard.Against.NullOrEmpty(name, …)` | `Ardalis.GuardClauses` |", md);
        Assert.Contains("| `Shop.Domain.Catalog.Category` | `Retitle` | argument check | `Guard.IsNotNullOrEmpty(title, …)` | `CommunityToolkit.Diagnostics` |", md);
        Assert.DoesNotContain("`Discontinue`", md);
        Assert.DoesNotContain("PriceCalculator", md);
        Assert.DoesNotContain("Shop.Traps.Widget` | `Set`", md);
        Assert.DoesNotContain("Name is required", output.All);
        Assert.DoesNotContain("a message", output.All);
        Assert.Equal(8, CountRows(md, "#### Guard clauses in entities"));
        Assert.Contains("\"entityGuards\": [", output.Json);
        Assert.Contains("\"kind\": \"invariant\"", output.Json);
    }

    [Fact]
    public void Values_sanitised_as_they_are_assigned_to_members_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Domain/Product.cs", Code)));
        var md = output.Markdown!;
        Assert.Contains("#### Sanitisation", md);
        Assert.Contains("| `Shop.Domain.Product.Notes` | yes | `IHtmlSanitizer.Sanitize` | `ProductService.Update` | [Domain/Product.cs:", md);
        Assert.Contains("| `Shop.Data.Draft.Text` |  | `WebUtility.HtmlEncode` | `ProductService.Update` |", md);
        Assert.Contains("| `Shop.Domain.Product.Name` | yes | `HtmlEncoder.Encode` | `ProductService.Update` |", md);
        Assert.DoesNotContain("Cleaner", md);
        Assert.Equal(3, CountRows(md, "#### Sanitisation"));
    }

    [Fact]
    public void A_project_with_guards_only_outside_entities_prints_no_validation_section()
    {
        const string code = """
            namespace Shop.Services
            {
                public class Mailer
                {
                    private readonly object _client;
                    public Mailer(object client) { _client = client ?? throw new ArgumentNullException(nameof(client)); }
                    public void Send(string to) { ArgumentException.ThrowIfNullOrEmpty(to); if (to.Length > 100) throw new InvalidOperationException(); }
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Services/Mailer.cs", code)));
        Assert.DoesNotContain("2.3 Validation", output.Markdown ?? "");
        Assert.DoesNotContain("## 2. Data operations", output.Markdown ?? "");
        Assert.DoesNotContain("Mailer", output.Json ?? "");
    }

    [Fact]
    public void A_guard_is_a_write_to_an_instance_static_lookups_and_getters_are_none_and_conditional_throws_are_read()
    {
        // eShopOnContainers: OrderStatus.FromName/From (static lookups that throw for an unknown name) were listed as
        // invariants of the entity; Buyer's constructor checks its arguments with `cond ? value : throw`, which was not read.
        const string code = """
            using System.Linq;
            namespace Ordering.Domain
            {
                public class OrderingDomainException(string message) : Exception(message);
                public class Buyer
                {
                    private string? _display;
                    private bool _closed;
                    public Buyer(string identity, string name, int? rank)
                    {
                        IdentityGuid = !string.IsNullOrWhiteSpace(identity) ? identity : throw new ArgumentNullException(nameof(identity));
                        Name = name.Trim().Length > 0 ? name : throw new OrderingDomainException(nameof(name));
                        Rank = rank is null ? throw new ArgumentNullException(nameof(rank)) : rank.Value;
                        Code = (IsValid(name)) ? name : throw new OrderingDomainException(nameof(name));
                    }
                    public int Id { get; set; }
                    public string IdentityGuid { get; private set; }
                    public string Name { get; private set; }
                    public string Code { get; private set; }
                    public int Rank { get; private set; }
                    public void Rename(string name) => Name = name.Length <= 100 ? name : throw new ArgumentOutOfRangeException(nameof(name));
                    public string Nickname { get => _display ?? ""; set => _display = value.Length < 50 ? value : throw new ArgumentException(nameof(value)); }
                    // Getters guard a read, not a write.
                    public string Display => _display ?? throw new InvalidOperationException();
                    public string Status { get { if (_closed) throw new InvalidOperationException(); return "open"; } }
                    private static bool IsValid(string s) => s.Length > 0;
                }
                public class OrderStatus
                {
                    public static OrderStatus Submitted = new OrderStatus { Id = 1, Name = "submitted" };
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public static IEnumerable<OrderStatus> List() => new[] { Submitted };
                    public static OrderStatus FromName(string name)
                    {
                        var state = List().SingleOrDefault(s => string.Equals(s.Name, name, StringComparison.CurrentCultureIgnoreCase));
                        if (state == null)
                        {
                            throw new OrderingDomainException($"Possible values for OrderStatus: {string.Join(",", List().Select(s => s.Name))}");
                        }
                        return state;
                    }
                    public static OrderStatus From(int id) => List().SingleOrDefault(s => s.Id == id) ?? throw new OrderingDomainException(nameof(id));
                    public static OrderStatus Parse(string name) => name.Length > 0 ? FromName(name) : throw new ArgumentException(nameof(name));
                    public static OrderStatus Checked(string name) { ArgumentException.ThrowIfNullOrEmpty(name); return FromName(name); }
                    public static int Max { get => 6; set { if (value < 0) throw new ArgumentOutOfRangeException(nameof(value)); } }
                    static OrderStatus() { if (Submitted is null) throw new InvalidOperationException(); }
                    // An instance method of the same type is a write: listed.
                    public void Relabel(string name) { if (name.Length == 0) throw new OrderingDomainException(nameof(name)); Name = name; }
                }
            }
            namespace Ordering.Data
            {
                using Ordering.Domain;
                public class OrderingContext : DbContext
                {
                    public DbSet<Buyer> Buyers => Set<Buyer>();
                    public DbSet<OrderStatus> OrderStatus => Set<OrderStatus>();
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Domain/Ordering.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var start = md.IndexOf("#### Guard clauses in entities", StringComparison.Ordinal);
        Assert.True(start >= 0, md);
        var end = md.IndexOf("\n#", start + 5, StringComparison.Ordinal);
        var section = md[start..(end < 0 ? md.Length : end)];
        Assert.Contains("Checks in the entities' own constructors, instance methods and setters that throw before state changes (static members and getters write no entity and are left out).", section);
        // cond ? value : throw throws when cond is false: a negation is read through, anything else is negated.
        Assert.Contains("| `Ordering.Domain.Buyer` | `ctor` | argument check | `string.IsNullOrWhiteSpace(identity)` | `ArgumentNullException` | [Domain/Ordering.cs:16]", section);
        Assert.Contains("| `Ordering.Domain.Buyer` | `ctor` | invariant (heuristic) | `!(name.Trim().Length > 0)` | `OrderingDomainException` | [Domain/Ordering.cs:17]", section);
        Assert.Contains("| `Ordering.Domain.Buyer` | `ctor` | argument check | `rank is null` | `ArgumentNullException` | [Domain/Ordering.cs:18]", section);
        Assert.Contains("| `Ordering.Domain.Buyer` | `ctor` | invariant (heuristic) | `!IsValid(name)` | `OrderingDomainException` | [Domain/Ordering.cs:19]", section);
        Assert.Contains("| `Ordering.Domain.Buyer` | `Rename` | argument check | `!(name.Length <= 100)` | `ArgumentOutOfRangeException` |", section);
        Assert.Contains("| `Ordering.Domain.Buyer` | `Nickname.set` | argument check | `!(value.Length < 50)` | `ArgumentException` |", section);
        Assert.Contains("| `Ordering.Domain.OrderStatus` | `Relabel` | invariant (heuristic) | `name.Length == 0` | `OrderingDomainException` |", section);
        // Static members (a lookup, a factory, a static property's setter, the static constructor) and getters are no guards.
        foreach (var member in new[] { "FromName", "From", "Parse", "Checked", "Max.set", "ctor` | invariant (heuristic) | `Submitted is null", "Display", "Status" })
        {
            Assert.DoesNotContain("| `" + member, section);
        }
        Assert.Equal(7, CountRows(md, "#### Guard clauses in entities"));
    }

    private static int CountRows(string md, string heading)
    {
        var start = md.IndexOf(heading, StringComparison.Ordinal);
        var lines = md[start..].Split('\n').Skip(1).SkipWhile(l => !l.StartsWith("| ---", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("| ", StringComparison.Ordinal));
        return lines.Count();
    }
}
