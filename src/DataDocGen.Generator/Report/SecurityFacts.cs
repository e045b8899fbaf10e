using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Data-security facts derived from what the report already holds (outline 4): columns named like personal data
/// (a heuristic, labelled so), tenant query filters and tenant columns no filter covers, and the encryption settings
/// in the connection strings the code uses (from the redacted appsettings values).
/// </summary>
internal static class SecurityFacts
{
    /// <summary>Normalised name endings that suggest personal data, with what they suggest.</summary>
    private static readonly (string Ending, string Hint)[] PiiEndings =
    {
        ("email", "email address"), ("emailaddress", "email address"), ("phone", "phone number"), ("phonenumber", "phone number"),
        ("mobile", "phone number"), ("dateofbirth", "date of birth"), ("birthdate", "date of birth"), ("ssn", "national identifier"),
        ("socialsecuritynumber", "national identifier"), ("nationalid", "national identifier"), ("taxid", "tax identifier"),
        ("passportnumber", "passport number"), ("iban", "bank account"), ("creditcardnumber", "payment card"), ("cardnumber", "payment card"),
        ("street", "postal address"), ("addressline1", "postal address"), ("addressline2", "postal address"), ("firstname", "name"),
        ("lastname", "name"), ("fullname", "name"), ("displayname", "name"), ("ipaddress", "IP address"),
        // "city" alone would match Capacity and Velocity: the street and postal code stand for the address.
        ("postalcode", "postal address"), ("postcode", "postal address"), ("zipcode", "postal address"), ("surname", "name"),
        ("middlename", "name"), ("birthday", "date of birth"), ("last4", "payment card (last digits)"), ("cvv", "payment card"),
    };

    public sealed record PiiColumn(string Context, string Table, string Column, string Hint, SourceLocation? Location);

    public sealed record TenantGap(string Context, string Table, string Column, IReadOnlyList<string> Entities, SourceLocation? Location);

    /// <param name="ClientDefault">For a row about a keyword the value does not set (<see cref="TransitDefaults"/>): the client and
    /// version whose default applies, e.g. <c>Npgsql 10.0.3</c>; <c>Setting</c> is then the keyword not set.</param>
    /// <param name="DefaultMeaning">What that client's default does in transit.</param>
    public sealed record EncryptionSetting(string Key, string? Environment, string Setting, string FilePath, int Line, string? ClientDefault = null, string? DefaultMeaning = null)
    {
        /// <summary>What the setting protects: data in transit, or columns encrypted by the client (Always Encrypted).</summary>
        public string Meaning => DefaultMeaning ??
            (Setting.StartsWith("Column Encryption", StringComparison.OrdinalIgnoreCase)
                ? "Always Encrypted on the connection: the client encrypts and decrypts the columns the database declares encrypted (which ones is set in the database, not read here)"
            : Setting.StartsWith("Password", StringComparison.OrdinalIgnoreCase)
                ? "LiteDB encrypts its data file with this password (AES): data at rest"
            : Setting.StartsWith("TrustServerCertificate", StringComparison.OrdinalIgnoreCase)
                ? "**the server's certificate is accepted without validation**: the server is not authenticated (an encrypted connection can be intercepted)"
            : Setting.StartsWith("Encrypt", StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(Setting, "=(False|No|Optional)$", RegexOptions.IgnoreCase)
                ? "**encryption turned off**: TLS only if the server requires it"
            : Regex.IsMatch(Setting, "^SSL\\s*Mode=Disable$", RegexOptions.IgnoreCase)
                ? "**TLS turned off**: data in transit is not encrypted"
            : "encrypted connection (TLS): data in transit");

        /// <summary>The setting as the report shows it: the keyword and value, or the keyword a client default stands for.</summary>
        public string Shown => ClientDefault is null ? Setting : Setting + " not set";
    }

    public static IReadOnlyList<PiiColumn> PiiColumns(DataLayerReport report) => report.Contexts
        .SelectMany(c => c.Tables.SelectMany(t => t.Columns.Select(col => (c, t, col))))
        .Select(x => (x.c, x.t, x.col, hint: Hint(x.col.Name)))
        .Where(x => x.hint is not null)
        // A column EF Core maps from a type in a package (ASP.NET Core Identity's) has no line of its own: the context
        // that brings it in (its declaration, which names the Identity base) is the evidence.
        .Select(x => new PiiColumn(x.c.Name, x.t.QualifiedName, x.col.Name, x.hint!, x.col.Location ?? x.c.Location))
        .ToList();

    /// <summary>Names that end like personal data and are not: Identity's login provider's display name ("Google").</summary>
    private static readonly HashSet<string> NotPersonal = new(StringComparer.Ordinal) { "providerdisplayname" };

    private static string? Hint(string column)
    {
        var normalised = column.Replace("_", "").ToLowerInvariant();
        if (NotPersonal.Contains(normalised)) return null;
        foreach (var (ending, hint) in PiiEndings)
        {
            if (normalised.EndsWith(ending, StringComparison.Ordinal)) return hint;
        }
        return null;
    }

