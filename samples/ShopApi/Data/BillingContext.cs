using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

/// <summary>Invoices, one billing database per tenant (the connection string is chosen per request).</summary>
public class BillingContext(DbContextOptions<BillingContext> options) : DbContext(options)
{
    public DbSet<Invoice> Invoices => Set<Invoice>();
}
