namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>The fidelity models: realistic domains, each covering a part of EF Core's conventions and configuration.</summary>
internal static class Models
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["blog: conventions, required and optional FKs, navigation-only entities"] = ("""
            namespace Blogging
            {
                public class Blog
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public string? Description { get; set; }
                    public List<Post> Posts { get; } = new();
                }
                public class Post
                {
                    public int PostId { get; set; }
                    public string Title { get; set; } = "";
                    public DateTime PublishedOn { get; set; }
                    public int BlogId { get; set; }
                    public Blog Blog { get; set; } = null!;
                    public int? AuthorId { get; set; }
                    public Author? Author { get; set; }
                }
                public class Author
                {
                    public int Id { get; set; }
                    public string DisplayName { get; set; } = "";
                    public byte[]? Photo { get; set; }
                }
                public class BloggingContext(DbContextOptions<BloggingContext> options) : DbContext(options)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    public DbSet<Post> Posts => Set<Post>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Blogging.BloggingContext"),

        ["shop: attributes, unique nullable index, composite key, shadow FK"] = ("""
            namespace Shop
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;

                [Index(nameof(Email), IsUnique = true)]
                public class Customer
                {
                    public int Id { get; set; }
                    [MaxLength(200)] public string Name { get; set; } = "";
                    [StringLength(320)] public string? Email { get; set; }
                    public CustomerStatus Status { get; set; }
                    public List<Order> Orders { get; } = new();
                }
                public enum CustomerStatus { Active, Blocked }

                [Table("PurchaseOrders", Schema = "sales")]
                public class Order
                {
                    public int Id { get; set; }
                    public int CustomerId { get; set; }
                    public Customer Customer { get; set; } = null!;
                    public decimal Total { get; set; }
                    [Column("placed_at")] public DateTimeOffset PlacedAt { get; set; }
                    public Address? ShippingAddress { get; set; }
                    public List<OrderLine> Lines { get; } = new();
                    [NotMapped] public string Summary { get; set; } = "";
                }
                public class Address
                {
                    public Guid Id { get; set; }
                    [Required] public string? Street { get; set; }
                    public string City { get; set; } = "";
                }

                [PrimaryKey(nameof(OrderId), nameof(LineNumber))]
                [Index(nameof(Sku), nameof(Quantity), Name = "IX_Lines_Sku")]
                public class OrderLine
                {
                    public int OrderId { get; set; }
                    public int LineNumber { get; set; }
                    public string Sku { get; set; } = "";
                    public int Quantity { get; set; }
                    public Order Order { get; set; } = null!;
                }

                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Shop.ShopContext"),

        ["hr: self reference, two relationships to one type, oblivious nullability"] = ("""
            #nullable disable
            namespace Hr
            {
                public class Department
                {
                    public int DepartmentId { get; set; }
                    public string Name { get; set; }
                    public ICollection<Employee> Employees { get; set; }
                }
                public class Employee
                {
                    public int Id { get; set; }
                    public string FullName { get; set; }
                    public int? ManagerId { get; set; }
                    public Employee Manager { get; set; }
                    public List<Employee> Reports { get; set; }
                    public int DepartmentId { get; set; }
                    public Department Department { get; set; }
                }
                public class Transfer
                {
                    public long Id { get; set; }
                    public int FromDepartmentId { get; set; }
                    public Department FromDepartment { get; set; }
                    public int? ToDepartmentId { get; set; }
                    public Department ToDepartment { get; set; }
                    public DateTime EffectiveOn { get; set; }
                }
                public class HrContext : DbContext
                {
                    public HrContext(DbContextOptions<HrContext> options) : base(options) { }
                    public DbSet<Employee> Employees { get; set; }
                    public DbSet<Transfer> Transfers { get; set; }
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Hr.HrContext"),

        ["fleet: TPH with discriminator and derived columns"] = ("""
            namespace Fleet
            {
                public class Garage
                {
                    public int Id { get; set; }
                    public string City { get; set; } = "";
                    public List<Vehicle> Vehicles { get; } = new();
                }
                public abstract class Vehicle
                {
                    public int Id { get; set; }
                    public string Registration { get; set; } = "";
                    public int GarageId { get; set; }
                    public Garage Garage { get; set; } = null!;
                }
                public class Car : Vehicle { public int Seats { get; set; } }
                public class Truck : Vehicle { public decimal PayloadTonnes { get; set; } public string? TrailerCode { get; set; } }
                public class ElectricCar : Car { public int RangeKm { get; set; } }
                public class FleetContext(DbContextOptions<FleetContext> options) : DbContext(options)
                {
                    public DbSet<Garage> Garages => Set<Garage>();
                    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
                    public DbSet<Car> Cars => Set<Car>();
                    public DbSet<Truck> Trucks => Set<Truck>();
                    public DbSet<ElectricCar> ElectricCars => Set<ElectricCar>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Fleet.FleetContext"),

        ["zoo: TPT with a key-to-key foreign key"] = ("""
            namespace Zoo
            {
                using System.ComponentModel.DataAnnotations.Schema;
                public class Enclosure { public int Id { get; set; } public List<Animal> Animals { get; } = new(); }
                public class Animal
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public int EnclosureId { get; set; }
                    public Enclosure Enclosure { get; set; } = null!;
                }
                [Table("Lions")] public class Lion : Animal { public int PrideSize { get; set; } }
                [Table("Penguins")] public class Penguin : Animal { public bool CanSwimFast { get; set; } }
                public class ZooContext(DbContextOptions<ZooContext> options) : DbContext(options)
                {
                    public DbSet<Animal> Animals => Set<Animal>();
                    public DbSet<Lion> Lions => Set<Lion>();
                    public DbSet<Penguin> Penguins => Set<Penguin>();
                    public DbSet<Enclosure> Enclosures => Set<Enclosure>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Zoo.ZooContext"),

        ["library: fluent relationships, keys, indexes, facets, check constraint, view"] = ("""
            namespace Library
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class Member
                {
                    public int MemberNumber { get; set; }
                    public string Name { get; set; } = "";
                    public string? Phone { get; set; }
                    public string Notes { get; set; } = "";
                    public List<Loan> Loans { get; } = new();
                }
                public class Book
                {
                    public int Id { get; set; }
                    public string Isbn { get; set; } = "";
                    public string Title { get; set; } = "";
                    public int Copies { get; set; }
                }
                public class Loan
                {
                    public int Id { get; set; }
                    public int BorrowerNumber { get; set; }
                    public Member Borrower { get; set; } = null!;
                    public int BookId { get; set; }
                    public Book Book { get; set; } = null!;
                    public DateTime DueOn { get; set; }
                }
                public class OverdueLoan { public int LoanId { get; set; } public int DaysLate { get; set; } }
                public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
                {
                    public DbSet<Member> Members => Set<Member>();
                    public DbSet<Book> Books => Set<Book>();
                    public DbSet<Loan> Loans => Set<Loan>();
                    public DbSet<OverdueLoan> OverdueLoans => Set<OverdueLoan>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Member>(member =>
                        {
                            member.HasKey(m => m.MemberNumber).HasName("PK_LibraryMembers");
                            member.Property(m => m.Name).HasMaxLength(120).HasColumnName("member_name");
                            member.Property(m => m.Phone).IsRequired();
                            member.Ignore(m => m.Notes);
                            member.HasIndex(m => m.Phone).IsUnique();
                        });
                        modelBuilder.Entity<Loan>()
                            .HasOne(l => l.Borrower)
                            .WithMany(m => m.Loans)
                            .HasForeignKey(l => l.BorrowerNumber)
                            .OnDelete(DeleteBehavior.Restrict);
                        modelBuilder.Entity<Loan>().HasOne(l => l.Book).WithMany().OnDelete(DeleteBehavior.SetNull).IsRequired(false);
                        modelBuilder.ApplyConfiguration(new BookConfiguration());
                        modelBuilder.Entity<OverdueLoan>().HasNoKey().ToView("v_overdue_loans");
                    }
                }
                public class BookConfiguration : IEntityTypeConfiguration<Book>
                {
                    public void Configure(EntityTypeBuilder<Book> builder)
                    {
                        builder.ToTable("Books", t => t.HasCheckConstraint("CK_Books_Copies", "[Copies] >= 0"));
                        builder.Property(b => b.Isbn).HasMaxLength(13).IsRequired();
                        builder.HasIndex(b => b.Isbn).IsUnique().HasDatabaseName("UX_Books_Isbn");
                    }
                }
            }
            """, "Library.LibraryContext"),

        ["accounts: one-to-one with FK on the dependent, unidirectional references"] = ("""
            namespace Accounts
            {
                public class User
                {
                    public Guid Id { get; set; }
                    public string Login { get; set; } = "";
                    public Profile? Profile { get; set; }
                }
                public class Profile
                {
                    public int Id { get; set; }
                    public Guid UserId { get; set; }
                    public User User { get; set; } = null!;
                    public string? Bio { get; set; }
                }
                public class Session
                {
                    public long Id { get; set; }
                    public User User { get; set; } = null!;
                    public User? ImpersonatedBy { get; set; }
                    public DateTime StartedAt { get; set; }
                }
                public class AccountsContext(DbContextOptions<AccountsContext> options) : DbContext(options)
                {
                    public DbSet<User> Users => Set<User>();
                    public DbSet<Session> Sessions => Set<Session>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Accounts.AccountsContext"),

        ["tournament: several relationships between the same two types"] = ("""
            namespace Tournament
            {
                using System.ComponentModel.DataAnnotations.Schema;
                public class Team
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    [InverseProperty(nameof(Match.Home))] public List<Match> HomeMatches { get; } = new();
                    [InverseProperty(nameof(Match.Away))] public List<Match> AwayMatches { get; } = new();
                }
                public class Match
                {
                    public int Id { get; set; }
                    public int HomeId { get; set; }
                    public Team Home { get; set; } = null!;
                    public int AwayId { get; set; }
                    public Team Away { get; set; } = null!;
                    [ForeignKey(nameof(WinnerTeamId))] public Team? Winner { get; set; }
                    public int? WinnerTeamId { get; set; }
                }
                public class TournamentContext(DbContextOptions<TournamentContext> options) : DbContext(options)
                {
                    public DbSet<Team> Teams => Set<Team>();
                    public DbSet<Match> Matches => Set<Match>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder b)
                    {
                        b.Entity<Match>().HasOne(m => m.Home).WithMany(t => t.HomeMatches).OnDelete(DeleteBehavior.NoAction);
                        b.Entity<Match>().HasOne(m => m.Away).WithMany(t => t.AwayMatches).OnDelete(DeleteBehavior.NoAction);
                    }
                }
            }
            """, "Tournament.TournamentContext"),
        ["catalog: every common CLR type with facets, string keys, conversions"] = ("""
            namespace Catalog
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                public enum Availability { InStock, Backorder }
                public enum Flag : byte { None, Hot }
                public class Category
                {
                    [Key, MaxLength(32)] public string Code { get; set; } = "";
                    public string Title { get; set; } = "";
                    public List<Product> Products { get; } = new();
                }
                public class Supplier
                {
                    [Key] public string VatNumber { get; set; } = "";
                    [Unicode(false), MaxLength(5000)] public string? Terms { get; set; }
                }
                [Index(nameof(Slug))]
                public class Product
                {
                    public Guid Id { get; set; }
                    public string Slug { get; set; } = "";
                    public string CategoryCode { get; set; } = "";
                    public Category Category { get; set; } = null!;
                    public string? SupplierVatNumber { get; set; }
                    public Supplier? Supplier { get; set; }
                    [Precision(10, 3)] public decimal Weight { get; set; }
                    public decimal Price { get; set; }
                    public double Rating { get; set; }
                    public float Score { get; set; }
                    public long Views { get; set; }
                    public short Rank { get; set; }
                    public byte Level { get; set; }
                    public bool Visible { get; set; }
                    public char Grade { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public DateTimeOffset UpdatedAt { get; set; }
                    public DateOnly LaunchDay { get; set; }
                    public TimeOnly OpensAt { get; set; }
                    public TimeSpan Warranty { get; set; }
                    public byte[]? Thumbnail { get; set; }
                    [Timestamp] public byte[] Version { get; set; } = null!;
                    public Availability Availability { get; set; }
                    public Flag Flags { get; set; }
                    public Availability? PreviousAvailability { get; set; }
                    [Column(TypeName = "decimal(9,2)")] public decimal Discount { get; set; }
                    public string Barcode { get; set; } = "";
                    public string Color { get; set; } = "";
                    public Availability Stored { get; set; }
                }
                public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
                {
                    public DbSet<Product> Products => Set<Product>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Product>(p =>
                        {
                            p.Property(x => x.Price).HasPrecision(12, 4);
                            p.Property(x => x.Barcode).HasMaxLength(13).IsFixedLength().IsUnicode(false);
                            p.Property(x => x.Color).HasColumnType("varchar(20)");
                            p.Property(x => x.Stored).HasConversion<string>();
                            p.HasIndex(x => x.Barcode).IsUnique();
                        });
                    }
                }
            }
            """, "Catalog.CatalogContext"),
        ["media: many-to-many with implicit join tables, bidirectional and unidirectional"] = ("""
            namespace Media
            {
                public class Tag
                {
                    public int Id { get; set; }
                    public string Label { get; set; } = "";
                    public List<Article> Articles { get; } = new();
                }
                public class Article
                {
                    public int ArticleId { get; set; }
                    public string Headline { get; set; } = "";
                    public List<Tag> Tags { get; } = new();
                    public List<Contributor> Contributors { get; } = new();
                }
                public class Contributor
                {
                    public Guid Id { get; set; }
                    public string Name { get; set; } = "";
                }
                public class Zone
                {
                    public int Id { get; set; }
                    public List<Article> Featured { get; } = new();
                }
                public class Comment
                {
                    public int Id { get; set; }
                    public Article Article { get; set; } = null!;
                    public string Text { get; set; } = "";
                }
                public class MediaContext(DbContextOptions<MediaContext> options) : DbContext(options)
                {
                    public DbSet<Article> Articles => Set<Article>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    public DbSet<Zone> Zones => Set<Zone>();
                    public DbSet<Comment> Comments => Set<Comment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.HasDefaultSchema("media");
                        modelBuilder.Entity<Article>().HasMany(a => a.Contributors).WithMany();
                        modelBuilder.Entity<Zone>().HasMany(z => z.Featured).WithMany();
                    }
                }
            }
            """, "Media.MediaContext"),
        ["clinic: a soft-delete query filter applied in a loop over the model"] = ("""
            namespace Clinic
            {
                using System.Linq.Expressions;
                public interface ISoftDelete { bool IsDeleted { get; set; } }
                public class Patient : ISoftDelete
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public bool IsDeleted { get; set; }
                    public List<Visit> Visits { get; } = new();
                }
                public class Visit : ISoftDelete
                {
                    public int Id { get; set; }
                    public int PatientId { get; set; }
                    public DateTime At { get; set; }
                    public bool IsDeleted { get; set; }
                }
                public class ClinicContext(DbContextOptions<ClinicContext> options) : DbContext(options)
                {
                    public DbSet<Patient> Patients => Set<Patient>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        base.OnModelCreating(modelBuilder);
                        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                        {
                            if (typeof(ISoftDelete).IsAssignableFrom(entityType.ClrType))
                            {
                                var parameter = Expression.Parameter(entityType.ClrType, "e");
                                var body = Expression.Equal(Expression.Property(parameter, nameof(ISoftDelete.IsDeleted)), Expression.Constant(false));
                                entityType.SetQueryFilter(Expression.Lambda(body, parameter));
                            }
                        }
                    }
                }
            }
            """, "Clinic.ClinicContext"),
        ["warehouse: ConfigureConventions defaults under attributes and fluent calls"] = ("""
            namespace Warehouse
            {
                using System.ComponentModel.DataAnnotations;
                public enum BinKind { Shelf, Pallet }
                public class Bin
                {
                    [Key, MaxLength(12)] public string Code { get; set; } = "";
                    public string Aisle { get; set; } = "";
                    public BinKind Kind { get; set; }
                    public decimal Capacity { get; set; }
                    public List<Stock> Stocks { get; } = new();
                }
                public class Stock
                {
                    public int Id { get; set; }
                    public string BinCode { get; set; } = "";
                    public Bin Bin { get; set; } = null!;
                    public string Sku { get; set; } = "";
                    public string? Note { get; set; }
                    public decimal Quantity { get; set; }
                }
                public abstract class Movement { public int Id { get; set; } public string Reference { get; set; } = ""; }
                public class Receipt : Movement { }
                public class Dispatch : Movement { public string Carrier { get; set; } = ""; }
                public class WarehouseContext(DbContextOptions<WarehouseContext> options) : DbContext(options)
                {
                    public DbSet<Bin> Bins => Set<Bin>();
                    public DbSet<Movement> Movements => Set<Movement>();
                    public DbSet<Receipt> Receipts => Set<Receipt>();
                    public DbSet<Dispatch> Dispatches => Set<Dispatch>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        configurationBuilder.Properties<string>().HaveMaxLength(200);
                        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
                        configurationBuilder.Properties<BinKind>().HaveConversion<string>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Stock>().Property(s => s.Sku).HasMaxLength(20);
                    }
                }
            }
            """, "Warehouse.WarehouseContext"),
        ["crm: owned types in the owner's table, optional and required, nested"] = ("""
            namespace Crm
            {
                using System.ComponentModel.DataAnnotations;
                [Owned]
                public class Address
                {
                    [MaxLength(100)] public string Street { get; set; } = "";
                    public string City { get; set; } = "";
                    public string? Region { get; set; }
                    public GeoPoint? Location { get; set; }
                }
                [Owned]
                public class GeoPoint { public double Lat { get; set; } public double Lng { get; set; } }
                public class Money { public decimal Amount { get; set; } public string Currency { get; set; } = ""; }
                public class Account
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public Address Billing { get; set; } = null!;
                    public Address? Shipping { get; set; }
                    public Money CreditLimit { get; set; } = null!;
                }
                public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options)
                {
                    public DbSet<Account> Accounts => Set<Account>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Account>().OwnsOne(a => a.CreditLimit);
                        modelBuilder.Entity<Account>().Navigation(a => a.Billing).IsRequired();
                    }
                }
            }
            """, "Crm.CrmContext"),
        ["billing: alternate keys and a foreign key to one through HasPrincipalKey"] = ("""
            namespace Billing
            {
                public class Customer
                {
                    public int Id { get; set; }
                    public int TenantId { get; set; }
                    public string Code { get; set; } = "";
                }
                public class Invoice
                {
                    public int Id { get; set; }
                    public string Number { get; set; } = "";
                    public List<InvoiceLine> Lines { get; } = new();
                }
                public class InvoiceLine
                {
                    public int Id { get; set; }
                    public string InvoiceNumber { get; set; } = "";
                    public Invoice Invoice { get; set; } = null!;
                    public decimal Amount { get; set; }
                }
                public class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().HasAlternateKey(c => new { c.TenantId, c.Code }).HasName("AK_Customer_Code");
                        modelBuilder.Entity<InvoiceLine>()
                            .HasOne(l => l.Invoice)
                            .WithMany(i => i.Lines)
                            .HasForeignKey(l => l.InvoiceNumber)
                            .HasPrincipalKey(i => i.Number);
                    }
                }
            }
            """, "Billing.BillingContext"),
        ["rental: TPC with inherited columns, repeated foreign keys and indexes"] = ("""
            namespace Rental
            {
                public class Depot
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Vehicle> Vehicles { get; } = new();
                }
                [Index(nameof(Registration), IsUnique = true)]
                public abstract class Vehicle
                {
                    public int Id { get; set; }
                    public string Registration { get; set; } = "";
                    public int DepotId { get; set; }
                    public Depot Depot { get; set; } = null!;
                }
                public class Car : Vehicle { public int Seats { get; set; } }
                public class ElectricCar : Car { public int RangeKm { get; set; } }
                public class Van : Vehicle { public decimal CargoM3 { get; set; } }
                public class Booking
                {
                    public int Id { get; set; }
                    public int VanId { get; set; }
                    public Van Van { get; set; } = null!;
                    public int VehicleId { get; set; }
                    public Vehicle Vehicle { get; set; } = null!;
                }
                public class RentalContext(DbContextOptions<RentalContext> options) : DbContext(options)
                {
                    public DbSet<Depot> Depots => Set<Depot>();
                    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
                    public DbSet<Car> Cars => Set<Car>();
                    public DbSet<ElectricCar> ElectricCars => Set<ElectricCar>();
                    public DbSet<Van> Vans => Set<Van>();
                    public DbSet<Booking> Bookings => Set<Booking>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Vehicle>().UseTpcMappingStrategy();
                }
            }
            """, "Rental.RentalContext"),
        ["ledger: shadow properties, shadow foreign keys by name, defaults"] = ("""
            namespace Ledger
            {
                public class Book
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public List<Entry> Entries { get; } = new();
                }
                public class Entry
                {
                    public long Id { get; set; }
                    public decimal Amount { get; set; }
                    public Account Account { get; set; } = null!;
                }
                public class Account
                {
                    public int Id { get; set; }
                    public string Code { get; set; } = "";
                }
                public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
                {
                    public DbSet<Book> Books => Set<Book>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Book>().Property<DateTime>("CreatedAt").HasDefaultValue(new DateTime(2020, 1, 1));
                        modelBuilder.Entity<Book>().Property<DateTime?>("UpdatedAt");
                        modelBuilder.Entity<Book>().Property<string>("CreatedBy").HasMaxLength(64);
                        modelBuilder.Entity<Entry>().Property<int>("BookId");
                        modelBuilder.Entity<Entry>().HasOne(e => e.Account).WithMany().HasForeignKey("LedgerAccountId");
                    }
                }
            }
            """, "Ledger.LedgerContext"),
        ["payroll: complex types stored in their owner's table"] = ("""
            namespace Payroll
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                [ComplexType]
                public class Money { public decimal Amount { get; set; } [MaxLength(3)] public string Currency { get; set; } = ""; }
                public class Address { public string Street { get; set; } = ""; public string? Unit { get; set; } public string City { get; set; } = ""; }
                public class Employee
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public Money Salary { get; set; } = null!;
                    public Address Home { get; set; } = null!;
                    public Money? Bonus { get; set; }
                }
                public class PayrollContext(DbContextOptions<PayrollContext> options) : DbContext(options)
                {
                    public DbSet<Employee> Employees => Set<Employee>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Employee>().ComplexProperty(e => e.Home);
                }
            }
            """, "Payroll.PayrollContext"),
        ["invoicing: nested complex types, one complex type used twice"] = ("""
            namespace Invoicing
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                [ComplexType]
                public class Money { public decimal Amount { get; set; } [MaxLength(3)] public string Currency { get; set; } = ""; }
                [ComplexType]
                public class Country { public string Code { get; set; } = ""; public string Name { get; set; } = ""; }
                [ComplexType]
                public class PostalAddress { public string Street { get; set; } = ""; public string City { get; set; } = ""; public Country Country { get; set; } = null!; }
                public class Invoice
                {
                    public int Id { get; set; }
                    public string Number { get; set; } = "";
                    public Money Total { get; set; } = null!;
                    public Money Tax { get; set; } = null!;
                    public PostalAddress BillTo { get; set; } = null!;
                    public PostalAddress ShipTo { get; set; } = null!;
                }
                public class InvoicingContext(DbContextOptions<InvoicingContext> options) : DbContext(options)
                {
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Invoicing.InvoicingContext"),
        ["bookings: configuration in helper methods (a private method, a project extension method, a generic helper)"] = ("""
            namespace Bookings
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public interface IStamped { string CreatedBy { get; set; } }
                public class Guest : IStamped { public int Id { get; set; } public string Email { get; set; } = ""; public string CreatedBy { get; set; } = ""; }
                public class Room : IStamped { public int Id { get; set; } public string Number { get; set; } = ""; public string CreatedBy { get; set; } = ""; }
                public class Booking
                {
                    public int Id { get; set; }
                    public int GuestId { get; set; }
                    public Guest Guest { get; set; } = null!;
                    public int RoomId { get; set; }
                    public Room Room { get; set; } = null!;
                    public string Reference { get; set; } = "";
                }
                public static class BookingModel
                {
                    public static void ConfigureRooms(this ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Room>().ToTable("HotelRooms");
                        modelBuilder.Entity<Room>().HasIndex(r => r.Number).IsUnique();
                    }
                }
                public class BookingsContext(DbContextOptions<BookingsContext> options) : DbContext(options)
                {
                    public DbSet<Guest> Guests => Set<Guest>();
                    public DbSet<Room> Rooms => Set<Room>();
                    public DbSet<Booking> Bookings => Set<Booking>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        ConfigureBooking(modelBuilder.Entity<Booking>());
                        modelBuilder.ConfigureRooms();
                        Stamp(modelBuilder.Entity<Guest>());
                        Stamp(modelBuilder.Entity<Room>());
                    }
                    private static void ConfigureBooking(EntityTypeBuilder<Booking> booking)
                    {
                        booking.Property(b => b.Reference).HasMaxLength(12);
                        booking.HasIndex(b => b.Reference).IsUnique();
                        booking.HasOne(b => b.Room).WithMany().OnDelete(DeleteBehavior.Restrict);
                    }
                    private static void Stamp<T>(EntityTypeBuilder<T> entity) where T : class, IStamped
                    {
                        entity.Property(e => e.CreatedBy).HasMaxLength(64);
                        entity.Property<DateTime>("CreatedAt");
                    }
                }
            }
            """, "Bookings.BookingsContext"),
        ["hostel: helpers as method groups, generic extensions in configuration classes, a helper ending a chain"] = ("""
            namespace Hostel
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public abstract class Audited { public int Id { get; set; } public string CreatedBy { get; set; } = ""; public byte[] Version { get; set; } = []; }
                public class Bed : Audited { public string Label { get; set; } = ""; public int DormId { get; set; } public Dorm Dorm { get; set; } = null!; }
                public class Dorm : Audited { public string Name { get; set; } = ""; public List<Bed> Beds { get; } = new(); }
                public class Stay : Audited { public int BedId { get; set; } public Bed Bed { get; set; } = null!; public string Guest { get; set; } = ""; }
                public static class AuditedConfiguration
                {
                    public static EntityTypeBuilder<T> ConfigureAudited<T>(this EntityTypeBuilder<T> builder) where T : Audited
                    {
                        builder.Property(e => e.CreatedBy).HasMaxLength(40).IsRequired();
                        builder.Property(e => e.Version).IsRowVersion();
                        return builder;
                    }
                }
                public class BedConfiguration : IEntityTypeConfiguration<Bed>
                {
                    public void Configure(EntityTypeBuilder<Bed> builder)
                    {
                        builder.ConfigureAudited();
                        builder.Property(b => b.Label).HasMaxLength(8);
                        builder.HasIndex(b => new { b.DormId, b.Label }).IsUnique();
                    }
                }
                public class HostelContext(DbContextOptions<HostelContext> options) : DbContext(options)
                {
                    public DbSet<Bed> Beds => Set<Bed>();
                    public DbSet<Dorm> Dorms => Set<Dorm>();
                    public DbSet<Stay> Stays => Set<Stay>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.ApplyConfiguration(new BedConfiguration());
                        modelBuilder.Entity<Dorm>(ConfigureDorm);
                        modelBuilder.Entity<Stay>().HasOne(s => s.Bed).WithMany().OnDelete(DeleteBehavior.Restrict);
                        modelBuilder.Entity<Stay>().Property(s => s.Guest).HasMaxLength(80);
                        modelBuilder.Entity<Stay>().HasIndex(s => s.Guest);
                        modelBuilder.Entity<Stay>().ConfigureAudited();
                    }
                    private static void ConfigureDorm(EntityTypeBuilder<Dorm> dorm)
                    {
                        dorm.ConfigureAudited();
                        dorm.Property(d => d.Name).HasMaxLength(30);
                        dorm.HasIndex(d => d.Name).IsUnique();
                    }
                }
            }
            """, "Hostel.HostelContext"),
        ["kennel: a generic base configuration class whose Configure the entity configurations extend"] = ("""
            namespace Kennel
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public abstract class Tracked { public int Id { get; set; } public string CreatedBy { get; set; } = ""; public DateTime CreatedAt { get; set; } }
                public class Dog : Tracked { public string Name { get; set; } = ""; public int KennelRunId { get; set; } public KennelRun KennelRun { get; set; } = null!; }
                public class KennelRun : Tracked { public string Code { get; set; } = ""; }
                public abstract class TrackedConfiguration<T> : IEntityTypeConfiguration<T> where T : Tracked
                {
                    public virtual void Configure(EntityTypeBuilder<T> builder)
                    {
                        builder.Property(e => e.CreatedBy).HasMaxLength(40);
                        builder.HasIndex(e => e.CreatedAt);
                    }
                }
                public class DogConfiguration : TrackedConfiguration<Dog>
                {
                    public override void Configure(EntityTypeBuilder<Dog> builder)
                    {
                        base.Configure(builder);
                        builder.Property(d => d.Name).HasMaxLength(50);
                        builder.HasOne(d => d.KennelRun).WithMany().OnDelete(DeleteBehavior.Restrict);
                    }
                }
                public class KennelRunConfiguration : TrackedConfiguration<KennelRun> { }
                public class KennelContext(DbContextOptions<KennelContext> options) : DbContext(options)
                {
                    public DbSet<Dog> Dogs => Set<Dog>();
                    public DbSet<KennelRun> Runs => Set<KennelRun>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(KennelContext).Assembly);
                }
            }
            """, "Kennel.KennelContext"),
        ["scaffolded: a database-first context with OnModelCreatingPartial implemented in another part"] = ("""
            namespace Scaffolded
            {
                public partial class Supplier { public int SupplierId { get; set; } public string CompanyName { get; set; } = null!; public virtual ICollection<Part> Parts { get; } = new List<Part>(); }
                public partial class Part
                {
                    public int PartId { get; set; }
                    public string PartName { get; set; } = null!;
                    public string? Sku { get; set; }
                    public decimal UnitPrice { get; set; }
                    public DateTime AddedAt { get; set; }
                    public int? SupplierId { get; set; }
                    public virtual Supplier? Supplier { get; set; }
                    public virtual ICollection<Tag> Tags { get; } = new List<Tag>();
                }
                public partial class Tag { public int TagId { get; set; } public string Name { get; set; } = null!; public virtual ICollection<Part> Parts { get; } = new List<Part>(); }
                public partial class PartsContext(DbContextOptions<PartsContext> options) : DbContext(options)
                {
                    public virtual DbSet<Supplier> Suppliers { get; set; }
                    public virtual DbSet<Part> Parts { get; set; }
                    public virtual DbSet<Tag> Tags { get; set; }
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Supplier>(entity =>
                        {
                            entity.Property(e => e.CompanyName).HasMaxLength(40);
                        });
                        modelBuilder.Entity<Part>(entity =>
                        {
                            entity.HasKey(e => e.PartId).HasName("PK_Part");
                            entity.HasIndex(e => e.SupplierId, "IX_Parts_Supplier");
                            entity.HasIndex(e => e.Sku, "UX_Parts_Sku").IsUnique();
                            entity.Property(e => e.PartName).HasMaxLength(40);
                            entity.Property(e => e.Sku).HasMaxLength(12).IsUnicode(false).IsFixedLength();
                            entity.Property(e => e.UnitPrice).HasColumnType("decimal(18, 2)");
                            entity.Property(e => e.AddedAt).HasDefaultValueSql("(getdate())").HasColumnType("datetime");
                            entity.HasOne(d => d.Supplier).WithMany(p => p.Parts).HasForeignKey(d => d.SupplierId).OnDelete(DeleteBehavior.ClientSetNull).HasConstraintName("FK_Parts_Suppliers");
                            // The scaffolder configures a many-to-many's join table as a property bag in UsingEntity lambdas:
                            // withheld by DataDocGen (ManyToManyTests), so this model keeps the implicit join table.
                        });
                        modelBuilder.Entity<Tag>(entity =>
                        {
                            entity.Property(e => e.TagId).ValueGeneratedNever();
                            entity.Property(e => e.Name).HasMaxLength(20);
                        });
                        OnModelCreatingPartial(modelBuilder);
                    }
                    partial void OnModelCreatingPartial(ModelBuilder modelBuilder);
                }
                public partial class PartsContext
                {
                    partial void OnModelCreatingPartial(ModelBuilder modelBuilder) =>
                        modelBuilder.Entity<Part>().Property(p => p.PartName).HasMaxLength(60);
                }
            }
            """, "Scaffolded.PartsContext"),
        ["scaffolded joins: many-to-many join tables as the scaffolder writes them (property bags in UsingEntity lambdas)"] = ("""
            namespace ScaffoldedJoins
            {
                public partial class Post { public int PostId { get; set; } public string Title { get; set; } = null!; public virtual ICollection<Tag> Tags { get; set; } = new List<Tag>(); }
                public partial class Tag { public int TagId { get; set; } public string Label { get; set; } = null!; public virtual ICollection<Post> Posts { get; set; } = new List<Post>(); }
                public partial class Student { public Guid StudentId { get; set; } public string Name { get; set; } = null!; public virtual ICollection<Course> Courses { get; set; } = new List<Course>(); }
                public partial class Course { public string CourseCode { get; set; } = null!; public string Title { get; set; } = null!; public virtual ICollection<Student> Students { get; set; } = new List<Student>(); }
                public partial class Member
                {
                    public int MemberId { get; set; }
                    public string Name { get; set; } = null!;
                    public virtual ICollection<Member> Followers { get; set; } = new List<Member>();
                    public virtual ICollection<Member> Following { get; set; } = new List<Member>();
                }
                public partial class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
                {
                    public virtual DbSet<Post> Posts { get; set; }
                    public virtual DbSet<Tag> Tags { get; set; }
                    public virtual DbSet<Student> Students { get; set; }
                    public virtual DbSet<Course> Courses { get; set; }
                    public virtual DbSet<Member> Members { get; set; }
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Post>(entity =>
                        {
                            entity.Property(e => e.Title).HasMaxLength(200);
                            entity.HasMany(d => d.Tags).WithMany(p => p.Posts)
                                .UsingEntity<Dictionary<string, object>>(
                                    "PostTag",
                                    r => r.HasOne<Tag>().WithMany()
                                        .HasForeignKey("TagId")
                                        .OnDelete(DeleteBehavior.ClientSetNull)
                                        .HasConstraintName("FK_PostTag_Tags"),
                                    l => l.HasOne<Post>().WithMany()
                                        .HasForeignKey("PostId")
                                        .OnDelete(DeleteBehavior.ClientSetNull)
                                        .HasConstraintName("FK_PostTag_Posts"),
                                    j =>
                                    {
                                        j.HasKey("PostId", "TagId").HasName("PK_PostTag");
                                        j.ToTable("PostTag");
                                        j.HasIndex(new[] { "TagId" }, "IX_PostTag_TagId");
                                        j.IndexerProperty<int>("TagId").HasColumnName("tag_id");
                                    });
                        });
                        modelBuilder.Entity<Course>(entity =>
                        {
                            entity.HasKey(e => e.CourseCode);
                            entity.Property(e => e.CourseCode).HasMaxLength(10);
                            entity.HasMany(d => d.Students).WithMany(p => p.Courses)
                                .UsingEntity<Dictionary<string, object>>(
                                    "Enrollment",
                                    r => r.HasOne<Student>().WithMany().HasForeignKey("StudentId"),
                                    l => l.HasOne<Course>().WithMany().HasForeignKey("CourseCode"),
                                    j =>
                                    {
                                        j.HasKey("CourseCode", "StudentId");
                                        j.ToTable("Enrollments", "school");
                                        j.HasIndex(new[] { "StudentId" }, "IX_Enrollments_StudentId");
                                    });
                        });
                        modelBuilder.Entity<Member>(entity =>
                        {
                            entity.HasMany(d => d.Followers).WithMany(p => p.Following)
                                .UsingEntity<Dictionary<string, object>>(
                                    "Follow",
                                    r => r.HasOne<Member>().WithMany()
                                        .HasForeignKey("FollowerId")
                                        .OnDelete(DeleteBehavior.ClientSetNull)
                                        .HasConstraintName("FK_Follows_Followers"),
                                    l => l.HasOne<Member>().WithMany()
                                        .HasForeignKey("FollowedId")
                                        .OnDelete(DeleteBehavior.ClientSetNull)
                                        .HasConstraintName("FK_Follows_Followed"),
                                    j =>
                                    {
                                        j.HasKey("FollowedId", "FollowerId");
                                        j.ToTable("Follows");
                                        j.HasIndex(new[] { "FollowerId" }, "IX_Follows_FollowerId");
                                    });
                        });
                    }
                }
            }
            """, "ScaffoldedJoins.BlogContext"),
        ["logistics: owned collections in their own tables"] = ("""
            namespace Logistics
            {
                public class Stop { public string City { get; set; } = ""; public DateTime? ArrivedAt { get; set; } }
                public class Parcel { public string Code { get; set; } = ""; public decimal WeightKg { get; set; } }
                public class Shipment
                {
                    public int Id { get; set; }
                    public string Reference { get; set; } = "";
                    public List<Stop> Stops { get; } = new();
                    public List<Parcel> Parcels { get; } = new();
                }
                public class LogisticsContext(DbContextOptions<LogisticsContext> options) : DbContext(options)
                {
                    public DbSet<Shipment> Shipments => Set<Shipment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Shipment>().OwnsMany(s => s.Stops);
                        modelBuilder.Entity<Shipment>().OwnsMany(s => s.Parcels);
                    }
                }
            }
            """, "Logistics.LogisticsContext"),
        ["telemetry: owned types stored as JSON columns"] = ("""
            namespace Telemetry
            {
                public class Metadata { public string Source { get; set; } = ""; public int Version { get; set; } }
                public class Reading { public DateTime At { get; set; } public double Value { get; set; } }
                public class Device
                {
                    public int Id { get; set; }
                    public string Serial { get; set; } = "";
                    public Metadata? Meta { get; set; }
                    public Metadata Settings { get; set; } = null!;
                    public List<Reading> Readings { get; } = new();
                }
                public class TelemetryContext(DbContextOptions<TelemetryContext> options) : DbContext(options)
                {
                    public DbSet<Device> Devices => Set<Device>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Device>().OwnsOne(d => d.Meta).ToJson();
                        modelBuilder.Entity<Device>().OwnsOne(d => d.Settings).ToJson();
                        modelBuilder.Entity<Device>().OwnsMany(d => d.Readings).ToJson();
                    }
                }
            }
            """, "Telemetry.TelemetryContext"),
        ["marketplace: a larger domain combining conventions, configuration and mappings"] = ("""
            namespace Marketplace
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                using Microsoft.EntityFrameworkCore.Metadata.Builders;

                public class Seller { public int Id { get; set; } [MaxLength(120)] public string Name { get; set; } = ""; public List<Store> Stores { get; } = new(); }
                public class Store { public int Id { get; set; } public int SellerId { get; set; } public Seller Seller { get; set; } = null!; public string Slug { get; set; } = ""; public List<Product> Products { get; } = new(); }
                public class Category
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public int? ParentId { get; set; }
                    public Category? Parent { get; set; }
                    public List<Category> Children { get; } = new();
                    public List<Product> Products { get; } = new();
                }
                public abstract class Product
                {
                    public int Id { get; set; }
                    public int StoreId { get; set; }
                    public Store Store { get; set; } = null!;
                    [MaxLength(200)] public string Title { get; set; } = "";
                    [Precision(12, 2)] public decimal Price { get; set; }
                    public List<Category> Categories { get; } = new();
                    public List<Review> Reviews { get; } = new();
                }
                public class PhysicalProduct : Product { public decimal WeightKg { get; set; } }
                public class DigitalProduct : Product { public string DownloadUrl { get; set; } = ""; }
                [Owned] public class PostalAddress { public string Line1 { get; set; } = ""; public string City { get; set; } = ""; public string Country { get; set; } = ""; }
                [Index(nameof(Email), IsUnique = true)]
                public class Customer
                {
                    public Guid Id { get; set; }
                    [MaxLength(320)] public string Email { get; set; } = "";
                    public PostalAddress? Address { get; set; }
                    public List<Order> Orders { get; } = new();
                }
                public enum OrderState { Draft, Paid, Shipped, Cancelled }
                public class Order
                {
                    public long Id { get; set; }
                    public Guid CustomerId { get; set; }
                    public Customer Customer { get; set; } = null!;
                    public OrderState State { get; set; }
                    public string? CouponCode { get; set; }
                    public Coupon? Coupon { get; set; }
                    public Payment? Payment { get; set; }
                    public List<OrderItem> Items { get; } = new();
                }
                [PrimaryKey(nameof(OrderId), nameof(ProductId))]
                public class OrderItem
                {
                    public long OrderId { get; set; }
                    public Order Order { get; set; } = null!;
                    public int ProductId { get; set; }
                    public Product Product { get; set; } = null!;
                    public int Quantity { get; set; }
                }
                public class Payment { public int Id { get; set; } public long OrderId { get; set; } public Order Order { get; set; } = null!; public decimal Amount { get; set; } }
                public class Coupon { public int Id { get; set; } public string Code { get; set; } = ""; public decimal Discount { get; set; } }
                public class Review
                {
                    public int Id { get; set; }
                    public int ProductId { get; set; }
                    public Guid AuthorId { get; set; }
                    public Customer Author { get; set; } = null!;
                    [Range(1, 5)] public int Stars { get; set; }
                }
                public class MarketplaceContext(DbContextOptions<MarketplaceContext> options) : DbContext(options)
                {
                    public DbSet<Seller> Sellers => Set<Seller>();
                    public DbSet<Product> Products => Set<Product>();
                    public DbSet<PhysicalProduct> PhysicalProducts => Set<PhysicalProduct>();
                    public DbSet<DigitalProduct> DigitalProducts => Set<DigitalProduct>();
                    public DbSet<Category> Categories => Set<Category>();
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.HasDefaultSchema("market");
                        modelBuilder.ApplyConfiguration(new OrderConfiguration());
                        modelBuilder.Entity<Coupon>().HasAlternateKey(c => c.Code);
                        modelBuilder.Entity<Store>().HasIndex(s => new { s.SellerId, s.Slug }).IsUnique();
                        modelBuilder.Entity<Review>().Property<DateTime>("CreatedAt");
                    }
                }
                public class OrderConfiguration : IEntityTypeConfiguration<Order>
                {
                    public void Configure(EntityTypeBuilder<Order> builder)
                    {
                        builder.ToTable("PurchaseOrders");
                        builder.HasOne(o => o.Coupon).WithMany().HasForeignKey(o => o.CouponCode).HasPrincipalKey(c => c.Code).OnDelete(DeleteBehavior.SetNull);
                        builder.HasOne(o => o.Payment).WithOne(p => p.Order).HasForeignKey<Payment>(p => p.OrderId);
                        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
                    }
                }
            }
            """, "Marketplace.MarketplaceContext"),
        ["social: self-referencing many-to-many, self-referencing one-to-many"] = ("""
            namespace Social
            {
                using System.ComponentModel.DataAnnotations;
                public class Member
                {
                    public int Id { get; set; }
                    [MaxLength(40)] public string Handle { get; set; } = "";
                    public List<Member> Followers { get; set; } = new();
                    public List<Member> Following { get; set; } = new();
                    public List<Post> Posts { get; set; } = new();
                }
                public class Post
                {
                    public long Id { get; set; }
                    public int AuthorId { get; set; }
                    public Member Author { get; set; } = null!;
                    public List<Post> Replies { get; set; } = new();
                    public long? ParentId { get; set; }
                    public Post? Parent { get; set; }
                }
                public class SocialContext(DbContextOptions<SocialContext> options) : DbContext(options)
                {
                    public DbSet<Member> Members => Set<Member>();
                    public DbSet<Post> Posts => Set<Post>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Social.SocialContext"),
        ["tagging: UsingEntity with a join entity name"] = ("""
            namespace Tagging
            {
                public class Post
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public List<Tag> Tags { get; set; } = new();
                }
                public class Tag
                {
                    public string Id { get; set; } = "";
                    public List<Post> Posts { get; set; } = new();
                }
                public class TaggingContext(DbContextOptions<TaggingContext> options) : DbContext(options)
                {
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Tag>().Property(t => t.Id).HasMaxLength(30);
                        modelBuilder.Entity<Post>().HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTagLinks");
                    }
                }
            }
            """, "Tagging.TaggingContext"),
        ["catalogue: UsingEntity naming the join table, a unidirectional many-to-many"] = ("""
            namespace Catalogue
            {
                public class Article
                {
                    public int Id { get; set; }
                    public List<Label> Labels { get; set; } = new();
                    public List<Author> Authors { get; set; } = new();
                }
                public class Label
                {
                    public int Id { get; set; }
                    public List<Article> Articles { get; set; } = new();
                }
                public class Author
                {
                    public int Id { get; set; }
                }
                public class CatalogueContext(DbContextOptions<CatalogueContext> options) : DbContext(options)
                {
                    public DbSet<Article> Articles => Set<Article>();
                    public DbSet<Label> Labels => Set<Label>();
                    public DbSet<Author> Authors => Set<Author>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Label>().HasMany(l => l.Articles).WithMany(a => a.Labels).UsingEntity(j => j.ToTable("ArticleLabels"));
                        modelBuilder.Entity<Article>().HasMany(a => a.Authors).WithMany().UsingEntity(join => join.ToTable("ArticleAuthors"));
                    }
                }
            }
            """, "Catalogue.CatalogueContext"),
        ["payments: TPH with configured discriminators (string and int)"] = ("""
            namespace Payments
            {
                public abstract class PaymentMethod
                {
                    public int Id { get; set; }
                    public string Holder { get; set; } = "";
                }
                public class CreditCard : PaymentMethod { public string Last4 { get; set; } = ""; }
                public class BankTransferMandate : PaymentMethod { public string Iban { get; set; } = ""; }
                public class Voucher : PaymentMethod { public decimal Balance { get; set; } }
                public class Notice
                {
                    public int Id { get; set; }
                    public string Text { get; set; } = "";
                }
                public class Reminder : Notice { public int Level { get; set; } }
                public class FinalDemand : Notice { public DateTime Deadline { get; set; } }
                public class PaymentsContext(DbContextOptions<PaymentsContext> options) : DbContext(options)
                {
                    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
                    public DbSet<CreditCard> CreditCards => Set<CreditCard>();
                    public DbSet<BankTransferMandate> Mandates => Set<BankTransferMandate>();
                    public DbSet<Voucher> Vouchers => Set<Voucher>();
                    public DbSet<Notice> Notices => Set<Notice>();
                    public DbSet<Reminder> Reminders => Set<Reminder>();
                    public DbSet<FinalDemand> FinalDemands => Set<FinalDemand>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<PaymentMethod>()
                            .HasDiscriminator<string>("MethodKind")
                            .HasValue<CreditCard>("card")
                            .HasValue<BankTransferMandate>("mandate")
                            .HasValue<Voucher>("voucher");
                        modelBuilder.Entity<Notice>().HasDiscriminator<int>("NoticeType")
                            .HasValue<Notice>(0).HasValue<Reminder>(1).HasValue<FinalDemand>(2);
                    }
                }
            }
            """, "Payments.PaymentsContext"),
        ["shipping: owned types configured inside OwnsOne lambdas"] = ("""
            namespace Shipping
            {
                public class Address
                {
                    public string Street { get; set; } = "";
                    public string City { get; set; } = "";
                    public string? Postcode { get; set; }
                    public decimal Latitude { get; set; }
                }
                public class Parcel
                {
                    public int Id { get; set; }
                    public string Code { get; set; } = "";
                    [System.ComponentModel.DataAnnotations.Schema.Column("TrackingRef")] public string? Tracking { get; set; }
                    public Address Origin { get; set; } = null!;
                    public Address? Destination { get; set; }
                    public Address? ReturnTo { get; set; }
                }
                public class ShippingContext(DbContextOptions<ShippingContext> options) : DbContext(options)
                {
                    public DbSet<Parcel> Parcels => Set<Parcel>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Parcel>(parcel =>
                        {
                            parcel.Property(p => p.Code).HasColumnName("ParcelCode");
                            parcel.OwnsOne(p => p.Origin, origin =>
                            {
                                origin.Property(a => a.Street).HasMaxLength(120).IsRequired();
                                origin.Property(a => a.City).HasColumnName("OriginTown").HasMaxLength(60);
                                origin.Property(a => a.Latitude).HasPrecision(9, 6);
                                origin.WithOwner();
                            });
                            parcel.Navigation(p => p.Origin).IsRequired();
                            parcel.OwnsOne(p => p.Destination, d => d.Property(a => a.Postcode).HasMaxLength(12).IsRequired());
                            parcel.OwnsOne(p => p.ReturnTo);
                        });
                    }
                }
            }
            """, "Shipping.ShippingContext"),
        ["enrolment: UsingEntity with a join class carrying a payload"] = ("""
            namespace School
            {
                using System.ComponentModel.DataAnnotations;
                public class Student
                {
                    public int Id { get; set; }
                    public List<Course> Courses { get; set; } = new();
                }
                public class Course
                {
                    public int Id { get; set; }
                    [MaxLength(80)] public string Title { get; set; } = "";
                    public List<Student> Students { get; set; } = new();
                }
                public class Enrollment
                {
                    public int StudentId { get; set; }
                    public int CourseId { get; set; }
                    public DateTime EnrolledOn { get; set; }
                    [MaxLength(2)] public string? Grade { get; set; }
                }
                public class SchoolContext(DbContextOptions<SchoolContext> options) : DbContext(options)
                {
                    public DbSet<Student> Students => Set<Student>();
                    public DbSet<Course> Courses => Set<Course>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Student>().HasMany(s => s.Courses).WithMany(c => c.Students).UsingEntity<Enrollment>();
                    }
                }
            }
            """, "School.SchoolContext"),
        ["history: a temporal table (SQL Server period columns)"] = ("""
            namespace History
            {
                public class Price
                {
                    public int Id { get; set; }
                    public decimal Amount { get; set; }
                    public string Sku { get; set; } = "";
                }
                public class Note
                {
                    public int Id { get; set; }
                    public string Text { get; set; } = "";
                }
                public class HistoryContext(DbContextOptions<HistoryContext> options) : DbContext(options)
                {
                    public DbSet<Price> Prices => Set<Price>();
                    public DbSet<Note> Notes => Set<Note>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Price>().ToTable("Prices", t => t.IsTemporal());
                    }
                }
            }
            """, "History.HistoryContext"),
        ["library loans: the builder's metadata (FindProperty(...)?.SetMaxLength, FindProperty(...)!.SetIsUnicode, SetColumnName, FindNavigation(...)!.SetPropertyAccessMode on a field-backed collection)"] = ("""
            namespace Lending.Desk
            {
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class Member
                {
                    private readonly List<Loan> _loans = new();
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public string CardNumber { get; set; } = "";
                    public IReadOnlyCollection<Loan> Loans => _loans;
                }
                public class Book
                {
                    public int Id { get; set; }
                    public string Isbn { get; set; } = "";
                    public string Title { get; set; } = "";
                    public string? Notes { get; set; }
                }
                public class Loan
                {
                    public int Id { get; set; }
                    public int MemberId { get; set; }
                    public Member Member { get; set; } = null!;
                    public int BookId { get; set; }
                    public Book Book { get; set; } = null!;
                    public DateTime DueOn { get; set; }
                }
                public class MemberConfiguration : IEntityTypeConfiguration<Member>
                {
                    public void Configure(EntityTypeBuilder<Member> builder)
                    {
                        builder.Metadata.FindProperty(nameof(Member.CardNumber))?.SetMaxLength(16);
                        builder.Metadata.FindNavigation(nameof(Member.Loans))!.SetPropertyAccessMode(PropertyAccessMode.Field);
                        builder.HasIndex(m => m.CardNumber).IsUnique();
                    }
                }
                public class BookConfiguration : IEntityTypeConfiguration<Book>
                {
                    public void Configure(EntityTypeBuilder<Book> builder)
                    {
                        builder.Metadata.FindProperty("Isbn")!.SetIsUnicode(false);
                        builder.Metadata.FindProperty("Isbn")!.SetMaxLength(13);
                        builder.Metadata.FindProperty(nameof(Book.Title))?.SetColumnName("book_title");
                        builder.Property(b => b.Notes).HasMaxLength(500);
                    }
                }
                public class LendingContext(DbContextOptions<LendingContext> options) : DbContext(options)
                {
                    public DbSet<Member> Members => Set<Member>();
                    public DbSet<Book> Books => Set<Book>();
                    public DbSet<Loan> Loans => Set<Loan>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.ApplyConfiguration(new MemberConfiguration());
                        modelBuilder.ApplyConfiguration(new BookConfiguration());
                    }
                }
            }
            """, "Lending.Desk.LendingContext"),
        ["ordering: properties mapped to private fields and private properties (Property<T>(\"_field\"), eShop style), NRT on"] = ("""
            #nullable enable
            namespace Ordering.Domain
            {
                public class Buyer
                {
                    private readonly List<PaymentMethod> _paymentMethods = new();
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public IReadOnlyCollection<PaymentMethod> PaymentMethods => _paymentMethods;
                }
                public class CardType
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                }
                public class PaymentMethod
                {
                    private string _alias = "";
                    private string _cardNumber = "";
                    private string? _cardHolderName;
                    private DateTime _expiration;
                    private int _cardTypeId;
                    public int Id { get; set; }
                    public CardType CardType { get; private set; } = null!;
                }
                public class Order
                {
                    private DateTime _orderDate;
                    private string _description = "";
                    private string? _note;
                    private int? _buyerId;
                    private int? _paymentMethodId;
                    private string _street = "";
                    public int Id { get; set; }
                    private string Status { get; set; } = "";
                    private string? Channel { get; set; }
                    public Buyer? Buyer { get; private set; }
                }
                public class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Buyer> Buyers => Set<Buyer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        var order = modelBuilder.Entity<Order>();
                        order.Property<DateTime>("_orderDate").UsePropertyAccessMode(PropertyAccessMode.Field).HasColumnName("OrderDate").IsRequired();
                        order.Property<string>("_description").HasColumnName("Description");
                        order.Property<string?>("_note").HasColumnName("Note").HasMaxLength(200);
                        order.Property<int?>("_buyerId").HasColumnName("BuyerId");
                        order.Property<string>("_street").HasMaxLength(120);
                        order.Property<string>("Status").HasMaxLength(20);
                        order.Property<string?>("Channel");
                        order.HasOne(o => o.Buyer).WithMany().HasForeignKey("_buyerId");
                        order.HasOne<PaymentMethod>().WithMany().HasForeignKey("_paymentMethodId").OnDelete(DeleteBehavior.Restrict);
                        modelBuilder.Entity<Buyer>().HasMany(b => b.PaymentMethods).WithOne();
                        var payment = modelBuilder.Entity<PaymentMethod>();
                        payment.Property<int>("BuyerId");
                        payment.Property("_alias").HasColumnName("Alias").HasMaxLength(200);
                        payment.Property("_cardNumber").HasColumnName("CardNumber").HasMaxLength(25).IsRequired();
                        payment.Property("_cardHolderName").HasColumnName("CardHolderName").HasMaxLength(200);
                        payment.Property("_expiration").HasColumnName("Expiration");
                        payment.Property("_cardTypeId").HasColumnName("CardTypeId");
                        payment.HasOne(p => p.CardType).WithMany().HasForeignKey("_cardTypeId");
                    }
                }
            }
            """, "Ordering.Domain.OrderingContext"),

        ["eshop namespaces: a project's own entities under a root namespace Microsoft (navigations, a get-only collection)"] = ("""
            namespace Microsoft.Contoso.Catalog
            {
                public class CatalogBrand { public int Id { get; set; } public string Brand { get; set; } = ""; }
                public class CatalogType { public int Id { get; set; } public string Type { get; set; } = ""; }
                public class CatalogItem
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public int CatalogBrandId { get; set; }
                    public CatalogBrand CatalogBrand { get; set; } = null!;
                    public int CatalogTypeId { get; set; }
                    public CatalogType CatalogType { get; set; } = null!;
                }
                public class Basket
                {
                    public int Id { get; set; }
                    public ICollection<BasketLine> Lines { get; } = new List<BasketLine>();
                }
                public class BasketLine { public int Id { get; set; } public string Sku { get; set; } = ""; }
                public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
                {
                    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
                    public DbSet<CatalogBrand> CatalogBrands => Set<CatalogBrand>();
                    public DbSet<Basket> Baskets => Set<Basket>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Microsoft.Contoso.Catalog.CatalogContext"),
    };

    /// <summary>The ASP.NET Core Identity, loop, join-entity, discriminator, owned-builder and conversion models join the others (kept in their own files).</summary>
    static Models()
    {
        foreach (var (name, model) in IdentityModels.All) All.Add(name, model);
        foreach (var (name, model) in LoopModels.All) All.Add(name, model);
        foreach (var (name, model) in JoinModels.All) All.Add(name, model);
        foreach (var (name, model) in DiscriminatorModels.All) All.Add(name, model);
        foreach (var (name, model) in OwnedModels.All) All.Add(name, model);
        foreach (var (name, model) in ConversionModels.All) All.Add(name, model);
        foreach (var (name, model) in TypedIdModels.All) All.Add(name, model);
        foreach (var (name, model) in PlugInTypeModels.All) All.Add(name, model);
        foreach (var (name, model) in ProviderCheckModels.All) All.Add(name, model);
        foreach (var (name, model) in RelationshipModels.All) All.Add(name, model);
    }
}
