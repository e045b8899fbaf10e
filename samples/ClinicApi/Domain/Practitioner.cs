namespace Clinic.Domain;

public class Practitioner : ITenantOwned, ISoftDeletable
{
    public int Id { get; set; }
    public Guid TenantId { get; set; }
    public string FullName { get; set; } = "";
    public string LicenceNumber { get; set; } = "";
    public int SpecialtyId { get; set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }

    public virtual Specialty Specialty { get; set; } = null!;
    public virtual ICollection<Appointment> Appointments { get; set; } = new List<Appointment>();
}
