namespace DataDocGen.Generator.Model;

/// <summary>A context deriving from ASP.NET Core Identity's <c>IdentityUserContext</c> or <c>IdentityDbContext</c>, whose
/// <c>OnModelCreating</c> (compiled in Microsoft.AspNetCore.Identity.EntityFrameworkCore) runs for it: the entity types
/// its generic arguments name, read from the symbols, so the schema builder can replay Identity's fixed configuration.</summary>
/// <param name="BaseType">The Identity base class as the code names it: <c>IdentityDbContext&lt;AppUser, AppRole, Guid&gt;</c>.</param>
/// <param name="AssemblyVersion">Microsoft.AspNetCore.Identity.EntityFrameworkCore's assembly version (<c>10.0.0.0</c>).</param>
/// <param name="Role">TRole, TUserRole and TRoleClaim for the IdentityDbContext forms; null for IdentityUserContext.</param>
/// <param name="UserPasskey">TUserPasskey, present from Identity 10 on.</param>
/// <param name="ChainIndex">Where in <see cref="ModelConfigurationSpec.Chains"/> Identity's configuration runs (the
/// <c>base.OnModelCreating</c> call): chains before it run first, chains after it may change what Identity set.</param>
/// <param name="MappingIndex">The same position in <see cref="ModelConfigurationSpec.Mappings"/>.</param>
/// <param name="Location">The base-list entry that names the Identity class, in the user's source.</param>
internal sealed record IdentityContextSpec(
    string BaseType,
    string AssemblyVersion,
    string User,
    string Key,
    string UserClaim,
    string UserLogin,
    string UserToken,
    string? UserPasskey,
    IdentityRoleTypes? Role,
    int ChainIndex,
    int MappingIndex,
    SourceLocation? Location);

/// <summary>The role types of an <c>IdentityDbContext</c>.</summary>
internal sealed record IdentityRoleTypes(string Role, string UserRole, string RoleClaim);

/// <summary>An assignment to Identity's store options (<c>options.Stores.SchemaVersion = IdentitySchemaVersions.Version2</c>,
/// <c>MaxLengthForKeys</c>, <c>ProtectPersonalData</c>), or options bound in a way that could set them.</summary>
/// <param name="Option">The <c>StoreOptions</c> property (<c>SchemaVersion</c>, <c>MaxLengthForKeys</c>, <c>ProtectPersonalData</c>),
/// or <c>Stores</c> / <c>IdentityOptions</c> when the whole object is replaced or bound.</param>
/// <param name="Value">The value as DataDocGen reads it (<c>Version2</c>, <c>2.0</c>, <c>64</c>, <c>true</c>); null when it cannot be read.</param>
internal sealed record IdentityStoreOptionSpec(string Option, string? Value, SourceLocation? Location);
