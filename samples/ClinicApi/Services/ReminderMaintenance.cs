using Clinic.Data;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

/// <summary>Housekeeping of the reminder queue, for all clinics at once.</summary>
public sealed class ReminderMaintenance(ClinicContext db)
{
    public Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow.AddDays(-30);
        return db.AppointmentReminders
            .Where(r => r.SentAt != null && r.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public Task<int> MarkSentAsync(int reminderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE dbo.AppointmentReminders SET SentAt = SYSUTCDATETIME() WHERE Id = {reminderId}", cancellationToken);

    public Task<int> RequeueFailedAsync(DateTime since, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            "UPDATE dbo.AppointmentReminders SET SendAt = SYSUTCDATETIME() WHERE SentAt IS NULL AND SendAt < {0}", [since], cancellationToken);
}
