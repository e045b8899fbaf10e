using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// linq2db (namespace <c>LinqToDB</c>) as a store (through <see cref="StoreParser"/>): <c>new DataConnection(...)</c> and
/// <c>new DataContext(...)</c>, the <c>base(...)</c> call of a class deriving from either, and the <c>DataOptions</c> chains
/// that choose a provider and a connection (<c>UseSqlServer(cs)</c>, <c>UseConnectionString(ProviderName.X, cs)</c>,
/// <c>UseConfiguration("name")</c>), named after what holds them (a creation, a base call, or the options lambda of an
/// <c>AddLinqToDB[Context]</c> registration). Each is confirmed by symbol: a <c>DataConnection</c> or <c>UseSqlServer</c>
/// elsewhere is nothing. The database is stated only when the code names it (a provider method, or a constant provider
/// name); a configuration name is linq2db's own (its settings or app.config), not an appsettings key.
/// </summary>
internal static class Linq2DbStoreParser
{
    private const string Library = "linq2db";

    /// <summary>Provider methods of <c>LinqToDB.DataOptionsExtensions</c> (as in linq2db 6.5.1) and the database each selects
    /// (linq2db's MySql provider serves MySQL and MariaDB).</summary>
    private static readonly Dictionary<string, string> ProviderMethods = new(System.StringComparer.Ordinal)
    {
        ["UseSqlServer"] = "SQL Server", ["UsePostgreSQL"] = "PostgreSQL", ["UseSQLite"] = "SQLite", ["UseMySql"] = "MySQL or MariaDB",
        ["UseOracle"] = "Oracle", ["UseFirebird"] = "Firebird", ["UseDB2"] = "DB2", ["UseInformix"] = "Informix", ["UseSapHana"] = "SAP HANA",
        ["UseSqlCe"] = "SQL Server Compact", ["UseAse"] = "SAP ASE", ["UseAccess"] = "Microsoft Access", ["UseClickHouse"] = "ClickHouse",
        ["UseDuckDB"] = "DuckDB", ["UseYdb"] = "YDB",
    };

    /// <summary>Provider name prefixes (<c>LinqToDB.ProviderName</c> constants in 6.5.1: <c>SqlServer.2019</c>, <c>PostgreSQL.15</c>,
    /// <c>MariaDB.10</c>, <c>Sybase.Managed</c>, <c>YDB</c>...).</summary>
    private static readonly (string Prefix, string Store)[] ProviderNames =
    {
        ("SqlServer", "SQL Server"), ("PostgreSQL", "PostgreSQL"), ("SQLite", "SQLite"), ("MySql", "MySQL or MariaDB"), ("MariaDB", "MySQL or MariaDB"),
        ("Oracle", "Oracle"), ("Firebird", "Firebird"), ("DB2", "DB2"), ("Informix", "Informix"), ("SapHana", "SAP HANA"), ("SqlCe", "SQL Server Compact"),
        ("Sybase", "SAP ASE"), ("Access", "Microsoft Access"), ("ClickHouse", "ClickHouse"), ("DuckDB", "DuckDB"), ("YDB", "YDB"),
    };

    private const string UnknownStore = "provider not known here";

    private static readonly Regex SafeName = new("^[A-Za-z0-9_.\\- ]{1,100}$", RegexOptions.CultureInvariant);

    public static bool IsCreationName(string name) => name is "DataConnection" or "DataContext";

    /// <summary>A <c>DataOptions</c> call that chooses a provider or a connection.</summary>
    private static bool IsOptionName(string name) =>
        name is "UseConnectionString" or "UseConfiguration" or "UseConfigurationString" or "UseProvider" || ProviderMethods.ContainsKey(name);

