using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

/// <summary>Append-only audit log, kept apart from the shop's database.</summary>
public class AuditContext : DbContext
{
    public AuditContext(DbContextOptions<AuditContext> options) : base(options)
    {
    }

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // SQLite keeps no DateTimeKind: times are written in UTC and read back marked as UTC.
        modelBuilder.Entity<AuditEntry>().Property(e => e.At)
            .HasConversion(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    }
}
