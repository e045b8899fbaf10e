using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// ASP.NET Core Data Protection's key ring (section 4.1), read in the <see cref="SecurityParser"/> detector: where the keys
/// are kept (<c>PersistKeysToDbContext&lt;TContext&gt;</c>, <c>PersistKeysToFileSystem</c>, <c>PersistKeysToStackExchangeRedis</c>,
/// <c>PersistKeysToRegistry</c>), whether they are encrypted at rest (<c>ProtectKeysWithCertificate</c>,
/// <c>ProtectKeysWithDpapi</c>, <c>ProtectKeysWithDpapiNG</c>), and <c>SetApplicationName</c>/<c>SetDefaultKeyLifetime</c>.
/// Each call is confirmed by its declaring type's namespace (<c>Microsoft.AspNetCore.DataProtection</c>, where the
/// framework, the EntityFrameworkCore and the StackExchangeRedis packages declare them) and an <c>IDataProtectionBuilder</c>
/// receiver. <c>ProtectKeysWithAzureKeyVault</c> (Azure.Extensions.AspNetCore.DataProtection.Keys) is not read: that
/// package is not served here, so the reader could not be tested against it.
/// </summary>
internal static class DataProtectionKeysReader
{
    public const string KeyRing = "data protection key ring";
    public const string KeyEncryption = "data protection key encryption";
    public const string Setting = "data protection setting";

    private static readonly HashSet<string> Names = new(System.StringComparer.Ordinal)
    {
        "PersistKeysToDbContext", "PersistKeysToFileSystem", "PersistKeysToStackExchangeRedis", "PersistKeysToRegistry",
        "ProtectKeysWithCertificate", "ProtectKeysWithDpapi", "ProtectKeysWithDpapiNG", "SetApplicationName", "SetDefaultKeyLifetime",
    };

    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && Names.Contains(access.Name.Identifier.ValueText);

    public static SecuritySpec? Read(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ExactMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespace("Microsoft.AspNetCore.DataProtection")
            || original.Parameters.FirstOrDefault()?.Type.Is("Microsoft.AspNetCore.DataProtection", "IDataProtectionBuilder") != true) return null;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        ExpressionSyntax? Argument(string name) => invocation.ArgumentList.Arguments
            .FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == name)?.Expression;
        switch (method.Name)
        {
            case "PersistKeysToDbContext" when method.TypeArguments.Length == 1:
            {
                var context = method.TypeArguments[0].Name;
                return new SecuritySpec(KeyRing, "PersistKeysToDbContext<" + context + ">",
                    "kept in the database of `" + context + "` (EF Core: the rows of its `DataProtectionKeys` set)", member, location);
            }
            case "PersistKeysToFileSystem":
                return new SecuritySpec(KeyRing, "PersistKeysToFileSystem", "kept as XML files in " + Folder(Argument("directory"), model, cancellationToken), member, location);
            case "PersistKeysToStackExchangeRedis":
            {
                var key = Argument("key");
                var name = key is null ? null : Semantics.ConstantOf(key, model, cancellationToken) is { HasValue: true, Value: string text } ? text : null;
                var detail = key is null ? "kept in Redis, under the package's default key"
                    : name is null ? "kept in Redis, under a key known at run time"
                    : "kept in Redis, under the key `" + name + "`";
                return new SecuritySpec(KeyRing, "PersistKeysToStackExchangeRedis", detail, member, location);
            }
            case "PersistKeysToRegistry":
                return new SecuritySpec(KeyRing, "PersistKeysToRegistry", "kept in the Windows registry", member, location);
            case "ProtectKeysWithCertificate":
            {
                var thumbprint = Argument("thumbprint");
                var from = thumbprint is null ? "" : Source(thumbprint, model, cancellationToken) is { } source
                    ? " (thumbprint " + (source.StartsWith("configuration", System.StringComparison.Ordinal) ? "from " : "") + source + ")"
                    : "";
                return new SecuritySpec(KeyEncryption, "ProtectKeysWithCertificate", "keys encrypted at rest with an X.509 certificate" + from, member, location);
            }
            case "ProtectKeysWithDpapi":
                return new SecuritySpec(KeyEncryption, "ProtectKeysWithDpapi", "keys encrypted at rest with Windows DPAPI", member, location);
            case "ProtectKeysWithDpapiNG":
                return new SecuritySpec(KeyEncryption, "ProtectKeysWithDpapiNG", "keys encrypted at rest with Windows DPAPI-NG", member, location);
            case "SetApplicationName":
            {
                var name = Argument("applicationName") is { } argument && Semantics.ConstantOf(argument, model, cancellationToken) is { HasValue: true, Value: string text } ? text : null;
                return new SecuritySpec(Setting, "SetApplicationName",
                    (name is null ? "application name set at run time" : "application name `" + name + "`")
                    + ": protected payloads are isolated by it; apps that share the key ring and this name can unprotect each other's payloads", member, location);
            }
            case "SetDefaultKeyLifetime":
            {
                var lifetime = Argument("lifetime") is { } argument ? CacheParser.TimeSpanText(argument, model, cancellationToken) : null;
                return new SecuritySpec(Setting, "SetDefaultKeyLifetime", lifetime is null ? "new keys' lifetime set at run time" : "new keys expire after " + lifetime, member, location);
            }
            default:
                return null;
        }
    }

    /// <summary><c>new DirectoryInfo(path)</c>: a constant path, or the configuration key it is read from.</summary>
    private static string Folder(ExpressionSyntax? directory, SemanticModel model, CancellationToken cancellationToken)
    {
        if (directory is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
            && Semantics.TypeOf(creation, model, cancellationToken).Is("System.IO", "DirectoryInfo")
            && Source(creation.ArgumentList.Arguments[0].Expression, model, cancellationToken) is { } source)
        {
            return "the folder " + source;
        }
        return "a folder known at run time";
    }

    /// <summary>A constant (as written: a path or thumbprint is no secret) or a configuration key; null otherwise.</summary>
    private static string? Source(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: string text }) return "`" + text + "`";
        return ConnectionSourceParser.Parse(expression, model, cancellationToken).FirstOrDefault() is { ConfigurationKey: { } key } ? "configuration `" + key + "`" : null;
    }
}
