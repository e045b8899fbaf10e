using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CardPayment> CardPayments => Set<CardPayment>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<ExpressShipment> ExpressShipments => Set<ExpressShipment>();
    public DbSet<OrderTotal> OrderTotals => Set<OrderTotal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("sales");
        modelBuilder.ApplyConfiguration(new OrderLineConfiguration());
        modelBuilder.Entity<ExpressShipment>().ToTable("ExpressShipments", "logistics");
        modelBuilder.Entity<OrderTotal>(view =>
        {
            view.HasNoKey();
            view.ToView("v_order_totals", "reporting");
        });
    }
}
