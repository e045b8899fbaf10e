using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Schema per tenant (outline 4.2): a default schema read at run time in <c>OnModelCreating</c>, the
/// <c>IModelCacheKeyFactory</c> replacement that makes EF Core keep one model per schema, and the key factory itself.
/// Each is confirmed by symbol (EF Core's <c>ModelBuilder</c>, <c>DbContextOptionsBuilder</c>, <c>IModelCacheKeyFactory</c>),
/// so a look-alike method or interface is nothing. A constant schema is not tenancy: the schema model reads it.
/// </summary>
internal static class TenancyParser
{
    private const string Ef = "Microsoft.EntityFrameworkCore";
    private const string EfInfrastructure = "Microsoft.EntityFrameworkCore.Infrastructure";

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name } } =>
            name.Identifier.ValueText is "HasDefaultSchema" || (name is GenericNameSyntax { Identifier.ValueText: "ReplaceService", TypeArgumentList.Arguments.Count: 2 }),
        ClassDeclarationSyntax type => type.BaseList?.Types.Any(t => SyntaxFacts.RightmostName(t.Type) is "IModelCacheKeyFactory" or "ModelCacheKeyFactory") == true
                                        || TenantSourceReader.IsCandidate(type),
        _ => false,
    };

    public static TenancyResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var spec = context.Node switch
            {
                InvocationExpressionSyntax invocation => FromInvocation(invocation, context.SemanticModel, cancellationToken),
                ClassDeclarationSyntax type => KeyFactory(type, context.SemanticModel, cancellationToken)
                                               ?? (TenantSourceReader.IsCandidate(type) ? TenantSourceReader.Read(type, context.SemanticModel, cancellationToken) : null),
                _ => null,
            };
            return spec is null ? null : new TenancyResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new TenancyResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static TenancySpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        if (method.Name == "HasDefaultSchema")
        {
            if (!OptionsBuilderParser.ReceiverType(method).Is(Ef, "ModelBuilder") || invocation.ArgumentList.Arguments.Count != 1) return null;
            var argument = invocation.ArgumentList.Arguments[0].Expression;
            if (Semantics.ConstantOf(argument, model, cancellationToken).HasValue) return null;
            return new TenancySpec(TenancyKind.RunTimeDefaultSchema, EnclosingContext(invocation, model, cancellationToken), CodeText.Safe(argument), null,
                Reads(argument, model, cancellationToken), member, SourceLocation.From(invocation));
        }
        // ReplaceService<IModelCacheKeyFactory, TFactory>() on EF Core's options builder.
        if (method is not { Name: "ReplaceService", TypeArguments.Length: 2 } || !method.TypeArguments[0].Is(EfInfrastructure, "IModelCacheKeyFactory")
            || !method.ContainingType.IsInNamespaceOrBelow(Ef)) return null;
        return new TenancySpec(TenancyKind.ModelCacheKeyFactoryReplaced, EnclosingContext(invocation, model, cancellationToken), null,
            method.TypeArguments[1].ClrFullName(), EquatableArray<string>.Empty, member, SourceLocation.From(invocation));
    }

    /// <summary>A class implementing <c>IModelCacheKeyFactory</c>: the key its <c>Create</c> returns, and the context members it reads.</summary>
    private static TenancySpec? KeyFactory(ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
            || !type.AllInterfaces.Any(i => i.Is(EfInfrastructure, "IModelCacheKeyFactory"))) return null;
        var returned = new List<ExpressionSyntax>();
        foreach (var create in declaration.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == "Create"))
        {
            if (create.ExpressionBody is { } arrow) returned.Add(arrow.Expression);
            if (create.Body is { } body) returned.AddRange(body.DescendantNodes().OfType<ReturnStatementSyntax>().Where(r => r.Expression is not null).Select(r => r.Expression!));
        }
        var code = returned.Count == 1 ? CodeText.Safe(returned[0]) : null;
        var reads = returned.SelectMany(r => Reads(r, model, cancellationToken)).Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToEquatableArray();
        return new TenancySpec(TenancyKind.ModelCacheKeyFactory, null, code, type.ClrFullName(), reads, type.Name, SourceLocation.From(declaration.Identifier.Parent!));
    }

    /// <summary>Instance fields and properties the code reads, as <c>Type.Member</c> (the declaring type's name).</summary>
    private static EquatableArray<string> Reads(SyntaxNode code, SemanticModel model, CancellationToken cancellationToken) => code.DescendantNodesAndSelf()
        .OfType<SimpleNameSyntax>()
        .Select(n => Semantics.SymbolOrMethod(n, model, cancellationToken))
        .Where(s => s is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false })
        .Select(s => s!.ContainingType.Name + "." + s.Name)
        .Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The context a model or options call configures: the DbContext whose method holds it, or the context
    /// type argument of the registration call whose lambda holds it (<c>AddDbContext&lt;ShopContext&gt;(o =&gt; ...)</c>).</summary>
    private static string? EnclosingContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax registration }
                    when OptionsBuilderParser.ResolveMethod(registration, model, cancellationToken) is { IsGenericMethod: true } method:
                    if (method.TypeArguments.FirstOrDefault(t => t.DerivesFrom(Ef, "DbContext")) is { } registered) return registered.ClrFullName();
                    break;
                case TypeDeclarationSyntax type:
                    return model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol symbol && symbol.DerivesFrom(Ef, "DbContext") ? symbol.ClrFullName() : null;
            }
        }
        return null;
    }
}
