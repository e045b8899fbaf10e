using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A class named like a repository or unit of work whose code really reaches data: it depends on (fields,
/// properties, constructor parameters) a DbContext, a DbSet, an ADO.NET connection or data source, a MongoDB
/// collection or database, or a Redis database. The name makes it a candidate; the dependency makes it a fact.</summary>
/// <param name="Kind">repository, generic repository, unit of work.</param>
/// <param name="Interfaces">The interfaces it implements (display names), e.g. <c>IOrderRepository</c>, <c>IRepository&lt;Order&gt;</c>.</param>
/// <param name="Entities">Entity types it serves: DbSet and collection type arguments, <c>Set&lt;T&gt;()</c> calls, DbSet properties it reads, and the type arguments of its repository interfaces; the builder adds <c>table X</c> for the tables its own raw SQL names.</param>
/// <param name="DataAccess">What it uses to reach data, e.g. <c>ShopContext (EF Core)</c>, <c>IDbConnection (ADO.NET)</c>.</param>
/// <param name="SavesChanges">It calls <c>SaveChanges[Async]</c> (a unit of work commits; a repository that saves commits per call);
/// null when that cannot be told: it inherits from a base class, or has other partial parts, whose code is not read.</param>
internal sealed record RepositorySpec(
    string FullName,
    string Kind,
    EquatableArray<string> Interfaces,
    EquatableArray<string> Entities,
    EquatableArray<string> DataAccess,
    bool? SavesChanges,
    SourceLocation? Location)
{
    /// <summary>The base class's full name as <see cref="FullName"/> writes it (its generic definition), when it is a class
    /// of this project: a repository whose own code does not save may inherit members that do.</summary>
    public string? BaseFullName { get; init; }

    /// <summary>Set by the report builder: the base repository whose own code saves (<see cref="SavesChanges"/> is then true).</summary>
    public string? SavesThroughBase { get; init; }
}

/// <summary>A service registration: <c>AddScoped&lt;IOrderRepository, OrderRepository&gt;()</c> or
/// <c>AddScoped(typeof(IRepository&lt;&gt;), typeof(Repository&lt;&gt;))</c>, with type names as the report shows them.</summary>
internal sealed record ServiceRegistrationSpec(string Service, string Implementation, string ImplementationFullName, string Lifetime, string Call, SourceLocation? Location);

/// <summary>A service registration of any service type (<c>AddScoped&lt;IReportJob, ReportJob&gt;()</c>, the <c>typeof</c> form,
/// <c>TryAdd*</c>), read by <see cref="Parsing.RepositoryParser"/> for the jobs Hangfire resolves through the container
/// (<see cref="Report.BackgroundJobs"/>).</summary>
/// <param name="ServiceFullName">The service type's CLR full name (<c>SymbolExtensions.ClrFullName</c>).</param>
/// <param name="ImplementationFullName">The implementation's CLR full name; null when the container gets it from a factory or
/// an instance (<c>AddScoped&lt;IReportJob&gt;(sp =&gt; ...)</c>): not read.</param>
/// <param name="Implementation">The implementation's name as the report shows it (<c>ReportJob</c>); null with <paramref name="ImplementationFullName"/>.</param>
/// <param name="Call">The method called: <c>AddScoped</c>, <c>TryAddSingleton</c>...</param>
internal sealed record ServiceImplementationSpec(string ServiceFullName, string? ImplementationFullName, string? Implementation, string Call, SourceLocation? Location);
