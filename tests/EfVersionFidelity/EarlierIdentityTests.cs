using DataDocGen.Generator.Tests.Fidelity;

namespace DataDocGen.Generator.Tests.EfVersions;

/// <summary>ASP.NET Core Identity 8 and 9 contexts with store options set in the project, judged by EF Core built with the
/// same options: Identity 8 and 9 know schema versions 1 and 2, and build Version2 for any later version.</summary>
public class EarlierIdentityTests
{
    private const string Context = """
        namespace Auth
        {
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

            public class AppUser : IdentityUser { public string? Nickname { get; set; } }
            public class AuthContext(DbContextOptions<AuthContext> options) : IdentityDbContext<AppUser>(options)
            {
                protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
            }
            public static class Setup
            {
                public static void Register(IServiceCollection services) => services.AddIdentityCore<AppUser>(o => { OPTIONS });
            }
        }
        """;

    [Theory]
    [InlineData("", 1, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;", 2, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version2; o.Stores.MaxLengthForKeys = 64;", 2, 64)]
    [InlineData("o.Stores.MaxLengthForKeys = 100;", 1, 100)]
    [InlineData("o.Stores.SchemaVersion = new Version(1, 0); o.Stores.ProtectPersonalData = false;", 1, 0)]
    [InlineData("o.Stores.SchemaVersion = new Version(3, 0);", 3, 0)]
    [InlineData("o.Stores.ProtectPersonalData = true;", 1, 0)]
    public void Store_options_set_in_the_project_change_the_model_as_EF_Core_builds_it(string options, int version, int maxLengthForKeys)
    {
        IdentityFidelity.AssertSame(Context.Replace("OPTIONS", options), "Auth.AuthContext", stores =>
        {
            stores.SchemaVersion = new Version(version, 0);
            stores.MaxLengthForKeys = maxLengthForKeys;
            stores.ProtectPersonalData = options.Contains("ProtectPersonalData = true", StringComparison.Ordinal);
        });
    }
}
