using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using FluentValidation;
using Ganss.Xss;
using Shop.Api;
using Shop.Data;
using Shop.Domain;
using Shop.Tenancy;
using Microsoft.Extensions.Compliance.Redaction;
using MassTransit;
using Shop.Messaging;
using System.Transactions;

var builder = WebApplication.CreateBuilder(args);

// The shop's transactional database: pooled contexts on SQL Server with transient-fault retries; every save is
// audited (AuditInterceptor).
builder.Services.AddDbContextPool<ShopContext>(
    (sp, options) => options.UseSqlServer(
        builder.Configuration.GetConnectionString("Shop"),
        sql => sql.EnableRetryOnFailure(5).CommandTimeout(30))
        .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()),
    poolSize: 256);

// Audit records go to a local SQLite file, written after each save of the shop's context through a factory.
builder.Services.AddDbContextFactory<AuditContext>(options =>
    options.UseSqlite(builder.Configuration["Audit:ConnectionString"]));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<AuditInterceptor>();

// Billing: each tenant has its own database, chosen from the request's tenant whenever a scope's options are built.
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ITenantProvider, HeaderTenantProvider>();
builder.Services.AddDbContext<BillingContext>((sp, options) =>
    options.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.BillingConnectionString));

// Invoicing writes the tenant's billing database and the shop's database in one TransactionScope, which System.Transactions
// promotes to a distributed transaction (MSDTC): .NET allows that only on Windows, and only when opted in.
if (OperatingSystem.IsWindows())
{
    TransactionManager.ImplicitDistributedTransactions = true;
}

// Customer data classified private (ShopTaxonomy) is erased from log records.
builder.Services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(ShopTaxonomy.PrivateData));
builder.Logging.EnableRedaction();

// Messages to other systems: written to the outbox with the change they announce, then published to RabbitMQ by
// OutboxPublisher.
builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((context, rabbit) =>
    rabbit.Host(builder.Configuration.GetConnectionString("RabbitMq")!)));
builder.Services.AddHostedService<OutboxPublisher>();

// Gift cards are event-sourced in the shop's database.
builder.Services.AddScoped<GiftCardStore>();

// The product list is read far more often than it changes: cached in memory for five minutes.
builder.Services.AddMemoryCache();

// A product's page is read far more often than the product changes: the response is cached for ten minutes, tagged
// "products", and evicted by that tag when a product is renamed.
builder.Services.AddOutputCache(options =>
    options.AddPolicy("Products", policy => policy.Expire(TimeSpan.FromMinutes(10)).Tag("products")));

// Product names are shown as HTML in the storefront: markup is cleaned before it is stored.
builder.Services.AddSingleton<IHtmlSanitizer>(new HtmlSanitizer());

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    using var scope = app.Services.CreateScope();
    await DevelopmentSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<ShopContext>());
}

app.MapGet("/products", (ShopContext db, IMemoryCache cache) =>
    cache.GetOrCreateAsync("products:all", entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
        return db.Products.AsNoTracking().ToListAsync();
    }));

app.UseOutputCache();

app.MapGet("/products/{id:int}", async (int id, ShopContext db) =>
    await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } product ? Results.Ok(product) : Results.NotFound())
    .CacheOutput("Products");

app.MapGet("/orders/{id:int}", async (int id, ShopContext db) =>
    await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id) is { } order
        ? Results.Ok(order)
        : Results.NotFound());

// Places an order: the order and its lines are saved in one transaction, retried as a whole on transient faults
// (EnableRetryOnFailure requires user transactions to run inside the execution strategy).
app.MapPost("/orders", async (PlaceOrderRequest request, ShopContext db) =>
{
    var validation = await new PlaceOrderRequestValidator().ValidateAsync(request);
    if (!validation.IsValid) return Results.ValidationProblem(validation.ToDictionary());

    var order = new Order { CustomerId = request.CustomerId, PlacedAt = DateTime.UtcNow };
    var strategy = db.Database.CreateExecutionStrategy();
    await strategy.ExecuteAsync(async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var line in request.Lines)
        {
            // One query per line: DataDocGen reports it as an N+1 risk (DDG1001 and section 2.4).
            var product = await db.Products.FindAsync(line.ProductId);
            order.AddLine(line.ProductId, line.Quantity, product?.Price ?? 0);
        }
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        // The announcement is committed with the order, or not at all (the transactional outbox).
        db.OutboxMessages.Add(OutboxMessage.For(new OrderPlaced(order.Id, order.CustomerId, order.Lines.Sum(l => l.Quantity * l.UnitPrice), order.PlacedAt)));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    });
    return Results.Created($"/orders/{order.Id}", order.Id);
});

