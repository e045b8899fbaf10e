using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>A method of the project that a model-building body hands a builder to, and what is needed to read it.</summary>
/// <param name="Body">The helper's body (block or expression), read as part of the body that calls it.</param>
/// <param name="TypeMap">A generic helper's type parameters and the entity types the call binds them to (full names).</param>
/// <param name="Unreadable">Why the helper's configuration cannot be read (compiled elsewhere, may be overridden, generic
/// over a type the call does not fix); null when <see cref="Body"/> is read.</param>
internal sealed record ModelHelper(IMethodSymbol Method, SyntaxNode? Body, SemanticModel? Model, Dictionary<string, string> TypeMap, string? Unreadable);

/// <summary>
/// Configuration written in helper methods: <c>ConfigureOrder(modelBuilder.Entity&lt;Order&gt;())</c>,
/// <c>modelBuilder.ConfigureRooms()</c> (an extension method of the project), <c>builder.ConfigureAuditable()</c> on an
/// entity builder, <c>Stamp&lt;Guest&gt;(...)</c>, and method groups handed to EF Core (<c>Entity&lt;Order&gt;(ConfigureOrder)</c>).
/// A call is a helper call when it hands a builder or the mutable model (a type of EF Core's namespaces named
/// <c>...Builder</c> or <c>IMutable...</c>) to a method that is not EF Core's (or a provider's, which live in the same
/// namespaces) nor the framework's. Its body is read where the call is, when its source is in this compilation and it
/// cannot be replaced (not abstract, not virtual in an unsealed class); otherwise the configuration is reported as not
/// evaluated. DataDocGen silently skipped such helpers before and stated schemas without their configuration.
/// </summary>
internal static class ModelHelperCalls
{
    public static IEnumerable<(InvocationExpressionSyntax Call, ModelHelper Helper)> Find(SyntaxNode body, SemanticModel model, ModelLoops? loops, CancellationToken cancellationToken)
    {
        foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (loops?.IsConsumed(invocation) == true) continue;
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) continue;
            if (invocation.Expression is MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax })
            {
                // base.OnModelCreating(...): the override chain is read by DbContextParser (and Identity's is encoded).
                // base.Configure(builder) in a configuration class extending a (generic) base configuration: that exact method.
                if (method.Name != "OnModelCreating" && invocation.ArgumentList.Arguments.Any(a => IsBuilder(Semantics.TypeOf(a.Expression, model, cancellationToken))))
                {
                    yield return (invocation, Read(method, model.Compilation, cancellationToken, exactTarget: true));
                }
                continue;
            }
            if (method.MethodKind == MethodKind.LocalFunction) continue; // declared in the body: read with it
            // A partial method without an implementation (scaffolded `OnModelCreatingPartial(modelBuilder)`): the compiler
            // removes the call. With one, the implementation's body is read (Read).
            if (method.OriginalDefinition is { IsPartialDefinition: true, PartialImplementationPart: null }) continue;
            if (IsLibrary(method))
            {
                // EF Core's own call: a method group argument is a helper it calls with a builder (Entity<Order>(ConfigureOrder)).
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
                        && Semantics.SymbolOrMethod(argument.Expression, model, cancellationToken) is IMethodSymbol group
                        && !IsLibrary(group) && group.Parameters.Any(p => IsBuilder(p.Type)))
                    {
                        yield return (invocation, Read(group, model.Compilation, cancellationToken));
                    }
                }
                continue;
            }
            var receiver = method.ReducedFrom is not null ? method.ReceiverType : null;
            if (!IsBuilder(receiver) && !invocation.ArgumentList.Arguments.Any(a => IsBuilder(Semantics.TypeOf(a.Expression, model, cancellationToken)))) continue;
            // A project extension on a property, navigation or owned builder is a step of its chain: the schema builder
            // reports it as a call it does not evaluate, where it is.
            if (receiver is not null && IsBuilder(receiver) && !IsReadableBuilder(receiver)) continue;
            // A ModelBuilder extension compiled elsewhere: ModelConfigurationParser.ForeignModelExtension says so already.
            if (receiver.Is("Microsoft.EntityFrameworkCore", "ModelBuilder") && !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, model.Compilation.Assembly)) continue;
            yield return (invocation, Read(method, model.Compilation, cancellationToken));
        }
    }

    /// <summary>EF Core and its providers and plug-ins (namespaces <c>Microsoft.EntityFrameworkCore</c>...), or the framework.</summary>
    private static bool IsLibrary(IMethodSymbol method)
    {
        var type = (method.ReducedFrom ?? method).ContainingType;
        return type is null || type.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore") || type.IsInNamespaceOrBelow("System") || type.IsInNamespaceOrBelow("Microsoft.Extensions");
    }

    /// <summary>A builder or mutable metadata of EF Core: what configuration is written through.</summary>
    public static bool IsBuilder(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && named.IsInNamespaceOrBelow("Microsoft.EntityFrameworkCore")
        && (named.Name.EndsWith("Builder", System.StringComparison.Ordinal) || named.Name.StartsWith("IMutable", System.StringComparison.Ordinal)
            || named.Name.StartsWith("IConvention", System.StringComparison.Ordinal))
        && named.Name is not ("DbContextOptionsBuilder" or "ModelConfigurationBuilder");

    /// <summary>A builder whose configuration names its entity type: the model builder and <c>EntityTypeBuilder&lt;T&gt;</c>.
    /// A helper handed a property, navigation or owned-type builder configures something only its caller names.</summary>
    private static bool IsReadableBuilder(ITypeSymbol type) =>
        type.Is("Microsoft.EntityFrameworkCore", "ModelBuilder") || type is INamedTypeSymbol { MetadataName: "EntityTypeBuilder`1" } named && named.IsInNamespace("Microsoft.EntityFrameworkCore.Metadata.Builders");

    /// <param name="exactTarget">The call runs this very method (<c>base.Configure(builder)</c>, an interface's implementation
    /// found for a class), so an override elsewhere does not matter.</param>
    public static ModelHelper Read(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken, bool exactTarget = false)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var map = new Dictionary<string, string>(System.StringComparer.Ordinal);
        string? Unreadable(string why) => "configuration in `" + method.Name + "` is not evaluated (" + why + ")";
        if (definition.Parameters.FirstOrDefault(p => IsBuilder(p.Type) && !IsReadableBuilder(p.Type)) is { } handed)
        {
            return new ModelHelper(definition, null, null, map, Unreadable("it is handed a `" + handed.Type.Name + "`"));
        }
        // A method of a generic class (a base configuration TrackedConfiguration<T>): readable when the call fixes the
        // class's type arguments to entity classes (TrackedConfiguration<Dog>).
        var containing = method.ContainingType;
        var containingDefinition = definition.ContainingType;
        if (containingDefinition is { TypeParameters.Length: > 0 })
        {
            for (var i = 0; i < containingDefinition.TypeParameters.Length; i++)
            {
                if (containing?.TypeArguments.Length != containingDefinition.TypeParameters.Length
                    || containing.TypeArguments[i] is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsGenericType: false } classArgument)
                {
                    return new ModelHelper(definition, null, null, map, Unreadable("a method of a generic class"));
                }
                map[containingDefinition.TypeParameters[i].ClrFullName()] = classArgument.ClrFullName();
            }
        }
        for (var i = 0; i < definition.TypeParameters.Length; i++)
        {
            var argument = method.TypeArguments[i];
            if (argument is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } bound || bound.IsGenericType)
            {
                return new ModelHelper(definition, null, null, map, Unreadable("a generic helper whose type argument is not an entity class"));
            }
            map[definition.TypeParameters[i].ClrFullName()] = bound.ClrFullName();
        }
        if (definition.IsAbstract)
        {
            // An interface member (jellyfin's IJellyfinDatabaseProvider.OnModelCreating) is abstract too: say which.
            return new ModelHelper(definition, null, null, map, Unreadable(definition.ContainingType?.TypeKind == TypeKind.Interface
                ? "it is an interface member: the implementation that runs is chosen at run time" : "it is abstract"));
        }
        if (!exactTarget && (definition.IsVirtual || definition.IsOverride) && definition.ContainingType?.IsSealed != true)
        {
            return new ModelHelper(definition, null, null, map, Unreadable("it may be overridden"));
        }
        foreach (var reference in (definition.PartialImplementationPart ?? definition).DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is MethodDeclarationSyntax declaration && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } helperBody)
            {
                return new ModelHelper(definition, helperBody, compilation.ReadSemanticModel(declaration.SyntaxTree), map, null);
            }
        }
        return new ModelHelper(definition, null, null, map, Unreadable("compiled in `" + definition.ContainingAssembly?.Name + "`, which cannot be read from this project"));
    }
}
