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
/// Database calls made in the body of a <c>foreach</c>, <c>for</c>, <c>while</c> or <c>do</c> loop through APIs other than
/// EF Core's and linq2db's LINQ (those are <see cref="QueryShapeParser"/>'s N+1 risks): Dapper (<c>Query*</c>,
/// <c>Execute*</c> on <c>Dapper.SqlMapper</c>), ADO.NET commands (<c>ExecuteNonQuery/Reader/Scalar[Async]</c> on a
/// <c>DbCommand</c> or <c>IDbCommand</c>), StackExchange.Redis string, hash and key operations on an <c>IDatabase</c>, and
/// MongoDB's <c>IMongoCollection&lt;T&gt;</c> and LiteDB's <c>ILiteCollection&lt;T&gt;</c> operations, and EF Core's
/// <c>SaveChanges[Async]</c> on a context when every iteration runs it (not under a condition in the loop: a save every
/// 100 items is a batch). Each runs once per
/// iteration: a round trip per item (LiteDB is in process: a database call per item). A call to a method of this project
/// in the loop is followed one level: the database calls its body makes on its straight path (not under a condition, not
/// after a <c>return</c>, not in a lambda) count as made in the loop, named "through" the method; an interface or abstract method is followed only
/// to its sole implementation in this project (<see cref="CalledMethods.SoleImplementation"/>), and says so.
/// Reads are "Query inside a loop (N+1 risk)", writes (SQL INSERT/UPDATE/DELETE/MERGE, document and key writes) "Write
/// inside a loop", anything else (an ADO.NET command, whose SQL is set elsewhere) "Database call inside a loop".
/// Not per item, so not reported: batching APIs (Dapper <c>Execute</c> given a sequence of parameters, Redis calls on a
/// batch or transaction, MongoDB <c>InsertMany</c>/<c>BulkWrite</c>, LiteDB <c>InsertBulk</c> and writes of a sequence),
/// lazy reads never run in the loop (MongoDB's <c>AsQueryable</c>, a <c>Find</c> not executed in the same expression), a
/// <c>while</c>/<c>do</c>/<c>for</c> loop that waits on a timer (<c>PeriodicTimer.WaitForNextTickAsync</c>,
/// <c>Task.Delay</c>): it runs per tick, not per item; a <c>while</c>/<c>do</c>/<c>for</c> that can <c>break</c> or
/// <c>return</c> (a retry or a search). Message brokers are no database and are left out.
/// </summary>
internal static class LoopRoundTripParser
{
    public const string WriteLoopKind = "Write inside a loop (a round trip per item)";
    public const string CallLoopKind = "Database call inside a loop (a round trip per item)";
    private const string InProcess = "(a database call per item, in process)";

    private enum Effect { Read, Write, Unknown }

    /// <summary>One database call: what it does, whether the store runs in process (LiteDB), its text and document type.</summary>
    /// <param name="Save">EF Core's <c>SaveChanges[Async]</c>: per item only where every iteration runs it (see <see cref="Findings"/>).</param>
    private sealed record Call(Effect Effect, bool Embedded, string Text, string? Entity, bool Save = false);

    private static readonly HashSet<string> DapperMethods = new(System.StringComparer.Ordinal)
    {
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync", "QuerySingle",
        "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync", "QueryUnbufferedAsync",
        "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
    };

    private static readonly HashSet<string> CommandMethods = new(System.StringComparer.Ordinal)
    {
        "ExecuteNonQuery", "ExecuteNonQueryAsync", "ExecuteReader", "ExecuteReaderAsync", "ExecuteScalar", "ExecuteScalarAsync",
    };

