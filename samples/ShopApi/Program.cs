using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shop.Data;

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

// The product list is read far more often than it changes: cached in memory for five minutes.
builder.Services.AddMemoryCache();

var app = builder.Build();

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

app.Run();
