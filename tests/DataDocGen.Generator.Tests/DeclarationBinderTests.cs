using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Tests;

/// <summary>
/// DeclarationBinder answers the detectors' questions about body sites without binding bodies. Its answers must be the
/// binder's (the audit in <see cref="GeneratorHarness"/> checks that on every test's sources); these tests check that
/// it does answer for the shapes data-access code is made of, and declines where a name could mean something else.
/// </summary>
public sealed class DeclarationBinderTests
{
    private const string Repository = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Caching.Memory;
        using Microsoft.Extensions.DependencyInjection;
        namespace Shop
        {
            public class Order { public int Id { get; set; } public decimal Amount { get; set; } public string Name { get; set; } = ""; public List<Line> Lines { get; } = new(); }
            public class Line { public int Id { get; set; } }
            public sealed record OrderDto(int Id, string Name);
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
            public static class Keys { public const string Prefix = "order:"; }
            public sealed class OrderRepository(ShopContext db, IMemoryCache cache)
            {
                private readonly ShopContext _db = db;
                public Task<List<Order>> Recent() => db.Orders.AsNoTracking().Where(e => e.Amount > 0).OrderBy(e => e.Id).Take(20).ToListAsync();
                public Task<List<OrderDto>> Names() => db.Orders.Select(o => new OrderDto(o.Id, o.Name)).ToListAsync();
                public Task<Order?> Get(int id) => cache.GetOrCreateAsync($"{Keys.Prefix}{id}", entry => { entry.SlidingExpiration = TimeSpan.FromMinutes(5); return db.Orders.FirstOrDefaultAsync(e => e.Id == id); });
                public async Task Add(Order item)
                {
                    const string key = Keys.Prefix + "all";
                    await using var transaction = await _db.Database.BeginTransactionAsync();
                    _db.Orders.Add(item);
                    await _db.SaveChangesAsync();
                    await transaction.CommitAsync();
                    cache.Remove(key);
                    foreach (var order in await db.Orders.ToListAsync()) { var lines = order.Lines; }
                }
                public static void Register(IServiceCollection services) => services.AddScoped<OrderRepository, OrderRepository>();
            }
        }
        """;

    [Theory]
    [InlineData("db.Orders", "Microsoft.EntityFrameworkCore.DbSet<Shop.Order>")]
    [InlineData("db.Orders.AsNoTracking().Where(e => e.Amount > 0).OrderBy(e => e.Id)", "System.Linq.IOrderedQueryable<Shop.Order>")]
    [InlineData("db.Orders.AsNoTracking().Where(e => e.Amount > 0).OrderBy(e => e.Id).Take(20)", "System.Linq.IQueryable<Shop.Order>")]
    [InlineData("db.Orders.Select(o => new OrderDto(o.Id, o.Name))", "System.Linq.IQueryable<Shop.OrderDto>")]
    [InlineData("entry", "Microsoft.Extensions.Caching.Memory.ICacheEntry")]
    [InlineData("_db.Database", "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade")]
    [InlineData("transaction", "Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction")]
    [InlineData("item", "Shop.Order")]
    [InlineData("order", "Shop.Order")]
    [InlineData("order.Lines", "System.Collections.Generic.List<Shop.Line>")]
    public void Types_of_receivers_arguments_and_query_chains_come_from_declarations(string expression, string expected)
    {
        var (site, model) = Site(expression);
        var type = DeclarationBinder.TypeOf(site, model, default);
        Assert.NotNull(type);
        Assert.Equal(expected, type!.ToDisplayString());
        Assert.True(SymbolEqualityComparer.Default.Equals(type, model.GetTypeInfo(site).Type));
    }

    [Theory]
    [InlineData("cache.GetOrCreateAsync", "Microsoft.Extensions.Caching.Memory.CacheExtensions")]
    [InlineData("cache.Remove", "Microsoft.Extensions.Caching.Memory.IMemoryCache")]
    [InlineData("TimeSpan.FromMinutes", "System.TimeSpan")]
    [InlineData("_db.Orders.Add", "Microsoft.EntityFrameworkCore.DbSet<TEntity>")]
    [InlineData("services.AddScoped<OrderRepository, OrderRepository>", "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions")]
    public void Calls_resolve_to_their_declaring_type_without_binding(string call, string owner)
    {
        var (site, model) = Site(call + "(");
        var invocation = site.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().First();
        Assert.Equal(owner, DeclarationBinder.MethodOwner(invocation, model, default)?.OriginalDefinition.ToDisplayString());
        // TimeSpan.FromMinutes has overloads with other parameter names (double value, long minutes): only the owner is certain.
        if (!call.StartsWith("TimeSpan", StringComparison.Ordinal)) Assert.NotNull(DeclarationBinder.Method(invocation, model, default, exact: false));
    }

    [Theory]
    [InlineData("$\"{Keys.Prefix}{id}\"", null)]
    [InlineData("key", "order:all")]
    [InlineData("5", 5)]
    public void Constants_are_read_from_literals_and_const_declarations(string expression, object? expected)
    {
        var (site, model) = Site(expression);
        var constant = DeclarationBinder.ConstantOf(site, model, default);
        Assert.True(constant.Known);
        Assert.Equal(expected is not null, constant.IsConstant);
        Assert.Equal(expected, constant.Value);
    }

    [Fact]
    public void Names_that_could_mean_something_else_are_left_to_the_binder()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Traps.cs"] = """
                using System.Collections.Generic;
                namespace Shop
                {
                    public class Color { public static Color Red => new(); public int Shade { get; set; } }
                    public class Paint
                    {
                        public Color Color { get; set; } = new();
                        private readonly List<int> items = new();
                        public int Pick(object value, dynamic anything)
                        {
                            var shade = Color.Shade;
                            Take(default, "ab"u8);
                            if (value is List<int> items) return items.Count;
                            return anything.Length;
                        }
                        private static void Take(System.Threading.CancellationToken token, System.ReadOnlySpan<byte> bytes) { }
                    }
                }
                """,
        });
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var nodes = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().ToList();
        // `items` names the pattern variable in this method, not the field: declined.
        var items = nodes.OfType<IdentifierNameSyntax>().Single(n => n.Identifier.ValueText == "items" && n.Parent is MemberAccessExpressionSyntax);
        Assert.Null(DeclarationBinder.TypeOf(items, model, default));
        Assert.Null(DeclarationBinder.SymbolOf(items, model, default));
        // A dynamic receiver: declined.
        var length = nodes.OfType<MemberAccessExpressionSyntax>().Single(n => n.Name.Identifier.ValueText == "Length");
        Assert.Null(DeclarationBinder.TypeOf(length, model, default));
        // `default` takes its type from the parameter; a u8 literal is no string constant.
        var literals = nodes.OfType<LiteralExpressionSyntax>().Where(l => l.Parent is ArgumentSyntax).ToList();
        Assert.All(literals, l => Assert.Null(DeclarationBinder.TypeOf(l, model, default)));
        Assert.All(literals, l => Assert.False(DeclarationBinder.ConstantOf(l, model, default).IsConstant));
        // "Color Color": the property, as the binder says.
        var shade = nodes.OfType<MemberAccessExpressionSyntax>().Single(n => n.Name.Identifier.ValueText == "Shade");
        Assert.True(SymbolEqualityComparer.Default.Equals(DeclarationBinder.SymbolOf(shade, model, default), model.GetSymbolInfo(shade).Symbol));
        Assert.Empty(DeclarationBinderAudit.Mismatches(compilation));
    }


    /// <summary>A generic extension method called in static form, its type arguments inferred: DeclarationBinder leaves it
    /// to the binder rather than answer with an open receiver type (found by the orchestration tests on .NET 10).</summary>
    [Fact]
    public void A_generic_extension_called_in_static_form_is_left_to_the_binder()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Undo.cs"] = "using System; using System.Linq; using System.Collections.Generic; class Undo { void Run() { var undo = new List<Action>(); foreach (var a in Enumerable.Reverse(undo)) a(); var ok = Enumerable.Reverse<Action>(undo); } }",
        });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(DeclarationBinderAudit.Mismatches(compilation));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Undo.cs", StringComparison.Ordinal));
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => i.ToString().StartsWith("Enumerable.Reverse", StringComparison.Ordinal)).ToList();
        Assert.Null(DeclarationBinder.Method(calls[0], compilation.GetSemanticModel(tree), default, exact: false));
    }

    /// <summary>EF Core's <c>ThenInclude</c> after a collection include: the overload for a previous reference has the
    /// more specific receiver (<c>IIncludableQueryable&lt;Order, List&lt;Line&gt;&gt;</c>) but its lambda would take the
    /// list, where <c>l =&gt; l.Product</c> does not bind; the binder takes the overload for a previous collection.
    /// DeclarationBinder answered with the other one (found on Kavita's repositories).</summary>
    [Fact]
    public void ThenInclude_after_a_collection_include_is_not_taken_for_the_reference_overload()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Includes.cs"] = """
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.EntityFrameworkCore;
                namespace Shop
                {
                    public class Product { public int Id { get; set; } }
                    public class Line { public int Id { get; set; } public Product Product { get; set; } = null!; }
                    public class Order { public int Id { get; set; } public List<Line> Lines { get; set; } = new(); public Line First { get; set; } = null!; }
                    public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
                    public class Reads(ShopContext db)
                    {
                        public List<Order> Many() => db.Orders.Include(o => o.Lines).ThenInclude(l => l.Product).ToList();
                        public List<Order> One() => db.Orders.Include(o => o.First).ThenInclude(l => l.Product).ToList();
                    }
                }
                """,
        });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(DeclarationBinderAudit.Mismatches(compilation));
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Includes.cs", StringComparison.Ordinal));
        var model = compilation.GetSemanticModel(tree);
        var thenIncludes = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ThenInclude" }).ToList();
        // After a reference include the one overload that applies is still answered from declarations.
        Assert.Equal(model.GetSymbolInfo(thenIncludes[1]).Symbol, DeclarationBinder.Method(thenIncludes[1], model, default, exact: true), SymbolEqualityComparer.Default);
    }

    [Fact]
    public void The_audit_finds_no_disagreement_on_the_repository()
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["Repository.cs"] = Repository });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(DeclarationBinderAudit.Mismatches(compilation));
    }

    /// <summary>The samples are real applications: every C# file of each, compiled with the SDK's implicit usings, is
    /// a corpus where DeclarationBinder must agree with the binder wherever it answers, and must answer often.</summary>
    [Theory]
    [InlineData("ShopApi", 4500)]
    [InlineData("InventoryWorker", 380)]
    [InlineData("OrderEvents", 1300)]
    public void On_every_sample_it_answers_as_the_binder_does(string sample, int atLeast)
    {
        var folder = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "samples", sample));
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
        sources["ImplicitUsings.g.cs"] = string.Concat(new[]
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
            "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
            "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        }.Select(n => "global using global::" + n + ";\n"));
        var compilation = GeneratorHarness.Compile(sources);
        var mismatches = DeclarationBinderAudit.Mismatches(compilation, out var answered);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        Assert.True(answered >= atLeast, $"{sample}: DeclarationBinder answered {answered} questions");
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static (ExpressionSyntax Site, SemanticModel Model) Site(string text)
    {
        var compilation = GeneratorHarness.Compile(new Dictionary<string, string> { ["Repository.cs"] = Repository });
        var tree = compilation.SyntaxTrees.Single();
        var start = Repository.LastIndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, text);
        var length = text.EndsWith('(') ? text.Length - 1 : text.Length;
        var node = tree.GetRoot().FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, length), getInnermostNodeForTie: true);
        var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().First(e => e.Span.Start == start && e.Span.Length == length);
        return (expression, compilation.GetSemanticModel(tree));
    }
}
