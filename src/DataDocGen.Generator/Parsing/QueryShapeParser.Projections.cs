using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// An <c>Include</c> that EF Core ignores because the query's result does not hold the included entities: EF Core applies
/// an include only where the entity the query began with (or an entity reached through the included navigations) is in
/// the final result; a query that no longer returns those entities ignores the include ("Ignored includes" in EF Core's
/// documentation; EF Core's own tests, <c>NorthwindIncludeQueryTestBase</c>, keep it through a join or a grouping whose
/// result holds the entity, <c>Join(..., (o, od) =&gt; o)</c>, <c>GroupBy(...).Select(g =&gt; g.First())</c>, and drop it
/// after a projection or an aggregate). Read on the same fluent chain (or the query expression whose <c>from</c> or
/// <c>join</c> clause the chain is) only: a later <c>Select</c>/<c>SelectMany</c> whose lambdas use their parameters only
/// through mapped members down to values that cannot hold those entities, AutoMapper's <c>ProjectTo&lt;T&gt;</c>
/// (<c>AutoMapper.QueryableExtensions.Extensions</c> or <c>AutoMapper.IMapper</c>) to a type that cannot hold them, a
/// <c>Join</c>/<c>GroupJoin</c> or <c>GroupBy</c> result selector that drops them, a grouping whose key and elements cannot
/// hold them, a query-syntax <c>select</c> that drops them, an aggregate (<c>Count</c>, <c>Any</c>, <c>Sum</c>, ...)
/// whose value cannot hold them, or a <c>Cast&lt;T&gt;</c> to a type unrelated to the element type (<see cref="CastsAway"/>). Anything else (another operator, a selector that is no lambda, an entity passed whole to
/// a method or kept in the result, a member EF Core may not map) leaves the include as eager loading.
/// </summary>
internal static partial class QueryShapeParser
{
    /// <summary>The kind of an <c>Include</c> that EF Core ignores, with why: "Eager loading (ignored: the query projects)",
    /// "... counts)", "... returns true or false)", "... aggregates)", "... groups)", "... joins into another shape)",
    /// "... casts to an unrelated type)".</summary>
    private static string IgnoredKind(string reason) => "Eager loading (ignored: the query " + reason + ")";

    private const string Projects = "projects";
    private const string Groups = "groups";
    private const string Joins = "joins into another shape";
    private const string CastsToAnotherType = "casts to an unrelated type";

    /// <summary>Operators between an Include and a projection that keep the query's elements as they are.</summary>
    private static readonly HashSet<string> KeepsElements = new(System.StringComparer.Ordinal)
    {
        "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Skip", "Take", "Distinct",
        "Include", "ThenInclude", "AsNoTracking", "AsNoTrackingWithIdentityResolution", "AsTracking", "AsSplitQuery", "AsSingleQuery",
        "IgnoreQueryFilters", "IgnoreAutoIncludes", "TagWith", "TagWithCallSite",
    };

    /// <summary>Operators that end the query in one value (Queryable's and EF Core's async forms), with what the query then
    /// does: EF Core ignores the include when that value cannot hold the included entities (a count, a flag, a sum).</summary>
    private static readonly Dictionary<string, string> Aggregates = new(System.StringComparer.Ordinal)
    {
        ["Count"] = "counts", ["CountAsync"] = "counts", ["LongCount"] = "counts", ["LongCountAsync"] = "counts",
        ["Any"] = "returns true or false", ["AnyAsync"] = "returns true or false", ["All"] = "returns true or false",
        ["AllAsync"] = "returns true or false", ["Contains"] = "returns true or false", ["ContainsAsync"] = "returns true or false",
        ["Sum"] = "aggregates", ["SumAsync"] = "aggregates", ["Average"] = "aggregates", ["AverageAsync"] = "aggregates",
        ["Min"] = "aggregates", ["MinAsync"] = "aggregates", ["Max"] = "aggregates", ["MaxAsync"] = "aggregates",
    };

    /// <summary>Bounds the walk through a type's members (a DTO holding DTOs, an entity's navigations).</summary>
    private const int MaxTypeDepth = 4;

