using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shop.Data;

namespace Shop;

public static class Startup
{
    public static void AddData(IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.AddDbContextPool<ShopContext>(
            options => options
                .UseSqlServer(configuration.GetConnectionString("Shop"), sql => sql.EnableRetryOnFailure(5).CommandTimeout(60))
                .EnableSensitiveDataLogging(isDevelopment),
            poolSize: 128);

        var reporting = configuration["Reporting:Connection"] ?? Environment.GetEnvironmentVariable("REPORTING_DB");
        services.AddDbContextFactory<ReportingContext>(options => options.UseSqlite(reporting));

        if (!isDevelopment)
        {
            services.AddDbContext<LegacyContext>(options => options
                .UseSqlServer("Server=legacy.internal;Database=Legacy;User Id=legacy;Password=L3gacy-Secret;")
                .UseSnakeCaseNamingConvention());
        }
    }
}

/// <summary>Stands in for EFCore.NamingConventions in this snapshot.</summary>
public static class NamingConventionExtensions
{
    public static DbContextOptionsBuilder UseSnakeCaseNamingConvention(this DbContextOptionsBuilder builder) => builder;
}
