namespace Clinic.Domain;

public class Patient : ITenantOwned, ISoftDeletable, IAuditable
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public string FullName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>Stored encrypted (EncryptedStringConverter).</summary>
    public string NationalId { get; set; } = "";

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public virtual ICollection<Appointment> Appointments { get; set; } = new List<Appointment>();
}
