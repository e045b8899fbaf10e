using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Tables libraries create or change by themselves at run time (section 3.1), each confirmed by symbol:
/// <list type="bullet">
/// <item>Hangfire's SQL Server storage (<c>UseSqlServerStorage</c>, <c>new SqlServerStorage</c>): its tables in schema
/// <c>HangFire</c>, installed and upgraded while <c>PrepareSchemaIfNecessary</c> is true. Both defaults (true, "HangFire")
/// are set by <c>SqlServerStorageOptions</c>' constructor, so they are not in the reference assembly's metadata: they were
/// read at run time from Hangfire.SqlServer 1.8.25. Options passed any other way than <c>new SqlServerStorageOptions { ... }</c>
/// are not followed, and the site is left out.</item>
/// <item>Rebus's SQL stores (<c>StoreInPostgres</c>, <c>StoreInSqlServer</c>, <c>StoreInMySql</c>): their tables, created if
/// missing while <c>automaticallyCreateTables</c> is true; when the argument is not written its default is read from the
/// referenced method's own signature (true in Rebus.PostgreSql 9.1.1).</item>
/// <item>Marten: <c>StoreOptions.AutoCreateSchemaObjects</c> where it is set; the stores registered or built, to which
/// Marten's default applies when it is set nowhere (decided in <see cref="Report.LibrarySchemas"/>); JasperFx's shared
/// settings, which may set it for every store; <c>ApplyAllDatabaseChangesOnStartup()</c>.</item>
/// </list>
/// </summary>
internal static class LibrarySchemaParser
{
    private const string HangfireDefaultSchema = "HangFire";

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        // DocumentStore.For(...) by its receiver: "For" alone is too common a name to bind every call of it.
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "For", Expression: var receiver } } =>
            receiver is IdentifierNameSyntax { Identifier.ValueText: "DocumentStore" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DocumentStore" },
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } => IsCandidateName(name),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "AddMarten" or "CritterStackDefaults" or "AddJasperFx" } } => true,
        ObjectCreationExpressionSyntax { Type: var type } => SyntaxFacts.RightmostName(type) == "SqlServerStorage",
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AutoCreateSchemaObjects" } } => true,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax { Identifier.ValueText: "AutoCreateSchemaObjects" }, Parent: InitializerExpressionSyntax } => true,
        _ => false,
    };

    private static bool IsCandidateName(string name) =>
        name is "UseSqlServerStorage" or "StoreInPostgres" or "StoreInSqlServer" or "StoreInMySql" or "AddMarten"
            or "CritterStackDefaults" or "AddJasperFx" or "ApplyAllDatabaseChangesOnStartup" or "AddResourceSetupOnStartup";

    public static LibrarySchemaResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            var spec = context.Node switch
            {
                InvocationExpressionSyntax invocation => FromInvocation(invocation, model, cancellationToken),
                ObjectCreationExpressionSyntax creation => FromStorageCreation(creation, model, cancellationToken),
                AssignmentExpressionSyntax assignment => FromAutoCreate(assignment, model, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new LibrarySchemaResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new LibrarySchemaResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static LibrarySchemaSpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol method) return null;
        var original = method.ReducedFrom ?? method;
        var owner = original.ContainingType;
        switch (method.Name)
        {
            case "UseSqlServerStorage" when owner.IsInNamespace("Hangfire")
                                             && method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } configured
                                             && configured.TypeArguments[0].Is("Hangfire.SqlServer", "SqlServerStorage"):
                return Hangfire(invocation.ArgumentList, method, invocation, model, cancellationToken);
            case var store when RebusSqlStores.Is(store, owner):
                return Rebus(invocation, method, original, model, cancellationToken);
            case "AddMarten" when owner.Is("Marten", "MartenServiceCollectionExtensions"):
            case "For" when owner.Is("Marten", "DocumentStore"):
                return Spec(LibrarySchemaKind.MartenStore, "Marten", "PostgreSQL", "its tables and functions", null, invocation, model, cancellationToken);
            case "CritterStackDefaults" or "AddJasperFx" when owner.IsInNamespaceOrBelow("JasperFx"):
                return Spec(LibrarySchemaKind.MartenSharedDefaults, "Marten", "PostgreSQL", "JasperFx's shared settings", null, invocation, model, cancellationToken);
            case "ApplyAllDatabaseChangesOnStartup" when owner.IsInNamespaceOrBelow("Marten"):
                return Spec(LibrarySchemaKind.MartenApplyOnStartup, "Marten", "PostgreSQL", "its tables and functions",
                    "applies every schema change before the application starts (a hosted service, `ApplyAllDatabaseChangesOnStartup`)", invocation, model, cancellationToken);
            case "AddResourceSetupOnStartup" when owner.IsInNamespaceOrBelow("JasperFx") || owner.IsInNamespaceOrBelow("Oakton"):
                return ResourceSetup(invocation, method, model, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>services.AddResourceSetupOnStartup(action)</c>: a hosted service sets up every registered stateful resource before
    /// the application runs (a Marten store's schema is applied then); <c>StartupAction.ResetState</c> also clears the
    /// resources' existing data (JasperFx documents it for automated tests). An action that is not a constant is said so.
    /// The Marten audit (Helpdesk) found it missing from 3.1, which said only that Marten changes its schema on first use.
    /// </summary>
    private static LibrarySchemaSpec ResourceSetup(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var action = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "action");
        var value = action is null ? "SetupOnly" : (Semantics.SymbolOf(action.Expression, model, cancellationToken) as IFieldSymbol) is { HasConstantValue: true } field
                                                   && field.ContainingType.Name == "StartupAction" ? field.Name : null;
        var behaviour = "sets up every registered resource, its schema included, before the application starts (a hosted service, `AddResourceSetupOnStartup`)"
                        + (value switch
                        {
                            "SetupOnly" => "",
                            "ResetState" => " and clears their existing data (`StartupAction.ResetState`)",
                            _ => ", with a startup action set at run time" + (action is not null && CodeText.Safe(action.Expression) is { } code ? " (" + CodeSpan.Of(code) + ")" : ""),
                        });
        return Spec(LibrarySchemaKind.ResourceSetupOnStartup, "Marten", "PostgreSQL", "its tables and functions", behaviour, invocation, model, cancellationToken);
    }

    private static LibrarySchemaSpec? FromStorageCreation(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken) =>
        creation.ArgumentList is { } arguments
        && Semantics.SymbolOf(creation, model, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && constructor.ContainingType.Is("Hangfire.SqlServer", "SqlServerStorage")
            ? Hangfire(arguments, constructor, creation, model, cancellationToken)
            : null;

    /// <summary>Hangfire's tables, from the <c>options</c> argument: absent (the defaults), or <c>new SqlServerStorageOptions { ... }</c>.</summary>
    private static LibrarySchemaSpec? Hangfire(ArgumentListSyntax arguments, IMethodSymbol method, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var options = arguments.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, arguments, method)?.Type.Is("Hangfire.SqlServer", "SqlServerStorageOptions") == true);
        string schema = "schema " + CodeSpan.Of(HangfireDefaultSchema);
        string behaviour = "creates and upgrades them (`PrepareSchemaIfNecessary` is on by default)";
        if (options is not null)
        {
            if (options.Expression is not BaseObjectCreationExpressionSyntax creation
                || !Semantics.TypeOf(creation, model, cancellationToken).Is("Hangfire.SqlServer", "SqlServerStorageOptions")) return null;
            foreach (var assignment in creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>() ?? Enumerable.Empty<AssignmentExpressionSyntax>())
            {
                var property = (assignment.Left as IdentifierNameSyntax)?.Identifier.ValueText;
                if (property == "SchemaName")
                {
                    schema = model.ConstantString(assignment.Right, cancellationToken) is { } name ? "schema " + CodeSpan.Of(name) : "the schema set at run time";
                }
                else if (property == "PrepareSchemaIfNecessary")
                {
                    var value = Semantics.ConstantOf(assignment.Right, model, cancellationToken);
                    behaviour = !value.HasValue || value.Value is not bool prepare
                        ? "creates and upgrades them if `PrepareSchemaIfNecessary` is true (set at run time" + (CodeText.Safe(assignment.Right) is { } code ? ": " + CodeSpan.Of(code) : "") + ")"
                        : prepare
                            ? "creates and upgrades them (`PrepareSchemaIfNecessary = true`)"
                            : "does not create them (`PrepareSchemaIfNecessary = false`): they must already exist";
                }
            }
        }
        return Spec(LibrarySchemaKind.Hangfire, "Hangfire", "SQL Server", "its job storage tables in " + schema, behaviour, site, model, cancellationToken);
    }

    /// <summary>A Rebus SQL store's tables and whether Rebus creates them (<c>automaticallyCreateTables</c>).</summary>
    private static LibrarySchemaSpec? Rebus(InvocationExpressionSyntax invocation, IMethodSymbol method, IMethodSymbol original, SemanticModel model, CancellationToken cancellationToken)
    {
        var create = method.Parameters.FirstOrDefault(p => p.Name == "automaticallyCreateTables" && p.Type.SpecialType == SpecialType.System_Boolean);
        if (create is null) return null;
        var arguments = invocation.ArgumentList;
        string? Table(string parameter) =>
            arguments.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, arguments, method)?.Name == parameter) is { } argument
                ? model.ConstantString(argument.Expression, cancellationToken) is { } name ? CodeSpan.Of(name) : "(name set at run time)"
                : null;
        var holds = RebusSqlStores.Holds(original);
        string objects;
        if (Table("dataTableName") is { } data && Table("indexTableName") is { } index)
        {
            objects = "saga data table " + data + " and index table " + index;
        }
        else if (Table("tableName") is { } table)
        {
            objects = (holds is null ? "table " : holds + " table ") + table;
        }
        else
        {
            return null;
        }
        var written = arguments.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, arguments, method)?.Name == create.Name);
        string behaviour;
        if (written is null)
        {
            if (!create.HasExplicitDefaultValue || create.ExplicitDefaultValue is not bool byDefault) return null;
            behaviour = byDefault ? "creates them if missing (`automaticallyCreateTables` is true by default)" : "does not create them (`automaticallyCreateTables` is false by default): they must already exist";
        }
        else
        {
            var value = Semantics.ConstantOf(written.Expression, model, cancellationToken);
            behaviour = !value.HasValue || value.Value is not bool creates
                ? "creates them if missing when `automaticallyCreateTables` is true (set at run time" + (CodeText.Safe(written.Expression) is { } code ? ": " + CodeSpan.Of(code) : "") + ")"
                : creates ? "creates them if missing (`automaticallyCreateTables: true`)" : "does not create them (`automaticallyCreateTables: false`): they must already exist";
        }
        return Spec(LibrarySchemaKind.Rebus, "Rebus", RebusSqlStores.Database(method.Name), objects, behaviour, invocation, model, cancellationToken);
    }

    /// <summary><c>options.AutoCreateSchemaObjects = AutoCreate.X</c> on Marten's <c>StoreOptions</c>: the meaning of each value is
    /// JasperFx's own documentation of <c>AutoCreate</c> (JasperFx 2.100, with Marten 9.58).</summary>
    private static LibrarySchemaSpec? FromAutoCreate(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOf(assignment.Left, model, cancellationToken) is not IPropertySymbol property
            || !property.ContainingType.DerivesFromOrIs("Marten", "StoreOptions")) return null;
        var value = Semantics.SymbolOf(assignment.Right, model, cancellationToken) is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum, Name: "AutoCreate" }, Name: var name } ? name : null;
        var behaviour = value switch
        {
            "CreateOrUpdate" => "creates missing tables and functions and updates existing ones to the configuration, dropping columns, indexes and foreign keys it no longer declares (never whole tables), when a document type or the event store is first used (`AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate`)",
            "All" => "drops and recreates the tables that do not match the configuration (their rows are lost) and creates missing ones, when a document type or the event store is first used (`AutoCreateSchemaObjects = AutoCreate.All`)",
            "CreateOnly" => "creates missing tables and functions when first used, and never changes existing ones (`AutoCreateSchemaObjects = AutoCreate.CreateOnly`)",
            "None" => "makes no schema change at run time: a missing table fails with PostgreSQL's own error (`AutoCreateSchemaObjects = AutoCreate.None`)",
            _ => "set at run time" + (CodeText.Safe(assignment.Right) is { } code ? " (" + CodeSpan.Of("AutoCreateSchemaObjects = " + code) + ")" : ""),
        };
        return Spec(LibrarySchemaKind.MartenAutoCreate, "Marten", "PostgreSQL", "its tables and functions", behaviour, assignment, model, cancellationToken);
    }

    private static LibrarySchemaSpec Spec(LibrarySchemaKind kind, string library, string database, string objects, string? behaviour, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken) =>
        new(kind, library, database, objects, behaviour, CodeText.MemberName(site, model, cancellationToken), SourceLocation.From(site));
}
