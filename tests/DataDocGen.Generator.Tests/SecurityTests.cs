using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4: personal data, encryption in code and in connection strings, tenant filters and their gaps.</summary>
public class SecurityTests
{
    private const string Code = """
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
        namespace Shop.Data
        {
            public class Patient
            {
                public int Id { get; set; }
                public Guid TenantId { get; set; }
                [PersonalData] public string FullName { get; set; } = "";
                [ProtectedPersonalData] public string NationalId { get; set; } = "";
                public string Notes { get; set; } = "";
                public string Email { get; set; } = "";
            }

            public class Invoice
            {
                public int Id { get; set; } public Guid TenantId { get; set; } public decimal Total { get; set; }
                public string BillingPostalCode { get; set; } = ""; public string BillingCity { get; set; } = ""; public string CardLast4 { get; set; } = "";
                public int Capacity { get; set; }
            }
            public class Country { public int Id { get; set; } public string Name { get; set; } = ""; }

            public class EncryptedStringConverter(IDataProtector protector)
                : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));

            public class AesConverter() : ValueConverter<string, string>(v => Encrypt(v), v => v)
            {
                private static string Encrypt(string value) { using var aes = Aes.Create(); return value; }
            }

            // Trap: named like encryption, protects nothing.
            public class EncryptionLookingConverter() : ValueConverter<string, string>(v => Encrypt(v), v => v)
            {
                private static string Encrypt(string value) => value.ToUpperInvariant();
            }

            public class ClinicContext(DbContextOptions<ClinicContext> options, IDataProtectionProvider provider, ITenant tenant) : DbContext(options)
            {
                public DbSet<Patient> Patients => Set<Patient>();
                public DbSet<Invoice> Invoices => Set<Invoice>();
                public DbSet<Country> Countries => Set<Country>();
                protected override void OnModelCreating(ModelBuilder b)
                {
                    var protector = provider.CreateProtector("Clinic.Patients.v1");
                    b.Entity<Patient>().HasQueryFilter(p => p.TenantId == tenant.Id);
                    b.Entity<Patient>().Property(p => p.Notes).HasConversion(v => protector.Protect(v), v => protector.Unprotect(v));
                    b.Entity<Patient>().Property(p => p.Email).HasConversion(new EncryptionLookingConverter());
                }
            }

            public interface ITenant { Guid Id { get; } }

            public static class Setup
            {
                public static void Add(IServiceCollection services, IConfiguration config) =>
                    services.AddDbContext<ClinicContext>(o => o.UseSqlServer(config.GetConnectionString("Clinic")));
            }
        }
        """;

    private static readonly Dictionary<string, string> AppSettings = new()
    {
        ["appsettings.json"] = """{ "ConnectionStrings": { "Clinic": "Server=db;Database=Clinic;User Id=app;Password=Clinic-Secret;Encrypt=True;Column Encryption Setting=Enabled" } }""",
    };

    [Theory]
    [InlineData("Server=db;Database=Clinic;User Id=sa;Password=p;TrustServerCertificate=True", "`TrustServerCertificate=True` | **the server's certificate is accepted without validation**")]
    [InlineData("Server=db;Database=Clinic;User Id=sa;Password=p;Encrypt=False", "`Encrypt=False` | **encryption turned off**: TLS only if the server requires it")]
    [InlineData("Host=pg;Database=clinic;Username=app;Password=p;SSL Mode=Disable", "`SSL Mode=Disable` | **TLS turned off**: data in transit is not encrypted")]
    public void Connection_settings_that_weaken_transport_security_are_said_plainly(string connectionString, string row)
    {
        var settings = new Dictionary<string, string> { ["appsettings.Development.json"] = "{ \"ConnectionStrings\": { \"Clinic\": \"" + connectionString + "\" } }" };
        var output = GeneratorHarness.Run(Sources.With(("Data/Clinic.cs", Code)), settings);
        Assert.Contains("| `ConnectionStrings:Clinic` | Development | " + row, output.Markdown);
        Assert.DoesNotContain("encrypted connection (TLS): data in transit", output.Markdown);
    }

