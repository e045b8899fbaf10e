using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using FluentValidation;
using Ganss.Xss;
using Shop.Api;
using Shop.Data;
using Shop.Domain;
using Shop.Tenancy;
using Microsoft.Extensions.Compliance.Redaction;

var builder = WebApplication.CreateBuilder(args);

// The shop's transactional database: pooled contexts on SQL Server with transient-fault retries.
builder.Services.AddDbContextPool<ShopContext>(
    options => options.UseSqlServer(
        builder.Configuration.GetConnectionString("Shop"),
        sql => sql.EnableRetryOnFailure(5).CommandTimeout(30)),
    poolSize: 256);

// Audit records go to a local SQLite file, written from background work through a factory.
builder.Services.AddDbContextFactory<AuditContext>(options =>
    options.UseSqlite(builder.Configuration["Audit:ConnectionString"]));

// Billing: each tenant has its own database, chosen from the request's tenant whenever a scope's options are built.
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ITenantProvider, HeaderTenantProvider>();
builder.Services.AddDbContext<BillingContext>((sp, options) =>
    options.UseSqlServer(sp.GetRequiredService<ITenantProvider>().Current.BillingConnectionString));

// Customer data classified private (ShopTaxonomy) is erased from log records.
builder.Services.AddRedaction(redaction => redaction.SetRedactor<ErasingRedactor>(ShopTaxonomy.PrivateData));
builder.Logging.EnableRedaction();

// The product list is read far more often than it changes: cached in memory for five minutes.
builder.Services.AddMemoryCache();

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
        await transaction.CommitAsync();
    });
    return Results.Created($"/orders/{order.Id}", order.Id);
});

app.MapPut("/products/{id:int}/name", async (int id, RenameProductRequest request, ShopContext db, IHtmlSanitizer sanitizer) =>
{
    if (await db.Products.FindAsync(id) is not { } product) return Results.NotFound();
    product.Name = sanitizer.Sanitize(request.Name);
    await db.SaveChangesAsync();
    return Results.NoContent();
});

app.Run();
