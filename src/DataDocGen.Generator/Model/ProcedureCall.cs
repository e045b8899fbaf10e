using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>How a stored procedure's name is given.</summary>
internal enum ProcedureName
{
    /// <summary>Constant text: the name is known.</summary>
    Constant,
    /// <summary>Built by interpolation, concatenation or <c>string.Format</c>/<c>Concat</c>/<c>Join</c> from values that are not constants.</summary>
    Built,
    /// <summary>From a variable, parameter, field or call DataDocGen does not follow.</summary>
    NotFollowed,
}

/// <summary>What the code shows of a stored procedure call's parameters.</summary>
internal enum ProcedureParameters
{
    /// <summary>No parameters: Dapper without a parameter argument (or <c>null</c>); an ADO.NET command local of this body
    /// that no <c>Parameters.Add*</c> fills and that is not handed to other code.</summary>
    None,
    /// <summary>Values passed as parameters: Dapper's parameter argument, or <c>Parameters.Add*</c> on the command.</summary>
    Passed,
    /// <summary>Not read: an ADO.NET command that comes from, or is handed to, code outside this body.</summary>
    NotRead,
}

/// <summary>A command whose type is <c>CommandType.StoredProcedure</c>: its text is a procedure's name, not SQL, and the
/// values go as the call's parameters.</summary>
/// <param name="Name">The name: the constant text, or an interpolated string as written (<c>[{Schema}].[Item_ReadById]</c>); null when not shown.</param>
/// <param name="NameFrom">For a name not constant: the code it is built from or read from (<c>Schema</c>).</param>
/// <param name="Argument">Dapper's parameter argument as written (<c>new { Id = id }</c>); null when none or not shown (it holds a string literal, or is long).</param>
/// <param name="Names">ADO.NET: the constant names given to <c>Parameters.Add*</c> on the command, in order.</param>
/// <param name="Unnamed">ADO.NET: the <c>Parameters.Add*</c> calls whose parameter name is not a constant read here.</param>
/// <param name="Inferred">Dapper given no command type: it runs a constant text that is a bare name (no white space, no
/// <c>; / - + *</c>) as a stored procedure (<c>CommandDefinition.InferCommandType</c>, Dapper 2.1).</param>
internal sealed record ProcedureCall(
    string? Name,
    ProcedureName NameKind,
    EquatableArray<string> NameFrom,
    ProcedureParameters Parameters,
    string? Argument,
    EquatableArray<string> Names,
    int Unnamed,
    bool Inferred = false);
