using Clinic.Domain;
using Clinic.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data;

/// <summary>Patients, practitioners and their appointments, shared by all clinics and filtered per clinic.</summary>
public class ClinicContext(DbContextOptions<ClinicContext> options, ITenantContext tenant, IDataProtectionProvider dataProtection)
    : DbContext(options)
{
    public Guid TenantId => tenant.TenantId;

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentReminder> AppointmentReminders => Set<AppointmentReminder>();
    public DbSet<Specialty> Specialties => Set<Specialty>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var nationalIds = new EncryptedStringConverter(dataProtection.CreateProtector("Clinic.Patients.NationalId.v1"));

        // Patient history is kept by SQL Server: every change is versioned in PatientsHistory.
        modelBuilder.Entity<Patient>().ToTable("Patients", t => t.IsTemporal());
        modelBuilder.Entity<Patient>().Property(p => p.FullName).HasMaxLength(200);
        modelBuilder.Entity<Patient>().Property(p => p.Email).HasMaxLength(320);
        modelBuilder.Entity<Patient>().Property(p => p.Phone).HasMaxLength(32);
        modelBuilder.Entity<Patient>().Property(p => p.NationalId).HasConversion(nationalIds);
        modelBuilder.Entity<Patient>().HasIndex(p => new { p.TenantId, p.FullName });
        modelBuilder.Entity<Patient>().HasQueryFilter(p => p.TenantId == TenantId && !p.IsDeleted);

        modelBuilder.Entity<Practitioner>().Property(p => p.FullName).HasMaxLength(200);
        modelBuilder.Entity<Practitioner>().Property(p => p.LicenceNumber).HasMaxLength(20);
        modelBuilder.Entity<Practitioner>().HasIndex(p => new { p.TenantId, p.LicenceNumber }).IsUnique();
        modelBuilder.Entity<Practitioner>().HasQueryFilter(p => p.TenantId == TenantId && !p.IsDeleted);

        modelBuilder.Entity<Appointment>().ToTable("Appointments", t => t.HasCheckConstraint("CK_Appointments_EndsAfterStart", "[EndsAt] > [StartsAt]"));
        modelBuilder.Entity<Appointment>().Property(a => a.Reason).HasMaxLength(500);
        modelBuilder.Entity<Appointment>().HasIndex(a => new { a.PractitionerId, a.StartsAt });
        modelBuilder.Entity<Appointment>().HasQueryFilter(a => a.TenantId == TenantId);

        // Reminders are sent by one job for all clinics, so they have no clinic filter.
        modelBuilder.Entity<AppointmentReminder>().Property(r => r.Channel).HasMaxLength(10);
        modelBuilder.Entity<AppointmentReminder>().HasIndex(r => r.SendAt);

        modelBuilder.Entity<Specialty>().Property(s => s.Name).HasMaxLength(100);
    }
}
