using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Every call that chooses a provider on a <c>DbContextOptionsBuilder</c> (<c>UseNpgsql</c>..., as <see cref="KnownProviders"/>
/// knows them), wherever it is. Those in <c>OnConfiguring</c>, in registrations and on builders the code makes for a
/// context (<see cref="BuiltOptionsParser"/>) are attributed there; the report names the others when a context's provider
/// is unknown (a <c>UseNpgsql</c> on a parameter no call in the project fills), rather than saying that no provider is
/// chosen in the project.
/// </summary>
internal static class ProviderCallParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax invocation && OptionsBuilderParser.MethodName(invocation) is { } name && KnownProviders.UseMethods.ContainsKey(name);

    public static ProviderCallSpec? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (OptionsBuilderParser.ResolveMethod(invocation, context.SemanticModel, cancellationToken) is not { } method
            || !KnownProviders.UseMethods.TryGetValue(method.Name, out var provider)
            || !OptionsBuilderParser.IsOptionsBuilder(OptionsBuilderParser.ReceiverType(method)))
        {
            return null;
        }
        return new ProviderCallSpec(provider, method.Name, SourceLocation.From(invocation));
    }
}
