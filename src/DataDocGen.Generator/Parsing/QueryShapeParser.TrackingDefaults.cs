using System.Linq;
using System.Threading;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// A context-wide tracking default (2.4): <c>context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking</c>
/// (eShopOnContainers' <c>CatalogController</c> sets it on the context it is given, so every query it makes through that
/// instance is untracked), and <c>UseQueryTrackingBehavior(...)</c> on EF Core's options builder (every instance built
/// with those options). The value must be a member of EF Core's <c>QueryTrackingBehavior</c>; the context is the
/// instance's type (casts looked through), the one whose own code sets it, or the context the options are for.
/// </summary>
internal static partial class QueryShapeParser
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    /// <summary>The syntax of <c>….ChangeTracker.QueryTrackingBehavior = …</c> (or bare <c>ChangeTracker.</c> in a context's code).</summary>
    internal static bool IsTrackingAssignment(SyntaxNode node) =>
        node is AssignmentExpressionSyntax
        {
            Left: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "QueryTrackingBehavior",
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ChangeTracker" } or IdentifierNameSyntax { Identifier.ValueText: "ChangeTracker" },
            },
        };

    /// <summary>The instance expression whose change tracker is set (<c>context</c> in <c>((DbContext)context).ChangeTracker</c>),
    /// casts and parentheses looked through; null for a bare <c>ChangeTracker</c> or <c>this.ChangeTracker</c>.</summary>
    internal static ExpressionSyntax? TrackerOwner(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Left is not MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var owner } }) return null;
        while (true)
        {
            switch (owner)
            {
                case ParenthesizedExpressionSyntax parenthesized: owner = parenthesized.Expression; continue;
                case CastExpressionSyntax cast: owner = cast.Expression; continue;
                case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression } asCast: owner = asCast.Left; continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } bang: owner = bang.Operand; continue;
                case ThisExpressionSyntax: return null;
                default: return owner;
            }
        }
    }

    /// <summary>The <c>QueryTrackingBehavior</c> member an expression names (<c>NoTracking</c>...), confirmed as EF Core's enum; null otherwise.</summary>
    internal static string? TrackingBehavior(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOf(value, model, cancellationToken) is IFieldSymbol { ContainingType: { } type } field && type.Is(EfNamespace, "QueryTrackingBehavior") ? field.Name : null;

    /// <summary>The assignment confirmed: EF Core's <c>ChangeTracker.QueryTrackingBehavior</c> set to one of its members.</summary>
    internal static string? AssignedTrackingBehavior(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOf(assignment.Left, model, cancellationToken) is IPropertySymbol { ContainingType: { } tracker } && tracker.Is(EfNamespace + ".ChangeTracking", "ChangeTracker")
            ? TrackingBehavior(assignment.Right, model, cancellationToken)
            : null;

    private static string TrackingKind(string behavior, string scope) => behavior switch
    {
        "NoTracking" => "No tracking by default (" + scope + ")",
        "NoTrackingWithIdentityResolution" => "No tracking with identity resolution by default (" + scope + ")",
        _ => "Tracking by default (" + scope + ")",
    };

    /// <summary>Scope words of the two kinds: the instance whose change tracker is set, or every instance built with the options.</summary>
    public const string InstanceScope = "this context instance";
    public const string OptionsScope = "context options";

    private static QueryShapeResult? ChangeTrackerDefault(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (AssignedTrackingBehavior(assignment, model, cancellationToken) is not { } behavior) return null;
        var owner = TrackerOwner(assignment);
        var context = owner is null ? Semantics.EnclosingContext(assignment, model, cancellationToken) : Semantics.TypeOf(owner, model, cancellationToken);
        var spec = new QueryShapeSpec(TrackingKind(behavior, InstanceScope), null, "ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior." + behavior,
            CodeText.MemberName(assignment, model, cancellationToken), SourceLocation.From(assignment), CodeText.EnclosingCondition(assignment, null),
            ProjectContext(context));
        return new QueryShapeResult(spec, null);
    }

    private static QueryShapeResult? OptionsDefault(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var original = method.ReducedFrom ?? method;
        if (!original.ContainingType.IsInNamespaceOrBelow(EfNamespace) || !OptionsBuilderParser.IsOptionsBuilder(OptionsBuilderParser.ReceiverType(method))) return null;
        if (invocation.ArgumentList.Arguments.FirstOrDefault() is not { } argument || TrackingBehavior(argument.Expression, model, cancellationToken) is not { } behavior) return null;
        var spec = new QueryShapeSpec(TrackingKind(behavior, OptionsScope), null, "UseQueryTrackingBehavior(QueryTrackingBehavior." + behavior + ")",
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name),
            CodeText.EnclosingCondition(invocation, null), ProjectContext(OptionsContext(invocation, method, model, cancellationToken)));
        return new QueryShapeResult(spec, null);
    }

    /// <summary>The context options are for: the builder's type argument (<c>DbContextOptionsBuilder&lt;T&gt;</c>), the
    /// context whose <c>OnConfiguring</c> it is in, or the context of the <c>AddDbContext*&lt;T&gt;</c> call whose lambda it is in.</summary>
    private static ITypeSymbol? OptionsContext(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ReceiverType(method) is INamedTypeSymbol { TypeArguments.Length: 1 } generic) return generic.TypeArguments[0];
        foreach (var ancestor in invocation.Ancestors())
        {
            if (ancestor is InvocationExpressionSyntax registration && Semantics.Method(registration, model, cancellationToken) is { } registering
                && (registering.Name.StartsWith("AddDbContext", System.StringComparison.Ordinal) || registering.Name == "AddPooledDbContextFactory"))
            {
                return registering.TypeArguments.LastOrDefault(t => t.DerivesFromOrIs(EfNamespace, "DbContext"));
            }
            if (ancestor is MethodDeclarationSyntax { Identifier.ValueText: "OnConfiguring" }) return Semantics.EnclosingContext(ancestor, model, cancellationToken);
            if (ancestor is MemberDeclarationSyntax) return null;
        }
        return null;
    }

    /// <summary>A context class of the project's (or a referenced project's), by full name; null for DbContext itself or no context.</summary>
    private static string? ProjectContext(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && named.DerivesFrom(EfNamespace, "DbContext") ? named.ClrFullName() : null;
}
