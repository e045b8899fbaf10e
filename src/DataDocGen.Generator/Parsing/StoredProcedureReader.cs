using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>What a command's <c>System.Data.CommandType</c> makes of its text.</summary>
internal enum CommandKind
{
    /// <summary>SQL text: no command type given, <c>null</c>, or <c>CommandType.Text</c>.</summary>
    Text,
    /// <summary><c>CommandType.StoredProcedure</c>: the text is a procedure's name.</summary>
    StoredProcedure,
    /// <summary>A command type that is not a constant read here (a variable, a condition, <c>TableDirect</c>).</summary>
    NotRead,
}

/// <summary>
/// Reads the command type of a raw SQL site (<see cref="RawSqlParser"/>) and, for a stored procedure call, its name and
/// parameters. Dapper: the argument of the method's (or <c>CommandDefinition</c>'s) <c>commandType</c> parameter. ADO.NET:
/// <c>CommandType = ...</c> in the command's object initializer, and <c>command.CommandType = ...</c> on the same command
/// (a local, parameter or field, confirmed by its symbol) in the same body. Values are confirmed as members of
/// <c>System.Data.CommandType</c> (a project's own <c>CommandType</c> enum is not it).
/// </summary>
internal static class StoredProcedureReader
{
    /// <summary>Longest procedure name printed; longer constant text is not a name to show.</summary>
    private const int MaxNameLength = 128;

    private static readonly HashSet<string> ParameterAdds = new(System.StringComparer.Ordinal) { "Add", "AddWithValue", "AddRange", "Insert" };

