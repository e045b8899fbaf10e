using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>A context none of whose entity types is read, but with a reason why, is listed in 1.2 with that reason; a
/// report with nothing under "1. Database architecture" prints no such heading (the MassTransit samples' audit).</summary>
public class UnreadContextModelTests
{
    [Fact]
    public void A_context_without_a_DbSet_whose_model_is_configured_by_unread_code_says_so_in_1_2()
    {
        // MassTransit's SagaDbContext: no DbSet, saga tables configured through class maps behind an interface. The
        // JSON gave the reason; the markdown showed the context in 1.1 only, as if it had no tables.
        var output = GeneratorHarness.Run(Sources.With(("Data/Saga.cs", """
            namespace Shop.Data
            {
                public class ThankYou { public Guid CorrelationId { get; set; } public Guid BookId { get; set; } }
                public interface IMap { void Configure(ModelBuilder model); }
                public class ThankYouMap : IMap
                {
                    public void Configure(ModelBuilder model) => model.Entity<ThankYou>().HasKey(x => x.CorrelationId);
                }
                public class SagaContext(DbContextOptions<SagaContext> options) : DbContext(options)
                {
                    protected virtual IEnumerable<IMap> Maps => new IMap[] { new ThankYouMap() };
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        foreach (var map in Maps) map.Configure(modelBuilder);
                    }
                }
                public static class Setup
                {
                    public static void Register(IServiceCollection services) =>
                        services.AddDbContext<SagaContext>(o => o.UseSqlServer("Server=.;Database=x;Trusted_Connection=True"));
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var schema = md.Substring(md.IndexOf("### 1.2 Data models and entities", StringComparison.Ordinal));
        Assert.StartsWith("### 1.2 Data models and entities\n\n#### SagaContext\n\nNo entity type is shown for this context: its model is configured by code DataDocGen does not evaluate", schema);
        Assert.Contains("- configuration in `Configure` is not evaluated (it is an interface member", schema);
        using var json = JsonDocument.Parse(output.Json!);
        var searched = json.RootElement.GetProperty("searchedWithoutResult").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain(searched, s => s!.StartsWith("1.2 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_context_without_a_DbSet_and_nothing_unread_has_no_1_2_section()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Empty.cs", """
            namespace Shop.Data
            {
                public class EmptyContext(DbContextOptions<EmptyContext> options) : DbContext(options) { }
            }
            """)));
        Assert.DoesNotContain("### 1.2", output.Markdown);
    }

    [Fact]
    public void A_report_with_messaging_only_prints_no_empty_database_architecture_heading()
    {
        var output = GeneratorHarness.Run(Sources.With(("Messaging/Bus.cs", """
            using System.Threading.Tasks;
            using MassTransit;
            namespace Shop.Messaging
            {
                public record OrderSubmitted(Guid OrderId);
                public class Checkout(IPublishEndpoint publish) { public Task Submit(Guid id) => publish.Publish(new OrderSubmitted(id)); }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddMassTransit(x => x.UsingRabbitMq((context, cfg) => cfg.ConfigureEndpoints(context)));
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("OrderSubmitted", md);
        Assert.DoesNotContain("1. Database architecture", md);
    }
}