    /// <summary>Why EF Core ignores the include (the query projects, counts, groups, ...), or null when the Include's own
    /// chain does not show that its result cannot hold the entity the include starts at, nor one of the types along its path.</summary>
    private static string? IgnoredBecause(InvocationExpressionSyntax include, ITypeSymbol? root, SemanticModel model, CancellationToken cancellationToken)
    {
        if (root is null || IncludedTypes(include, root, model, cancellationToken) is not { } included) return null;
        ExpressionSyntax current = included.Last;
        // A grouping on the way: a projection or aggregate after it is said to group.
        var grouped = false;
        for (var hops = 0; hops < 64; hops++)
        {
            if (NextCall(current) is not { } next)
            {
                // from x in db.Set.Include(...) [join ...] select ...: the query expression the chain is a source of.
                if (QueryOfClause(current) is not { } query) return null;
                var (dropped, reason) = QuerySyntaxDrops(query, included.Types, model, cancellationToken);
                if (dropped) return grouped ? Groups : reason;
                grouped |= reason == Groups;
                current = query;
                continue;
            }
            var call = next.Call;
            if (Semantics.Method(call, model, cancellationToken) is not { } method) return null;
            var original = method.ReducedFrom ?? method;
            var mapper = IsAutoMapperProjectTo(original);
            var queryable = original.ContainingType.Is("System.Linq", "Queryable");
            var staticForm = method.IsExtensionMethod && method.ReducedFrom is null;
            if (next.Argument is { } argument)
            {
                // Reached as an argument: the source of a static call of an extension method (Queryable.Select(query, ...)),
                // IMapper.ProjectTo(query), or the inner sequence of a join.
                var index = call.ArgumentList.Arguments.IndexOf(argument);
                var source = index == 0 && (mapper || staticForm);
                var inner = queryable && method.Name is "Join" or "GroupJoin" && index < method.Parameters.Length && method.Parameters[index].Name == "inner";
                if (!source && !inner) return null;
            }
            // The arguments after the source (a static call's first argument is the source).
            var arguments = call.ArgumentList.Arguments.Skip(staticForm ? 1 : 0).Select(a => a.Expression).ToList();
            if (method.Name is "Select" or "SelectMany" && queryable)
            {
                if (arguments.Count == 0 || !arguments.All(s => s is LambdaExpressionSyntax)) return null;
                if (arguments.All(s => DropsIncluded((LambdaExpressionSyntax)s, included.Types, model, cancellationToken))) return grouped ? Groups : Projects;
            }
            else if (mapper)
            {
                if (Semantics.TypeOf(call, model, cancellationToken) is not INamedTypeSymbol { Name: "IQueryable", TypeArguments.Length: 1 } projected) return null;
                if (!Holds(projected.TypeArguments[0], included.Types, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default))) return grouped ? Groups : Projects;
            }
            else if (method.Name is "Join" or "GroupJoin" && queryable)
            {
                // The result selector decides what a join returns: (o, d) => o keeps the include, (o, d) => new { o.Id, d.Name } drops it.
                if (CrudParser.Argument(call, method, "resultSelector") is not LambdaExpressionSyntax selector) return null;
                if (DropsIncluded(selector, included.Types, model, cancellationToken)) return grouped ? Groups : Joins;
            }
            else if (method.Name == "GroupBy" && queryable)
            {
                grouped = true;
                if (CrudParser.Argument(call, method, "resultSelector") is { } selector)
                {
                    if (selector is not LambdaExpressionSyntax lambda) return null;
                    if (DropsIncluded(lambda, included.Types, model, cancellationToken)) return Groups;
                }
                // IQueryable<IGrouping<TKey, TElement>>: a key and elements that cannot hold the entities (GroupBy(l => l.Name, l => l.Id)).
                else if (Semantics.TypeOf(call, model, cancellationToken) is INamedTypeSymbol { Name: "IQueryable", TypeArguments.Length: 1 } groups
                         && !Holds(groups.TypeArguments[0], included.Types, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)))
                {
                    return Groups;
                }
            }
            else if (method.Name == "Cast" && queryable)
            {
                if (CastsAway(current, method, model, cancellationToken)) return grouped ? Groups : CastsToAnotherType;
            }
            else if (Aggregates.TryGetValue(method.Name, out var aggregate)
                     && (queryable || original.ContainingType.Is("Microsoft.EntityFrameworkCore", "EntityFrameworkQueryableExtensions")))
            {
                // The value the query ends in (Task<int> of CountAsync is an int); Max(l => l) would hold the entity.
                var value = Semantics.TypeOf(call, model, cancellationToken);
                if (value is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task && task.IsInNamespace("System.Threading.Tasks")) value = task.TypeArguments[0];
                return value is null || Holds(value, included.Types, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) ? null : grouped ? Groups : aggregate;
            }
            else if (!KeepsElements.Contains(method.Name) || !(queryable || original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")))
            {
                return null;
            }
            current = call;
        }
        return null;
    }

