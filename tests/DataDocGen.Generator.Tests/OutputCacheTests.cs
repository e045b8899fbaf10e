using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

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
    [InlineData("| `CatalogController` |", "| `CatalogController` | `[OutputCache(…)]` | `Products` | from policy `Products`: expires after 5 minutes | `products` (policy) | " + ReplacedOnBoth + " |")]
    [InlineData("| `CatalogController.Search` |", "| `CatalogController.Search` | `[OutputCache(…)]` |  | expires after 60 seconds |  | varies by query `q`; " + ReplacesCatalog + " |")]
    [InlineData("| `CatalogController.Live` |", "| `CatalogController.Live` | `[OutputCache(…)]` |  | not cached (caching turned off) |  | caching turned off (`NoStore = true`); " + ReplacesCatalog + " |")]
    public void Cached_endpoints_are_named_by_route_or_member_with_the_expiration_that_applies(string start, string expected)
    {
        var md = Run().Markdown!;
        Assert.Contains(expected, Row(md, start));
    }

    private const string ReplacesCatalog = "replaces the class-level `[OutputCache]` of `CatalogController` for this action (the action's attribute applies alone, the class's settings do not combine with it)";
    private const string ReplacedOnBoth = "replaced on `Search`, `Live` by the action's own `[OutputCache]`";

    private const string Controllers = """
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.OutputCaching;
        namespace Shop.Api
        {
            [OutputCache(PolicyName = "Products")]
            public abstract class CachedController : ControllerBase { }

            // Inherits the base's class-level attribute (Inherited = true); its action's own attribute replaces it.
            public class OrdersController : CachedController
            {
                [OutputCache(Duration = 10)] public string List() => "l";
                public string All() => "a";
                [NonAction, OutputCache(Duration = 3)] public string Helper() => "h";
            }

            // Its own class-level attribute hides the base's (AllowMultiple = false).
            [OutputCache(Duration = 30)]
            public class ReturnsController : CachedController
            {
                [OutputCache(NoStore = true)] public string Open() => "o";
            }

            // Not a controller (no Controller suffix, no [Controller]): MVC never combines these, so no claim.
            [OutputCache(Duration = 20)]
            public class ReportPage { [OutputCache(Duration = 5)] public string Get() => "r"; }
        }
        """;

    [Fact]
    public void An_actions_own_attribute_replaces_its_controllers_and_the_report_says_which_applies()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Controllers.cs", Controllers)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `OrdersController.List` | `[OutputCache(…)]` |  | expires after 10 seconds |  | replaces the class-level `[OutputCache]` of `CachedController` for this action", md);
        Assert.Contains("| `ReturnsController.Open` | `[OutputCache(…)]` |  | not cached (caching turned off) |  | caching turned off (`NoStore = true`); replaces the class-level `[OutputCache]` of `ReturnsController` for this action", md);
        Assert.Contains("| `ReturnsController` | `[OutputCache(…)]` |  | expires after 30 seconds |  | replaced on `Open` by the action's own `[OutputCache]` |", md);
        // The base's own actions: none; a [NonAction] method is no action.
        Assert.Contains("| `CachedController` | `[OutputCache(…)]` | `Products` |", md);
        Assert.DoesNotContain("replaced on `Helper`", md);
        Assert.DoesNotContain("ReportPage` | `[OutputCache(…)]` |  | expires after 20 seconds |  | replaced", md);
        Assert.Contains("| `ReportPage.Get` | `[OutputCache(…)]` |  | expires after 5 seconds |  |  |", md);
        var json = Json.Parse(output.Json).GetProperty("caching").GetProperty("outputCache").EnumerateArray().ToList();
        Assert.Equal("CachedController", json.Single(o => o.GetProperty("name").GetString() == "OrdersController.List").GetProperty("replacesClassAttributeOf").GetString());
        Assert.Equal(["Open"], json.Single(o => o.GetProperty("name").GetString() == "ReturnsController").GetProperty("replacedOnActions").EnumerateArray().Select(e => e.GetString() ?? "(null)"));
    }

    /// <summary>What the report says about a controller's and an action's <c>[OutputCache]</c>, judged by ASP.NET Core itself:
    /// MVC's endpoint metadata for the action, read as the output-cache middleware reads it (<c>GetMetadata&lt;OutputCacheAttribute&gt;()</c>,
    /// the last one), holds the action's attribute where the action has one and the controller's elsewhere.</summary>
    [Fact]
    public void The_action_attribute_is_the_one_aspnetcore_reads()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
        {
            parts.ApplicationParts.Clear();
            parts.ApplicationParts.Add(new OutputCacheRuntimePart());
        });
        using var app = builder.Build();
        app.MapControllers();
        var endpoints = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .ToDictionary(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>()!.ActionName);
        Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute? Read(string action) => endpoints[action].Metadata.GetMetadata<Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute>();
        Assert.Equal(60, Read("Search")!.Duration);
        Assert.Null(Read("Search")!.PolicyName); // not combined with the controller's
        Assert.Equal("Products", Read("Index")!.PolicyName);
        Assert.Equal(10, Read("List")!.Duration); // over a base class's inherited attribute too
    }

    private const string Groups = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Routing;
        namespace Shop.Api
        {
            public static class Routes
            {
                public static void Map(WebApplication app)
                {
                    var admin = app.MapGroup("/admin");
                    admin.CacheOutput("Short");
                    admin.MapGet("/stats", () => 1).CacheOutput("Long");
                    admin.MapGet("/plain", () => 2);
                    var reports = admin.MapGroup("/reports").CacheOutput("Reports");
                    reports.MapGet("/daily", () => 3).CacheOutput("Daily");
                    reports.MapGet("/weekly", () => 4);

                    // Two groups with the same prefix: each group's conventions reach only its own endpoints.
                    app.MapGroup("/shared").MapGet("/a", () => 5).CacheOutput("A");
                    app.MapGroup("/shared").CacheOutput("Shared");

                    // Two CacheOutput calls on one group: which is added last is not followed, so no claim.
                    var twice = app.MapGroup("/twice");
                    twice.CacheOutput("One");
                    twice.CacheOutput("Two");
                    twice.MapGet("/x", () => 6).CacheOutput("X");
                }

                // A group handed in: the groups it sits under are unknown, so no claim.
                public static void MapMore(RouteGroupBuilder group) => group.MapGet("/more", () => 7).CacheOutput("More");
            }
        }
        """;

    [Fact]
    public void An_endpoints_own_CacheOutput_replaces_its_route_groups_and_the_report_says_which_applies()
    {
        var output = GeneratorHarness.Run(Sources.With(("Api/Routes.cs", Groups)));
        var md = output.Markdown!;

        Assert.Contains("replaces the `CacheOutput` of `/admin (route group)` here", Row(md, "| `GET /admin/stats` |"));
        Assert.Contains("replaced on `/admin/reports (route group)`, `GET /admin/stats` by their own `CacheOutput`", Row(md, "| `/admin (route group)` |"));
        // The nested group replaces the outer one; its endpoint replaces the nested group's (the innermost applies).
        Assert.Contains("replaces the `CacheOutput` of `/admin (route group)` here", Row(md, "| `/admin/reports (route group)` |"));
        Assert.Contains("replaces the `CacheOutput` of `/admin/reports (route group)` here", Row(md, "| `GET /admin/reports/daily` |"));
        Assert.Contains("replaced on `GET /admin/reports/daily` by their own `CacheOutput`", Row(md, "| `/admin/reports (route group)` |"));
        // No claim across different MapGroup calls with one prefix, on a group with two CacheOutput calls, or for a group handed in.
        Assert.DoesNotContain("replace", Row(md, "| `GET /shared/a` |"));
        Assert.DoesNotContain("replace", Row(md, "| `GET /twice/x` |"));
        Assert.DoesNotContain("replace", Row(md, "| `GET …/more` |"));
        Assert.DoesNotContain("@", output.Json); // the MapGroup keys (file positions) never reach the report
    }

    [Fact]
    public void The_endpoints_CacheOutput_is_the_policy_aspnetcore_reads_over_its_groups()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Services.AddOutputCache(o =>
        {
            foreach (var name in new[] { "Short", "Long", "Reports", "Daily" }) o.AddPolicy(name, b => b.Tag(name));
        });
        using var app = builder.Build();
        var admin = app.MapGroup("/admin");
        admin.CacheOutput("Short");
        admin.MapGet("/stats", () => 1).CacheOutput("Long");
        admin.MapGet("/plain", () => 2);
        var reports = admin.MapGroup("/reports").CacheOutput("Reports");
        reports.MapGet("/daily", () => 3).CacheOutput("Daily");
        reports.MapGet("/weekly", () => 4);

        var endpoints = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .Cast<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToDictionary(e => e.RoutePattern.RawText!);
        // CacheOutput("Name") adds a policy that looks the name up; the middleware takes the last IOutputCachePolicy.
        string? Policy(string route)
        {
            var policy = endpoints[route].Metadata.GetMetadata<Microsoft.AspNetCore.OutputCaching.IOutputCachePolicy>();
            return policy?.GetType().GetField("_policyName", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(policy) as string;
        }
        Assert.Equal("Long", Policy("/admin/stats"));
        Assert.Equal("Short", Policy("/admin/plain"));
        Assert.Equal("Daily", Policy("/admin/reports/daily"));
        Assert.Equal("Reports", Policy("/admin/reports/weekly"));
    }

    [Fact]
    public void Eviction_by_tag_is_an_invalidation_with_the_tag_when_constant_and_look_alikes_make_no_claim()
    {
        var output = Run();
        var md = output.Markdown!;
        Assert.Contains("| Output caching (ASP.NET Core) | `AddOutputCache()` |", md);
        Assert.Contains("| `POST /purge/{tag}` | IOutputCacheStore | `EvictByTagAsync` | invalidation | tag computed |", md);
        Assert.Contains("| `POST /purge-products` | IOutputCacheStore | `EvictByTagAsync` | invalidation | tag `products` |", md);
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

/// <summary>Only the controllers below, for <see cref="OutputCacheTests.The_action_attribute_is_the_one_aspnetcore_reads"/>.</summary>
internal sealed class OutputCacheRuntimePart : Microsoft.AspNetCore.Mvc.ApplicationParts.ApplicationPart, Microsoft.AspNetCore.Mvc.ApplicationParts.IApplicationPartTypeProvider
{
    public override string Name => "output cache runtime";
    public IEnumerable<System.Reflection.TypeInfo> Types =>
        [System.Reflection.IntrospectionExtensions.GetTypeInfo(typeof(RuntimeCatalogController)), System.Reflection.IntrospectionExtensions.GetTypeInfo(typeof(RuntimeOrdersController))];
}

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "Products")]
public class RuntimeCatalogController : Microsoft.AspNetCore.Mvc.ControllerBase
{
    [Microsoft.AspNetCore.Mvc.HttpGet("search"), Microsoft.AspNetCore.OutputCaching.OutputCache(Duration = 60)] public string Search() => "s";
    [Microsoft.AspNetCore.Mvc.HttpGet("index")] public string Index() => "i";
}

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = "Products")]
public abstract class RuntimeCachedController : Microsoft.AspNetCore.Mvc.ControllerBase { }

public class RuntimeOrdersController : RuntimeCachedController
{
    [Microsoft.AspNetCore.Mvc.HttpGet("list"), Microsoft.AspNetCore.OutputCaching.OutputCache(Duration = 10)] public string List() => "l";
}
