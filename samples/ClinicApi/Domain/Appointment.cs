namespace Clinic.Domain;

public enum AppointmentStatus { Scheduled, Completed, Cancelled, NoShow, Invoiced }

public class Appointment : ITenantOwned, IAuditable
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public int PatientId { get; set; }
    public int PractitionerId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public AppointmentStatus Status { get; set; }
    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public virtual Patient Patient { get; set; } = null!;
    public virtual Practitioner Practitioner { get; set; } = null!;
}