    private static bool IsRegistrationName(string name) => name is "AddLinqToDB" or "AddLinqToDBContext";

    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        // : base(...) of a class deriving (maybe) from DataConnection/DataContext; confirmed by the class's symbol.
        ConstructorInitializerSyntax { RawKind: (int)SyntaxKind.BaseConstructorInitializer } => true,
        // class ShopDb(IConfiguration c) : DataConnection(...): a primary constructor's base call.
        PrimaryConstructorBaseTypeSyntax => true,
        // The last option call of a chain: new DataOptions().UseSqlServer(cs).UseMappingSchema(ms) is read once.
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation => IsOptionName(access.Name.Identifier.ValueText) && !OuterOptionCall(invocation),
        _ => false,
    };

    /// <summary>True when a later call of the same chain also chooses the provider or the connection.</summary>
    private static bool OuterOptionCall(InvocationExpressionSyntax invocation)
    {
        for (SyntaxNode current = invocation; current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == current; current = outer)
        {
            if (IsOptionName(access.Name.Identifier.ValueText)) return true;
        }
        return false;
    }

    public static StoreSpec? FromCreation(ObjectCreationExpressionSyntax creation, INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsConnectionType(type)) return null;
        var arguments = creation.ArgumentList?.Arguments ?? default;
        if (Semantics.SymbolOrMethod(creation, model, cancellationToken) is not IMethodSymbol constructor) return null;
        var read = ReadArguments(arguments, creation.ArgumentList, constructor, model, cancellationToken);
        if (read is null) return null;
        return new StoreSpec(read.Value.Store, true, type.Name + " (" + Library + ")", "new " + type.Name, read.Value.Connection,
            CodeText.MemberName(creation, model, cancellationToken), SourceLocation.From(creation));
    }

    /// <summary><c>: base(...)</c> in a class deriving directly from <c>DataConnection</c> or <c>DataContext</c>: the overload is told
    /// from the arguments' types (a string alone is a configuration name, two strings a provider name and a connection
    /// string, a <c>DataOptions</c> options built elsewhere), never by binding the constructor.</summary>
    public static StoreSpec? FromBaseCall(SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var (declaration, argumentList) = site switch
        {
            ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax holder } } initializer => (holder, initializer.ArgumentList),
            PrimaryConstructorBaseTypeSyntax { Parent.Parent: TypeDeclarationSyntax holder } primary => (holder, primary.ArgumentList),
            _ => ((TypeDeclarationSyntax?)null, (ArgumentListSyntax?)null),
        };
        if (declaration is null || argumentList is null) return null;
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || type.BaseType is not { } baseType) return null;
        // Only a direct subclass: a base call to the project's own subclass meets that class's constructor, not linq2db's.
        if (!IsConnectionType(baseType)) return null;
        var root = baseType;
        var arguments = argumentList.Arguments;
        (string Store, EquatableArray<ConnectionSourceSpec> Connection)? read;
        if (arguments.Any(a => a.NameColon is not null || a.RefKindKeyword.RawKind != 0))
        {
            read = (UnknownStore, EquatableArray<ConnectionSourceSpec>.Empty);
        }
        else
        {
            var types = arguments.Select(a => Semantics.TypeOf(a.Expression, model, cancellationToken)).ToList();
            if (types.Count >= 1 && IsDataOptions(types[0]))
            {
                if (HoldsOptionChain(arguments[0].Expression)) return null; // the chain is the fact
                read = (UnknownStore, EquatableArray<ConnectionSourceSpec>.Empty);
            }
            else if (types.Count >= 2 && types[0]?.SpecialType == SpecialType.System_String && types[1]?.SpecialType == SpecialType.System_String)
            {
                read = (ProviderStore(arguments[0].Expression, model, cancellationToken), ConnectionSourceParser.Parse(arguments[1].Expression, model, cancellationToken).ToEquatableArray());
            }
            else if (types.Count >= 1 && types[0]?.SpecialType == SpecialType.System_String)
            {
                read = (UnknownStore, new[] { ConfigurationName(arguments[0].Expression, model, cancellationToken) }.ToEquatableArray());
            }
            else
            {
                read = (UnknownStore, EquatableArray<ConnectionSourceSpec>.Empty);
            }
        }
        return new StoreSpec(read.Value.Store, true, type.Name + " : " + root.Name + " (" + Library + ")", "base constructor call", read.Value.Connection,
            Member(site, type, model, cancellationToken), SourceLocation.From(site));
    }

    /// <summary>The last provider or connection call of a <c>DataOptions</c> chain, with the others before it.</summary>
    public static StoreSpec? FromOptionChain(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        string? store = null;
        var connection = new List<ConnectionSourceSpec>();
        var calls = new List<string>();
        ExpressionSyntax current = invocation;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            var name = access.Name.Identifier.ValueText;
            if (IsOptionName(name))
            {
                if (Semantics.Method(call, model, cancellationToken) is not { } method || !IsOptionsMethod(method)) return null;
                calls.Insert(0, name);
                var (callStore, callConnection) = ReadOptionCall(call, method, model, cancellationToken);
                store ??= callStore;
                connection.InsertRange(0, callConnection);
            }
            current = access.Expression;
        }
        if (calls.Count == 0) return null;
        var how = string.Join(".", calls);
        var (client, holder) = Holder(invocation, model, cancellationToken);
        return new StoreSpec(store ?? UnknownStore, true, client, holder is null ? "DataOptions." + how : holder + " with " + how, connection.ToEquatableArray(),
            Member(invocation, null, model, cancellationToken), SourceLocation.From(invocation));
    }

    /// <summary>Where a site is, as <see cref="CodeText.MemberName"/> says; a primary constructor's base call (outside any
    /// member) is the type's constructor.</summary>
    private static string Member(SyntaxNode site, INamedTypeSymbol? type, SemanticModel model, CancellationToken cancellationToken)
    {
        if (site.FirstAncestorOrSelf<PrimaryConstructorBaseTypeSyntax>() is { Parent.Parent: TypeDeclarationSyntax declaration })
        {
            type ??= model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
            if (type is not null) return type.Name + ".ctor";
        }
        return CodeText.MemberName(site, model, cancellationToken);
    }

    private static (string? Store, IEnumerable<ConnectionSourceSpec> Connection) ReadOptionCall(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        string? store = ProviderMethods.TryGetValue(method.Name, out var named) ? named : null;
        var connection = new List<ConnectionSourceSpec>();
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, call.ArgumentList, method) is not { } parameter) continue;
            switch (parameter.Name)
            {
                case "connectionString" when parameter.Type.SpecialType == SpecialType.System_String:
                    connection.AddRange(ConnectionSourceParser.Parse(argument.Expression, model, cancellationToken));
                    break;
                case "providerName" when parameter.Type.SpecialType == SpecialType.System_String:
                    store ??= ProviderStore(argument.Expression, model, cancellationToken) is var provider && provider != UnknownStore ? provider : null;
                    break;
                case "configurationString" or "configuration" when parameter.Type.SpecialType == SpecialType.System_String:
                    connection.Add(ConfigurationName(argument.Expression, model, cancellationToken));
                    break;
            }
        }
        return (store, connection);
    }

    /// <summary>What the chain configures: the context of the <c>AddLinqToDB[Context]</c> registration whose options lambda
    /// holds it, the <c>DataConnection</c>/<c>DataContext</c> created with it, or the class whose base call gets it.</summary>
    private static (string Client, string? Holder) Holder(InvocationExpressionSyntax chain, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax outermost = chain;
        while (outermost.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == outermost) outermost = outer;
        var parent = outermost.Parent;
        while (parent is ParenthesizedExpressionSyntax) parent = parent.Parent;
        switch (parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                when Semantics.TypeOf(creation, model, cancellationToken) is INamedTypeSymbol created && IsConnectionType(created):
                return (created.Name + " (" + Library + ")", "new " + created.Name);
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax { Parent: TypeDeclarationSyntax declaration } } } }
                when model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol { BaseType: { } baseType } type && IsConnectionType(baseType):
                return (type.Name + " : " + baseType.Name + " (" + Library + ")", "base constructor call");
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax { Parent.Parent: TypeDeclarationSyntax declaration } } }
                when model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol { BaseType: { } baseType } type && IsConnectionType(baseType):
                return (type.Name + " : " + baseType.Name + " (" + Library + ")", "base constructor call");
        }
        // (sp, options) => options.UseSqlServer(cs), or a block returning it, passed to AddLinqToDB[Context].
        if (chain.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } } }
            && OptionsBuilderParser.MethodName(registration) is { } name && IsRegistrationName(name)
            && Semantics.ExactMethod(registration, model, cancellationToken) is { } method && IsRegistrationMethod(method))
        {
            var context = method.TypeArguments.Length == 0 ? null : method.TypeArguments[method.TypeArguments.Length - 1];
            var written = registration.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } ? generic.TypeArgumentList.ToString() : null;
            var client = context is null || context.TypeKind == TypeKind.TypeParameter ? "DataConnection (" + Library + ")" : context.Name + " (" + Library + ")";
            return (client, name + (written ?? ""));
        }
        return ("DataOptions (" + Library + ")", null);
    }

    /// <summary>Arguments of a <c>DataConnection</c>/<c>DataContext</c> constructor, by parameter: null when the options
    /// are a <c>DataOptions</c> chain written in place (the chain reports itself, naming the creation).</summary>
    private static (string Store, EquatableArray<ConnectionSourceSpec> Connection)? ReadArguments(SeparatedSyntaxList<ArgumentSyntax> arguments, ArgumentListSyntax? list,
        IMethodSymbol constructor, SemanticModel model, CancellationToken cancellationToken)
    {
        string? store = null;
        var connection = new List<ConnectionSourceSpec>();
        if (list is null) return (UnknownStore, EquatableArray<ConnectionSourceSpec>.Empty);
        foreach (var argument in arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, list, constructor) is not { } parameter) continue;
            switch (parameter.Name)
            {
                case "configurationString" when parameter.Type.SpecialType == SpecialType.System_String:
                    connection.Add(ConfigurationName(argument.Expression, model, cancellationToken));
                    break;
                case "providerName" when parameter.Type.SpecialType == SpecialType.System_String:
                    store = ProviderStore(argument.Expression, model, cancellationToken);
                    break;
                case "connectionString" when parameter.Type.SpecialType == SpecialType.System_String:
                    connection.AddRange(ConnectionSourceParser.Parse(argument.Expression, model, cancellationToken));
                    break;
                case var _ when IsDataOptions(parameter.Type) && HoldsOptionChain(argument.Expression):
                    return null;
            }
        }
        return (store ?? UnknownStore, connection.ToEquatableArray());
    }

    /// <summary>The database a provider name selects when it is a constant (<c>ProviderName.SqlServer</c>, <c>"PostgreSQL.15"</c>).</summary>
    private static string ProviderStore(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ConstantOf(expression, model, cancellationToken) is not { HasValue: true, Value: string name }) return UnknownStore;
        foreach (var (prefix, store) in ProviderNames)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal)) return store;
        }
        return UnknownStore;
    }

    /// <summary>A linq2db configuration name: printed when it is a constant that reads as a name; anything else is
    /// redacted like a connection string literal, or left as code.</summary>
    private static ConnectionSourceSpec ConfigurationName(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var location = SourceLocation.From(expression);
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: string name })
        {
            return SafeName.IsMatch(name)
                ? new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationName, name, location)
                : new ConnectionSourceSpec(ConnectionSourceKind.Literal, name, location);
        }
        return new ConnectionSourceSpec(ConnectionSourceKind.Unresolved, CodeText.Safe(expression), location);
    }

    private static bool HoldsOptionChain(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is MemberAccessExpressionSyntax access && IsOptionName(access.Name.Identifier.ValueText));

    private static bool IsConnectionType(ITypeSymbol type) => type.Is("LinqToDB.Data", "DataConnection") || type.Is("LinqToDB", "DataContext");

    private static bool IsDataOptions(ITypeSymbol? type) => type.Is("LinqToDB", "DataOptions") || type.Is("LinqToDB", "DataOptions`1");

    private static bool IsOptionsMethod(IMethodSymbol method)
    {
        var original = method.ReducedFrom ?? method;
        return original.ContainingType.IsInNamespaceOrBelow("LinqToDB") && IsDataOptions(OptionsBuilderParser.ReceiverType(method));
    }

    /// <summary>linq2db's DI registrations: <c>LinqToDB.Extensions.DependencyInjection</c> (linq2db.Extensions, 6.x) and
    /// <c>LinqToDB.AspNet</c> (linq2db.AspNet, 5.x), on <c>IServiceCollection</c>.</summary>
    private static bool IsRegistrationMethod(IMethodSymbol method)
    {
        var owner = (method.ReducedFrom ?? method).ContainingType;
        return (owner.IsInNamespace("LinqToDB.Extensions.DependencyInjection") || owner.IsInNamespace("LinqToDB.AspNet"))
               && OptionsBuilderParser.ReceiverType(method).Is("Microsoft.Extensions.DependencyInjection", "IServiceCollection");
    }
}
