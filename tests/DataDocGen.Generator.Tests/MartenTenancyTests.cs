using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.2, Marten multi-tenancy: conjoined tenancy, sessions opened for a tenant, databases per tenant, and the
/// documents per-document tenancy leaves out; each confirmed on Marten 9.58's API.</summary>
public class MartenTenancyTests
{
    private const string StoreWide = """
        using JasperFx.MultiTenancy;
        using Marten;
        using Marten.Services;
        namespace Shop.Tenants
        {
            public class Ticket { public Guid Id { get; set; } }
            public class Country { public string Id { get; set; } = ""; }

            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddMarten(opts =>
                    {
                        opts.Connection("Host=pg;Database=tickets;Username=app;Password=Tenant-Secret");
                        opts.Policies.AllDocumentsAreMultiTenanted();
                        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
                        opts.Schema.For<Country>().SingleTenanted();
                    });
            }

            public class Sessions(IDocumentStore store)
            {
                private const string Acme = "acme";
                public IDocumentSession ForAcme() => store.LightweightSession("acme");
                public IQuerySession Read(string tenantId) => store.QuerySession(tenantId);
                public IDocumentSession Identity(Tenant tenant) => store.IdentitySession(tenantId: tenant.Id);
                public IDocumentSession WithOptions(string tenant) => store.LightweightSession(new SessionOptions { TenantId = tenant });
                public void Scoped(IDocumentSession session, Ticket ticket) => session.ForTenant(Acme).Store(ticket);
                public IQuerySession Default() => store.QuerySession();
                public IDocumentSession Named() => store.LightweightSession(System.Data.IsolationLevel.Serializable);
            }

            public class Tenant { public string Id { get; set; } = ""; }
        }
        """;

    [Fact]
    public void Store_wide_conjoined_tenancy_events_and_tenant_sessions_are_reported_with_evidence()
    {
        var output = GeneratorHarness.Run(Sources.With(("Tenants/Setup.cs", StoreWide)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("### 4.2 Access control", md);
        Assert.Contains("| all documents | `AllDocumentsAreMultiTenanted()` | `Setup.Add` | [Tenants/Setup.cs:20](Tenants/Setup.cs#L20) |", md);
        Assert.Contains("| events | `Events.TenancyStyle = TenancyStyle.Conjoined` | `Setup.Add` | [Tenants/Setup.cs:21](Tenants/Setup.cs#L21) |", md);
        Assert.Contains("| document `Country`, single-tenanted | `SingleTenanted()` | `Setup.Add` | [Tenants/Setup.cs:22](Tenants/Setup.cs#L22) |", md);
        Assert.Contains("| `LightweightSession` | `\"acme\"` | `Sessions.ForAcme` | [Tenants/Setup.cs:29](Tenants/Setup.cs#L29) |", md);
        Assert.Contains("| `QuerySession` | the value of `tenantId` (known at run time) | `Sessions.Read` |", md);
        Assert.Contains("| `IdentitySession` | the value of `tenant.Id` (known at run time) | `Sessions.Identity` |", md);
        Assert.Contains("| `SessionOptions.TenantId` | the value of `tenant` (known at run time) | `Sessions.WithOptions` | [Tenants/Setup.cs:32](Tenants/Setup.cs#L32) |", md);
        Assert.Contains("| `ForTenant` | `\"acme\"` | `Sessions.Scoped` |", md);
        // Sessions opened without a tenant are the default tenant's: not listed.
        Assert.DoesNotContain("Sessions.Default", md.Substring(md.IndexOf("### 4.2", StringComparison.Ordinal)));
        Assert.DoesNotContain("Sessions.Named", md.Substring(md.IndexOf("### 4.2", StringComparison.Ordinal)));
        // A store-wide policy reaches documents the code may never name: no coverage list.
        Assert.DoesNotContain("not multi-tenanted", md);
        Assert.DoesNotContain("Tenant-Secret", output.All);
        Assert.Contains("\"kind\": \"AllDocuments\"", output.Json);
        Assert.Contains("\"martenDocumentCoverage\": null", output.Json);
    }

    private const string PerDocument = """
        using System.Linq;
        using System.Threading.Tasks;
        using Marten;
        using Marten.Schema;
        namespace Shop.Billing
        {
            [MultiTenanted]
            public class Invoice { public Guid Id { get; set; } }
            public class Payment { public Guid Id { get; set; } }
            public class Product { public Guid Id { get; set; } }
            public class GiftPayment : Payment { }

            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddMarten(opts =>
                    {
                        opts.Connection("Host=pg;Database=billing");
                        opts.Schema.For<Payment>().MultiTenanted();
                    });
            }

            public class Billing(IDocumentSession session)
            {
                public void Pay(Payment payment) => session.Store(payment);
                public void Gift(GiftPayment gift) => session.Store(gift);
                public IQueryable<Invoice> Invoices() => session.Query<Invoice>();
                public void Catalogue(Product product) => session.Store(product);
                public Task<Product?> Find(Guid id) => session.LoadAsync<Product>(id);
            }
        }
        """;

    [Fact]
    public void Per_document_tenancy_lists_the_documents_it_covers_and_the_used_ones_it_does_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Billing/Setup.cs", PerDocument)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| document `Invoice` | `[MultiTenanted]` | `Invoice` | [Billing/Setup.cs:12](Billing/Setup.cs#L12) |", md);
        Assert.Contains("| document `Payment` | `MultiTenanted()` | `Setup.Add` | [Billing/Setup.cs:24](Billing/Setup.cs#L24) |", md);
        Assert.Contains("No store-wide tenancy policy was found in the code read: only `Invoice`, `Payment` are multi-tenanted.", md);
        Assert.Contains("| `Shop.Billing.Product` | `Billing.Catalogue` | [Billing/Setup.cs:33](Billing/Setup.cs#L33) |", md);
        // Covered documents, and a subclass (Marten may keep it in its multi-tenanted parent's table), are never called uncovered.
        var uncovered = md.Substring(md.IndexOf("that are not multi-tenanted", StringComparison.Ordinal));
        Assert.DoesNotContain("`Shop.Billing.Invoice`", uncovered);
        Assert.DoesNotContain("`Shop.Billing.Payment`", uncovered);
        Assert.DoesNotContain("GiftPayment", uncovered);
        Assert.Contains("\"notMultiTenanted\": [", output.Json);
    }

