namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of owned types configured by builders (issue 3): nested owned types, owned collections'
/// builders, owned references with tables of their own, owned collections keyed to an alternate key.</summary>
internal static class OwnedModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["postal: nested OwnsOne in builder lambdas and in chains, required and optional at each level"] = ("""
            namespace Owned.Postal
            {
                public class Geo
                {
                    public double Lat { get; set; }
                    public double Lng { get; set; }
                    public string? Label { get; set; }
                }
                public class Address
                {
                    public string Street { get; set; } = "";
                    public string? City { get; set; }
                    public Geo Geo { get; set; } = null!;
                    public Geo? Pin { get; set; }
                }
                public class Customer
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public Address Home { get; set; } = null!;
                    public Address? Billing { get; set; }
                }
                public class PostalContext(DbContextOptions<PostalContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Home, home =>
                        {
                            home.OwnsOne(a => a.Geo, geo =>
                            {
                                geo.Property(g => g.Lat).HasColumnName("HomeLatitude");
                                geo.Property(g => g.Label).HasMaxLength(40);
                            });
                            home.OwnsOne(a => a.Pin);
                            home.Property(a => a.Street).HasMaxLength(200);
                        });
                        modelBuilder.Entity<Customer>().Navigation(c => c.Home).IsRequired();
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Billing).OwnsOne(a => a.Geo);
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Billing).OwnsOne(a => a.Pin).Property(g => g.Label).HasMaxLength(12);
                    }
                }
            }
            """, "Owned.Postal.PostalContext"),
        ["phone book: OwnsMany nested in owned references (lambda and chained forms, two levels deep, an optional one) and in an owned collection (configured and [Owned]), keyed after a string key"] = ("""
            namespace Owned.PhoneBook
            {
                using System.ComponentModel.DataAnnotations;
                public class Phone { [MaxLength(20)] public string Number { get; set; } = ""; public int? Extension { get; set; } }
                public class Point { public double X { get; set; } public double Y { get; set; } }
                public class Geo { public string? Label { get; set; } public List<Point> Points { get; set; } = new(); }
                public class Address { public string Street { get; set; } = ""; public List<Phone> Phones { get; set; } = new(); public Geo Geo { get; set; } = null!; }
                public class Desk { public int Floor { get; set; } }
                public class Office { public string? Building { get; set; } public List<Desk> Desks { get; set; } = new(); }
                [Owned] public class Tag { [MaxLength(30)] public string Value { get; set; } = ""; }
                public class Contact { public string Name { get; set; } = ""; public List<Tag> Tags { get; set; } = new(); }
                public class Customer
                {
                    [Key, MaxLength(12)] public string Code { get; set; } = "";
                    public string Name { get; set; } = "";
                    public Address Home { get; set; } = null!;
                    public Office? Work { get; set; }
                    public List<Contact> Contacts { get; set; } = new();
                }
                public class Note { public string Text { get; set; } = ""; public DateTime At { get; set; } }
                public class Remark { public string Body { get; set; } = ""; }
                public class Line { public int Quantity { get; set; } public List<Note> Notes { get; set; } = new(); }
                public class Order { public Guid Id { get; set; } public List<Line> Lines { get; set; } = new(); }
                public class PhoneBookContext(DbContextOptions<PhoneBookContext> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                    public DbSet<Order> Orders => Set<Order>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Home, home =>
                        {
                            home.OwnsMany(a => a.Phones);
                            home.OwnsOne(a => a.Geo, geo => geo.OwnsMany(g => g.Points));
                        });
                        modelBuilder.Entity<Customer>().OwnsOne(c => c.Work).OwnsMany(o => o.Desks);
                        modelBuilder.Entity<Customer>().OwnsMany(c => c.Contacts);
                        modelBuilder.Entity<Order>().OwnsMany(o => o.Lines, line => line.OwnsMany(l => l.Notes));
                    }
                }
            }
            """, "Owned.PhoneBook.PhoneBookContext"),
        ["courier: configuration on owned collections' builders (ToTable, HasKey, WithOwner().HasForeignKey, Property, HasIndex), owned references inside owned collections, CLR keys of owned collections, an owned reference with its own Id"] = ("""
            namespace Owned.Courier
            {
                using System.ComponentModel.DataAnnotations;
                public class Geo { public double Lat { get; set; } public double Lng { get; set; } public string? Label { get; set; } }
                public class TimeWindow { public DateTime From { get; set; } public DateTime To { get; set; } public string? Note { get; set; } }
                [Owned] public class Signature { [MaxLength(80)] public string SignedBy { get; set; } = ""; public DateTime? SignedAt { get; set; } }
                public class Scan { public string Station { get; set; } = ""; public DateTime At { get; set; } }
                public class Stop
                {
                    public string Name { get; set; } = "";
                    public int Sequence { get; set; }
                    public Geo Position { get; set; } = null!;
                    public TimeWindow? Window { get; set; }
                    public Signature Signature { get; set; } = null!;
                    public List<Scan> Scans { get; set; } = new();
                }
                public class Line { public string Sku { get; set; } = ""; public string? Description { get; set; } public decimal Price { get; set; } public int Quantity { get; set; } }
                public class Adjustment { public string Reason { get; set; } = ""; public decimal Delta { get; set; } }
                public class Charge { public Guid Id { get; set; } public string Code { get; set; } = ""; public decimal Amount { get; set; } public List<Adjustment> Adjustments { get; set; } = new(); }
                public class Leg { public int LegId { get; set; } public string Origin { get; set; } = ""; public string? Carrier { get; set; } }
                public class Parcel { public string Id { get; set; } = ""; public double WeightKg { get; set; } }
                public class Party { public int Id { get; set; } public string Street { get; set; } = ""; public string? City { get; set; } }
                public class Shipment
                {
                    public int Id { get; set; }
                    [MaxLength(20)] public string Reference { get; set; } = "";
                    public Party Consignee { get; set; } = null!;
                    public Party? ReturnTo { get; set; }
                    public List<Stop> Stops { get; set; } = new();
                    public List<Line> Lines { get; set; } = new();
                    public List<Charge> Charges { get; set; } = new();
                    public List<Leg> Legs { get; set; } = new();
                    public List<Parcel> Parcels { get; set; } = new();
                }
                public class CourierContext(DbContextOptions<CourierContext> options) : DbContext(options)
                {
                    public DbSet<Shipment> Shipments => Set<Shipment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Shipment>(shipment =>
                        {
                            shipment.OwnsOne(s => s.Consignee);
                            shipment.OwnsOne(s => s.ReturnTo);
                            shipment.OwnsMany(s => s.Lines, line =>
                            {
                                line.ToTable("ShipmentLines");
                                line.WithOwner().HasForeignKey("ShipmentRef");
                                line.HasKey("Id");
                                line.Property(l => l.Sku).HasMaxLength(32).IsRequired();
                                line.Property(l => l.Description).HasMaxLength(200);
                                line.Property(l => l.Price).HasPrecision(12, 2);
                                line.HasIndex(l => l.Sku);
                                line.HasIndex(l => new { l.Sku, l.Quantity }).IsUnique().HasDatabaseName("UX_ShipmentLines_Sku_Quantity");
                            });
                            shipment.OwnsMany(s => s.Stops, stop =>
                            {
                                stop.OwnsOne(x => x.Position, position => position.Property(g => g.Label).HasMaxLength(60));
                                stop.OwnsOne(x => x.Window).Property(w => w.From).HasColumnName("WindowStart");
                                stop.OwnsOne(x => x.Window).Property(w => w.Note).HasMaxLength(140).IsRequired(); // an optional dependent: still nullable
                                stop.Property(x => x.Name).HasMaxLength(100);
                                stop.HasIndex(x => x.Sequence);
                                stop.OwnsMany(x => x.Scans, scan =>
                                {
                                    scan.ToTable("StopScans", "tracking");
                                    scan.Property(x => x.Station).HasMaxLength(16);
                                });
                            });
                            shipment.OwnsMany(s => s.Charges, charge =>
                            {
                                charge.HasKey(c => c.Code);
                                charge.Property(c => c.Code).HasMaxLength(24);
                                charge.OwnsMany(c => c.Adjustments);
                            });
                            shipment.OwnsMany(s => s.Legs).HasKey("ShipmentId", "LegId");
                            shipment.OwnsMany(s => s.Parcels).Property(p => p.Id).HasMaxLength(36);
                        });
                    }
                }
            }
            """, "Owned.Courier.CourierContext"),
        ["warehouse: owned collections' keys, foreign keys, facets and indexes configured in builders, owned references inside them, without ToTable (judged under the naming plug-ins too)"] = ("""
            namespace Owned.Warehouse
            {
                using System.ComponentModel.DataAnnotations;
                public class Dimensions { public decimal WidthCm { get; set; } public decimal HeightCm { get; set; } public string? Unit { get; set; } }
                [Owned] public class Audit { public DateTime CountedAt { get; set; } [MaxLength(40)] public string? CountedBy { get; set; } }
                public class Movement { public DateTime At { get; set; } public int Delta { get; set; } }
                public class BinSlot
                {
                    public int BinSlotId { get; set; }
                    public string Aisle { get; set; } = "";
                    public int Level { get; set; }
                    public Dimensions? Size { get; set; }
                    public Audit LastAudit { get; set; } = null!;
                    public List<Movement> Movements { get; set; } = new();
                }
                public class Barcode { public string Value { get; set; } = ""; public string Symbology { get; set; } = ""; }
                public class Supplier { public string Name { get; set; } = ""; public string? ContactEmail { get; set; } public string? InternalNote { get; set; } public int Rating { get; set; } }
                public class Photo { public string Url { get; set; } = ""; }
                public class StockItem
                {
                    [Key] public Guid ItemKey { get; set; }
                    public string Name { get; set; } = "";
                    public List<BinSlot> Slots { get; set; } = new();
                    public List<Barcode> Barcodes { get; set; } = new();
                    public List<Supplier> Suppliers { get; set; } = new();
                    public List<Photo> Photos { get; set; } = new();
                }
                public class WarehouseContext(DbContextOptions<WarehouseContext> options) : DbContext(options)
                {
                    public DbSet<StockItem> Items => Set<StockItem>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Slots, slot =>
                        {
                            slot.WithOwner().HasForeignKey("ItemRef");
                            slot.Property(s => s.Aisle).HasMaxLength(8).HasColumnName("AisleCode");
                            slot.HasIndex(s => new { s.Aisle, s.Level });
                            slot.OwnsOne(s => s.Size, size =>
                            {
                                size.Property(d => d.WidthCm).HasPrecision(8, 2);
                                size.Property(d => d.Unit).HasMaxLength(4);
                            });
                            slot.OwnsMany(s => s.Movements, movement => movement.HasIndex(m => m.At));
                        });
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Barcodes, barcode =>
                        {
                            barcode.HasKey(b => b.Value);
                            barcode.Property(b => b.Value).HasMaxLength(64);
                            barcode.Property(b => b.Symbology).HasMaxLength(16).IsRequired(false);
                            barcode.HasIndex(b => b.Symbology).IsUnique().HasFilter(null);
                        });
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Suppliers).HasKey("Id");
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Suppliers).Property(s => s.Name).IsRequired().HasMaxLength(120);
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Suppliers, supplier =>
                        {
                            supplier.Property(s => s.Rating).HasColumnName("Stars");
                            supplier.Ignore(s => s.InternalNote);
                            supplier.Ignore(s => s.Rating);
                            supplier.Property(s => s.Rating); // maps it again
                            supplier.Property<DateTime?>("LastOrderedAt");
                            supplier.Property<string>("Region").HasMaxLength(10);
                            supplier.HasIndex("LastOrderedAt");
                        });
                        modelBuilder.Entity<StockItem>().OwnsMany(i => i.Photos, photo =>
                        {
                            photo.Property<int>("PhotoNo");
                            photo.HasKey("PhotoNo");
                        });
                    }
                }
            }
            """, "Owned.Warehouse.WarehouseContext"),
        ["dispatch: owned references mapped to tables of their own by ToTable (in builder lambdas, chained with a schema, in an IEntityTypeConfiguration, on an [Owned] type), with owned references and an owned collection inside them, inside a table-split owned reference and inside an owned collection"] = ("""
            namespace Owned.Dispatch
            {
                using System.ComponentModel.DataAnnotations;
                using Microsoft.EntityFrameworkCore.Metadata.Builders;
                public class Geo { public double Lat { get; set; } public double Lng { get; set; } public string? Label { get; set; } }
                public class Address
                {
                    public string Street { get; set; } = "";
                    public string? City { get; set; }
                    [MaxLength(10)] public string PostCode { get; set; } = "";
                    public Geo? Pin { get; set; }
                }
                [Owned] public class Contact { [MaxLength(80)] public string Name { get; set; } = ""; public string? Phone { get; set; } }
                public class Recipient { public string Name { get; set; } = ""; public Geo Location { get; set; } = null!; }
                public class Discount { public decimal Percent { get; set; } public string? Code { get; set; } }
                public class Line { public string Sku { get; set; } = ""; public int Quantity { get; set; } public Discount? Discount { get; set; } }
                public class Order
                {
                    public int Id { get; set; }
                    public string Number { get; set; } = "";
                    public Address ShippingAddress { get; set; } = null!;
                    public Address? BillingAddress { get; set; }
                    public Contact? Contact { get; set; }
                    public Recipient Recipient { get; set; } = null!;
                    public List<Line> Lines { get; set; } = new();
                }
                public class Bank { [MaxLength(11)] public string Bic { get; set; } = ""; public string? Name { get; set; } }
                public class Allocation { public string OrderNumber { get; set; } = ""; public decimal Amount { get; set; } }
                public class Remittance
                {
                    public string Iban { get; set; } = "";
                    public string? Reference { get; set; }
                    public Bank Bank { get; set; } = null!;
                    public List<Allocation> Allocations { get; set; } = new();
                }
                public class Invoice
                {
                    [Key, MaxLength(16)] public string InvoiceNo { get; set; } = "";
                    public DateTime IssuedAt { get; set; }
                    public Remittance Remittance { get; set; } = null!;
                }
                public class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
                {
                    public void Configure(EntityTypeBuilder<Invoice> builder)
                    {
                        builder.OwnsOne(i => i.Remittance, r =>
                        {
                            r.ToTable("InvoiceRemittances");
                            r.Property(x => x.Iban).HasMaxLength(34);
                            r.HasIndex(x => x.Reference);
                            r.OwnsOne(x => x.Bank, bank => bank.ToTable("RemittanceBanks", "finance"));
                            r.OwnsMany(x => x.Allocations, a => a.Property(x => x.Amount).HasPrecision(12, 2));
                        });
                    }
                }
                public class DispatchContext(DbContextOptions<DispatchContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.ApplyConfiguration(new InvoiceConfiguration());
                        modelBuilder.Entity<Order>().OwnsOne(o => o.ShippingAddress, a =>
                        {
                            a.ToTable("OrderAddresses");
                            a.Property(x => x.Street).HasMaxLength(200);
                            a.OwnsOne(x => x.Pin, pin => pin.Property(g => g.Label).HasMaxLength(40));
                        });
                        modelBuilder.Entity<Order>().OwnsOne(o => o.BillingAddress).ToTable("BillingAddresses", "sales");
                        modelBuilder.Entity<Order>().OwnsOne(o => o.BillingAddress).OwnsOne(a => a.Pin);
                        modelBuilder.Entity<Order>().OwnsOne(o => o.Contact).ToTable("OrderContacts");
                        modelBuilder.Entity<Order>().OwnsOne(o => o.Recipient, r => r.OwnsOne(x => x.Location).ToTable("RecipientLocations"));
                        modelBuilder.Entity<Order>().OwnsMany(o => o.Lines, l =>
                        {
                            l.ToTable("OrderLines");
                            l.OwnsOne(x => x.Discount, d =>
                            {
                                d.ToTable("LineDiscounts");
                                d.Property(x => x.Code).HasMaxLength(12);
                            });
                        });
                    }
                }
            }
            """, "Owned.Dispatch.DispatchContext"),
        ["tickets: owned collections whose foreign key targets an alternate key of the owner (WithOwner().HasPrincipalKey in lambdas and chained, with HasForeignKey, naming the primary key, a nested collection keyed after it)"] = ("""
            namespace Owned.Tickets
            {
                using System.ComponentModel.DataAnnotations;
                public class Comment { public string Author { get; set; } = ""; public string Body { get; set; } = ""; }
                public class Attachment { [MaxLength(260)] public string FileName { get; set; } = ""; public long Bytes { get; set; } }
                public class Watcher { public string Email { get; set; } = ""; }
                public class Label { public string Name { get; set; } = ""; }
                public class Change { public string Field { get; set; } = ""; public string? OldValue { get; set; } }
                public class Revision { public DateTime At { get; set; } public List<Change> Changes { get; set; } = new(); }
                public class Ticket
                {
                    public int Id { get; set; }
                    [MaxLength(20)] public string Number { get; set; } = "";
                    public Guid PublicId { get; set; }
                    public string Slug { get; set; } = "";
                    public List<Comment> Comments { get; set; } = new();
                    public List<Attachment> Attachments { get; set; } = new();
                    public List<Watcher> Watchers { get; set; } = new();
                    public List<Label> Labels { get; set; } = new();
                    public List<Revision> Revisions { get; set; } = new();
                }
                public class TicketsContext(DbContextOptions<TicketsContext> options) : DbContext(options)
                {
                    public DbSet<Ticket> Tickets => Set<Ticket>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Ticket>(ticket =>
                        {
                            ticket.OwnsMany(t => t.Comments, c =>
                            {
                                c.WithOwner().HasPrincipalKey(t => t.Number);
                                c.Property(x => x.Author).HasMaxLength(100);
                            });
                            ticket.OwnsMany(t => t.Attachments, a => a.WithOwner().HasForeignKey("TicketRef").HasPrincipalKey("PublicId"));
                            ticket.OwnsMany(t => t.Watchers).WithOwner().HasPrincipalKey(t => t.Slug);
                            ticket.OwnsMany(t => t.Labels, l => l.WithOwner().HasPrincipalKey(t => t.Id));
                            ticket.OwnsMany(t => t.Revisions, r =>
                            {
                                r.WithOwner().HasPrincipalKey(t => t.Number);
                                r.OwnsMany(x => x.Changes);
                            });
                        });
                    }
                }
            }
            """, "Owned.Tickets.TicketsContext"),
    };
}
