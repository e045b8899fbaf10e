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
/// CRUD through document stores, per call on the store's collection or session: MongoDB's <c>IMongoCollection&lt;T&gt;</c>,
/// LiteDB's <c>ILiteCollection&lt;T&gt;</c>, Marten's <c>IDocumentSession</c>/<c>IQuerySession</c> and Azure Cosmos DB's
/// <c>Container</c> (the item type being the method's type argument). The call itself decides
/// the operation (wherever it sits in a chain: <c>Find(...).SortBy(...).ToListAsync()</c> is one read, at <c>Find</c>), and
/// the receiver's type decides the store and the document type: a <c>Find</c> on a <c>List&lt;T&gt;</c> or an
/// <c>Insert</c> on a class of the project is nothing. Both the receiver's type and the method's containing type are
/// confirmed by namespace. An upsert (Marten <c>Store</c>, LiteDB <c>Upsert</c>, MongoDB writes whose options are
/// created in place with <c>IsUpsert = true</c>) is both a create and an update.
/// </summary>
internal static class DocumentCrudParser
{
    private const string Mongo = "MongoDB";
    private const string Lite = "LiteDB";
    private const string Marten = "Marten";
    private const string Cosmos = "Azure Cosmos DB";

    /// <summary>What a method does: create, read, update, delete, or both create and update (Upsert); bulk when it
    /// writes many documents by design (InsertMany, DeleteMany...).</summary>
    private enum Kind { Create, Read, Update, Delete, Upsert }

    private static readonly Dictionary<string, (Kind Kind, bool Bulk)> MongoMethods = new(System.StringComparer.Ordinal)
    {
        ["InsertOne"] = (Kind.Create, false), ["InsertOneAsync"] = (Kind.Create, false),
        ["InsertMany"] = (Kind.Create, true), ["InsertManyAsync"] = (Kind.Create, true),
        ["Find"] = (Kind.Read, false), ["FindAsync"] = (Kind.Read, false), ["AsQueryable"] = (Kind.Read, false),
        ["CountDocuments"] = (Kind.Read, false), ["CountDocumentsAsync"] = (Kind.Read, false),
        ["EstimatedDocumentCount"] = (Kind.Read, false), ["EstimatedDocumentCountAsync"] = (Kind.Read, false),
        ["Aggregate"] = (Kind.Read, false), ["AggregateAsync"] = (Kind.Read, false),
        ["Distinct"] = (Kind.Read, false), ["DistinctAsync"] = (Kind.Read, false),
        ["ReplaceOne"] = (Kind.Update, false), ["ReplaceOneAsync"] = (Kind.Update, false),
        ["UpdateOne"] = (Kind.Update, false), ["UpdateOneAsync"] = (Kind.Update, false),
        ["UpdateMany"] = (Kind.Update, true), ["UpdateManyAsync"] = (Kind.Update, true),
        ["FindOneAndUpdate"] = (Kind.Update, false), ["FindOneAndUpdateAsync"] = (Kind.Update, false),
        ["FindOneAndReplace"] = (Kind.Update, false), ["FindOneAndReplaceAsync"] = (Kind.Update, false),
        ["BulkWrite"] = (Kind.Update, true), ["BulkWriteAsync"] = (Kind.Update, true),
        ["DeleteOne"] = (Kind.Delete, false), ["DeleteOneAsync"] = (Kind.Delete, false),
        ["DeleteMany"] = (Kind.Delete, true), ["DeleteManyAsync"] = (Kind.Delete, true),
        ["FindOneAndDelete"] = (Kind.Delete, false), ["FindOneAndDeleteAsync"] = (Kind.Delete, false),
    };

    private static readonly Dictionary<string, (Kind Kind, bool Bulk)> LiteMethods = new(System.StringComparer.Ordinal)
    {
        ["Insert"] = (Kind.Create, false), ["InsertBulk"] = (Kind.Create, true),
        ["Upsert"] = (Kind.Upsert, false),
        ["Update"] = (Kind.Update, false), ["UpdateMany"] = (Kind.Update, true),
        ["Delete"] = (Kind.Delete, false), ["DeleteMany"] = (Kind.Delete, true), ["DeleteAll"] = (Kind.Delete, true),
        ["Find"] = (Kind.Read, false), ["FindById"] = (Kind.Read, false), ["FindOne"] = (Kind.Read, false), ["FindAll"] = (Kind.Read, false), ["Query"] = (Kind.Read, false),
        ["Count"] = (Kind.Read, false), ["LongCount"] = (Kind.Read, false), ["Exists"] = (Kind.Read, false), ["Min"] = (Kind.Read, false), ["Max"] = (Kind.Read, false),
    };

