namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of value conversions (issue 3): the store type of a converted column, as each provider maps
/// the converter's provider type with its mapping hints under the property's own facets.</summary>
internal static class ConversionModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["payments: HasConversion<T>() and typeof, the converter EF's selector picks (sizes 1, 10, 36, 48, 64; precision), facets over hints"] = ("""
            namespace Conversions.Payments
            {
                public enum PaymentStatus { Pending, Captured, Refunded }
                public enum Channel : byte { Web, Store, Phone }
                public enum Currency { Eur, Usd }
                public class Merchant
                {
                    public Guid Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Payment> Payments { get; } = new();
                }
                public class Payment
                {
                    public int Id { get; set; }
                    public Guid MerchantId { get; set; }
                    public Merchant Merchant { get; set; } = null!;
                    public PaymentStatus Status { get; set; }
                    public PaymentStatus PreviousStatus { get; set; }
                    public Channel Channel { get; set; }
                    public Currency? Currency { get; set; }
                    public PaymentStatus AuditStatus { get; set; }
                    public PaymentStatus LegacyStatus { get; set; }
                    public PaymentStatus SearchStatus { get; set; }
                    public PaymentStatus ArchiveStatus { get; set; }
                    public Channel? ShortChannel { get; set; }
                    public bool IsRefunded { get; set; }
                    public bool IsFlagged { get; set; }
                    public bool IsDisputed { get; set; }
                    public bool IsTest { get; set; }
                    public bool IsManual { get; set; }
                    public DateTime CapturedAt { get; set; }
                    public DateTime SettledAt { get; set; }
                    public DateTimeOffset AuthorisedAt { get; set; }
                    public DateTimeOffset ExpiresAt { get; set; }
                    public TimeSpan HoldFor { get; set; }
                    public TimeSpan Window { get; set; }
                    public DateOnly ValueDate { get; set; }
                    public TimeOnly CutOff { get; set; }
                    public TimeOnly CutOffTicks { get; set; }
                    public Guid ExternalRef { get; set; }
                    public Guid BatchId { get; set; }
                    public Guid Reference { get; set; }
                    public long AmountCents { get; set; }
                    public long FeeCents { get; set; }
                    public double Rate { get; set; }
                    public decimal Tax { get; set; }
                    public decimal Surcharge { get; set; }
                    public int Sequence { get; set; }
                    public int Attempts { get; set; }
                    public char Grade { get; set; }
                    public char Letter { get; set; }
                    public Uri? Callback { get; set; }
                    public string TerminalNumber { get; set; } = "";
                    public string Note { get; set; } = "";
                    [System.ComponentModel.DataAnnotations.MaxLength(30)] public PaymentStatus RefundStatus { get; set; }
                    [System.ComponentModel.DataAnnotations.Schema.Column(TypeName = "varchar(16)")] public Channel Origin { get; set; }
                    [Unicode(false)] public PaymentStatus ExportStatus { get; set; }
                    public Card Card { get; set; } = new();
                    public Guid AsciiRef { get; set; }
                    public Guid FixedRef { get; set; }
                    public PaymentStatus FixedStatus { get; set; }
                    public PaymentStatus PaddedStatus { get; set; }
                    public string GatewayId { get; set; } = "";
                    public string GatewayDate { get; set; } = "";
                    public string GatewayAmount { get; set; } = "";
                    public short Priority { get; set; }
                    public byte Retries { get; set; }
                }
                public enum CardBrand { Visa, Mastercard }
                public class Card
                {
                    public CardBrand Brand { get; set; }
                    public DateOnly Expiry { get; set; }
                }
                public class PaymentsContext(DbContextOptions<PaymentsContext> options) : DbContext(options)
                {
                    public DbSet<Merchant> Merchants => Set<Merchant>();
                    public DbSet<Payment> Payments => Set<Payment>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        // A converted key: the foreign key referencing it takes its store type.
                        modelBuilder.Entity<Merchant>().Property(m => m.Id).HasConversion<string>();
                        modelBuilder.Entity<Payment>(payment =>
                        {
                            payment.Property(p => p.Status).HasConversion<string>();
                            payment.Property(p => p.PreviousStatus).HasConversion<string>().HasMaxLength(20);
                            payment.Property(p => p.Channel).HasConversion<int>();
                            payment.Property(p => p.Currency).HasConversion<string>();
                            payment.Property(p => p.AuditStatus).HasConversion<string>().IsUnicode(false);
                            payment.Property(p => p.LegacyStatus).HasConversion<string>().HasColumnType("varchar(12)");
                            payment.Property(p => p.SearchStatus).HasConversion(typeof(string));
                            payment.HasIndex(p => p.SearchStatus);
                            payment.Property(p => p.ArchiveStatus).HasConversion<long>();
                            payment.Property(p => p.ShortChannel).HasConversion<short>();
                            payment.Property(p => p.IsRefunded).HasConversion<int>();
                            payment.Property(p => p.IsFlagged).HasConversion<string>();
                            payment.Property(p => p.IsDisputed).HasConversion<byte>();
                            payment.Property(p => p.IsTest).HasConversion<long>();
                            payment.Property(p => p.IsManual).HasConversion<short>();
                            payment.Property(p => p.CapturedAt).HasConversion<string>();
                            payment.Property(p => p.SettledAt).HasConversion<long>();
                            payment.Property(p => p.AuthorisedAt).HasConversion<string>();
                            payment.Property(p => p.ExpiresAt).HasConversion<long>();
                            payment.Property(p => p.HoldFor).HasConversion<long>();
                            payment.Property(p => p.Window).HasConversion<string>();
                            payment.Property(p => p.ValueDate).HasConversion<string>();
                            payment.Property(p => p.CutOff).HasConversion<string>();
                            payment.Property(p => p.CutOffTicks).HasConversion<long>();
                            payment.Property(p => p.ExternalRef).HasConversion<string>();
                            payment.HasIndex(p => p.ExternalRef).IsUnique();
                            payment.Property(p => p.BatchId).HasConversion<byte[]>();
                            payment.Property(p => p.Reference).HasConversion<string>().HasMaxLength(40);
                            payment.Property(p => p.AmountCents).HasConversion<decimal>();
                            payment.Property(p => p.FeeCents).HasConversion<decimal>().HasPrecision(12, 0);
                            payment.Property(p => p.Rate).HasConversion<decimal>();
                            payment.Property(p => p.Tax).HasConversion<double>();
                            payment.Property(p => p.Surcharge).HasConversion<string>().HasPrecision(10, 2);
                            payment.Property(p => p.Sequence).HasConversion<string>();
                            payment.Property(p => p.Attempts).HasConversion<long>();
                            payment.Property(p => p.Grade).HasConversion<string>();
                            payment.Property(p => p.Letter).HasConversion<int>();
                            payment.Property(p => p.Callback).HasConversion<string>();
                            payment.Property(p => p.TerminalNumber).HasConversion<int>();
                            payment.Property(p => p.Note).HasConversion<string>().HasMaxLength(500);
                            payment.Property(p => p.RefundStatus).HasConversion<string>();
                            payment.Property(p => p.Origin).HasConversion<string>();
                            payment.Property(p => p.ExportStatus).HasConversion<string>();
                            payment.Property(p => p.AsciiRef).HasConversion<string>().IsUnicode(false);
                            payment.Property(p => p.FixedRef).HasConversion<string>().IsFixedLength();
                            payment.Property(p => p.FixedStatus).HasConversion<string>().IsFixedLength().HasMaxLength(10);
                            // Fixed length without a length: SQL Server spells it nchar, Npgsql text; not stated.
                            payment.Property(p => p.PaddedStatus).HasConversion<string>().IsFixedLength();
                            // Strings stored as typed columns, small numbers widened.
                            payment.Property(p => p.GatewayId).HasConversion<Guid>();
                            payment.Property(p => p.GatewayDate).HasConversion<DateTime>();
                            payment.Property(p => p.GatewayAmount).HasConversion<decimal>();
                            payment.Property(p => p.Priority).HasConversion<int>();
                            payment.Property(p => p.Retries).HasConversion<int>();
                            payment.OwnsOne(p => p.Card, card =>
                            {
                                card.Property(c => c.Brand).HasConversion<string>().HasMaxLength(12);
                                card.Property(c => c.Expiry).HasConversion<string>();
                            });
                        });
                    }
                }
            }
            """, "Conversions.Payments.PaymentsContext"),
        ["ledger: built-in converters by type and instance, ValueConverter<,> classes of the project, instances, lambdas"] = ("""
            namespace Conversions.Ledger
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public enum EntryKind { Debit, Credit }
                public enum Region { North, South }
                public class Account
                {
                    public int Id { get; set; }
                    public string Iban { get; set; } = "";
                    public string Secret { get; set; } = "";
                    public string Hinted { get; set; } = "";
                    public Guid PublicId { get; set; }
                    public Guid ShadowId { get; set; }
                    public DateTime OpenedAt { get; set; }
                    public DateTime ClosedAt { get; set; }
                    public Region Region { get; set; }
                    public Region HomeRegion { get; set; }
                    public bool Active { get; set; }
                    public bool Frozen { get; set; }
                    public List<Entry> Entries { get; } = new();
                }
                public class Entry
                {
                    public long Id { get; set; }
                    public int AccountId { get; set; }
                    public Account Account { get; set; } = null!;
                    public EntryKind Kind { get; set; }
                    public EntryKind KindText { get; set; }
                    public EntryKind KindNumber { get; set; }
                    public EntryKind KindHinted { get; set; }
                    public EntryKind KindLambda { get; set; }
                    public EntryKind KindCast { get; set; }
                    public EntryKind KindField { get; set; }
                    public EntryKind KindLocal { get; set; }
                    public EntryKind KindTyped { get; set; }
                    public bool Cleared { get; set; }
                    public DateTime PostedAt { get; set; }
                    public DateTime BookedAt { get; set; }
                    public DateTime ValuedAt { get; set; }
                    public DateTimeOffset ReceivedAt { get; set; }
                    public TimeSpan Delay { get; set; }
                    public TimeSpan Grace { get; set; }
                    public Guid TraceId { get; set; }
                    public Guid BatchId { get; set; }
                    public int Line { get; set; }
                    public char Flag { get; set; }
                    public DateOnly ValueDate { get; set; }
                    public TimeOnly CutOff { get; set; }
                    public Uri? Receipt { get; set; }
                    public bool Reversed { get; set; }
                }
                /// <summary>Times are stored in UTC and read back as UTC.</summary>
                public sealed class UtcConverter : ValueConverter<DateTime, DateTime>
                {
                    public UtcConverter() : base(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc)) { }
                }
                /// <summary>A primary-constructor converter (the project's own, named like nothing in EF Core).</summary>
                public sealed class MaskingConverter(string pepper) : ValueConverter<string, string>(v => pepper + v, v => v.Substring(pepper.Length)) { }
                /// <summary>Named like EF Core's own converter, but the project's: no size hint.</summary>
                public sealed class GuidToStringConverter : ValueConverter<Guid, string>
                {
                    public GuidToStringConverter() : base(v => v.ToString("N"), v => Guid.ParseExact(v, "N")) { }
                }
                /// <summary>Passes mapping hints to its base: the size is not read.</summary>
                public sealed class HintedConverter : ValueConverter<string, string>
                {
                    public HintedConverter() : base(v => v.Trim(), v => v, new ConverterMappingHints(size: 12)) { }
                }
                public class LedgerContext(DbContextOptions<LedgerContext> options) : DbContext(options)
                {
                    private static readonly ValueConverter<EntryKind, string> KindToText = new(v => v.ToString(), v => Enum.Parse<EntryKind>(v));
                    private const string Yes = "Yes";
                    private static readonly BoolToStringConverter NoYes = new("No", Yes);
                    private static readonly ValueConverter<EntryKind, string> KindsAsText = new ValueConverter<EntryKind, string>(v => v.ToString(), v => Enum.Parse<EntryKind>(v));
                    public DbSet<Account> Accounts => Set<Account>();
                    public DbSet<Entry> Entries => Set<Entry>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        var kinds = new EnumToNumberConverter<EntryKind, short>();
                        modelBuilder.Entity<Account>(account =>
                        {
                            account.Property(a => a.Iban).HasConversion(new MaskingConverter("x")).HasMaxLength(100);
                            account.Property(a => a.Secret).HasConversion(new MaskingConverter("y"));
                            account.Property(a => a.Hinted).HasConversion<HintedConverter>();
                            account.Property(a => a.PublicId).HasConversion<GuidToStringConverter>();
                            account.Property(a => a.ShadowId).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.GuidToStringConverter());
                            account.Property(a => a.OpenedAt).HasConversion<UtcConverter>();
                            account.Property(a => a.ClosedAt).HasConversion(new UtcConverter());
                            account.Property(a => a.Region).HasConversion(new EnumToStringConverter<Region>(new ConverterMappingHints(size: 20)));
                            account.Property(a => a.HomeRegion).HasConversion(typeof(EnumToStringConverter<Region>));
                            account.Property(a => a.Active).HasConversion(NoYes);
                            account.Property(a => a.Frozen).HasConversion(new BoolToStringConverter("N", "Y", new ConverterMappingHints(size: 4)));
                        });
                        modelBuilder.Entity<Entry>(entry =>
                        {
                            entry.Property(e => e.Kind).HasConversion<EnumToStringConverter<EntryKind>>();
                            entry.Property(e => e.KindText).HasConversion(new EnumToStringConverter<EntryKind>()).HasMaxLength(6);
                            entry.Property(e => e.KindNumber).HasConversion<EnumToNumberConverter<EntryKind, long>>();
                            entry.Property(e => e.KindHinted).HasConversion(new ValueConverter<EntryKind, string>(v => v.ToString(), v => Enum.Parse<EntryKind>(v), new ConverterMappingHints(size: 8)));
                            entry.Property(e => e.KindLambda).HasConversion(v => v.ToString(), v => Enum.Parse<EntryKind>(v));
                            entry.Property(e => e.KindCast).HasConversion(v => (int)v, v => (EntryKind)v);
                            entry.Property(e => e.KindField).HasConversion(KindToText).HasMaxLength(10);
                            entry.Property(e => e.KindLocal).HasConversion(kinds);
                            entry.Property(e => e.KindTyped).HasConversion(KindsAsText);
                            entry.Property(e => e.Cleared).HasConversion<BoolToZeroOneConverter<int>>();
                            entry.Property(e => e.PostedAt).HasConversion<DateTimeToTicksConverter>();
                            entry.Property(e => e.BookedAt).HasConversion(new DateTimeToBinaryConverter());
                            entry.Property(e => e.ValuedAt).HasConversion<DateTimeToStringConverter>();
                            entry.Property(e => e.ReceivedAt).HasConversion<DateTimeOffsetToStringConverter>();
                            entry.Property(e => e.Delay).HasConversion<TimeSpanToTicksConverter>();
                            entry.Property(e => e.Grace).HasConversion<TimeSpanToStringConverter>();
                            entry.Property(e => e.TraceId).HasConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.GuidToStringConverter>();
                            entry.Property(e => e.BatchId).HasConversion<GuidToBytesConverter>();
                            entry.Property(e => e.Line).HasConversion<NumberToStringConverter<int>>();
                            entry.Property(e => e.Flag).HasConversion<CharToStringConverter>();
                            entry.Property(e => e.ValueDate).HasConversion<DateOnlyToStringConverter>();
                            entry.Property(e => e.CutOff).HasConversion(new TimeOnlyToStringConverter());
                            entry.Property(e => e.Receipt).HasConversion(new UriToStringConverter());
                            entry.Property(e => e.Reversed).HasConversion(new BoolToStringConverter("N", "Y"));
                        });
                    }
                }
            }
            """, "Conversions.Ledger.LedgerContext"),
        ["catalog: ConfigureConventions HaveConversion for enums, bools, guids and strings (a TPH discriminator, a many-to-many over a converted key), fluent calls over it"] = ("""
            namespace Conversions.Catalog
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public enum Availability { InStock, Backorder, Discontinued }
                public enum Visibility { Public, Hidden }
                public class Product
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public Availability Availability { get; set; }
                    public Visibility Visibility { get; set; }
                    public bool Featured { get; set; }
                    public bool Taxable { get; set; }
                    public Guid Sku { get; set; }
                    public DateTimeOffset ListedAt { get; set; }
                    public List<Label> Labels { get; } = new();
                }
                public class Book : Product { public string Isbn { get; set; } = ""; }
                public class Album : Product { public int Tracks { get; set; } }
                public class Label
                {
                    public Guid Id { get; set; }
                    public string Text { get; set; } = "";
                    public List<Product> Products { get; } = new();
                }
                /// <summary>Trims every string before it is stored.</summary>
                public sealed class TrimConverter : ValueConverter<string, string>
                {
                    public TrimConverter() : base(v => v.Trim(), v => v) { }
                }
                public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
                {
                    public DbSet<Product> Products => Set<Product>();
                    public DbSet<Book> Books => Set<Book>();
                    public DbSet<Album> Albums => Set<Album>();
                    public DbSet<Label> Labels => Set<Label>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(24);
                        configurationBuilder.Properties<bool>().HaveConversion<int>();
                        // Also the join table's foreign key to Label: EF applies it to every Guid property, shadow ones too.
                        configurationBuilder.Properties<Guid>().HaveConversion<string>().HaveMaxLength(40);
                        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToStringConverter>();
                        configurationBuilder.Properties<string>().HaveConversion<TrimConverter>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Product>().Property(p => p.Visibility).HasMaxLength(10);
                        modelBuilder.Entity<Product>().Property(p => p.Taxable).HasConversion<string>();
                    }
                }
            }
            """, "Conversions.Catalog.CatalogContext"),
        ["studio: ConfigureConventions facets reaching shadow foreign keys (join table, by convention, by name, to an owner)"] = ("""
            namespace Conversions.Studio
            {
                using System.ComponentModel.DataAnnotations;
                public class Label
                {
                    public Guid Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Track> Tracks { get; } = new();
                }
                public class Producer
                {
                    [Key] public string Handle { get; set; } = "";
                    public string DisplayName { get; set; } = "";
                }
                public class Credit { public string Role { get; set; } = ""; public string Person { get; set; } = ""; }
                public enum Region { Europe, Americas, Asia }
                public class Territory { [Key] public Region Region { get; set; } public string Name { get; set; } = ""; }
                public class Album
                {
                    public Guid Id { get; set; }
                    public string Title { get; set; } = "";
                    public Producer? Producer { get; set; }
                    public Territory? Territory { get; set; }
                    public List<Credit> Credits { get; } = new();
                }
                public class Track
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public Album Album { get; set; } = null!;
                    public Producer? Mixer { get; set; }
                    public List<Label> Labels { get; } = new();
                }
                public class StudioContext(DbContextOptions<StudioContext> options) : DbContext(options)
                {
                    public DbSet<Label> Labels => Set<Label>();
                    public DbSet<Album> Albums => Set<Album>();
                    public DbSet<Track> Tracks => Set<Track>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        configurationBuilder.Properties<Guid>().HaveMaxLength(40);
                        configurationBuilder.Properties<string>().HaveMaxLength(64).AreUnicode(false);
                        configurationBuilder.Properties<Enum>().HaveConversion<string>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Album>().OwnsMany(a => a.Credits);
                        modelBuilder.Entity<Track>().HasOne(t => t.Album).WithMany().HasForeignKey("AlbumRef");
                        modelBuilder.Entity<Track>().HasOne(t => t.Mixer).WithMany().HasForeignKey("MixerHandle").HasPrincipalKey(p => p.Handle);
                    }
                }
            }
            """, "Conversions.Studio.StudioContext"),
    };
}
