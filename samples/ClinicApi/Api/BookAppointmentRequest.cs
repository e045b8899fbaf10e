using System.ComponentModel.DataAnnotations;

namespace Clinic.Api;

public sealed class BookAppointmentRequest : IValidatableObject
{
    public int PatientId { get; set; }
    public int PractitionerId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    [MaxLength(500)]
    public string? Reason { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndsAt <= StartsAt)
            yield return new ValidationResult("An appointment must end after it starts.", [nameof(EndsAt)]);
        if (EndsAt - StartsAt > TimeSpan.FromHours(4))
            yield return new ValidationResult("An appointment lasts at most four hours.", [nameof(EndsAt)]);
    }
}

public sealed record UpdatePractitionerRequest(string FullName, int SpecialtyId);
