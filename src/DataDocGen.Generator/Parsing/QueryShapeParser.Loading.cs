using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Query optimisation beyond Include and tracking: projections (<c>Select</c> on a query over a DbSet), pagination
/// (<c>Skip</c>+<c>Take</c> is offset paging; <c>Take</c> after <c>OrderBy</c> and a <c>Where</c> comparing with <c>&gt;</c>
/// or <c>&lt;</c> is keyset paging, labelled a heuristic), explicit loading (<c>Entry(x).Collection/Reference(...).Load</c>,
/// an N+1 risk inside a loop), and lazy loading (<c>UseLazyLoadingProxies</c>, an <c>ILazyLoader</c> constructor parameter).
/// </summary>
internal static partial class QueryShapeParser
{
    /// <summary>The kind of a navigation read on a loop variable: an N+1 risk when the navigation loads lazily. The
    /// builder keeps it only when lazy loading is configured and the type is an entity of a context.</summary>
    public const string LazyLoopKind = "Lazy-loaded navigation inside a loop (N+1 risk)";

    /// <summary><c>foreach (var o in orders) ... o.Lines ...</c>: a member read on the loop variable.</summary>
    private static bool IsLoopVariableMember(MemberAccessExpressionSyntax access) =>
        access.Expression is IdentifierNameSyntax { Identifier.ValueText: var name }
        && EnclosingLoop(access) is ForEachStatementSyntax { Identifier.ValueText: var variable } && variable == name;