    [Fact]
    public void A_database_per_tenant_setup_is_not_judged_for_document_coverage()
    {
        var code = PerDocument.Replace("opts.Schema.For<Payment>().MultiTenanted();",
            "opts.Schema.For<Payment>().MultiTenanted(); opts.MultiTenantedWithSingleServer(\"Host=pg;Database=postgres\");");
        var md = GeneratorHarness.Run(Sources.With(("Billing/Setup.cs", code))).Markdown!;
        Assert.Contains("| document `Payment` | `MultiTenanted()` |", md);
        Assert.DoesNotContain("No store-wide tenancy policy", md);
        Assert.DoesNotContain("that are not multi-tenanted", md);
    }

    private const string Databases = """
        using Marten;
        namespace Shop.Hosting
        {
            public static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config) =>
                    services.AddMarten(opts =>
                    {
                        opts.MultiTenantedDatabases(x =>
                        {
                            x.AddSingleTenantDatabase("Host=db1;Database=tenant_one;Username=app;Password=Db-Secret-1", "tenant1");
                            x.AddMultipleTenantDatabase(config.GetConnectionString("Shared")!, "shared").ForTenants("tenant2", "tenant3");
                        });
                    });

                public static void AddServer(IServiceCollection services) =>
                    services.AddMarten(opts => opts.MultiTenantedWithSingleServer("Host=server;Username=app;Password=Db-Secret-2", t => t.WithTenants("north", "south")));
            }
        }
        """;

