using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DataDocGen.Generator.Parsing;

internal static partial class DeclarationBinder
{
    /// <summary>
    /// What one compilation's questions share: the scope of each body (its declarations scanned once), the extension
    /// methods a receiver type offers under a set of usings, and the types of calls already resolved (a query chain's
    /// receiver is asked for by every detector and by every lambda in it). Held per compilation, in a weak table, so it
    /// goes with the compilation and never outlives it. Locked: the analyzer calls the parsers concurrently.
    /// </summary>
    private sealed class Cache
    {
        private static readonly ConditionalWeakTable<Compilation, Cache> ByCompilation = new();

        public static Cache Of(Compilation compilation) => ByCompilation.GetValue(compilation, _ => new Cache());

        public Dictionary<SyntaxNode, Scope?> Scopes { get; } = new();

        public Dictionary<ExtensionKey, List<IMethodSymbol>> Extensions { get; } = new();

        public Dictionary<SyntaxNode, ITypeSymbol> Types { get; } = new();
    }

    /// <summary>The usings in effect (<see cref="Scope.Imports"/>: files with the same usings in the same namespace share
    /// their lookups), the receiver type and the name.</summary>
    private readonly struct ExtensionKey : System.IEquatable<ExtensionKey>
    {
        public ExtensionKey(string imports, ITypeSymbol receiver, string name)
        {
            Imports = imports;
            Receiver = receiver;
            Name = name;
        }

        public string Imports { get; }
        public ITypeSymbol Receiver { get; }
        public string Name { get; }

        public bool Equals(ExtensionKey other) =>
            Imports == other.Imports && Name == other.Name && SymbolEqualityComparer.Default.Equals(Receiver, other.Receiver);

        public override bool Equals(object? obj) => obj is ExtensionKey other && Equals(other);

        public override int GetHashCode() =>
            ((Imports.GetHashCode() * 31) + Name.GetHashCode()) * 31 + SymbolEqualityComparer.Default.GetHashCode(Receiver);
    }
}
