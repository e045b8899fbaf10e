using Inventory.Data;
using Confluent.Kafka;
using Hangfire;
using Inventory.Services;
using Npgsql;
using StackExchange.Redis;

var builder = Host.CreateApplicationBuilder(args);
var configuration = builder.Configuration;

builder.Services.AddSingleton<IConnectionFactory, SqlConnectionFactory>();
builder.Services.AddScoped<IStockRepository, StockRepository>();
builder.Services.AddScoped<InventoryDb>();
builder.Services.AddScoped<CountLedger>();
builder.Services.AddSingleton(NpgsqlDataSource.Create(configuration.GetConnectionString("Warehouse")!));
builder.Services.AddSingleton<WarehouseReader>();
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration.GetConnectionString("Redis")!));
builder.Services.AddSingleton<StockCache>();
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<WarehouseDirectory>();
builder.Services.AddScoped<IStockReportJob, StockReportJob>();
builder.Services.AddHangfire(hangfire => hangfire.UseSqlServerStorage(configuration.GetConnectionString("Inventory")));
builder.Services.AddHangfireServer();
builder.Services.AddSingleton(_ => new ProducerBuilder<string, StockLevelChanged>(new ProducerConfig
    {
        BootstrapServers = configuration["Kafka:BootstrapServers"],
        SecurityProtocol = SecurityProtocol.SaslSsl,
        SaslMechanism = SaslMechanism.ScramSha512,
        SaslUsername = configuration["Kafka:Username"],
        SaslPassword = configuration["Kafka:Password"],
        EnableIdempotence = true,
    })
    .SetValueSerializer(new JsonValueSerializer<StockLevelChanged>())
    .Build());
builder.Services.AddSingleton<StockEvents>();
builder.Services.AddHostedService<StockSyncWorker>();
builder.Services.AddNightlyStockCopy();

var host = builder.Build();
host.Services.GetRequiredService<IRecurringJobManager>().ScheduleStockReport();
host.Run();
