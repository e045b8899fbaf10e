using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

/// <summary>Invoices, one billing database per tenant (the connection string is chosen per request). The customer's
/// tax id is encrypted in the column with the key from configuration (<c>Billing:ColumnKey</c>, 32 bytes, base64).</summary>
public class BillingContext(DbContextOptions<BillingContext> options, IConfiguration configuration) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var key = Convert.FromBase64String(configuration["Billing:ColumnKey"]
            ?? throw new InvalidOperationException("Billing:ColumnKey is not configured."));
        modelBuilder.Entity<Invoice>().Property(i => i.CustomerTaxId).HasConversion(new AesGcmStringConverter(key));
    }
}
