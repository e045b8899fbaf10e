namespace DataDocGen.Generator.Model;

/// <summary>A property declared in this project (read by syntax alone), kept so that a referencing project's report
/// can link the columns of entities compiled here to their source (the whole-solution report). Not rendered.</summary>
/// <param name="TypeFullName">The declaring type in <c>Type.FullName</c> style: <c>Ns.Outer+Inner</c>, generic arity as <c>`1</c>.</param>
internal sealed record DeclaredMemberSpec(string TypeFullName, string Member, SourceLocation? Location);
