using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Diagnostics;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Options builders the code makes itself: <c>new DbContextOptionsBuilder&lt;T&gt;()</c> (or <c>DbContextOptionsBuilder&lt;T&gt; b
/// = new()</c>) outside <c>OnConfiguring</c> and registrations, as BTCPay's <c>ApplicationDbContextFactory.CreateContext</c>
/// and design-time factories do. The builder is followed from where it is made: calls chained on the creation, and the
/// uses of the local it initialises when that local is never assigned again. A call on it that chooses a provider is
/// <c>T</c>'s provider (with the condition around it); other option calls are options; the builder handed to a method of
/// this project that cannot be replaced (not abstract, virtual or an interface member; an extension method called on it
/// included) is followed into that method's parameter, <see cref="HelperDepth"/> levels deep, the condition at the call
/// joined to those inside; handed to any other code (compiled in another assembly, an interface, a delegate) it is
/// recorded as not followed. A builder of an open type parameter (<c>DbContextOptionsBuilder&lt;TContext&gt;</c>), a
/// non-generic one, or one kept in a field is not read: nothing shows which context it configures here.
/// </summary>
internal static class BuiltOptionsParser
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    /// <summary>How many project methods deep a builder handed over is followed.</summary>
    private const int HelperDepth = 3;

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ObjectCreationExpressionSyntax creation => SyntaxFacts.RightmostName(creation.Type) == "DbContextOptionsBuilder",
        ImplicitObjectCreationExpressionSyntax { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } } =>
            SyntaxFacts.RightmostName(declaration.Type) == "DbContextOptionsBuilder",
        _ => false,
    };

    public static BuiltOptionsResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var creation = (ExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol { MetadataName: "DbContextOptionsBuilder`1", TypeArguments.Length: 1 } type
                || !type.IsInNamespace(EfNamespace)
                || type.TypeArguments[0] is not INamedTypeSymbol contextType || !DbContextParser.IsConcreteDbContext(contextType))
            {
                return null;
            }

            var reading = new Reading(model.Compilation, cancellationToken);
            var top = reading.ReadChain(creation, model, null);
            if (top.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local
                && Semantics.LocalValues(local, cancellationToken) is { Count: 1 }
                && declarator.Ancestors().FirstOrDefault(a => a is BlockSyntax or ArrowExpressionClauseSyntax or CompilationUnitSyntax) is { } body)
            {
                reading.ReadUses(body, local, model, null);
            }
            else if (top.Parent is ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: ExpressionSyntax handedTo } } argument)
            {
                reading.ReadHandOver(handedTo, argument, model, null);
            }
            if (reading.Providers.Count == 0 && reading.Options.Count == 0 && reading.NotFollowed.Count == 0) return null;

            var declaring = creation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } typeDeclaration ? model.GetDeclaredSymbol(typeDeclaration, cancellationToken) as INamedTypeSymbol : null;
            var designTime = declaring?.AllInterfaces.Any(i => i.Is(EfNamespace + ".Design", "IDesignTimeDbContextFactory`1")) == true;
            var site = new BuiltOptionsSpec(contextType.ClrFullName(), CodeText.MemberName(creation, model, cancellationToken), designTime,
                reading.Providers.ToEquatableArray(), reading.Options.ToEquatableArray(), reading.NotFollowed.ToEquatableArray(), SourceLocation.From(creation));
            return new BuiltOptionsResult(site, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new BuiltOptionsResult(null, GeneratorFailure.Describe(exception, context.Node));
        }
    }

    /// <summary>What one builder's calls say, gathered as it is followed.</summary>
    private sealed class Reading(Compilation compilation, CancellationToken cancellationToken)
    {
        public List<ProviderUseSpec> Providers { get; } = new();
        public List<OptionCallSpec> Options { get; } = new();
        public List<OptionCallSpec> NotFollowed { get; } = new();

        /// <summary>The project methods being read (a method handing the builder back to itself is not read again).</summary>
        private readonly List<IMethodSymbol> path = new();

        /// <summary>Reads the calls chained on <paramref name="builder"/> while each returns the builder; returns the last
        /// expression that still is the builder.</summary>
        public ExpressionSyntax ReadChain(ExpressionSyntax builder, SemanticModel model, string? condition)
        {
            var current = builder;
            foreach (var call in SyntaxFacts.CallsChainedAfter(builder))
            {
                var method = ReadCall(call, model, condition);
                if (method is null || !OptionsBuilderParser.IsOptionsBuilder(method.ReturnType)) break;
                current = call;
            }
            return current;
        }

        /// <summary>Reads every use of <paramref name="holder"/> (a local or parameter holding the builder) in <paramref name="body"/>.</summary>
        public void ReadUses(SyntaxNode body, ISymbol holder, SemanticModel model, string? condition)
        {
            foreach (var identifier in body.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (identifier.Identifier.ValueText != holder.Name) continue;
                if (identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier)
                {
                    if (access.Parent is not InvocationExpressionSyntax || !Holds(identifier, holder, model)) continue;
                    ReadChain(identifier, model, condition);
                }
                else if (identifier.Parent is ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent: BaseArgumentListSyntax { Parent: ExpressionSyntax handedTo } } argument
                         && Holds(identifier, holder, model))
                {
                    ReadHandOver(handedTo, argument, model, condition);
                }
            }
        }

        private bool Holds(IdentifierNameSyntax identifier, ISymbol holder, SemanticModel model) =>
            SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(identifier, model, cancellationToken)?.OriginalDefinition, holder.OriginalDefinition);

        /// <summary>A call made on the builder: a provider, an option, or a project extension method followed into.</summary>
        private IMethodSymbol? ReadCall(InvocationExpressionSyntax call, SemanticModel model, string? condition)
        {
            if (OptionsBuilderParser.MethodName(call) is not { } name || OptionsBuilderParser.ResolveMethod(call, model, cancellationToken) is not { } method) return null;
            var onBuilder = OptionsBuilderParser.IsOptionsBuilder(OptionsBuilderParser.ReceiverType(method));
            if (onBuilder && KnownProviders.UseMethods.TryGetValue(name, out var provider))
            {
                // As in OnConfiguring (OptionsBuilderParser.Parse): a provider's name on the builder chooses that provider.
                var use = OptionsBuilderParser.ParseProviderCall(call, method, provider, null, model, cancellationToken);
                Providers.Add(use with { Condition = And(condition, use.Condition) });
            }
            else if (method.ReducedFrom is not null && OptionsBuilderParser.IsOwnSource(method, model))
            {
                // builder.UseAppDatabase(configuration), an extension of this project: its `this` parameter holds the builder.
                Follow(call, method, method.ReducedFrom.OriginalDefinition.Parameters.FirstOrDefault(), model, condition, name);
            }
            else if (onBuilder && OptionsBuilderParser.LooksLikeOption(name))
            {
                Options.Add(OptionsBuilderParser.OptionCall(call, method, name, model, cancellationToken));
            }
            return method;
        }

        /// <summary>The builder passed as an argument: to EF Core's own method (a static-form <c>UseSqlite(builder, ...)</c>
        /// is read as a call on it), to a project method followed into, or to code not followed.</summary>
        public void ReadHandOver(ExpressionSyntax handedTo, ArgumentSyntax argument, SemanticModel model, string? condition)
        {
            if (handedTo is not InvocationExpressionSyntax call)
            {
                // new Something(builder): a constructor is not followed.
                if (handedTo is BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation)
                {
                    NotFollowed.Add(new OptionCallSpec(OptionsBuilderParser.RenderCall("new " + (creation is ObjectCreationExpressionSyntax named ? CodeText.Safe(named.Type) ?? "…" : string.Empty), arguments),
                        SourceLocation.From(creation)));
                }
                return;
            }
            var name = OptionsBuilderParser.MethodName(call) ?? CodeText.Safe(call.Expression) ?? "…";
            var method = OptionsBuilderParser.ResolveMethod(call, model, cancellationToken);
            if (method is not null && OptionsBuilderParser.IsEfCore(method))
            {
                if (method.IsExtensionMethod && method.ReducedFrom is null && call.ArgumentList.Arguments.IndexOf(argument) == 0) ReadCall(call, model, condition);
                return;
            }
            if (method is null || method.MethodKind == MethodKind.DelegateInvoke || !OptionsBuilderParser.IsOwnSource(method, model))
            {
                NotFollowed.Add(OptionsBuilderParser.NotFollowedCall(call, name));
                return;
            }
            var parameter = OptionsBuilderParser.ParameterFor(argument, call.ArgumentList, method);
            var shift = method.ReducedFrom is not null ? 1 : 0; // a reduced extension's parameters leave out `this`
            Follow(call, method, parameter is null ? null : (method.ReducedFrom ?? method).OriginalDefinition.Parameters.ElementAtOrDefault(parameter.Ordinal + shift), model, condition, name);
        }

        /// <summary>Reads the uses of the parameter that receives the builder in the called method's body, when that body is
        /// what runs (not abstract, virtual or an interface member) and the parameter keeps the builder; else not followed.</summary>
        private void Follow(InvocationExpressionSyntax call, IMethodSymbol method, IParameterSymbol? parameter, SemanticModel model, string? condition, string name)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (path.Any(m => SymbolEqualityComparer.Default.Equals(m, definition))) return; // already being read
            var body = parameter is null || path.Count >= HelperDepth || !RunsItsOwnBody(definition) ? null
                : (definition.PartialImplementationPart ?? definition).DeclaringSyntaxReferences
                    .Select(r => r.ReadSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
                    .Select(d => (SyntaxNode?)d.Body ?? d.ExpressionBody).FirstOrDefault(b => b is not null);
            if (body is null || parameter is null || SyntaxFacts.MayReassign(body, parameter.Name) || !OptionsBuilderParser.IsOptionsBuilder(parameter.Type))
            {
                NotFollowed.Add(OptionsBuilderParser.NotFollowedCall(call, name));
                return;
            }
            path.Add(definition);
            ReadUses(body, parameter, compilation.ReadSemanticModel(body.SyntaxTree), And(condition, CodeText.EnclosingCondition(call, null)));
            path.RemoveAt(path.Count - 1);
        }

        /// <summary>The method's body is what a call bound to it runs: not abstract, not replaceable by an override.</summary>
        private static bool RunsItsOwnBody(IMethodSymbol method) =>
            method is { IsAbstract: false, IsExtern: false } && (!(method.IsVirtual || method.IsOverride) || method.IsSealed || method.ContainingType?.IsSealed == true)
            && method.ContainingType?.TypeKind is TypeKind.Class or TypeKind.Struct;

        private static string? And(string? outer, string? inner) =>
            outer is null ? inner : inner is null ? outer : outer + " && " + inner;
    }
}
