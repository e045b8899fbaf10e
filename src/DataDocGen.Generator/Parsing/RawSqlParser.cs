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
/// Finds the places that send SQL text: EF Core's raw SQL methods, Dapper's query and execute methods, and ADO.NET
/// <c>CommandText</c> assignments. Each is confirmed by its symbol (a method named <c>Query</c> elsewhere is not
/// Dapper). The SQL text is read only when it is constant or composed from constant fragments the code chooses; it is
/// never copied into the report (it may hold anything), only its statement kind and the tables it names. A Dapper or ADO.NET command whose type is
/// <c>CommandType.StoredProcedure</c> (<see cref="StoredProcedureReader"/>) sends a procedure's name instead: it is
/// listed with the name and its parameters, and no statement kind or table is read from it.
/// </summary>
internal static class RawSqlParser
{
    private static readonly HashSet<string> EfMethods = new()
    {
        "FromSqlRaw", "FromSqlInterpolated", "FromSql", "SqlQueryRaw", "SqlQuery", "ExecuteSqlRaw", "ExecuteSqlRawAsync",
        "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync", "ExecuteSql", "ExecuteSqlAsync",
    };

    private static readonly HashSet<string> DapperMethods = new()
    {
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync", "QuerySingle",
        "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync", "Execute",
        "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync", "QueryUnbufferedAsync",
    };

    /// <summary>linq2db's raw SQL methods (as in 6.5.1): <c>LinqToDB.Data.DataContextExtensions</c> (<c>Query*</c>, <c>Execute*</c>,
    /// <c>SetCommand</c> on an <c>IDataContext</c>; <c>DataConnectionExtensions</c> before 6) and <c>LinqToDB.DataExtensions</c>
    /// (<c>FromSql</c>, <c>FromSqlScalar</c>). Stored procedure calls (<c>*Proc*</c>) take a procedure name, not SQL text, and are
    /// not listed.</summary>
    private static readonly HashSet<string> Linq2DbMethods = new(System.StringComparer.Ordinal)
    {
        "Query", "QueryAsync", "QueryToListAsync", "QueryToArrayAsync", "QueryToAsyncEnumerable", "QueryMultiple", "QueryMultipleAsync",
        "Execute", "ExecuteAsync", "ExecuteReader", "ExecuteReaderAsync", "SetCommand", "FromSql", "FromSqlScalar",
    };

    /// <summary>A method name of Dapper's query and execute methods (the syntactic test, shared with <see cref="CommandTimeoutParser"/>).</summary>
    internal static bool IsDapperMethodName(string name) => DapperMethods.Contains(name);

