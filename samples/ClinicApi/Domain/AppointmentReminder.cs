namespace Clinic.Domain;

/// <summary>A text or e-mail reminder queued for an appointment.</summary>
public class AppointmentReminder : ITenantOwned
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int AppointmentId { get; set; }
    public DateTime SendAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string Channel { get; set; } = "sms";

    public virtual Appointment Appointment { get; set; } = null!;
}