// Invoices an order: the invoice (tenant's billing database) and its announcement (the shop's outbox) are committed together
// or not at all, across both databases; retried as a whole on transient faults (the shop's retrying execution strategy
// refuses a transaction begun outside it).
app.MapPost("/orders/{id:int}/invoice", async (int id, ShopContext db, BillingContext billing, TimeProvider clock) =>
{
    var strategy = db.Database.CreateExecutionStrategy();
    return await strategy.ExecuteAsync(async () =>
    {
        using var scope = new TransactionScope(TransactionScopeOption.Required, TransactionScopeAsyncFlowOption.Enabled);
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id);
        if (order is null) return Results.NotFound();
        var invoice = new Invoice { OrderId = order.Id, Total = order.Lines.Sum(l => l.Quantity * l.UnitPrice), IssuedAt = clock.GetUtcNow().UtcDateTime };
        billing.Invoices.Add(invoice);
        await billing.SaveChangesAsync();
        db.OutboxMessages.Add(OutboxMessage.For(new OrderInvoiced(order.Id, invoice.Id, invoice.Total)));
        await db.SaveChangesAsync();
        scope.Complete();
        return Results.Created($"/orders/{order.Id}/invoice", invoice.Id);
    });
});

app.MapPut("/products/{id:int}/name", async (int id, RenameProductRequest request, ShopContext db, IHtmlSanitizer sanitizer,
    IOutputCacheStore outputCache, CancellationToken cancellationToken) =>
{
    if (await db.Products.FindAsync(id) is not { } product) return Results.NotFound();
    product.Name = sanitizer.Sanitize(request.Name);
    await db.SaveChangesAsync(cancellationToken);
    await outputCache.EvictByTagAsync("products", cancellationToken);
    return Results.NoContent();
});

// Prices come from the supplier feed by product id: the product is not loaded, a stub with its key is attached
// (tracked as unchanged) and only the price set after it is written by the UPDATE.
app.MapPut("/products/{id:int}/price", async (int id, ChangePriceRequest request, ShopContext db,
    IOutputCacheStore outputCache, CancellationToken cancellationToken) =>
{
    var product = new Product { Id = id };
    db.Products.Attach(product);
    product.Price = request.Price;
    await db.SaveChangesAsync(cancellationToken);
    await outputCache.EvictByTagAsync("products", cancellationToken);
    return Results.NoContent();
});

app.MapPost("/gift-cards", async (IssueGiftCardRequest request, GiftCardStore cards, CancellationToken cancellationToken) =>
{
    var id = Guid.NewGuid();
    await cards.AppendAsync(id, 0, [new GiftCardIssued(request.Amount)], cancellationToken);
    return Results.Created($"/gift-cards/{id}", id);
});

app.MapGet("/gift-cards/{id:guid}", async (Guid id, GiftCardStore cards, CancellationToken cancellationToken) =>
    await cards.LoadAsync(id, cancellationToken) is { } card ? Results.Ok(new { card.Id, card.Balance }) : Results.NotFound());

app.MapPost("/gift-cards/{id:guid}/redemptions", async (Guid id, RedeemGiftCardRequest request, GiftCardStore cards, CancellationToken cancellationToken) =>
{
    if (await cards.LoadAsync(id, cancellationToken) is not { } card) return Results.NotFound();
    try
    {
        await cards.AppendAsync(id, card.Version, [card.Redeem(request.OrderId, request.Amount)], cancellationToken);
    }
    catch (DbUpdateException)
    {
        // Another redemption appended the same version first: the client retries with the new balance.
        return Results.Conflict();
    }
    return Results.NoContent();
});

app.Run();
