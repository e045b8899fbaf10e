using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Fidelity;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace DataDocGen.Generator.Tests;

/// <summary>ASP.NET Core Identity contexts: Identity's store options (judged by EF Core with the same options), evidence
/// pointing at the user's base list, and the cases DataDocGen cannot read, which must stay withheld.</summary>
public class IdentityTests
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
                ON_MODEL_CREATING
            }
            public static class Setup
            {
                public static void Register(IServiceCollection services, IConfiguration configuration)
                {
                    REGISTRATION
                }
            }
        }
        """;

    private static string Model(string onModelCreating = "", string registration = "") =>
        Context.Replace("ON_MODEL_CREATING", onModelCreating).Replace("REGISTRATION", registration);

    private static GeneratorOutput Run(string model) =>
        GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + model.Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["SqlServer"]) });

    private static JsonNode? Withheld(GeneratorOutput output) =>
        JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == "AuthContext");

    [Theory]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;", 2, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version2; o.Stores.MaxLengthForKeys = 64;", 2, 64)]
    [InlineData("o.Stores.MaxLengthForKeys = 100;", 1, 100)]
    [InlineData("o.Stores.SchemaVersion = new Version(1, 0); o.Stores.ProtectPersonalData = false;", 1, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;", 3, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version3; o.Stores.MaxLengthForKeys = 64;", 3, 64)]
    [InlineData("o.Stores.ProtectPersonalData = true;", 1, 0)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version3; o.Stores.ProtectPersonalData = true;", 3, 0)]
    public void Store_options_set_in_the_project_change_the_model_as_EF_Core_builds_it(string options, int version, int maxLengthForKeys)
    {
        var model = Model(registration: "services.AddIdentityCore<AppUser>(o => { " + options + " });");
        IdentityFidelity.AssertSame(model, "Auth.AuthContext", stores =>
        {
            stores.SchemaVersion = new Version(version, 0);
            stores.MaxLengthForKeys = maxLengthForKeys;
            stores.ProtectPersonalData = options.Contains("ProtectPersonalData = true", StringComparison.Ordinal);
        });
    }

    /// <summary>Identity UI's <c>AddDefaultIdentity</c>, a stand-in with its real name and namespace (Microsoft.AspNetCore.Identity.UI
    /// is a Razor class library this project does not reference). The real one calls
    /// <c>AddIdentityCore&lt;TUser&gt;(o =&gt; { o.Stores.MaxLengthForKeys = 128; configureOptions?.Invoke(o); })</c>: checked at
    /// run time on Identity 10.0.15 (Jason Taylor's Clean Architecture template, built through its own service registration:
    /// AspNetUserLogins' and AspNetUserTokens' key columns are nvarchar(128), as its migration says). The bodies here set
    /// nothing, so only the call can tell DataDocGen.</summary>
    private const string IdentityUiStandIn = """

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class IdentityServiceCollectionUIExtensions
            {
                public static Microsoft.AspNetCore.Identity.IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services) where TUser : class =>
                    new(typeof(TUser), services);
                public static Microsoft.AspNetCore.Identity.IdentityBuilder AddDefaultIdentity<TUser>(this IServiceCollection services, System.Action<Microsoft.AspNetCore.Identity.IdentityOptions> configureOptions) where TUser : class =>
                    new(typeof(TUser), services);
            }
        }
        namespace LookAlike
        {
            public static class Registrations
            {
                public static void AddDefaultIdentity<TUser>(this IServiceCollection services, int unused = 0) { }
            }
        }
        """;

    [Theory]
    [InlineData("services.AddDefaultIdentity<AppUser>();", 1, 128)]
    [InlineData("services.AddDefaultIdentity<AppUser>(o => o.SignIn.RequireConfirmedAccount = true);", 1, 128)]
    [InlineData("services.AddDefaultIdentity<AppUser>(o => o.Stores.MaxLengthForKeys = 64);", 1, 64)]
    [InlineData("services.AddDefaultIdentity<AppUser>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version2);", 2, 128)]
    [InlineData("LookAlike.Registrations.AddDefaultIdentity<AppUser>(services);", 1, 0)]
    public void AddDefaultIdentity_sets_the_key_length_to_128(string registration, int version, int maxLengthForKeys)
    {
        IdentityFidelity.AssertSame(Model(registration: registration) + IdentityUiStandIn, "Auth.AuthContext", stores =>
        {
            stores.SchemaVersion = new Version(version, 0);
            stores.MaxLengthForKeys = maxLengthForKeys;
        });
    }

    [Fact]
    public void AddDefaultIdentity_and_another_key_length_withhold_the_schema()
    {
        var output = Run(Model(registration: "services.AddDefaultIdentity<AppUser>(); services.Configure<IdentityOptions>(o => o.Stores.MaxLengthForKeys = 32);") + IdentityUiStandIn);

        var withheld = Withheld(output);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("set to different values", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;", true)]
    [InlineData("o.Stores.SchemaVersion = IdentitySchemaVersions.Version2;", false)]
    [InlineData("", false)]
    public void Schema_version_3_adds_the_passkeys_table_with_its_data_in_a_JSON_column(string options, bool passkeys)
    {
        var output = Run(Model(registration: "services.AddIdentityCore<AppUser>(o => { " + options + " });"));

        Assert.Null(Withheld(output));
        var tables = JsonNode.Parse(output.Json!)!["contexts"]![0]!["tables"]!.AsArray();
        var table = tables.FirstOrDefault(t => t!["name"]!.GetValue<string>() == "AspNetUserPasskeys");
        Assert.Equal(passkeys, table is not null);
        if (!passkeys) return;
        Assert.Equal(["CredentialId", "Data", "UserId"], table!["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(1024, table["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "CredentialId")!["maxLength"]!.GetValue<int>());
    }

    /// <summary>Configuration for another provider before <c>base.OnModelCreating</c> is dropped, and Identity's
    /// configuration still runs where the base call is: moved one place too late, Identity's <c>ToTable("AspNetUsers")</c>
    /// would override the user's <c>ToTable("Users")</c>. EF Core judges.</summary>
    [Theory]
    [InlineData("SqlServer")]
    [InlineData("Sqlite")]
    public void A_provider_check_before_the_base_call_keeps_Identitys_place(string provider)
    {
        var model = Model(onModelCreating: """
            protected override void OnModelCreating(ModelBuilder builder)
            {
                if (Database.IsNpgsql()) builder.Entity<IdentityRole>().ToTable("roles_pg");
                if (Database.IsNpgsql()) builder.Entity<AppUser>().Property(u => u.Nickname).HasMaxLength(10);
                base.OnModelCreating(builder);
                builder.Entity<AppUser>().ToTable("Users");
                builder.Entity<IdentityRole>().ToTable("Roles");
            }
            """);
        SchemaFidelity.AssertSame(model, "Auth.AuthContext", provider);
    }

    [Fact]
    public void ProtectPersonalData_keeps_the_schema_and_is_reported_as_field_level_encryption()
    {
        var output = Run(Model(registration: "services.AddIdentityCore<AppUser>(o => o.Stores.ProtectPersonalData = true);"));

        Assert.Null(Withheld(output));
        Assert.Contains("\"AspNetUsers\"", output.Json);
        Assert.Matches(@"\| encrypted property \| `\[ProtectedPersonalData\] properties of Identity's user and token types` \| Identity's `ProtectPersonalData` store option: stored through a value converter calling `IPersonalDataProtector` \| .* \| \[Model\.cs:\d+\]", output.Markdown);

        var off = Run(Model(registration: "services.AddIdentityCore<AppUser>(o => o.Stores.ProtectPersonalData = false);"));
        Assert.DoesNotContain("IPersonalDataProtector", off.Markdown);
    }

    [Fact]
    public void Evidence_points_at_the_base_list_entry_naming_the_Identity_class()
    {
        var output = Run(Model());

        Assert.Null(Withheld(output));
        Assert.Contains("| `AspNetUsers` | `ToTable` call from `IdentityDbContext<AppUser>` (ASP.NET Core Identity) [Model.cs:", output.Markdown);
        var line = (Sources.Usings + Context).Split('\n').ToList().FindIndex(l => l.Contains(": IdentityDbContext<AppUser>(options)")) + 1;
        Assert.Contains("`HasMaxLength(256)` from `IdentityDbContext<AppUser>` (ASP.NET Core Identity) [Model.cs:" + line + "](Model.cs#L" + line + ")", output.Markdown);
        Assert.Contains("Unique index `UserNameIndex` (`NormalizedUserName`), filter `[NormalizedUserName] IS NOT NULL`: [Model.cs:" + line + "]", output.Markdown);
        // Personal-data columns Identity brings in cite the context that brings them; its login provider's display name is none.
        Assert.Matches(@"\| `AspNetUsers` \| `Email` \| email address \| \[Model.cs:\d+\]", output.Markdown);
        Assert.DoesNotContain("| `ProviderDisplayName` | name |", output.Markdown);
    }

    [Theory]
    [InlineData("services.AddIdentityCore<AppUser>(o => o.Stores.SchemaVersion = configuration.GetValue<Version>(\"Identity:Schema\")!);", "`SchemaVersion` store option is set to a value DataDocGen cannot read")]
    [InlineData("services.AddIdentityCore<AppUser>(o => o.Stores.MaxLengthForKeys = configuration.GetValue<int>(\"Keys\"));", "`MaxLengthForKeys` store option is set to a value DataDocGen cannot read")]
    [InlineData("services.Configure<IdentityOptions>(configuration.GetSection(\"Identity\"));", "bound from configuration")]
    [InlineData("services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(\"Identity\"));", "bound from configuration")]
    [InlineData("services.AddIdentityCore<AppUser>(o => o.Stores = new StoreOptions());", "replaced")]
    [InlineData("services.AddIdentityCore<AppUser>(o => o.Stores.MaxLengthForKeys = 64); services.Configure<IdentityOptions>(o => o.Stores.MaxLengthForKeys = 32);", "set to different values")]
    public void Store_options_DataDocGen_cannot_follow_withhold_the_schema(string registration, string reason)
    {
        var output = Run(Model(registration: registration));

        var withheld = Withheld(output);
        Assert.NotNull(withheld);
        Assert.False(withheld!["tableNamesKnown"]!.GetValue<bool>());
        Assert.Contains(withheld["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain("\"AspNetUsers\"", output.Json);
    }

    [Theory]
    [InlineData("if (System.DateTime.Now.Year > 2000) base.OnModelCreating(builder);", "is not called exactly once as a statement")]
    [InlineData("base.OnModelCreating(builder); base.OnModelCreating(builder);", "is not called exactly once as a statement")]
    [InlineData("builder.ApplyConfigurationsFromAssembly(typeof(AuthContext).Assembly); base.OnModelCreating(builder);", "configuration classes applied before")]
    [InlineData("builder.Entity<AppUser>().ToTable(\"Users\"); base.OnModelCreating(builder);", "on the line of `base.OnModelCreating`")]
    [InlineData("builder.Entity<AppUser>().ToTable(\"Users\");\n base.OnModelCreating(builder);", null)]
    [InlineData("builder.Entity<AppUser>().ToTable(\"Users\");\n base.OnModelCreating(builder);\n builder.Entity<AppUser>().Ignore(u => u.Nickname);", null)]
    public void Where_base_OnModelCreating_runs_must_be_followed(string body, string? reason)
    {
        var output = Run(Model(onModelCreating: "protected override void OnModelCreating(ModelBuilder builder) { " + body + " }"));

        var withheld = Withheld(output);
        if (reason is null)
        {
            Assert.Null(withheld);
            Assert.Contains("\"AspNetUsers\"", output.Json); // Identity's ToTable runs after the one written before it
            return;
        }
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_base_context_compiled_elsewhere_between_the_context_and_Identity_is_still_withheld()
    {
        var library = GeneratorHarness.Compile(new Dictionary<string, string>
        {
            ["Lib.cs"] = Sources.Usings + """
                namespace Lib
                {
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
                    public class TenantUser : IdentityUser { }
                    public abstract class TenantIdentityContext(DbContextOptions options) : IdentityDbContext<TenantUser>(options)
                    {
                        protected override void OnModelCreating(ModelBuilder builder) { base.OnModelCreating(builder); builder.Entity<TenantUser>().ToTable("TenantUsers"); }
                    }
                }
                """,
        }, assemblyName: "Lib");
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray());
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Model.cs"] = Sources.Usings + """
                namespace Auth
                {
                    public class AuthContext(DbContextOptions<AuthContext> options) : Lib.TenantIdentityContext(options) { }
                }
                """,
        }, extraReferences: [reference]);

        var withheld = Withheld(output);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("Lib.TenantIdentityContext", StringComparison.Ordinal));
        Assert.DoesNotContain("AspNetUsers", output.Json);
    }

    [Fact]
    public void A_navigation_from_the_user_to_Identitys_own_entities_is_withheld()
    {
        var model = Model().Replace("public string? Nickname { get; set; }", "public string? Nickname { get; set; } public ICollection<IdentityUserRole<string>> UserRoles { get; } = new List<IdentityUserRole<string>>();");

        var withheld = Withheld(Run(model));

        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("AppUser.UserRoles", StringComparison.Ordinal));
    }

    [Fact]
    public void Identity_tables_under_a_naming_plug_in_are_withheld()
    {
        var output = Run(Model().Replace("b.USE_PROVIDER;", "b.USE_PROVIDER; b.UseSnakeCaseNamingConvention();"));

        var withheld = Withheld(output);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("a naming-convention plug-in together with tables renamed by `ToTable`", StringComparison.Ordinal));
    }
}
