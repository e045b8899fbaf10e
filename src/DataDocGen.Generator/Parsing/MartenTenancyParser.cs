using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Marten multi-tenancy (outline 4.2), read through the Marten provider: conjoined tenancy for all documents, for one
/// document (<c>MultiTenanted()</c>, <c>[MultiTenanted]</c>) and for events; sessions opened for a tenant; a database per
/// tenant. Each is confirmed on the declaring Marten (or JasperFx) type, so a look-alike <c>ForTenant</c> or
/// <c>MultiTenanted</c> elsewhere is nothing. Names checked against Marten 9.58.
/// </summary>
internal static class MartenTenancyParser
{
    private static readonly HashSet<string> CallNames = new(System.StringComparer.Ordinal)
    {
        "AllDocumentsAreMultiTenanted", "AllDocumentsAreMultiTenantedWithPartitioning", "MultiTenanted", "MultiTenantedWithPartitioning", "SingleTenanted",
        "MultiTenantedDatabases", "MultiTenantedWithSingleServer", "MultiTenantedDatabasesWithMasterDatabaseTable",
        "LightweightSession", "QuerySession", "IdentitySession", "DirtyTrackedSession", "LightweightSerializableSessionAsync",
        "QuerySerializableSessionAsync", "ForTenant", "BuildSessionsWith",
    };

    // Session factories take the tenant as their first argument; without arguments they open the default tenant's session.
    private static readonly HashSet<string> SessionNames = new(System.StringComparer.Ordinal)
    {
        "LightweightSession", "QuerySession", "IdentitySession", "DirtyTrackedSession", "LightweightSerializableSessionAsync", "QuerySerializableSessionAsync", "ForTenant",
    };