    /// <summary>Cheap syntactic filter: a call to one of the method names, or an assignment to <c>CommandText</c>.</summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) => node switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => EfMethods.Contains(access.Name.Identifier.ValueText) || DapperMethods.Contains(access.Name.Identifier.ValueText)
            || Linq2DbMethods.Contains(access.Name.Identifier.ValueText)
            || access.Name.Identifier.ValueText is "CreateCommand" or "WriteToServer" or "WriteToServerAsync",
        // new SqlCommand(sql, connection), new NpgsqlCommand(sql)...: a created type whose name ends with Command.
        ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0, Type: var type } => SyntaxFacts.RightmostName(type).EndsWith("Command", System.StringComparison.Ordinal),
        AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } } => true,
        _ => false,
    };

    public static RawSqlResult? Parse(SiteContext context, CancellationToken cancellationToken) =>
        Parse(context.Node, context.SemanticModel, cancellationToken);

    /// <summary>Also called by the analyzer (<see cref="Diagnostics.DataLayerAnalyzer"/>) on the same nodes.</summary>
    public static RawSqlResult? Parse(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        try
        {
            var spec = node switch
            {
                InvocationExpressionSyntax invocation => FromInvocation(invocation, model, cancellationToken),
                ObjectCreationExpressionSyntax creation => FromCommandCreation(creation, model, cancellationToken),
                AssignmentExpressionSyntax assignment => FromCommandText(assignment, model, cancellationToken),
                _ => null,
            };
            return spec is null ? null : new RawSqlResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new RawSqlResult(null, Diagnostics.GeneratorFailure.Describe(exception, node));
        }
    }

    private static RawSqlSpec? FromInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var original = method.ReducedFrom ?? method;
        string api;
        if (method.Name == "CreateCommand")
        {
            // DbDataSource.CreateCommand(sql) (Npgsql's data sources); connection.CreateCommand() takes no text.
            if (!original.ContainingType.DerivesFromOrIs("System.Data.Common", "DbDataSource") || invocation.ArgumentList.Arguments.Count == 0) return null;
            return AdoNet("ADO.NET " + original.ContainingType.Name + ".CreateCommand", invocation.ArgumentList.Arguments[0].Expression, invocation, model, cancellationToken);
        }
        if (method.Name is "WriteToServer" or "WriteToServerAsync")
        {
            return original.ContainingType.Is("Microsoft.Data.SqlClient", "SqlBulkCopy") || original.ContainingType.Is("System.Data.SqlClient", "SqlBulkCopy")
                ? BulkCopy(invocation, method.Name, model, cancellationToken) : null;
        }
        if (EfMethods.Contains(method.Name) && original.ContainingType.IsInNamespace("Microsoft.EntityFrameworkCore")) api = "EF Core " + method.Name;
        else if (DapperMethods.Contains(method.Name) && original.ContainingType.IsInNamespace("Dapper")) api = "Dapper " + method.Name;
        else if (IsLinq2DbRawSql(original)) api = "linq2db " + method.Name;
        else return null;

        var sqlParameter = SqlParameter(method);
        // A linq2db overload without SQL text (a CommandInfo already made) is no site.
        if (sqlParameter is null && api.StartsWith("linq2db ", System.StringComparison.Ordinal)) return null;
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method), sqlParameter));
        if (argument is null) return Spec(api, null, SqlParameterization.Unknown, invocation, model, cancellationToken);
        if (api.StartsWith("Dapper ", System.StringComparison.Ordinal)) return Dapper(api, invocation, method, argument, model, cancellationToken);
        var takesFormattable = sqlParameter!.Type.Is("System", "FormattableString");
        return Classify(api, argument.Expression, takesFormattable, invocation, model, cancellationToken);
    }

    /// <summary>A Dapper call: its command type (the <c>commandType</c> argument, of the method or of a
    /// <c>new CommandDefinition(...)</c> given in place or through a local never assigned again) decides whether the text
    /// is SQL or a stored procedure's name. No command type, <c>null</c> or <c>CommandType.Text</c> is SQL text.</summary>
    private static RawSqlSpec Dapper(string api, InvocationExpressionSyntax invocation, IMethodSymbol method, ArgumentSyntax sql, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? text = sql.Expression;
        ArgumentSyntax? parameters = null;
        ArgumentSyntax? commandType = null;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            switch (OptionsBuilderParser.ParameterFor(argument, invocation.ArgumentList, method)?.Name)
            {
                case "param": parameters = argument; break;
                case "commandType": commandType = argument; break;
            }
        }
        if (OptionsBuilderParser.ParameterFor(sql, invocation.ArgumentList, method) is { Name: "command" })
        {
            // Dapper's CommandDefinition overloads: the definition's own arguments, when it is created where it can be read.
            if (CommandDefinition(sql.Expression, model, cancellationToken) is not ({ } creation, { } constructor)) return Spec(api, null, SqlParameterization.Unknown, invocation, model, cancellationToken);
            text = null;
            foreach (var argument in creation.ArgumentList!.Arguments)
            {
                switch (OptionsBuilderParser.ParameterFor(argument, creation.ArgumentList, constructor)?.Name)
                {
                    case "commandText": text = argument.Expression; break;
                    case "parameters": parameters = argument; break;
                    case "commandType": commandType = argument; break;
                }
            }
            if (text is null) return Spec(api, null, SqlParameterization.Unknown, invocation, model, cancellationToken);
        }
        // No command type (or null): Dapper infers it from the text, and runs a constant bare name as a stored procedure.
        var inferred = (commandType is null || SyntaxFacts.Unwrapped(commandType.Expression).IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression))
                       && StoredProcedureReader.DapperInfersProcedure(text, model, cancellationToken);
        switch (inferred ? CommandKind.StoredProcedure : commandType is null ? CommandKind.Text : StoredProcedureReader.OfArgument(commandType.Expression, model, cancellationToken))
        {
            case CommandKind.StoredProcedure:
                var (passed, shown) = StoredProcedureReader.DapperParameters(parameters?.Expression);
                return Procedure(api, text, passed, shown, EquatableArray<string>.Empty, 0, invocation, model, cancellationToken, inferred);
            case CommandKind.NotRead:
                return Spec(api, null, SqlParameterization.CommandTypeNotRead, invocation, model, cancellationToken);
            default:
                return Classify(api, text, false, invocation, model, cancellationToken);
        }
    }

    /// <summary>
    /// <c>bulk.WriteToServer[Async](rows)</c> on SqlClient's <c>SqlBulkCopy</c>: a bulk insert into its
    /// <c>DestinationTableName</c>, read when one constant is all the code gives it: in the creation's object initializer
    /// (in place, or the initializer of the local called) or assigned to the local in the same body. Several values, a
    /// value that is not a constant, or a bulk copy held elsewhere (a field, a parameter) leave the table unnamed. The
    /// bitwarden audit found its eight bulk copies (into <c>[dbo].[Cipher]</c>, <c>[dbo].[Folder]</c>, ...) missing from
    /// CRUD, the bulk operations and the transactions' Inside lists.
    /// </summary>
    private static RawSqlSpec BulkCopy(InvocationExpressionSyntax invocation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        var values = new List<ExpressionSyntax>();
        var receiver = SyntaxFacts.Unwrapped(((MemberAccessExpressionSyntax)invocation.Expression).Expression);
        var known = true;
        if (receiver is BaseObjectCreationExpressionSyntax created)
        {
            values.AddRange(DestinationIn(created.Initializer));
        }
        else if (receiver is IdentifierNameSyntax identifier && Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local
                 && local.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax declarator
                 && declarator.SyntaxTree == invocation.SyntaxTree)
        {
            if (declarator.Initializer?.Value is BaseObjectCreationExpressionSyntax creation) values.AddRange(DestinationIn(creation.Initializer));
            // The local's scope: its using statement, or its block (bitwarden's methods hold several `using (var bulkCopy = ...)`
            // in one block, each with its own destination).
            var scope = declarator.Parent?.Parent is UsingStatementSyntax usingStatement ? usingStatement
                : declarator.Ancestors().FirstOrDefault(a => a is BlockSyntax or ArrowExpressionClauseSyntax);
            foreach (var assignment in scope?.DescendantNodes().OfType<AssignmentExpressionSyntax>() ?? Enumerable.Empty<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "DestinationTableName", Expression: IdentifierNameSyntax target }
                    && target.Identifier.ValueText == identifier.Identifier.ValueText
                    && SymbolEqualityComparer.Default.Equals(Semantics.SymbolOrMethod(target, model, cancellationToken), local))
                {
                    values.Add(assignment.Right);
                }
            }
        }
        else
        {
            known = false;
        }
        var constants = values.Select(v => model.ConstantString(v, cancellationToken)).ToList();
        var table = known && constants.Count > 0 && constants.All(c => c is not null) && constants.Distinct(System.StringComparer.Ordinal).Count() == 1 ? constants[0] : null;
        // A temporary table (bitwarden's bulk copies into "#TempCipher", then UPDATE ... FROM it) is no table of the data model.
        if (table is not null && RawSqlStatements.IsTemporary(table)) table = null;
        return new RawSqlSpec("SqlBulkCopy " + name, RawSqlSpec.BulkCopyStatement,
            table is null ? EquatableArray<string>.Empty : new[] { table }.ToEquatableArray(), SqlParameterization.BulkCopy,
            CodeText.MemberName(invocation, model, cancellationToken), SourceLocation.From(invocation),
            Operations: table is null ? EquatableArray<SqlTableOperation>.Empty : new[] { new SqlTableOperation(table, CrudOperation.Create, RawSqlSpec.BulkCopyStatement) }.ToEquatableArray());
    }

    /// <summary>The values an object initializer gives <c>DestinationTableName</c>.</summary>
    private static IEnumerable<ExpressionSyntax> DestinationIn(InitializerExpressionSyntax? initializer) =>
        initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "DestinationTableName" }).Select(a => a.Right)
        ?? Enumerable.Empty<ExpressionSyntax>();

    /// <summary>A <c>new Dapper.CommandDefinition(...)</c> with its arguments, given in place or through a local never assigned again.</summary>
    private static (BaseObjectCreationExpressionSyntax? Creation, IMethodSymbol? Constructor) CommandDefinition(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? candidate = expression;
        for (var depth = 0; depth < 2 && candidate is not null; depth++)
        {
            candidate = SyntaxFacts.Unwrapped(candidate);
            if (candidate is BaseObjectCreationExpressionSyntax { ArgumentList: not null } creation)
            {
                return Semantics.SymbolOrMethod(creation, model, cancellationToken) is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                       && constructor.ContainingType.Is("Dapper", "CommandDefinition")
                    ? (creation, constructor)
                    : (null, null);
            }
            candidate = Semantics.SingleAssignmentInitializer(candidate, model, cancellationToken);
        }
        return (null, null);
    }

    /// <summary>An ADO.NET site: the command's type (<see cref="StoredProcedureReader.AdoKind"/>) decides whether its
    /// text is SQL or a stored procedure's name.</summary>
    private static RawSqlSpec AdoNet(string api, ExpressionSyntax text, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var (kind, command) = StoredProcedureReader.AdoKind(site, model, cancellationToken);
        switch (kind)
        {
            case CommandKind.StoredProcedure:
                var (passed, names, unnamed) = StoredProcedureReader.AdoParameters(command, model, cancellationToken);
                return Procedure(api, text, passed, null, names, unnamed, site, model, cancellationToken);
            case CommandKind.NotRead:
                return Spec(api, null, SqlParameterization.CommandTypeNotRead, site, model, cancellationToken);
            default:
                return Classify(api, text, false, site, model, cancellationToken);
        }
    }

    /// <summary>A stored procedure call: the procedure's name as the code gives it, and its parameters. No statement kind
    /// or table is read from the name (a procedure's name says nothing certain of what it touches).</summary>
    private static RawSqlSpec Procedure(string api, ExpressionSyntax? text, ProcedureParameters parameters, string? argument, EquatableArray<string> names, int unnamed,
        SyntaxNode site, SemanticModel model, CancellationToken cancellationToken, bool inferred = false)
    {
        var (name, nameKind, from) = StoredProcedureReader.NameOf(text, model, cancellationToken);
        return new RawSqlSpec(api, RawSqlSpec.StoredProcedureStatement, EquatableArray<string>.Empty, SqlParameterization.StoredProcedure,
            CodeText.MemberName(site, model, cancellationToken), SourceLocation.From(site), EquatableArray<string>.Empty,
            new ProcedureCall(name, nameKind, from, parameters, argument, names, unnamed, inferred));
    }

    /// <summary>The constant SQL text a Dapper or EF Core raw SQL call sends (a literal, a constant, or a local never assigned
    /// again), else null. For readers that need more of the text than <see cref="RawSqlSpec"/> keeps (the event replay's ORDER BY).</summary>
    internal static string? ConstantText(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (OptionsBuilderParser.ResolveMethod(invocation, model, cancellationToken) is not { } method) return null;
        var sqlParameter = SqlParameter(method);
        var argument = invocation.ArgumentList.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method), sqlParameter));
        if (argument is null) return null;
        var expression = argument.Expression;
        for (var depth = 0; depth < 2 && expression is not null; depth++)
        {
            if (model.ConstantString(expression, cancellationToken) is { } text) return text;
            expression = Semantics.SingleAssignmentInitializer(expression, model, cancellationToken);
        }
        return null;
    }

    /// <summary>The parameter that takes the SQL text: <c>sql</c> (EF Core, Dapper, linq2db), <c>command</c> (Dapper's
    /// CommandDefinition), <c>commandText</c> (linq2db's <c>SetCommand</c>).</summary>
    private static IParameterSymbol? SqlParameter(IMethodSymbol method) => method.Parameters.FirstOrDefault(p => p.Name is "sql" or "command" or "commandText");

    /// <summary>A linq2db raw SQL method, confirmed by its declaring type: <c>LinqToDB.Data.DataConnectionExtensions</c> or
    /// <c>LinqToDB.DataExtensions</c> (a <c>Query</c> or <c>Execute</c> of another library, or linq2db's <c>CommandInfo.Execute()</c>
    /// after <c>SetCommand</c>, is not one).</summary>
    private static bool IsLinq2DbRawSql(IMethodSymbol method) =>
        Linq2DbMethods.Contains(method.Name)
        && (method.ContainingType.Is("LinqToDB.Data", "DataConnectionExtensions") || method.ContainingType.Is("LinqToDB.Data", "DataContextExtensions")
            || method.ContainingType.Is("LinqToDB", "DataExtensions"));

    /// <summary><c>new SqlCommand(sql, connection)</c>: any ADO.NET command type's constructor taking the command text.</summary>
    private static RawSqlSpec? FromCommandCreation(ObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(creation, model, cancellationToken) is not IMethodSymbol { ContainingType: { } type } constructor) return null;
        if (!type.DerivesFromOrIs("System.Data.Common", "DbCommand")) return null;
        var argument = creation.ArgumentList!.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, creation.ArgumentList, constructor) is { Type.SpecialType: SpecialType.System_String });
        return argument is null ? null : AdoNet("ADO.NET new " + type.Name, argument.Expression, creation, model, cancellationToken);
    }

    private static RawSqlSpec? FromCommandText(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.SymbolOrMethod(assignment.Left, model, cancellationToken) is not IPropertySymbol { Name: "CommandText" } property) return null;
        var owner = property.ContainingType;
        var isCommand = owner.Is("System.Data.Common", "DbCommand") || owner.DerivesFrom("System.Data.Common", "DbCommand")
                        || owner.Is("System.Data", "IDbCommand") || owner.AllInterfaces.Any(i => i.Is("System.Data", "IDbCommand"));
        return isCommand ? AdoNet("ADO.NET CommandText", assignment.Right, assignment, model, cancellationToken) : null;
    }

    private static RawSqlSpec Classify(string api, ExpressionSyntax sql, bool takesFormattable, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Semantics.ConstantOf(sql, model, cancellationToken) is { HasValue: true, Value: string text })
        {
            return Spec(api, text, SqlParameterization.Constant, site, model, cancellationToken);
        }
        if (sql is InterpolatedStringExpressionSyntax interpolated)
        {
            var template = string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : RawSqlStatements.Hole));
            if (takesFormattable) return Spec(api, template, SqlParameterization.InterpolatedParameters, site, model, cancellationToken);
            return Composed(api, sql, template, site, model, cancellationToken) ?? Spec(api, template, SqlParameterization.BuiltIntoRawSql, site, model, cancellationToken);
        }
        if (sql is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression })
        {
            return Composed(api, sql, null, site, model, cancellationToken) ?? Spec(api, null, SqlParameterization.BuiltIntoRawSql, site, model, cancellationToken);
        }
        if (IsStringFormat(sql, model, cancellationToken))
        {
            return Spec(api, null, SqlParameterization.BuiltIntoRawSql, site, model, cancellationToken);
        }
        if (SyntaxFacts.Unwrapped(sql) is ConditionalExpressionSyntax or SwitchExpressionSyntax && Composed(api, sql, null, site, model, cancellationToken) is { } chosen)
        {
            return chosen;
        }
        if (Semantics.SingleAssignmentInitializer(sql, model, cancellationToken) is { } initializer)
        {
            return Classify(api, initializer, takesFormattable, site, model, cancellationToken);
        }
        // A local given several values: SQL chosen by the code when each is made of constant fragments.
        return Composed(api, sql, null, site, model, cancellationToken) ?? Spec(api, null, SqlParameterization.Unknown, site, model, cancellationToken);
    }

    /// <summary>
    /// SQL text whose every piece is a constant string the code picks (<see cref="Fragments"/>): a site with
    /// <see cref="SqlParameterization.ConstantFragments"/>, statement, tables and placeholders read from every text the
    /// pieces can make (the statement only when all agree), or from <paramref name="template"/> (holes as <c>@p</c>)
    /// when those texts are not enumerated. Null when some piece may be a value. The BTCPay Server audit found
    /// <c>$"... WHERE true{walletIdFilter}{typeFilter}"</c>, each filter <c>x ? " AND ...=@walletId" : ""</c>, and
    /// <c>"INSERT ... " + conflict</c> (one of two literals) reported as values built into the SQL, with DDG1002.
    /// </summary>
    private static RawSqlSpec? Composed(string api, ExpressionSyntax sql, string? template, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var (composed, texts) = Fragments(sql, model, cancellationToken, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);
        if (!composed) return null;
        if (texts is null)
        {
            var read = template is null ? null : RawSqlStatements.Read(template);
            return new RawSqlSpec(api, template is null ? null : RawSqlStatements.Statement(template), read?.Tables ?? EquatableArray<string>.Empty,
                SqlParameterization.ConstantFragments, CodeText.MemberName(site, model, cancellationToken), SourceLocation.From(site), EquatableArray<string>.Empty,
                Operations: read?.Operations ?? EquatableArray<SqlTableOperation>.Empty);
        }
        var statements = texts.Select(RawSqlStatements.Statement).Distinct().ToList();
        var formatItems = api.StartsWith("EF Core", System.StringComparison.Ordinal) && api.Contains("Raw");
        var reads = texts.Select(RawSqlStatements.Read).ToList();
        // What any of the texts does: the code may send each.
        return new RawSqlSpec(api, statements.Count == 1 ? statements[0] : null,
            reads.SelectMany(r => r.Tables).Distinct(System.StringComparer.OrdinalIgnoreCase).OrderBy(t => t, System.StringComparer.Ordinal).ToEquatableArray(),
            SqlParameterization.ConstantFragments, CodeText.MemberName(site, model, cancellationToken), SourceLocation.From(site),
            texts.SelectMany(t => SqlPlaceholders.Find(t, formatItems)).Distinct(System.StringComparer.OrdinalIgnoreCase).ToEquatableArray(),
            Operations: reads.SelectMany(r => r.Operations).Distinct().ToEquatableArray());
    }

    /// <summary>The most texts a composition is expanded to; beyond, it is still constant fragments, its texts not read.</summary>
    private const int MaxTexts = 64;

    /// <summary>
    /// Whether every value <paramref name="expression"/> can have is made of compile-time constant strings the code picks,
    /// and, when few enough, those values. Pieces: a constant string (a literal, a const, <c>null</c> as empty),
    /// <c>string.Empty</c>; a <c>?:</c> or <c>switch</c> expression of pieces (the condition only picks); an interpolated
    /// string whose holes are pieces (no alignment or format); a <c>+</c> of pieces; a local whose every value
    /// (<see cref="Semantics.LocalValues"/>: initializer, <c>=</c> and <c>+=</c>) is a piece (with <c>+=</c> or a value
    /// made from the local itself, its texts are not enumerated). Anything else (a parameter, a field, a property, a
    /// call, <c>string.Format</c>, a constant that is not a string) may be a value: not composed.
    /// </summary>
    private static (bool Composed, List<string>? Texts) Fragments(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, HashSet<ILocalSymbol> open, int depth)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > 32) return (false, null);
        expression = SyntaxFacts.Unwrapped(expression);
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true } constant)
        {
            return constant.Value is null or string ? (true, new List<string> { constant.Value as string ?? "" }) : (false, null);
        }
        switch (expression)
        {
            case ConditionalExpressionSyntax conditional:
                return Union(new[] { conditional.WhenTrue, conditional.WhenFalse }, model, cancellationToken, open, depth);
            case SwitchExpressionSyntax switchExpression:
                return Union(switchExpression.Arms.Select(a => a.Expression), model, cancellationToken, open, depth);
            case InterpolatedStringExpressionSyntax interpolated:
            {
                var texts = new List<string> { "" };
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax part)
                    {
                        texts = texts?.Select(t => t + part.TextToken.ValueText).ToList();
                        continue;
                    }
                    var hole = (InterpolationSyntax)content;
                    if (hole.AlignmentClause is not null || hole.FormatClause is not null) return (false, null);
                    var piece = Fragments(hole.Expression, model, cancellationToken, open, depth + 1);
                    if (!piece.Composed) return (false, null);
                    texts = Product(texts, piece.Texts);
                }
                return (true, texts);
            }
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
            {
                var left = Fragments(binary.Left, model, cancellationToken, open, depth + 1);
                if (!left.Composed) return (false, null);
                var right = Fragments(binary.Right, model, cancellationToken, open, depth + 1);
                return right.Composed ? (true, Product(left.Texts, right.Texts)) : (false, null);
            }
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } access
                when Semantics.SymbolOf(access, model, cancellationToken) is IFieldSymbol { ContainingType.SpecialType: SpecialType.System_String }:
                return (true, new List<string> { "" });
            case IdentifierNameSyntax identifier when Semantics.SymbolOrMethod(identifier, model, cancellationToken) is ILocalSymbol local:
            {
                // A value made from the local itself (sql = sql + " AND ..."): its other values decide; its texts are not enumerated.
                if (!open.Add(local)) return (true, null);
                try
                {
                    if (Semantics.LocalValues(local, cancellationToken) is not { Count: > 0 } values) return (false, null);
                    List<string>? texts = new();
                    foreach (var (value, appends) in values)
                    {
                        var piece = Fragments(value, model, cancellationToken, open, depth + 1);
                        if (!piece.Composed) return (false, null);
                        texts = appends || piece.Texts is null || texts is null ? null : Distinct(texts.Concat(piece.Texts));
                    }
                    return (true, texts);
                }
                finally
                {
                    open.Remove(local);
                }
            }
            default:
                return (false, null);
        }
    }

    private static (bool Composed, List<string>? Texts) Union(IEnumerable<ExpressionSyntax> choices, SemanticModel model, CancellationToken cancellationToken, HashSet<ILocalSymbol> open, int depth)
    {
        List<string>? texts = new();
        foreach (var choice in choices)
        {
            var piece = Fragments(choice, model, cancellationToken, open, depth + 1);
            if (!piece.Composed) return (false, null);
            texts = piece.Texts is null || texts is null ? null : Distinct(texts.Concat(piece.Texts));
        }
        return (true, texts);
    }

    private static List<string>? Product(List<string>? left, List<string>? right) =>
        left is null || right is null || (long)left.Count * right.Count > MaxTexts ? null : Distinct(left.SelectMany(l => right.Select(r => l + r)));

    private static List<string>? Distinct(IEnumerable<string> texts)
    {
        var list = texts.Distinct(System.StringComparer.Ordinal).ToList();
        return list.Count > MaxTexts ? null : list;
    }

    private static bool IsStringFormat(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        expression is InvocationExpressionSyntax invocation && Semantics.SymbolOrMethod(invocation, model, cancellationToken) is IMethodSymbol { Name: "Format" or "Concat" or "Join" } method
        && method.ContainingType.SpecialType == SpecialType.System_String;

    private static RawSqlSpec Spec(string api, string? sql, SqlParameterization parameterization, SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var statement = sql is null ? null : RawSqlStatements.Statement(sql);
        var read = sql is null ? null : RawSqlStatements.Read(sql);
        var placeholders = sql is null || parameterization != SqlParameterization.Constant ? EquatableArray<string>.Empty
            : SqlPlaceholders.Find(sql, formatItems: api.StartsWith("EF Core", System.StringComparison.Ordinal) && api.Contains("Raw")).ToEquatableArray();
        return new RawSqlSpec(api, statement, read?.Tables ?? EquatableArray<string>.Empty, parameterization, CodeText.MemberName(site, model, cancellationToken), SourceLocation.From(site), placeholders,
            Operations: read?.Operations ?? EquatableArray<SqlTableOperation>.Empty);
    }
}

internal sealed record RawSqlResult(RawSqlSpec? Spec, string? Error);
