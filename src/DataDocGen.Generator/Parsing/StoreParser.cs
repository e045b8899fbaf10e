using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Data stores opened without EF Core, and what the code says they hold:
/// ADO.NET connections (<c>new SqlConnection(cs)</c>...), Npgsql data sources (<c>NpgsqlDataSource.Create</c>,
/// <c>new NpgsqlDataSourceBuilder</c>, <c>AddNpgsqlDataSource</c>), <c>new MongoClient</c> with its databases,
/// collections and indexes created in code, <c>ConnectionMultiplexer.Connect[Async]</c> with the Redis keys the code
/// reads and writes through <c>IDatabase</c>, and <c>new LiteDatabase</c> with its collections. Every candidate is
/// confirmed by its type's namespace: a class named SqlConnection elsewhere is nobody's database.
/// </summary>
internal static class StoreParser
{
    /// <summary>Created types that open a store: simple name → (namespace, store, is SQL, library).</summary>
    private static readonly Dictionary<string, (string Namespace, string Store, bool IsSql, string Library)[]> Creations = new()
    {
        ["SqlConnection"] = new[] { ("Microsoft.Data.SqlClient", "SQL Server", true, "Microsoft.Data.SqlClient"), ("System.Data.SqlClient", "SQL Server", true, "System.Data.SqlClient") },
        ["NpgsqlConnection"] = new[] { ("Npgsql", "PostgreSQL", true, "Npgsql") },
        ["NpgsqlDataSourceBuilder"] = new[] { ("Npgsql", "PostgreSQL", true, "Npgsql") },
        ["NpgsqlSlimDataSourceBuilder"] = new[] { ("Npgsql", "PostgreSQL", true, "Npgsql") },
        ["SqliteConnection"] = new[] { ("Microsoft.Data.Sqlite", "SQLite", true, "Microsoft.Data.Sqlite") },
        ["SQLiteConnection"] = new[] { ("System.Data.SQLite", "SQLite", true, "System.Data.SQLite") },
        ["MySqlConnection"] = new[] { ("MySqlConnector", "MySQL", true, "MySqlConnector"), ("MySql.Data.MySqlClient", "MySQL", true, "MySql.Data") },
        ["OracleConnection"] = new[] { ("Oracle.ManagedDataAccess.Client", "Oracle", true, "Oracle.ManagedDataAccess") },
        ["MongoClient"] = new[] { ("MongoDB.Driver", "MongoDB", false, "MongoDB.Driver") },
        ["LiteDatabase"] = new[] { ("LiteDB", "LiteDB", false, "LiteDB") },
        ["CosmosClient"] = new[] { ("Microsoft.Azure.Cosmos", "Azure Cosmos DB", false, "Microsoft.Azure.Cosmos") },
    };

    /// <summary>StackExchange.Redis <c>IDatabase</c> operations (each also with Async) and the data type they work on.
    /// An exact list, not a prefix test: <c>SetValue</c> or <c>StringBuilder</c> calls are no candidates.</summary>
    private static readonly Dictionary<string, string> RedisOperations = Operations(
        ("string", new[] { "StringSet", "StringGet", "StringGetSet", "StringGetDelete", "StringIncrement", "StringDecrement", "StringAppend", "StringSetRange" }),
        ("hash", new[] { "HashSet", "HashGet", "HashGetAll", "HashDelete", "HashExists", "HashIncrement", "HashDecrement", "HashKeys", "HashValues", "HashLength", "HashScan" }),
        ("list", new[] { "ListLeftPush", "ListRightPush", "ListLeftPop", "ListRightPop", "ListRange", "ListLength", "ListRemove", "ListTrim", "ListGetByIndex", "ListSetByIndex", "ListMove" }),
        ("set", new[] { "SetAdd", "SetRemove", "SetMembers", "SetContains", "SetLength", "SetPop", "SetRandomMember", "SetCombine", "SetScan" }),
        ("sorted set", new[] { "SortedSetAdd", "SortedSetRemove", "SortedSetIncrement", "SortedSetDecrement", "SortedSetRangeByRank", "SortedSetRangeByScore", "SortedSetRangeByRankWithScores", "SortedSetRangeByScoreWithScores", "SortedSetScore", "SortedSetRank", "SortedSetLength", "SortedSetRemoveRangeByScore", "SortedSetRemoveRangeByRank" }),
        ("stream", new[] { "StreamAdd", "StreamRead", "StreamRange", "StreamReadGroup", "StreamAcknowledge", "StreamCreateConsumerGroup", "StreamTrim", "StreamDelete", "StreamLength" }),
        ("key", new[] { "KeyDelete", "KeyExpire", "KeyExists", "KeyTimeToLive", "KeyRename", "KeyPersist" }),
        ("geo", new[] { "GeoAdd", "GeoRadius", "GeoSearch", "GeoPosition", "GeoDistance", "GeoRemove" }),
        ("HyperLogLog", new[] { "HyperLogLogAdd", "HyperLogLogLength", "HyperLogLogMerge" }));