    /// <summary>The kind a <c>commandType</c> argument gives: none (or <c>null</c>) is text, as Dapper and ADO.NET default;
    /// a local never assigned again is followed to its initializer.</summary>
    public static CommandKind OfArgument(ExpressionSyntax? expression, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < 3 && expression is not null; depth++)
        {
            var unwrapped = SyntaxFacts.Unwrapped(expression);
            if (unwrapped.IsKind(SyntaxKind.NullLiteralExpression) || unwrapped.IsKind(SyntaxKind.DefaultLiteralExpression)) return CommandKind.Text;
            if (ValueOf(unwrapped, model, cancellationToken) is { } kind) return kind;
            expression = Semantics.SingleAssignmentInitializer(unwrapped, model, cancellationToken);
        }
        return CommandKind.NotRead;
    }

    /// <summary>A constant of <c>System.Data.CommandType</c>: its member (<c>CommandType.StoredProcedure</c>, or
    /// <c>StoredProcedure</c> under <c>using static</c>) or a constant cast to the type; null for anything else.</summary>
    private static CommandKind? ValueOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
            && Semantics.SymbolOf(expression, model, cancellationToken) is IFieldSymbol { HasConstantValue: true } member)
        {
            if (!member.ContainingType.Is("System.Data", "CommandType")) return null;
            return member.Name switch { "Text" => CommandKind.Text, "StoredProcedure" => CommandKind.StoredProcedure, _ => CommandKind.NotRead };
        }
        if (Semantics.ConstantOf(expression, model, cancellationToken) is { HasValue: true, Value: { } value }
            && Semantics.TypeOf(expression, model, cancellationToken) is { } type && IsCommandType(type))
        {
            return System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) switch
            {
                1 => CommandKind.Text,
                4 => CommandKind.StoredProcedure,
                _ => CommandKind.NotRead,
            };
        }
        return null;
    }

    /// <summary>
    /// Dapper 2.1's <c>CommandDefinition.InferCommandType</c>: with no command type, a text that has no white space, none
    /// of <c>; / - + *</c> and is not <c>vacuum</c>, <c>commit</c>, <c>rollback</c> or <c>revert</c> runs as a stored
    /// procedure. Read for constant text only: a built text may hold anything.
    /// </summary>
    public static bool DapperInfersProcedure(ExpressionSyntax? text, SemanticModel model, CancellationToken cancellationToken)
    {
        if (text is null || model.ConstantString(text, cancellationToken) is not { Length: > 0 } sql) return false;
        if (sql.Any(c => char.IsWhiteSpace(c) || c is ';' or '/' or '-' or '+' or '*')) return false;
        return !(sql.Equals("vacuum", System.StringComparison.OrdinalIgnoreCase) || sql.Equals("commit", System.StringComparison.OrdinalIgnoreCase)
                 || sql.Equals("rollback", System.StringComparison.OrdinalIgnoreCase) || sql.Equals("revert", System.StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsCommandType(ITypeSymbol type) =>
        type.Is("System.Data", "CommandType")
        || (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments } && arguments[0].Is("System.Data", "CommandType"));

    /// <summary>Dapper's parameter argument: none, <c>null</c> or <c>default</c> is no parameters; anything else is passed
    /// (printed as written when <see cref="CodeText.Safe"/> allows).</summary>
    public static (ProcedureParameters Parameters, string? Argument) DapperParameters(ExpressionSyntax? argument)
    {
        if (argument is null) return (ProcedureParameters.None, null);
        var unwrapped = SyntaxFacts.Unwrapped(argument);
        if (unwrapped.IsKind(SyntaxKind.NullLiteralExpression) || unwrapped.IsKind(SyntaxKind.DefaultLiteralExpression)) return (ProcedureParameters.None, null);
        return (ProcedureParameters.Passed, CodeText.Safe(argument));
    }

    /// <summary>A procedure's name as the code gives it: constant text, an interpolated string as written (its holes the
    /// code they hold), text built by concatenation or <c>string.Format</c>, or a value not followed.</summary>
    public static (string? Name, ProcedureName Kind, EquatableArray<string> From) NameOf(ExpressionSyntax? text, SemanticModel model, CancellationToken cancellationToken)
    {
        var original = text;
        for (var depth = 0; depth < 3 && text is not null; depth++)
        {
            if (Semantics.ConstantOf(text, model, cancellationToken) is { HasValue: true, Value: string constant })
            {
                var shown = constant.Trim();
                return (shown.Length is > 0 and <= MaxNameLength && shown.IndexOfAny(new[] { '\r', '\n' }) < 0 ? shown : null, ProcedureName.Constant, EquatableArray<string>.Empty);
            }
            var unwrapped = SyntaxFacts.Unwrapped(text);
            if (unwrapped is InterpolatedStringExpressionSyntax interpolated)
            {
                var from = interpolated.Contents.OfType<InterpolationSyntax>()
                    .Where(h => !Semantics.ConstantOf(h.Expression, model, cancellationToken).HasValue).Select(h => CodeText.Collapse(h.Expression));
                return (AsWritten(interpolated), ProcedureName.Built, Distinct(from));
            }
            if (unwrapped is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum)
            {
                return (null, ProcedureName.Built, Distinct(Operands(sum).Where(o => !Semantics.ConstantOf(o, model, cancellationToken).HasValue).Select(o => CodeText.Collapse(o))));
            }
            if (unwrapped is InvocationExpressionSyntax call && Semantics.SymbolOrMethod(call, model, cancellationToken) is IMethodSymbol { Name: "Format" or "Concat" or "Join" } method
                && method.ContainingType.SpecialType == SpecialType.System_String)
            {
                return (null, ProcedureName.Built, Distinct(call.ArgumentList.Arguments.Select(a => a.Expression)
                    .Where(a => !Semantics.ConstantOf(a, model, cancellationToken).HasValue).Select(a => CodeText.Collapse(a))));
            }
            text = Semantics.SingleAssignmentInitializer(unwrapped, model, cancellationToken);
        }
        return (null, ProcedureName.NotFollowed, original is not null && CodeText.Collapse(original) is { } code ? new[] { code }.ToEquatableArray() : EquatableArray<string>.Empty);
    }

    private static EquatableArray<string> Distinct(IEnumerable<string?> codes) =>
        codes.Where(c => c is not null).Select(c => c!).Distinct(System.StringComparer.Ordinal).ToEquatableArray();

    private static IEnumerable<ExpressionSyntax> Operands(BinaryExpressionSyntax sum)
    {
        foreach (var side in new[] { sum.Left, sum.Right })
        {
            if (SyntaxFacts.Unwrapped(side) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } inner)
            {
                foreach (var operand in Operands(inner)) yield return operand;
            }
            else yield return side;
        }
    }

    /// <summary>An interpolated string as written: its text, and each hole as <c>{code}</c>; null when a hole's code is too long.</summary>
    private static string? AsWritten(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = new System.Text.StringBuilder();
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part) text.Append(part.TextToken.Text);
            else if (content is InterpolationSyntax hole)
            {
                if (CodeText.Collapse(hole.Expression) is not { } code) return null;
                text.Append('{').Append(code);
                if (hole.AlignmentClause is { } alignment) text.Append(alignment.ToString().Trim());
                if (hole.FormatClause is { } format) text.Append(format.ToString().Trim());
                text.Append('}');
            }
        }
        var name = text.ToString().Trim();
        return name.Length is > 0 and <= MaxNameLength && name.IndexOfAny(new[] { '\r', '\n' }) < 0 ? name : null;
    }

    /// <summary>The ADO.NET command a site sets the text of, and what its command type is: <c>CommandType</c> in the
    /// creation's object initializer or the initializer of the local holding it, and <c>command.CommandType = ...</c> on
    /// the same command in the same body. None is text; a constant <c>StoredProcedure</c> set where it always runs (not
    /// under a condition, loop or lambda) is a procedure; anything else (a value not constant, a conditional or mixed
    /// setting) is not read.</summary>
    public static (CommandKind Kind, AdoCommand Command) AdoKind(SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var command = AdoCommand.Of(site, model, cancellationToken);
        var kinds = new List<(CommandKind Kind, bool Always)>();
        foreach (var creation in command.Creations)
        {
            if (creation.Initializer is not { } initializer) continue;
            foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is not IdentifierNameSyntax { Identifier.ValueText: "CommandType" } || !IsCommandTypeProperty(assignment.Left, model, cancellationToken)) continue;
                kinds.Add((ValueOf(SyntaxFacts.Unwrapped(assignment.Right), model, cancellationToken) ?? CommandKind.NotRead, true));
            }
        }
        if (command.Body is not null && command.Name is not null)
        {
            foreach (var assignment in command.Body.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandType", Expression: var receiver } left
                    || !command.Is(receiver, model, cancellationToken) || !IsCommandTypeProperty(left, model, cancellationToken)) continue;
                kinds.Add((OfArgument(assignment.Right, model, cancellationToken), AlwaysRuns(assignment, command.Body)));
            }
        }
        if (kinds.Count == 0 || kinds.All(k => k.Kind == CommandKind.Text)) return (CommandKind.Text, command);
        return (kinds.All(k => k.Kind == CommandKind.StoredProcedure && k.Always) ? CommandKind.StoredProcedure : CommandKind.NotRead, command);
    }

    private static bool IsCommandTypeProperty(ExpressionSyntax left, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.SymbolOf(left, model, cancellationToken) is IPropertySymbol { Name: "CommandType" } property && property.Type.Is("System.Data", "CommandType");

    /// <summary>An assignment that runs whenever the body runs to it: a statement of the body's blocks (also inside
    /// <c>using</c>, <c>lock</c> or a <c>try</c> block), not under a condition, loop, <c>catch</c>/<c>finally</c> or lambda.</summary>
    private static bool AlwaysRuns(AssignmentExpressionSyntax assignment, SyntaxNode body)
    {
        if (assignment.Parent is not ExpressionStatementSyntax statement) return false;
        for (SyntaxNode? node = statement.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is not (BlockSyntax or UsingStatementSyntax or LockStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax
                or FixedStatementSyntax or TryStatementSyntax or LabeledStatementSyntax or GlobalStatementSyntax)) return false;
        }
        return true;
    }

    /// <summary>ADO.NET <c>Parameters.Add*</c> on the command in the same body: the names given as constants, the
    /// others counted. None found is "no parameters" only for a local of this body that is not handed to other code.</summary>
    public static (ProcedureParameters Parameters, EquatableArray<string> Names, int Unnamed) AdoParameters(AdoCommand command, SemanticModel model, CancellationToken cancellationToken)
    {
        if (command.Body is null || command.Name is null) return (ProcedureParameters.NotRead, EquatableArray<string>.Empty, 0);
        var names = new List<string>();
        var unnamed = 0;
        var complete = command.IsLocal;
        foreach (var reference in command.Body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (reference.Identifier.ValueText != command.Name || reference.Parent is MemberAccessExpressionSyntax { Name: var named } && named == reference) continue;
            if (reference.Parent is VariableDeclaratorSyntax || !command.Is(reference, model, cancellationToken)) continue;
            // command.Parameters.Add(...): a parameter; command.Parameters[...] or .Count: no new one; anything else hands the command on.
            if (reference.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parameters" } parameters && parameters.Expression == reference)
            {
                if (parameters.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } method && method.Expression == parameters
                    && ParameterAdds.Contains(method.Name.Identifier.ValueText))
                {
                    if (method.Name.Identifier.ValueText != "AddRange" && ParameterName(call, model, cancellationToken) is { } name) names.Add(name);
                    else unnamed++;
                }
                else if (parameters.Parent is not (MemberAccessExpressionSyntax or ElementAccessExpressionSyntax)) complete = false;
                continue;
            }
            if (reference.Parent is not MemberAccessExpressionSyntax access || access.Expression != reference) complete = false;
        }
        if (names.Count > 0 || unnamed > 0) return (ProcedureParameters.Passed, names.Distinct(System.StringComparer.Ordinal).ToEquatableArray(), unnamed);
        return (complete ? ProcedureParameters.None : ProcedureParameters.NotRead, EquatableArray<string>.Empty, 0);
    }

    /// <summary>The constant name a <c>Parameters.Add*</c> call gives: its first argument, or the first argument or
    /// <c>ParameterName</c> of a parameter created in place.</summary>
    private static string? ParameterName(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        var index = call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Insert" } ? 1 : 0;
        if (call.ArgumentList.Arguments.Count <= index) return null;
        var argument = SyntaxFacts.Unwrapped(call.ArgumentList.Arguments[index].Expression);
        if (model.ConstantString(argument, cancellationToken) is { } name) return name;
        if (argument is BaseObjectCreationExpressionSyntax creation)
        {
            if (creation.ArgumentList is { Arguments.Count: > 0 } arguments && model.ConstantString(arguments.Arguments[0].Expression, cancellationToken) is { } first) return first;
            return creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "ParameterName" })
                .Select(a => model.ConstantString(a.Right, cancellationToken)).FirstOrDefault(n => n is not null);
        }
        return null;
    }
}

