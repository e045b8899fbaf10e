using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Whether <c>e.Name</c> on a lambda's parameter can be a DbSet or a linq2db table, told from the declarations before
/// the lambda's parameter type is inferred (issue 7). Inferring it means resolving the call the lambda is passed to,
/// extension methods included: the most expensive question a repository's body asks, and in <c>e =&gt; e.Amount &gt; 0</c>
/// the answer is "no" because every member named <c>Amount</c> in the project is an <c>int</c>.
/// </summary>
/// <remarks>
/// Only names the project declares decide: a name no source member has (a referenced context's <c>Users</c>) is still
/// resolved. The residue, a lambda's parameter of a referenced type whose set shares its name with a non-set member of
/// the project, goes unreported (less, never untrue). The answer depends on declarations only, which
/// <see cref="Helpers.TransformCache"/>'s shape covers; it is kept per compilation and name.
/// </remarks>
internal static class SetMemberNames
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, bool>> ByCompilation = new();

    /// <summary>False when <paramref name="access"/> reads a member of an enclosing lambda's parameter and the project
    /// declares members of that name, none of them a set; true otherwise (ask the binder).</summary>
    public static bool MayBeSet(MemberAccessExpressionSyntax access, Compilation compilation, CancellationToken cancellationToken)
    {
        if (access.Expression is not IdentifierNameSyntax receiver || !IsLambdaParameter(receiver)) return true;
        var name = access.Name.Identifier.ValueText;
        var known = ByCompilation.GetValue(compilation, _ => new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal));
        if (known.TryGetValue(name, out var mayBeSet)) return mayBeSet;
        var members = compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken).ToList();
        mayBeSet = members.Count == 0 || members.Any(m => m switch
        {
            IPropertySymbol property => IsSet(property.Type),
            IFieldSymbol field => IsSet(field.Type),
            _ => false,
        });
        return known.GetOrAdd(name, mayBeSet);
    }

    private static bool IsSet(ITypeSymbol type) => (type.DbSetEntity() ?? CrudParser.Linq2DbTableEntity(type)) is not null;

    /// <summary>The identifier names a parameter of a lambda or anonymous method around it (read from syntax).</summary>
    private static bool IsLambdaParameter(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var node = identifier.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            var parameters = node switch
            {
                SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter },
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.ToArray(),
                AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters.ToArray(),
                LocalFunctionStatementSyntax => null,
                _ => System.Array.Empty<ParameterSyntax>(),
            };
            if (parameters is null) return false;
            if (parameters.Any(p => p.Identifier.ValueText == name)) return true;
        }
        return false;
    }
}