    private static Dictionary<string, string> Operations(params (string DataType, string[] Names)[] groups)
    {
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var (dataType, names) in groups)
        {
            foreach (var name in names)
            {
                result[name] = dataType;
                result[name + "Async"] = dataType;
            }
        }
        return result;
    }

    private static readonly HashSet<string> MongoIndexCalls = new() { "CreateOne", "CreateOneAsync", "CreateMany", "CreateManyAsync" };

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        ObjectCreationExpressionSyntax creation => Creations.ContainsKey(SyntaxFacts.RightmostName(creation.Type)) || Linq2DbStoreParser.IsCreationName(SyntaxFacts.RightmostName(creation.Type)),
        ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax => Linq2DbStoreParser.IsCandidate(node),
        InvocationExpressionSyntax when Linq2DbStoreParser.IsCandidate(node) => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText switch
        {
            "Create" => access.Expression is IdentifierNameSyntax { Identifier.ValueText: "NpgsqlDataSource" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NpgsqlDataSource" },
            "Connect" or "ConnectAsync" => access.Expression.ToString().EndsWith("ConnectionMultiplexer", System.StringComparison.Ordinal),
            "AddNpgsqlDataSource" or "GetDatabase" or "GetCollection" or "GetContainer" or "EnsureIndex" => true,
            "UseSqlServerStorage" or "UseInMemoryStorage" => true,
            "StoreInPostgres" or "StoreInSqlServer" or "StoreInMySql" => true,
            var name when QuartzStores.ContainsKey(name) => true,
            var name when MongoIndexCalls.Contains(name) => true,
            var name => RedisOperation(name) is not null,
        },
        _ => false,
    };

    public static StoreResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var model = context.SemanticModel;
            return context.Node switch
            {
                ObjectCreationExpressionSyntax creation => FromCreation(creation, model, cancellationToken),
                ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax => Linq2DbStoreParser.FromBaseCall(context.Node, model, cancellationToken) is { } linq2db ? new StoreResult(linq2db, null, null) : null,
                // A linq2db option chain, else anything else of that name (Quartz's UseSqlServer on a persistent store builder).
                InvocationExpressionSyntax invocation => (Linq2DbStoreParser.IsCandidate(invocation) ? Linq2DbStoreParser.FromOptionChain(invocation, model, cancellationToken) : null) is { } options
                    ? new StoreResult(options, null, null)
                    : FromInvocation(invocation, model, cancellationToken),
                _ => null,
            };
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new StoreResult(null, null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    private static StoreResult? FromCreation(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.TypeOf(creation, model, cancellationToken) is not INamedTypeSymbol type) return null;
        if (Linq2DbStoreParser.IsCreationName(type.Name)) return Linq2DbStoreParser.FromCreation(creation, type, model, cancellationToken) is { } linq2db ? new StoreResult(linq2db, null, null) : null;
        if (!Creations.TryGetValue(type.Name, out var candidates)) return null;
        foreach (var (ns, store, isSql, library) in candidates)
        {
            if (!type.IsInNamespace(ns)) continue;
            var argument = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
            // new MongoClient(settings) or new SqlConnection() take no connection string we can follow: no source listed.
            var connection = argument is not null && Semantics.TypeOf(argument, model, cancellationToken)?.SpecialType == SpecialType.System_String
                ? ConnectionSourceParser.Parse(argument, model, cancellationToken).ToEquatableArray()
                : EquatableArray<ConnectionSourceSpec>.Empty;
            var spec = new StoreSpec(store, isSql, type.Name + " (" + library + ")", "new " + type.Name, connection,
                CodeText.MemberName(creation, model, cancellationToken), SourceLocation.From(creation));
            return new StoreResult(spec, null, null);
        }
        return null;
    }

    private static StoreResult? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        var owner = original.ContainingType;
        var name = method.Name;
        var member = CodeText.MemberName(invocation, model, cancellationToken);
        var location = SourceLocation.From(invocation);

        if ((name == "Create" && owner.Is("Npgsql", "NpgsqlDataSource"))
            || (name == "AddNpgsqlDataSource" && owner.IsInNamespaceOrBelow("Microsoft.Extensions.DependencyInjection")))
        {
            var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var connection = argument is null ? EquatableArray<ConnectionSourceSpec>.Empty : ConnectionSourceParser.Parse(argument, model, cancellationToken).ToEquatableArray();
            var how = name == "Create" ? "NpgsqlDataSource.Create" : "AddNpgsqlDataSource";
            return new StoreResult(new StoreSpec("PostgreSQL", true, "NpgsqlDataSource (Npgsql)", how, connection, member, location), null, null);
        }
        if (name is "Connect" or "ConnectAsync" && owner.Is("StackExchange.Redis", "ConnectionMultiplexer"))
        {
            var argument = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var connection = argument is null ? EquatableArray<ConnectionSourceSpec>.Empty
                : Semantics.TypeOf(argument, model, cancellationToken)?.SpecialType == SpecialType.System_String
                    ? ConnectionSourceParser.Parse(argument, model, cancellationToken).ToEquatableArray()
                    : RedisConfigurationOptions.Sources(argument, model, cancellationToken)?.ToEquatableArray() ?? EquatableArray<ConnectionSourceSpec>.Empty;
            return new StoreResult(new StoreSpec("Redis", false, "ConnectionMultiplexer (StackExchange.Redis)", "ConnectionMultiplexer." + name, connection, member, location), null, null);
        }

        if (name is "UseSqlServerStorage" or "UseInMemoryStorage" && owner.IsInNamespace("Hangfire")) return HangfireStorage(invocation, method, model, member, location, cancellationToken);
        if (RebusSqlStores.Is(name, owner)) return RebusStore(invocation, method, original, model, member, location, cancellationToken);
        if (QuartzStores.TryGetValue(name, out var quartzStore) && owner.Is("Quartz", "PersistentStoreBuilderExtensions")) return QuartzStore(invocation, method, quartzStore, model, member, location, cancellationToken);

        var receiver = OptionsBuilderParser.ReceiverType(method);
        if (receiver is null) return null;
        if (owner.IsInNamespace("MongoDB.Driver") || receiver.IsInNamespace("MongoDB.Driver")) return Mongo(invocation, method, receiver, model, member, location, cancellationToken);
        if (receiver.IsInNamespace("Microsoft.Azure.Cosmos") && name is "GetDatabase" or "GetContainer")
        {
            // client.GetContainer("db", "orders"), client.GetDatabase("db"), database.GetContainer("orders").
            var names = invocation.ArgumentList.Arguments.Select(a => CacheParser.Key(a.Expression, model, cancellationToken)).ToList();
            var kind = name == "GetDatabase" ? "database" : "container";
            var objectName = names.Count == 0 || names.Any(n => n is null) ? null : string.Join("/", names);
            return new StoreResult(null, new StoreObjectSpec("Azure Cosmos DB", kind, objectName, null, null, member, location), null);
        }
        if (name == "GetCollection" && (receiver.IsInNamespace("LiteDB")))
        {
            var document = method.TypeArguments.FirstOrDefault()?.ClrFullName();
            var collection = FirstString(invocation, model, cancellationToken) ?? (method.TypeArguments.FirstOrDefault()?.Name);
            return new StoreResult(null, new StoreObjectSpec("LiteDB", "collection", collection, document, null, member, location), null);
        }
        if (name == "EnsureIndex" && receiver is INamedTypeSymbol { Name: "ILiteCollection" or "LiteCollection", TypeArguments.Length: 1 } liteCollection && liteCollection.IsInNamespace("LiteDB"))
        {
            return new StoreResult(null, new StoreObjectSpec("LiteDB", "index", null, liteCollection.TypeArguments[0].ClrFullName(),
                LiteIndexDetail(invocation, method, model, cancellationToken), member, location), null);
        }
        if (receiver.Is("StackExchange.Redis", "IDatabase") || receiver.Is("StackExchange.Redis", "IDatabaseAsync")
            || receiver.AllInterfaces.Any(i => i.Is("StackExchange.Redis", "IDatabaseAsync")))
        {
            if (RedisOperation(name) is not { } dataType) return null;
            var keyArgument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "key");
            var key = keyArgument is null ? null : CacheParser.Key(keyArgument.Expression, model, cancellationToken);
            var expiry = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "expiry");
            var detail = dataType + ": " + name + (expiry is null ? string.Empty : ", expiry " + (CacheParser.Value(expiry.Expression, model, cancellationToken)));
            return new StoreResult(null, new StoreObjectSpec("Redis", "key", key, null, detail, member, location), null);
        }
        return null;
    }

    /// <summary>The store that Hangfire keeps its jobs in: <c>UseSqlServerStorage(nameOrConnectionString)</c> (Hangfire.SqlServer)
    /// or <c>UseInMemoryStorage()</c> (Hangfire.InMemory), confirmed by the storage type the call configures
    /// (<c>IGlobalConfiguration&lt;SqlServerStorage&gt;</c>). A connection factory (<c>Func&lt;DbConnection&gt;</c>) is not followed.</summary>
    private static StoreResult? HangfireStorage(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, string member, SourceLocation? location, CancellationToken cancellationToken)
    {
        if (method.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 1 } configured || !configured.Is("Hangfire", "IGlobalConfiguration`1")) return null;
        var storage = configured.TypeArguments[0];
        if (method.Name == "UseSqlServerStorage" && storage.Is("Hangfire.SqlServer", "SqlServerStorage"))
        {
            var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "nameOrConnectionString")?.Expression;
            var connection = argument is null ? EquatableArray<ConnectionSourceSpec>.Empty : ConnectionSourceParser.Parse(argument, model, cancellationToken).ToEquatableArray();
            return new StoreResult(new StoreSpec("SQL Server", true, "SqlServerStorage (Hangfire.SqlServer, Hangfire's job storage)", "UseSqlServerStorage", connection, member, location), null, null);
        }
        if (method.Name == "UseInMemoryStorage" && storage.Is("Hangfire.InMemory", "InMemoryStorage"))
        {
            return new StoreResult(new StoreSpec(ProcessMemory, false, "InMemoryStorage (Hangfire.InMemory, Hangfire's job storage)", "UseInMemoryStorage",
                EquatableArray<ConnectionSourceSpec>.Empty, member, location), null, null);
        }
        return null;
    }

    /// <summary>The database a Rebus SQL store keeps its sagas, subscriptions or timeouts in: <c>StoreInPostgres(connectionString, ...)</c>
    /// (Rebus.PostgreSql), <c>StoreInSqlServer</c> (Rebus.SqlServer), <c>StoreInMySql</c> (Rebus.MySql), named after the package
    /// that declares the method. An overload taking a connection provider instead of a string is listed without a source.</summary>
    private static StoreResult RebusStore(InvocationExpressionSyntax invocation, IMethodSymbol method, IMethodSymbol original, SemanticModel model, string member, SourceLocation? location, CancellationToken cancellationToken)
    {
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method) is { Name: "connectionString", Type.SpecialType: SpecialType.System_String })?.Expression;
        var connection = argument is null ? EquatableArray<ConnectionSourceSpec>.Empty : ConnectionSourceParser.Parse(argument, model, cancellationToken).ToEquatableArray();
        var holds = RebusSqlStores.Holds(original);
        return new StoreResult(new StoreSpec(RebusSqlStores.Database(method.Name), true, "Rebus " + (holds is null ? "" : holds + " ") + "storage (" + original.ContainingAssembly.Name + ")",
            method.Name, connection, member, location), null, null);
    }

    /// <summary>Quartz.NET 4's persistent job store databases (<c>PersistentStoreBuilderExtensions</c>, inside
    /// <c>UsePersistentStore(s => ...)</c>): method → database product.</summary>
    private static readonly Dictionary<string, string> QuartzStores = new(System.StringComparer.Ordinal)
    {
        ["UseSqlServer"] = "SQL Server", ["UsePostgres"] = "PostgreSQL", ["UseMySql"] = "MySQL", ["UseMySqlConnector"] = "MySQL",
        ["UseSqlite"] = "SQLite", ["UseSystemDataSqlite"] = "SQLite", ["UseOracle"] = "Oracle", ["UseFirebird"] = "Firebird",
    };

    /// <summary>The database Quartz.NET keeps jobs and triggers in: <c>s.UseSqlServer(connectionString)</c>, or the
    /// <c>ConnectionString</c> set in <c>s.UseSqlServer(o => o.ConnectionString = ...)</c>. A connection string name
    /// (<c>ConnectionStringName</c>) or a provider factory's connection is not followed.</summary>
    private static StoreResult QuartzStore(InvocationExpressionSyntax invocation, IMethodSymbol method, string store, SemanticModel model, string member, SourceLocation? location, CancellationToken cancellationToken)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var connectionString = arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "connectionString")?.Expression;
        if (connectionString is null && arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == "configure")?.Expression is LambdaExpressionSyntax configure)
        {
            var assignments = configure.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "ConnectionString" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConnectionString" }).ToList();
            connectionString = assignments.Count == 1 ? assignments[0].Right : null;
        }
        var connection = connectionString is null ? EquatableArray<ConnectionSourceSpec>.Empty : ConnectionSourceParser.Parse(connectionString, model, cancellationToken).ToEquatableArray();
        return new StoreResult(new StoreSpec(store, true, "persistent job store (Quartz.NET)", method.Name, connection, member, location), null, null);
    }

    /// <summary>The store of a library that keeps its data in the process's memory (Hangfire.InMemory): neither SQL nor NoSQL.</summary>
    public const string ProcessMemory = "Process memory";

    private static StoreResult? Mongo(InvocationExpressionSyntax invocation, IMethodSymbol method, ITypeSymbol receiver, SemanticModel model, string member, SourceLocation? location, CancellationToken cancellationToken)
    {
        switch (method.Name)
        {
            case "GetDatabase" when IsMongo(receiver, "IMongoClient"):
                return new StoreResult(null, new StoreObjectSpec("MongoDB", "database", FirstString(invocation, model, cancellationToken), null, null, member, location), null);
            case "GetCollection" when IsMongo(receiver, "IMongoDatabase") && method.TypeArguments.FirstOrDefault() is ITypeParameterSymbol parameter:
                var perClass = MongoSubclassCollections.Read(invocation, parameter, model, member, location, cancellationToken);
                return perClass.Count > 0
                    ? new StoreResult(null, perClass.ToEquatableArray(), null)
                    : new StoreResult(null, new StoreObjectSpec("MongoDB", "collection", FirstString(invocation, model, cancellationToken), null,
                        "document type is the type parameter `" + parameter.Name + "`, which no concrete class of this project binds", member, location), null);
            case "GetCollection" when IsMongo(receiver, "IMongoDatabase"):
                return new StoreResult(null, new StoreObjectSpec("MongoDB", "collection", FirstString(invocation, model, cancellationToken),
                    method.TypeArguments.FirstOrDefault()?.ClrFullName(), null, member, location), null);
            case var name when MongoIndexCalls.Contains(name) && receiver is INamedTypeSymbol { Name: "IMongoIndexManager", TypeArguments.Length: 1 } indexes:
                return new StoreResult(null, new StoreObjectSpec("MongoDB", "index", null, indexes.TypeArguments[0].ClrFullName(),
                    MongoIndexDetail(invocation, model, cancellationToken), member, location), null);
            default:
                return null;
        }
    }

    private static bool IsMongo(ITypeSymbol type, string name) =>
        type.Is("MongoDB.Driver", name) || type.AllInterfaces.Any(i => i.Is("MongoDB.Driver", name));

    /// <summary>The keys (<c>Ascending(o => o.CustomerId)</c> → <c>CustomerId ascending</c>) and options
    /// (<c>Unique = true</c>, <c>Name = "..."</c>, <c>ExpireAfter</c>) written in a CreateOne/CreateMany call.</summary>
    private static string? MongoIndexDetail(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        // CreateMany with several CreateIndexModel<T> written in place: one detail per index, never one merged index.
        var models = invocation.ArgumentList.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>()
            .Where(c => Semantics.TypeOf(c, model, cancellationToken) is INamedTypeSymbol { Name: "CreateIndexModel", TypeArguments.Length: 1 } t && t.IsInNamespace("MongoDB.Driver"))
            .ToList();
        if (models.Count > 1)
        {
            var each = models.Select(m => "(" + (MongoIndexDetail(m, model, cancellationToken) ?? "…") + ")");
            return models.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " indexes: " + string.Join("; ", each);
        }
        return MongoIndexDetail(invocation.ArgumentList, model, cancellationToken);
    }

    private static string? MongoIndexDetail(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        // Chained key calls nest outside-in; in source order they read as written.
        foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>()
                     .OrderBy(c => c.Expression is MemberAccessExpressionSyntax access ? access.Name.SpanStart : c.SpanStart))
        {
            if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: var direction and ("Ascending" or "Descending" or "Text" or "Hashed" or "Geo2DSphere" or "Wildcard") }) continue;
            var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var field = StoredField(argument, model, cancellationToken) ?? SyntaxFacts.SelectedMember(argument) ?? model.ConstantString(argument, cancellationToken);
            parts.Add((field ?? "…") + " " + direction.ToLowerInvariant());
        }
        foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            var option = assignment.Left is IdentifierNameSyntax id ? id.Identifier.ValueText : null;
            switch (option)
            {
                case "Unique" when Semantics.ConstantOf(assignment.Right, model, cancellationToken) is { HasValue: true, Value: true }:
                    parts.Add("unique");
                    break;
                case "Sparse" when Semantics.ConstantOf(assignment.Right, model, cancellationToken) is { HasValue: true, Value: true }:
                    parts.Add("sparse");
                    break;
                case "Name" when model.ConstantString(assignment.Right, cancellationToken) is { } indexName:
                    parts.Add("named \"" + indexName + "\"");
                    break;
                case "ExpireAfter":
                    parts.Add("TTL " + CacheParser.Value(assignment.Right, model, cancellationToken));
                    break;
            }
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>
    /// The stored field a key selector's member maps to when the member says so: <c>[BsonElement("_an")]</c> gives
    /// <c>_an (IndexedName)</c>, <c>[BsonId]</c> (or the driver's <c>Id</c> convention) gives <c>_id (Id)</c>. The Squidex audit found index keys named by the C#
    /// property (<c>IndexedName ascending</c>) where the index is on <c>_an</c>. Null for a member without either attribute
    /// (its name is shown, as the selector writes it).
    /// </summary>
    private static string? StoredField(ExpressionSyntax? selector, SemanticModel model, CancellationToken cancellationToken)
    {
        if (selector is not SimpleLambdaExpressionSyntax { Body: MemberAccessExpressionSyntax access }) return null;
        if (Semantics.SymbolOf(access, model, cancellationToken) is not ({ Kind: SymbolKind.Property or SymbolKind.Field } member)) return null;
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is not { } type || !type.IsInNamespace("MongoDB.Bson.Serialization.Attributes")) continue;
            if (type.Name == "BsonIdAttribute") return "_id (" + member.Name + ")";
            if (type.Name == "BsonElementAttribute" && attribute.ConstructorArguments.FirstOrDefault() is { Value: string name } && name.Length > 0)
            {
                // [BsonElement(nameof(Key))] stores the member's own name: said once.
                return name == member.Name ? name : name + " (" + member.Name + ")";
            }
        }
        // The driver's IdMemberConvention: a member named Id, id or _id is the document's _id unless another member is [BsonId].
        if (member.Name is "Id" or "id" or "_id" && member.ContainingType is { } owner
            && !owner.GetMembers().Any(m => m.GetAttributes().Any(a => a.AttributeClass is { Name: "BsonIdAttribute" } id && id.IsInNamespace("MongoDB.Bson.Serialization.Attributes"))))
        {
            return "_id (" + member.Name + ")";
        }
        return null;
    }

    /// <summary>LiteDB's <c>EnsureIndex(x => x.Field, unique: true)</c>, <c>EnsureIndex("name", x => x.Field)</c> or
    /// <c>EnsureIndex("name", "$.Field")</c>: the field (or the expression's constant text), the name and uniqueness.</summary>
    private static string? LiteIndexDetail(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        string? field = null, indexName = null;
        var unique = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name)
            {
                case "keySelector":
                    field = SyntaxFacts.SelectedMember(argument.Expression) ?? "…";
                    break;
                case "expression":
                    field = model.ConstantString(argument.Expression, cancellationToken) ?? "…";
                    break;
                case "name":
                    indexName = model.ConstantString(argument.Expression, cancellationToken);
                    break;
                case "unique":
                    unique = Semantics.ConstantOf(argument.Expression, model, cancellationToken) is { HasValue: true, Value: true };
                    if (!unique && Semantics.ConstantOf(argument.Expression, model, cancellationToken) is not { HasValue: true }) return (field ?? "…") + ", unique or not (not a constant)";
                    break;
            }
        }
        var parts = new List<string> { field ?? "…" };
        if (unique) parts.Add("unique");
        if (indexName is not null) parts.Add("named \"" + indexName + "\"");
        return string.Join(", ", parts);
    }

    private static string? FirstString(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        invocation.ArgumentList.Arguments.FirstOrDefault() is { } first ? CacheParser.Key(first.Expression, model, cancellationToken) : null;

    private static string? RedisOperation(string name) => RedisOperations.TryGetValue(name, out var dataType) ? dataType : null;
}

/// <param name="Objects">What the store holds, as the call names it: usually one object; one per concrete subclass
/// for a generic base's collection (<see cref="MongoSubclassCollections"/>).</param>
internal sealed record StoreResult(StoreSpec? Store, EquatableArray<StoreObjectSpec> Objects, string? Error)
{
    public StoreResult(StoreSpec? store, StoreObjectSpec? storeObject, string? error)
        : this(store, storeObject is null ? EquatableArray<StoreObjectSpec>.Empty : new[] { storeObject }.ToEquatableArray(), error)
    {
    }
}
