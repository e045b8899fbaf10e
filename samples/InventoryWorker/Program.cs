using Inventory.Data;
using Inventory.Services;
using Npgsql;
using StackExchange.Redis;

var builder = Host.CreateApplicationBuilder(args);
var configuration = builder.Configuration;

builder.Services.AddSingleton<IConnectionFactory, SqlConnectionFactory>();
builder.Services.AddScoped<IStockRepository, StockRepository>();
builder.Services.AddSingleton(NpgsqlDataSource.Create(configuration.GetConnectionString("Warehouse")!));
builder.Services.AddSingleton<WarehouseReader>();
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration.GetConnectionString("Redis")!));
builder.Services.AddSingleton<StockCache>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<WarehouseDirectory>();
builder.Services.AddHostedService<StockSyncWorker>();

builder.Build().Run();
