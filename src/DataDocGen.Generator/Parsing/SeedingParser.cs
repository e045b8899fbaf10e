using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Seeding beyond <c>HasData</c> (outline 3.2): <c>UseSeeding</c>/<c>UseAsyncSeeding</c> on an EF Core options builder
/// with the operations in its callback; seeder classes (named with "Seed", confirmed by writing data: an EF Core write,
/// <c>SaveChanges</c>, or SQL); calls from outside a seeder into its methods, with the condition around them; and
/// Bogus <c>Faker&lt;T&gt;</c> definitions with the properties their <c>RuleFor</c>s fill and the <c>Generate</c> count.
/// </summary>
internal static class SeedingParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ClassDeclarationSyntax type => type.Identifier.ValueText.IndexOf("Seed", System.StringComparison.Ordinal) >= 0,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText.IndexOf("Seed", System.StringComparison.Ordinal) >= 0,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText.IndexOf("Seed", System.StringComparison.Ordinal) >= 0,
        ObjectCreationExpressionSyntax { Type: GenericNameSyntax { Identifier.ValueText: "Faker", TypeArgumentList.Arguments.Count: 1 } } => true,
        _ => false,
    };

    public static SeedingResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            var spec = context.Node switch
            {
                ClassDeclarationSyntax type => Seeder(type, model, cancellationToken),
                InvocationExpressionSyntax invocation => Call(invocation, model, cancellationToken),
                ObjectCreationExpressionSyntax creation => Faker(creation, model, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new SeedingResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new SeedingResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static SeedingSpec? Seeder(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        if (type.DerivesFromOrIs("Microsoft.EntityFrameworkCore", "DbContext")) return null; // a context named *Seed* is reported as a context
        var operations = TransactionBodyReader.OperationsIn(new[] { declaration }, model, cancellationToken);
        if (!operations.Any(IsWrite)) return null;
        return new SeedingSpec("seeder class", type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), operations, null, type.Name,
            SourceLocation.From(declaration.Identifier.Parent!), WriteGuard(new[] { declaration }, model, cancellationToken));
    }

    /// <summary>What the seeding code's first EF Core write (<c>Add*</c> on a set or context, a context's <c>SaveChanges*</c>
    /// or its override, <see cref="SymbolExtensions.IsContextSave"/>) waits on:
    /// the <c>if</c>s around it and the early exits before it (<c>if (await db.Customers.AnyAsync()) return;</c>), as
    /// "not `await db.Customers.AnyAsync()`": a seeder that writes only into an empty table says so.</summary>
    private static string? WriteGuard(IReadOnlyList<SyntaxNode> bodies, SemanticModel model, CancellationToken cancellationToken)
    {
        var writes = bodies.SelectMany(b => b.DescendantNodes()).OfType<InvocationExpressionSyntax>()
            .Where(i => SyntaxFacts.IsSaveChangesCall(i)
                // A save of a context, its override too (Kavita's DataContext overrides SaveChangesAsync: its seeder's
                // unconditional saves were left out and the seeder read as "writes only if `existing == null`").
                ? Semantics.Method(i, model, cancellationToken).IsContextSave()
                : i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange" or "AddAsync" or "AddRangeAsync" }
                  && Semantics.Method(i, model, cancellationToken) is { } method
                  && (method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
            .ToList();
        if (writes.Count == 0) return null;
        // Only what every write waits on: a SaveChanges outside the if that guards the Add runs whatever the condition.
        var guards = writes.Select(w => Guards(w, bodies)).ToList();
        var common = guards.Aggregate((a, b) => a.Intersect(b).ToList());
        if (common.Count > 0) return "writes only if " + string.Join(" and ", common);
        // No condition shared by every write, but some writes wait on one (one `if (!await db.Brands.AnyAsync())` block per
        // table, as eShopOnWeb's CatalogContextSeed): each said, rather than a blank that reads as "always writes".
        var own = guards.Where(g => g.Count > 0).Select(g => string.Join(" and ", g)).Distinct().ToList();
        if (own.Count == 0) return null;
        return (guards.Any(g => g.Count == 0) ? "some writes only under a condition: " : "each write only under its own condition: ") + string.Join("; ", own);
    }

    /// <summary>The conditions a write waits on, outermost first: the <c>if</c>s around it, and "not `cond`" for each
    /// early exit (<c>if (cond) return;</c>) before it in the blocks around it.</summary>
    private static List<string> Guards(SyntaxNode write, IReadOnlyList<SyntaxNode> bodies)
    {
        var parts = new List<string>();
        for (SyntaxNode child = write; child.Parent is { } parent && !bodies.Contains(child); child = parent)
        {
            if (parent is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax || parent is MemberDeclarationSyntax && parent is not MethodDeclarationSyntax) break;
            if (GuardText.Of(parent, child) is { Loop: false } guard && guard.Text.StartsWith("if ", System.StringComparison.Ordinal)) parts.Insert(0, guard.Text.Substring(3));
            if (parent is BlockSyntax block)
            {
                foreach (var earlier in block.Statements.TakeWhile(st => st != child).OfType<IfStatementSyntax>().Where(IsEarlyExit).Reverse())
                {
                    parts.Insert(0, "not " + (CodeText.Condition(earlier.Condition) is { } code ? CodeSpan.Of(code) : "a condition"));
                }
            }
            if (parent is MethodDeclarationSyntax) break;
        }
        return parts;
    }

    private static bool IsEarlyExit(IfStatementSyntax statement) => statement.Else is null
        && (statement.Statement is ReturnStatementSyntax || statement.Statement is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax);

    /// <summary>A write: EF Core create/update/delete, SaveChanges, or SQL that is not a SELECT.</summary>
    private static bool IsWrite(string operation) =>
        operation.StartsWith("Add", System.StringComparison.Ordinal) || operation.StartsWith("Update", System.StringComparison.Ordinal)
        || operation.StartsWith("Remove", System.StringComparison.Ordinal) || operation.StartsWith("SaveChanges", System.StringComparison.Ordinal)
        || operation.StartsWith("Execute", System.StringComparison.Ordinal)
        || operation.IndexOf(" INSERT", System.StringComparison.Ordinal) >= 0 || operation.IndexOf(" UPDATE", System.StringComparison.Ordinal) >= 0
        || operation.IndexOf(" MERGE", System.StringComparison.Ordinal) >= 0 || operation.IndexOf(" DELETE", System.StringComparison.Ordinal) >= 0;

    private static SeedingSpec? Call(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(invocation);
        if (method.Name is "UseSeeding" or "UseAsyncSeeding")
        {
            if (!original.ContainingType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null;
            var bodies = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().Select(l => (SyntaxNode)l.Body);
            return new SeedingSpec(method.Name, "EF Core seeding callback", TransactionBodyReader.OperationsIn(bodies, model, cancellationToken),
                CodeText.EnclosingCondition(invocation, null), member, location, WriteGuard(bodies.ToList(), model, cancellationToken));
        }
        // A call into seeding code declared in this project, from outside that type.
        if (original.DeclaringSyntaxReferences.IsEmpty || method.Name.IndexOf("Seed", System.StringComparison.Ordinal) < 0) return null;
        var caller = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType;
        if (caller is not null && SymbolEqualityComparer.Default.Equals(caller, original.ContainingType)) return null;
        if (original.Name == "HasData") return null;
        var subject = original.ContainingType.Name + "." + original.Name;
        return new SeedingSpec("seeding call", subject, EquatableArray<string>.Empty, CodeText.EnclosingCondition(invocation, null), member, location);
    }

    /// <summary><c>new Faker&lt;Customer&gt;().RuleFor(c => c.Name, f => ...)...Generate(50)</c>: the properties filled, the count.</summary>
    private static SeedingSpec? Faker(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol { Name: "Faker", TypeArguments.Length: 1 } faker || !faker.IsInNamespace("Bogus")) return null;
        var details = new List<string>();
        var filled = new List<string>();
        foreach (var call in SyntaxFacts.CallsChainedAfter(creation))
        {
            var name = SyntaxFacts.CalledName(call);
            if (name is "RuleFor" && SyntaxFacts.SelectedMember(call.ArgumentList.Arguments.FirstOrDefault()?.Expression) is { } property)
            {
                filled.Add(property);
            }
            else if (name is "RuleFor" && call.ArgumentList.Arguments.FirstOrDefault() is { } named && model.ConstantString(named.Expression, cancellationToken) is { } propertyName)
            {
                filled.Add(propertyName);
            }
            else if (name is "Generate" or "GenerateLazy" or "GenerateForever")
            {
                var count = call.ArgumentList.Arguments.FirstOrDefault() is { } argument && Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: int n }
                    ? n.ToString(CultureInfo.InvariantCulture) : null;
                details.Add(name == "Generate" ? "generates " + (count ?? (call.ArgumentList.Arguments.Count == 0 ? "1" : "a computed number of")) + " item(s)" : name);
            }
            else if (name is "UseSeed" && call.ArgumentList.Arguments.FirstOrDefault() is { } seed && Semantics.ConstantOf(seed.Expression, model, cancellationToken) is { HasValue: true, Value: int value })
            {
                details.Add("deterministic seed " + value.ToString(CultureInfo.InvariantCulture));
            }
        }
        if (filled.Count > 0) details.Insert(0, "fills " + string.Join(", ", filled));
        return new SeedingSpec("Bogus faker", faker.TypeArguments[0].ClrFullName(), details.ToEquatableArray(), CodeText.EnclosingCondition(creation, null),
            CodeText.MemberName(creation, model, cancellationToken), SourceLocation.From(creation));
    }
}

internal sealed record SeedingResult(SeedingSpec? Spec, string? Error);
