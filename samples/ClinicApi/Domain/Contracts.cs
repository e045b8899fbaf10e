namespace Clinic.Domain;

/// <summary>A row that belongs to one clinic (tenant).</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>Rows that are flagged deleted instead of removed: clinical records must be kept.</summary>
public interface ISoftDeletable
{
    bool IsDeleted { get; set; }
    DateTime? DeletedAt { get; set; }
}

/// <summary>Who created and last changed a row, and when.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTime? UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}