    public static IReadOnlyList<(string Context, QueryFilterReport Filter)> TenantFilters(DataLayerReport report) => report.Contexts
        .SelectMany(c => c.QueryFilters.Where(f => f.Filter is not null && f.Filter.IndexOf("tenant", StringComparison.OrdinalIgnoreCase) >= 0).Select(f => (c.Name, f)))
        .ToList();

    /// <summary>Tables with a tenant column (its name ends with TenantId) whose entities no tenant filter covers. Said only
    /// when the context has no filter set in code for entity types chosen at run time (such a loop may cover them).</summary>
    public static IReadOnlyList<TenantGap> TenantGaps(DataLayerReport report)
    {
        var gaps = new List<TenantGap>();
        foreach (var context in report.Contexts)
        {
            if (context.QueryFilters.Any(f => f.Entity is null)) continue;
            var filtered = new HashSet<string>(context.QueryFilters.Where(f => f.Filter is not null && f.Filter.IndexOf("tenant", StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(f => f.Entity!), StringComparer.Ordinal);
            foreach (var table in context.Tables)
            {
                var column = table.Columns.FirstOrDefault(c => c.Name.Replace("_", "").EndsWith("TenantId", StringComparison.OrdinalIgnoreCase));
                if (column is null || table.Entities.Any(filtered.Contains)) continue;
                gaps.Add(new TenantGap(context.Name, table.QualifiedName, column.Name, table.Entities.ToList(), column.Location));
            }
        }
        return gaps;
    }

    // Each setting ends its part of the string: `SslMode=Required` is not read as `SSL Mode=Require` followed by a "d".
    private static readonly Regex Encryption = new(
        @"(?:^|[;,])\s*(?<setting>(?:Column Encryption Setting\s*=\s*Enabled)|(?:Encrypt\s*=\s*(?:True|Yes|Strict|Mandatory))|(?:SSL\s*Mode\s*=\s*(?:Require|VerifyCA|VerifyFull))|(?:Ssl\s*=\s*True)|(?:SslMode\s*=\s*(?:Required|VerifyCA|VerifyFull))|(?:TrustServerCertificate\s*=\s*(?:True|Yes))|(?:Encrypt\s*=\s*(?:False|No|Optional))|(?:SSL\s*Mode\s*=\s*Disable))(?=\s*(?:[;,]|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The code facts of section 4.1: what <see cref="Parsing.SecurityParser"/> found, value conversions aside.</summary>
    public static IReadOnlyList<SecuritySpec> Protection(DataLayerReport report)
    {
        // Where the Data Protection key ring is kept says whether its keys are encrypted at rest only together with the
        // ProtectKeysWith* calls: with none in the code read, ASP.NET Core writes them unencrypted (it logs "No XML
        // encryptor configured") unless an encryptor is set some other way, which is not read.
        var encrypted = report.Security.Any(s => s.Kind == Parsing.DataProtectionKeysReader.KeyEncryption);
        return report.Security.Where(s => s.Kind != Parsing.SecurityParser.ValueConversionKind)
            .Select(s => s.Kind == Parsing.DataProtectionKeysReader.KeyRing && !encrypted
                ? s with { Detail = s.Detail + "; no `ProtectKeysWith*` call in the code: the keys are stored unencrypted unless an XML encryptor is configured in a way not read here" }
                : s)
            .ToList();
    }

    /// <summary><c>HasConversion</c>s that do not encrypt: type coercion, shown with validation (2.3).</summary>
    public static IReadOnlyList<SecuritySpec> ValueConversions(DataLayerReport report) =>
        report.Security.Where(s => s.Kind == Parsing.SecurityParser.ValueConversionKind).ToList();

    /// <summary>Every configuration value a connection string is read from (contexts' providers and other stores).</summary>
    public static IReadOnlyList<ConnectionValueReport> ConnectionValues(DataLayerReport report) => report.Contexts.SelectMany(c => c.Providers.SelectMany(p => p.Values))
        .Concat(report.Stores.SelectMany(s => s.Values))
        .Distinct()
        .ToList();

    /// <summary>Always Encrypted and transport-encryption settings in the connection strings the code reads, a LiteDB
    /// file password (LiteDB encrypts the data file with it), and what a known client does when a value says nothing
    /// about TLS (<see cref="TransitDefaults"/>).</summary>
    public static IReadOnlyList<EncryptionSetting> EncryptionSettings(DataLayerReport report) => ConnectionValues(report)
        .SelectMany(v => Encryption.Matches(v.RedactedValue ?? "").Cast<Match>()
            .Select(m => new EncryptionSetting(v.Key, v.Environment, Regex.Replace(m.Groups["setting"].Value, @"\s*=\s*", "="), v.FilePath, v.Line)))
        .Concat(report.Stores.Where(s => s.Store == "LiteDB").SelectMany(s => s.Values)
            .Where(v => LiteDbPassword.IsMatch(v.RedactedValue ?? ""))
            .Select(v => new EncryptionSetting(v.Key, v.Environment, "Password=***", v.FilePath, v.Line)))
        .Concat(TransitDefaults.Rows(report))
        .Distinct()
        .ToList();

    /// <summary>LiteDB 5's connection string: "Password: encrypt (using AES) your datafile with a password".</summary>
    private static readonly Regex LiteDbPassword = new(@"(?:^|;)\s*Password\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
