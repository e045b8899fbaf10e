using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>An EF Core migration class: <c>[Migration("20240101120000_Initial")]</c> on a <c>Migration</c> subclass.</summary>
/// <param name="Id">The migration id from the attribute (its timestamp prefix orders migrations).</param>
/// <param name="ContextFullName">The context named by <c>[DbContext(typeof(...))]</c>, when present.</param>
/// <param name="UpOperations">A summary of <c>Up</c>: each operation kind with its count (<c>CreateTable: Orders, Customers</c>, <c>Sql: 2</c>).</param>
/// <param name="HasDown">True when <c>Down</c> is overridden with at least one statement.</param>
/// <param name="Tool">"EF Core" or "FluentMigrator" (whose <paramref name="Id"/> is the version number).</param>
/// <param name="ClassName">The migration class's name (FluentMigrator, whose id carries no name).</param>
/// <param name="AutoReversing">A FluentMigrator <c>AutoReversingMigration</c>: its <c>Down</c> is derived from <c>Up</c>.</param>
/// <param name="Down">EF Core: what <c>Down</c> does, one of <see cref="DownImplemented"/>, <see cref="DownEmpty"/>,
/// <see cref="DownThrows"/>, <see cref="DownNotImplemented"/> (no class below EF Core's <c>Migration</c> declares it:
/// EF Core's own throws) or <see cref="DownNotRead"/>; null for FluentMigrator.</param>
/// <param name="UpFrom">EF Core: the base class whose <c>Up</c> runs, when the migration class declares none
/// (<see cref="UpOperations"/> are then that method's).</param>
/// <param name="DownFrom">EF Core: the same for <c>Down</c>.</param>
/// <param name="ContextAssembly">EF Core: the assembly the context is compiled in, when it is not this project (a host
/// holding the migrations of a context compiled in a referenced project, as eShopOnContainers' Ordering.API).</param>
internal sealed record MigrationSpec(
    string Id,
    string? ContextFullName,
    EquatableArray<string> UpOperations,
    bool HasDown,
    SourceLocation? Location,
    string Tool = MigrationSpec.EfCore,
    string? ClassName = null,
    bool AutoReversing = false,
    string? Down = null,
    InheritedMethodSpec? UpFrom = null,
    InheritedMethodSpec? DownFrom = null,
    string? ContextAssembly = null)
{
    public const string EfCore = "EF Core";
    public const string FluentMigrator = "FluentMigrator";

    public const string DownImplemented = "implemented";
    public const string DownEmpty = "empty";
    public const string DownThrows = "throws";
    public const string DownNotImplemented = "not implemented";
    public const string DownNotRead = "not read";

    /// <summary>The <see cref="UpOperations"/> entry of an <c>Up</c> whose body is not read.</summary>
    public const string NotRead = "not read";
}

/// <summary>A migration's <c>Up</c> or <c>Down</c> declared by a base class, not by the migration class itself
/// (BTCPay Server's <c>DBScriptsMigration.Up</c>, which runs the embedded scripts its subclasses name).</summary>
/// <param name="Name">The base class and method, <c>DBScriptsMigration.Up</c>.</param>
/// <param name="Location">The method's declaration, when it is in this project.</param>
/// <param name="InProject">False for a base class in another assembly: its body is not read.</param>
internal sealed record InheritedMethodSpec(string Name, SourceLocation? Location, bool InProject);

/// <summary>A call worth listing with where it is and the condition around it: a call that applies migrations
/// (<c>Migrate</c>, <c>EnsureCreated</c>), or one that bypasses query filters (<c>IgnoreQueryFilters</c>).</summary>
/// <param name="Details">What the code configures for the call, in report words (DbUp: target, scripts, transactions, journal).</param>
/// <param name="ScriptFolder">DbUp's <c>WithScriptsFromFileSystem("folder")</c> with a constant relative folder and no options.</param>
/// <param name="Scripts">The <c>.sql</c> files of that folder found next to the code, in the order DbUp runs them (set by the report builder).</param>
/// <param name="Embedded">DbUp's <c>WithScriptsEmbeddedInAssembly</c> sources of the chain, in chain order.</param>
/// <param name="InMethod">The documentation id of the project method the call sits in directly (not in a lambda or local
/// function), when only a call bound to that method can run it (<see cref="Parsing.MethodCallers"/>); null otherwise.</param>
/// <param name="Callers">The project's calls to <paramref name="InMethod"/>, in file order (set after the scan).</param>
internal sealed record CallSiteSpec(string Method, string Member, string? Condition, SourceLocation? Location, EquatableArray<string> Details = default,
    string? ScriptFolder = null, EquatableArray<SourceLocation> Scripts = default, EquatableArray<DbUpEmbeddedSpec> Embedded = default,
    string? InMethod = null, EquatableArray<MethodCallerSpec> Callers = default);

/// <summary>A call, in this project, to the method a listed call sits in (<see cref="CallSiteSpec.InMethod"/>).</summary>
/// <param name="Method">The documentation id of the method called.</param>
/// <param name="Member">Where the call sits (<see cref="Parsing.CodeText.MemberName"/>).</param>
/// <param name="Within">"lambda" or "local function `Name`" when the call sits in one inside <paramref name="Member"/>
/// (its condition is then read inside it only: when it runs is up to its own caller); null otherwise.</param>
/// <param name="Condition">The condition around the call (<see cref="Parsing.CodeText.EnclosingCondition"/>).</param>
/// <param name="InMethod">The documentation id of the project method the call sits in directly, when only calls bound to
/// it can run it (as <see cref="CallSiteSpec.InMethod"/>): its own callers are looked for in turn.</param>
/// <param name="Callers">The project's calls to <paramref name="InMethod"/> (set by the report's join; a method already on
/// the path gets none).</param>
internal sealed record MethodCallerSpec(string Method, string Member, string? Within, string? Condition, SourceLocation? Location,
    string? InMethod = null, EquatableArray<MethodCallerSpec> Callers = default);

/// <summary>What a .sql file written by <c>dotnet ef migrations script</c> does to EF Core's migrations history
/// (<see cref="Parsing.EfMigrationScriptReader"/>).</summary>
/// <param name="Applied">The migration ids whose history rows it inserts, in script order.</param>
/// <param name="Reverted">The migration ids whose history rows it deletes (a script generated from a later migration to an earlier one).</param>
/// <param name="ProductVersions">The EF Core product versions written with the rows, distinct, in script order.</param>
/// <param name="Idempotent">Each migration is guarded by <c>IF NOT EXISTS</c> on the history table (<c>--idempotent</c>).</param>
/// <param name="Location">The first history row written or deleted.</param>
internal sealed record EfMigrationScriptSpec(
    EquatableArray<string> Applied,
    EquatableArray<string> Reverted,
    EquatableArray<string> ProductVersions,
    bool Idempotent,
    SourceLocation? Location);
