using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CardPayment> CardPayments => Set<CardPayment>();
    public DbSet<BankTransferPayment> BankTransferPayments => Set<BankTransferPayment>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<GiftCardEvent> GiftCardEvents => Set<GiftCardEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("sales");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopContext).Assembly);
        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique();
        // One event per version of a gift card's stream: a concurrent append of the same version fails.
        modelBuilder.Entity<GiftCardEvent>().HasIndex(e => new { e.StreamId, e.Version }).IsUnique();
        modelBuilder.Entity<Tag>().HasData(new Tag { Id = 1, Label = "new" }, new Tag { Id = 2, Label = "sale" });
    }
}
