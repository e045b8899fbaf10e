using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Splits a model-building body into fluent chains (<c>b.Property(x => x.Name).HasMaxLength(50).IsRequired()</c>),
/// each with the entity it configures and its calls, arguments rendered as text. Builder variables are followed to
/// their initializer; nested builder lambdas (<c>Entity&lt;T&gt;(b => ...)</c>) give chains of their own. What the calls
/// mean is decided later, by the schema builder, which treats any call it does not know as "not evaluated".
/// </summary>
internal static class FluentChainParser
{
    private const string BuildersNamespace = "Microsoft.EntityFrameworkCore.Metadata.Builders";

    /// <summary>Calls that read the model and configure nothing (kept whatever condition they are under).</summary>
    private static readonly HashSet<string> ReadOnlyCalls = new()
    {
        "GetEntityTypes", "GetProperties", "GetDeclaredProperties", "GetForeignKeys", "GetNavigations", "GetKeys", "GetIndexes", "FindProperty",
        "FindEntityType", "FindPrimaryKey", "GetTableName", "GetSchema", "GetColumnName", "IsOwned", "GetClrType", "DisplayName", "ShortName",
        "IsSqlServer", "IsNpgsql", "IsSqlite", "IsRelational", "IsInMemory", "IsCosmos",
    };

    /// <summary>The prefix of an argument that is an array of constant property names (<c>new[] { "A", "B" }</c> is "#A,B").</summary>
    public const string NameArray = "#";

    /// <summary>Calls on an entity type's metadata that have a builder counterpart (see <c>ChainInterpreter.MetadataCall</c>).</summary>
    public static readonly HashSet<string> MetadataCalls = new()
    {
        "FindProperty", "FindNavigation", "SetMaxLength", "SetColumnName", "SetIsUnicode", "SetPropertyAccessMode", "SetField", "SetComment", "SetIsConcurrencyToken",
    };

    /// <summary>The step marking calls chained after an <c>OwnsOne/OwnsMany(..., builder lambda)</c>: they configure the owner.</summary>
    public const string BackToOwner = "↩";

