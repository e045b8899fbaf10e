using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>One call of a fluent chain with its arguments rendered as text:
/// <c>=A,B</c> for member lambdas (<c>x => x.A</c>, <c>x => new { x.A, x.B }</c>), <c>"text</c> for strings,
/// the invariant text of numbers and booleans, <c>Type.Member</c> for enum values, <c>λ</c> for other lambdas
/// (<c>λ:code</c> when the lambda is short code without string literals),
/// <c>new</c> for an object creation, <c>[n]</c> for an array written with n items, <c>?</c> for anything else.</summary>
/// <param name="Origin">Set for calls DataDocGen knows are made by library code (ASP.NET Core Identity's OnModelCreating):
/// where they come from, since <see cref="Location"/> then points at the user's code that brings them in.</param>
/// <param name="Converter">For <c>HasConversion</c>/<c>HaveConversion</c>: the provider type its converter certainly has
/// (<c>Parsing/ConverterReader</c>); null when the code does not say it statically.</param>
internal sealed record FluentStepSpec(string Method, EquatableArray<string> TypeArguments, EquatableArray<string> Arguments, SourceLocation? Location, string? Origin = null, ConverterSpec? Converter = null)
{
    public string? Argument(int index) => index < Arguments.Count ? Arguments[index] : null;
}

internal enum FluentRoot
{
    /// <summary>The chain configures one entity type (<c>modelBuilder.Entity&lt;T&gt;()...</c>, <c>builder...</c> of an <c>EntityTypeBuilder&lt;T&gt;</c>).</summary>
    Entity,
    /// <summary>The chain is on the <c>ModelBuilder</c> itself (<c>HasDefaultSchema</c>, <c>ApplyConfiguration</c>...).</summary>
    Model,
    /// <summary>Anything else: an owned or complex-type builder, metadata API in a loop, a helper's return value.</summary>
    Other,
    /// <summary>A statement in a loop over the model's entity types (<c>Parsing/ModelLoopReader</c>): steps named <c>?X</c>
    /// are conditions on the entity type (<c>?!X</c> negated), the others what is done to each that meets them.</summary>
    EachEntityType,
    /// <summary>A statement in a loop over the model's foreign keys; <see cref="FluentChainSpec.RootType"/> names how
    /// they are enumerated (<c>GetForeignKeys</c> includes inherited ones, <c>GetDeclaredForeignKeys</c> does not).</summary>
    EachForeignKey,
    /// <summary>A statement in a loop over each entity type's properties.</summary>
    EachProperty,
}

/// <summary>A statement of model configuration: the root it starts from and its calls in order.</summary>
/// <param name="Entity">The entity type's full name for <see cref="FluentRoot.Entity"/> chains.</param>
/// <param name="RootType">The root's type name for <see cref="FluentRoot.Other"/> chains (e.g. <c>OwnedNavigationBuilder`2</c>).</param>
/// <param name="When">Set when the chain runs only for some database providers (<c>if (Database.IsSqlServer())</c>): the
/// report evaluates it against the context's provider (<c>Report/ProviderConditions</c>).</param>
internal sealed record FluentChainSpec(FluentRoot Root, string? Entity, string? RootType, EquatableArray<FluentStepSpec> Steps, SourceLocation? Location,
    ProviderCondition? When = null);
