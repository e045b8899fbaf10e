using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Clinic.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Data;

/// <summary>Announces appointment changes on the "appointment-changes" topic once they are saved, for the reminder and
/// calendar services. One instance per context (registered scoped).</summary>
public sealed class ChangePublishingInterceptor : SaveChangesInterceptor
{
    private readonly ServiceBusSender _sender;
    private readonly List<(Appointment Appointment, EntityState State)> _pending = new();

    public ChangePublishingInterceptor(ServiceBusClient client)
    {
        _sender = client.CreateSender("appointment-changes");
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<Appointment>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                _pending.Add((entry.Entity, entry.State));
            }
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        // Sent after the save, so generated ids are known and nothing is announced for a failed save.
        foreach (var (appointment, state) in _pending)
        {
            var change = new { appointment.Id, appointment.TenantId, appointment.StartsAt, State = state.ToString() };
            var message = new ServiceBusMessage(JsonSerializer.Serialize(change)) { Subject = "AppointmentChanged" };
            await _sender.SendMessageAsync(message, cancellationToken);
        }
        _pending.Clear();
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
