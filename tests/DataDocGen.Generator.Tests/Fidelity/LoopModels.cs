namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Models configured by loops over the model's metadata (issue 3, item 2), judged like the others.</summary>
internal static class LoopModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["ledger: a global Restrict loop, audit shadow properties on IAuditable entities, lower-case tables"] = ("""
            namespace Ledger
            {
                using System.Linq;
                public interface IAuditable { }
                public class Company : IAuditable
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Account> Accounts { get; } = new();
                    public List<Invoice> Invoices { get; } = new();
                }
                public class Account : IAuditable
                {
                    public int Id { get; set; }
                    public string Code { get; set; } = "";
                    public int CompanyId { get; set; }
                    public Company Company { get; set; } = null!;
                    public int? ParentId { get; set; }
                    public Account? Parent { get; set; }
                }
                public class Invoice : IAuditable
                {
                    public int Id { get; set; }
                    public string Number { get; set; } = "";
                    public int CompanyId { get; set; }
                    public int? CustomerId { get; set; }
                    public Customer? Customer { get; set; }
                    public List<InvoiceLine> Lines { get; } = new();
                }
                public class InvoiceLine
                {
                    public int Id { get; set; }
                    public int InvoiceId { get; set; }
                    public int AccountId { get; set; }
                    public Account Account { get; set; } = null!;
                    public decimal Amount { get; set; }
                }
                public class Customer : IAuditable
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Tag> Tags { get; } = new();
                }
                public class Tag
                {
                    public int Id { get; set; }
                    public string Label { get; set; } = "";
                    public List<Customer> Customers { get; } = new();
                }
                public class Payment
                {
                    public int Id { get; set; }
                    public int? InvoiceId { get; set; }
                    public Invoice? Invoice { get; set; }
                }
                public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
                {
                    public DbSet<Company> Companies => Set<Company>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    public DbSet<Payment> Payments => Set<Payment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Invoice>().HasOne<Company>().WithMany(c => c.Invoices).HasForeignKey(i => i.CompanyId);
                        modelBuilder.Entity<Payment>().HasOne(p => p.Invoice).WithMany().OnDelete(DeleteBehavior.SetNull);

                        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                        {
                            if (typeof(IAuditable).IsAssignableFrom(entityType.ClrType))
                            {
                                modelBuilder.Entity(entityType.ClrType).Property<DateTime>("CreatedAt");
                                modelBuilder.Entity(entityType.ClrType).Property<string>("CreatedBy").HasMaxLength(64);
                            }
                        }
                        foreach (var foreignKey in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
                        {
                            foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
                        }
                        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                        {
                            entityType.SetTableName(entityType.GetTableName()!.ToLowerInvariant());
                        }

                        modelBuilder.Entity<InvoiceLine>().HasOne<Invoice>().WithMany(i => i.Lines).HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
                    }
                }
            }
            """, "Ledger.LedgerContext"),
        ["tickets: a nested foreign-key loop with conditions, metadata AddProperty and a TPH hierarchy"] = ("""
            namespace Tickets
            {
                using System.Linq;
                public interface ITracked { }
                public class Project : ITracked
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Ticket> Tickets { get; } = new();
                    public Address Office { get; set; } = new();
                }
                [Owned]
                public class Address { public string City { get; set; } = ""; public string Street { get; set; } = ""; }
                public abstract class Ticket : ITracked
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public int ProjectId { get; set; }
                    public int? AssigneeId { get; set; }
                    public Person? Assignee { get; set; }
                    public List<Comment> Comments { get; } = new();
                }
                public class Bug : Ticket { public int Severity { get; set; } }
                public class Feature : Ticket { public string? Epic { get; set; } }
                public class Person
                {
                    public int Id { get; set; }
                    public string Email { get; set; } = "";
                }
                public class Comment
                {
                    public int Id { get; set; }
                    public int TicketId { get; set; }
                    public string Text { get; set; } = "";
                    public int? AuthorId { get; set; }
                    public Person? Author { get; set; }
                }
                public class Watch
                {
                    public int Id { get; set; }
                    public int PersonId { get; set; }
                    public Person Person { get; set; } = null!;
                    public int TicketId { get; set; }
                    public Ticket Ticket { get; set; } = null!;
                }
                public class TicketsContext(DbContextOptions<TicketsContext> options) : DbContext(options)
                {
                    public DbSet<Project> Projects => Set<Project>();
                    public DbSet<Bug> Bugs => Set<Bug>();
                    public DbSet<Feature> Features => Set<Feature>();
                    public DbSet<Watch> Watches => Set<Watch>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Comment>().HasOne(c => c.Author).WithMany().OnDelete(DeleteBehavior.SetNull);
                        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
                        {
                            foreach (var foreignKey in entityType.GetForeignKeys())
                            {
                                if (!foreignKey.IsOwnership && foreignKey.DeleteBehavior == DeleteBehavior.Cascade)
                                {
                                    foreignKey.DeleteBehavior = DeleteBehavior.NoAction;
                                }
                            }
                        }
                        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITracked).IsAssignableFrom(e.ClrType) && e.BaseType == null))
                        {
                            entityType.AddProperty("UpdatedAt", typeof(DateTime?));
                        }
                        modelBuilder.Entity<Watch>().HasOne(w => w.Ticket).WithMany().OnDelete(DeleteBehavior.Cascade);
                    }
                }
            }
            """, "Tickets.TicketsContext"),
        ["registry: columns renamed to lower case in a loop with the tables (TPH discriminator, TPT, implicit join, [Column], an earlier HasColumnName, an alternate key, an index after the loop)"] = ("""
            namespace Loops.Registry
            {
                using System.ComponentModel.DataAnnotations.Schema;
                public interface IAudited { }
                public class Owner { public int Id { get; set; } public string Name { get; set; } = ""; [Column("Registered_On")] public DateTime RegisteredOn { get; set; } public List<Pet> Pets { get; set; } = new(); }
                public class Pet { public int Id { get; set; } public string Name { get; set; } = ""; public Owner Owner { get; set; } = null!; public List<Vet> Vets { get; set; } = new(); }
                public class Dog : Pet { public bool Trained { get; set; } }
                public class Vet : IAudited { public int Id { get; set; } public string LicenceNo { get; set; } = ""; public List<Pet> Patients { get; set; } = new(); }
                public class Clinic : IAudited { public int Id { get; set; } public string City { get; set; } = ""; }
                public class Hospital : Clinic { public int Beds { get; set; } }
                public class RegistryContext(DbContextOptions<RegistryContext> options) : DbContext(options)
                {
                    public DbSet<Owner> Owners => Set<Owner>();
                    public DbSet<Pet> Pets => Set<Pet>();
                    public DbSet<Dog> Dogs => Set<Dog>();
                    public DbSet<Clinic> Clinics => Set<Clinic>();
                    public DbSet<Hospital> Hospitals => Set<Hospital>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Hospital>().ToTable("Hospitals");
                        modelBuilder.Entity<Vet>().Property(v => v.LicenceNo).HasColumnName("Licence_No").HasMaxLength(20);
                        modelBuilder.Entity<Vet>().HasIndex(v => v.LicenceNo).IsUnique();
                        modelBuilder.Entity<Owner>().HasAlternateKey(o => o.Name);
                        foreach (var entity in modelBuilder.Model.GetEntityTypes())
                        {
                            entity.SetTableName(entity.GetTableName()!.ToLowerInvariant());
                            foreach (var property in entity.GetProperties())
                            {
                                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
                            }
                        }
                        modelBuilder.Entity<Pet>().HasIndex(p => p.Name);
                    }
                }
            }
            """, "Loops.Registry.RegistryContext"),
        ["audit: columns renamed to upper case in a loop over GetDeclaredProperties of the entity types implementing an interface (a named discriminator, an implicit join not reached)"] = ("""
            namespace Loops.Audit
            {
                using System.Linq;
                public interface IAudited { }
                public class Author : IAudited { public int Id { get; set; } public string Name { get; set; } = ""; public List<Book> Books { get; set; } = new(); }
                public class Book { public int Id { get; set; } public string Title { get; set; } = ""; public List<Author> Authors { get; set; } = new(); public Shelf? Shelf { get; set; } }
                public class Shelf : IAudited { public int Id { get; set; } public string Label { get; set; } = ""; }
                public class Document : IAudited { public int Id { get; set; } }
                public class Invoice : Document { public decimal Total { get; set; } }
                public class AuditContext(DbContextOptions<AuditContext> options) : DbContext(options)
                {
                    public DbSet<Author> Authors => Set<Author>();
                    public DbSet<Book> Books => Set<Book>();
                    public DbSet<Document> Documents => Set<Document>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Document>().HasDiscriminator<string>("DocType").HasValue<Invoice>("invoice");
                        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(IAudited).IsAssignableFrom(e.ClrType)))
                        {
                            foreach (var property in entity.GetDeclaredProperties())
                            {
                                property.SetColumnName(property.GetColumnName().ToUpperInvariant());
                            }
                        }
                    }
                }
            }
            """, "Loops.Audit.AuditContext"),
        ["prefixes: tables named \"app_\" + the lower-cased name and columns named $\"c_{property.Name.ToUpperInvariant()}\" in a loop ([Column] ignored by the property name, implicit join included)"] = ("""
            namespace Loops.Prefixes
            {
                using System.ComponentModel.DataAnnotations.Schema;
                public class Blog { public int Id { get; set; } [Column("BlogTitle")] public string Title { get; set; } = ""; public List<Post> Posts { get; set; } = new(); }
                public class Post { public int Id { get; set; } public Blog Blog { get; set; } = null!; public List<Tag> Tags { get; set; } = new(); }
                public class Tag { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class PrefixesContext(DbContextOptions<PrefixesContext> options) : DbContext(options)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        foreach (var entity in modelBuilder.Model.GetEntityTypes())
                        {
                            entity.SetTableName("app_" + entity.GetTableName()!.ToLowerInvariant());
                            foreach (var property in entity.GetProperties()) property.SetColumnName($"c_{property.Name.ToUpperInvariant()}");
                        }
                    }
                }
            }
            """, "Loops.Prefixes.PrefixesContext"),
        ["singular: tables named after the class in a loop (DisplayName(): a nested class, and a TPH hierarchy that becomes one table per type)"] = ("""
            namespace Loops.Singular
            {
                public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class Post { public int Id { get; set; } public Blog Blog { get; set; } = null!; }
                public class Outer { public class Inner { public int Id { get; set; } } }
                public class Animal { public int Id { get; set; } public Blog? Blog { get; set; } }
                public class Cat : Animal { public int Lives { get; set; } }
                public class SingularContext(DbContextOptions<SingularContext> options) : DbContext(options)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Outer.Inner> Inners => Set<Outer.Inner>();
                    public DbSet<Animal> Animals => Set<Animal>();
                    public DbSet<Cat> Cats => Set<Cat>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(entity.DisplayName());
                    }
                }
            }
            """, "Loops.Singular.SingularContext"),
        ["shouting: tables named ClrType.Name.ToUpperInvariant() + \"S\" in a loop"] = ("""
            namespace Loops.Shouting
            {
                public class Blog { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class Post { public int Id { get; set; } public Blog Blog { get; set; } = null!; }
                public class ShoutingContext(DbContextOptions<ShoutingContext> options) : DbContext(options)
                {
                    public DbSet<Blog> Blogs => Set<Blog>();
                    public DbSet<Post> Posts => Set<Post>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        foreach (var entity in modelBuilder.Model.GetEntityTypes()) entity.SetTableName(entity.ClrType.Name.ToUpperInvariant() + "S");
                    }
                }
            }
            """, "Loops.Shouting.ShoutingContext"),
    };
}
