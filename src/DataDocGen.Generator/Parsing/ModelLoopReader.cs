using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DataDocGen.Generator.Parsing;

/// <summary>What <see cref="ModelLoopReader"/> found in a model-building body.</summary>
/// <param name="Chains">Loop chains (<see cref="FluentRoot.EachEntityType"/>...), each with the position of its statement.</param>
/// <param name="Unresolved">Statements in loops that may rename tables and are not evaluated.</param>
/// <param name="Consumed">Statements read here: the other parsers skip them.</param>
internal sealed record ModelLoops(List<(int Position, FluentChainSpec Chain)> Chains, List<UnresolvedConfigurationSpec> Unresolved, List<TextSpan> Consumed)
{
    public bool IsConsumed(SyntaxNode node) => Consumed.Any(s => s.Contains(node.Span));

    /// <summary>The loops over the model's metadata this reader read: their conditions are its business, not
    /// <see cref="ConditionalConfiguration"/>'s.</summary>
    public List<TextSpan> Loops { get; } = new();
}

/// <summary>
/// Reads the loops real projects write over the model's metadata (<c>foreach (var e in modelBuilder.Model.GetEntityTypes())</c>,
/// <c>...SelectMany(e => e.GetForeignKeys())</c>, a nested <c>foreach</c> over <c>e.GetForeignKeys()</c>) and turns the
/// idioms that can be evaluated statically into loop chains: a delete behaviour for foreign keys, shadow properties
/// (<c>modelBuilder.Entity(e.ClrType).Property&lt;T&gt;("Name")</c>, <c>e.AddProperty("Name", typeof(T))</c>), and
/// table and column names computed from the metadata (<c>e.SetTableName(e.GetTableName()!.ToLowerInvariant())</c>,
/// <c>e.SetTableName(e.DisplayName())</c>, <c>p.SetColumnName(p.GetColumnName().ToLowerInvariant())</c>: see
/// <see cref="NameTokens"/>), under conditions made of
/// <c>typeof(I).IsAssignableFrom(e.ClrType)</c>, <c>e.IsOwned()</c>, <c>e.BaseType == null</c>, <c>fk.IsOwnership</c>,
/// <c>fk.DeleteBehavior == DeleteBehavior.X</c>, <c>!</c> and <c>&amp;&amp;</c>. Any other statement in such a loop
/// (query filters and local declarations aside, which the other parsers read) is "configured by code that DataDocGen
/// does not evaluate": reported at its line, never skipped.
/// </summary>
internal static class ModelLoopReader
{
    private const string Ef = "Microsoft.EntityFrameworkCore";
    public const string NotEvaluated = "configured by code that DataDocGen does not evaluate";

    private enum Scope { Entity, ForeignKey, Property }

    private sealed record Variables(string? Entity, string? ForeignKey, string? Property, string Collection);

    private sealed class Reader(SemanticModel model, CancellationToken cancellationToken, IReadOnlyCollection<IParameterSymbol>? facades)
    {
        public IReadOnlyCollection<IParameterSymbol>? Facades { get; } = facades;
        public readonly ModelLoops Result = new(new(), new(), new());
        public SemanticModel Model { get; } = model;
        public CancellationToken Token { get; } = cancellationToken;
    }

