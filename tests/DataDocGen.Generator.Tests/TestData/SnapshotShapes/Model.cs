using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
namespace Shapes
{
    public class Blog
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Address Address { get; set; } = new();
#if WITH_TAGS
        public List<string> Tags { get; set; } = new();
#endif
    }
    public class Address { [Column("Town")] public string City { get; set; } = ""; public string? Street { get; set; } public int Floor { get; set; } }
    public abstract class Animal { public int Id { get; set; } public string Name { get; set; } = ""; }
    public class Dog : Animal { public Address Home { get; set; } = new(); }
    public class Shipment { public int Id { get; set; } public Place Origin { get; set; } = new(); }
    public class Place { public string City { get; set; } = ""; [Column("OriginZip")] public string Zip { get; set; } = ""; }
    public class ShapesContext(DbContextOptions<ShapesContext> options) : DbContext(options)
    {
        public DbSet<Blog> Blogs => Set<Blog>();
        public DbSet<Animal> Animals => Set<Animal>();
        public DbSet<Dog> Dogs => Set<Dog>();
        public DbSet<Shipment> Shipments => Set<Shipment>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=."); }
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Blog>().ComplexProperty(b => b.Address);
            modelBuilder.Entity<Dog>().ComplexProperty(d => d.Home);
            modelBuilder.Entity<Shipment>().OwnsOne(s => s.Origin);
        }
    }
}
