using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 4.1 masking: Microsoft.Extensions.Compliance classifications, redactors and log redaction, by symbol.</summary>
public class RedactionTests
{
    private const string Code = """
        using Microsoft.Extensions.Compliance.Classification;
        using Microsoft.Extensions.Compliance.Redaction;
        using Microsoft.Extensions.Logging;
        namespace Shop.Data
        {
            public static class Taxonomy
            {
                public static string Name => typeof(Taxonomy).FullName!;
                public static DataClassification Private => new(Name, "Private");
                public static DataClassification Public => new(Name, "Public");
            }
            public sealed class PrivateDataAttribute : DataClassificationAttribute { public PrivateDataAttribute() : base(Taxonomy.Private) { } }

            public class Customer
            {
                public int Id { get; set; }
                [PrivateData] public string Email { get; set; } = "";
                [NoDataClassification] public string Country { get; set; } = "";
                [System.ComponentModel.DataAnnotations.MaxLength(20)] public string Phone { get; set; } = "";
            }

            public static class Setup
            {
                public static void Add(IServiceCollection services, ILoggingBuilder logging)
                {
                    services.AddRedaction(r =>
                    {
                        r.SetRedactor<ErasingRedactor>(Taxonomy.Private);
                        r.SetFallbackRedactor<ErasingRedactor>();
                        r.SetHmacRedactor(o => { o.Key = "SG1hY0tleS1zZWNyZXQtdmFsdWUtMTIzNDU2Nzg5MA=="; o.KeyId = 7; }, Taxonomy.Public);
                    });
                    logging.EnableRedaction();
                }
            }
        }
        """;

    [Fact]
    public void Classified_properties_redactors_and_log_redaction_are_reported_and_the_hmac_key_never()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Redaction.cs", Code)));
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("### 4.1 Data protection", md);
        Assert.Contains("| data classification | `Shop.Data.Customer.Email` | [PrivateData] (Microsoft.Extensions.Compliance) | `Customer` |", md);
        Assert.Contains("| redactor | `ErasingRedactor` | for Taxonomy.Private | `Setup.Add` |", md);
        Assert.Contains("| redactor | `ErasingRedactor` | fallback: every classification without a redactor of its own | `Setup.Add` |", md);
        Assert.Contains("| redactor | `HmacRedactor` | for Taxonomy.Public | `Setup.Add` |", md);
        Assert.Contains("| redaction | `AddRedaction` | redaction services registered | `Setup.Add` |", md);
        Assert.Contains("| redaction | `EnableRedaction` | log redaction enabled: classified values in log records are redacted | `Setup.Add` |", md);
        Assert.DoesNotContain("Customer.Country", md);
        Assert.DoesNotContain("Customer.Phone` |", md);
        Assert.DoesNotContain("SG1hY0tleS1zZWNyZXQ", output.All);
        Assert.DoesNotContain("KeyId", output.All);
    }

    [Fact]
    public void Trap_home_made_look_alikes_named_like_the_compliance_api_are_nothing()
    {
        var code = """
            namespace Shop.Data
            {
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public class DataClassificationAttribute : System.Attribute { }
                public sealed class PrivateDataAttribute : DataClassificationAttribute { }
                public class Customer { public int Id { get; set; } [DataClassification] public string Email { get; set; } = ""; [PrivateData] public string Name { get; set; } = ""; }
                public class RedactionBuilder { public RedactionBuilder SetRedactor<T>(params string[] classes) => this; public RedactionBuilder EnableRedaction() => this; }
                public static class Setup
                {
                    public static void Add(RedactionBuilder builder) => builder.SetRedactor<string>("Private").EnableRedaction();
                    public static string Mask(string email) => email.Length > 2 ? email.Substring(0, 2) + "***" : "***";
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Data/Redaction.cs", code)));
        AssertCompiles(output);
        Assert.DoesNotContain("data classification", output.All);
        Assert.DoesNotContain("redact", output.Markdown);
        Assert.DoesNotContain("### 4.1", output.Markdown);
    }

    private static void AssertCompiles(GeneratorOutput output, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (Environment.GetEnvironmentVariable("DDG_DUMP") is { } dump) File.WriteAllText(Path.Combine(dump, test + ".md"), output.Markdown);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}