    [Fact]
    public void Databases_per_tenant_are_reported_with_their_tenants_and_redacted_connection_strings()
    {
        var output = GeneratorHarness.Run(Sources.With(("Hosting/Setup.cs", Databases)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("**Database per tenant (Marten)**", md);
        Assert.Contains("| `MultiTenantedDatabases: AddSingleTenantDatabase(…)` | `\"tenant1\"` | constant in code: `Host=db1;Database=tenant_one;Username=app;Password=***` | `Setup.Add` | [Hosting/Setup.cs:16](Hosting/Setup.cs#L16) |", md);
        Assert.Contains("| `MultiTenantedDatabases: AddMultipleTenantDatabase(…)` | `\"tenant2\"`, `\"tenant3\"` | named connection string `Shared` (configuration key `ConnectionStrings:Shared`) | `Setup.Add` | [Hosting/Setup.cs:17](Hosting/Setup.cs#L17) |", md);
        Assert.Contains("| `MultiTenantedWithSingleServer(…)` | `\"north\"`, `\"south\"` | constant in code: `Host=server;Username=app;Password=***` | `Setup.AddServer` |", md);
        Assert.DoesNotContain("Db-Secret", output.All);
    }

    private const string Traps = """
        using JasperFx.Events.Projections;
        namespace Shop.Traps
        {
            public class Registry { public Registry MultiTenanted() => this; public Registry AllDocumentsAreMultiTenanted() => this; public void MultiTenantedDatabases(Action<Registry> a) { } }
            public class MultiTenantedAttribute : Attribute { }
            [MultiTenanted] public class Fake { }
            public class Settings { public string TenantId { get; set; } = ""; public string TenancyStyle { get; set; } = ""; }
            public static class HomeMade
            {
                public static string ForTenant(this string text, string tenantId) => text + tenantId;
                public static Registry LightweightSession(this Registry registry, string tenantId) => registry;
            }
            public class Use
            {
                public object Run(Registry registry, ShardName shard)
                {
                    registry.MultiTenanted().AllDocumentsAreMultiTenanted();
                    registry.MultiTenantedDatabases(r => r.MultiTenanted());
                    registry.LightweightSession("acme");
                    var settings = new Settings { TenantId = "acme", TenancyStyle = "Conjoined" };
                    // store.LightweightSession("commented"); opts.Policies.AllDocumentsAreMultiTenanted();
                    /* opts.Events.TenancyStyle = TenancyStyle.Conjoined; */
                    return "x".ForTenant("acme") + shard.ForTenant("acme") + settings;
                }
            }
        }
        """;

    [Fact]
    public void Look_alike_tenancy_names_on_other_types_and_code_in_comments_are_nothing()
    {
        var output = GeneratorHarness.Run(Sources.With(("Traps/Use.cs", Traps)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain("4.2", output.Markdown ?? "");
        Assert.DoesNotContain("Traps/Use.cs", output.Markdown + output.Json);
        Assert.DoesNotContain("\"martenTenancy\": [{", output.Json ?? "");
    }

    private const string Injected = """
        using Marten;
        namespace Shop.Tenants
        {
            public class Ticket { public Guid Id { get; set; } }
            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddMarten(opts =>
                    {
                        opts.Connection("Host=pg;Database=tickets");
                        TENANCY
                    }).UseLightweightSessions()FACTORY;
            }
            public class Tickets(IDocumentSession session) { public void Open(Ticket t) => session.Store(t); }
            public class TicketQueries
            {
                private readonly IQuerySession _session;
                public TicketQueries(IQuerySession session) => _session = session;
            }
            // Both session types, and a second constructor repeating one: a row per type.
            public class TicketDesk
            {
                public TicketDesk(IDocumentSession writes, IQuerySession reads) { }
                public TicketDesk(IDocumentSession writes) : this(writes, writes) { }
            }
            // Trap: a session type of the project's own, not Marten's.
            public interface IDocumentSessionLike { }
            public class Other(Shop.Tenants.Fake.IDocumentSession session) { }
        }
        namespace Shop.Tenants.Fake { public interface IDocumentSession { } }
        """;

    [Fact]
    public void Injected_sessions_under_conjoined_tenancy_are_said_to_use_the_default_tenant()
    {
        var output = GeneratorHarness.Run(Sources.With(("Tenants/Setup.cs", Injected.Replace("TENANCY", "opts.Policies.AllDocumentsAreMultiTenanted();").Replace("FACTORY", ""))));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("**Sessions the container injects use the default tenant**", md);
        Assert.Contains("| `Shop.Tenants.Tickets` | `IDocumentSession` | [Tenants/Setup.cs:", md);
        Assert.Contains("| `Shop.Tenants.TicketQueries` | `IQuerySession` | [Tenants/Setup.cs:", md);
        Assert.Contains("| `Shop.Tenants.TicketDesk` | `IDocumentSession` | [Tenants/Setup.cs:", md);
        Assert.Contains("| `Shop.Tenants.TicketDesk` | `IQuerySession` | [Tenants/Setup.cs:", md);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(md, @"\| `Shop\.Tenants\.TicketDesk` \| `IDocumentSession` \|"));
        Assert.DoesNotContain("`Shop.Tenants.Other`", md);
    }

    [Theory]
    [InlineData("", "")] // no tenancy: the default tenant is the only one
    [InlineData("opts.Policies.AllDocumentsAreMultiTenanted();", ".BuildSessionsWith<TenantSessions>()")] // the project builds its sessions
    public void Injected_sessions_are_not_called_default_tenant_ones_without_conjoined_tenancy_or_with_a_session_factory(string tenancy, string factory)
    {
        var code = Injected.Replace("TENANCY", tenancy).Replace("FACTORY", factory) + (factory.Length == 0 ? "" : """

            namespace Shop.Tenants
            {
                public class TenantSessions(IDocumentStore store) : ISessionFactory
                {
                    public IQuerySession QuerySession() => store.QuerySession("acme");
                    public IDocumentSession OpenSession() => store.LightweightSession("acme");
                }
            }
            """);
        var output = GeneratorHarness.Run(Sources.With(("Tenants/Setup.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain("Sessions the container injects", output.Markdown);
        if (tenancy.Length == 0) Assert.DoesNotContain("### 4.2 Access control", output.Markdown);
    }
}
