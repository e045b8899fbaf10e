using Clinic.Data;
using Clinic.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

public sealed record PatientSummary(int Id, string FullName, DateOnly DateOfBirth);

public sealed record DaySheetLine(DateTime StartsAt, string Patient, string? Reason);

public sealed class ScheduleQueries(ClinicContext db)
{
    private static readonly Func<ClinicContext, int, Task<Patient?>> PatientById =
        EF.CompileAsyncQuery((ClinicContext context, int id) => context.Patients.FirstOrDefault(p => p.Id == id));

    public Task<Patient?> PatientAsync(int id) => PatientById(db, id);

    /// <summary>A page of the patient list, for the reception screen.</summary>
    public Task<List<PatientSummary>> PatientPageAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        db.Patients
            .OrderBy(p => p.FullName)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(p => new PatientSummary(p.Id, p.FullName, p.DateOfBirth))
            .ToListAsync(cancellationToken);

    /// <summary>Patients after a known id, for exports that walk the whole list.</summary>
    public Task<List<Patient>> PatientsAfterAsync(int afterId, int count, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking()
            .Where(p => p.Id > afterId)
            .OrderBy(p => p.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>A practitioner with the patients of every appointment.</summary>
    public Task<Practitioner?> PractitionerWithPatientsAsync(int id, CancellationToken cancellationToken) =>
        db.Practitioners
            .Include(p => p.Appointments)
            .ThenInclude(a => a.Patient)
            .AsSplitQuery()
            .AsNoTrackingWithIdentityResolution()
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>A patient's history: the appointments are loaded only when the chart is opened.</summary>
    public async Task<Patient?> ChartAsync(int patientId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.FindAsync([patientId], cancellationToken);
        if (patient is null) return null;
        await db.Entry(patient).Collection(p => p.Appointments).LoadAsync(cancellationToken);
        return patient;
    }

    /// <summary>The day sheet printed for a practitioner.</summary>
    public async Task<List<DaySheetLine>> DaySheetAsync(int practitionerId, DateOnly day, CancellationToken cancellationToken)
    {
        var from = day.ToDateTime(TimeOnly.MinValue);
        var to = from.AddDays(1);
        var lines = new List<DaySheetLine>();
        foreach (var appointment in await db.Appointments
                     .Where(a => a.PractitionerId == practitionerId && a.StartsAt >= from && a.StartsAt < to)
                     .OrderBy(a => a.StartsAt)
                     .ToListAsync(cancellationToken))
        {
            // Each Patient is loaded lazily, one query per appointment.
            lines.Add(new DaySheetLine(appointment.StartsAt, appointment.Patient.FullName, appointment.Reason));
        }
        return lines;
    }
}
