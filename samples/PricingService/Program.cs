using Microsoft.Extensions.Caching.Hybrid;
using Pricing.Api;
using Pricing.Approvals;
using Pricing.Catalogue;
using Pricing.Database;
using Pricing.Pricing;
using Pricing.Rates;
using Pricing.Rules;
using Pricing.Workers;
using Rebus.Config;
using Rebus.Routing.TypeBased;
using Rebus.Transport.InMem;
using ZiggyCreatures.Caching.Fusion;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

builder.Services.AddMemoryCache();
builder.Services.AddHybridCache(options =>
{
    options.MaximumPayloadBytes = 512 * 1024;
    options.DefaultEntryOptions = new HybridCacheEntryOptions
    {
        Expiration = TimeSpan.FromMinutes(30),
        LocalCacheExpiration = TimeSpan.FromMinutes(5),
    };
});
builder.Services.AddFusionCache();

// The second level of HybridCache and the product snapshots: Redis in production, SQL Server where no Redis is run.
var distributed = configuration["Caching:Distributed"];
if (distributed == "Redis")
{
    builder.Services.AddStackExchangeRedisCache(options =>
    {
        options.Configuration = configuration.GetConnectionString("Redis");
        options.InstanceName = "pricing:";
    });
}
if (distributed == "SqlServer")
{
    builder.Services.AddDistributedSqlServerCache(options =>
    {
        options.ConnectionString = configuration.GetConnectionString("Catalogue");
        options.SchemaName = "cache";
        options.TableName = "PriceCache";
        options.DefaultSlidingExpiration = TimeSpan.FromMinutes(20);
    });
}
if (distributed == "Memory")
{
    builder.Services.AddDistributedMemoryCache();
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PriceStore>();
builder.Services.AddSingleton<PriceQuotes>();
builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddSingleton<ProductSnapshots>();
builder.Services.AddSingleton<SupplierCosts>();
builder.Services.AddSingleton<TaxRuleStore>();
builder.Services.AddSingleton<TaxRules>();
builder.Services.AddSingleton<CurrencyRates>();
builder.Services.AddHostedService<PriceRefreshWorker>();

builder.Services.AddRebus(configure => configure
    .Transport(t => t.UseInMemoryTransport(new InMemNetwork(), "pricing-approvals"))
    .Routing(r => r.TypeBased().Map<RequestPriceApproval>("pricing-approvers"))
    .Sagas(s => s.StoreInPostgres(configuration.GetConnectionString("Prices")!, "price_change_sagas", "price_change_saga_index")));
builder.Services.AddRebusHandler<PriceChangeApprovalSaga>();
builder.Services.AddRebusHandler<ApplyPriceChangeHandler>();

var app = builder.Build();

if (configuration.GetValue<bool>("Database:MigrateOnStartup"))
{
    DatabaseMigrator.MigrateCatalogue(configuration.GetConnectionString("Catalogue")!);
    DatabaseMigrator.LoadReferenceData(configuration.GetConnectionString("Catalogue")!);
    DatabaseMigrator.MigrateRules(configuration, app.Logger);
}

app.MapPriceEndpoints();
app.MapProductEndpoints();
app.MapOperationsEndpoints();

app.Run();