    private static readonly Dictionary<string, (Kind Kind, bool Bulk)> MartenMethods = new(System.StringComparer.Ordinal)
    {
        ["Store"] = (Kind.Upsert, false), ["Insert"] = (Kind.Create, false), ["Update"] = (Kind.Update, false), ["Patch"] = (Kind.Update, false),
        ["Delete"] = (Kind.Delete, false), ["HardDelete"] = (Kind.Delete, false),
        ["DeleteWhere"] = (Kind.Delete, true), ["HardDeleteWhere"] = (Kind.Delete, true),
        ["Load"] = (Kind.Read, false), ["LoadAsync"] = (Kind.Read, false), ["LoadManyAsync"] = (Kind.Read, false), ["Query"] = (Kind.Read, false),
        // session.Json (IJsonLoader): the document's stored JSON, read by id; WriteById is Marten.AspNetCore's extension
        // writing it to the HTTP response (the Marten audit found a Helpdesk read only through it).
        ["FindByIdAsync"] = (Kind.Read, false), ["StreamById"] = (Kind.Read, false), ["WriteById"] = (Kind.Read, false),
    };

    /// <summary>Azure Cosmos DB's <c>Container</c> (Microsoft.Azure.Cosmos 3): the item's type is the method's type argument.
    /// The stream variants (<c>CreateItemStreamAsync</c>...) carry no type and are not read.</summary>
    private static readonly Dictionary<string, (Kind Kind, bool Bulk)> CosmosMethods = new(System.StringComparer.Ordinal)
    {
        ["CreateItemAsync"] = (Kind.Create, false), ["UpsertItemAsync"] = (Kind.Upsert, false),
        ["ReplaceItemAsync"] = (Kind.Update, false), ["PatchItemAsync"] = (Kind.Update, false),
        ["DeleteItemAsync"] = (Kind.Delete, false),
        ["ReadItemAsync"] = (Kind.Read, false), ["ReadManyItemsAsync"] = (Kind.Read, false),
        ["GetItemQueryIterator"] = (Kind.Read, false), ["GetItemLinqQueryable"] = (Kind.Read, false),
    };

    /// <summary>MongoDB's write models, by what they do inside a <c>BulkWrite</c>.</summary>
    private static readonly Dictionary<string, CrudOperation> WriteModels = new(System.StringComparer.Ordinal)
    {
        ["InsertOneModel"] = CrudOperation.Create, ["ReplaceOneModel"] = CrudOperation.Update, ["UpdateOneModel"] = CrudOperation.Update,
        ["UpdateManyModel"] = CrudOperation.Update, ["DeleteOneModel"] = CrudOperation.Delete, ["DeleteManyModel"] = CrudOperation.Delete,
    };

    /// <summary>A call by member access whose name is one of the document stores' operations (syntax only).</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && IsOperationName(access.Name.Identifier.ValueText)
        // FindByIdAsync is a common name of a project's own repositories: only Marten's, on a session's Json loader.
        && (!JsonLoaderMethods.Contains(access.Name.Identifier.ValueText) || access.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Json" });

    /// <summary>Marten's <c>IJsonLoader</c> reads (and Marten.AspNetCore's <c>WriteById</c> on it), reached as <c>session.Json.X</c>.</summary>
    private static readonly HashSet<string> JsonLoaderMethods = new(System.StringComparer.Ordinal) { "FindByIdAsync", "StreamById", "WriteById" };

    /// <summary>The name of one of the document stores' operations (syntax only; also <see cref="LoopRoundTripParser"/>'s filter).</summary>
    public static bool IsOperationName(string name) =>
        MongoMethods.ContainsKey(name) || LiteMethods.ContainsKey(name) || MartenMethods.ContainsKey(name) || CosmosMethods.ContainsKey(name);

    public static DocumentCrudResult? Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>Also called for the operations inside a transaction or a Marten unit of work (<see cref="TransactionBodyReader"/>).</summary>
    public static DocumentCrudResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)node;
            var access = (MemberAccessExpressionSyntax)invocation.Expression;
            var name = access.Name.Identifier.ValueText;
            // The receiver's type first (one query): most candidates (List.Find, a project's own Insert) stop here.
            var receiver = Semantics.TypeOf(access.Expression, model, cancellationToken);
            if (receiver is null) return null;
            var (store, collectionDocument) = Store(receiver);
            if (store is null) return null;
            var methods = store == Mongo ? MongoMethods : store == Lite ? LiteMethods : store == Cosmos ? CosmosMethods : MartenMethods;
            if (!methods.TryGetValue(name, out var known)) return null;
            if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
            var owner = (method.ReducedFrom ?? method).ContainingType;
            if (!owner.IsInNamespaceOrBelow(store == Mongo ? "MongoDB.Driver" : store == Cosmos ? "Microsoft.Azure.Cosmos" : store)) return null;

