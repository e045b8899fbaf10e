using System.Data.Common;
using Clinic.Data;
using Clinic.Domain;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

/// <summary>Invoices a completed visit: the invoice (billing schema) and the appointment's status (dbo) change in one
/// transaction on one connection.</summary>
public sealed class BillingService(BillingContext billing)
{
    public async Task<int> InvoiceVisitAsync(int appointmentId, IReadOnlyList<InvoiceLine> lines, CancellationToken cancellationToken)
    {
        DbConnection connection = billing.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await billing.Database.UseTransactionAsync(transaction, cancellationToken);

        var invoice = new Invoice { AppointmentId = appointmentId, IssuedAt = DateTime.UtcNow, Total = lines.Sum(l => l.Amount) };
        foreach (var line in lines) invoice.Lines.Add(line);
        billing.Invoices.Add(invoice);
        await billing.SaveChangesAsync(cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE dbo.Appointments SET Status = 4 WHERE Id = @id AND Status = 1";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = appointmentId;
        command.Parameters.Add(id);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw new InvalidOperationException($"Appointment {appointmentId} is not completed or already invoiced.");
        }
        await transaction.CommitAsync(cancellationToken);
        return invoice.Id;
    }
}
