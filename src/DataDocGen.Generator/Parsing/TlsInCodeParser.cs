using System;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Code that may set a database client's TLS itself (section 4.1): any use of a member of Npgsql's, MongoDB.Driver's,
/// StackExchange.Redis's, MySqlConnector's or Microsoft.Data.SqlClient's own types whose name is about TLS, SSL or certificates, or (Redis) about the
/// options provider that chooses the defaults. Read or written, in a configure callback or on a builder: such code may
/// turn TLS on or off, or change how the certificate is checked, so the report then says nothing about what the client
/// does when a connection string is silent (<see cref="Report.TransitDefaults"/>). The predicate is the name; the
/// transform confirms the symbol's namespace (a property named Ssl on a class of the project is nobody's TLS).
/// </summary>
internal static class TlsInCodeParser
{
    /// <summary>Client library by the namespace of the member's type (the namespace or one below it).</summary>
    private static readonly (string Namespace, string Client)[] Clients =
    {
        ("Npgsql", "Npgsql"), ("MongoDB.Driver", "MongoDB.Driver"), ("StackExchange.Redis", "StackExchange.Redis"), ("MySqlConnector", "MySqlConnector"),
        ("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient"),
    };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is IdentifierNameSyntax identifier && IsTlsName(identifier.Identifier.ValueText);

    /// <summary>Names about transport security: Ssl, Tls, Certificate, TransportSecurity, Encrypt in any case (SqlClient's
    /// <c>SqlConnectionStringBuilder.Encrypt</c>; <c>ColumnEncryptionSetting</c> too, harmlessly); StackExchange.Redis's
    /// <c>ConfigurationOptions.Defaults</c> and <c>DefaultOptionsProvider.AddProvider</c> (a provider chooses the default of <c>ssl</c>).</summary>
    internal static bool IsTlsName(string name) =>
        name.IndexOf("Ssl", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Tls", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Certificate", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("TransportSecurity", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("Encrypt", StringComparison.OrdinalIgnoreCase) >= 0
        || name is "Defaults" or "AddProvider";

    public static TlsInCodeResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (context.Node is not IdentifierNameSyntax identifier) return null;
            var symbol = Semantics.SymbolOf(identifier, context.SemanticModel, cancellationToken);
            // A member of the client's types, or one of its types itself (the SslMode enum named in code).
            var type = symbol switch
            {
                IPropertySymbol or IMethodSymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType,
                INamedTypeSymbol named => named,
                _ => null,
            };
            if (type is null) return null;
            foreach (var (ns, client) in Clients)
            {
                if (!type.IsInNamespaceOrBelow(ns)) continue;
                return new TlsInCodeResult(new TlsInCodeSpec(client, symbol is INamedTypeSymbol ? type.Name : type.Name + "." + symbol!.Name,
                    CodeText.MemberName(identifier, context.SemanticModel, cancellationToken), SourceLocation.From(identifier)), null);
            }
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new TlsInCodeResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }
}

internal sealed record TlsInCodeResult(TlsInCodeSpec? Spec, string? Error);