    /// <param name="loops">Loops over the model's metadata read by <see cref="ModelLoopReader"/>: their chains join the
    /// others in source order, and the statements they read are skipped here.</param>
    /// <param name="helperChains">Chains of helper methods the body calls (<see cref="ModelHelperCalls"/>), at the call's position.</param>
    /// <param name="facades">Parameters of the helper being read that hold the context's <c>Database</c> (provider checks on them are read).</param>
    /// <param name="conditional">Receives configuration that runs under a condition (<see cref="ConditionalConfiguration"/>):
    /// reported as not evaluated, its chain left out. Null: read as if unconditional.</param>
    public static List<FluentChainSpec> Parse(SyntaxNode body, SemanticModel model, List<ITypeSymbol> configuredTypes, CancellationToken cancellationToken, ModelLoops? loops = null,
        IEnumerable<(int Position, FluentChainSpec Chain)>? helperChains = null, HashSet<InvocationExpressionSyntax>? helperCalls = null, List<UnresolvedConfigurationSpec>? conditional = null,
        IReadOnlyCollection<IParameterSymbol>? facades = null)
    {
        // The chain as it is kept: unconditional, or tagged with the provider checks it runs under (evaluated by the
        // report against the context's provider); null when it runs under another condition (reported as not evaluated).
        FluentChainSpec? Kept(SyntaxNode node, FluentChainSpec chain)
        {
            if (conditional is null || ConditionalConfiguration.Of(node, body, loops) is not { } condition) return chain;
            // Reads of the model's metadata change nothing, conditional or not.
            if (chain.Root == FluentRoot.Other && chain.Steps.All(s => ReadOnlyCalls.Contains(s.Method))) return chain;
            if (ConditionalConfiguration.ProviderOnly(node, body, condition, model, cancellationToken, facades) is { } providers) return chain with { When = providers };
            conditional.Add(new UnresolvedConfigurationSpec(ConditionalConfiguration.Reason(condition), SourceLocation.From(node)));
            return null;
        }
        var chains = new List<(int Position, FluentChainSpec Chain)>();
        if (loops is not null) chains.AddRange(loops.Chains);
        if (helperChains is not null) chains.AddRange(helperChains);
        // Metadata changed by assignment (`foreignKey.DeleteBehavior = DeleteBehavior.Restrict;` in a loop) is model
        // configuration too: recorded as a chain of one "=Property" step on the metadata type, which the schema
        // builder reports as not evaluated rather than ignoring it.
        foreach (var assignment in body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (loops?.IsConsumed(assignment) == true) continue;
            if (assignment.Left is MemberAccessExpressionSyntax target
                && Semantics.SymbolOrMethod(target, model, cancellationToken) is IPropertySymbol { ContainingType: { } owner } property
                && owner.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore"))
            {
                var step = new FluentStepSpec("=" + property.Name, EquatableArray<string>.Empty, EquatableArray<string>.Empty, SourceLocation.From(assignment));
                var assigned = new FluentChainSpec(FluentRoot.Other, null, owner.MetadataName, new[] { step }.ToEquatableArray(), SourceLocation.From(assignment));
                if (Kept(assignment, assigned) is { } kept) chains.Add((assignment.SpanStart, kept));
            }
        }
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsOutermost(invocation)) continue;
            if (loops?.IsConsumed(invocation) == true) continue;
            if (helperCalls?.Contains(invocation) == true)
            {
                // A helper method, read where it is called; the chain it ends (`Entity<Room>().ToTable("R").Stamp()`) is
                // read without it.
                if (invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax receiver }
                    && Chain(receiver, model, configuredTypes, 0, cancellationToken) is { } before && Kept(invocation, before) is { } keptBefore)
                {
                    chains.Add((invocation.SpanStart, keptBefore));
                }
                continue;
            }
            if (IsJoinTableLambdaBody(invocation)) continue; // read as an argument of its UsingEntity step
            // UsingEntity<TJoin>(): the join class's members are needed to lay out its table.
            if (invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "UsingEntity", TypeArgumentList.Arguments.Count: 1 } usingEntity }
                && Semantics.TypeOf(usingEntity.TypeArgumentList.Arguments[0], model, cancellationToken) is { } joinType)
            {
                configuredTypes.Add(joinType);
            }
            if (Chain(invocation, model, configuredTypes, 0, cancellationToken) is { } chain && Kept(invocation, chain) is { } kept) chains.Add((invocation.SpanStart, kept));
        }
        // Source order: the schema builder applies chains in the order EF Core runs them (a loop's delete behaviour is
        // overridden by later OnDelete calls only).
        return chains.OrderBy(c => c.Position).Select(c => c.Chain).ToList();
    }

    private static FluentChainSpec? Chain(InvocationExpressionSyntax outermost, SemanticModel model, List<ITypeSymbol> configuredTypes, int depth, CancellationToken cancellationToken)
    {
        var steps = new List<FluentStepSpec>();
        ExpressionSyntax expression = outermost;
        while (true)
        {
            if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
            {
                steps.Insert(0, Step(invocation, access.Name, model, cancellationToken));
                expression = access.Expression;
            }
            else if (expression is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } conditional && ConditionalReceiver(conditional) is { } receiver)
            {
                // `FindProperty("Sku")?.SetMaxLength(30)`: the call after `?.` continues the chain (it was dropped before, a
                // max length missing from the report).
                steps.Insert(0, Step(conditional, binding.Name, model, cancellationToken));
                expression = receiver;
            }
            else if (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
            {
                expression = suppressed.Operand; // FindNavigation(...)!.SetPropertyAccessMode(...)
            }
            else break;
        }
        if (steps.Count == 0) return null; // a plain method call, not a chain on a builder
        for (var i = steps.Count - 2; i >= 0; i--)
        {
            // OwnsOne(x => x.Nav, o => ...) returns the owner's builder, not the owned one: calls chained after it are marked,
            // so that they are not read as if made inside the owned type (as the lambda's own calls are).
            if (steps[i] is { Method: "OwnsOne" or "OwnsMany", Arguments.Count: 2 }) steps.Insert(i + 1, new FluentStepSpec(BackToOwner, EquatableArray<string>.Empty, EquatableArray<string>.Empty, steps[i].Location));
        }
        if (expression is BaseExpressionSyntax or ThisExpressionSyntax) return null; // base.OnModelCreating(...) and the like

        var rootType = Semantics.TypeOf(expression, model, cancellationToken);
        var location = SourceLocation.From(outermost);

        // A builder variable: `var line = b.Property(x => x.Name); line.HasMaxLength(5);` continues the initializer's chain.
        if (depth < 3 && expression is IdentifierNameSyntax identifier && !IsEntityBuilder(rootType, out _) && !rootType.Is("Microsoft.EntityFrameworkCore", "ModelBuilder")
            && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax initializer }
            && Chain(initializer, model, configuredTypes, depth + 1, cancellationToken) is { } start)
        {
            return start with { Steps = start.Steps.Concat(steps).ToEquatableArray(), Location = location };
        }

        // The builder's metadata (`builder.Metadata.FindProperty("Sku")?.SetMaxLength(30)`): a chain on the builder's entity
        // when every call is one the schema builder reads as its builder counterpart (ChainInterpreter.MetadataCall).
        if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Metadata", Expression: var metadataOf }
            && Semantics.TypeOf(metadataOf, model, cancellationToken) is INamedTypeSymbol { MetadataName: "EntityTypeBuilder`1", TypeArguments.Length: 1 } metadataBuilder
            && metadataBuilder.IsInNamespace(BuildersNamespace)
            && steps.All(s => MetadataCalls.Contains(s.Method)))
        {
            configuredTypes.Add(metadataBuilder.TypeArguments[0]);
            return new FluentChainSpec(FluentRoot.Entity, metadataBuilder.TypeArguments[0].ClrFullName(), null, steps.ToEquatableArray(), location);
        }

        if (IsEntityBuilder(rootType, out var entity))
        {
            // UsingEntity<Dictionary<string, object>>("PostTag", r => ..., l => ..., j => ...), as the scaffolder writes a
            // many-to-many's join table: the lambdas configure the shared-type entity type "PostTag", not the CLR type.
            if (expression is IdentifierNameSyntax bagParameter && PropertyBagJoinName(bagParameter, model, cancellationToken) is { } bagJoin)
            {
                var bagRole = JoinLambdaRole(bagParameter);
                if (bagRole is not null) steps.Insert(0, new FluentStepSpec(bagRole, EquatableArray<string>.Empty, EquatableArray<string>.Empty, steps[0].Location));
                return new FluentChainSpec(FluentRoot.Entity, bagJoin, null, steps.ToEquatableArray(), location);
            }
            configuredTypes.Add(entity!);
            // In UsingEntity's configureRight/configureLeft lambdas: which end the relationship goes to (a self-referencing
            // join class has two relationships to one entity type).
            if (expression is IdentifierNameSyntax lambdaParameter && JoinLambdaRole(lambdaParameter) is { } role)
            {
                steps.Insert(0, new FluentStepSpec(role, EquatableArray<string>.Empty, EquatableArray<string>.Empty, steps[0].Location));
            }
            return new FluentChainSpec(FluentRoot.Entity, entity!.ClrFullName(), null, steps.ToEquatableArray(), location);
        }
        if (rootType.Is("Microsoft.EntityFrameworkCore", "ModelBuilder"))
        {
            // modelBuilder.Entity<T>()... is a chain on T; Entity<T>(b => ...) alone only adds T (its lambda has chains of its own).
            if (steps[0] is { Method: "Entity", TypeArguments.Count: 1 } first
                && Semantics.SymbolOrMethod(((MemberAccessExpressionSyntax)FirstCall(outermost).Expression).Name, model, cancellationToken) is IMethodSymbol { TypeArguments.Length: 1 } entityMethod)
            {
                configuredTypes.Add(entityMethod.TypeArguments[0]);
                return new FluentChainSpec(FluentRoot.Entity, first.TypeArguments[0], null, steps.Skip(1).ToEquatableArray(), location);
            }
            return new FluentChainSpec(FluentRoot.Model, null, null, steps.ToEquatableArray(), location);
        }
        if (rootType is null || !rootType.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")) return null; // not model configuration

        // An owned-type builder lambda: OwnsOne(x => x.Nav, owned => owned.Property(...)...) continues the OwnsOne chain,
        // as if written b.OwnsOne(x => x.Nav).Property(...)...; the same for OwnsMany.
        if (depth < 3 && expression is IdentifierNameSyntax parameter && OwnsOneOf(parameter) is { } ownsOne
            && Chain(ownsOne, model, configuredTypes, depth + 1, cancellationToken) is { Root: FluentRoot.Entity } owner)
        {
            return owner with { Steps = owner.Steps.Concat(steps).ToEquatableArray(), Location = location };
        }
        return new FluentChainSpec(FluentRoot.Other, null, rootType.MetadataName, steps.ToEquatableArray(), location);
    }

    /// <summary>The first step of a chain in <c>UsingEntity</c>'s <c>configureRight</c> lambda (the join entity's
    /// relationship to the right end, the <c>WithMany</c> side).</summary>
    public const string JoinRight = "⇄right";

    /// <summary>The first step of a chain in <c>UsingEntity</c>'s <c>configureLeft</c> lambda (to the left end, the <c>HasMany</c> side).</summary>
    public const string JoinLeft = "⇄left";

    /// <summary>The first step of a chain in <c>UsingEntity</c>'s <c>configureJoinEntityType</c> lambda.</summary>
    public const string JoinConfiguration = "⇄join";

    /// <summary><see cref="JoinRight"/> or <see cref="JoinLeft"/> when <paramref name="identifier"/> is the parameter of the
    /// first or second of two or three lambdas passed to <c>UsingEntity</c> (after the join entity's name, if any),
    /// <see cref="JoinConfiguration"/> for the other one, else null.</summary>
    private static string? JoinLambdaRole(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        foreach (var lambda in identifier.Ancestors().OfType<LambdaExpressionSyntax>())
        {
            if (SyntaxFacts.SingleParameter(lambda) != name) continue;
            if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax list, Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UsingEntity" } } }) return null;
            var lambdas = list.Arguments.Where(a => a.Expression is LambdaExpressionSyntax).ToList();
            var index = lambdas.FindIndex(a => a.Expression == lambda);
            return lambdas.Count is 2 or 3 && index is 0 ? JoinRight : lambdas.Count is 2 or 3 && index is 1 ? JoinLeft : index >= 0 ? JoinConfiguration : null;
        }
        return null;
    }

    /// <summary>The shared-type entity name of <c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("PostTag", ...)</c> when
    /// <paramref name="node"/> is in, or is the parameter of, one of its lambdas; else null.</summary>
    public static string? PropertyBagJoinName(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var lambda in node.AncestorsAndSelf().OfType<LambdaExpressionSyntax>())
        {
            if (node is IdentifierNameSyntax identifier && SyntaxFacts.SingleParameter(lambda) != identifier.Identifier.ValueText) continue;
            if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: > 1 } list, Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "UsingEntity", TypeArgumentList.Arguments.Count: 1 } usingEntity } } }
                || !Schema.SchemaBuilder.IsPropertyBag(Semantics.TypeOf(usingEntity.TypeArgumentList.Arguments[0], model, cancellationToken)?.ClrFullName() ?? ""))
            {
                return null;
            }
            return Semantics.ConstantOf(list.Arguments[0].Expression, model, cancellationToken) is { HasValue: true, Value: string name } ? name : null;
        }
        return null;
    }

    /// <summary>The <c>OwnsOne/OwnsMany(x => x.Nav, p => ...)</c> call whose builder lambda declares the parameter <paramref name="identifier"/>.</summary>
    private static InvocationExpressionSyntax? OwnsOneOf(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        foreach (var lambda in identifier.Ancestors().OfType<LambdaExpressionSyntax>())
        {
            if (SyntaxFacts.SingleParameter(lambda) != name) continue;
            return lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 2 } list, Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OwnsOne" or "OwnsMany" } } call }
                   && list.Arguments[1].Expression == lambda ? call : null;
        }
        return null;
    }

    /// <summary>False for a call another call continues: <c>.A()</c> in <c>x.A().B()</c>, <c>x.A()!.B()</c> or <c>x.A()?.B()</c>.</summary>
    private static bool IsOutermost(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        while (node.Parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed) node = suppressed;
        return node.Parent switch
        {
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } access => access.Expression != node,
            ConditionalAccessExpressionSyntax conditional => conditional.Expression != node,
            _ => true,
        };
    }

    /// <summary>The receiver of a call made through <c>?.</c>: <c>x.A()</c> for <c>.B()</c> in <c>x.A()?.B()</c>.</summary>
    private static ExpressionSyntax? ConditionalReceiver(InvocationExpressionSyntax call)
    {
        SyntaxNode node = call;
        foreach (var ancestor in call.Ancestors())
        {
            if (ancestor is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == node) return conditional.Expression;
            if (ancestor is not (MemberAccessExpressionSyntax or InvocationExpressionSyntax or ConditionalAccessExpressionSyntax or PostfixUnaryExpressionSyntax)) return null;
            node = ancestor;
        }
        return null;
    }

    private static InvocationExpressionSyntax FirstCall(InvocationExpressionSyntax outermost)
    {
        var current = outermost;
        while (current.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } && inner.Expression is MemberAccessExpressionSyntax)
        {
            current = inner;
        }
        return current;
    }

    private static bool IsEntityBuilder(ITypeSymbol? type, out ITypeSymbol? entity)
    {
        entity = null;
        // TableBuilder<T> (ToTable(name, t => ...)) configures the same entity's table: its chains belong to T too.
        if (type is INamedTypeSymbol { MetadataName: "EntityTypeBuilder`1" or "TableBuilder`1", TypeArguments.Length: 1 } builder && builder.IsInNamespace(BuildersNamespace))
        {
            entity = builder.TypeArguments[0];
            return true;
        }
        return false;
    }

    public static FluentStepSpec Step(InvocationExpressionSyntax invocation, SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
    {
        var typeArguments = name is GenericNameSyntax generic
            ? generic.TypeArgumentList.Arguments.Select(t => TypeName(Semantics.TypeOf(t, model, cancellationToken))).ToEquatableArray()
            : EquatableArray<string>.Empty;
        var arguments = invocation.ArgumentList.Arguments.Select(a => Render(a.Expression, model, cancellationToken)).ToEquatableArray();
        // A value conversion: the provider type its converter certainly has, read while the semantic model is at hand.
        var converter = name.Identifier.ValueText is "HasConversion" or "HaveConversion" ? ConverterReader.Read(invocation, model, cancellationToken) : null;
        return new FluentStepSpec(name.Identifier.ValueText, typeArguments, arguments, SourceLocation.From(name), Converter: converter);
    }

    /// <summary>A type argument's full name; <c>Nullable&lt;T&gt;</c> as <c>T?</c>, so shadow properties keep their nullability.</summary>
    public static string TypeName(ITypeSymbol? type) => type switch
    {
        null => "?",
        INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable => nullable.TypeArguments[0].ClrFullName() + "?",
        _ => type.ClrFullName(),
    };

    private static string Render(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax) return "new";
        var items = expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            _ => (SeparatedSyntaxList<ExpressionSyntax>?)null,
        };
        if (items is { } array)
        {
            // new[] { "TagId" }: property names (HasIndex(new[] { "TagId" }, "IX_PostTag_TagId"), as the scaffolder writes it).
            var names = array.Select(e => Semantics.ConstantOf(e, model, cancellationToken)).Select(c => c is { HasValue: true, Value: string name } && name.Length > 0 && name.IndexOf(',') < 0 ? name : null).ToList();
            if (names.Count > 0 && names.All(n => n is not null)) return NameArray + string.Join(",", names);
            return "[" + array.Count.ToString(CultureInfo.InvariantCulture) + "]";
        }
        if (expression is LambdaExpressionSyntax lambda)
        {
            // Only UsingEntity's: OwnsMany(x => x.Lines, l => l.ToTable("OrderLines")) is a builder lambda like any other,
            // whose chain is read on its own (it was taken for a join table's name, and the OwnsMany withheld, before).
            if (IsUsingEntityArgument(lambda) && ToTableLambda(lambda, model, cancellationToken) is { } table) return "⇒ToTable\"" + table;
            return MemberList(lambda) is { } members ? "=" + members : "λ" + (CodeText.Safe(lambda) is { } code ? ":" + code : "");
        }
        var constant = Semantics.ConstantOf(expression, model, cancellationToken);
        if (constant.HasValue)
        {
            var type = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
            if (type?.TypeKind == TypeKind.Enum)
            {
                var member = type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, constant.Value));
                return member is null ? "?" : type.Name + "." + member.Name;
            }
            return constant.Value switch
            {
                null => "null",
                string text => "\"" + text,
                bool flag => flag ? "true" : "false",
                _ => System.Convert.ToString(constant.Value, CultureInfo.InvariantCulture) ?? "?",
            };
        }
        return "?";
    }

    /// <summary>True for the <c>j.ToTable(...)</c> of <c>UsingEntity(j => j.ToTable(...))</c>, which the chain
    /// interpreter reads as the join table's name (see <see cref="ToTableLambda"/>).</summary>
    public static bool IsJoinTableLambdaBody(InvocationExpressionSyntax invocation) =>
        invocation.Parent is SimpleLambdaExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax owner } } }
        && owner.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UsingEntity" }
        // Only the ToTable call: other lambda bodies (r => r.HasOne(...).WithMany()) are chains on the join class.
        && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToTable" };

    private static bool IsUsingEntityArgument(LambdaExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UsingEntity" } } } };

    /// <summary>The constant table name of <c>j => j.ToTable("Name")</c> (a <c>UsingEntity</c> join configuration), else null.</summary>
    private static string? ToTableLambda(LambdaExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        var parameter = (lambda as SimpleLambdaExpressionSyntax)?.Parameter.Identifier.ValueText;
        if (parameter is null
            || lambda.ExpressionBody is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call
            || call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToTable", Expression: IdentifierNameSyntax root }
            || root.Identifier.ValueText != parameter)
        {
            return null;
        }
        return model.FirstArgumentString(call, cancellationToken);
    }

    /// <summary><c>x => x.A</c> gives "A"; <c>x => new { x.A, x.B }</c> gives "A,B"; anything else null.</summary>
    private static string? MemberList(LambdaExpressionSyntax lambda)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        if (parameter is null) return null;
        var body = lambda.ExpressionBody;
        while (body is CastExpressionSyntax cast) body = cast.Expression; // x => (object)x.Id
        if (body is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root } access && root.Identifier.ValueText == parameter)
        {
            return access.Name.Identifier.ValueText;
        }
        if (body is AnonymousObjectCreationExpressionSyntax anonymous)
        {
            var names = new List<string>();
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer.NameEquals is not null) return null;
                if (initializer.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax memberRoot } member || memberRoot.Identifier.ValueText != parameter) return null;
                names.Add(member.Name.Identifier.ValueText);
            }
            return names.Count == 0 ? null : string.Join(",", names);
        }
        return null;
    }
}