            var document = store == Marten ? MartenDocument(method, name)
                : store == Cosmos ? (method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null)
                : collectionDocument;
            if (document is null || document.SpecialType == SpecialType.System_Object || document.TypeKind == TypeKind.Dynamic) return null;
            var bulk = known.Bulk || WritesMany(store, method, invocation, model, cancellationToken);
            var kind = known.Kind;
            if (store == Mongo && kind == Kind.Update && IsUpsert(invocation, model, cancellationToken)) kind = Kind.Upsert;

            var operations = kind switch
            {
                Kind.Create => new[] { CrudOperation.Create },
                Kind.Read => new[] { CrudOperation.Read },
                Kind.Delete => new[] { CrudOperation.Delete },
                Kind.Upsert => new[] { CrudOperation.Create, CrudOperation.Update },
                _ => new[] { CrudOperation.Update },
            };
            var api = kind == Kind.Upsert && name is not ("Upsert" or "Store") ? name + " (upsert)" : name;
            if (name is "BulkWrite" or "BulkWriteAsync" && BulkWriteModels(invocation, model, cancellationToken) is { Count: > 0 } models)
            {
                operations = models.ToArray();
            }

            var target = document is ITypeParameterSymbol ? CrudTarget.TypeParameter : CrudTarget.Entity;
            var documentName = document.EntityName();
            var member = CodeText.MemberName(invocation, model, cancellationToken);
            var location = SourceLocation.From(access.Name);
            var specs = operations.Select(op => new CrudSpec(documentName, target, op, api, bulk, member, location, store));
            return new DocumentCrudResult(specs.ToEquatableArray(), null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new DocumentCrudResult(EquatableArray<CrudSpec>.Empty, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    /// <summary>The store a receiver belongs to, with the collection's document type (MongoDB, LiteDB); Marten's sessions
    /// name the document per call.</summary>
    private static (string? Store, ITypeSymbol? Document) Store(ITypeSymbol receiver)
    {
        foreach (var type in new[] { receiver }.Concat(receiver.AllInterfaces))
        {
            if (type is INamedTypeSymbol { Name: "IMongoCollection", TypeArguments.Length: 1 } mongo && mongo.IsInNamespace("MongoDB.Driver")) return (Mongo, mongo.TypeArguments[0]);
            if (type is INamedTypeSymbol { Name: "ILiteCollection", TypeArguments.Length: 1 } lite && lite.IsInNamespace("LiteDB")) return (Lite, lite.TypeArguments[0]);
            if (type is INamedTypeSymbol { Name: "IQuerySession" or "IDocumentOperations" or "IJsonLoader", TypeArguments.Length: 0 } session && session.IsInNamespace("Marten")) return (Marten, null);
        }
        for (var type = receiver; type is not null; type = type.BaseType)
        {
            if (type is INamedTypeSymbol { Name: "Container", TypeArguments.Length: 0 } container && container.IsInNamespace("Microsoft.Azure.Cosmos")) return (Cosmos, null);
        }
        return (null, null);
    }

    /// <summary>Marten names the document by the method's type argument (written or inferred from the document passed).
    /// <c>Query&lt;T&gt;</c> is a document read only in its LINQ form: <c>Query&lt;T&gt;(sql)</c> may return scalars.</summary>
    private static ITypeSymbol? MartenDocument(IMethodSymbol method, string name)
    {
        if (method.TypeArguments.Length != 1) return null;
        if (name == "Query" && method.Parameters.Length != 0) return null;
        return method.TypeArguments[0];
    }

    /// <summary>Many documents in one call: Marten's <c>Store/Insert/Update</c> with several documents or a sequence,
    /// LiteDB's <c>Insert/Update/Upsert(IEnumerable&lt;T&gt;)</c>.</summary>
    private static bool WritesMany(string store, IMethodSymbol method, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (store == Mongo || method.Name is not ("Store" or "Insert" or "Update" or "Upsert")) return false;
        var parameter = method.Parameters.LastOrDefault();
        if (parameter is null) return false;
        if (parameter.Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } && parameter.Type.IsInNamespace("System.Collections.Generic")) return true;
        if (parameter.IsParams)
        {
            // Store(a, b), or Store(array): more than one document, or an array given as the params array itself.
            var arguments = invocation.ArgumentList.Arguments;
            return arguments.Count > 1 || (arguments.Count == 1 && Semantics.TypeOf(arguments[0].Expression, model, cancellationToken) is IArrayTypeSymbol);
        }
        return false;
    }

    /// <summary>Options created in the call with <c>IsUpsert = true</c> (MongoDB's <c>ReplaceOptions</c>, <c>UpdateOptions</c>,
    /// <c>FindOneAndReplaceOptions</c>...): the write also inserts when nothing matches.</summary>
    private static bool IsUpsert(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.ArgumentList.Arguments.Select(a => OptionsCreation(a.Expression, model, cancellationToken))
            .Any(found => found is ({ } creation, { } creationModel)
                          && creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                              .Any(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "IsUpsert" } && a.Right.IsKind(SyntaxKind.TrueLiteralExpression)) == true
                          && Semantics.TypeOf(creation, creationModel, cancellationToken)?.IsInNamespace("MongoDB.Driver") == true);

    /// <summary>
    /// The options object an argument is: created in place, or held in a readonly field or a local assigned once
    /// (Squidex keeps <c>static readonly ReplaceOptions UpsertReplace = new() { IsUpsert = true }</c>; its upserts were
    /// listed as updates only, so nothing seemed to create its cache entries or snapshots). The field's initializer
    /// is read where it is declared; a field of another type's options object, or one assigned elsewhere, is not followed.
    /// </summary>
    private static (BaseObjectCreationExpressionSyntax? Creation, SemanticModel? Model) OptionsCreation(ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument is BaseObjectCreationExpressionSyntax inPlace) return (inPlace, model);
        if (argument is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)) return (null, null);
        switch (Semantics.SymbolOf(argument, model, cancellationToken))
        {
            case ILocalSymbol:
                return (Semantics.SingleAssignmentInitializer(argument, model, cancellationToken) as BaseObjectCreationExpressionSyntax, model);
            case IFieldSymbol { IsReadOnly: true } field when field.DeclaringSyntaxReferences.Length == 1
                                                              && SyntaxFacts.Initializer(field.DeclaringSyntaxReferences[0].ReadSyntax(cancellationToken)) is BaseObjectCreationExpressionSyntax creation:
                // Declared in another file, perhaps: its own semantic model.
                return (creation, creation.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(creation.SyntaxTree));
            default:
                return (null, null);
        }
    }

    /// <summary>The operations of a <c>BulkWrite</c> when its write models are created in the call's arguments
    /// (<c>new InsertOneModel&lt;T&gt;(...)</c>...), in create/read/update/delete order; empty when they are built elsewhere.</summary>
    private static List<CrudOperation> BulkWriteModels(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new SortedSet<CrudOperation>();
        foreach (var creation in invocation.ArgumentList.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
        {
            if (WriteModels.TryGetValue(SyntaxFacts.RightmostName(creation.Type), out var operation)
                && Semantics.TypeOf(creation, model, cancellationToken)?.IsInNamespace("MongoDB.Driver") == true)
            {
                found.Add(operation);
            }
        }
        return found.ToList();
    }
}

internal sealed record DocumentCrudResult(EquatableArray<CrudSpec> Specs, string? Error);
