using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

public class ReportingContext(DbContextOptions<ReportingContext> options) : DbContext(options)
{
    public DbSet<DailySales> DailySales => Set<DailySales>();
}

public class LegacyContext(DbContextOptions<LegacyContext> options) : DbContext(options)
{
    public DbSet<Customer> Clients => Set<Customer>();
}

public class LocalCacheContext : DbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (!optionsBuilder.IsConfigured)
        {
            optionsBuilder.UseInMemoryDatabase("local-cache");
        }
    }
}