    /// <summary>StackExchange.Redis's string, hash and key operations (each also as <c>...Async</c>).</summary>
    private static readonly Dictionary<string, Effect> RedisMethods = WithAsync(new Dictionary<string, Effect>(System.StringComparer.Ordinal)
    {
        ["StringGet"] = Effect.Read, ["StringGetWithExpiry"] = Effect.Read, ["StringLength"] = Effect.Read, ["StringGetRange"] = Effect.Read,
        ["HashGet"] = Effect.Read, ["HashGetAll"] = Effect.Read, ["HashExists"] = Effect.Read, ["HashKeys"] = Effect.Read, ["HashValues"] = Effect.Read,
        ["HashLength"] = Effect.Read, ["KeyExists"] = Effect.Read, ["KeyTimeToLive"] = Effect.Read, ["KeyType"] = Effect.Read, ["KeyIdleTime"] = Effect.Read,
        ["StringSet"] = Effect.Write, ["StringSetRange"] = Effect.Write, ["StringAppend"] = Effect.Write, ["StringIncrement"] = Effect.Write,
        ["StringDecrement"] = Effect.Write, ["StringGetSet"] = Effect.Write, ["StringGetDelete"] = Effect.Write, ["StringSetAndGet"] = Effect.Write,
        ["StringGetSetExpiry"] = Effect.Write, ["HashSet"] = Effect.Write, ["HashDelete"] = Effect.Write, ["HashIncrement"] = Effect.Write,
        ["HashDecrement"] = Effect.Write, ["KeyDelete"] = Effect.Write, ["KeyExpire"] = Effect.Write, ["KeyPersist"] = Effect.Write, ["KeyRename"] = Effect.Write,
    });

    /// <summary>MongoDB's and LiteDB's calls that write many documents from one sequence: one call, not one per item.</summary>
    private static readonly HashSet<string> DocumentBatches = new(System.StringComparer.Ordinal)
    {
        "InsertMany", "InsertManyAsync", "BulkWrite", "BulkWriteAsync", "InsertBulk",
    };

    /// <summary>Document reads that return a lazy result (a fluent find, an enumerable, a query): run only when executed.</summary>
    private static readonly HashSet<string> LazyDocumentReads = new(System.StringComparer.Ordinal) { "Find", "FindAll", "Query", "AsQueryable" };

