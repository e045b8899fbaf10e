using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Recognises ASP.NET Core Identity's context base classes (by namespace and name, in the referenced assembly) and reads
/// the entity types their generic arguments name. All public forms end in the two most general ones, which name every
/// type: <c>IdentityUserContext&lt;TUser, TKey, TUserClaim, TUserLogin, TUserToken[, TUserPasskey]&gt;</c> and
/// <c>IdentityDbContext&lt;TUser, TRole, TKey, TUserClaim, TUserRole, TUserLogin, TRoleClaim, TUserToken[, TUserPasskey]&gt;</c>.
/// </summary>
internal static class IdentityContextReader
{
    public const string Namespace = "Microsoft.AspNetCore.Identity.EntityFrameworkCore";

    public static bool IsIdentityContext(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "IdentityUserContext" or "IdentityDbContext" } named && named.IsInNamespace(Namespace);

    /// <summary>The Identity base of <paramref name="context"/>, or null when there is none or its shape is not one this reader knows.</summary>
    public static IdentityContextSpec? Read(INamedTypeSymbol context, int chainIndex, int mappingIndex, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? declared = null, userContext = null, dbContext = null;
        INamedTypeSymbol? declaringClass = null;
        for (var type = context; type is not null; type = type.BaseType)
        {
            if (declared is null && IsIdentityContext(type.BaseType))
            {
                declared = type.BaseType;
                declaringClass = type;
            }
            if (!IsIdentityContext(type)) continue;
            // Walking towards DbContext, each form is more general than the last: the base-most one names every type.
            if (type.Name == "IdentityUserContext") userContext = type;
            else dbContext = type;
        }
        if (declared is null || userContext is null) return null;
        if (userContext.TypeArguments.Length is not (5 or 6) || dbContext is { TypeArguments.Length: not (8 or 9) }) return null;

        var user = userContext.TypeArguments;
        var role = dbContext is null ? null : new IdentityRoleTypes(Name(dbContext.TypeArguments[1]), Name(dbContext.TypeArguments[4]), Name(dbContext.TypeArguments[6]));
        return new IdentityContextSpec(
            declared.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            declared.ContainingAssembly?.Identity.Version.ToString() ?? "",
            Name(user[0]), Name(user[1]), Name(user[2]), Name(user[3]), Name(user[4]),
            user.Length == 6 ? Name(user[5]) : null,
            role,
            chainIndex,
            mappingIndex,
            BaseListLocation(declaringClass!, cancellationToken) ?? SourceLocation.From(context));
    }

    private static string Name(ITypeSymbol type) => type.ClrFullName();

    /// <summary>The base-list entry naming the Identity class (a class's base class is always its first entry).</summary>
    private static SourceLocation? BaseListLocation(INamedTypeSymbol declaringClass, CancellationToken cancellationToken)
    {
        foreach (var reference in declaringClass.DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types }) return SourceLocation.From(types[0]);
        }
        return null;
    }

    /// <summary>The single top-level <c>base.OnModelCreating(...)</c> call of an override body (a statement of the block, or
    /// the whole expression body), else null: none, several, or one inside a condition, loop or lambda, where when
    /// Identity's configuration runs is not followed.</summary>
    public static InvocationExpressionSyntax? TopLevelBaseCall(SyntaxNode body, string name)
    {
        var calls = body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax } access && access.Name.Identifier.ValueText == name)
            .ToList();
        if (calls.Count != 1) return null;
        var call = calls[0];
        return (call.Parent is ExpressionStatementSyntax statement && statement.Parent == body) || call.Parent == body || call == body ? call : null;
    }
}
