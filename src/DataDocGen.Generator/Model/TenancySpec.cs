using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>The pieces of a schema chosen per tenant (outline 4.2), each with its own evidence.</summary>
internal enum TenancyKind
{
    /// <summary><c>modelBuilder.HasDefaultSchema(x)</c> with a value read at run time.</summary>
    RunTimeDefaultSchema,
    /// <summary><c>optionsBuilder.ReplaceService&lt;IModelCacheKeyFactory, TFactory&gt;()</c>.</summary>
    ModelCacheKeyFactoryReplaced,
    /// <summary>A class implementing EF Core's <c>IModelCacheKeyFactory</c>.</summary>
    ModelCacheKeyFactory,
    /// <summary>A class named after a tenant and the parts of the request it reads (<see cref="Parsing.TenantSourceReader"/>):
    /// <c>Code</c> holds them (<c>request header `X-Tenant`</c>), <c>Factory</c> the class.</summary>
    TenantSource,
}

/// <param name="Context">The DbContext (full name) the piece belongs to, when the code says: the type whose
/// <c>OnModelCreating</c>/<c>OnConfiguring</c> holds it, or the <c>AddDbContext&lt;T&gt;</c> it is passed to.</param>
/// <param name="Code">Safe code text: the schema argument, or the key a factory's <c>Create</c> returns; null when not printable.</param>
/// <param name="Factory">The key factory class (full name) registered or declared.</param>
/// <param name="Reads">Instance members the code reads, as <c>Type.Member</c> (matches a schema argument with a key).</param>
internal sealed record TenancySpec(TenancyKind Kind, string? Context, string? Code, string? Factory, EquatableArray<string> Reads, string Member, SourceLocation? Location);

internal sealed record TenancyResult(TenancySpec? Spec, string? Error);