    /// <param name="facades">Parameters of the helper being read that hold the context's <c>Database</c> (<see cref="ProviderChecks.FacadeParameters"/>).</param>
    public static ModelLoops Read(SyntaxNode body, SemanticModel model, CancellationToken cancellationToken, IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        var reader = new Reader(model, cancellationToken, facades);
        foreach (var loop in body.DescendantNodes().OfType<ForEachStatementSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.Result.IsConsumed(loop) || loop.Ancestors().OfType<ForEachStatementSyntax>().Any(a => IsModelLoop(a, reader))) continue;
            if (Collection(loop.Expression, loop.Identifier.ValueText, reader) is not { } start) continue;
            reader.Result.Loops.Add(loop.Span);
            var (chains, unresolved) = (reader.Result.Chains.Count, reader.Result.Unresolved.Count);
            Walk(loop.Statement, start.Scope, start.Variables, start.Filters, reader);
            UnderCondition(loop, body, chains, unresolved, reader);
        }
        return reader.Result;
    }

    /// <summary>A loop that runs only under a condition (<c>if (legacy) foreach (...) e.SetTableName(...)</c>) was applied
    /// as if it always ran (a wrong fact: every table renamed). Under checks of the context's provider its chains and
    /// reasons carry the checks (the report evaluates them, <c>Report/ProviderConditions</c>); under any other condition
    /// they are dropped and the loop is reported as not evaluated, as other conditional configuration is.</summary>
    private static void UnderCondition(ForEachStatementSyntax loop, SyntaxNode body, int chains, int unresolved, Reader reader)
    {
        if (ConditionalConfiguration.Of(loop, body, null) is not { } condition) return;
        var result = reader.Result;
        if (ConditionalConfiguration.ProviderOnly(loop, body, condition, reader.Model, reader.Token, reader.Facades) is { } when)
        {
            for (var i = chains; i < result.Chains.Count; i++) result.Chains[i] = (result.Chains[i].Position, result.Chains[i].Chain with { When = when });
            for (var i = unresolved; i < result.Unresolved.Count; i++) result.Unresolved[i] = result.Unresolved[i] with { When = when };
            return;
        }
        result.Chains.RemoveRange(chains, result.Chains.Count - chains);
        result.Unresolved.RemoveRange(unresolved, result.Unresolved.Count - unresolved);
        result.Unresolved.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(condition), SourceLocation.From(loop)));
    }

    private static bool IsModelLoop(ForEachStatementSyntax loop, Reader reader) => Collection(loop.Expression, loop.Identifier.ValueText, reader) is not null;

    /// <summary>The loop's collection: the model's entity types or foreign keys, with the conditions of its <c>Where</c>s.</summary>
    private static (Scope Scope, Variables Variables, List<FluentStepSpec> Filters)? Collection(ExpressionSyntax expression, string variable, Reader reader)
    {
        var filters = new List<FluentStepSpec>();
        var wheres = new List<LambdaExpressionSyntax>();
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" or "Where" } access } call)
        {
            if (access.Name.Identifier.ValueText == "Where")
            {
                if (call.ArgumentList.Arguments.Count != 1 || call.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax lambda) return null;
                wheres.Insert(0, lambda);
            }
            else if (call.ArgumentList.Arguments.Count != 0) return null;
            expression = access.Expression;
        }
        Scope scope;
        string? via = null;
        string? entityVariable = null;
        if (IsModelEntityTypes(expression, reader))
        {
            scope = Scope.Entity;
        }
        else if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SelectMany", Expression: var source }, ArgumentList.Arguments: { Count: 1 } selectorArguments }
                 && selectorArguments[0].Expression is LambdaExpressionSyntax selector
                 && Collection(source, "", reader) is { Scope: Scope.Entity } entities
                 && SyntaxFacts.SingleParameter(selector) is { } parameter
                 && selector.ExpressionBody is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "GetForeignKeys" or "GetDeclaredForeignKeys" } keys }
                 && root.Identifier.ValueText == parameter)
        {
            scope = Scope.ForeignKey;
            via = keys.Name.Identifier.ValueText;
            filters.AddRange(entities.Filters);
            entityVariable = parameter;
        }
        else
        {
            return null;
        }
        var variables = scope == Scope.Entity ? new Variables(variable, null, null, "GetEntityTypes") : new Variables(entityVariable, variable, null, via!);
        foreach (var lambda in wheres)
        {
            var parameter = SyntaxFacts.SingleParameter(lambda);
            var lambdaVariables = scope == Scope.Entity ? variables with { Entity = parameter } : variables with { ForeignKey = parameter };
            if (parameter is null || lambda.ExpressionBody is not { } condition || Condition(condition, lambdaVariables, reader) is not { } atoms)
            {
                filters.Add(Unevaluable());
                continue;
            }
            filters.AddRange(atoms);
        }
        return (scope, variables, filters);
    }

    /// <summary><c>modelBuilder.Model.GetEntityTypes()</c> on EF Core's <c>ModelBuilder</c> (not another model, not a look-alike).</summary>
    private static bool IsModelEntityTypes(ExpressionSyntax expression, Reader reader) =>
        expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEntityTypes", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Model" } model } } call
        && Semantics.SymbolOrMethod(call, reader.Model, reader.Token) is IMethodSymbol method && method.ContainingType.IsInNamespaceOrBelow(Ef)
        && Semantics.TypeOf(model.Expression, reader.Model, reader.Token).Is(Ef, "ModelBuilder");

    private static FluentStepSpec Unevaluable() => Filter("Unevaluable");

    private static FluentStepSpec Filter(string name, string? argument = null) =>
        new("?" + name, EquatableArray<string>.Empty, argument is null ? EquatableArray<string>.Empty : new[] { argument }.ToEquatableArray(), null);

    private static void Walk(StatementSyntax statement, Scope scope, Variables variables, List<FluentStepSpec> filters, Reader reader)
    {
        reader.Token.ThrowIfCancellationRequested();
        switch (statement)
        {
            case BlockSyntax block:
                var current = filters;
                foreach (var inner in block.Statements)
                {
                    // `if (condition) continue;` guards the rest of the block.
                    if (inner is IfStatementSyntax { Else: null } guard && (guard.Statement is ContinueStatementSyntax || guard.Statement is BlockSyntax { Statements.Count: 1 } only && only.Statements[0] is ContinueStatementSyntax))
                    {
                        var atoms = Condition(guard.Condition, variables, reader);
                        current = current.Concat(atoms is { Count: 1 } ? new[] { Negate(atoms[0]) } : new[] { Unevaluable() }).ToList();
                        continue;
                    }
                    Walk(inner, scope, variables, current, reader);
                }
                return;
            case IfStatementSyntax { Else: null } conditional:
                var condition = Condition(conditional.Condition, variables, reader) ?? new List<FluentStepSpec> { Unevaluable() };
                Walk(conditional.Statement, scope, variables, filters.Concat(condition).ToList(), reader);
                return;
            case ForEachStatementSyntax nested when scope == Scope.Entity && NestedCollection(nested, variables) is { } inner:
                Walk(nested.Statement, inner.Scope, inner.Variables, filters, reader);
                return;
            case LocalDeclarationStatementSyntax or EmptyStatementSyntax:
                return; // read by the other parsers (a mutating call there is flagged by them)
            case ExpressionStatementSyntax { Expression: var expression } when IsQueryFilter(expression):
                return; // query filters: FluentChainParser and the schema builder list them
            case ExpressionStatementSyntax { Expression: var expression } when Action(expression, scope, variables, reader) is { } action:
                Add(statement, scope, variables, filters.Concat(action).ToList(), reader);
                return;
            default:
                Flag(statement, scope, variables, reader);
                return;
        }
    }

    private static (Scope Scope, Variables Variables)? NestedCollection(ForEachStatementSyntax nested, Variables variables)
    {
        if (nested.Expression is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: var name } }
            || root.Identifier.ValueText != variables.Entity) return null;
        return name switch
        {
            "GetForeignKeys" or "GetDeclaredForeignKeys" => (Scope.ForeignKey, variables with { ForeignKey = nested.Identifier.ValueText, Collection = name }),
            "GetProperties" or "GetDeclaredProperties" => (Scope.Property, variables with { Property = nested.Identifier.ValueText, Collection = name }),
            _ => null,
        };
    }

    private static bool IsQueryFilter(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetQueryFilter" or "HasQueryFilter" } };

    private static void Add(StatementSyntax statement, Scope scope, Variables variables, List<FluentStepSpec> steps, Reader reader)
    {
        var root = scope switch { Scope.Entity => FluentRoot.EachEntityType, Scope.ForeignKey => FluentRoot.EachForeignKey, _ => FluentRoot.EachProperty };
        reader.Result.Chains.Add((statement.SpanStart, new FluentChainSpec(root, null, variables.Collection, steps.ToEquatableArray(), SourceLocation.From(statement))));
        reader.Result.Consumed.Add(statement.Span);
    }

    /// <summary>A statement in a model loop that is not evaluated: schema detail only when it can only set a delete
    /// behaviour or add a property, else table names too (a helper, reflection, a computed rename...).</summary>
    private static void Flag(StatementSyntax statement, Scope scope, Variables variables, Reader reader)
    {
        var code = CodeText.Safe(statement is ExpressionStatementSyntax expressionStatement ? expressionStatement.Expression : statement);
        var what = NotEvaluated + (code is null ? "" : " (`" + code + "`)");
        var detailOnly = statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DeleteBehavior" } } }
                         || statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddProperty" } } };
        if (detailOnly)
        {
            Add(statement, scope, variables, new List<FluentStepSpec> { Filter("NotEvaluated", "\"" + what + ": it may change the delete behaviours and columns of this context's entity types") }, reader);
        }
        else
        {
            reader.Result.Unresolved.Add(new UnresolvedConfigurationSpec(what + ": it may change any table or column of this context", SourceLocation.From(statement)));
            reader.Result.Consumed.Add(statement.Span);
        }
    }

    /// <summary>The evaluable actions: <c>fk.DeleteBehavior = DeleteBehavior.X</c>; <c>modelBuilder.Entity(e.ClrType).Property&lt;T&gt;("Name")...</c>;
    /// <c>e.AddProperty("Name", typeof(T))</c>; <c>e.SetTableName(...)</c> and <c>p.SetColumnName(...)</c> with a name
    /// <see cref="NameExpression"/> can compute.</summary>
    private static List<FluentStepSpec>? Action(ExpressionSyntax expression, Scope scope, Variables variables, Reader reader)
    {
        var model = reader.Model;
        var token = reader.Token;
        switch (scope, expression)
        {
            case (Scope.ForeignKey, AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "DeleteBehavior" } left, Right: var value })
                when target.Identifier.ValueText == variables.ForeignKey && IsEf(Semantics.SymbolOrMethod(left, model, token))
                     && EnumValue(value, "DeleteBehavior", model, token) is { } behavior:
                return new List<FluentStepSpec> { Step("=DeleteBehavior", behavior, location: expression) };
            case (Scope.Entity, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "AddProperty" } } call)
                when target.Identifier.ValueText == variables.Entity && IsEf(Semantics.SymbolOrMethod(call, model, token))
                     && call.ArgumentList.Arguments is { Count: 2 } added && added[1].Expression is TypeOfExpressionSyntax typeOf
                     && model.ConstantString(added[0].Expression, token) is { } propertyName && Semantics.TypeOf(typeOf.Type, model, token) is { } type:
                return new List<FluentStepSpec> { new("AddProperty", new[] { FluentChainParser.TypeName(type) }.ToEquatableArray(), new[] { "\"" + propertyName }.ToEquatableArray(), SourceLocation.From(call)) };
            case (Scope.Entity, InvocationExpressionSyntax call) when EntityBuilderSteps(call, variables, reader) is { } steps:
                return steps;
            case (Scope.Entity, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "SetTableName" } } call)
                when target.Identifier.ValueText == variables.Entity && IsEf(Semantics.SymbolOrMethod(call, model, token))
                     && call.ArgumentList.Arguments.Count == 1 && NameExpression(call.ArgumentList.Arguments[0].Expression, variables.Entity!, Scope.Entity, model, token) is { } tableName:
                return new List<FluentStepSpec> { new("SetTableName", EquatableArray<string>.Empty, tableName.ToEquatableArray(), SourceLocation.From(call)) };
            case (Scope.Property, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "SetColumnName" } } call)
                when target.Identifier.ValueText == variables.Property && IsEf(Semantics.SymbolOrMethod(call, model, token))
                     && call.ArgumentList.Arguments.Count == 1 && NameExpression(call.ArgumentList.Arguments[0].Expression, variables.Property!, Scope.Property, model, token) is { } columnName:
                return new List<FluentStepSpec> { new("SetColumnName", EquatableArray<string>.Empty, columnName.ToEquatableArray(), SourceLocation.From(call)) };
            default:
                return null;
        }
    }

    /// <summary><c>modelBuilder.Entity(e.ClrType).Property&lt;T&gt;("Name")...</c>: the calls after <c>Entity</c>, starting with a generic <c>Property</c>.</summary>
    private static List<FluentStepSpec>? EntityBuilderSteps(InvocationExpressionSyntax call, Variables variables, Reader reader)
    {
        var calls = new List<InvocationExpressionSyntax>();
        ExpressionSyntax current = call;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            calls.Insert(0, invocation);
            current = access.Expression;
        }
        if (calls.Count < 2 || calls[0] is not { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Entity", Expression: var builder }, ArgumentList.Arguments: { Count: 1 } entityArguments }
            || entityArguments[0].Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "ClrType" }
            || root.Identifier.ValueText != variables.Entity
            || !Semantics.TypeOf(builder, reader.Model, reader.Token).Is(Ef, "ModelBuilder")
            || calls[1] is not { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Property" } } })
        {
            return null;
        }
        var steps = calls.Skip(1).Select(c => FluentChainParser.Step(c, ((MemberAccessExpressionSyntax)c.Expression).Name, reader.Model, reader.Token)).ToList();
        return steps[0].Arguments.Count == 1 && steps[0].Arguments[0].StartsWith("\"", System.StringComparison.Ordinal) ? steps : null;
    }

    /// <summary>
    /// A new table or column name computed from the metadata, in prefix notation (<see cref="NameTokens"/>): the current
    /// name (<c>e.GetTableName()</c>, <c>p.GetColumnName()</c>), the class name (<c>e.DisplayName()</c>, <c>e.ShortName()</c>,
    /// <c>e.ClrType.Name</c>), the property name (<c>p.Name</c>), string constants, <c>+</c> and interpolation of these, and
    /// <c>ToLowerInvariant()</c>/<c>ToUpperInvariant()</c> over any of them (through <c>!</c> and <c>?.</c>). Anything else
    /// (a helper such as <c>ToSnakeCase()</c>, culture-dependent <c>ToLower()</c>, <c>Replace</c>, a format) is null.
    /// </summary>
    private static List<string>? NameExpression(ExpressionSyntax expression, string variable, Scope scope, SemanticModel model, CancellationToken token)
    {
        while (true)
        {
            if (expression is ParenthesizedExpressionSyntax parenthesized) expression = parenthesized.Expression;
            else if (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression, Operand: var operand }) expression = operand;
            else break;
        }
        if (Semantics.ConstantOf(expression, model, token) is { HasValue: true, Value: string constant }) return new List<string> { "\"" + constant };
        switch (expression)
        {
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToLowerInvariant" or "ToUpperInvariant" } access } call
                when IsString(Semantics.SymbolOrMethod(call, model, token)) && NameExpression(access.Expression, variable, scope, model, token) is { } inner:
                return Case(access.Name.Identifier.ValueText, inner);
            case ConditionalAccessExpressionSyntax { Expression: var target, WhenNotNull: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "ToLowerInvariant" or "ToUpperInvariant" } binding } }
                when NameExpression(target, variable, scope, model, token) is { } inner:
                return Case(binding.Name.Identifier.ValueText, inner);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } add
                when Semantics.TypeOf(add, model, token)?.SpecialType == SpecialType.System_String
                     && NameExpression(add.Left, variable, scope, model, token) is { } left && NameExpression(add.Right, variable, scope, model, token) is { } right:
                return new[] { NameTokens.Concat, "2" }.Concat(left).Concat(right).ToList();
            case InterpolatedStringExpressionSyntax interpolated:
                var parts = new List<List<string>>();
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text) parts.Add(new List<string> { "\"" + text.TextToken.ValueText });
                    else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole && NameExpression(hole.Expression, variable, scope, model, token) is { } part) parts.Add(part);
                    else return null;
                }
                return new[] { NameTokens.Concat, parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(parts.SelectMany(p => p)).ToList();
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: var getter } } read
                when root.Identifier.ValueText == variable && IsEf(Semantics.SymbolOrMethod(read, model, token)):
                return (scope, getter) switch
                {
                    (Scope.Entity, "GetTableName") => new List<string> { NameTokens.Table },
                    (Scope.Entity, "DisplayName" or "ShortName") => new List<string> { NameTokens.ClassName },
                    (Scope.Property, "GetColumnName") => new List<string> { NameTokens.Column },
                    _ => null,
                };
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: var owner } name when scope == Scope.Entity && IsClrTypeOf(owner, variable)
                                                                                                          && Semantics.SymbolOrMethod(name, model, token)?.ContainingType?.Name is "MemberInfo" or "Type":
                return new List<string> { NameTokens.ClassName };
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name", Expression: IdentifierNameSyntax root } name when scope == Scope.Property && root.Identifier.ValueText == variable
                                                                                                                        && IsEf(Semantics.SymbolOrMethod(name, model, token)):
                return new List<string> { NameTokens.PropertyName };
            default:
                return null;
        }
    }

    private static List<string> Case(string method, List<string> inner) => new[] { method == "ToLowerInvariant" ? NameTokens.Lower : NameTokens.Upper }.Concat(inner).ToList();

    private static bool IsString(ISymbol? symbol) => symbol?.ContainingType?.SpecialType == SpecialType.System_String;

    /// <summary>A condition as filter steps (all must hold); null when any part is not one DataDocGen evaluates.</summary>
    private static List<FluentStepSpec>? Condition(ExpressionSyntax condition, Variables variables, Reader reader)
    {
        var model = reader.Model;
        var token = reader.Token;
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Condition(parenthesized.Expression, variables, reader);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and:
                return Condition(and.Left, variables, reader) is { } left && Condition(and.Right, variables, reader) is { } right ? left.Concat(right).ToList() : null;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: var operand }:
                return Condition(operand, variables, reader) is { Count: 1 } single ? new List<FluentStepSpec> { Negate(single[0]) } : null;
            // typeof(I).IsAssignableFrom(e.ClrType)
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: TypeOfExpressionSyntax typeOf, Name.Identifier.ValueText: "IsAssignableFrom" }, ArgumentList.Arguments: { Count: 1 } fromArguments }
                when IsClrTypeOf(fromArguments[0].Expression, variables.Entity) && Semantics.TypeOf(typeOf.Type, model, token) is { TypeKind: TypeKind.Interface or TypeKind.Class } type:
                return new List<FluentStepSpec> { Filter("Implements", "\"" + type.ClrFullName()) };
            // e.ClrType.IsAssignableTo(typeof(I))
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var clrType, Name.Identifier.ValueText: "IsAssignableTo" }, ArgumentList.Arguments: { Count: 1 } toArguments }
                when IsClrTypeOf(clrType, variables.Entity) && toArguments[0].Expression is TypeOfExpressionSyntax toType && Semantics.TypeOf(toType.Type, model, token) is { TypeKind: TypeKind.Interface or TypeKind.Class } type:
                return new List<FluentStepSpec> { Filter("Implements", "\"" + type.ClrFullName()) };
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "IsOwned" } } call
                when root.Identifier.ValueText == variables.Entity && IsEf(Semantics.SymbolOrMethod(call, model, token)):
                return new List<FluentStepSpec> { Filter("Owned") };
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "IsOwnership" } access
                when root.Identifier.ValueText == variables.ForeignKey && IsEf(Semantics.SymbolOrMethod(access, model, token)):
                return new List<FluentStepSpec> { Filter("Ownership") };
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } comparison:
                var atom = Comparison(comparison.Left, comparison.Right, variables, reader) ?? Comparison(comparison.Right, comparison.Left, variables, reader);
                return atom is null ? null : new List<FluentStepSpec> { comparison.IsKind(SyntaxKind.NotEqualsExpression) ? Negate(atom) : atom };
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } isNull
                when IsBaseTypeOf(isNull.Expression, variables.Entity, reader):
                return new List<FluentStepSpec> { Filter("Root") };
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } } isNotNull
                when IsBaseTypeOf(isNotNull.Expression, variables.Entity, reader):
                return new List<FluentStepSpec> { Filter("!Root") };
            default:
                return null;
        }
    }

    /// <summary><c>e.BaseType == null</c> and <c>fk.DeleteBehavior == DeleteBehavior.X</c> (as an equality).</summary>
    private static FluentStepSpec? Comparison(ExpressionSyntax left, ExpressionSyntax right, Variables variables, Reader reader)
    {
        if (right is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } && IsBaseTypeOf(left, variables.Entity, reader)) return Filter("Root");
        if (left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "DeleteBehavior" } access
            && root.Identifier.ValueText == variables.ForeignKey && IsEf(Semantics.SymbolOrMethod(access, reader.Model, reader.Token))
            && EnumValue(right, "DeleteBehavior", reader.Model, reader.Token) is { } behavior)
        {
            return Filter("DeleteBehavior", behavior);
        }
        return null;
    }

    private static bool IsBaseTypeOf(ExpressionSyntax expression, string? variable, Reader reader) =>
        expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "BaseType" } access
        && root.Identifier.ValueText == variable && IsEf(Semantics.SymbolOrMethod(access, reader.Model, reader.Token));

    private static bool IsClrTypeOf(ExpressionSyntax expression, string? variable) =>
        expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name.Identifier.ValueText: "ClrType" } && root.Identifier.ValueText == variable;

    private static FluentStepSpec Negate(FluentStepSpec filter) =>
        filter.Method == "?Unevaluable" ? filter
        : filter with { Method = filter.Method.StartsWith("?!", System.StringComparison.Ordinal) ? "?" + filter.Method.Substring(2) : "?!" + filter.Method.Substring(1) };

    private static string? EnumValue(ExpressionSyntax expression, string enumName, SemanticModel model, CancellationToken token) =>
        Semantics.SymbolOrMethod(expression, model, token) is IFieldSymbol { HasConstantValue: true, ContainingType: { TypeKind: TypeKind.Enum } type } field
        && type.Name == enumName && type.IsInNamespace(Ef) ? enumName + "." + field.Name : null;

    private static bool IsEf(ISymbol? symbol) => symbol?.ContainingType?.IsInNamespaceOrBelow(Ef) == true;

    private static FluentStepSpec Step(string method, string argument, SyntaxNode location) =>
        new(method, EquatableArray<string>.Empty, new[] { argument }.ToEquatableArray(), SourceLocation.From(location));
}

