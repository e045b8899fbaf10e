using Clinic.Api;
using Clinic.Data;
using Clinic.Data.Specifications;
using Clinic.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

public sealed class AppointmentService(ClinicContext db, IRepository<Appointment> appointments, IUnitOfWork unitOfWork)
{
    public async Task<int> BookAsync(Guid tenantId, BookAppointmentRequest request, CancellationToken cancellationToken)
    {
        var appointment = new Appointment
        {
            TenantId = tenantId,
            PatientId = request.PatientId,
            PractitionerId = request.PractitionerId,
            StartsAt = request.StartsAt,
            EndsAt = request.EndsAt,
            Reason = request.Reason,
        };
        appointments.Add(appointment);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return appointment.Id;
    }

    public Task<List<Appointment>> UpcomingAsync(int practitionerId, CancellationToken cancellationToken) =>
        appointments.ListAsync(new UpcomingAppointmentsSpec(practitionerId, DateTime.UtcNow), cancellationToken);

    /// <summary>Moves an appointment: the old slot is cancelled and a new one booked, both or neither.</summary>
    public async Task<int?> RescheduleAsync(int appointmentId, DateTime startsAt, DateTime endsAt, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var current = await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
            if (current is null) return null;

            current.Status = AppointmentStatus.Cancelled;
            db.Appointments.Update(current);
            var moved = new Appointment
            {
                TenantId = current.TenantId,
                PatientId = current.PatientId,
                PractitionerId = current.PractitionerId,
                StartsAt = startsAt,
                EndsAt = endsAt,
                Reason = current.Reason,
            };
            db.Appointments.Add(moved);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return moved.Id;
        }
        catch
        {
            await transaction.RollbackAsync(cancellationToken);
            throw;
        }
    }

    /// <summary>Scheduled appointments that ended more than a day ago without being completed are marked no-shows.</summary>
    public Task<int> MarkNoShowsAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow.AddDays(-1);
        return db.Appointments
            .Where(a => a.Status == AppointmentStatus.Scheduled && a.EndsAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.NoShow), cancellationToken);
    }
}
