namespace Shop.Tenancy;

/// <summary>The tenant of the current request, with the connection string of the tenant's own billing database.</summary>
public sealed record TenantInfo(string Id, string BillingConnectionString);

public interface ITenantProvider
{
    TenantInfo Current { get; }
}

/// <summary>Reads the tenant from the request's X-Tenant header and looks it up in the Tenants configuration section.</summary>
public sealed class HeaderTenantProvider(IHttpContextAccessor http, IConfiguration configuration) : ITenantProvider
{
    public TenantInfo Current
    {
        get
        {
            var id = http.HttpContext?.Request.Headers["X-Tenant"].ToString() ?? "";
            return new TenantInfo(id, configuration.GetSection("Tenants").GetSection(id)["Billing"] ?? "");
        }
    }
}