    /// <summary>A virtual navigation (an entity-like class, or a collection of one) read on a foreach variable.</summary>
    private static QueryShapeResult? LazyNavigation(MemberAccessExpressionSyntax access, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOf(access, model, cancellationToken) is not IPropertySymbol property || !(property.IsVirtual || property.IsOverride)) return null;
        var target = property.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } collection && collection.AllInterfaces.Concat(new[] { collection }).Any(i => i.Name is "IEnumerable" && i.IsInNamespaceOrBelow("System.Collections"))
            ? collection.TypeArguments[0] : property.Type;
        if (target.TypeKind != TypeKind.Class || target.SpecialType == SpecialType.System_String || target.IsInNamespaceOrBelow("System")) return null;
        var loop = EnclosingLoop(access)!;
        var line = (loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Result(LazyLoopKind, property.ContainingType.ClrFullName(), access.ToString() + " in the loop at line " + line,
            CodeText.MemberName(access, model, cancellationToken), SourceLocation.From(access.Name));
    }

    private static bool IsLoadingCandidate(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access) => access.Name.Identifier.ValueText switch
    {
        "Select" or "Take" or "UseLazyLoadingProxies" or "ProjectTo" => true,
        "Load" or "LoadAsync" or "Query" => access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Collection" or "Reference" } },
        _ => false,
    };

    private static QueryShapeResult? Loading(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var original = method.ReducedFrom ?? method;
        var owner = original.ContainingType;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        switch (method.Name)
        {
            case "UseLazyLoadingProxies" when owner.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"):
                return Result("Lazy loading (proxies)", null, "UseLazyLoadingProxies()", member, location);
            case "Select" when owner.Is("System.Linq", "Queryable") && IsIdentitySelect(invocation):
                return null; // Select(l => l) projects nothing
            case "Select" when owner.Is("System.Linq", "Queryable") && StartsAtDbSet(invocation, model, cancellationToken) is { } source:
                var exact = Semantics.ExactMethod(invocation, model, cancellationToken);
                var projected = exact?.TypeArguments.Length == 2 ? exact.TypeArguments[1] : null;
                var shape = projected is null ? null : projected.IsAnonymousType
                    ? "anonymous type { " + string.Join(", ", projected.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name)) + " }"
                    : projected.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                return Result("Projection", source, shape, member, location);
            case "ProjectTo" when IsAutoMapperProjectTo(original):
                // AutoMapper's projection: query.ProjectTo<T>(config), Extensions.ProjectTo<T>(query, config) or mapper.ProjectTo<T>(query).
                var mapped = method.ReducedFrom is null ? invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression : ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
                if (mapped is null || StartsAtDbSet(mapped, model, cancellationToken) is not { } mappedFrom) return null;
                var target = Semantics.TypeOf(invocation, model, cancellationToken) is INamedTypeSymbol { Name: "IQueryable", TypeArguments.Length: 1 } queryable
                    ? queryable.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : null;
                return Result("Projection", mappedFrom, target, member, location);
            case "Take" when owner.Is("System.Linq", "Queryable") && StartsAtDbSet(invocation, model, cancellationToken) is { } paged:
                var chain = Chain(invocation);
                if (chain.Any(n => n == "Skip")) return Result("Pagination (offset: Skip/Take)", paged, null, member, location);
                if (chain.Any(n => n.StartsWith("OrderBy", System.StringComparison.Ordinal)) && HasRangeWhere(invocation))
                {
                    return Result("Pagination (keyset, heuristic: a range condition before OrderBy and Take)", paged, null, member, location);
                }
                return null;
            case "Load" or "LoadAsync" or "Query" when owner.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore.ChangeTracking"):
                var navigation = ((MemberAccessExpressionSyntax)invocation.Expression).Expression is InvocationExpressionSyntax entry ? Navigation(entry, model, cancellationToken) : null;
                // CollectionEntry<Order, Line> / ReferenceEntry<Order, Customer>: the first type argument is the entity loaded into.
                var entryType = Semantics.TypeOf(((MemberAccessExpressionSyntax)invocation.Expression).Expression, model, cancellationToken) as INamedTypeSymbol;
                var entity = entryType is { TypeArguments.Length: > 0 } ? entryType.TypeArguments[0].ClrFullName() : null;
                if (method.Name != "Query" && EnclosingLoop(invocation) is { } loop)
                {
                    var line = (loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Result(LoopQueryKind, entity, "explicit loading of " + (navigation ?? "a navigation") + " in the loop at line " + line, member, location);
                }
                return Result(method.Name == "Query" ? "Explicit loading (filtered query)" : "Explicit loading", entity, navigation, member, location);
            default:
                return null;
        }
    }

    private static QueryShapeResult Result(string kind, string? entity, string? detail, string member, SourceLocation? location) =>
        new(new QueryShapeSpec(kind, entity, detail, member, location), null);

    /// <summary>The entity of the DbSet the query chain starts at, or null when it starts elsewhere (an in-memory list).</summary>
    private static string? StartsAtDbSet(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        StartsAtDbSet(((MemberAccessExpressionSyntax)invocation.Expression).Expression, model, cancellationToken);

    /// <summary>The entity of the DbSet the query chain ending in <paramref name="query"/> starts at.</summary>
    private static string? StartsAtDbSet(ExpressionSyntax query, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = query; ; current = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)current).Expression).Expression)
        {
            if (Semantics.TypeOf(current, model, cancellationToken).DbSetEntity() is { } entity) return entity.ClrFullName();
            if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }) return null;
        }
    }

    /// <summary>The names of the calls below this one in its chain (inner first).</summary>
    private static System.Collections.Generic.List<string> Chain(InvocationExpressionSyntax invocation)
    {
        var names = new System.Collections.Generic.List<string>();
        ExpressionSyntax current = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            names.Add(access.Name.Identifier.ValueText);
            current = access.Expression;
        }
        return names;
    }

    /// <summary>A <c>Where</c> below in the chain whose lambda compares with &gt;, &gt;=, &lt; or &lt;= (a keyset condition).</summary>
    private static bool HasRangeWhere(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax current = ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            if (access.Name.Identifier.ValueText == "Where" && call.ArgumentList.Arguments.FirstOrDefault()?.Expression is LambdaExpressionSyntax lambda
                && lambda.Body.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>().Any(b => b.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
                    or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression))
            {
                return true;
            }
            current = access.Expression;
        }
        return false;
    }

    /// <summary><c>Collection(o => o.Lines)</c> or <c>Reference("Customer")</c> → the navigation's name.</summary>
    private static string? Navigation(InvocationExpressionSyntax entry, SemanticModel model, CancellationToken cancellationToken)
    {
        var selector = entry.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        return SyntaxFacts.SelectedMember(selector) ?? model.ConstantString(selector, cancellationToken);
    }

    /// <summary>An entity constructor taking EF Core's <c>ILazyLoader</c>: its navigations load on first access.</summary>
    private static QueryShapeResult? LazyLoader(ParameterSyntax parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol
            || !symbol.Type.Is("Microsoft.EntityFrameworkCore.Infrastructure", "ILazyLoader")
            || symbol.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { } type }) return null;
        return Result("Lazy loading (ILazyLoader injected)", type.ClrFullName(), null, type.Name, SourceLocation.From(parameter));
    }
}
