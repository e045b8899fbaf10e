using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>ASP.NET Core output caching (1.4): policies with their expirations and tags, where responses are cached
/// (minimal-API endpoints, route groups, controllers and actions), and eviction by tag; each confirmed by its type.</summary>
public class OutputCacheTests
{
    private const string Code = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.OutputCaching;
        using Microsoft.AspNetCore.Routing;
        namespace Shop.Api
        {
            public static class Api
            {
                private const string ProductsTag = "products";

                public static void Configure(IServiceCollection services)
                {
                    services.AddOutputCache(o =>
                    {
                        o.AddBasePolicy(b => b.Expire(TimeSpan.FromSeconds(10)));
                        o.AddPolicy("Products", b => b.Expire(TimeSpan.FromMinutes(5)).Tag(ProductsTag).SetVaryByQuery("page"));
                        o.AddPolicy("Short", b => b.Tag("short"));
                        o.AddPolicy("Off", b => b.NoCache());
                        o.AddPolicy("Custom", b => Helper(b));
                        o.AddPolicy("Typed", new MyPolicy());
                    });
                    services.AddAuthorization(o => o.AddPolicy("Admin", p => p.RequireRole("admin")));
                }

                private static void Helper(OutputCachePolicyBuilder builder) { }

                public static void Map(WebApplication app)
                {
                    app.MapGet("/products", () => "all").CacheOutput("Products");
                    app.MapGet("/products/{id}", (int id) => id)
                        .WithName("Product")
                        .CacheOutput(b => b.Expire(TimeSpan.FromSeconds(30)).Tag("product"));
                    app.MapGet("/home", () => "hi").CacheOutput();
                    var admin = app.MapGroup("/admin");
                    admin.MapGet("/stats", () => 1).CacheOutput("short");
                    app.MapGroup("/api").CacheOutput("Products");
                    app.MapGet("/attr", [OutputCache(Duration = 15, Tags = new[] { "attr" })] () => "x");
                    app.MapPost("/purge/{tag}", async (IOutputCacheStore store, string tag, CancellationToken ct) => await store.EvictByTagAsync(tag, ct));
                    app.MapPost("/purge-products", async (IOutputCacheStore store) => await store.EvictByTagAsync(ProductsTag, CancellationToken.None));
                }

                public static void MapInGroup(RouteGroupBuilder group) => group.MapGet("/list", () => "l").CacheOutput("Off");
            }

            [OutputCache(PolicyName = "Products")]
            public class CatalogController : ControllerBase
            {
                [OutputCache(Duration = 60, VaryByQueryKeys = new[] { "q" })]
                public string Search(string q) => q;

                [OutputCache(NoStore = true)]
                public string Live() => "now";
            }

            public sealed class MyPolicy : IOutputCachePolicy
            {
                public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
                public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
                public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
            }
        }

