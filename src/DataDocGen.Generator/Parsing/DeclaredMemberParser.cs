using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Properties declared in this project, by syntax only (no semantic model: cheap on every edit). Their type's
/// full name is read from the enclosing namespaces and types, the way <c>Type.FullName</c> spells it.</summary>
internal static class DeclaredMemberParser
{
    /// <summary>One candidate per type declaration with properties rather than one per property: Roslyn re-runs every
    /// candidate's transform after any edit, and properties are the most numerous declarations (issue 7).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is TypeDeclarationSyntax type && type.Members.Any(m => m is PropertyDeclarationSyntax);

    public static EquatableArray<DeclaredMemberSpec> Parse(SiteContext context, CancellationToken _)
    {
        var type = (TypeDeclarationSyntax)context.Node;
        var fullName = FullName(type);
        return type.Members.OfType<PropertyDeclarationSyntax>().Select(property =>
        {
            var span = property.Identifier.GetLocation().GetLineSpan();
            var location = string.IsNullOrEmpty(span.Path) ? null : new SourceLocation(SourceLocation.Normalize(span.Path), span.StartLinePosition.Line + 1);
            return new DeclaredMemberSpec(fullName, property.Identifier.ValueText, location);
        }).ToEquatableArray();
    }

    private static string FullName(TypeDeclarationSyntax declaration)
    {
        var names = new List<string>();
        var types = new List<string>();
        for (SyntaxNode? node = declaration; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax type:
                    types.Insert(0, type.Identifier.ValueText + (type.TypeParameterList is { Parameters.Count: > 0 } parameters
                        ? "`" + parameters.Parameters.Count.ToString(CultureInfo.InvariantCulture) : ""));
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    names.Insert(0, ns.Name.ToString());
                    break;
            }
        }
        return (names.Count == 0 ? "" : string.Join(".", names) + ".") + string.Join("+", types);
    }
}
