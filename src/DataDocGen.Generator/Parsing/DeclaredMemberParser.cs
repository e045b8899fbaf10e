using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Properties declared in this project, by syntax only (no semantic model: cheap on every edit). Their type's
/// full name is read from the enclosing namespaces and types, the way <c>Type.FullName</c> spells it.</summary>
internal static class DeclaredMemberParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node is PropertyDeclarationSyntax { Parent: TypeDeclarationSyntax };

    public static DeclaredMemberSpec? Parse(GeneratorSyntaxContext context, CancellationToken _)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        var names = new List<string>();
        var types = new List<string>();
        for (var node = property.Parent; node is not null; node = node.Parent)
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
        var fullName = (names.Count == 0 ? "" : string.Join(".", names) + ".") + string.Join("+", types);
        var span = property.Identifier.GetLocation().GetLineSpan();
        var location = string.IsNullOrEmpty(span.Path) ? null : new SourceLocation(SourceLocation.Normalize(span.Path), span.StartLinePosition.Line + 1);
        return new DeclaredMemberSpec(fullName, property.Identifier.ValueText, location);
    }
}
