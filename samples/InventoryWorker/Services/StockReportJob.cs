using Hangfire;
using Inventory.Data;

namespace Inventory.Services;

/// <summary>The morning low-stock report, a Hangfire job scheduled through its interface: Hangfire's activator asks the
/// container for <see cref="IStockReportJob"/>, which gets the <see cref="StockReportJob"/> registered in Program.cs.</summary>
public interface IStockReportJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

public sealed class StockReportJob(WarehouseDirectory warehouse, IStockRepository stock, ILogger<StockReportJob> logger) : IStockReportJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var counts = await warehouse.CountsAsync(cancellationToken) ?? [];
        var low = await stock.LowStockAsync(threshold: 5);
        logger.LogInformation("{Low} of {Count} SKUs are low on stock", low.Count, counts.Count);
    }
}

/// <summary>For a dry run of the schedule: writes nothing, reads nothing (not registered in Program.cs).</summary>
public sealed class NoStockReportJob(ILogger<NoStockReportJob> logger) : IStockReportJob
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stock report skipped");
        return Task.CompletedTask;
    }
}

public static class StockReportScheduling
{
    /// <summary>Every day at 06:00 (called at start-up in Program.cs, after Hangfire's storage and server are configured).</summary>
    public static void ScheduleStockReport(this IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<IStockReportJob>("stock-report", job => job.RunAsync(CancellationToken.None), Cron.Daily(6));
}
