using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Command timeouts set in code (section 1.1):
/// <list type="bullet">
/// <item>ADO.NET: <c>command.CommandTimeout = n</c>, or <c>CommandTimeout = n</c> in a command's object initializer, where
/// the property is <c>DbCommand</c>'s (or a provider's override: <c>SqlCommand</c>, <c>NpgsqlCommand</c>,
/// <c>SqliteCommand</c>, <c>MySqlCommand</c>...) or <c>IDbCommand</c>'s;</item>
/// <item>Dapper: the <c>commandTimeout</c> argument (named or positional, matched to the parameter) of its query and
/// execute methods, and of <c>new CommandDefinition(...)</c>;</item>
/// <item>EF Core: <c>Database.SetCommandTimeout(int?)</c> and <c>SetCommandTimeout(TimeSpan)</c> of
/// <c>RelationalDatabaseFacadeExtensions</c>.</item>
/// </list>
/// The predicate is the name; the transform confirms the symbol (a <c>CommandTimeout</c> of another class, or a
/// <c>SetCommandTimeout</c> elsewhere, is nothing). The value is read from constants (<c>TimeSpan.FromSeconds(30)</c>
/// too); otherwise it is "set at run time". A <c>null</c> timeout sets none and is not listed. The store is the
/// provider of the command's or connection's static type; the connection string is followed only from a local
/// assigned once with <c>new XConnection(...)</c> (through <c>connection.CreateCommand()</c> or a command created with the
/// connection), through <see cref="ConnectionSourceParser"/>.
/// </summary>
internal static class CommandTimeoutParser
{
    /// <summary>ADO.NET providers by the namespace of their command and connection types.</summary>
    private static readonly Dictionary<string, string> Providers = new(System.StringComparer.Ordinal)
    {
        ["Microsoft.Data.SqlClient"] = "SQL Server",
        ["System.Data.SqlClient"] = "SQL Server",
        ["Npgsql"] = "PostgreSQL",
        ["Microsoft.Data.Sqlite"] = "SQLite",
        ["System.Data.SQLite"] = "SQLite",
        ["MySqlConnector"] = "MySQL",
        ["MySql.Data.MySqlClient"] = "MySQL",
        ["Oracle.ManagedDataAccess.Client"] = "Oracle",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandTimeout" } } => true,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax { Identifier.ValueText: "CommandTimeout" }, Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax } } => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetCommandTimeout" } } => true,
        // Dapper's commandTimeout is at least the fourth parameter (Execute's; Query's fifth).
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: var arguments } when RawSqlParser.IsDapperMethodName(access.Name.Identifier.ValueText) => MayPassTimeout(arguments),
        ObjectCreationExpressionSyntax { ArgumentList.Arguments: var arguments, Type: var type } => SyntaxFacts.RightmostName(type) == "CommandDefinition" && MayPassTimeout(arguments),
        _ => false,
    };

    private static bool MayPassTimeout(SeparatedSyntaxList<ArgumentSyntax> arguments) =>
        arguments.Count >= 4 || arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "commandTimeout");

    public static CommandTimeoutResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            var spec = context.Node switch
            {
                AssignmentExpressionSyntax assignment => FromAssignment(assignment, model, cancellationToken),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetCommandTimeout" } } invocation => FromSetCommandTimeout(invocation, model, cancellationToken),
                InvocationExpressionSyntax invocation => FromDapperCall(invocation, model, cancellationToken),
                ObjectCreationExpressionSyntax creation => FromCommandDefinition(creation, model, cancellationToken),
                _ => null,
            };
            // The setting's own condition (an if, a switch case, an early exit before it): a timeout set in a constructor
            // after `if (_created) return;` is set on the instances constructed while `_created` is false only.
            return spec is null ? null : new CommandTimeoutResult(spec with { Condition = CodeText.EnclosingCondition(context.Node, null) }, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new CommandTimeoutResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static CommandTimeoutSpec? FromAssignment(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken) is not IPropertySymbol { Name: "CommandTimeout" } property) return null;
        var owner = property.ContainingType;
        var isCommand = owner.DerivesFromOrIs("System.Data.Common", "DbCommand")
                        || owner.Is("System.Data", "IDbCommand") || owner.AllInterfaces.Any(i => i.Is("System.Data", "IDbCommand"));
        if (!isCommand) return null;
        var (value, code, skip) = Seconds(assignment.Right, model, cancellationToken);
        if (skip) return null;
        ExpressionSyntax? command = assignment.Left is MemberAccessExpressionSyntax access ? access.Expression : assignment.Parent?.Parent as BaseObjectCreationExpressionSyntax;
        var commandType = command is null ? null : Semantics.TypeOf(command, model, cancellationToken);
        var connection = command is null ? default : Connection(ConnectionOfCommand(command, model, cancellationToken), model, cancellationToken);
        var store = Provider(commandType) ?? connection.Store;
        var client = (commandType as INamedTypeSymbol ?? owner).Name;
        return new CommandTimeoutSpec("ADO.NET CommandTimeout", store, client, "command", value, code, connection.OpenedBy, connection.Sources,
            CodeText.MemberName(assignment, model, cancellationToken), SourceLocation.From(assignment));
    }

    private static CommandTimeoutSpec? FromDapperCall(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ExactMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespace("Dapper")) return null;
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "commandTimeout");
        if (argument is null) return null;
        var (value, code, skip) = Seconds(argument.Expression, model, cancellationToken);
        if (skip) return null;
        var receiver = Receiver(invocation, method);
        var connectionType = receiver is null ? null : Semantics.TypeOf(receiver, model, cancellationToken);
        var connection = Connection(receiver, model, cancellationToken);
        return new CommandTimeoutSpec("Dapper " + method.Name, Provider(connectionType) ?? connection.Store, connectionType?.Name ?? "IDbConnection", "call", value, code,
            connection.OpenedBy, connection.Sources, CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(argument));
    }

    private static CommandTimeoutSpec? FromCommandDefinition(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (creation.ArgumentList is null) return null;
        if (Semantics.SymbolOf(creation, model, cancellationToken) is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            || !constructor.ContainingType.Is("Dapper", "CommandDefinition")) return null;
        var argument = creation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, creation.ArgumentList, constructor)?.Name == "commandTimeout");
        if (argument is null) return null;
        var (value, code, skip) = Seconds(argument.Expression, model, cancellationToken);
        if (skip) return null;
        // Written in a Dapper call's arguments: the call's connection.
        ExpressionSyntax? receiver = null;
        if (creation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            && Semantics.ExactMethod(call, model, cancellationToken) is { } method && (method.ReducedFrom ?? method).ContainingType.IsInNamespace("Dapper"))
        {
            receiver = Receiver(call, method);
        }
        var connectionType = receiver is null ? null : Semantics.TypeOf(receiver, model, cancellationToken);
        var connection = Connection(receiver, model, cancellationToken);
        return new CommandTimeoutSpec("Dapper CommandDefinition", Provider(connectionType) ?? connection.Store, connectionType?.Name ?? "CommandDefinition", "definition", value, code,
            connection.OpenedBy, connection.Sources, CodeText.MemberName(creation, model, cancellationToken), SourceLocation.From(argument));
    }

    private static CommandTimeoutSpec? FromSetCommandTimeout(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.Is("Microsoft.EntityFrameworkCore", "RelationalDatabaseFacadeExtensions")) return null;
        var arguments = invocation.ArgumentList.Arguments;
        // The reduced form takes the timeout first; the static form `RelationalDatabaseFacadeExtensions.SetCommandTimeout(db, 30)` second.
        var facade = method.ReducedFrom is null ? arguments.FirstOrDefault()?.Expression : ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        var timeout = method.ReducedFrom is null ? arguments.ElementAtOrDefault(1) : arguments.FirstOrDefault();
        if (facade is null || timeout is null) return null;
        var (value, code, skip) = Seconds(timeout.Expression, model, cancellationToken);
        if (skip) return null;
        var contextType = ContextOf(facade, model, cancellationToken);
        if (contextType is null) return null;
        return new CommandTimeoutSpec("EF Core Database.SetCommandTimeout", null, contextType.ClrFullName(), "context", value, code, null, EquatableArray<ConnectionSourceSpec>.Empty,
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(invocation));
    }

    /// <summary>The context whose <c>Database</c> facade this is: <c>context.Database</c> (the receiver's type), or
    /// <c>Database</c> inside the context class itself.</summary>
    private static ITypeSymbol? ContextOf(ExpressionSyntax facade, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOf(facade, model, cancellationToken) is not IPropertySymbol { Name: "Database" } property
            || !property.ContainingType.Is("Microsoft.EntityFrameworkCore", "DbContext")) return null;
        ITypeSymbol? type = facade switch
        {
            MemberAccessExpressionSyntax access => Semantics.TypeOf(access.Expression, model, cancellationToken),
            IdentifierNameSyntax => facade.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } declaration ? model.GetDeclaredSymbol(declaration, cancellationToken) as ITypeSymbol : null,
            _ => null,
        };
        return type is not null && type.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext") ? type : null;
    }

    /// <summary>The connection a Dapper call runs on: the receiver of the extension call, or the first argument of the static form.</summary>
    private static ExpressionSyntax? Receiver(InvocationExpressionSyntax call, IMethodSymbol method) =>
        method.ReducedFrom is not null && call.Expression is MemberAccessExpressionSyntax access
            ? access.Expression
            : call.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, call.ArgumentList, method)?.Name == "cnn")?.Expression;

    /// <summary>The connection a command was made from: <c>connection.CreateCommand()</c> or a command created with a
    /// <c>connection</c> argument, in place or as the initializer of a local assigned once.</summary>
    private static ExpressionSyntax? ConnectionOfCommand(ExpressionSyntax command, SemanticModel model, CancellationToken cancellationToken)
    {
        var made = command is BaseObjectCreationExpressionSyntax ? command : Initializer(command, model, cancellationToken);
        switch (made)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CreateCommand" } access } call
                when call.ArgumentList.Arguments.Count == 0 && Semantics.Method(call, model, cancellationToken) is { } method
                     && (method.ContainingType.DerivesFromOrIs("System.Data.Common", "DbConnection") || method.ContainingType.Is("System.Data", "IDbConnection")):
                return access.Expression;
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation
                when Semantics.SymbolOf(creation, model, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                return arguments.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, arguments, constructor)?.Name == "connection")?.Expression;
            default:
                return null;
        }
    }

    /// <summary>The store and connection string of a connection: the provider of its static type, and for a local assigned
    /// once with <c>new XConnection(cs)</c>, where <c>cs</c> comes from.</summary>
    private static (string? Store, string? OpenedBy, EquatableArray<ConnectionSourceSpec> Sources) Connection(ExpressionSyntax? connection, SemanticModel model, CancellationToken cancellationToken)
    {
        if (connection is null) return (null, null, EquatableArray<ConnectionSourceSpec>.Empty);
        var store = Provider(Semantics.TypeOf(connection, model, cancellationToken));
        var made = connection is ObjectCreationExpressionSyntax ? connection : Initializer(connection, model, cancellationToken);
        if (made is not ObjectCreationExpressionSyntax creation || Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol type
            || !type.DerivesFrom("System.Data.Common", "DbConnection") || Provider(type) is not { } created)
        {
            return (store, null, EquatableArray<ConnectionSourceSpec>.Empty);
        }
        var argument = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        var sources = argument is null
            ? EquatableArray<ConnectionSourceSpec>.Empty
            : ConnectionSourceParser.Parse(argument, model, cancellationToken)
                .Select(s => s.Kind == ConnectionSourceKind.Literal ? s with { Value = ConnectionStringRedactor.Redact(s.Value ?? string.Empty) } : s)
                .ToEquatableArray();
        return (store ?? created, "new " + type.Name, sources);
    }

    private static ExpressionSyntax? Initializer(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is IdentifierNameSyntax identifier && Semantics.SymbolOf(identifier, model, cancellationToken) is ILocalSymbol local
            ? ConnectionSourceParser.SingleAssignment(local, identifier, cancellationToken)
            : null;

    private static string? Provider(ITypeSymbol? type) =>
        type?.ContainingNamespace is { IsGlobalNamespace: false } ns && Providers.TryGetValue(ns.ToDisplayString(), out var store) ? store : null;

    /// <summary>The timeout from constants: seconds (0 is no limit in ADO.NET, Dapper and EF Core, which pass it to the
    /// command), or a <c>TimeSpan</c> built from constants. Skip: a constant null (no timeout is set).</summary>
    private static (string? Value, string? Code, bool Skip) Seconds(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var constant = Semantics.ConstantOf(expression, model, cancellationToken);
        if (constant.HasValue)
        {
            switch (constant.Value)
            {
                case null: return (null, null, true);
                case int seconds:
                    var text = seconds.ToString(CultureInfo.InvariantCulture);
                    return (seconds == 0 ? "0 (no limit)" : text + (seconds == 1 ? " second" : " seconds"), null, false);
            }
        }
        if (CacheParser.TimeSpanText(expression, model, cancellationToken) is { } span) return (span, null, false);
        return (null, CodeText.Safe(expression), false);
    }
}

internal sealed record CommandTimeoutResult(CommandTimeoutSpec? Spec, string? Error);
