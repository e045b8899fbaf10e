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
    };
}
