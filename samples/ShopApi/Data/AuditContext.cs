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
}