    /// <summary>Calls that run a lazy find or query (MongoDB's fluent find, LiteDB's enumerables and queries, LINQ).</summary>
    private static readonly HashSet<string> Executing = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToListAsync", "ToArray", "ToArrayAsync", "ToCursor", "ToCursorAsync", "ToEnumerable", "ForEachAsync", "First", "FirstAsync",
        "FirstOrDefault", "FirstOrDefaultAsync", "Single", "SingleAsync", "SingleOrDefault", "SingleOrDefaultAsync", "Any", "AnyAsync",
        "Count", "CountAsync", "CountDocuments", "CountDocumentsAsync", "ToDocuments", "ToDictionary", "ToHashSet",
    };

    private static Dictionary<string, Effect> WithAsync(Dictionary<string, Effect> methods)
    {
        foreach (var pair in methods.ToList()) methods[pair.Key + "Async"] = pair.Value;
        return methods;
    }

    /// <summary>A loop statement (syntax only): its body's calls are read in <see cref="Parse(SiteContext, CancellationToken)"/>.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    public static EquatableArray<QueryShapeSpec> Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    public static EquatableArray<QueryShapeSpec> Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        Findings((StatementSyntax)node, model, cancellationToken, follow: true).Select(f => f.Spec).ToEquatableArray();

    /// <summary>The database calls in the loop's body, each with its call in the loop; <paramref name="follow"/> also
    /// follows project methods (the analyzer does not: only calls written in the loop are diagnosed, see DDG1001).</summary>
    internal static IEnumerable<(InvocationExpressionSyntax Call, QueryShapeSpec Spec, bool Direct)> Findings(StatementSyntax loop, SemanticModel model,
        CancellationToken cancellationToken, bool follow)
    {
        var body = Body(loop);
        if (body is null || WaitsOnTimer(loop, body, model, cancellationToken) || LeavesEarly(loop, body)) yield break;
        var loopLine = (loop.GetLocation().GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        // Lambdas and local functions run when they are called, not once per iteration.
        foreach (var invocation in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (NearestLoop(invocation) != loop) continue; // an inner loop's own calls are that loop's
            if (Name(invocation) is not { } name) continue;
            var location = SourceLocation.From(invocation.Expression is MemberAccessExpressionSyntax access ? access.Name : invocation.Expression);
            if (IsDatabaseName(name) && DatabaseCall(invocation, name, model, cancellationToken) is { } call)
            {
                // A save under a condition in the loop (if (++i % 100 == 0) SaveChanges()) is a batch, not a round trip per item.
                if (call.Save && !OnStraightPath(invocation, body)) continue;
                yield return (invocation, new QueryShapeSpec(Kind(new[] { call }), call.Entity, call.Text + " in the loop at line " + loopLine,
                    CodeText.MemberName(invocation, model, cancellationToken), location, CodeText.EnclosingCondition(invocation, body)), true);
                continue;
            }
            if (follow && Through(invocation, loop, model, cancellationToken) is { } through)
            {
                var (calls, via) = through;
                if (calls.Any(c => c.Save) && !OnStraightPath(invocation, body)) calls = calls.Where(c => !c.Save).ToList();
                if (calls.Count == 0) continue;
                var entities = calls.Select(c => c.Entity).Where(e => e is not null).Distinct().ToList();
                yield return (invocation, new QueryShapeSpec(Kind(calls), entities.Count == 1 ? entities[0] : null,
                    string.Join("; ", calls.Select(c => c.Text).Distinct()) + " through " + via + " in the loop at line " + loopLine,
                    CodeText.MemberName(invocation, model, cancellationToken), location, CodeText.EnclosingCondition(invocation, body)), false);
            }
        }
    }

    private static StatementSyntax? Body(StatementSyntax loop) => loop switch
    {
        CommonForEachStatementSyntax forEach => forEach.Statement,
        ForStatementSyntax forLoop => forLoop.Statement,
        WhileStatementSyntax whileLoop => whileLoop.Statement,
        DoStatementSyntax doLoop => doLoop.Statement,
        _ => null,
    };

    /// <summary>The loop whose body (not its collection or condition) holds the node, within the same member or lambda.</summary>
    private static StatementSyntax? NearestLoop(SyntaxNode node)
    {
        for (var child = node; child.Parent is { } parent; child = parent)
        {
            switch (parent)
            {
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                    return null;
                case StatementSyntax loop when Body(loop) == child:
                    return loop;
            }
        }
        return null;
    }

    private static string? Name(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static bool IsDatabaseName(string name) =>
        DapperMethods.Contains(name) || CommandMethods.Contains(name) || RedisMethods.ContainsKey(name) || DocumentCrudParser.IsOperationName(name)
        || name is "SaveChanges" or "SaveChangesAsync";

    /// <summary>A polling loop: a <c>while</c>/<c>do</c> whose condition awaits <c>PeriodicTimer.WaitForNextTickAsync</c>, or a
    /// <c>while</c>/<c>do</c>/<c>for</c> whose own body calls <c>Task.Delay</c>. It runs per tick, not per item.</summary>
    private static bool WaitsOnTimer(StatementSyntax loop, StatementSyntax body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (loop is CommonForEachStatementSyntax) return false;
        var condition = loop switch { WhileStatementSyntax w => w.Condition, DoStatementSyntax d => d.Condition, _ => null };
        if (condition is not null && condition.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>()
                .Any(i => Name(i) == "WaitForNextTickAsync" && Semantics.MethodOwner(i, model, cancellationToken).Is("System.Threading", "PeriodicTimer")))
        {
            return true;
        }
        return body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>()
            .Any(i => Name(i) == "Delay" && NearestLoop(i) == loop && Semantics.MethodOwner(i, model, cancellationToken).Is("System.Threading.Tasks", "Task"));
    }

    /// <summary>A <c>while</c>/<c>do</c>/<c>for</c> whose body can <c>break</c> out of it or <c>return</c>: it may be a retry or
    /// a search (one call, repeated until it works), not a call per item, so it is not reported. A <c>foreach</c> walks
    /// items whatever it leaves early for.</summary>
    private static bool LeavesEarly(StatementSyntax loop, StatementSyntax body)
    {
        if (loop is CommonForEachStatementSyntax) return false;
        foreach (var node in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax) return true;
            if (node is BreakStatementSyntax && node.Ancestors().FirstOrDefault(a => a is SwitchStatementSyntax || (a is StatementSyntax s && Body(s) is not null)) == loop) return true;
        }
        return false;
    }

    private static string Kind(IReadOnlyCollection<Call> calls)
    {
        var embedded = calls.All(c => c.Embedded);
        if (calls.All(c => c.Effect == Effect.Read)) return embedded ? "Query inside a loop " + InProcess : QueryShapeParser.LoopQueryKind;
        if (calls.All(c => c.Effect == Effect.Write)) return embedded ? "Write inside a loop " + InProcess : WriteLoopKind;
        return embedded ? "Database call inside a loop " + InProcess : CallLoopKind;
    }

    /// <summary>A call to a method of this project (through its sole implementation when it is an interface or abstract
    /// member) whose body makes database calls on its straight path; the method named as the code calls it.</summary>
    private static (List<Call> Calls, string Via)? Through(InvocationExpressionSyntax invocation, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(invocation, model, cancellationToken) is not IMethodSymbol called) return null;
        var target = (called.ReducedFrom ?? called).OriginalDefinition;
        if (target.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, model.Compilation.Assembly)) return null;
        var via = CalledMethods.Name(target);
        if (target.ContainingType.TypeKind == TypeKind.Interface || target.IsAbstract)
        {
            if (CalledMethods.SoleImplementation(target, model.Compilation, cancellationToken) is not { } sole) return null;
            target = sole;
            via += " (its sole implementation in this project: " + CalledMethods.Name(sole) + ")";
        }
        var enclosing = loop.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);
        if (enclosing is not null && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(enclosing, cancellationToken), target)) return null; // recursion
        var calls = new List<Call>();
        foreach (var reference in target.DeclaringSyntaxReferences)
        {
            if (reference.ReadSyntax(cancellationToken) is not BaseMethodDeclarationSyntax declaration) continue;
            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null) continue;
            var bodyModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.ReadSemanticModel(declaration.SyntaxTree);
            foreach (var inner in body.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Name(inner) is not { } name || !IsDatabaseName(name) || !OnStraightPath(inner, body) || AfterEarlyReturn(inner, body)) continue;
                if (DatabaseCall(inner, name, bodyModel, cancellationToken) is { } call) calls.Add(call);
            }
        }
        return calls.Count == 0 ? null : (calls, via);
    }

    /// <summary>The call runs whenever the body runs: not under an if, switch, loop, catch or conditional operator, not
    /// after a <c>?.</c>, <c>&amp;&amp;</c>, <c>||</c> or <c>??</c>.</summary>
    private static bool OnStraightPath(SyntaxNode call, SyntaxNode body)
    {
        for (var child = call; child != body && child.Parent is { } parent; child = parent)
        {
            switch (parent)
            {
                case IfStatementSyntax ifStatement when child != ifStatement.Condition:
                case ElseClauseSyntax or SwitchSectionSyntax or SwitchExpressionArmSyntax or CatchClauseSyntax:
                case CommonForEachStatementSyntax forEach when child == forEach.Statement:
                case ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                case ConditionalExpressionSyntax conditional when child != conditional.Condition:
                case ConditionalAccessExpressionSyntax access when child == access.WhenNotNull:
                case BinaryExpressionSyntax binary when child == binary.Right && binary.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.CoalesceExpression:
                    return false;
            }
        }
        return true;
    }

    /// <summary>A <c>return</c> of the body (not of a lambda or local function in it) comes before the call: the call may not run.</summary>
    private static bool AfterEarlyReturn(SyntaxNode call, SyntaxNode body) =>
        body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>()
            .Any(r => r.Span.End <= call.SpanStart);

    /// <summary>The database call an invocation is, confirmed by its symbols; null for anything else and for batches.</summary>
    private static Call? DatabaseCall(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        // EF Core's SaveChanges[Async] writes what the context tracks in one round trip: in a loop, one per iteration
        // (BTCPay's services save inside the loop over a query). Also bare in a context's own code.
        if (name is "SaveChanges" or "SaveChangesAsync")
        {
            return SyntaxFacts.IsSaveChangesCall(invocation) && ContextInterfaces.RunsAsContext(Semantics.Method(invocation, model, cancellationToken), model.Compilation, cancellationToken)
                ? new Call(Effect.Write, false, "EF Core " + name, null, Save: true)
                : null;
        }
        if (invocation.Expression is not MemberAccessExpressionSyntax access) return null;
        if (DocumentCrudParser.IsOperationName(name) && Document(invocation, access, name, model, cancellationToken) is { } document) return document;
        if (!DapperMethods.Contains(name) && !CommandMethods.Contains(name) && !RedisMethods.ContainsKey(name)) return null;
        if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
        var owner = (method.ReducedFrom ?? method).ContainingType;
        if (DapperMethods.Contains(name) && owner.Is("Dapper", "SqlMapper")) return Dapper(invocation, method, model, cancellationToken);
        var receiver = Semantics.TypeOf(access.Expression, model, cancellationToken);
        if (receiver is null) return null;
        if (CommandMethods.Contains(name) && (receiver.DerivesFromOrIs("System.Data.Common", "DbCommand") || receiver.Is("System.Data", "IDbCommand")
                                              || receiver.AllInterfaces.Any(i => i.Is("System.Data", "IDbCommand"))))
        {
            var sql = CommandSql(access.Expression, invocation, model, cancellationToken);
            return new Call(EffectOf(sql, false), false, "ADO.NET " + receiver.Name + "." + name + Sql(sql), null);
        }
        // IDatabase only: a batch or a transaction (IBatch, ITransaction) is also an IDatabaseAsync, and sends its calls together.
        if (RedisMethods.TryGetValue(name, out var effect) && owner.IsInNamespace("StackExchange.Redis")
            && (receiver.Is("StackExchange.Redis", "IDatabase") || receiver.AllInterfaces.Any(i => i.Is("StackExchange.Redis", "IDatabase"))))
        {
            return new Call(effect, false, "Redis " + name, null);
        }
        return null;
    }

    /// <summary>Dapper: the SQL statement decides read or write when the text is constant; otherwise <c>Query*</c> reads.
    /// <c>Execute</c> given a sequence of parameter objects runs the command for each of them in one call: not per item.</summary>
    private static Call? Dapper(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method) is not { Name: "param" }) continue;
            var type = Semantics.TypeOf(argument.Expression, model, cancellationToken);
            // As Dapper decides: a sequence other than a string, a dictionary of names and values, or DynamicParameters.
            if (type is not null && type.SpecialType != SpecialType.System_String
                && (type is IArrayTypeSymbol || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
                && !type.AllInterfaces.Any(i => (i is { Name: "IEnumerable", TypeArguments.Length: 1 } && i.TypeArguments[0].Name == "KeyValuePair")
                                                || (i.Name == "IDynamicParameters" && i.IsInNamespaceOrBelow("Dapper")))) return null;
        }
        var sql = RawSqlParser.Parse(invocation, model, cancellationToken)?.Spec;
        return new Call(EffectOf(sql, method.Name.StartsWith("Query", System.StringComparison.Ordinal)), false, "Dapper " + method.Name + Sql(sql), null);
    }

    /// <summary>Read or write by the SQL statement when its text is known (a write any of its statements performs, as a
    /// <c>WITH ... DELETE</c> or a <c>SELECT ... INTO</c>, makes it a write; a <c>WITH</c> that only reads is a read);
    /// otherwise a read only for Dapper's <c>Query*</c>.</summary>
    private static Effect EffectOf(RawSqlSpec? sql, bool queries)
    {
        var statement = StatementOf(sql);
        if (statement is not null && sql!.Operations.Any(o => o.Operation != CrudOperation.Read)) return Effect.Write;
        return statement switch
        {
            "SELECT" => Effect.Read,
            "WITH" when !sql!.Operations.IsEmpty => Effect.Read,
            "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "UPSERT" or "REPLACE" => Effect.Write,
            null when queries => Effect.Read,
            _ => Effect.Unknown,
        };
    }

    /// <summary>The SQL's statement kind; none for a stored procedure call (its name says nothing certain of what it
    /// does, so it counts as a call whose text is not known: a <c>Query*</c> reads, anything else is not told).</summary>
    private static string? StatementOf(RawSqlSpec? sql) => sql?.Procedure is null ? sql?.Statement : null;

    private static string Sql(RawSqlSpec? sql) =>
        (sql?.Statement is { } statement ? " " + statement : "") + (sql?.Procedure is { Name: { } procedure } ? " " + procedure : "")
        + (sql is null || sql.Tables.IsEmpty ? "" : " " + string.Join(", ", sql.Tables));

    /// <summary>The SQL of an ADO.NET command held in a local of the same body: its one <c>CommandText</c> assignment before
    /// the call, or else the text given to the <c>new ...Command(sql, ...)</c> that initialises it; null otherwise.</summary>
    private static RawSqlSpec? CommandSql(ExpressionSyntax receiver, InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        if (receiver is not IdentifierNameSyntax || Semantics.SymbolOf(receiver, model, cancellationToken) is not ILocalSymbol local) return null;
        var body = call.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (body is null) return null;
        var texts = body.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText", Expression: IdentifierNameSyntax target } && target.Identifier.ValueText == local.Name
                        && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOf(target, model, cancellationToken), local))
            .ToList();
        SyntaxNode? site = texts.Count == 1 && texts[0].SpanStart < call.SpanStart ? texts[0] : null;
        if (texts.Count == 0 && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax creation })
        {
            site = creation;
        }
        return site is not null && RawSqlParser.IsCandidate(site, cancellationToken) ? RawSqlParser.Parse(site, model, cancellationToken)?.Spec : null;
    }

    /// <summary>MongoDB's and LiteDB's collection operations as <see cref="DocumentCrudParser"/> reads them; Marten (whose
    /// session queues writes until <c>SaveChanges</c>) and Azure Cosmos DB are not read here.</summary>
    private static Call? Document(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        if (DocumentBatches.Contains(name)) return null;
        if (LazyDocumentReads.Contains(name) && !ExecutedInPlace(invocation)) return null;
        if (DocumentCrudParser.Parse(invocation, model, cancellationToken)?.Specs is not { IsEmpty: false } specs) return null;
        var spec = specs[0];
        if (spec.Store is not ("MongoDB" or "LiteDB")) return null;
        // LiteDB's Insert/Update/Upsert of a sequence write it in one call.
        if (spec.Store == "LiteDB" && name is "Insert" or "Update" or "Upsert"
            && Semantics.Method(invocation, model, cancellationToken)?.Parameters.LastOrDefault()?.Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } sequence
            && sequence.IsInNamespace("System.Collections.Generic")) return null;
        var effect = specs.All(s => s.Operation == CrudOperation.Read) ? Effect.Read : Effect.Write;
        return new Call(effect, spec.Store == "LiteDB", spec.Store + " " + name, spec.Entity);
    }

    /// <summary>A lazy find or query executed in the same expression: a later call of its chain runs it
    /// (<c>Find(f).SortBy(...).FirstOrDefaultAsync()</c>), or a <c>foreach</c> enumerates it.</summary>
    private static bool ExecutedInPlace(InvocationExpressionSyntax invocation)
    {
        SyntaxNode current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } member && member.Expression == current)
        {
            if (Executing.Contains(member.Name.Identifier.ValueText)) return true;
            current = next;
        }
        return current.Parent is CommonForEachStatementSyntax forEach && forEach.Expression == current;
    }
}
