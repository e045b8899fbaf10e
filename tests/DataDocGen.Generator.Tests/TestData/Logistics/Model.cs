using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
namespace Logistics
{
    public class Stop { public string City { get; set; } = ""; public DateTime? ArrivedAt { get; set; } }
    public class Address { public string Street { get; set; } = ""; public string City { get; set; } = ""; }
    public class Shipment
    {
        public int Id { get; set; }
        public string Reference { get; set; } = "";
        public Address Origin { get; set; } = null!;
        public List<Stop> Stops { get; } = new();
    }
    public class LogisticsContext(DbContextOptions<LogisticsContext> options) : DbContext(options)
    {
        public DbSet<Shipment> Shipments => Set<Shipment>();
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Shipment>().OwnsOne(s => s.Origin);
            modelBuilder.Entity<Shipment>().OwnsMany(s => s.Stops);
        }
    }
    public class Factory : IDesignTimeDbContextFactory<LogisticsContext>
    {
        public LogisticsContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<LogisticsContext>().UseSqlServer("Server=.").Options);
    }
    public static class Program { public static void Main() { } }
}
