using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Names minimal-API endpoints as a reader knows them: the verb and the whole route, route-group prefixes
/// included (<c>GET /admin/stats</c> for <c>app.MapGroup("/admin").MapGet("/stats", …)</c>).</summary>
internal static class EndpointNames
{
    private static readonly Dictionary<string, string> MapVerbs = new(System.StringComparer.Ordinal)
    {
        ["MapGet"] = "GET", ["MapPost"] = "POST", ["MapPut"] = "PUT", ["MapDelete"] = "DELETE", ["MapPatch"] = "PATCH",
    };

    /// <summary>Where an endpoint convention applies: <c>GET /products/{id}</c> for a Map call (with the prefixes of the
    /// route groups it is mapped on, when they are constants), <c>/products (route group)</c>, or the code of another Map
    /// call (<c>MapControllers()</c>). Calls chained in between (<c>WithName</c>, <c>RequireAuthorization</c>) are looked through.</summary>
    public static string? Where(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken) => Where(receiver, model, cancellationToken, 0);

    private static string? Where(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        if (depth > 8) return null;
        switch (receiver)
        {
            case IdentifierNameSyntax identifier when DeclarationBinder.LocalOf(identifier, model) is (LocalName.Local, { } initializer):
                return Where(initializer, model, cancellationToken, depth + 1);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
            {
                var name = access.Name.Identifier.ValueText;
                if (!name.StartsWith("Map", System.StringComparison.Ordinal)) return Where(access.Expression, model, cancellationToken, depth + 1);
                if (!IsAspNetCoreMap(call, model, cancellationToken)) return null;
                var route = call.ArgumentList.Arguments.Count > 0 && Semantics.ConstantOf(call.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string text } ? text : null;
                if (MapVerbs.TryGetValue(name, out var verb) && route is not null) return verb + " " + Prefixed(access.Expression, route, model, cancellationToken, depth);
                if (name == "MapGroup" && route is not null) return Prefixed(access.Expression, route, model, cancellationToken, depth) + " (route group)";
                return CodeText.Safe(call) is { } code ? code + " endpoints" : null;
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// The <c>MapGroup</c> calls a convention on <paramref name="receiver"/> sits under, innermost first, each as a key
    /// (file and position of the call); when the receiver is a route group itself, its own call comes first. Null when the
    /// chain leaves what can be followed (a builder handed in as a parameter, a field): the groups are then unknown.
    /// </summary>
    public static List<string>? GroupKeys(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var current = receiver;
        for (var depth = 0; depth <= 16; depth++)
        {
            switch (current)
            {
                case IdentifierNameSyntax identifier when DeclarationBinder.LocalOf(identifier, model) is (LocalName.Local, { } initializer):
                    current = initializer;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call:
                    if (access.Name.Identifier.ValueText == "MapGroup")
                    {
                        if (!IsAspNetCoreMap(call, model, cancellationToken)) return null;
                        keys.Add(Model.SourceLocation.Normalize(call.SyntaxTree.FilePath) + "@" + call.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    current = access.Expression;
                    continue;
                case IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax:
                    // The application (`app`, `builder.Routes`): a group would be a RouteGroupBuilder, which is not followed.
                    return Semantics.TypeOf(current, model, cancellationToken).Is("Microsoft.AspNetCore.Routing", "RouteGroupBuilder") ? null : keys;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>A <c>Map*</c> call of ASP.NET Core's routing (not a look-alike of the project's).</summary>
    private static bool IsAspNetCoreMap(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.Method(call, model, cancellationToken) is { } map && (map.ReducedFrom ?? map).ContainingType.IsInNamespaceOrBelow("Microsoft.AspNetCore");

    /// <summary>The route with the prefixes of the groups the receiver stands for; "…" for a group whose prefix is not read.</summary>
    private static string Prefixed(ExpressionSyntax receiver, string route, SemanticModel model, CancellationToken cancellationToken, int depth)
    {
        if (!Semantics.TypeOf(receiver, model, cancellationToken).Is("Microsoft.AspNetCore.Routing", "RouteGroupBuilder")) return route;
        var group = Where(receiver, model, cancellationToken, depth + 1) is { } where && where.EndsWith(" (route group)", System.StringComparison.Ordinal)
            ? where.Substring(0, where.Length - " (route group)".Length)
            : "…";
        return group.TrimEnd('/') + (route.Length == 0 ? "" : "/" + route.TrimStart('/'));
    }

}
