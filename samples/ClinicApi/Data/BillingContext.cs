using Clinic.Domain;
using Clinic.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clinic.Data;

/// <summary>Invoices, in one schema per clinic of the clinic database.</summary>
public class BillingContext(DbContextOptions<BillingContext> options, ITenantContext tenant) : DbContext(options)
{
    public string Schema => tenant.BillingSchema;

    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLine> InvoiceLines => Set<InvoiceLine>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IModelCacheKeyFactory, BillingModelCacheKeyFactory>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Invoice>().Property(i => i.Total).HasPrecision(18, 2);
        modelBuilder.Entity<InvoiceLine>().Property(l => l.Amount).HasPrecision(18, 2);
        modelBuilder.Entity<InvoiceLine>().Property(l => l.Description).HasMaxLength(200);
    }
}

/// <summary>One model per billing schema: without it EF Core would reuse the first clinic's schema for all.</summary>
public sealed class BillingModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is BillingContext billing ? (context.GetType(), billing.Schema, designTime) : (object)context.GetType();
}
