namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of nested owned types configured by builders (issue 3).</summary>
internal static class OwnedModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["postal: nested OwnsOne in builder lambdas and in chains, required and optional at each level"] = ("""
            namespace Owned.Postal
            {
                public class Geo
                {
                    public double Lat { get; set; }
                    public double Lng { get; set; }
                    public string? Label { get; set; }
                }
                public class Address
                {
                    public string Street { get; set; } = "";
                    public string? City { get; set; }
                    public Geo Geo { get; set; } = null!;
                    public Geo? Pin { get; set; }
                }
                public class Customer
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public Address Home { get; set; } = null!;
                    public Address? Billing { get; set; }
                }
                public class PostalContext(DbContextOptions<PostalContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Home, home =>
                        {
                            home.OwnsOne(a => a.Geo, geo =>
                            {
                                geo.Property(g => g.Lat).HasColumnName("HomeLatitude");
                                geo.Property(g => g.Label).HasMaxLength(40);
                            });
                            home.OwnsOne(a => a.Pin);
                            home.Property(a => a.Street).HasMaxLength(200);
                        });
                        modelBuilder.Entity<Customer>().Navigation(c => c.Home).IsRequired();
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Billing).OwnsOne(a => a.Geo);
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Billing).OwnsOne(a => a.Pin).Property(g => g.Label).HasMaxLength(12);
                    }
                }
            }
            """, "Owned.Postal.PostalContext"),
        ["phone book: OwnsMany nested in owned references (lambda and chained forms, two levels deep, an optional one) and in an owned collection (configured and [Owned]), keyed after a string key"] = ("""
            namespace Owned.PhoneBook
            {
                using System.ComponentModel.DataAnnotations;
                public class Phone { [MaxLength(20)] public string Number { get; set; } = ""; public int? Extension { get; set; } }
                public class Point { public double X { get; set; } public double Y { get; set; } }
                public class Geo { public string? Label { get; set; } public List<Point> Points { get; set; } = new(); }
                public class Address { public string Street { get; set; } = ""; public List<Phone> Phones { get; set; } = new(); public Geo Geo { get; set; } = null!; }
                public class Desk { public int Floor { get; set; } }
                public class Office { public string? Building { get; set; } public List<Desk> Desks { get; set; } = new(); }
                [Owned] public class Tag { [MaxLength(30)] public string Value { get; set; } = ""; }
                public class Contact { public string Name { get; set; } = ""; public List<Tag> Tags { get; set; } = new(); }
                public class Customer
                {
                    [Key, MaxLength(12)] public string Code { get; set; } = "";
                    public string Name { get; set; } = "";
                    public Address Home { get; set; } = null!;
                    public Office? Work { get; set; }
                    public List<Contact> Contacts { get; set; } = new();
                }
                public class Note { public string Text { get; set; } = ""; public DateTime At { get; set; } }
                public class Remark { public string Body { get; set; } = ""; }
                public class Line { public int Quantity { get; set; } public List<Note> Notes { get; set; } = new(); }
                public class Order { public Guid Id { get; set; } public List<Line> Lines { get; set; } = new(); }
                public class PhoneBookContext(DbContextOptions<PhoneBookContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Home, home =>
                        {
                            home.OwnsMany(a => a.Phones);
                            home.OwnsOne(a => a.Geo, geo => geo.OwnsMany(g => g.Points));
                        });
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Work).OwnsMany(o => o.Desks);
                        modelBuilder.Entity<Customer>().OwnsMany(c => c.Contacts);
                        modelBuilder.Entity<Order>().OwnsMany(o => o.Lines, line => line.OwnsMany(l => l.Notes));
                    }
                }
            }
            """, "Owned.PhoneBook.PhoneBookContext"),
    };
}
