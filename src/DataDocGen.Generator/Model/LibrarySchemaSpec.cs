using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>What a site tells about tables a library creates or changes in a database at run time (section 3.1).</summary>
internal enum LibrarySchemaKind
{
    /// <summary>Hangfire's SQL Server job storage: its own tables, installed and upgraded unless told not to.</summary>
    Hangfire,
    /// <summary>A Rebus SQL store (<c>StoreInPostgres</c>, <c>StoreInSqlServer</c>, <c>StoreInMySql</c>): its tables, created if missing unless told not to.</summary>
    Rebus,
    /// <summary>A Marten document store registered or built (<c>AddMarten</c>, <c>DocumentStore.For</c>): Marten's default
    /// applies to it unless the setting is changed anywhere.</summary>
    MartenStore,
    /// <summary><c>StoreOptions.AutoCreateSchemaObjects = ...</c> set in code.</summary>
    MartenAutoCreate,
    /// <summary>JasperFx's shared settings (<c>CritterStackDefaults</c>, <c>AddJasperFx</c>), which may set the schema behaviour
    /// of every store: Marten's default is not stated when present.</summary>
    MartenSharedDefaults,
    /// <summary><c>ApplyAllDatabaseChangesOnStartup()</c>: a hosted service applies the changes before the application runs.</summary>
    MartenApplyOnStartup,
    /// <summary>JasperFx's <c>AddResourceSetupOnStartup()</c>: a hosted service sets up every registered stateful resource
    /// (a Marten store's database among them) before the application runs; shown only where the project registers a Marten store.</summary>
    ResourceSetupOnStartup,
}

/// <summary>
/// Tables a library creates or changes by itself at run time (<see cref="Parsing.LibrarySchemaParser"/>): they are in
/// no migration and no script of the project, so section 3.1 names them beside the migrations.
/// </summary>
/// <param name="Library">The library: <c>Hangfire</c>, <c>Rebus</c>, <c>Marten</c>.</param>
/// <param name="Database">The database product: <c>SQL Server</c>, <c>PostgreSQL</c>, <c>MySQL</c>.</param>
/// <param name="Objects">What it creates: <c>its job tables in schema `HangFire`</c>, <c>saga data table `sagas` and index table `saga_index`</c>.</param>
/// <param name="Behaviour">What it does with them, with the setting that decides it (written or the library's default); null for a store site.</param>
internal sealed record LibrarySchemaSpec(
    LibrarySchemaKind Kind,
    string Library,
    string Database,
    string Objects,
    string? Behaviour,
    string Member,
    SourceLocation? Location);

internal sealed record LibrarySchemaResult(LibrarySchemaSpec? Spec, string? Error);
