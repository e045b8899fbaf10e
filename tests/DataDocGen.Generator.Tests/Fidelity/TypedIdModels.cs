namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of strongly typed ids (issue 3): DDD ids declared as record structs, record classes or
/// structs wrapping an int, long, Guid or string, converted by a lambda pair, a converter class (as an instance or a
/// type argument) or <c>ConfigureConventions</c>, used as keys and as foreign keys.</summary>
internal static class TypedIdModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["orders with typed ids: int, long, Guid and string ids as keys and foreign keys, lambda, converter class, HasConversion<T>(), ConfigureConventions, HasForeignKey"] = ("""
            namespace TypedIds.Orders
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public readonly record struct CustomerId(Guid Value);
                public readonly record struct OrderId(int Value);
                public readonly record struct OrderLineId(long Value);
                public record class ProductCode(string Value);
                public readonly record struct ShipmentId(Guid Value);
                public readonly record struct CouponCode(string Value);
                public struct WarehouseId
                {
                    public WarehouseId(int value) { Value = value; }
                    public int Value { get; }
                }
                public sealed class CustomerIdConverter : ValueConverter<CustomerId, Guid>
                {
                    public CustomerIdConverter() : base(id => id.Value, value => new CustomerId(value)) { }
                }
                public sealed class OrderIdConverter : ValueConverter<OrderId, int>
                {
                    public OrderIdConverter() : base(id => id.Value, value => new OrderId(value)) { }
                }
                public class Customer
                {
                    public CustomerId Id { get; set; }
                    public string Name { get; set; } = "";
                    public string Email { get; set; } = "";
                    public List<Order> Orders { get; } = new();
                }
                public class Product
                {
                    public ProductCode Id { get; set; } = null!;
                    public string Name { get; set; } = "";
                    public decimal Price { get; set; }
                }
                public class Coupon
                {
                    public CouponCode Id { get; set; }
                    public decimal Discount { get; set; }
                }
                public class Warehouse
                {
                    public WarehouseId Id { get; set; }
                    public string City { get; set; } = "";
                }
                public class Order
                {
                    public OrderId Id { get; set; }
                    public CustomerId CustomerId { get; set; }
                    public Customer Customer { get; set; } = null!;
                    public DateTime PlacedAt { get; set; }
                    public CouponCode? CouponId { get; set; }
                    public Coupon? Coupon { get; set; }
                    public List<OrderLine> Lines { get; } = new();
                }
                public class OrderLine
                {
                    public OrderLineId Id { get; set; }
                    public OrderId OrderId { get; set; }
                    public Order Order { get; set; } = null!;
                    public ProductCode ProductId { get; set; } = null!;
                    public Product Product { get; set; } = null!;
                    public int Quantity { get; set; }
                }
                public class Shipment
                {
                    public ShipmentId Id { get; set; }
                    public OrderId SourceOrderId { get; set; }
                    public Order Order { get; set; } = null!;
                    public WarehouseId? WarehouseId { get; set; }
                    public Warehouse? Warehouse { get; set; }
                    public string Carrier { get; set; } = "";
                }
                public class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Product> Products => Set<Product>();
                    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
                    public DbSet<Coupon> Coupons => Set<Coupon>();
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
                    public DbSet<Shipment> Shipments => Set<Shipment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        configurationBuilder.Properties<CustomerId>().HaveConversion<CustomerIdConverter>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().Property(o => o.Id).HasConversion(new OrderIdConverter());
                        modelBuilder.Entity<OrderLine>().Property(l => l.OrderId).HasConversion<OrderIdConverter>();
                        modelBuilder.Entity<OrderLine>().Property(l => l.Id).HasConversion(id => id.Value, value => new OrderLineId(value));
                        modelBuilder.Entity<OrderLine>().HasOne(l => l.Order).WithMany(o => o.Lines);
                        modelBuilder.Entity<Product>().Property(p => p.Id).HasConversion(code => code.Value, value => new ProductCode(value)).HasMaxLength(20).IsUnicode(false);
                        // No facets of its own: EF takes its key's (varchar(20)), with its own converter.
                        modelBuilder.Entity<OrderLine>().Property(l => l.ProductId).HasConversion(code => code.Value, value => new ProductCode(value));
                        modelBuilder.Entity<Warehouse>().Property(w => w.Id).HasConversion(id => id.Value, value => new WarehouseId(value));
                        modelBuilder.Entity<Shipment>().Property(s => s.WarehouseId).HasConversion(id => id!.Value.Value, value => new WarehouseId(value));
                        modelBuilder.Entity<Shipment>().Property(s => s.Id).HasConversion(id => id.Value, value => new ShipmentId(value));
                        modelBuilder.Entity<Shipment>().Property(s => s.SourceOrderId).HasConversion(new OrderIdConverter());
                        modelBuilder.Entity<Shipment>().HasOne(s => s.Order).WithMany().HasForeignKey(s => s.SourceOrderId);
                        modelBuilder.Entity<Shipment>().HasIndex(s => s.Carrier);
                        modelBuilder.Entity<Coupon>().Property(c => c.Id).HasConversion(code => code.Value, value => new CouponCode(value));
                        modelBuilder.Entity<Order>().Property(o => o.CouponId).HasConversion(code => code!.Value.Value, value => new CouponCode(value));
                    }
                }
            }
            """, "TypedIds.Orders.OrderingContext"),
        ["stock with typed ids: a configuration class and builder lambdas, a converted foreign key taking its key's facets (varchar(32)), a Guid key's foreign key converted to string, ValueGeneratedOnAdd on a typed key"] = ("""
            namespace TypedIds.Stock
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public readonly record struct Sku(string Value);
                public readonly record struct BinId(int Value);
                public readonly record struct SupplierId(Guid Value);
                public class Item
                {
                    public Sku Id { get; set; }
                    public string Name { get; set; } = "";
                    public SupplierId? SupplierId { get; set; }
                    public Supplier? Supplier { get; set; }
                }
                public class Supplier { public SupplierId Id { get; set; } public string Name { get; set; } = ""; }
                public class Bin { public BinId Id { get; set; } public string Label { get; set; } = ""; }
                public class StockLevel
                {
                    public int Id { get; set; }
                    public Sku ItemId { get; set; }
                    public Item Item { get; set; } = null!;
                    public BinId BinId { get; set; }
                    public Bin Bin { get; set; } = null!;
                    public int OnHand { get; set; }
                }
                public class ItemConfiguration : IEntityTypeConfiguration<Item>
                {
                    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Item> builder)
                    {
                        builder.HasKey(i => i.Id);
                        builder.Property(i => i.Id).HasConversion(s => s.Value, v => new Sku(v)).HasMaxLength(32).IsUnicode(false);
                        // The legacy column holds the supplier's id as text.
                        builder.Property(i => i.SupplierId).HasConversion(s => s!.Value.Value.ToString(), v => new SupplierId(Guid.Parse(v)));
                    }
                }
                public class StockContext(DbContextOptions<StockContext> options) : DbContext(options)
                {
                    public DbSet<Item> Items => Set<Item>();
                    public DbSet<Supplier> Suppliers => Set<Supplier>();
                    public DbSet<Bin> Bins => Set<Bin>();
                    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.ApplyConfiguration(new ItemConfiguration());
                        modelBuilder.Entity<Supplier>(b => b.Property(s => s.Id).HasConversion(s => s.Value, v => new SupplierId(v)));
                        modelBuilder.Entity<StockLevel>(b =>
                        {
                            b.Property(s => s.ItemId).HasConversion(s => s.Value, v => new Sku(v));
                            b.Property(s => s.BinId).HasConversion(s => s.Value, v => new BinId(v));
                        });
                        modelBuilder.Entity<Bin>(b => b.Property(x => x.Id).HasConversion(s => s.Value, v => new BinId(v)).ValueGeneratedOnAdd());
                    }
                }
            }
            """, "TypedIds.Stock.StockContext"),
        ["billing with a DDD base class: Entity<TId> with a protected setter, a primary-constructor converter class in ConfigureConventions, an optional navigation over a non-nullable typed foreign key"] = ("""
            namespace TypedIds.Billing
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public readonly record struct InvoiceId(Guid Value);
                public readonly record struct AccountId(long Value);
                public abstract class Entity<TId> where TId : struct
                {
                    public TId Id { get; protected set; }
                }
                public class Account : Entity<AccountId>
                {
                    public string Holder { get; set; } = "";
                }
                public class Invoice : Entity<InvoiceId>
                {
                    public AccountId AccountId { get; private set; }
                    public Account? Account { get; set; }
                    public decimal Total { get; set; }
                }
                public sealed class AccountIdConverter() : ValueConverter<AccountId, long>(id => id.Value, value => new AccountId(value));
                public class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
                {
                    public DbSet<Account> Accounts => Set<Account>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        configurationBuilder.Properties<AccountId>().HaveConversion<AccountIdConverter>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Invoice>().Property(i => i.Id).HasConversion(id => id.Value, value => new InvoiceId(value));
                    }
                }
            }
            """, "TypedIds.Billing.BillingContext"),
    };
}
