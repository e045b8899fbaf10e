using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Where a tenant comes from (section 4.2): in a class named after a tenant (<c>HeaderTenantContext</c>,
/// <c>TenantProvider</c>) or implementing an interface so named, the parts of the request it reads, each confirmed by
/// ASP.NET Core's types: a request header (<c>Request.Headers["X-Tenant"]</c>, <c>TryGetValue</c>), a claim
/// (<c>User.FindFirst("tenant_id")</c>, <c>FindFirstValue</c>), a route value, a query-string value, the host name. The
/// class's role is told by its name only (labelled heuristic); what it reads is not.
/// </summary>
internal static class TenantSourceReader
{
    private const string Http = "Microsoft.AspNetCore.Http";

    /// <summary>Syntax only: a class whose name, or a base-list entry's, says tenant.</summary>
    public static bool IsCandidate(ClassDeclarationSyntax declaration) =>
        declaration.Identifier.ValueText.Contains("Tenant")
        || declaration.BaseList?.Types.Any(t => SyntaxFacts.RightmostName(t.Type).Contains("Tenant")) == true;

    public static TenancySpec? Read(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        var sources = new List<string>();
        SourceLocation? first = null;
        foreach (var node in declaration.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = node switch
            {
                ElementAccessExpressionSyntax access => Indexed(access, model, cancellationToken),
                InvocationExpressionSyntax call => Called(call, model, cancellationToken),
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Host" } host
                    when Semantics.SymbolOf(host, model, cancellationToken) is IPropertySymbol { ContainingType: var owner } && owner.Is(Http, "HttpRequest") => "the request's host name",
                _ => null,
            };
            if (source is null || sources.Contains(source)) continue;
            sources.Add(source);
            first ??= SourceLocation.From(node);
        }
        if (sources.Count == 0) return null;
        return new TenancySpec(TenancyKind.TenantSource, null, string.Join("; ", sources), type.ClrFullName(), EquatableArray<string>.Empty, type.Name, first);
    }

    /// <summary><c>Request.Headers["X"]</c>, <c>Request.Query["x"]</c>, <c>Request.RouteValues["x"]</c> with a constant key.</summary>
    private static string? Indexed(ElementAccessExpressionSyntax access, SemanticModel model, CancellationToken cancellationToken)
    {
        if (access.ArgumentList.Arguments.Count != 1 || model.ConstantString(access.ArgumentList.Arguments[0].Expression, cancellationToken) is not { } key) return null;
        var indexed = Semantics.TypeOf(access.Expression, model, cancellationToken);
        if (indexed.Is(Http, "IHeaderDictionary")) return "request header " + CodeSpan.Of(key);
        if (indexed.Is(Http, "IQueryCollection")) return "query-string value " + CodeSpan.Of(key);
        if (indexed.Is("Microsoft.AspNetCore.Routing", "RouteValueDictionary")) return "route value " + CodeSpan.Of(key);
        return null;
    }

    /// <summary><c>Headers.TryGetValue("X", out ...)</c>; <c>User.FindFirst("tenant")</c>, <c>FindFirstValue</c>, <c>HasClaim</c>.</summary>
    private static string? Called(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" or "FindFirst" or "FindFirstValue" or "FindAll" or "HasClaim" } access
            || call.ArgumentList.Arguments.Count == 0
            || model.ConstantString(call.ArgumentList.Arguments[0].Expression, cancellationToken) is not { } key
            || Semantics.Method(call, model, cancellationToken) is not { } method) return null;
        var receiver = OptionsBuilderParser.ReceiverType(method);
        if (access.Name.Identifier.ValueText == "TryGetValue")
        {
            return Semantics.TypeOf(access.Expression, model, cancellationToken).Is(Http, "IHeaderDictionary") ? "request header " + CodeSpan.Of(key) : null;
        }
        return receiver.Is("System.Security.Claims", "ClaimsPrincipal") || receiver.Is("System.Security.Claims", "ClaimsIdentity")
               || (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("System.Security.Claims")
            ? "claim " + CodeSpan.Of(key) : null;
    }
}
