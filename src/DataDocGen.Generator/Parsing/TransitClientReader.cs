using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// The database client libraries the compilation references, each found by its connection type's metadata name in an
/// assembly of the library's own name, with the package version that assembly declares. The assembly version is no
/// help: StackExchange.Redis and MySqlConnector keep 2.0.0.0 across 2.x, Microsoft.Data.SqlClient 6.0.0.0 across 6.x;
/// <c>AssemblyInformationalVersion</c> carries the package version (<c>2.8.16+322c7044d3</c>). A small value taken
/// out of the compilation, equal across edits.
/// </summary>
internal static class TransitClientReader
{
    private static readonly (string Client, string MetadataName)[] Clients =
    {
        ("Npgsql", "Npgsql.NpgsqlConnection"),
        ("MongoDB.Driver", "MongoDB.Driver.MongoClient"),
        ("StackExchange.Redis", "StackExchange.Redis.ConnectionMultiplexer"),
        ("MySqlConnector", "MySqlConnector.MySqlConnection"),
        ("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient.SqlConnection"),
    };

    public static EquatableArray<TransitClientSpec> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Generic.List<TransitClientSpec>();
        foreach (var (client, metadataName) in Clients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Null when absent, or when several assemblies declare the type (then which one runs is not known here).
            if (compilation.GetTypeByMetadataName(metadataName)?.ContainingAssembly is not { } assembly || assembly.Identity.Name != client) continue;
            if (InformationalVersion(assembly) is { } version) found.Add(new TransitClientSpec(client, version));
        }
        return found.ToEquatableArray();
    }

    private static string? InformationalVersion(IAssemblySymbol assembly)
    {
        var attribute = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.Reflection.AssemblyInformationalVersionAttribute");
        if (attribute is not { ConstructorArguments.Length: 1 } || attribute.ConstructorArguments[0].Value is not string text) return null;
        var plus = text.IndexOf('+');
        var version = (plus >= 0 ? text.Substring(0, plus) : text).Trim();
        return version.Length == 0 ? null : version;
    }
}
