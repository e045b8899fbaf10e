using Microsoft.AspNetCore.DataProtection;

namespace Clinic.Services;

/// <summary>The Data Protection key ring behind the patients' encrypted national identifiers (see ClinicContext): kept on
/// a volume the API's instances share, encrypted at rest with the clinic's certificate.</summary>
public static class DataProtectionSetup
{
    public static IDataProtectionBuilder AddClinicDataProtection(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDataProtection()
            .SetApplicationName("ClinicApi")
            .PersistKeysToFileSystem(new DirectoryInfo("/var/lib/clinic/data-protection-keys"))
            .ProtectKeysWithCertificate(configuration["DataProtection:CertificateThumbprint"]!)
            .SetDefaultKeyLifetime(TimeSpan.FromDays(30));
}