        namespace Shop.Other
        {
            // Traps: look-alikes of the output-caching API in the project's own code.
            public sealed class OutputCacheAttribute : System.Attribute { public int Duration { get; set; } }
            [OutputCache(Duration = 5)] public class NotCached { }
            public class Conventions { public Conventions CacheOutput(string policy) => this; public void AddPolicy(string name, Action<string> build) { } }
            public class TagStore { public Task EvictByTagAsync(string tag, CancellationToken ct) => Task.CompletedTask; }
            public static class Uses
            {
                public static void Run(Conventions conventions, TagStore outputCacheStore)
                {
                    conventions.CacheOutput("Fake");
                    conventions.AddPolicy("FakePolicy", s => { });
                    outputCacheStore.EvictByTagAsync("fake-tag", CancellationToken.None);
                }
            }
        }
        """;

    private static GeneratorOutput Run()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/OutputCache.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return output;
    }

    private static string Row(string markdown, string start) =>
        markdown.Split('\n').Single(l => l.StartsWith(start, StringComparison.Ordinal));

    [Theory]
    [InlineData("| base policy |", "| base policy | expires after 10 seconds |  |  | [Api/OutputCache.cs:")]
    [InlineData("| `Products` |", "| `Products` | expires after 5 minutes | `products` | varies by query `page` |")]
    [InlineData("| `Short` |", "| `Short` | none set here: the base policy's applies (expires after 10 seconds) | `short` |  |")]
    [InlineData("| `Off` |", "| `Off` | not cached (caching turned off) |  | caching turned off (`NoCache()`) |")]
    [InlineData("| `Custom` |", "| `Custom` | not known: set by code not read (the builder `b` handed to `Helper(b)`) |")]
    [InlineData("| `Typed` |", "| `Typed` | not known: set by code not read (the policy `new MyPolicy()`) |")]
    public void Policies_are_listed_with_their_expiration_tags_and_settings(string start, string expected)
    {
        var md = Run().Markdown!;
        Assert.Contains("#### Output caching (ASP.NET Core)", md);
        Assert.Contains(expected, Row(md, start));
    }

    [Theory]
    [InlineData("| `GET /products` |", "| `GET /products` | `CacheOutput(\"Products\")` | `Products` | from policy `Products`: expires after 5 minutes | `products` (policy) |  | [Api/OutputCache.cs:37]")]
    [InlineData("| `GET /products/{id}` |", "| `GET /products/{id}` | `CacheOutput(…)` |  | expires after 30 seconds | `product` |  | [Api/OutputCache.cs:40]")]
    [InlineData("| `GET /home` |", "| `GET /home` | `CacheOutput()` |  | none set here: the base policy's applies (expires after 10 seconds) |")]
    [InlineData("| `GET /admin/stats` |", "| `GET /admin/stats` | `CacheOutput(\"short\")` | `short` | none in policy `short`: the base policy's applies (expires after 10 seconds) | `short` (policy) |")]
    [InlineData("| `/api (route group)` |", "| `/api (route group)` | `CacheOutput(\"Products\")` | `Products` | from policy `Products`: expires after 5 minutes | `products` (policy) |")]
    [InlineData("| `GET /attr` |", "| `GET /attr` | `[OutputCache(…)]` |  | expires after 15 seconds | `attr` |  |")]
    [InlineData("| `GET …/list` |", "| `GET …/list` | `CacheOutput(\"Off\")` | `Off` | not cached (policy `Off` turns caching off) |")]
    [InlineData("| `CatalogController` |", "| `CatalogController` | `[OutputCache(…)]` | `Products` | from policy `Products`: expires after 5 minutes | `products` (policy) |  |")]
    [InlineData("| `CatalogController.Search` |", "| `CatalogController.Search` | `[OutputCache(…)]` |  | expires after 60 seconds |  | varies by query `q` |")]
    [InlineData("| `CatalogController.Live` |", "| `CatalogController.Live` | `[OutputCache(…)]` |  | not cached (caching turned off) |  | caching turned off (`NoStore = true`) |")]
    public void Cached_endpoints_are_named_by_route_or_member_with_the_expiration_that_applies(string start, string expected)
    {
        var md = Run().Markdown!;
        Assert.Contains(expected, Row(md, start));
    }

    [Fact]
    public void Eviction_by_tag_is_an_invalidation_with_the_tag_when_constant_and_look_alikes_make_no_claim()
    {
        var output = Run();
        var md = output.Markdown!;
        Assert.Contains("| Output caching (ASP.NET Core) | `AddOutputCache()` |", md);
        Assert.Contains("| `POST /purge/{tag}` | IOutputCacheStore | `EvictByTagAsync` | invalidation | computed |", md);
        Assert.Contains("| `POST /purge-products` | IOutputCacheStore | `EvictByTagAsync` | invalidation | `products` |", md);
        Assert.DoesNotContain("NotCached", md);
        Assert.DoesNotContain("Fake", output.All);
        Assert.DoesNotContain("fake-tag", output.All);
        Assert.DoesNotContain("`Admin`", md);
        Assert.DoesNotContain("after 5 seconds", md);
        Assert.Contains("\"outputCache\": [", output.Json);
        Assert.Contains("\"kind\": \"named policy\"", output.Json);
        Assert.Contains("\"expiration\": \"from policy `Products`: expires after 5 minutes\"", output.Json);
    }

    [Theory]
    [InlineData("o => o.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(2)", "none set here: the default applies (`DefaultExpirationTimeSpan = 2 minutes` in `AddOutputCache`)")]
    [InlineData("o => { }", "none set here: the default applies (60 seconds unless `DefaultExpirationTimeSpan` is set)")]
    public void Without_a_base_policy_the_options_default_applies(string options, string expected)
    {
        var code = """
            using Microsoft.AspNetCore.Builder;
            namespace Shop.Api
            {
                public static class Api
                {
                    public static void Configure(IServiceCollection services) => services.AddOutputCache(OPTIONS);
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/home", () => "hi").CacheOutput();
                        app.MapGet("/missing", () => "hi").CacheOutput("Nowhere");
                    }
                }
            }
            """.Replace("OPTIONS", options);
        var output = GeneratorHarness.Run(Sources.With(("Api/Program.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `GET /home` | `CacheOutput()` |  | " + expected + " |", md);
        Assert.Contains("| `GET /missing` | `CacheOutput(\"Nowhere\")` | `Nowhere` | from policy `Nowhere`, which the code read does not configure (a missing policy does nothing) |", md);
    }

    /// <summary>The default the report states when no policy sets an expiration, judged by ASP.NET Core itself.</summary>
    [Fact]
    public void The_stated_default_expiration_is_aspnetcores()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), new Microsoft.AspNetCore.OutputCaching.OutputCacheOptions().DefaultExpirationTimeSpan);
    }
}
