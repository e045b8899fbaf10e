using System.Text.Json;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.1: where ASP.NET Core Data Protection keeps its key ring and whether the keys are encrypted at rest
/// (PersistKeysTo*, ProtectKeysWith*, SetApplicationName, SetDefaultKeyLifetime), confirmed by the declaring namespace and
/// the IDataProtectionBuilder receiver, against the real Microsoft.AspNetCore.DataProtection(.EntityFrameworkCore,
/// .StackExchangeRedis) 10 packages.</summary>
public class DataProtectionKeysTests
{
    private const string Code = """
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
        using StackExchange.Redis;
        namespace Shop.Data
        {
            public class KeysContext(DbContextOptions<KeysContext> options) : DbContext(options), IDataProtectionKeyContext
            {
                public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
            }

            public static class Setup
            {
                public static void Database(IServiceCollection services) =>
                    services.AddDataProtection()
                        .SetApplicationName("shop")
                        .PersistKeysToDbContext<KeysContext>()
                        .SetDefaultKeyLifetime(TimeSpan.FromDays(14));

                public static void Files(IServiceCollection services, IConfiguration configuration) =>
                    services.AddDataProtection()
                        .PersistKeysToFileSystem(new System.IO.DirectoryInfo(configuration["Keys:Folder"]!))
                        .ProtectKeysWithCertificate("0123456789ABCDEF0123456789ABCDEF01234567");

                public static void Redis(IServiceCollection services, IConnectionMultiplexer redis) =>
                    services.AddDataProtection().PersistKeysToStackExchangeRedis(redis, "shop-keys").ProtectKeysWithDpapi();

                public static void RedisDefault(IServiceCollection services, IConnectionMultiplexer redis, string name) =>
                    services.AddDataProtection().PersistKeysToStackExchangeRedis(redis).SetApplicationName(name);
            }

            // Traps: same-named methods on an unrelated type, and commented-out code.
            public class KeyStore
            {
                public KeyStore PersistKeysToFileSystem(System.IO.DirectoryInfo folder) => this;
                public KeyStore ProtectKeysWithCertificate(string thumbprint) => this;
                public KeyStore SetApplicationName(string name) => this;
            }
            public static class Traps
            {
                public static void Run(KeyStore store)
                {
                    store.PersistKeysToFileSystem(new System.IO.DirectoryInfo("/trap")).ProtectKeysWithCertificate("trap").SetApplicationName("trap-app");
                    // services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo("/commented"));
                }
            }
        }
        """;

    private static GeneratorOutput Run(string code = Code) => GeneratorHarness.Run(Sources.With(("Data/Keys.cs", code)));

    private static int Line(string marker) => Json.LineOf(Sources.Usings + Code, marker);

    [Fact]
    public void Key_ring_storage_encryption_name_and_lifetime_are_listed_with_their_calls()
    {
        var output = Run();
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| data protection key ring | `PersistKeysToDbContext<KeysContext>` | kept in the database of `KeysContext` (EF Core: the rows of its `DataProtectionKeys` set) | `Setup.Database` | [Data/Keys.cs:" + Line(".PersistKeysToDbContext<KeysContext>()") + "]", md);
        Assert.Contains("| data protection key ring | `PersistKeysToFileSystem` | kept as XML files in the folder configuration `Keys:Folder` | `Setup.Files` |", md);
        Assert.Contains("| data protection key ring | `PersistKeysToStackExchangeRedis` | kept in Redis, under the key `shop-keys` | `Setup.Redis` |", md);
        Assert.Contains("| data protection key ring | `PersistKeysToStackExchangeRedis` | kept in Redis, under the package's default key | `Setup.RedisDefault` |", md);
        Assert.Contains("| data protection key encryption | `ProtectKeysWithCertificate` | keys encrypted at rest with an X.509 certificate (thumbprint `0123456789ABCDEF0123456789ABCDEF01234567`) | `Setup.Files` |", md);
        Assert.Contains("| data protection key encryption | `ProtectKeysWithDpapi` | keys encrypted at rest with Windows DPAPI | `Setup.Redis` |", md);
        Assert.Contains("| data protection setting | `SetApplicationName` | application name `shop`: protected payloads are isolated by it;", md);
        Assert.Contains("| data protection setting | `SetApplicationName` | application name set at run time:", md);
        Assert.Contains("| data protection setting | `SetDefaultKeyLifetime` | new keys expire after 14 days | `Setup.Database` |", md);
        // Encryption is set somewhere in the code: the key ring rows make no claim about it.
        Assert.DoesNotContain("no `ProtectKeysWith*` call", md);
    }

    [Fact]
    public void Without_any_ProtectKeysWith_call_the_key_ring_row_says_so()
    {
        var md = Run("""
            using Microsoft.AspNetCore.DataProtection;
            namespace Shop.Data
            {
                public static class Setup
                {
                    public static void Files(IServiceCollection services) =>
                        services.AddDataProtection().PersistKeysToFileSystem(new System.IO.DirectoryInfo("/keys"));
                }
            }
            """).Markdown!;
        Assert.Contains("| data protection key ring | `PersistKeysToFileSystem` | kept as XML files in the folder `/keys`; no `ProtectKeysWith*` call in the code: the keys are stored unencrypted unless an XML encryptor is configured in a way not read here | `Setup.Files` |", md);
    }

    [Fact]
    public void Look_alikes_and_comments_are_not_data_protection()
    {
        var output = Run();
        Assert.DoesNotContain("`Traps.Run`", output.Markdown);
        Assert.DoesNotContain("/trap", output.Markdown);
        Assert.DoesNotContain("trap-app", output.Markdown);
        Assert.DoesNotContain("/commented", output.Markdown);
        using var json = JsonDocument.Parse(output.Json!);
        var kinds = json.RootElement.GetProperty("security").GetProperty("code").EnumerateArray()
            .Select(c => c.GetProperty("kind").GetString()!).Where(k => k.StartsWith("data protection ", StringComparison.Ordinal) && k != "data protection purpose").ToList();
        Assert.Equal(9, kinds.Count);
    }
}
