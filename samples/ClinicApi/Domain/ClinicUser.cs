using Microsoft.AspNetCore.Identity;

namespace Clinic.Domain;

/// <summary>A staff member who signs in: receptionist, practitioner or administrator.</summary>
public class ClinicUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    [ProtectedPersonalData]
    public string? EmergencyContactPhone { get; set; }

    public Guid TenantId { get; set; }
}
