using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Follows the expression passed as a connection string back to where its value comes from: a configuration key,
/// a named connection string, an environment variable or a constant. Follows <c>??</c> chains and locals assigned
/// once in the same body; anything else is reported as unresolved rather than guessed.
/// </summary>
internal static class ConnectionSourceParser
{
    private const int MaxDepth = 4;

    public static IReadOnlyList<ConnectionSourceSpec> Parse(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var sources = new List<ConnectionSourceSpec>();
        Collect(expression, model, sources, 0, cancellationToken);
        return sources;
    }

    private static void Collect(ExpressionSyntax expression, SemanticModel model, List<ConnectionSourceSpec> sources, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        expression = Unwrap(expression);
        var location = SourceLocation.From(expression);

        if (expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce)
        {
            Collect(coalesce.Left, model, sources, depth, cancellationToken);
            Collect(coalesce.Right, model, sources, depth, cancellationToken);
            return;
        }
        if (expression is ThrowExpressionSyntax)
        {
            return; // `?? throw ...`: no alternative source
        }

        var constant = Semantics.ConstantOf(expression, model, cancellationToken);
        if (constant is { HasValue: true, Value: string literal })
        {
            sources.Add(new ConnectionSourceSpec(ConnectionSourceKind.Literal, literal, location));
            return;
        }

        if (TryConfigurationLookup(expression, model, cancellationToken) is { } lookup)
        {
            sources.Add(lookup with { Location = location });
            return;
        }

        if (depth < MaxDepth && expression is IdentifierNameSyntax identifier
            && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
            && SingleAssignment(local, identifier, cancellationToken) is { } assigned)
        {
            Collect(assigned, model, sources, depth + 1, cancellationToken);
            return;
        }

        if (depth < MaxDepth && Semantics.SymbolOrMethod(expression, model, cancellationToken) is IFieldSymbol field
            && FieldAssignment(field, cancellationToken) is { } fieldValue)
        {
            var fieldModel = fieldValue.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(fieldValue.SyntaxTree);
            Collect(fieldValue, fieldModel, sources, depth + 1, cancellationToken);
            return;
        }

        if (CodeText.Safe(expression) is { } code && RunTimeMemberPath(expression, model, cancellationToken) is { } through)
        {
            sources.Add(new ConnectionSourceSpec(ConnectionSourceKind.RunTimeMember, code, location, through.Count == 0 ? null : string.Join(", ", through)));
            return;
        }

        // A bare parameter of a method (not of a lambda): its value is the caller's argument, which is not followed. Saying
        // so beats "computed in code", which reads as if this code computed it.
        if (expression is IdentifierNameSyntax bare
            && Semantics.SymbolOrMethod(bare, model, cancellationToken) is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } method } parameter)
        {
            sources.Add(new ConnectionSourceSpec(ConnectionSourceKind.Parameter, parameter.Name, location, method.TypeAndMemberName()));
            return;
        }

        sources.Add(new ConnectionSourceSpec(ConnectionSourceKind.Unresolved, CodeText.Safe(expression), location));
    }

    /// <summary>
    /// The types a member path passes through when the expression reads a string field or property through an instance
    /// at run time: <c>_tenant.ConnectionString</c> (an instance field or property, or a primary-constructor parameter),
    /// <c>sp.GetRequiredService&lt;ITenantProvider&gt;().Current.ConnectionString</c> (a service resolved from an
    /// <c>IServiceProvider</c>), or the containing instance's own field or property. Null for anything else: method
    /// calls, static members, a bare parameter, a local.
    /// </summary>
    private static List<string>? RunTimeMemberPath(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(expression, model, cancellationToken) is not ({ IsStatic: false } and (IPropertySymbol or IFieldSymbol))) return null;
        // Only a string read is a connection string read (a DbConnection member goes to another overload).
        if (Semantics.TypeOf(expression, model, cancellationToken)?.SpecialType != SpecialType.System_String) return null;
        var through = new List<string>();
        var current = expression;
        while (true)
        {
            current = Unwrap(current);
            switch (current)
            {
                case MemberAccessExpressionSyntax access:
                    if (Semantics.SymbolOrMethod(access, model, cancellationToken) is not ({ IsStatic: false } and (IPropertySymbol or IFieldSymbol))) return null;
                    // `this.` names the containing type, not a type the value passes through.
                    if (access.Expression is not ThisExpressionSyntax && Semantics.TypeOf(access.Expression, model, cancellationToken) is { } owner) through.Insert(0, owner.Name);
                    current = access.Expression;
                    continue;
                case ThisExpressionSyntax:
                    return Distinct(through);
                case IdentifierNameSyntax identifier:
                    return Semantics.SymbolOrMethod(identifier, model, cancellationToken) switch
                    {
                        IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } => Distinct(through),
                        // A parameter as the root of a path (a primary-constructor parameter, a lambda's service): not bare.
                        IParameterSymbol when !ReferenceEquals(identifier, expression) => Distinct(through),
                        _ => null,
                    };
                case InvocationExpressionSyntax invocation when IsServiceResolution(invocation, model, cancellationToken):
                    return Distinct(through);
                default:
                    return null;
            }
        }

        static List<string> Distinct(List<string> names) => names.Where(n => n is not ("IServiceProvider" or "String")).Distinct().ToList();
    }

    /// <summary><c>GetRequiredService&lt;T&gt;()</c> / <c>GetService&lt;T&gt;()</c> on an <c>IServiceProvider</c>, by symbol.</summary>
    private static bool IsServiceResolution(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOrMethod(invocation, model, cancellationToken) is IMethodSymbol { Name: "GetRequiredService" or "GetService" } method
        && ((method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Microsoft.Extensions.DependencyInjection")
            || method.ContainingType.Is("System", "IServiceProvider"));

    /// <summary>The one value a read-only field of a source type gets: its initializer, or its single assignment in a
    /// constructor (<c>_connectionString = configuration.GetConnectionString("Db")</c>). Null when there are several.</summary>
    internal static ExpressionSyntax? FieldAssignment(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1) return null;
        var values = new List<ExpressionSyntax>();
        if (field.DeclaringSyntaxReferences[0].ReadSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }) values.Add(initializer);
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is not TypeDeclarationSyntax type) continue;
            foreach (var constructor in type.Members.OfType<ConstructorDeclarationSyntax>())
            {
                foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left switch
                    {
                        IdentifierNameSyntax name => name.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                        _ => null,
                    };
                    if (target == field.Name) values.Add(assignment.Right);
                }
            }
        }
        return values.Count == 1 ? values[0] : null;
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized: expression = parenthesized.Expression; break;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang: expression = bang.Operand; break;
                case CastExpressionSyntax cast: expression = cast.Expression; break;
                default: return expression;
            }
        }
    }

    /// <summary>Recognises <c>GetConnectionString("X")</c>, <c>config["A:B"]</c>, <c>config.GetValue&lt;string&gt;("A:B")</c>,
    /// <c>GetSection("A")["B"]</c>, <c>GetSection("A:B").Value</c> and <c>Environment.GetEnvironmentVariable("X")</c>.</summary>
    private static ConnectionSourceSpec? TryConfigurationLookup(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (expression)
        {
            case InvocationExpressionSyntax invocation when Semantics.SymbolOrMethod(invocation, model, cancellationToken) is IMethodSymbol method:
            {
                var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
                var key = argument is null ? null : Semantics.ConstantOf(argument, model, cancellationToken) is { HasValue: true, Value: string s } ? s : null;
                if (key is null) return null;
                if (method.Name == "GetEnvironmentVariable" && method.ContainingType.Is("System", "Environment"))
                {
                    return new ConnectionSourceSpec(ConnectionSourceKind.EnvironmentVariable, key, null);
                }
                if (!IsConfiguration(method.ReducedFrom?.Parameters[0].Type ?? method.ContainingType)
                    && !IsConfiguration(method.ReceiverType)) return null;
                var prefix = invocation.Expression is MemberAccessExpressionSyntax access ? SectionPath(access.Expression, model, cancellationToken) : null;
                return method.Name switch
                {
                    "GetConnectionString" when prefix is null => new ConnectionSourceSpec(ConnectionSourceKind.ConnectionStringName, key, null),
                    "GetConnectionString" => new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationKey, prefix + ":ConnectionStrings:" + key, null),
                    "GetValue" => new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationKey, Join(prefix, key), null),
                    _ => null,
                };
            }
            case ElementAccessExpressionSyntax elementAccess
                when IsConfiguration(Semantics.TypeOf(elementAccess.Expression, model, cancellationToken))
                     && elementAccess.ArgumentList.Arguments.Count == 1
                     && Semantics.ConstantOf(elementAccess.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string key }:
                return new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationKey, Join(SectionPath(elementAccess.Expression, model, cancellationToken), key), null);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } valueAccess
                when SectionPath(valueAccess.Expression, model, cancellationToken) is { } path:
                return new ConnectionSourceSpec(ConnectionSourceKind.ConfigurationKey, path, null);
            default:
                return null;
        }
    }

    /// <summary>The key path of a chain of <c>GetSection("A").GetSection("B")</c> calls, or null when the expression is not one.</summary>
    private static string? SectionPath(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetSection" or "GetRequiredSection" } access } invocation
            && invocation.ArgumentList.Arguments.Count == 1
            && Semantics.ConstantOf(invocation.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string key }
            && IsConfiguration(Semantics.TypeOf(access.Expression, model, cancellationToken)))
        {
            return Join(SectionPath(access.Expression, model, cancellationToken), key);
        }
        return null;
    }

    private static string Join(string? prefix, string key) => prefix is null ? key : prefix + ":" + key;

    private static bool IsConfiguration(ITypeSymbol? type)
    {
        if (type is null) return false;
        if (IsConfigurationInterface(type)) return true;
        return type.AllInterfaces.Any(IsConfigurationInterface);

        static bool IsConfigurationInterface(ITypeSymbol t) =>
            t.Is("Microsoft.Extensions.Configuration", "IConfiguration") || t.Is("Microsoft.Extensions.Configuration", "IConfigurationSection");
    }

    /// <summary>The initializer of a local that is never assigned again in its body, or null.</summary>
    internal static ExpressionSyntax? SingleAssignment(ILocalSymbol local, SyntaxNode usage, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator)
        {
            return null;
        }
        var body = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        if (body is null || !body.Span.Contains(usage.Span)) return null;
        var reassigned = body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name);
        return reassigned ? null : value;
    }
}
