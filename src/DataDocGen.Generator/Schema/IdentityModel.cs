using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Schema;

/// <summary>What ASP.NET Core Identity's OnModelCreating configures, as the fluent chains and table mappings it would read as.</summary>
internal sealed record IdentityConfiguration(
    IdentityContextSpec Context,
    List<FluentChainSpec> Chains,
    List<TableMappingSpec> Mappings,
    List<UnresolvedConfigurationSpec> Unknown);

/// <summary>
/// ASP.NET Core Identity's model, encoded from Microsoft.AspNetCore.Identity.EntityFrameworkCore 10.0 (8.0 and 9.0 build
/// the same model for schema versions 1 and 2)
/// (<c>IdentityUserContext.OnModelCreatingVersion1/2/3</c>, <c>IdentityDbContext.OnModelCreatingVersion1/2</c>) and judged by
/// EF Core in the fidelity tests. Its inputs are the store options: <c>SchemaVersion</c> (default <c>0.0</c>, which
/// Identity treats as Version1; a context without an application service provider also gets Version1),
/// <c>MaxLengthForKeys</c> (0 by default: Version1 sets no length, Version2 then uses 128) and <c>ProtectPersonalData</c>
/// (value converters only: no schema fact changes).
/// Version3 adds the passkeys (<c>AspNetUserPasskeys</c>, keyed by <c>CredentialId</c> of at most 1024 bytes, their
/// <c>Data</c> one JSON column, a required cascading <c>UserId</c>). Other Identity versions and
/// options set in ways DataDocGen cannot read are withheld.
/// </summary>
internal static class IdentityModel
{
    /// <summary>The Identity major versions whose OnModelCreating this class encodes: 10, and 8 and 9, which build the same
    /// model without Version3 (a later schema version gives Version2 there; EF judge: DataDocGen.Ef8.Tests and Ef9.Tests).</summary>
    public const int FirstEncodedMajorVersion = 8, LastEncodedMajorVersion = 10;

