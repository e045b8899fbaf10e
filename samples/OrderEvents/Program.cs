using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using MassTransit;
using Microsoft.Azure.Cosmos;
using MongoDB.Driver;
using OrderEvents.Archive;
using OrderEvents.Catalog;
using OrderEvents.Fulfilment;
using OrderEvents.Offline;
using OrderEvents.Ordering;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;

// Order streams and their read models: Marten on PostgreSQL.
builder.Services.AddMarten(options =>
{
    options.Connection(configuration.GetConnectionString("Events")!);
    options.DatabaseSchemaName = "orders";
    // Marketplaces share the database: each document row and event stream carries its marketplace as the tenant id.
    options.Policies.AllDocumentsAreMultiTenanted();
    options.Events.TenancyStyle = TenancyStyle.Conjoined;
    options.Schema.For<OrderSummary>().Index(x => x.CustomerId).Duplicate(x => x.Status);
    options.Projections.Snapshot<Order>(SnapshotLifecycle.Inline);
    options.Projections.Add<OrderSummaryProjection>(ProjectionLifecycle.Inline);
    options.Projections.Add(new CustomerOrderHistoryProjection(), ProjectionLifecycle.Async);
})
.UseLightweightSessions()
.AddAsyncDaemon(DaemonMode.HotCold);

// Fulfilment: a saga over RabbitMQ.
builder.Services.AddMassTransit(x =>
{
    x.AddConsumer<PaymentConsumer>();
    x.AddConsumer<RefundConsumer>();
    x.AddConsumer<ShippingConsumer>().Endpoint(e => e.Name = "ship-order"); // the queue the saga and the retrier send ShipOrder to
    x.AddSagaStateMachine<FulfilmentStateMachine, FulfilmentState>().InMemoryRepository();
    x.UsingRabbitMq((context, cfg) =>
    {
        cfg.Host(configuration.GetConnectionString("RabbitMq")!);
        cfg.UseMessageRetry(r => r.Intervals(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)));
        cfg.UseInMemoryOutbox(context);
        cfg.ConfigureEndpoints(context);
    });
});

// Product catalogue read model: MongoDB.
builder.Services.AddSingleton<IMongoClient>(_ => new MongoClient(configuration.GetConnectionString("Catalog")));
builder.Services.AddSingleton<IProductCatalogRepository, ProductCatalogRepository>();
builder.Services.AddScoped<PriceChange>();

// Shipments waiting for the courier: a local LiteDB file.
builder.Services.AddSingleton<OfflineShipmentRepository>();
builder.Services.AddHostedService<OfflineShipmentRetrier>();

// Archive of shipped orders: Cosmos DB.
builder.Services.AddSingleton(_ => new CosmosClient(configuration.GetConnectionString("Archive"), new CosmosClientOptions { ApplicationName = "order-events" }));
builder.Services.AddSingleton<ShipmentArchive>();

builder.Services.AddScoped<OrderService>();
builder.Services.AddScoped<ProjectionMaintenance>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient<ICourierClient, CourierClient>(c => c.BaseAddress = new Uri("https://courier.example/api/"));

var app = builder.Build();

await app.Services.GetRequiredService<IProductCatalogRepository>().EnsureIndexesAsync(CancellationToken.None);

app.MapPost("/orders", async (PlaceOrderRequest request, OrderService orders, CancellationToken ct) =>
    Results.Created($"/orders/{await orders.PlaceAsync(request, ct)}", null));
app.MapGet("/orders/{id:guid}", async (Guid id, OrderService orders, CancellationToken ct) =>
    await orders.GetAsync(id, ct) is { } order ? Results.Ok(order) : Results.NotFound());
app.MapGet("/orders/{id:guid}/summary", async (Guid id, OrderService orders, CancellationToken ct) =>
    await orders.GetSummaryAsync(id, ct) is { } summary ? Results.Ok(summary) : Results.NotFound());
app.MapGet("/customers/{customerId}/orders", (string customerId, OrderService orders, CancellationToken ct) => orders.ForCustomerAsync(customerId, ct));
app.MapGet("/customers/{customerId}/history", (string customerId, OrderService orders, CancellationToken ct) => orders.HistoryAsync(customerId, ct));
app.MapGet("/catalog/{sku}", async (string sku, IProductCatalogRepository catalog, CancellationToken ct) =>
    await catalog.FindAsync(sku, ct) is { } product ? Results.Ok(product) : Results.NotFound());
app.MapPut("/catalog/{sku}/price", async (string sku, decimal price, IProductCatalogRepository catalog, PriceChange change, CancellationToken ct) =>
{
    if (await catalog.FindAsync(sku, ct) is not { } product) return Results.NotFound();
    await change.ApplyAsync(product, price, ct);
    return Results.NoContent();
});
app.MapPost("/admin/projections/order-summaries/rebuild", async (ProjectionMaintenance maintenance, CancellationToken ct) =>
{
    await maintenance.RebuildOrderSummariesAsync(ct);
    return Results.Accepted();
});

app.Run();
