namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of properties whose class type EF Core maps through something DataDocGen does not evaluate
/// (a replaced <c>IValueConverterSelector</c>, as the modular-monolith sample does for its typed ids): named by the
/// configuration (<c>HasKey</c>, <c>Property</c>, <c>HasIndex</c>), they are columns, never navigations to an entity
/// type of their own; their store types stay blank.</summary>
internal static class PlugInTypeModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["meetings: class-typed ids mapped by a replaced IValueConverterSelector, named by HasKey, Property and HasIndex"] = ("""
            namespace Meetings
            {
                using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
                public abstract class TypedIdValueBase(Guid value) { public Guid Value { get; } = value; }
                public class MeetingId(Guid value) : TypedIdValueBase(value);
                public class MemberId(Guid value) : TypedIdValueBase(value);
                public class Meeting
                {
                    public MeetingId Id { get; private set; } = null!;
                    public MemberId CreatorId { get; private set; } = null!;
                    public string Title { get; set; } = "";
                }
                public class TypedIdConverter<T>(ConverterMappingHints? hints = null) : ValueConverter<T, Guid>(id => id.Value, value => (T)Activator.CreateInstance(typeof(T), value)!, hints)
                    where T : TypedIdValueBase;
                public class TypedIdSelector(ValueConverterSelectorDependencies dependencies) : ValueConverterSelector(dependencies)
                {
                    public override IEnumerable<ValueConverterInfo> Select(Type modelClrType, Type? providerClrType = null)
                    {
                        foreach (var converter in base.Select(modelClrType, providerClrType)) yield return converter;
                        var underlying = Nullable.GetUnderlyingType(modelClrType) ?? modelClrType;
                        if (typeof(TypedIdValueBase).IsAssignableFrom(underlying))
                            yield return new ValueConverterInfo(modelClrType, typeof(Guid), info => (ValueConverter)Activator.CreateInstance(typeof(TypedIdConverter<>).MakeGenericType(underlying), info.MappingHints)!);
                    }
                }
                public class MeetingsContext(DbContextOptions<MeetingsContext> options) : DbContext(options)
                {
                    public DbSet<Meeting> Meetings => Set<Meeting>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b)
                    {
                        if (!b.IsConfigured) b.USE_PROVIDER;
                        b.ReplaceService<IValueConverterSelector, TypedIdSelector>();
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Meeting>(meeting =>
                        {
                            meeting.ToTable("Meetings", "meetings");
                            meeting.HasKey(m => m.Id);
                            meeting.Property(m => m.CreatorId).HasColumnName("CreatorMemberId");
                            meeting.HasIndex(m => m.CreatorId);
                        });
                    }
                }
            }
            """, "Meetings.MeetingsContext"),

        // dotnet/eShop's Order: `public Buyer? Buyer { get; }`, configured by HasOne; the audit found the schema withheld.
        ["ordering: a get-only reference navigation configured by HasOne, which EF Core sets through its backing field"] = ("""
            namespace Ordering
            {
                public class Buyer { public int Id { get; set; } public string Name { get; set; } = ""; }
                public class Order
                {
                    public int Id { get; set; }
                    public int? BuyerId { get; private set; }
                    public Buyer? Buyer { get; }
                    public string Street { get; set; } = "";
                }
                public class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
                {
                    public DbSet<Order> Orders => Set<Order>();
                    public DbSet<Buyer> Buyers => Set<Buyer>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Order>().HasOne(o => o.Buyer).WithMany().HasForeignKey(o => o.BuyerId).OnDelete(DeleteBehavior.Restrict);
                    }
                }
            }
            """, "Ordering.OrderingContext"),
    };
}
