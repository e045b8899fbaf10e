namespace Clinic.Domain;

/// <summary>Reference data shared by all clinics.</summary>
public class Specialty
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