    public static IdentityConfiguration Configure(IdentityContextSpec identity, IReadOnlyList<IdentityStoreOptionSpec> options)
    {
        var unknown = new List<UnresolvedConfigurationSpec>();
        var major = Version.TryParse(identity.AssemblyVersion, out var assembly) ? assembly.Major : 0;
        if (major is < FirstEncodedMajorVersion or > LastEncodedMajorVersion)
        {
            unknown.Add(new UnresolvedConfigurationSpec("the model of ASP.NET Core Identity " + identity.AssemblyVersion
                + " (`" + identity.BaseType + "`) is not encoded: DataDocGen knows Identity " + FirstEncodedMajorVersion.ToString(CultureInfo.InvariantCulture)
                + " to " + LastEncodedMajorVersion.ToString(CultureInfo.InvariantCulture), identity.Location));
        }
        var settings = new StoreSettings(options, unknown);
        var schemaVersion = settings.SchemaVersion();
        // Identity 8 and 9 choose between Version1 and Version2 (">= Version2"): passkeys came with Identity 10.
        if (major < 10 && schemaVersion > 2) schemaVersion = 2;
        var maxKeyLength = settings.Number("MaxLengthForKeys") ?? 0;
        // ProtectPersonalData adds value converters (string to protected string) to [ProtectedPersonalData] properties:
        // the tables, columns, types and lengths stay as they are (EF judge: IdentityTests), so it changes no schema fact.
        settings.Single("ProtectPersonalData");
        if (schemaVersion >= 2 && maxKeyLength == 0) maxKeyLength = 128;

        var writer = new Writer(identity);
        var user = identity.User;
        writer.Entity(user, "HasKey", "=Id");
        writer.Entity(user, ("HasIndex", "=NormalizedUserName"), ("HasDatabaseName", "\"UserNameIndex"), ("IsUnique", null));
        writer.Entity(user, ("HasIndex", "=NormalizedEmail"), ("HasDatabaseName", "\"EmailIndex"));
        writer.Table(user, "AspNetUsers");
        writer.Entity(user, ("Property", "=ConcurrencyStamp"), ("IsConcurrencyToken", null));
        foreach (var property in schemaVersion >= 2 ? new[] { "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "PhoneNumber" } : new[] { "UserName", "NormalizedUserName", "Email", "NormalizedEmail" })
        {
            writer.Entity(user, ("Property", "=" + property), ("HasMaxLength", "256"));
        }
        foreach (var dependent in new[] { identity.UserClaim, identity.UserLogin, identity.UserToken }) writer.Dependents(user, dependent, "UserId");
        if (schemaVersion >= 3 && identity.UserPasskey is { } userPasskey) writer.Dependents(user, userPasskey, "UserId");

        writer.Entity(identity.UserClaim, "HasKey", "=Id");
        writer.Table(identity.UserClaim, "AspNetUserClaims");

        writer.Entity(identity.UserLogin, "HasKey", "=LoginProvider,ProviderKey");
        writer.KeyLengths(identity.UserLogin, maxKeyLength, "LoginProvider", "ProviderKey");
        writer.Table(identity.UserLogin, "AspNetUserLogins");

        writer.Entity(identity.UserToken, "HasKey", "=UserId,LoginProvider,Name");
        writer.KeyLengths(identity.UserToken, maxKeyLength, "LoginProvider", "Name");
        writer.Table(identity.UserToken, "AspNetUserTokens");

        if (identity.UserPasskey is { } passkey)
        {
            if (schemaVersion >= 3)
            {
                // Version3: passkeys keyed by their credential id, their data one JSON column.
                writer.Entity(passkey, "HasKey", "=CredentialId");
                writer.Table(passkey, "AspNetUserPasskeys");
                writer.Entity(passkey, ("Property", "=CredentialId"), ("HasMaxLength", "1024"));
                writer.Entity(passkey, ("OwnsOne", "=Data"), ("ToJson", null));
            }
            else
            {
                writer.IgnoreType(passkey);
            }
        }

        if (identity.Role is { } role)
        {
            writer.Dependents(user, role.UserRole, "UserId");
            writer.Entity(role.Role, "HasKey", "=Id");
            writer.Entity(role.Role, ("HasIndex", "=NormalizedName"), ("HasDatabaseName", "\"RoleNameIndex"), ("IsUnique", null));
            writer.Table(role.Role, "AspNetRoles");
            writer.Entity(role.Role, ("Property", "=ConcurrencyStamp"), ("IsConcurrencyToken", null));
            writer.Entity(role.Role, ("Property", "=Name"), ("HasMaxLength", "256"));
            writer.Entity(role.Role, ("Property", "=NormalizedName"), ("HasMaxLength", "256"));
            writer.Dependents(role.Role, role.UserRole, "RoleId");
            writer.Dependents(role.Role, role.RoleClaim, "RoleId");

            writer.Entity(role.RoleClaim, "HasKey", "=Id");
            writer.Table(role.RoleClaim, "AspNetRoleClaims");

            writer.Entity(role.UserRole, "HasKey", "=UserId,RoleId");
            writer.Table(role.UserRole, "AspNetUserRoles");
        }
        return new IdentityConfiguration(identity, writer.Chains, writer.Mappings, unknown);
    }

    /// <summary>Inserts Identity's configuration where its OnModelCreating runs: before the applied configuration
    /// classes (which, after <c>base.OnModelCreating</c>, may change Identity's tables) and the chains written after it.</summary>
    public static List<FluentChainSpec> Splice(IdentityConfiguration? identity, IEnumerable<FluentChainSpec> applied, IReadOnlyList<FluentChainSpec> context)
    {
        if (identity is null) return applied.Concat(context).ToList();
        var at = Math.Min(identity.Context.ChainIndex, context.Count);
        return context.Take(at).Concat(identity.Chains).Concat(applied).Concat(context.Skip(at)).ToList();
    }

    /// <summary>The same for table mappings.</summary>
    public static List<TableMappingSpec> Splice(IdentityConfiguration? identity, IEnumerable<TableMappingSpec> applied, IReadOnlyList<TableMappingSpec> context)
    {
        if (identity is null) return applied.Concat(context).ToList();
        var at = Math.Min(identity.Context.MappingIndex, context.Count);
        return context.Take(at).Concat(identity.Mappings).Concat(applied).Concat(context.Skip(at)).ToList();
    }

    /// <summary>The store options the code sets: one readable value per option, else the reason is recorded.</summary>
    private sealed class StoreSettings(IReadOnlyList<IdentityStoreOptionSpec> options, List<UnresolvedConfigurationSpec> unknown)
    {
        private bool _replacedReported;

        public SourceLocation? Location(string option) => options.FirstOrDefault(o => o.Option == option)?.Location;

        public string? Single(string option)
        {
            if (!_replacedReported)
            {
                _replacedReported = true;
                foreach (var replaced in options.Where(o => o.Option is "Stores" or "IdentityOptions"))
                {
                    unknown.Add(new UnresolvedConfigurationSpec("Identity's options are " + (replaced.Option == "Stores" ? "replaced (`Stores = ...`)" : "bound from configuration")
                        + ", which may set the store options its model depends on", replaced.Location));
                }
            }
            var set = options.Where(o => o.Option == option).ToList();
            foreach (var unreadable in set.Where(o => o.Value is null))
            {
                unknown.Add(new UnresolvedConfigurationSpec("Identity's `" + option + "` store option is set to a value DataDocGen cannot read", unreadable.Location));
            }
            var values = set.Where(o => o.Value is not null).Select(o => o.Value!).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1) unknown.Add(new UnresolvedConfigurationSpec("Identity's `" + option + "` store option is set to different values", set[0].Location));
            return values.Count == 1 ? values[0] : null;
        }

        public int? Number(string option)
        {
            var text = Single(option);
            return text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        /// <summary>1, 2 or 3 as Identity's <c>OnModelCreatingVersion</c> chooses (<c>&gt;= Version3</c>, <c>&gt;= Version2</c>, else 1).</summary>
        public int SchemaVersion() => Single("SchemaVersion") switch
        {
            null or "Default" or "Version1" => 1,
            "Version2" => 2,
            "Version3" => 3,
            var text when Version.TryParse(text, out var version) => version >= new Version(3, 0) ? 3 : version >= new Version(2, 0) ? 2 : 1,
            var other => Unreadable(other),
        };

        private int Unreadable(string value)
        {
            unknown.Add(new UnresolvedConfigurationSpec("Identity's `SchemaVersion` store option `" + value + "` is not a version DataDocGen knows", Location("SchemaVersion")));
            return 1;
        }
    }

    /// <summary>Writes the chains as FluentChainParser would have read them from Identity's source, located at the
    /// user's base-list entry and marked with their origin.</summary>
    private sealed class Writer(IdentityContextSpec identity)
    {
        private readonly string _origin = "from `" + identity.BaseType + "` (ASP.NET Core Identity)";

        public List<FluentChainSpec> Chains { get; } = new();

        public List<TableMappingSpec> Mappings { get; } = new();

        public void Entity(string entity, string method, string argument) => Entity(entity, (method, argument));

        public void Entity(string entity, params (string Method, string? Argument)[] steps) =>
            Chains.Add(new FluentChainSpec(FluentRoot.Entity, entity, null, steps.Select(s => Step(s.Method, s.Argument)).ToEquatableArray(), identity.Location));

        /// <summary><c>b.HasMany&lt;TDependent&gt;().WithOne().HasForeignKey(d => d.Key).IsRequired()</c> on the principal.</summary>
        public void Dependents(string principal, string dependent, string foreignKey) =>
            Chains.Add(new FluentChainSpec(FluentRoot.Entity, principal, null, new[]
            {
                new FluentStepSpec("HasMany", new[] { dependent }.ToEquatableArray(), EquatableArray<string>.Empty, identity.Location, _origin),
                Step("WithOne", null), Step("HasForeignKey", "=" + foreignKey), Step("IsRequired", null),
            }.ToEquatableArray(), identity.Location));

        public void KeyLengths(string entity, int maxLength, params string[] properties)
        {
            if (maxLength <= 0) return;
            foreach (var property in properties) Entity(entity, ("Property", "=" + property), ("HasMaxLength", maxLength.ToString(CultureInfo.InvariantCulture)));
        }

        public void IgnoreType(string entity) =>
            Chains.Add(new FluentChainSpec(FluentRoot.Model, null, null, new[]
            {
                new FluentStepSpec("Ignore", new[] { entity }.ToEquatableArray(), EquatableArray<string>.Empty, identity.Location, _origin),
            }.ToEquatableArray(), identity.Location));

        public void Table(string entity, string name) => Mappings.Add(new TableMappingSpec(entity, TableMappingKind.Table, name, null, identity.Location, _origin));

        private FluentStepSpec Step(string method, string? argument) =>
            new(method, EquatableArray<string>.Empty, argument is null ? EquatableArray<string>.Empty : new[] { argument }.ToEquatableArray(), identity.Location, _origin);
    }
}
