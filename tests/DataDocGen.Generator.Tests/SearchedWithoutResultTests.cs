using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>DATA_LAYER.json's <c>searchedWithoutResult</c>: each topic named there must be one DataDocGen searched and
/// found nothing on, as worded. The eShopOnWeb audit's ApplicationCore (entities and specifications, no DbContext) was
/// said to have no guard clauses and no Include paths, though its entities guard their arguments and its
/// specifications include navigations.</summary>
public class SearchedWithoutResultTests
{
    private static string[] Topics(string code)
    {
        var output = GeneratorHarness.Run(Sources.With(("Core/Basket.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return Json.Parse(output.Json).GetProperty("searchedWithoutResult").EnumerateArray().Select(t => t.GetString()!).ToArray();
    }

    [Fact]
    public void A_project_without_a_context_names_guard_clauses_as_searched_in_context_entities_and_leaves_specification_includes_out()
    {
        var topics = Topics("""
            using System.Collections.Generic;
            using Ardalis.GuardClauses;
            using Ardalis.Specification;
            namespace Shop.Core
            {
                public class BasketItem { public int Id { get; set; } }
                public class Basket
                {
                    public int Id { get; set; }
                    public List<BasketItem> Items { get; } = new();
                    public void Add(BasketItem item) { Guard.Against.Null(item, nameof(item)); Items.Add(item); }
                }
                public sealed class BasketWithItems : Specification<Basket>
                {
                    public BasketWithItems(int id) => Query.Where(b => b.Id == id).Include(b => b.Items);
                }
            }
            """);
        Assert.Contains("2.3 Validation: FluentValidation validators, IValidatableObject, data-annotation attributes, guard clauses in the entities of this project's DbContexts, sanitisation", topics);
        Assert.Contains("2.4 Query optimisation: N+1 risks and database calls inside loops (the specifications' own loading and tracking steps are listed with each specification)", topics);
        Assert.DoesNotContain(topics, t => t.Contains("Include paths", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_specifications_that_load_or_track_the_query_topic_names_include_paths()
    {
        var topics = Topics("""
            using Ardalis.Specification;
            namespace Shop.Core
            {
                public class Basket { public int Id { get; set; } }
                public sealed class BasketById : Specification<Basket> { public BasketById(int id) => Query.Where(b => b.Id == id); }
            }
            """);
        Assert.Contains("2.4 Query optimisation: Include paths, AsNoTracking, split queries, compiled queries, N+1 risks, database calls inside loops", topics);
    }
}
