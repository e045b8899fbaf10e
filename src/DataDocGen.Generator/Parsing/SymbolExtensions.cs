using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>Symbol checks by namespace and name: cheaper than formatting display strings, and independent of
/// which EF Core version the consumer references (the metadata names have not moved from EF Core 6 to 10).</summary>
internal static class SymbolExtensions
{
    /// <summary>A member as the report names it, <c>Type.Member</c>; an explicit interface implementation as written,
    /// <c>Type.IDeleter.DeleteAppAsync</c>, not with the interface's namespace its metadata name carries.</summary>
    public static string TypeAndMemberName(this ISymbol member) =>
        (member.ContainingType is { } type ? type.Name + "." : "") + SourceName(member);

    private static string SourceName(ISymbol member)
    {
        var implemented = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.FirstOrDefault()?.ContainingType,
            IPropertySymbol property => property.ExplicitInterfaceImplementations.FirstOrDefault()?.ContainingType,
            IEventSymbol @event => @event.ExplicitInterfaceImplementations.FirstOrDefault()?.ContainingType,
            _ => null,
        };
        if (implemented is null) return member.Name;
        var dot = member.Name.LastIndexOf('.');
        return implemented.Name + "." + (dot < 0 ? member.Name : member.Name.Substring(dot + 1));
    }

    public static bool IsInNamespace(this ISymbol symbol, string ns)
    {
        // Walks the namespace chain from the innermost part, matching ns from its end: no string is built.
        var end = ns.Length;
        for (var current = symbol.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(ns, start, name, 0, name.Length) != 0) return false;
            if (start == 0) return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            if (ns[start - 1] != '.') return false;
            end = start - 1;
        }
        return false;
    }

    /// <summary>True when the outermost namespace of the symbol is <paramref name="ns"/> (a single name, e.g. System).</summary>
    public static bool HasRootNamespace(this ISymbol symbol, string ns)
    {
        for (var current = symbol.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: true } && current.Name == ns) return true;
        }
        return false;
    }

    /// <summary>True when the symbol's namespace is <paramref name="ns"/> or nested in it.</summary>
    public static bool IsInNamespaceOrBelow(this ISymbol symbol, string ns)
    {
        var name = symbol.ContainingNamespace?.ToDisplayString();
        return name is not null && (name == ns || (name.Length > ns.Length && name[ns.Length] == '.' && name.StartsWith(ns, System.StringComparison.Ordinal)));
    }

    public static bool Is(this ITypeSymbol? type, string ns, string metadataName) =>
        type is not null && type.MetadataName == metadataName && type.IsInNamespace(ns);

    /// <summary>True when the type derives (directly or not) from the given class.</summary>
    public static bool DerivesFrom(this ITypeSymbol type, string ns, string metadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Is(ns, metadataName)) return true;
        }
        return false;
    }

    /// <summary>The entity type T of an EF Core <c>DbSet&lt;T&gt;</c>, or null for any other type.</summary>
    public static ITypeSymbol? DbSetEntity(this ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "DbSet", TypeArguments.Length: 1 } set && set.IsInNamespace("Microsoft.EntityFrameworkCore") ? set.TypeArguments[0] : null;

    public static bool DerivesFromOrIs(this ITypeSymbol type, string ns, string metadataName) => type.Is(ns, metadataName) || type.DerivesFrom(ns, metadataName);

    /// <summary>
    /// A context's save: <c>SaveChanges</c>/<c>SaveChangesAsync</c> (any overload), an instance method of EF Core's
    /// <c>DbContext</c> or of a class deriving from it: DbContext's own, the project context's override of it (Kavita's
    /// <c>DataContext</c> overrides <c>SaveChangesAsync</c>, and its seeder's saves were not counted as writes), or an
    /// overload the context adds. A call of an override counts whatever its body does (one that does not call base is
    /// still the context's save to its callers; what it does is read as a save hook). A method of that name on a class
    /// that is no DbContext, or an extension method, is not.
    /// </summary>
    public static bool IsContextSave(this IMethodSymbol? method) =>
        method is { Name: "SaveChanges" or "SaveChangesAsync", IsStatic: false, MethodKind: MethodKind.Ordinary, ContainingType: { } owner }
        && owner.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext");

    /// <summary>An ADO.NET connection: <c>DbConnection</c> or a subclass, <c>IDbConnection</c> or an implementation.</summary>
    public static bool IsAdoConnection(this ITypeSymbol type) =>
        type.DerivesFromOrIs("System.Data.Common", "DbConnection") || type.Is("System.Data", "IDbConnection") || type.AllInterfaces.Any(i => i.Is("System.Data", "IDbConnection"));

    /// <summary>An entity's name as the report writes it: its CLR full name, or for a type parameter (a generic repository's
    /// <c>T</c>) <c>T of Repository&lt;T&gt;</c>, not its metadata name.</summary>
    public static string EntityName(this ITypeSymbol type) => type is ITypeParameterSymbol parameter
        ? parameter.Name + " of " + (parameter.DeclaringType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? parameter.DeclaringMethod?.Name ?? "?")
        : type.ClrFullName();

    /// <summary>The CLR full name: <c>Ns.Outer+Inner</c> (<c>Type.FullName</c> style); a constructed generic type with its
    /// arguments as <c>Type.ToString()</c> writes them, which is EF Core's name for such an entity type
    /// (<c>Microsoft.AspNetCore.Identity.IdentityUserClaim`1[System.String]</c>). Open generics keep the bare <c>`1</c> form.</summary>
    public static string ClrFullName(this ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array) return array.ElementType.ClrFullName() + "[]";
        // A type parameter is its name: its declaring type's path (MongoRepositoryBase`1+T) names no type.
        if (type is ITypeParameterSymbol) return type.Name;
        var builder = new StringBuilder();
        AppendContaining(builder, type);
        if (type is INamedTypeSymbol { IsGenericType: true, IsUnboundGenericType: false, ContainingType: null } generic
            && generic.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && generic.TypeArguments.All(t => t.TypeKind is not (TypeKind.TypeParameter or TypeKind.Error)))
        {
            builder.Append('[').Append(string.Join(",", generic.TypeArguments.Select(t => t.ClrFullName()))).Append(']');
        }
        return builder.ToString();
    }

    /// <summary>A type as C# code writes it, with its type arguments: <c>Fault&lt;Charge&gt;</c> (<paramref name="qualified"/>
    /// false: the type's own name, as <c>ITypeSymbol.Name</c>) or <c>MassTransit.Fault&lt;Shop.Charge&gt;</c> (true: each part by
    /// its CLR full name, <c>Ns.Outer+Inner</c>, as <see cref="ClrFullName"/> writes a non-generic type), not reflection's
    /// <c>Fault`1[Shop.Charge]</c> nor the bare <c>Fault</c>, which can name another type (MassTransit has a non-generic
    /// <c>Fault</c> too). A type parameter is its name.</summary>
    public static string CSharpName(this ITypeSymbol type, bool qualified)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.ElementType.CSharpName(qualified) + "[" + new string(',', array.Rank - 1) + "]";
            case INamedTypeSymbol { IsGenericType: true } nullable when nullable.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                return nullable.TypeArguments[0].CSharpName(qualified) + "?";
            case INamedTypeSymbol named:
                var builder = new StringBuilder();
                if (qualified && named.ContainingType is { } outer) builder.Append(outer.CSharpName(true)).Append('+');
                else if (qualified && named.ContainingNamespace is { IsGlobalNamespace: false } ns) builder.Append(ns.ToDisplayString()).Append('.');
                builder.Append(named.Name);
                if (named.TypeArguments.Length > 0 && !named.IsUnboundGenericType)
                {
                    builder.Append('<').Append(string.Join(", ", named.TypeArguments.Select(a => a.CSharpName(qualified)))).Append('>');
                }
                return builder.ToString();
            default:
                return type.Name;
        }
    }

    private static void AppendContaining(StringBuilder builder, ITypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            AppendContaining(builder, outer);
            builder.Append('+');
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Append(ns.ToDisplayString()).Append('.');
        }
        builder.Append(type.MetadataName);
    }
}