/// <summary>
/// A name computed in a loop over the model, as the arguments of a <c>SetTableName</c>/<c>SetColumnName</c> step, in
/// prefix notation: <c>lower</c>/<c>upper</c> take one operand, <c>concat</c> a count then that many operands; leaves are
/// <c>table</c>, <c>column</c>, <c>class</c>, <c>property</c> and string constants (a leading quote). <see cref="Evaluate"/>
/// computes it for one entity type or property.
/// </summary>
internal static class NameTokens
{
    public const string Lower = "lower", Upper = "upper", Concat = "concat", Table = "table", Column = "column", ClassName = "class", PropertyName = "property";

    /// <summary>The name, with <paramref name="leaf"/> giving each leaf's value (null when it cannot be told).</summary>
    public static string? Evaluate(IReadOnlyList<string> tokens, System.Func<string, string?> leaf)
    {
        var position = 0;
        var result = Next(tokens, ref position, leaf);
        return position == tokens.Count ? result : null;
    }

    public static bool Uses(IReadOnlyList<string> tokens, string leaf) => tokens.Contains(leaf);

    /// <summary>The expression as code, for the report: <c>SetTableName(DisplayName())</c> and the like.</summary>
    public static string Render(IReadOnlyList<string> tokens, bool table)
    {
        var position = 0;
        return Code(tokens, ref position, table);
    }

