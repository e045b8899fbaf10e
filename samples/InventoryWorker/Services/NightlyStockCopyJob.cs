using Inventory.Data;
using Quartz;

namespace Inventory.Services;

/// <summary>Every night at 02:00: a full copy of the warehouse counts (PostgreSQL) into the inventory database (SQL
/// Server), a Quartz.NET job next to the minute-by-minute <see cref="StockSyncWorker"/>, in case it missed a change.</summary>
[DisallowConcurrentExecution]
public sealed class NightlyStockCopyJob(WarehouseReader warehouse, IStockRepository stock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        foreach (var count in await warehouse.CountsAsync(cancellationToken))
        {
            await stock.SetQuantityAsync(count.Sku, count.OnHand);
        }
    }
}

public static class NightlyStockCopyScheduling
{
    /// <summary>Registers the job with its cron trigger and runs the Quartz.NET scheduler in the host.</summary>
    public static IServiceCollection AddNightlyStockCopy(this IServiceCollection services) => services
        .AddQuartz(quartz => quartz.ScheduleJob<NightlyStockCopyJob>(
            trigger => trigger.WithIdentity("nightly-stock-copy").WithCronSchedule("0 0 2 * * ?")))
        .AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
}
