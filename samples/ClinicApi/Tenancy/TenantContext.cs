namespace Clinic.Tenancy;

/// <summary>The clinic (tenant) the current request acts for.</summary>
public interface ITenantContext
{
    Guid TenantId { get; }

    /// <summary>The database schema that holds this clinic's billing tables.</summary>
    string BillingSchema { get; }
}

/// <summary>Reads the tenant from the X-Clinic-Id header that the gateway sets after authentication.</summary>
public sealed class HeaderTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    public Guid TenantId =>
        Guid.TryParse(accessor.HttpContext?.Request.Headers["X-Clinic-Id"], out var id) ? id : Guid.Empty;

    public string BillingSchema => "billing_" + TenantId.ToString("N");
}
