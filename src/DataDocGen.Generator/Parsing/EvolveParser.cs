using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Reads the Evolve configuration behind an <c>evolve.Migrate()</c> (or <c>Repair</c>, <c>Erase</c>, <c>Validate</c>)
/// call on <c>EvolveDb.Evolve</c>: the object initializer of the <c>new Evolve(...)</c> it was created from, inline or
/// in a local. Script locations, embedded-resource assemblies, the metadata table, schemas and the safety switches are
/// reported as written; the connection passed to the constructor is never read.
/// </summary>
internal static class EvolveParser
{
    public static bool IsEvolve(ITypeSymbol? type) => type.Is("EvolveDb", "Evolve");

    public static EquatableArray<string> Describe(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax { Expression: var receiver }) return EquatableArray<string>.Empty;
        var creation = receiver as BaseObjectCreationExpressionSyntax;
        if (receiver is IdentifierNameSyntax identifier
            && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax initializer })
        {
            creation = initializer;
        }
        var details = new List<string>();
        if (creation?.Initializer is null) return details.ToEquatableArray();
        foreach (var assignment in creation.Initializer.Expressions.OfType<AssignmentExpressionSyntax>())
        {
            var name = assignment.Left is IdentifierNameSyntax left ? left.Identifier.ValueText : null;
            var detail = name switch
            {
                "Locations" => Strings(assignment.Right, model, cancellationToken) is { Count: > 0 } folders
                    ? "scripts from " + string.Join(", ", folders.Select(CodeSpan.Of)) : "scripts from folders chosen at run time",
                "EmbeddedResourceAssemblies" => "scripts embedded in assemblies",
                "MetadataTableName" => model.ConstantString(assignment.Right, cancellationToken) is { } table ? "metadata table " + CodeSpan.Of(table) : null,
                "Schemas" => Strings(assignment.Right, model, cancellationToken) is { Count: > 0 } schemas ? "schemas " + string.Join(", ", schemas.Select(CodeSpan.Of)) : null,
                "IsEraseDisabled" => Flag(assignment.Right, model, cancellationToken) is { } off ? (off ? "erase disabled" : "erase allowed") : null,
                "EnableClusterMode" => Flag(assignment.Right, model, cancellationToken) is true ? "cluster mode (one migrator at a time)" : null,
                "OutOfOrder" => Flag(assignment.Right, model, cancellationToken) is true ? "out-of-order migrations allowed" : null,
                "TransactionMode" => CodeText.Safe(assignment.Right) is { } mode ? "transaction mode `" + mode + "`" : null,
                _ => null,
            };
            if (detail is not null) details.Add(detail);
        }
        return details.ToEquatableArray();
    }

    private static List<string> Strings(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var items = expression switch
        {
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            CollectionExpressionSyntax collection => SyntaxFactory.SeparatedList(collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)),
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            _ => default,
        };
        var strings = items.Select(i => model.ConstantString(i, cancellationToken)).ToList();
        return strings.Count > 0 && strings.All(s => s is not null) ? strings.Select(s => s!).ToList() : new List<string>();
    }

    private static bool? Flag(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: bool value } ? value : null;

    private static class SyntaxFactory
    {
        public static SeparatedSyntaxList<ExpressionSyntax> SeparatedList(IEnumerable<ExpressionSyntax> items) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.SeparatedList(items);
    }
}
