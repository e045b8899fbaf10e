using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>Walks a pipeline model's object graph and fails on any Roslyn symbol, syntax node, compilation or semantic model.</summary>
internal static class ModelGraph
{
    public static void AssertNoRoslynObjects(object? value, string step) => Walk(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);

    private static void Walk(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 40) return;
        var type = value.GetType();
        if (type.IsPrimitive || value is string || type.IsEnum) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location,
            $"{path} holds a {type.Name}");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Walk(item, path + "[" + i++ + "]", seen, depth + 1);
            return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
        }
    }
}
