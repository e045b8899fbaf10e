using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The repository pattern: classes named <c>*Repository</c> or <c>*UnitOfWork</c> (or implementing an interface so
/// named) that depend on a data-access type, with the entities they serve; and the DI registrations
/// (<c>AddScoped/AddTransient/AddSingleton</c>, generic or <c>typeof</c>) that the builder links to them.
/// A class whose name says repository but which touches no data is not reported: the name alone proves nothing.
/// </summary>
internal static class RepositoryParser
{
    private static readonly string[] Suffixes = { "Repository", "UnitOfWork" };

    private static readonly Dictionary<string, string> Lifetimes = new()
    {
        ["AddScoped"] = "Scoped", ["AddTransient"] = "Transient", ["AddSingleton"] = "Singleton",
        ["TryAddScoped"] = "Scoped", ["TryAddTransient"] = "Transient", ["TryAddSingleton"] = "Singleton",
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ClassDeclarationSyntax type => HasSuffix(type.Identifier.ValueText)
                                       || (type.BaseList?.Types.Any(t => HasSuffix(SyntaxFacts.RightmostName(t.Type))) ?? false),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => Lifetimes.ContainsKey(access.Name.Identifier.ValueText),
        _ => false,
    };

    public static RepositoryResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            return context.Node switch
            {
                ClassDeclarationSyntax type => Repository(type, context.SemanticModel, cancellationToken),
                InvocationExpressionSyntax invocation => Registration(invocation, context.SemanticModel, cancellationToken),
                _ => null,
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new RepositoryResult(null, null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static RepositoryResult? Repository(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        // A partial class is read once, from its first part, over all its parts.
        var first = type.DeclaringSyntaxReferences[0];
        if (first.SyntaxTree != declaration.SyntaxTree || first.Span != declaration.Span) return null;

        var dependencies = Dependencies(type).ToList();
        var access = dependencies.Select(d => DataAccess(d.Type)).Where(a => a is not null).Select(a => a!).Distinct().OrderBy(a => a, System.StringComparer.Ordinal).ToList();
        // Without such a dependency, what its methods hold in locals (a connection opened per call, a context from a scope).
        if (access.Count == 0) access = LocalDataAccess(declaration, model, cancellationToken).Distinct().OrderBy(a => a, System.StringComparer.Ordinal).ToList();
        if (access.Count == 0) return null;

        var entities = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var dependency in dependencies)
        {
            if (EntityOf(dependency.Type) is { } entity) entities.Add(Name(entity));
        }
        var interfaces = type.Interfaces.Where(i => !i.IsInNamespaceOrBelow("System")).ToList();
        // A repository interface's type arguments that are classes (IOrderRepository : IRepository<Order>). Not its type
        // parameters nor value types: bitwarden's Repository<T, TEntity, TId> : IRepository<T, TId> maps a domain T to the
        // entity TEntity and keys by TId, and both were listed as its entities. A type parameter counts where the class
        // uses it as an entity (Set<T>(), a DbSet<T> member), below.
        foreach (var contract in interfaces.Where(i => HasSuffix(i.Name)))
        {
            foreach (var argument in contract.TypeArguments)
            {
                if (argument is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } && !argument.IsInNamespaceOrBelow("System")) entities.Add(Name(argument));
            }
        }

        // Set<T>() calls and DbSet properties read through the context, in this part of the class only: the result then
        // depends on this file and on declarations elsewhere, so TransformCache may reuse it (issue 7). Other parts of a
        // partial repository are not read (less reported, never wrong).
        var savesChanges = false;
        foreach (var node in new SyntaxNode[] { declaration })
        {
            var partModel = model;
            foreach (var child in node.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (child)
                {
                    case GenericNameSyntax { Identifier.ValueText: "Set", TypeArgumentList.Arguments.Count: 1 } set
                        when Semantics.WrittenType(set.TypeArgumentList.Arguments[0], partModel, cancellationToken) is { } setType:
                        entities.Add(Name(setType));
                        break;
                    case MemberAccessExpressionSyntax memberAccess when memberAccess.Parent is not InvocationExpressionSyntax { Expression: var callee } || callee != memberAccess:
                        if (SetMemberNames.MayBeSet(memberAccess, partModel.Compilation, cancellationToken)
                            && Semantics.TypeOf(memberAccess, partModel, cancellationToken) is { } accessed
                            && (accessed.DbSetEntity() ?? CrudParser.Linq2DbTableEntity(accessed)) is { } setEntity) entities.Add(Name(setEntity));
                        break;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SaveChanges" or "SaveChangesAsync" } }:
                        savesChanges = true;
                        break;
                    // Documents read or written through a document store (a Marten session names them per call).
                    case InvocationExpressionSyntax call when DocumentCrudParser.IsCandidate(call, cancellationToken)
                                                             && DocumentCrudParser.Parse(call, partModel, cancellationToken) is { Error: null } documents:
                        foreach (var document in documents.Specs.Where(d => d.Target == CrudTarget.Entity)) entities.Add(document.Entity);
                        break;
                }
            }
        }

        var kind = type.Name.EndsWith("UnitOfWork", System.StringComparison.Ordinal) || interfaces.Any(i => i.Name.EndsWith("UnitOfWork", System.StringComparison.Ordinal))
            ? "unit of work"
            : type.IsGenericType ? "generic repository" : "repository";
        var spec = new RepositorySpec(FullName(type), kind,
            interfaces.Select(i => i.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)).OrderBy(i => i, System.StringComparer.Ordinal).ToEquatableArray(),
            entities.ToEquatableArray(), access.ToEquatableArray(),
            // Not found here: a base class or another partial part may still save (eShopOnWeb's EfRepository<T> inherits
            // Ardalis' RepositoryBase<T>, whose AddAsync saves); not read, so not known rather than "no".
            savesChanges ? true : type.BaseType is { SpecialType: not SpecialType.System_Object } || type.DeclaringSyntaxReferences.Length > 1 ? null : false,
            SourceLocation.From(declaration.Identifier.Parent!))
        {
            BaseFullName = type.BaseType is { } baseType && SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, model.Compilation.Assembly)
                ? FullName(baseType.OriginalDefinition) : null,
        };
        return new RepositoryResult(spec, null, null);
    }

    /// <summary>
    /// Data-access types held in locals of the class's own methods (this part): <c>using var connection = new
    /// SqlConnection(ConnectionString)</c>, <c>var dbContext = GetDatabaseContext(scope)</c>. The bitwarden audit found
    /// none of its repositories listed: the Dapper ones open a connection from a connection string in each method, the
    /// EF Core ones get the context from a service scope, so neither holds a data-access type in a field.
    /// </summary>
    private static IEnumerable<string> LocalDataAccess(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var declarator in declaration.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (declarator.Parent is not VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax or UsingStatementSyntax } variables) continue;
            var type = variables.Type.IsVar
                ? declarator.Initializer is { Value: var value } ? Semantics.TypeOf(value, model, cancellationToken) : null
                : Semantics.WrittenType(variables.Type, model, cancellationToken);
            if (type is not null && DataAccess(type) is { } access) yield return access;
        }
    }

    /// <summary>Fields, properties and constructor parameters (primary constructors included) of the type.</summary>
    private static IEnumerable<(string Name, ITypeSymbol Type)> Dependencies(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol { IsImplicitlyDeclared: false } field: yield return (field.Name, field.Type); break;
                case IPropertySymbol property: yield return (property.Name, property.Type); break;
            }
        }
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters) yield return (parameter.Name, parameter.Type);
        }
    }

    /// <summary>"ShopContext (EF Core)", "IDbConnection (ADO.NET)"... for a data-access type; null for anything else.</summary>
    private static string? DataAccess(ITypeSymbol type)
    {
        if (type.Is("Microsoft.EntityFrameworkCore", "DbContext") || type.DerivesFrom("Microsoft.EntityFrameworkCore", "DbContext")) return type.Name + " (EF Core)";
        if (type is INamedTypeSymbol { Name: "DbSet" or "IDbContextFactory" } ef && ef.IsInNamespace("Microsoft.EntityFrameworkCore")) return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " (EF Core)";
        if (type.Is("System.Data", "IDbConnection") || type.Is("System.Data.Common", "DbConnection") || type.DerivesFrom("System.Data.Common", "DbConnection")
            || type.Is("System.Data.Common", "DbDataSource") || type.DerivesFrom("System.Data.Common", "DbDataSource")) return type.Name + " (ADO.NET)";
        if (type is INamedTypeSymbol { Name: "IMongoCollection" or "IMongoDatabase" or "IMongoClient" } mongo && mongo.IsInNamespace("MongoDB.Driver")) return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " (MongoDB)";
        if (IsConnectionFactory(type)) return type.Name + " (connection factory, ADO.NET)";
        if (type.Is("StackExchange.Redis", "IDatabase") || type.Is("StackExchange.Redis", "IConnectionMultiplexer")) return type.Name + " (Redis)";
        if (type is INamedTypeSymbol { Name: "ILiteDatabase" or "LiteDatabase" or "ILiteCollection" } lite && lite.IsInNamespace("LiteDB")) return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " (LiteDB)";
        // linq2db: a data context (DataConnection, DataContext, IDataContext and their subclasses) or one of its tables.
        if (CrudParser.IsLinq2DbContext(type)) return type.Name + " (linq2db)";
        if (CrudParser.Linq2DbTableEntity(type) is not null && type.Name == "ITable") return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " (linq2db)";
        // Marten's sessions (the unit of work and the read-only session) and the store that opens them.
        if (type is INamedTypeSymbol { Name: "IDocumentSession" or "IQuerySession" or "IDocumentStore" or "DocumentStore" or "IDocumentOperations", TypeArguments.Length: 0 } marten && marten.IsInNamespace("Marten")) return type.Name + " (Marten)";
        return null;
    }

    /// <summary>A type with a method that returns an ADO.NET connection (directly or as a task): the usual
    /// <c>IDbConnectionFactory.Create()</c> in front of Dapper.</summary>
    private static bool IsConnectionFactory(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Interface && !type.IsInNamespaceOrBelow("System")
        && type.GetMembers().OfType<IMethodSymbol>().Any(m => m.MethodKind == MethodKind.Ordinary && IsConnection(Unwrapped(m.ReturnType)));

    private static ITypeSymbol Unwrapped(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task && task.IsInNamespace("System.Threading.Tasks") ? task.TypeArguments[0] : type;

    private static bool IsConnection(ITypeSymbol type) =>
        type.Is("System.Data", "IDbConnection") || type.DerivesFromOrIs("System.Data.Common", "DbConnection");

    private static ITypeSymbol? EntityOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } generic
        && ((generic.Name == "DbSet" && generic.IsInNamespace("Microsoft.EntityFrameworkCore")) || (generic.Name is "IMongoCollection" && generic.IsInNamespace("MongoDB.Driver"))
            || (generic.Name is "ILiteCollection" && generic.IsInNamespace("LiteDB")) || (generic.Name is "ITable" && generic.IsInNamespace("LinqToDB")))
            ? generic.TypeArguments[0] : null;

    private static string Name(ITypeSymbol type) => type is ITypeParameterSymbol parameter ? parameter.Name + " (type parameter)" : type.ClrFullName();

    private static RepositoryResult? Registration(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.Extensions.DependencyInjection")) return null;
        var lifetime = Lifetimes[method.Name];
        ITypeSymbol? service = null, implementation = null;
        var types = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<TypeOfExpressionSyntax>()
            .Select(t => Semantics.TypeOf(t.Type, model, cancellationToken)).ToList();
        if (method.TypeArguments.Length == 2) (service, implementation) = (method.TypeArguments[0], method.TypeArguments[1]);
        else if (method.TypeArguments.Length == 1 && invocation.ArgumentList.Arguments.Count == 0) service = implementation = method.TypeArguments[0];
        // AddScoped<IService>(sp => ...), AddSingleton(instance): the service, with an implementation the code builds (not read).
        else if (method.TypeArguments.Length == 1) service = method.TypeArguments[0];
        else if (types.Count == 2) (service, implementation) = (types[0], types[1]);
        else if (types.Count == 1 && invocation.ArgumentList.Arguments.Count == 1) service = implementation = types[0];
        else if (types.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is TypeOfExpressionSyntax) service = types[0];
        if (service is null) return null;
        var implementationType = implementation as INamedTypeSymbol;
        // Every registration, for the jobs Hangfire resolves through the container; repositories' for the repository list.
        var registered = new ServiceImplementationSpec(service.ClrFullName(), implementationType?.ClrFullName(), implementationType?.Name,
            method.Name, SourceLocation.From(invocation));
        if (implementationType is null || !Suffixes.Any(s => implementationType.Name.EndsWith(s, System.StringComparison.Ordinal)))
        {
            return new RepositoryResult(null, null, null, registered);
        }
        var spec = new ServiceRegistrationSpec(Display(service), Display(implementationType), FullName(implementationType.OriginalDefinition), lifetime,
            method.Name, SourceLocation.From(invocation));
        return new RepositoryResult(null, spec, null, registered);
    }

    /// <summary><c>IRepository&lt;&gt;</c> for an unbound generic, else the minimally qualified name.</summary>
    private static string Display(ITypeSymbol type) => type is INamedTypeSymbol { IsUnboundGenericType: true } unbound
        ? unbound.Name + "<" + new string(',', unbound.Arity - 1) + ">"
        : type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    /// <summary><c>Shop.Data.Repository&lt;T&gt;</c>: the namespace-qualified name with type parameters, as C# writes it.</summary>
    private static string FullName(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private static bool HasSuffix(string name) => Suffixes.Any(s => name.EndsWith(s, System.StringComparison.Ordinal));
}

/// <param name="Service">Any service registration (the repository's too), for the jobs Hangfire resolves through the
/// container; the report step does not take it (<c>DataLayerReportGenerator</c>), so registrations of other services
/// leave the report's inputs unchanged.</param>
internal sealed record RepositoryResult(RepositorySpec? Repository, ServiceRegistrationSpec? Registration, string? Error, ServiceImplementationSpec? Service = null);