    private static string? Next(IReadOnlyList<string> tokens, ref int position, System.Func<string, string?> leaf)
    {
        if (position >= tokens.Count) return null;
        var token = tokens[position++];
        switch (token)
        {
            case Lower: return Next(tokens, ref position, leaf)?.ToLowerInvariant();
            case Upper: return Next(tokens, ref position, leaf)?.ToUpperInvariant();
            case Concat:
                if (position >= tokens.Count || !int.TryParse(tokens[position++], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)) return null;
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < count; i++)
                {
                    if (Next(tokens, ref position, leaf) is not { } part) return null;
                    text.Append(part);
                }
                return text.ToString();
            default:
                return token.StartsWith("\"", System.StringComparison.Ordinal) ? token.Substring(1) : leaf(token);
        }
    }

    private static string Code(IReadOnlyList<string> tokens, ref int position, bool table)
    {
        if (position >= tokens.Count) return "?";
        var token = tokens[position++];
        switch (token)
        {
            case Lower: return Code(tokens, ref position, table) + ".ToLowerInvariant()";
            case Upper: return Code(tokens, ref position, table) + ".ToUpperInvariant()";
            case Concat:
                var count = int.TryParse(tokens[position++], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
                var parts = new List<string>();
                for (var i = 0; i < count; i++) parts.Add(Code(tokens, ref position, table));
                return "(" + string.Join(" + ", parts) + ")";
            case Table: return "GetTableName()";
            case Column: return "GetColumnName()";
            case ClassName: return "DisplayName()";
            case PropertyName: return "Name";
            default: return token.StartsWith("\"", System.StringComparison.Ordinal) ? "\"" + token.Substring(1) + "\"" : "?";
        }
    }
}
