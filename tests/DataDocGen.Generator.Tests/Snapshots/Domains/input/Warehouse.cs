using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Warehouse
{
    using System.ComponentModel.DataAnnotations;
    public enum BinKind { Shelf, Pallet }
    public class Bin
    {
        [Key, MaxLength(12)] public string Code { get; set; } = "";
        public string Aisle { get; set; } = "";
        public BinKind Kind { get; set; }
        public decimal Capacity { get; set; }
        public List<Stock> Stocks { get; } = new();
    }
    public class Stock
    {
        public int Id { get; set; }
        public string BinCode { get; set; } = "";
        public Bin Bin { get; set; } = null!;
        public string Sku { get; set; } = "";
        public string? Note { get; set; }
        public decimal Quantity { get; set; }
    }
    public abstract class Movement { public int Id { get; set; } public string Reference { get; set; } = ""; }
    public class Receipt : Movement { }
    public class Dispatch : Movement { public string Carrier { get; set; } = ""; }
    public class WarehouseContext(DbContextOptions<WarehouseContext> options) : DbContext(options)
    {
        public DbSet<Bin> Bins => Set<Bin>();
        public DbSet<Movement> Movements => Set<Movement>();
        public DbSet<Receipt> Receipts => Set<Receipt>();
        public DbSet<Dispatch> Dispatches => Set<Dispatch>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlite("Data Source=warehouse.db"); }
        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        {
            configurationBuilder.Properties<string>().HaveMaxLength(200);
            configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
            configurationBuilder.Properties<BinKind>().HaveConversion<string>();
        }
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Stock>().Property(s => s.Sku).HasMaxLength(20);
        }
    }
}
