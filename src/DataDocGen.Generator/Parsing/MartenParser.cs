using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Marten, a document store and event store on PostgreSQL: <c>AddMarten</c> (a store, with the connection given to
/// <c>options.Connection(...)</c> or as the argument, and the documents, projections and snapshots its options
/// configure), document operations (<c>Store</c>, <c>Query&lt;T&gt;</c>, <c>Load[Async]&lt;T&gt;</c>, <c>Delete&lt;T&gt;</c>),
/// and event sourcing (<c>Events.StartStream</c>, <c>Events.Append</c> with the event types passed,
/// <c>AggregateStream[Async]&lt;T&gt;</c>, projection rebuilds). Every call is confirmed as Marten's (or JasperFx's).
/// </summary>
internal static class MartenParser
{
    private static readonly HashSet<string> Names = new(System.StringComparer.Ordinal)
    {
        "AddMarten", "StartStream", "Append", "AggregateStream", "AggregateStreamAsync", "RebuildProjectionAsync", "RebuildProjection",
        "Store", "Query", "Load", "LoadAsync", "LoadManyAsync", "Delete", "HardDelete", "QueryRawEventDataOnly", "QueryAllRawEvents",
    };

    /// <summary>Cheap syntactic filter. Names that other APIs share are narrowed by how Marten is called: event
    /// operations go through <c>.Events</c> (a <c>StringBuilder.Append</c> is no candidate), <c>Query</c>, <c>Load*</c> and
    /// <c>Delete</c> with a type argument are document operations.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _)
    {
        if (MartenTenancyParser.IsCandidate(node)) return true;
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } || !Names.Contains(access.Name.Identifier.ValueText)) return false;
        return access.Name.Identifier.ValueText switch
        {
            "StartStream" or "Append" or "AggregateStream" or "AggregateStreamAsync" or "QueryRawEventDataOnly" or "QueryAllRawEvents" => access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Events" },
            "Query" or "Load" or "LoadAsync" or "LoadManyAsync" or "Delete" or "HardDelete" => access.Name is GenericNameSyntax || access.Name.Identifier.ValueText is "Delete" or "HardDelete",
            _ => true,
        };
    }

    public static MartenResult? Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>Also called for the operations a Marten unit of work commits (<see cref="TransactionBodyReader"/>).</summary>
    public static MartenResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            // Tenancy has its own reader; the names do not overlap with the calls below.
            if (MartenTenancyParser.IsCandidate(node))
            {
                var tenancy = MartenTenancyParser.Parse(node, model, cancellationToken);
                return tenancy.IsEmpty ? null : new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, null, null) { Tenancy = tenancy };
            }
            var invocation = (InvocationExpressionSyntax)node;
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
            var owner = (method.ReducedFrom ?? method).ContainingType;
            if (!owner.IsInNamespaceOrBelow("Marten") && !owner.IsInNamespaceOrBelow("JasperFx")) return null;
            var member = CodeText.MemberName(invocation, model, cancellationToken);
            var location = SourceLocation.From(((MemberAccessExpressionSyntax)invocation.Expression).Name);
            return method.Name switch
            {
                "AddMarten" => AddMarten(invocation, model, member, cancellationToken),
                "StartStream" or "Append" => Events(invocation, method, model, member, location, cancellationToken),
                "AggregateStream" or "AggregateStreamAsync" => new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, new EventSourcingSpec("Marten", "live aggregation", TypeArgument(method),
                    EquatableArray<string>.Empty, "the aggregate is rebuilt from its events on every read", member, location), null),
                // session.Events.QueryRawEventDataOnly<T>() / QueryAllRawEvents(): the event store's events read as a query,
                // across streams (the Marten audit's Helpdesk groups incidents so).
                "QueryRawEventDataOnly" or "QueryAllRawEvents" => new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, new EventSourcingSpec("Marten", "events queried", null,
                    TypeArgument(method) is { } queried ? new[] { queried }.ToEquatableArray() : EquatableArray<string>.Empty,
                    method.Name == "QueryAllRawEvents" ? "every event of the store, queried directly (`QueryAllRawEvents`)" : "the events of this type across streams, queried directly (`QueryRawEventDataOnly`)",
                    member, location), null),
                "RebuildProjectionAsync" or "RebuildProjection" => new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, new EventSourcingSpec("Marten", "projection rebuild", TypeArgument(method),
                    EquatableArray<string>.Empty, null, member, location), null),
                _ => Document(method, member, location) is { } document
                    ? document with { Tenancy = MartenTenancyParser.DocumentUsed(DocumentType(method), member, location) is { } used ? new[] { used }.ToEquatableArray() : EquatableArray<MartenTenancySpec>.Empty }
                    : null,
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    private static MartenResult? AddMarten(InvocationExpressionSyntax invocation, SemanticModel model, string member, CancellationToken cancellationToken)
    {
        var options = new OptionsFound();
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is LambdaExpressionSyntax lambda)
            {
                ReadOptions(lambda.Body, model, member, options, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken);
            }
            else if (Semantics.TypeOf(argument.Expression, model, cancellationToken)?.SpecialType == SpecialType.System_String)
            {
                options.Connection.AddRange(ConnectionSourceParser.Parse(argument.Expression, model, cancellationToken));
            }
        }
        var connection = options.Connection;
        var configured = options.Configured;
        var documents = options.Documents;
        // options.DatabaseSchemaName = "orders": where Marten creates the documents' tables (StoreOptions), and the event
        // store's too unless options.Events.DatabaseSchemaName names another (the event store falls back to the store's schema).
        var eventsApart = options.Schemas.Any(s => s.Events);
        foreach (var (location, where, schema, events) in options.Schemas)
        {
            var what = events ? "the schema of the event store's tables (`Events.DatabaseSchemaName`)"
                : eventsApart ? "the default schema of the documents' tables (`DatabaseSchemaName`)"
                : "the default schema of the documents' tables and of the event store's (`DatabaseSchemaName`)";
            // A value known only at run time (an environment variable) is said to be so, not dropped.
            if (schema.Value is null) what += ": set at run time from " + CodeSpan.Of(schema.Text) + ", not a constant";
            documents.Add(new StoreObjectSpec("Marten", "schema", schema.Value, null, what, where, location));
        }
        // .AddAsyncDaemon(DaemonMode.HotCold) chained on AddMarten: what runs the async projections.
        foreach (var chained in SyntaxFacts.CallsChainedAfter(invocation))
        {
            // .UseLightweightSessions() and its siblings: the kind of session injected as IDocumentSession.
            if (SyntaxFacts.CalledName(chained) is "UseLightweightSessions" or "UseIdentitySessions" or "UseDirtyTrackedSessions" && chained.ArgumentList.Arguments.Count == 0
                && Semantics.SymbolOrMethod(chained, model, cancellationToken) is IMethodSymbol sessions && sessions.ContainingType.IsInNamespaceOrBelow("Marten"))
            {
                var kind = sessions.Name switch
                {
                    "UseLightweightSessions" => "lightweight sessions (no identity map)",
                    "UseIdentitySessions" => "identity sessions (an identity map)",
                    _ => "dirty-tracked sessions (an identity map and automatic dirty checking)",
                };
                documents.Add(new StoreObjectSpec("Marten", "sessions", null, null, "injected `IDocumentSession`s are " + kind + " (`" + sessions.Name + "`)", member,
                    SourceLocation.From(((MemberAccessExpressionSyntax)chained.Expression).Name)));
                continue;
            }
            if (SyntaxFacts.CalledName(chained) != "AddAsyncDaemon" || Semantics.SymbolOrMethod(chained, model, cancellationToken) is not IMethodSymbol daemon
                || !(daemon.ReducedFrom ?? daemon).ContainingType.IsInNamespaceOrBelow("Marten")) continue;
            var mode = chained.ArgumentList.Arguments.FirstOrDefault()?.Expression is MemberAccessExpressionSyntax modeAccess ? modeAccess.Name.Identifier.ValueText : null;
            configured.Add(new EventSourcingSpec("Marten", "async daemon", null, EquatableArray<string>.Empty,
                mode is null ? "runs the async projections" : "runs the async projections (" + mode + ")", member, SourceLocation.From(((MemberAccessExpressionSyntax)chained.Expression).Name)));
        }
        var store = new StoreSpec("PostgreSQL", true, "Marten document and event store (Marten)", "AddMarten", connection.ToEquatableArray(), member, SourceLocation.From(invocation));
        return new MartenResult(store, documents.ToEquatableArray(), null, null) { Configured = configured.ToEquatableArray() };
    }

    /// <summary><c>options.Events</c>: <c>IEventStoreOptions</c> (Marten 7 and later) or its <c>EventGraph</c> implementation.</summary>
    private static bool IsEventOptions(INamedTypeSymbol type) => type.Is("Marten.Events", "IEventStoreOptions") || type.Is("Marten.Events", "EventGraph");

    /// <summary>What AddMarten's options lambda, and the project's helpers it hands the options to, configure.</summary>
    private sealed class OptionsFound
    {
        public List<ConnectionSourceSpec> Connection { get; } = new();
        public List<EventSourcingSpec> Configured { get; } = new();
        public List<StoreObjectSpec> Documents { get; } = new();
        public List<(SourceLocation? Location, string Member, (string? Value, string Text) Schema, bool Events)> Schemas { get; } = new();
    }

    /// <summary>How deep helpers calling helpers are followed, as for EF Core's model helpers.</summary>
    private const int HelperDepth = 4;

    /// <summary>Reads the calls in an options body: the connection, projections, snapshots, document schemas and schema
    /// names, and the body of each project method the options are handed to (<c>options.ConfigureIncidents()</c>, an
    /// extension method in another file: the Marten audit found its six projections missing from a printed section 5.1).
    /// A helper is read when its source is in this compilation; helpers calling helpers are followed four deep.</summary>
    /// <param name="member">The member the body belongs to: AddMarten's for its options lambda, the helper's in a helper.</param>
    private static void ReadOptions(SyntaxNode body, SemanticModel model, string member, OptionsFound found, HashSet<IMethodSymbol> reading, CancellationToken cancellationToken)
    {
        foreach (var call in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (call.Expression is not MemberAccessExpressionSyntax access)
            {
                ReadHelper(call, model, found, reading, cancellationToken);
                continue;
            }
            var location = SourceLocation.From(access.Name);
            switch (access.Name.Identifier.ValueText)
            {
                case "Connection" when call.ArgumentList.Arguments.Count == 1:
                    found.Connection.AddRange(ConnectionSourceParser.Parse(call.ArgumentList.Arguments[0].Expression, model, cancellationToken));
                    break;
                case "Snapshot" or "Add" or "LiveStreamAggregation" when access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Projections" }
                                                                         && Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol projection:
                    var lifecycle = call.ArgumentList.Arguments.Select(a => a.Expression).OfType<MemberAccessExpressionSyntax>()
                        .Select(m => m.Name.Identifier.ValueText).FirstOrDefault();
                    var kind = projection.Name == "Snapshot" ? "snapshot" : projection.Name == "LiveStreamAggregation" ? "live aggregation" : "projection";
                    // Add<TProjection>(lifecycle), or Add(new TProjection(), lifecycle) with the projection given as an instance.
                    var target = TypeArgument(projection)
                                 ?? (projection.Name == "Add" && call.ArgumentList.Arguments.FirstOrDefault() is { } instance
                                     && Semantics.TypeOf(instance.Expression, model, cancellationToken) is INamedTypeSymbol { TypeKind: TypeKind.Class } instanceType
                                         ? instanceType.ClrFullName() : null);
                    found.Configured.Add(new EventSourcingSpec("Marten", kind, target, EquatableArray<string>.Empty,
                        lifecycle is null ? (kind == "live aggregation" ? "Live" : null) : lifecycle, member, location));
                    break;
                case "For" when access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Schema" }
                                && Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol forDocument:
                    found.Documents.Add(new StoreObjectSpec("Marten", "document", null, TypeArgument(forDocument), Indexes(call), member, location));
                    break;
                default:
                    ReadHelper(call, model, found, reading, cancellationToken);
                    break;
            }
        }
        foreach (var assignment in body.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DatabaseSchemaName" } schemaAccess
                && Semantics.SymbolOf(schemaAccess, model, cancellationToken) is IPropertySymbol { ContainingType: var optionsType }
                && (optionsType.Is("Marten", "StoreOptions") || IsEventOptions(optionsType)))
            {
                found.Schemas.Add((SourceLocation.From(schemaAccess.Name), member,
                    (model.ConstantString(assignment.Right, cancellationToken), assignment.Right.ToString()), IsEventOptions(optionsType)));
            }
        }

        // A project method handed the StoreOptions (as its receiver or an argument): its body, read where it is declared.
        void ReadHelper(InvocationExpressionSyntax call, SemanticModel callModel, OptionsFound into, HashSet<IMethodSymbol> visiting, CancellationToken ct)
        {
            if (visiting.Count >= HelperDepth || OptionsBuilderParser.ResolveMethod(call, callModel, ct) is not { } called) return;
            var declared = called.ReducedFrom ?? called;
            if (!declared.Parameters.Any(p => p.Type.Is("Marten", "StoreOptions"))) return;
            if (declared.IsAbstract || declared.IsVirtual || declared.IsOverride && !declared.ContainingType.IsSealed) return;
            if (!SymbolEqualityComparer.Default.Equals(declared.ContainingAssembly, callModel.Compilation.Assembly) || !visiting.Add(declared.OriginalDefinition)) return;
            foreach (var reference in declared.DeclaringSyntaxReferences)
            {
                if (reference.ReadSyntax(ct) is MethodDeclarationSyntax declaration && ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody) is { } helperBody)
                {
                    var helperModel = callModel.Compilation.ReadSemanticModel(declaration.SyntaxTree);
                    ReadOptions(helperBody, helperModel, CodeText.MemberName(helperBody, helperModel, ct), into, visiting, ct);
                }
            }
            visiting.Remove(declared.OriginalDefinition);
        }
    }


    /// <summary><c>.Index(x => x.Email).UniqueIndex(x => x.Email)</c> chained on <c>Schema.For&lt;T&gt;()</c>.</summary>

    private static string? Indexes(InvocationExpressionSyntax schemaFor)
    {
        var parts = new List<string>();
        foreach (var call in SyntaxFacts.CallsChainedAfter(schemaFor))
        {
            var name = SyntaxFacts.CalledName(call);
            var field = SyntaxFacts.SelectedMember(call.ArgumentList.Arguments.FirstOrDefault()?.Expression);
            if (name is "Index" or "UniqueIndex" or "FullTextIndex" or "ForeignKey" or "Duplicate" or "SoftDeleted" or "MultiTenanted" or "Identity")
            {
                parts.Add(name switch
                {
                    "Index" => "index " + (field ?? "…"),
                    "UniqueIndex" => "unique index " + (field ?? "…"),
                    "FullTextIndex" => "full-text index" + (field is null ? "" : " " + field),
                    "ForeignKey" => "foreign key " + (field ?? "…"),
                    "Duplicate" => "duplicated field " + (field ?? "…") + " (indexed)",
                    "SoftDeleted" => "soft deleted",
                    "MultiTenanted" => "multi-tenanted",
                    _ => "identity " + (field ?? "…"),
                });
            }
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static MartenResult Events(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, string member, SourceLocation? location, CancellationToken cancellationToken)
    {
        // The events: arguments after the stream id whose types are not the id's (Guid, string) or a params array of objects.
        var events = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var argument in invocation.ArgumentList.Arguments.Skip(1))
        {
            var type = Semantics.TypeOf(argument.Expression, model, cancellationToken);
            if (type is null || type.SpecialType is SpecialType.System_Object or SpecialType.System_String || type.TypeKind == TypeKind.Array) continue;
            if (type.Is("System", "Guid")) continue;
            events.Add(type.ClrFullName());
        }
        var kind = method.Name == "StartStream" ? "stream started" : "events appended";
        return new MartenResult(null, EquatableArray<StoreObjectSpec>.Empty, new EventSourcingSpec("Marten", kind, TypeArgument(method), events.ToEquatableArray(), null, member, location), null);
    }

    private static MartenResult? Document(IMethodSymbol method, string member, SourceLocation? location)
    {
        // Query<T>/Load<T>: the type argument; Store(doc)/Delete(doc): the document's type (not an array or object).
        var type = TypeArgument(method);
        if (type is null && method.Name is "Store" or "Delete" or "HardDelete" && method.Parameters.FirstOrDefault()?.Type is { } parameterType
            && parameterType is not IArrayTypeSymbol && parameterType.SpecialType != SpecialType.System_Object && parameterType is not ITypeParameterSymbol)
        {
            type = parameterType.ClrFullName();
        }
        if (type is null) return null;
        var operation = method.Name switch { "Store" => "stored", "Query" => "queried", "Delete" or "HardDelete" => "deleted", _ => "loaded" };
        return new MartenResult(null, new[] { new StoreObjectSpec("Marten", "document", null, type, operation + " (" + method.Name + ")", member, location) }.ToEquatableArray(), null, null);
    }

    /// <summary>The document type symbol <see cref="Document"/> names.</summary>
    private static ITypeSymbol? DocumentType(IMethodSymbol method) =>
        method.TypeArguments.FirstOrDefault() is { } type and not ITypeParameterSymbol ? type
        : method.Name is "Store" or "Delete" or "HardDelete" ? method.Parameters.FirstOrDefault()?.Type : null;

    private static string? TypeArgument(IMethodSymbol method) => method.TypeArguments.FirstOrDefault() is { } type && type is not ITypeParameterSymbol ? type.ClrFullName() : null;
}

internal sealed record MartenResult(StoreSpec? Store, EquatableArray<StoreObjectSpec> Objects, EventSourcingSpec? Event, string? Error)
{
    /// <summary>Projections and snapshots configured in AddMarten's options.</summary>
    public EquatableArray<EventSourcingSpec> Configured { get; init; } = EquatableArray<EventSourcingSpec>.Empty;

    /// <summary>Multi-tenancy facts (section 4.2) and the root document types operations use.</summary>
    public EquatableArray<MartenTenancySpec> Tenancy { get; init; } = EquatableArray<MartenTenancySpec>.Empty;
}
