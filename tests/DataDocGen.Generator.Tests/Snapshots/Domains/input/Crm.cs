using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Crm
{
    using System.ComponentModel.DataAnnotations;
    [Owned]
    public class Address
    {
        [MaxLength(100)] public string Street { get; set; } = "";
        public string City { get; set; } = "";
        public string? Region { get; set; }
        public GeoPoint? Location { get; set; }
    }
    [Owned]
    public class GeoPoint { public double Lat { get; set; } public double Lng { get; set; } }
    public class Money { public decimal Amount { get; set; } public string Currency { get; set; } = ""; }
    public class Account
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Address Billing { get; set; } = null!;
        public Address? Shipping { get; set; }
        public Money CreditLimit { get; set; } = null!;
    }
    public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options)
    {
        public DbSet<Account> Accounts => Set<Account>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseNpgsql("Host=crm.internal;Database=crm;Username=crm;Password=Crm-S3cret"); }
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Account>().OwnsOne(a => a.CreditLimit);
            modelBuilder.Entity<Account>().Navigation(a => a.Billing).IsRequired();
        }
    }
}
