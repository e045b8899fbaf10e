using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>The pieces of Marten multi-tenancy (outline 4.2), each confirmed on Marten's own API.</summary>
internal enum MartenTenancyKind
{
    /// <summary><c>opts.Policies.AllDocumentsAreMultiTenanted[WithPartitioning](...)</c>: conjoined tenancy for every document.</summary>
    AllDocuments,
    /// <summary><c>Schema.For&lt;T&gt;().MultiTenanted[WithPartitioning](...)</c> or <c>[MultiTenanted]</c> on the document class.</summary>
    Document,
    /// <summary><c>Schema.For&lt;T&gt;().SingleTenanted()</c>: the document opts out (shown beside a store-wide policy, never judged against it).</summary>
    SingleTenanted,
    /// <summary><c>opts.Events.TenancyStyle = TenancyStyle.Conjoined</c>.</summary>
    Events,
    /// <summary><c>TenancyStyle</c> assigned on a <c>DocumentMapping</c> (a policy or <c>ConfigureMarten</c>): which documents
    /// it reaches depends on the code around it, so document coverage is not stated.</summary>
    DocumentMapping,
    /// <summary>A session opened (or its operations scoped) for a tenant: <c>LightweightSession(tenantId)</c>, <c>ForTenant(tenantId)</c>,
    /// <c>SessionOptions.TenantId</c>.</summary>
    Session,
    /// <summary>A database per tenant: <c>MultiTenantedDatabases</c>, <c>MultiTenantedWithSingleServer</c>, <c>MultiTenantedDatabasesWithMasterDatabaseTable</c>.</summary>
    DatabasePerTenant,
    /// <summary>A document type a Marten operation uses (<c>Store</c>, <c>Query&lt;T&gt;</c>...), kept only for a class whose base is
    /// <c>object</c>: a subclass may be stored in a multi-tenanted parent's table, so it is never called uncovered.</summary>
    DocumentUsed,
    /// <summary>A class that takes an <c>IDocumentSession</c> or <c>IQuerySession</c> in its constructor (<c>Subject</c>: the class):
    /// the container opens it through Marten's session factory, without a tenant id.</summary>
    InjectedSession,
    /// <summary>The project builds sessions itself: <c>BuildSessionsWith&lt;T&gt;()</c>, or a class implementing <c>ISessionFactory</c>.</summary>
    SessionFactory,
}

/// <param name="Subject">The document type (full name) for <see cref="MartenTenancyKind.Document"/> and <see cref="MartenTenancyKind.DocumentUsed"/>.</param>
/// <param name="How">The call, assignment or attribute as the report shows it (<c>AllDocumentsAreMultiTenanted()</c>, <c>[MultiTenanted]</c>...).</param>
/// <param name="Tenant">Sessions: the tenant id as C# text (a constant as a quoted literal, other code when safe to print);
/// document mappings: the tenancy style assigned.</param>
/// <param name="TenantIsConstant">The tenant id is a compile-time constant.</param>
/// <param name="Tenants">Database per tenant: the tenant ids given to the database, as C# text.</param>
/// <param name="Connection">Database per tenant: where the connection string comes from (literals redacted when the report is built).</param>
internal sealed record MartenTenancySpec(
    MartenTenancyKind Kind,
    string? Subject,
    string How,
    string? Tenant,
    bool TenantIsConstant,
    EquatableArray<string> Tenants,
    EquatableArray<ConnectionSourceSpec> Connection,
    string Member,
    SourceLocation? Location);
