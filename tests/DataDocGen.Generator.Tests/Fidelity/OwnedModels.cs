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
    };
}