    /// <summary>Cheap syntactic filter: the call names above, <c>TenancyStyle</c>/<c>TenantId</c> assignments, a <c>[MultiTenanted]</c> attribute.</summary>
    public static bool IsCandidate(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation => CallNames.Contains(access.Name.Identifier.ValueText)
            && (!SessionNames.Contains(access.Name.Identifier.ValueText) || invocation.ArgumentList.Arguments.Count > 0),
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: var left } => AssignedName(left) is "TenancyStyle" or "TenantId",
        AttributeSyntax attribute => SyntaxFacts.RightmostName(attribute.Name) is "MultiTenanted" or "MultiTenantedAttribute",
        // A session taken by a constructor (a primary constructor's parameter list belongs to the type declaration).
        ParameterSyntax { Type: { } type, Parent: ParameterListSyntax { Parent: ConstructorDeclarationSyntax or TypeDeclarationSyntax } } =>
            SyntaxFacts.RightmostName(type) is "IDocumentSession" or "IQuerySession",
        ClassDeclarationSyntax { BaseList: { } bases } => bases.Types.Any(t => SyntaxFacts.RightmostName(t.Type) == "ISessionFactory"),
        _ => false,
    };

    public static EquatableArray<MartenTenancySpec> Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
    {
        AttributeSyntax attribute => One(Attribute(attribute, model, cancellationToken)),
        AssignmentExpressionSyntax assignment => One(Assignment(assignment, model, cancellationToken)),
        InvocationExpressionSyntax invocation => Invocation(invocation, model, cancellationToken),
        ParameterSyntax parameter => One(InjectedSession(parameter, model, cancellationToken)),
        ClassDeclarationSyntax type => One(model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol factory && factory.AllInterfaces.Any(i => i.Is("Marten", "ISessionFactory"))
            ? Spec(MartenTenancyKind.SessionFactory, factory.ClrFullName(), "implements ISessionFactory", factory.Name, SourceLocation.From(type.Identifier.Parent!)) : null),
        _ => EquatableArray<MartenTenancySpec>.Empty,
    };

    /// <summary>A constructor parameter typed <c>Marten.IDocumentSession</c> or <c>IQuerySession</c>: the class the container hands a session to.</summary>
    private static MartenTenancySpec? InjectedSession(ParameterSyntax parameter, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol
            || !(symbol.Type.Is("Marten", "IDocumentSession") || symbol.Type.Is("Marten", "IQuerySession"))) return null;
        var owner = parameter.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (owner is null || model.GetDeclaredSymbol(owner, cancellationToken) is not INamedTypeSymbol type) return null;
        return Spec(MartenTenancyKind.InjectedSession, type.ClrFullName(), symbol.Type.Name, type.Name, SourceLocation.From(parameter));
    }

    /// <summary>A document class Marten stores in its own table (base type <c>object</c>): only such a type can be called uncovered.</summary>
    public static MartenTenancySpec? DocumentUsed(ITypeSymbol? type, string member, SourceLocation? location) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, BaseType.SpecialType: SpecialType.System_Object, IsGenericType: false } named
            ? new MartenTenancySpec(MartenTenancyKind.DocumentUsed, named.ClrFullName(), "used", null, false, EquatableArray<string>.Empty, EquatableArray<ConnectionSourceSpec>.Empty, member, location)
            : null;

    private static EquatableArray<MartenTenancySpec> Invocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return EquatableArray<MartenTenancySpec>.Empty;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
        var how = method.Name + (invocation.ArgumentList.Arguments.Count == 0 ? "()" : "(…)");
        switch (method.Name)
        {
            case "AllDocumentsAreMultiTenanted" or "AllDocumentsAreMultiTenantedWithPartitioning" when owner.Is("Marten", "PoliciesExpression"):
                return One(Spec(MartenTenancyKind.AllDocuments, null, how, member, location));
            case "MultiTenanted" or "MultiTenantedWithPartitioning" or "SingleTenanted" when owner.OriginalDefinition.Is("Marten", "DocumentMappingExpression`1"):
                var document = owner.TypeArguments.FirstOrDefault() is { } type and not ITypeParameterSymbol ? type.ClrFullName() : null;
                return One(Spec(method.Name == "SingleTenanted" ? MartenTenancyKind.SingleTenanted : MartenTenancyKind.Document, document, how, member, location));
            case "MultiTenantedDatabases" or "MultiTenantedWithSingleServer" or "MultiTenantedDatabasesWithMasterDatabaseTable" when owner.Is("Marten", "StoreOptions"):
                return MartenTenantDatabaseReader.Read(invocation, method, model, member, location, cancellationToken);
            case "BuildSessionsWith" when owner.IsInNamespaceOrBelow("Marten"):
                return One(Spec(MartenTenancyKind.SessionFactory, method.TypeArguments.FirstOrDefault()?.ClrFullName(), "BuildSessionsWith<…>()", member, location));
            case var name when SessionNames.Contains(name) && IsSessionFactory(method, owner):
                if (TenantArgument(invocation, method) is not { } tenant) return EquatableArray<MartenTenancySpec>.Empty;
                var (text, constant) = TenantText(tenant, model, cancellationToken);
                return One(Spec(MartenTenancyKind.Session, null, method.Name, member, location) with { Tenant = text, TenantIsConstant = constant });
            default:
                return EquatableArray<MartenTenancySpec>.Empty;
        }
    }

    /// <summary>Marten's session factories and <c>ForTenant</c> on a session; JasperFx's <c>ShardName.ForTenant</c>, event masking and
    /// <c>DatabaseGenerator.ForTenant</c> share the name but open nothing.</summary>
    private static bool IsSessionFactory(IMethodSymbol method, INamedTypeSymbol owner)
    {
        if (method.Name != "ForTenant") return owner.IsInNamespaceOrBelow("Marten") || owner.IsInNamespace("JasperFx.Events.Documents");
        return method.ReturnType.Is("Marten", "ITenantOperations") || method.ReturnType.Is("Marten", "ITenantQueryOperations")
               || owner.OriginalDefinition.Is("JasperFx.Events.Projections", "ITenantedQuerySession`1");
    }

    /// <summary>The argument given to the method's <c>string tenantId</c> parameter, by position or by name.</summary>
    private static ExpressionSyntax? TenantArgument(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = arguments[i].NameColon is { } named ? method.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                : i < method.Parameters.Length ? method.Parameters[i] : null;
            if (parameter is { Name: "tenantId", Type.SpecialType: SpecialType.System_String }) return arguments[i].Expression;
        }
        return null;
    }

    /// <summary>A constant tenant id as a quoted literal; other code only when safe to print (no string literal in it).</summary>
    internal static (string? Text, bool Constant) TenantText(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: string value }
            ? (SymbolDisplay.FormatLiteral(value, quote: true), true)
            : (CodeText.Safe(expression), false);

    private static MartenTenancySpec? Assignment(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken) is not IPropertySymbol property) return null;
        var member = CodeText.MemberName(assignment, model, cancellationToken);
        var location = SourceLocation.From(assignment);
        if (property.Name == "TenantId")
        {
            if (!property.ContainingType.Is("Marten.Services", "SessionOptions")) return null;
            var (text, constant) = TenantText(assignment.Right, model, cancellationToken);
            return Spec(MartenTenancyKind.Session, null, "SessionOptions.TenantId", member, location) with { Tenant = text, TenantIsConstant = constant };
        }
        var style = Semantics.SymbolOrMethod(assignment.Right, model, cancellationToken) is IFieldSymbol field && field.ContainingType.Is("JasperFx.MultiTenancy", "TenancyStyle") ? field.Name : null;
        // Events: conjoined is the only tenancy (Single is Marten's default, and a value read at run time says nothing for sure).
        if (property.ContainingType.IsInNamespace("Marten.Events"))
        {
            return style == "Conjoined" ? Spec(MartenTenancyKind.Events, null, "Events.TenancyStyle = TenancyStyle.Conjoined", member, location) : null;
        }
        if (property.ContainingType.DerivesFromOrIs("Marten.Schema", "DocumentMapping") || property.ContainingType.OriginalDefinition.Is("Marten.Schema", "DocumentMapping`1"))
        {
            return Spec(MartenTenancyKind.DocumentMapping, null, "TenancyStyle = " + (style is null ? CodeText.Safe(assignment.Right) ?? "…" : "TenancyStyle." + style), member, location) with { Tenant = style };
        }
        return null;
    }

    private static MartenTenancySpec? Attribute(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(attribute, cancellationToken).Type is not { } type || !type.Is("Marten.Schema", "MultiTenantedAttribute")) return null;
        if (attribute.Parent?.Parent is not TypeDeclarationSyntax declaration || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol document) return null;
        return Spec(MartenTenancyKind.Document, document.ClrFullName(), "[MultiTenanted]", document.Name, SourceLocation.From(attribute));
    }

    internal static MartenTenancySpec Spec(MartenTenancyKind kind, string? subject, string how, string member, SourceLocation? location) =>
        new(kind, subject, how, null, false, EquatableArray<string>.Empty, EquatableArray<ConnectionSourceSpec>.Empty, member, location);

    private static EquatableArray<MartenTenancySpec> One(MartenTenancySpec? spec) =>
        spec is null ? EquatableArray<MartenTenancySpec>.Empty : new[] { spec }.ToEquatableArray();

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };
}
