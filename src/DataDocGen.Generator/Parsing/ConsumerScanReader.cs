using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// MassTransit's consumer scans, as its <c>RegistrationExtensions</c> define them: <c>AddConsumers(assemblies)</c>
/// registers every concrete consumer of those assemblies (of every loaded assembly when none is passed);
/// <c>AddConsumers(types)</c> the consumers among the types; <c>AddConsumersFromNamespaceContaining&lt;T&gt;(filter)</c>
/// those of T's assembly whose namespace starts with T's (ordinal, ignoring case), after an optional filter. The scan
/// is kept as a fact (<c>consumer scan</c>) and matched to the consumer classes when the report is rendered, so a scan
/// in a host matches consumers declared in a referenced project.
/// </summary>
internal static class ConsumerScanReader
{
    /// <summary>The subject of a scan whose assemblies are computed in code and not read.</summary>
    public const string Unresolved = "?";

    /// <summary>The subject of a scan of every loaded assembly (<c>AddConsumers()</c> with no argument).</summary>
    public const string AllAssemblies = "*";

    public static MessagingSpec? Read(InvocationExpressionSyntax invocation, IMethodSymbol method, string detail, string member, SourceLocation? location,
        SemanticModel model, CancellationToken cancellationToken)
    {
        // Arguments aligned with the parameters after `this` (a static call passes the configurator first).
        var arguments = invocation.ArgumentList.Arguments.Select(a => a.Expression).Skip(method.ReducedFrom is null && method.IsExtensionMethod ? 1 : 0).ToList();
        if (method.Name == "AddConsumersFromNamespaceContaining")
        {
            var anchor = method.TypeArguments.FirstOrDefault()
                         ?? (arguments.FirstOrDefault() is TypeOfExpressionSyntax typeOf ? Semantics.TypeOf(typeOf.Type, model, cancellationToken) : null);
            if (anchor is null || anchor.ContainingNamespace is not { IsGlobalNamespace: false } ns) return Scan(Unresolved);
            var filtered = method.Parameters.Any(p => p.Name == "filter") && arguments.Count > (method.TypeArguments.IsEmpty ? 1 : 0);
            return new MessagingSpec("consumer scan", anchor.ContainingAssembly?.Name ?? Unresolved, detail,
                new[] { "namespace:" + ns.ToDisplayString(), filtered ? "filtered" : "" }.Where(i => i.Length > 0).ToEquatableArray(), member, location);
        }

        var parameters = method.ReducedFrom is null && method.IsExtensionMethod ? method.Parameters.RemoveAt(0) : method.Parameters;
        var last = parameters.LastOrDefault();
        if (last is { IsParams: true, Type: IArrayTypeSymbol { ElementType: var element } } && element.Is("System", "Type"))
        {
            // AddConsumers(typeof(A), typeof(B)): only what typeof names is known.
            var types = new List<string>();
            foreach (var argument in arguments)
            {
                if (argument is not TypeOfExpressionSyntax typeOf || Semantics.TypeOf(typeOf.Type, model, cancellationToken) is not INamedTypeSymbol named) return Scan(Unresolved);
                types.Add("type:" + named.ClrFullName());
            }
            return new MessagingSpec("consumer scan", "types", detail, types.ToEquatableArray(), member, location);
        }

        var filter = parameters.Length > 0 && parameters[0].Type.Name == "Func" ? 1 : 0;
        var assemblies = arguments.Skip(filter).ToList();
        if (assemblies.Count == 0) return Scan(AllAssemblies, filter == 1);
        var names = new List<string>();
        foreach (var assembly in assemblies)
        {
            if (AssemblyName(assembly, model, cancellationToken) is not { } name) return Scan(Unresolved);
            names.Add(name);
        }
        return Scan(string.Join(";", names.Distinct().OrderBy(n => n, System.StringComparer.Ordinal)), filter == 1);

        MessagingSpec Scan(string subject, bool filtered = false) =>
            new("consumer scan", subject, detail, filtered ? new[] { "filtered" }.ToEquatableArray() : EquatableArray<string>.Empty, member, location);
    }

    /// <summary><c>typeof(X).Assembly</c>, <c>Assembly.GetAssembly(typeof(X))</c> or <c>Assembly.GetExecutingAssembly()</c>
    /// (the code's own assembly); null for anything else, such as <c>GetEntryAssembly()</c>, which depends on the host.</summary>
    private static string? AssemblyName(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) => expression switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: TypeOfExpressionSyntax typeOf }
            => Semantics.TypeOf(typeOf.Type, model, cancellationToken)?.ContainingAssembly?.Name,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAssembly" }, ArgumentList.Arguments.Count: 1 } call
            when call.ArgumentList.Arguments[0].Expression is TypeOfExpressionSyntax typeOf && IsAssemblyMethod(call, model, cancellationToken)
            => Semantics.TypeOf(typeOf.Type, model, cancellationToken)?.ContainingAssembly?.Name,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetExecutingAssembly" }, ArgumentList.Arguments.Count: 0 } call
            when IsAssemblyMethod(call, model, cancellationToken) => model.Compilation.AssemblyName,
        _ => null,
    };

    private static bool IsAssemblyMethod(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol { IsStatic: true } method && method.ContainingType.Is("System.Reflection", "Assembly");

    /// <summary>Whether a scan registers a consumer: <paramref name="assembly"/> and <paramref name="fullName"/> are the consumer's.</summary>
    public static bool Registers(MessagingSpec scan, string fullName, string? assembly)
    {
        if (scan.Subject == Unresolved) return false;
        if (scan.Subject == "types") return scan.Items.Contains("type:" + fullName);
        if (scan.Subject != AllAssemblies && (assembly is null || !scan.Subject.Split(';').Contains(assembly))) return false;
        var ns = scan.Items.FirstOrDefault(i => i.StartsWith("namespace:", System.StringComparison.Ordinal))?.Substring("namespace:".Length);
        return ns is null || NamespaceOf(fullName).StartsWith(ns, System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>Ns.Outer+Inner</c> → <c>Ns</c>.</summary>
    private static string NamespaceOf(string fullName)
    {
        var plus = fullName.IndexOf('+');
        var type = plus < 0 ? fullName : fullName.Substring(0, plus);
        var dot = type.LastIndexOf('.');
        return dot < 0 ? "" : type.Substring(0, dot);
    }
}
