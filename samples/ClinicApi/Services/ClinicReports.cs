using Clinic.Data;
using Clinic.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

public sealed record DailyLoad(DateTime Day, int Appointments);

/// <summary>Reports written in SQL where LINQ would be awkward or slow.</summary>
public sealed class ClinicReports(ClinicContext db)
{
    private static readonly HashSet<string> SortableColumns = new(StringComparer.OrdinalIgnoreCase) { "FullName", "DateOfBirth", "CreatedAt" };

    public Task<List<Patient>> SearchPatientsAsync(string term, CancellationToken cancellationToken) =>
        db.Patients.FromSql($"SELECT * FROM dbo.Patients WHERE CONTAINS(FullName, {term})").ToListAsync(cancellationToken);

    public Task<List<Practitioner>> BySpecialtyAsync(string specialty, CancellationToken cancellationToken) =>
        db.Practitioners.FromSqlRaw("SELECT p.* FROM dbo.Practitioners p JOIN dbo.Specialties s ON s.Id = p.SpecialtyId WHERE s.Name = {0}", specialty)
            .ToListAsync(cancellationToken);

    public Task<List<Appointment>> OverlappingAsync(int practitionerId, DateTime startsAt, DateTime endsAt, CancellationToken cancellationToken) =>
        db.Appointments.FromSqlInterpolated($"SELECT * FROM dbo.Appointments WHERE PractitionerId = {practitionerId} AND StartsAt < {endsAt} AND EndsAt > {startsAt}")
            .ToListAsync(cancellationToken);

    public Task<List<DailyLoad>> DailyLoadAsync(int practitionerId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<DailyLoad>($"SELECT CAST(StartsAt AS date) AS Day, COUNT(*) AS Appointments FROM dbo.Appointments WHERE PractitionerId = {practitionerId} GROUP BY CAST(StartsAt AS date)")
            .ToListAsync(cancellationToken);

    /// <summary>The patient export, sorted by a column the caller picks from <see cref="SortableColumns"/>.</summary>
    public Task<List<Patient>> ExportAsync(string sortColumn, CancellationToken cancellationToken)
    {
        if (!SortableColumns.Contains(sortColumn)) throw new ArgumentException("Unknown sort column.", nameof(sortColumn));
        return db.Patients.FromSqlRaw("SELECT * FROM dbo.Patients ORDER BY " + sortColumn).ToListAsync(cancellationToken);
    }

    public Task<int> ReassignAsync(int fromPractitionerId, int toPractitionerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE dbo.Appointments SET PractitionerId = {toPractitionerId} WHERE PractitionerId = {fromPractitionerId} AND Status = 0",
            cancellationToken);
}
