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
    };
}