/// <summary>The command an ADO.NET raw SQL site belongs to: the local (or parameter, or field) holding it, the body the
/// local is used in, and the creations that make it (their object initializers set properties too).</summary>
internal sealed class AdoCommand
{
    private readonly VariableDeclaratorSyntax? _declarator;
    private ISymbol? _symbol;

    private AdoCommand(string? name, ISymbol? symbol, VariableDeclaratorSyntax? declarator, SyntaxNode? body, IReadOnlyList<BaseObjectCreationExpressionSyntax> creations, bool isLocal)
    {
        Name = name;
        _symbol = symbol;
        _declarator = declarator;
        Body = body;
        Creations = creations;
        IsLocal = isLocal;
    }

    public string? Name { get; }

    public SyntaxNode? Body { get; }

    public IReadOnlyList<BaseObjectCreationExpressionSyntax> Creations { get; }

    /// <summary>A local declared in <see cref="Body"/> (not a parameter or field, whose command other code may fill).</summary>
    public bool IsLocal { get; }

    public static AdoCommand Of(SyntaxNode site, SemanticModel model, CancellationToken cancellationToken)
    {
        var body = site.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
            or AccessorDeclarationSyntax or PropertyDeclarationSyntax or CompilationUnitSyntax);
        var creations = new List<BaseObjectCreationExpressionSyntax>();
        if (site is BaseObjectCreationExpressionSyntax created) creations.Add(created);
        if (site is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax)
        {
            // var command = new SqlCommand(sql, connection); / using var command = dataSource.CreateCommand(sql);
            var holder = SyntaxFacts.Unwrapped((ExpressionSyntax)site);
            while (holder.Parent is ParenthesizedExpressionSyntax or AwaitExpressionSyntax) holder = (ExpressionSyntax)holder.Parent;
            if (holder.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                return new AdoCommand(declarator.Identifier.ValueText, null, declarator, body, creations, true);
            }
            if (holder.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assigned && assigned.Right == holder)
            {
                var symbol = Semantics.SymbolOf(target, model, cancellationToken);
                return symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol
                    ? new AdoCommand(target.Identifier.ValueText, symbol, null, body, creations, false)
                    : new AdoCommand(null, null, null, body, creations, false);
            }
            return new AdoCommand(null, null, null, body, creations, false);
        }
        // command.CommandText = sql: the receiver's local, parameter or field.
        if (site is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: var receiver } })
        {
            var target = receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } ? member : receiver as IdentifierNameSyntax;
            if (target is not null && Semantics.SymbolOf(target, model, cancellationToken) is { } symbol and (ILocalSymbol or IParameterSymbol or IFieldSymbol))
            {
                VariableDeclaratorSyntax? declarator = null;
                if (symbol is ILocalSymbol && symbol.DeclaringSyntaxReferences.FirstOrDefault()?.ReadSyntax(cancellationToken) is VariableDeclaratorSyntax local)
                {
                    declarator = local;
                    if (local.Initializer?.Value is { } value && SyntaxFacts.Unwrapped(value) is BaseObjectCreationExpressionSyntax initializer) creations.Add(initializer);
                }
                var isLocal = declarator is not null && body is not null && body.Span.Contains(declarator.Span);
                return new AdoCommand(target.Identifier.ValueText, symbol, declarator, body, creations, isLocal);
            }
        }
        return new AdoCommand(null, null, null, body, creations, false);
    }

    /// <summary>Whether an expression (<c>command</c> or <c>this.command</c>) is this command, confirmed by its symbol.</summary>
    public bool Is(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var target = expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } ? member : expression as IdentifierNameSyntax;
        if (Name is null || target is null || target.Identifier.ValueText != Name) return false;
        var symbol = Semantics.SymbolOf(target, model, cancellationToken);
        if (symbol is null) return false;
        if (_symbol is null && _declarator is not null && symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == _declarator.SyntaxTree && r.Span == _declarator.Span))
        {
            _symbol = symbol;
        }
        return SymbolEqualityComparer.Default.Equals(symbol, _symbol);
    }
}