    /// <summary><c>Cast&lt;T&gt;()</c> to a class or struct unrelated to the query's element type (neither is the other
    /// nor derives from it): EF Core keeps an include through a cast to a base type, an implemented interface or
    /// <c>object</c> (a no-op) and to another entity type of the hierarchy, but for any other type the query's element is
    /// no longer an entity and its includes go (<c>NavigationExpandingExpressionVisitor.ProcessCastOfType</c>; reported as
    /// dotnet/efcore#30599, <c>Include(x =&gt; x.Posts).Cast&lt;Forum&gt;()</c> through an explicit conversion operator,
    /// "does not return the posts"). A derived type is left as eager loading (it keeps the include when the model maps
    /// it, which the query does not show), as is an interface or a type not known. <c>OfType</c> is not read here: EF
    /// Core keeps the include for a type of the hierarchy and does not translate the query for any other.</summary>
    private static bool CastsAway(ExpressionSyntax source, IMethodSymbol cast, SemanticModel model, CancellationToken cancellationToken)
    {
        if (cast.TypeArguments.Length != 1 || cast.TypeArguments[0] is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } target
            || target.SpecialType == SpecialType.System_Object) return false;
        if (QueryElement(Semantics.TypeOf(source, model, cancellationToken)) is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } element) return false;
        return !SymbolEqualityComparer.Default.Equals(element, target) && !InheritsFrom(element, target) && !InheritsFrom(target, element);
    }

    /// <summary>T of the <c>IQueryable&lt;T&gt;</c> a type is or implements (<c>IIncludableQueryable&lt;Blog, Post&gt;</c> is
    /// an <c>IQueryable&lt;Blog&gt;</c>).</summary>
    private static ITypeSymbol? QueryElement(ITypeSymbol? type)
    {
        static bool IsQueryable(INamedTypeSymbol t) => t is { Name: "IQueryable", TypeArguments.Length: 1 } && t.IsInNamespace("System.Linq");
        if (type is INamedTypeSymbol named && IsQueryable(named)) return named.TypeArguments[0];
        return type?.AllInterfaces.FirstOrDefault(IsQueryable)?.TypeArguments[0];
    }

    /// <summary>AutoMapper's <c>ProjectTo</c>: the <c>IQueryable</c> extension or the mapper's method.</summary>
    private static bool IsAutoMapperProjectTo(IMethodSymbol method) =>
        method.Name == "ProjectTo"
        && (method.ContainingType.Is("AutoMapper.QueryableExtensions", "Extensions") || method.ContainingType.Is("AutoMapper", "IMapper") || method.ContainingType.Is("AutoMapper", "Mapper"));

    /// <summary>The call the expression is the receiver of (<c>x.Next(...)</c>), or an argument of (<c>Next(x, ...)</c>,
    /// <c>y.Join(x, ...)</c>) with that argument.</summary>
    private static (InvocationExpressionSyntax Call, ArgumentSyntax? Argument)? NextCall(ExpressionSyntax expression)
    {
        var node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized) node = parenthesized;
        if (node.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access && access.Expression == node && call.Expression == access) return (call, null);
        if (node.Parent is ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: 0, Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax owner } } argument) return (owner, argument);
        return null;
    }

    /// <summary>The entity an include starts at and the types along its path (a collection's element type), with the
    /// last <c>ThenInclude</c> of the path; null when a type is not known (a string path that names no property).</summary>
    private static (List<ITypeSymbol> Types, InvocationExpressionSyntax Last)? IncludedTypes(InvocationExpressionSyntax include, ITypeSymbol root, SemanticModel model, CancellationToken cancellationToken)
    {
        var types = new List<ITypeSymbol> { root };
        var argument = include.ArgumentList.Arguments.FirstOrDefault()?.Expression;
        if (argument is LambdaExpressionSyntax)
        {
            var call = include;
            while (true)
            {
                // IIncludableQueryable<TEntity, TProperty>: TProperty is the navigation's type.
                if (Semantics.TypeOf(call, model, cancellationToken) is not INamedTypeSymbol { Name: "IIncludableQueryable", TypeArguments.Length: 2 } includable) return null;
                types.Add(ElementOrSelf(includable.TypeArguments[1]));
                if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ThenInclude", Parent: InvocationExpressionSyntax then } access && access.Expression == call) call = then;
                else return (types, call);
            }
        }
        if (argument is null || model.ConstantString(argument, cancellationToken) is not { } path) return null;
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (FindProperty(current, name.Trim()) is not { } property) return null;
            current = ElementOrSelf(property.Type);
            types.Add(current);
        }
        return (types, include);
    }

    private static IPropertySymbol? FindProperty(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is { } property) return property;
        }
        return null;
    }

    /// <summary>The element type of a collection (not of a string), else the type itself.</summary>
    private static ITypeSymbol ElementOrSelf(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String) return type;
        if (type is IArrayTypeSymbol array) return array.ElementType;
        static bool IsEnumerable(INamedTypeSymbol t) => t is { Name: "IEnumerable", TypeArguments.Length: 1 } && t.IsInNamespace("System.Collections.Generic");
        if (type is INamedTypeSymbol named && IsEnumerable(named)) return named.TypeArguments[0];
        return type.AllInterfaces.FirstOrDefault(IsEnumerable)?.TypeArguments[0] ?? type;
    }

    /// <summary>True when the projection lambda's result cannot hold an included entity: each use of a parameter (its
    /// own or a nested lambda's) is read through members down to a value whose type cannot hold one. An entity left
    /// whole (returned, put in an anonymous type or a DTO, passed to a method) keeps the include.</summary>
    private static bool DropsIncluded(LambdaExpressionSyntax lambda, List<ITypeSymbol> included, SemanticModel model, CancellationToken cancellationToken) =>
        lambda.Body is ExpressionSyntax body && DropsIncluded(body, lambda.DescendantNodesAndSelf().OfType<LambdaExpressionSyntax>().SelectMany(ParameterNames), included, model, cancellationToken);

    /// <summary>True when every use in <paramref name="result"/> of one of the names (lambda parameters, range variables,
    /// and those of the lambdas and query expressions inside it) is read down to a value that cannot hold an included entity.</summary>
    private static bool DropsIncluded(ExpressionSyntax result, IEnumerable<string> names, List<ITypeSymbol> included, SemanticModel model, CancellationToken cancellationToken)
    {
        var parameters = new HashSet<string>(names, System.StringComparer.Ordinal);
        parameters.UnionWith(result.DescendantNodesAndSelf().OfType<LambdaExpressionSyntax>().SelectMany(ParameterNames));
        parameters.UnionWith(result.DescendantNodesAndSelf().OfType<QueryExpressionSyntax>().SelectMany(RangeVariables));
        foreach (var identifier in result.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (!parameters.Contains(identifier.Identifier.ValueText) || !IsValueName(identifier)) continue;
            if (!ReadDownToNoEntity(identifier, included, model, cancellationToken)) return false;
        }
        return true;
    }

    /// <summary>The query expression whose <c>from</c> or <c>join</c> clause has the expression as its source.</summary>
    private static QueryExpressionSyntax? QueryOfClause(ExpressionSyntax expression)
    {
        var node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized) node = parenthesized;
        return node.Parent switch
        {
            FromClauseSyntax from when from.Expression == node => from.FirstAncestorOrSelf<QueryExpressionSyntax>(),
            JoinClauseSyntax join when join.InExpression == node => join.FirstAncestorOrSelf<QueryExpressionSyntax>(),
            _ => null,
        };
    }

    /// <summary>Whether a query expression's result (its last <c>select</c>, after any <c>into</c> continuations, or a
    /// final <c>group</c>) cannot hold an included entity, and why it would be ignored: it groups, joins, or projects.</summary>
    private static (bool Dropped, string Reason) QuerySyntaxDrops(QueryExpressionSyntax query, List<ITypeSymbol> included, SemanticModel model, CancellationToken cancellationToken)
    {
        var grouped = false;
        var body = query.Body;
        for (var hops = 0; hops < 16; hops++)
        {
            grouped |= body.SelectOrGroup is GroupClauseSyntax;
            if (body.Continuation is not { } continuation) break;
            body = continuation.Body;
        }
        var reason = grouped ? Groups : query.DescendantNodes().OfType<JoinClauseSyntax>().Any(j => j.FirstAncestorOrSelf<QueryExpressionSyntax>() == query) ? Joins : Projects;
        if (body.SelectOrGroup is SelectClauseSyntax select)
        {
            return (DropsIncluded(select.Expression, RangeVariables(query), included, model, cancellationToken), reason);
        }
        // A final group clause: its groupings (IQueryable<IGrouping<TKey, TElement>>) hold the entities unless neither key nor element can.
        var dropped = Semantics.TypeOf(query, model, cancellationToken) is INamedTypeSymbol { TypeArguments.Length: 1 } groups && groups.Name is "IQueryable" or "IOrderedQueryable"
                      && !Holds(groups.TypeArguments[0], included, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
        return (dropped, Groups);
    }

    /// <summary>The range variables a query expression declares: <c>from</c>, <c>join</c> (and <c>join ... into</c>),
    /// <c>let</c> and <c>into</c> continuations, nested queries' too.</summary>
    private static IEnumerable<string> RangeVariables(QueryExpressionSyntax query) =>
        query.DescendantNodesAndSelf().Select(n => n switch
        {
            FromClauseSyntax from => from.Identifier.ValueText,
            JoinClauseSyntax join => join.Identifier.ValueText,
            JoinIntoClauseSyntax into => into.Identifier.ValueText,
            LetClauseSyntax let => let.Identifier.ValueText,
            QueryContinuationSyntax continuation => continuation.Identifier.ValueText,
            _ => null,
        }).Where(n => n is not null)!;

    private static IEnumerable<string> ParameterNames(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter.Identifier.ValueText },
        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.Select(p => p.Identifier.ValueText),
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>A name standing for a value: not a member's name after a dot, in an anonymous type's <c>Name =</c>
    /// or an object initializer's <c>Member =</c>, nor a named argument.</summary>
    private static bool IsValueName(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == identifier => false,
        NameEqualsSyntax or NameColonSyntax or MemberBindingExpressionSyntax => false,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment when assignment.Left == identifier => false,
        _ => !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsInNamespaceOrTypeContext(identifier),
    };

    /// <summary>Follows a parameter through the members read on it (<c>b.Owner.Name</c>, <c>b.Lines.Count()</c>) while the
    /// value can hold an included entity; true when it ends in a value that cannot, false when such a value is used
    /// otherwise (returned, stored, passed on) or read through a member EF Core may not map (a computed property, a
    /// method of the entity: EF Core then materialises the entity, with its includes).</summary>
    private static bool ReadDownToNoEntity(ExpressionSyntax start, List<ITypeSymbol> included, SemanticModel model, CancellationToken cancellationToken)
    {
        var node = start;
        for (var hops = 0; hops < 32; hops++)
        {
            if (Semantics.TypeOf(node, model, cancellationToken) is not { } type) return false;
            if (!Holds(type, included, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default))) return true;
            var outer = node;
            while (outer.Parent is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }) outer = (ExpressionSyntax)outer.Parent;
            if (outer.Parent is not MemberAccessExpressionSyntax access || access.Expression != outer) return false;
            if (access.Parent is InvocationExpressionSyntax call && call.Expression == access)
            {
                if (Semantics.Method(call, model, cancellationToken) is not { } method || !(method.ReducedFrom ?? method).ContainingType.HasRootNamespace("System")) return false;
                node = call;
            }
            else
            {
                if (!MappedOrPlain(Semantics.SymbolOf(access, model, cancellationToken))) return false;
                node = access;
            }
        }
        return false;
    }

    /// <summary>A member read in the database or on a plain value: an anonymous type's property, a framework type's
    /// member (a collection's Count, a tuple's item), or a property EF Core maps by convention (one with a setter and no
    /// <c>[NotMapped]</c>). A computed property or a field is not: reading it materialises the entity.</summary>
    private static bool MappedOrPlain(ISymbol? member)
    {
        if (member is not (IPropertySymbol or IFieldSymbol) || member.IsStatic || member.ContainingType is not { } owner) return false;
        if (owner.IsAnonymousType || owner.IsTupleType || owner.HasRootNamespace("System")) return true;
        return member is IPropertySymbol { SetMethod: not null } property
               && !property.GetAttributes().Any(a => a.AttributeClass.Is("System.ComponentModel.DataAnnotations.Schema", "NotMappedAttribute"));
    }

    /// <summary>True when a value of the type can hold one of the included types (itself, a base or derived type, an
    /// interface one implements) through its members, elements or type arguments; also when the type does not say
    /// (object, dynamic, a type parameter, a non-generic collection) or is too deep to follow.</summary>
    private static bool Holds(ITypeSymbol type, List<ITypeSymbol> included, int depth, HashSet<ITypeSymbol> visited)
    {
        if (depth > MaxTypeDepth) return true;
        if (type is ITypeParameterSymbol or IErrorTypeSymbol || type.TypeKind is TypeKind.Dynamic or TypeKind.Error || type.SpecialType == SpecialType.System_Object) return true;
        if (included.Any(t => Related(type, t))) return true;
        if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum) return false;
        if (type is IArrayTypeSymbol array) return Holds(array.ElementType, included, depth + 1, visited);
        if (type is not INamedTypeSymbol named) return true;
        if (!visited.Add(named)) return false;
        if (named.IsTupleType) return named.TupleElements.Any(e => Holds(e.Type, included, depth + 1, visited));
        if (named.HasRootNamespace("System") && !named.IsAnonymousType)
        {
            // Framework types: a generic one by its type arguments (List<T>, IGrouping<K, T>, Nullable<T>); a
            // non-generic collection (ArrayList, IEnumerable) holds objects.
            if (named.IsGenericType) return named.TypeArguments.Any(t => Holds(t, included, depth + 1, visited));
            return named.IsInNamespace("System.Collections") || named.AllInterfaces.Any(i => i.Is("System.Collections", "IEnumerable"));
        }
        // A class or struct by its fields and properties, its base types' too; an interface by its own and those it extends.
        var owners = new List<INamedTypeSymbol>();
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType) owners.Add(current);
        if (named.TypeKind == TypeKind.Interface) owners.AddRange(named.AllInterfaces);
        foreach (var owner in owners)
        {
            foreach (var member in owner.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsStatic: false } property => property.Type,
                    IFieldSymbol { IsStatic: false } field => field.Type,
                    _ => null,
                };
                if (memberType is not null && Holds(memberType, included, depth + 1, visited)) return true;
            }
        }
        return false;
    }

    /// <summary>The same type, one deriving from the other, or an interface the included type implements.</summary>
    private static bool Related(ITypeSymbol type, ITypeSymbol included)
    {
        if (SymbolEqualityComparer.Default.Equals(type, included)) return true;
        if (type.TypeKind == TypeKind.Interface) return included.AllInterfaces.Contains((INamedTypeSymbol)type, SymbolEqualityComparer.Default);
        return InheritsFrom(type, included) || InheritsFrom(included, type);
    }

    private static bool InheritsFrom(ITypeSymbol type, ITypeSymbol ancestor)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ancestor)) return true;
        }
        return false;
    }

    /// <summary><c>Select(l =&gt; l)</c>: projects nothing.</summary>
    private static bool IsIdentitySelect(InvocationExpressionSyntax select)
    {
        if (select.ArgumentList.Arguments.Count != 1 || select.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax { Body: ExpressionSyntax body } lambda
            || ParameterNames(lambda).ToList() is not { Count: 1 } names) return false;
        while (body is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            body = body is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PostfixUnaryExpressionSyntax)body).Operand;
        }
        return body is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == names[0];
    }
}
