using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A generic base repository that opens its collection as <c>database.GetCollection&lt;T&gt;(CollectionName())</c>
/// while each concrete subclass binds <c>T</c> and overrides the name member (Squidex's <c>MongoRepositoryBase&lt;T&gt;</c>):
/// one collection per concrete class of this project that derives from the base, its document type the bound
/// <c>T</c>, its name the constant that class's override returns (null, "computed", when it is not a constant), cited
/// at that override. The base's own line names neither, so without this the report showed the type parameter.
/// </summary>
internal static class MongoSubclassCollections
{
    /// <param name="parameter">The collection's document type: a type parameter of the class the call is in.</param>
    /// <param name="site">Where the collection is opened (<c>MongoRepositoryBase.CreateCollection</c>).</param>
    /// <returns>The collections, none when no concrete class of this project binds the parameter.</returns>
    public static List<StoreObjectSpec> Read(InvocationExpressionSyntax invocation, ITypeParameterSymbol parameter, SemanticModel model,
        string site, SourceLocation? location, CancellationToken cancellationToken)
    {
        var collections = new List<StoreObjectSpec>();
        if (parameter.DeclaringType is not { } declaring) return collections;
        var nameArgument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        var constantName = model.ConstantString(nameArgument, cancellationToken);
        var nameMember = constantName is null ? NameMember(nameArgument, declaring, model, cancellationToken) : null;
        foreach (var type in ProjectImplementations.Classes(model.Compilation).OrderBy(t => t.ClrFullName(), System.StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.IsAbstract || type.IsGenericType || type.IsStatic || Bound(type, declaring) is not { } bound) continue;
            if (bound.TypeArguments[parameter.Ordinal] is not { TypeKind: not (TypeKind.TypeParameter or TypeKind.Error) } document) continue;
            var detail = "opened by `" + site + "` for `" + type.Name + "`";
            if (nameMember is not null && (ProjectImplementations.OverrideOf(type, nameMember) ?? nameMember) is { } runs && !SymbolEqualityComparer.Default.Equals(runs.ContainingType.OriginalDefinition, declaring.OriginalDefinition))
            {
                var (name, at) = Returned(runs, model.Compilation, cancellationToken);
                collections.Add(new StoreObjectSpec("MongoDB", "collection", name, document.ClrFullName(), detail, runs.TypeAndMemberName(), at ?? location));
                continue;
            }
            // The base's own name: a constant argument, or the base's member when no class overrides it.
            var baseName = constantName ?? (nameMember is null ? null : Returned(nameMember, model.Compilation, cancellationToken).Name);
            collections.Add(new StoreObjectSpec("MongoDB", "collection", baseName, document.ClrFullName(), detail, site, location));
        }
        return collections;
    }

    /// <summary>The base's virtual or abstract name member the argument reads: <c>CollectionName()</c> or <c>CollectionName</c>.</summary>
    private static ISymbol? NameMember(ExpressionSyntax? argument, INamedTypeSymbol declaring, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = argument switch
        {
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call => model.GetSymbolInfo(call, cancellationToken).Symbol,
            IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } => model.GetSymbolInfo(argument, cancellationToken).Symbol,
            _ => null,
        };
        return symbol is (IMethodSymbol or IPropertySymbol) and { IsStatic: false } and ({ IsVirtual: true } or { IsAbstract: true } or { IsOverride: true })
               && IsOrDerivesFrom(declaring, symbol.ContainingType)
            ? symbol
            : null;
    }

    private static bool IsOrDerivesFrom(INamedTypeSymbol type, INamedTypeSymbol owner)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition)) return true;
        }
        return false;
    }

    /// <summary>The base as <paramref name="type"/> derives from it, with its type arguments bound.</summary>
    private static INamedTypeSymbol? Bound(INamedTypeSymbol type, INamedTypeSymbol declaring)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring.OriginalDefinition)) return current;
        }
        return null;
    }

    /// <summary>The constant a method or property getter returns as its only statement (<c>=&gt; "Migration"</c>,
    /// <c>{ return "UsagesV2"; }</c>), and where; a null name when it returns anything else.</summary>
    private static (string? Name, SourceLocation? At) Returned(ISymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1) return (null, SourceLocation.From(member));
        var declaration = member.DeclaringSyntaxReferences[0].ReadSyntax(cancellationToken);
        var returned = declaration switch
        {
            MethodDeclarationSyntax method => Single(method.ExpressionBody, method.Body),
            PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            PropertyDeclarationSyntax { AccessorList: { } accessors } => accessors.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get") is { } getter ? Single(getter.ExpressionBody, getter.Body) : null,
            _ => null,
        };
        if (returned is null) return (null, SourceLocation.From(declaration));
        return (compilation.ReadSemanticModel(returned.SyntaxTree).ConstantString(returned, cancellationToken), SourceLocation.From(returned));
    }

    private static ExpressionSyntax? Single(ArrowExpressionClauseSyntax? arrow, BlockSyntax? body) =>
        arrow?.Expression ?? (body is { Statements.Count: 1 } && body.Statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null);
}