    [Fact]
    public void Personal_data_encryption_and_tenant_isolation_are_reported_with_the_gaps()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Clinic.cs", Code)), AppSettings);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("## 4. Data security", md);
        Assert.Contains("| personal data | `Shop.Data.Patient.FullName` |  | `Patient` |", md);
        // Identity encrypts it only when its ProtectPersonalData store option is on, which this code does not do.
        Assert.Contains("| protected personal data | `Shop.Data.Patient.NationalId` | stored unencrypted: Identity's `ProtectPersonalData` store option is not turned on in this project's code | `Patient` |", md);
        Assert.Contains("| data protection purpose | `Clinic.Patients.v1` |  | `ClinicContext.OnModelCreating` |", md);
        Assert.Contains("| encrypted property | `Shop.Data.Patient.Notes` | IDataProtector.Protect, IDataProtector.Unprotect | `ClinicContext.OnModelCreating` |", md);
        Assert.Contains("| encrypting converter | `Shop.Data.EncryptedStringConverter` | IDataProtector.Protect, IDataProtector.Unprotect |", md);
        Assert.Contains("| encrypting converter | `Shop.Data.AesConverter` | Aes |", md);
        // A converter named like encryption that encrypts nothing is no protection: it is a type coercion (2.3), said as such.
        Assert.DoesNotContain("| encrypting converter | `Shop.Data.EncryptionLookingConverter`", md);
        Assert.DoesNotContain("| encrypted property | `Shop.Data.Patient.Email`", md);
        Assert.Contains("| `Shop.Data.Patient.Email` | converter `EncryptionLookingConverter` (`string` → `string`) | `ClinicContext.OnModelCreating` |", md);

        Assert.Contains("| `ConnectionStrings:Clinic` | all (base file) | `Encrypt=True` | encrypted connection (TLS): data in transit |", md);
        Assert.Contains("| `ConnectionStrings:Clinic` | all (base file) | `Column Encryption Setting=Enabled` | Always Encrypted on the connection: the client encrypts and decrypts the columns the database declares encrypted (which ones is set in the database, not read here) |", md);
        Assert.DoesNotContain("Clinic-Secret", output.All);

        Assert.Contains("**heuristic: by name only**", md);
        Assert.Contains("| `ClinicContext` | `Patients` | `Email` | email address |", md);
        Assert.Contains("| `ClinicContext` | `Patients` | `FullName` | name |", md);
        Assert.Contains("| `ClinicContext` | `Invoices` | `BillingPostalCode` | postal address |", md);
        Assert.Contains("| `ClinicContext` | `Invoices` | `CardLast4` | payment card (last digits) |", md);
        // A city alone is not flagged: by its ending, Capacity would be too.
        Assert.DoesNotContain("| `Invoices` | `BillingCity` |", md);
        Assert.DoesNotContain("| `Invoices` | `Capacity` |", md);

        Assert.Contains("### 4.2 Access control", md);
        Assert.Contains("| `ClinicContext` | `Shop.Data.Patient` | `p => p.TenantId == tenant.Id` |", md);
        // Both tenant lists are found by name, and say so.
        Assert.Contains("Tenant isolation by global query filter (**heuristic: by name**", md);
        Assert.Contains("no tenant filter covers** (**heuristic: by name**", md);
        Assert.Contains("| `ClinicContext` | `Invoices` | `TenantId` | `Shop.Data.Invoice` |", md);
        Assert.DoesNotContain("| `ClinicContext` | `Countries` | `TenantId`", md);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Protected_personal_data_is_said_unencrypted_unless_Identity_is_told_to_protect_it(bool protect)
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Users.cs", """
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
            namespace Shop.Data
            {
                public class AppUser : IdentityUser { [ProtectedPersonalData] public string Passport { get; set; } = ""; }
                public class AuthContext(DbContextOptions<AuthContext> options) : IdentityDbContext<AppUser>(options) { }
                public static class Setup
                {
                    public static void Add(IServiceCollection services) => services.AddIdentityCore<AppUser>(o => o.Stores.ProtectPersonalData = PROTECT);
                }
            }
            """.Replace("PROTECT", protect ? "true" : "false", StringComparison.Ordinal)))).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| protected personal data | `Shop.Data.AppUser.Passport` |", StringComparison.Ordinal));
        Assert.Equal(!protect, row.Contains("stored unencrypted", StringComparison.Ordinal));
    }
}
