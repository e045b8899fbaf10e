namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of TPH discriminators mapped to a property of the root (issue 3).</summary>
internal static class DiscriminatorModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["notices: HasDiscriminator(x => x.Kind) on string properties (string? with values, [MaxLength], none, the generic form)"] = ("""
            namespace Kinds.Notices
            {
                using System.ComponentModel.DataAnnotations;
                public abstract class Notice
                {
                    public int Id { get; set; }
                    public string? Kind { get; set; }
                    public string Text { get; set; } = "";
                }
                public class Reminder : Notice { public int Level { get; set; } }
                public class FinalDemand : Notice { public DateTime Deadline { get; set; } }
                public class Document
                {
                    public int Id { get; set; }
                    [MaxLength(30)] public string Type { get; set; } = "";
                }
                public class Invoice : Document { public decimal Total { get; set; } }
                public class CreditNote : Document { public decimal Refund { get; set; } }
                public class Shape
                {
                    public int Id { get; set; }
                    public string ShapeKind { get; set; } = "";
                }
                public class Circle : Shape { public double Radius { get; set; } }
                public class RightTriangle : Shape { public double Hypotenuse { get; set; } }
                public class NoticesContext(DbContextOptions<NoticesContext> options) : DbContext(options)
                {
                    public DbSet<Notice> Notices => Set<Notice>();
                    public DbSet<Reminder> Reminders => Set<Reminder>();
                    public DbSet<FinalDemand> FinalDemands => Set<FinalDemand>();
                    public DbSet<Document> Documents => Set<Document>();
                    public DbSet<Invoice> Invoices => Set<Invoice>();
                    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
                    public DbSet<Shape> Shapes => Set<Shape>();
                    public DbSet<Circle> Circles => Set<Circle>();
                    public DbSet<RightTriangle> RightTriangles => Set<RightTriangle>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Notice>().HasDiscriminator(n => n.Kind).HasValue<Reminder>("reminder").HasValue<FinalDemand>("final");
                        modelBuilder.Entity<Document>().HasDiscriminator<string>(d => d.Type)
                            .HasValue<Document>("document").HasValue<Invoice>("invoice").HasValue<CreditNote>("credit-note-issued-to-a-customer-account");
                        modelBuilder.Entity<Shape>().HasDiscriminator(s => s.ShapeKind);
                    }
                }
            }
            """, "Kinds.Notices.NoticesContext"),
        ["alerts: enum and int discriminator properties with a value for every concrete type"] = ("""
            namespace Kinds.Alerts
            {
                public enum Severity { Info, Warning, Outage }
                public class Alert
                {
                    public int Id { get; set; }
                    public Severity Severity { get; set; }
                    public string Message { get; set; } = "";
                }
                public class WarningAlert : Alert { public string? Hint { get; set; } }
                public class OutageAlert : Alert { public DateTime Since { get; set; } }
                public abstract class Step
                {
                    public int Id { get; set; }
                    public int Code { get; set; }
                }
                public class StartStep : Step { }
                public class EndStep : Step { public bool Final { get; set; } }
                public class AlertsContext(DbContextOptions<AlertsContext> options) : DbContext(options)
                {
                    public DbSet<Alert> Alerts => Set<Alert>();
                    public DbSet<WarningAlert> Warnings => Set<WarningAlert>();
                    public DbSet<OutageAlert> Outages => Set<OutageAlert>();
                    public DbSet<Step> Steps => Set<Step>();
                    public DbSet<StartStep> StartSteps => Set<StartStep>();
                    public DbSet<EndStep> EndSteps => Set<EndStep>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Alert>().HasDiscriminator(a => a.Severity)
                            .HasValue<Alert>(Severity.Info).HasValue<WarningAlert>(Severity.Warning).HasValue<OutageAlert>(Severity.Outage);
                        modelBuilder.Entity<Step>().HasDiscriminator(s => s.Code).HasValue<StartStep>(1).HasValue<EndStep>(-1);
                    }
                }
            }
            """, "Kinds.Alerts.AlertsContext"),
        ["shelter: discriminators with value converters (enum to string before and after HasDiscriminator, byte enum to int, a string property) and named discriminators whose shadow property is configured (converted to int, a max length)"] = ("""
            namespace Discriminators.Shelter
            {
                public enum Species { Cat, Dog }
                public abstract class Animal { public int Id { get; set; } public Species Species { get; set; } public string Name { get; set; } = ""; }
                public class Cat : Animal { public int Lives { get; set; } }
                public class Dog : Animal { public bool Trained { get; set; } }

                public enum Size : byte { Small = 1, Large = 2 }
                public abstract class Kennel { public int Id { get; set; } public Size Size { get; set; } }
                public class SmallKennel : Kennel { }
                public class LargeKennel : Kennel { public int Runs { get; set; } }

                public enum Shift { Day, Night }
                public abstract class Volunteer { public int Id { get; set; } public Shift Shift { get; set; } }
                public class DayVolunteer : Volunteer { }
                public class NightVolunteer : Volunteer { public bool HasKeys { get; set; } }

                public abstract class Donation { public int Id { get; set; } }
                public class CashDonation : Donation { public decimal Amount { get; set; } }
                public class FoodDonation : Donation { public int Kilograms { get; set; } }

                public abstract class Visit { public int Id { get; set; } }
                public class Adoption : Visit { public int AnimalId { get; set; } }
                public class Tour : Visit { }

                public abstract class Notice { public int Id { get; set; } public string Code { get; set; } = ""; }
                public class LostNotice : Notice { }
                public class FoundNotice : Notice { public string? Where { get; set; } }

                public class ShelterContext(DbContextOptions<ShelterContext> options) : DbContext(options)
                {
                    public DbSet<Animal> Animals => Set<Animal>();
                    public DbSet<Kennel> Kennels => Set<Kennel>();
                    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
                    public DbSet<Donation> Donations => Set<Donation>();
                    public DbSet<Visit> Visits => Set<Visit>();
                    public DbSet<Notice> Notices => Set<Notice>();
                    public DbSet<Cat> Cats => Set<Cat>();
                    public DbSet<Dog> Dogs => Set<Dog>();
                    public DbSet<SmallKennel> SmallKennels => Set<SmallKennel>();
                    public DbSet<LargeKennel> LargeKennels => Set<LargeKennel>();
                    public DbSet<DayVolunteer> DayVolunteers => Set<DayVolunteer>();
                    public DbSet<NightVolunteer> NightVolunteers => Set<NightVolunteer>();
                    public DbSet<CashDonation> CashDonations => Set<CashDonation>();
                    public DbSet<FoodDonation> FoodDonations => Set<FoodDonation>();
                    public DbSet<Adoption> Adoptions => Set<Adoption>();
                    public DbSet<Tour> Tours => Set<Tour>();
                    public DbSet<LostNotice> LostNotices => Set<LostNotice>();
                    public DbSet<FoundNotice> FoundNotices => Set<FoundNotice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        // An enum discriminator stored as text: converter first, then the discriminator.
                        modelBuilder.Entity<Animal>().Property(a => a.Species).HasConversion<string>();
                        modelBuilder.Entity<Animal>().HasDiscriminator(a => a.Species).HasValue<Cat>(Species.Cat).HasValue<Dog>(Species.Dog);
                        // A byte enum stored as int.
                        modelBuilder.Entity<Kennel>().HasDiscriminator(k => k.Size).HasValue<SmallKennel>(Size.Small).HasValue<LargeKennel>(Size.Large);
                        modelBuilder.Entity<Kennel>().Property(k => k.Size).HasConversion<int>();
                        // The discriminator first, then the converter and a max length.
                        modelBuilder.Entity<Volunteer>().HasDiscriminator(v => v.Shift).HasValue<DayVolunteer>(Shift.Day).HasValue<NightVolunteer>(Shift.Night);
                        modelBuilder.Entity<Volunteer>().Property(v => v.Shift).HasConversion<string>().HasMaxLength(5);
                        // A named discriminator whose shadow property is converted to int afterwards.
                        modelBuilder.Entity<Donation>().HasDiscriminator<string>("Type").HasValue<CashDonation>("cash").HasValue<FoodDonation>("food");
                        modelBuilder.Entity<Donation>().Property<string>("Type").HasConversion(v => v.Length, v => "");
                        // A shadow property with a max length, named as the discriminator afterwards.
                        modelBuilder.Entity<Visit>().Property<string>("Type").HasMaxLength(50);
                        modelBuilder.Entity<Visit>().HasDiscriminator<string>("Type").HasValue<Adoption>("adoption").HasValue<Tour>("tour");
                        // A string property discriminator with a converter: the length convention still applies.
                        modelBuilder.Entity<Notice>().HasDiscriminator(n => n.Code).HasValue<LostNotice>("L").HasValue<FoundNotice>("F");
                        modelBuilder.Entity<Notice>().Property(n => n.Code).HasConversion(v => v.ToUpperInvariant(), v => v.ToLowerInvariant());
                    }
                }
            }
            """, "Discriminators.Shelter.ShelterContext"),
    };
}
