using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

internal static partial class DeclarationBinder
{
    private enum LocalKind { Declared, ForEach, LambdaParameter, Other }

    /// <summary>A name declared inside the body: a local (with its written type and initializer), a foreach variable
    /// (its collection as <see cref="Initializer"/>), a lambda parameter, or anything else (pattern and out variables,
    /// catch variables, query variables, local functions...), which is left to the binder.</summary>
    private sealed record LocalDeclaration(LocalKind Kind, TypeSyntax? Type, ExpressionSyntax? Initializer, AnonymousFunctionExpressionSyntax? Lambda = null, int Index = 0);

    /// <summary>The member body a site is in, the position names are looked up at, and the names the body declares.</summary>
    private sealed class Scope
    {
        private Dictionary<string, List<(SyntaxNode Node, LocalDeclaration Declaration)>>? _declarations;
        private INamedTypeSymbol? _containingType;
        private bool _containingTypeRead;

        private ISymbol? _member;
        private bool _memberRead;

        private Scope(SemanticModel model, SyntaxNode body, int position, SyntaxNode? typeDeclaration, SyntaxNode? member)
        {
            Model = model;
            Body = body;
            Position = position;
            TypeDeclaration = typeDeclaration;
            MemberDeclaration = member;
        }

        private SyntaxNode? MemberDeclaration { get; }

        /// <summary>The method, accessor or property whose body this is (null for top-level statements).</summary>
        public ISymbol? Member
        {
            get
            {
                if (!_memberRead)
                {
                    _member = MemberDeclaration is null ? null : Model.GetDeclaredSymbol(MemberDeclaration);
                    _memberRead = true;
                }
                return _member;
            }
        }

        /// <summary>The parameters of the containing type's primary constructor written in this file, if any.</summary>
        public ParameterListSyntax? PrimaryConstructorParameters => (TypeDeclaration as TypeDeclarationSyntax)?.ParameterList;

        public SemanticModel Model { get; }

        /// <summary>A method, accessor or operator body (block or arrow expression), or the compilation unit of top-level statements.</summary>
        public SyntaxNode Body { get; }

        /// <summary>The first position in the body, outside every lambda.</summary>
        public int Position { get; }

        private SyntaxNode? TypeDeclaration { get; }

        public INamedTypeSymbol? ContainingType
        {
            get
            {
                if (!_containingTypeRead)
                {
                    _containingType = TypeDeclaration is null ? null : Model.GetDeclaredSymbol(TypeDeclaration) as INamedTypeSymbol;
                    _containingTypeRead = true;
                }
                return _containingType;
            }
        }

        /// <summary>True when a generic local function in the body declares type parameters (they are not in scope at
        /// <see cref="Position"/>, so types written in the body are left to the binder).</summary>
        public bool DeclaresTypeParameters => Declarations.ContainsKey("<type parameters>");

        public static Scope? For(SyntaxNode site, SemanticModel model)
        {
            if (site.SyntaxTree != model.SyntaxTree) return null;
            foreach (var ancestor in site.Ancestors())
            {
                switch (ancestor)
                {
                    case BaseMethodDeclarationSyntax method:
                        return Create(model, site, (SyntaxNode?)method.Body ?? method.ExpressionBody, method.Parent, method);
                    case AccessorDeclarationSyntax accessor:
                        return Create(model, site, (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody, accessor.Parent?.Parent?.Parent, accessor);
                    case BasePropertyDeclarationSyntax property when property is PropertyDeclarationSyntax { ExpressionBody: { } arrow } && arrow.Span.Contains(site.Span):
                        return Create(model, site, arrow, property.Parent, property);
                    case GlobalStatementSyntax when ancestor.Parent is CompilationUnitSyntax unit:
                        return Create(model, site, unit, null, null);
                    case BaseTypeDeclarationSyntax or FieldDeclarationSyntax or AttributeSyntax or ParameterListSyntax { Parent: BaseMethodDeclarationSyntax }
                        or ConstructorInitializerSyntax or EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax or ParameterSyntax { Parent.Parent: BaseMethodDeclarationSyntax } }
                        or BaseListSyntax:
                        return null;
                }
            }
            return null;
        }

        private static Scope? Create(SemanticModel model, SyntaxNode site, SyntaxNode? body, SyntaxNode? typeDeclaration, SyntaxNode? member)
        {
            if (body is null || !body.Span.Contains(site.Span)) return null;
            // One scope per body and compilation: its declarations are scanned once for all the questions asked there.
            var cache = Cache.Of(model.Compilation);
            lock (cache)
            {
                if (cache.Scopes.TryGetValue(body, out var known)) return known;
            }
            var created = CreateUncached(model, body, typeDeclaration, member);
            lock (cache)
            {
                cache.Scopes[body] = created;
            }
            return created;
        }

        private static Scope? CreateUncached(SemanticModel model, SyntaxNode body, SyntaxNode? typeDeclaration, SyntaxNode? member)
        {
            int position;
            switch (body)
            {
                case BlockSyntax block: position = block.OpenBraceToken.Span.End; break;
                case ArrowExpressionClauseSyntax arrow: position = arrow.Expression.SpanStart; break;
                case CompilationUnitSyntax unit when unit.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } first: position = first.SpanStart; break;
                default: return null;
            }
            // The lookup position must not be inside a lambda or a query (the model would bind it, and the body with it).
            var token = body.SyntaxTree.GetRoot().FindToken(position);
            if (token.Parent is null || token.Parent.AncestorsAndSelf().TakeWhile(n => n != body).Any(n => n is AnonymousFunctionExpressionSyntax or QueryExpressionSyntax)) return null;
            return new Scope(model, body, position, typeDeclaration is BaseTypeDeclarationSyntax ? typeDeclaration : null, member);
        }

        private string? _imports;

        /// <summary>What decides which extension methods are in scope here: the enclosing namespaces and the using
        /// directives of the file and of each namespace declaration (global usings are the same for every file).</summary>
        public string Imports => _imports ??= ImportsOf(Body);

        private static string ImportsOf(SyntaxNode body)
        {
            var text = new System.Text.StringBuilder();
            foreach (var ancestor in body.Ancestors())
            {
                switch (ancestor)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        text.Append("namespace ").Append(ns.Name.ToString()).Append(';');
                        foreach (var directive in ns.Usings) text.Append(directive.ToString()).Append(';');
                        foreach (var alias in ns.Externs) text.Append(alias.ToString()).Append(';');
                        break;
                    case CompilationUnitSyntax unit:
                        foreach (var directive in unit.Usings) text.Append(directive.ToString()).Append(';');
                        foreach (var alias in unit.Externs) text.Append(alias.ToString()).Append(';');
                        break;
                }
            }
            return text.ToString();
        }

        public bool DeclaresInBody(string name) => Declarations.ContainsKey(name);

        /// <summary>The declaration of a name used at <paramref name="use"/>, when the body declares the name exactly once
        /// and the use is in its scope; <see cref="LocalKind.Other"/> when declared otherwise; null when not declared.</summary>
        public LocalDeclaration? Local(string name, int use)
        {
            if (!Declarations.TryGetValue(name, out var found)) return null;
            var other = new LocalDeclaration(LocalKind.Other, null, null);
            // Several declarations (the `e` of each lambda in a query chain): the one whose scope holds the use.
            LocalDeclaration? inScope = null;
            foreach (var (node, declaration) in found)
            {
                if (declaration.Kind == LocalKind.Other) return other;
                if (!InScope(node, declaration, use)) continue;
                if (inScope is not null) return other;
                inScope = declaration;
            }
            return inScope ?? other;
        }

        private static bool InScope(SyntaxNode node, LocalDeclaration declaration, int use)
        {
            switch (declaration.Kind)
            {
                case LocalKind.Declared when node.Parent?.Parent is LocalDeclarationStatementSyntax statement:
                    // Top-level statements: a local is in scope in every later statement of the file.
                    var scope = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
                    return use > node.Span.End && scope is not null && scope.Span.Contains(use);
                case LocalKind.Declared when node.Parent?.Parent is ForStatementSyntax or UsingStatementSyntax:
                    return use > node.Span.End && node.Parent.Parent.Span.Contains(use);
                case LocalKind.ForEach when node is ForEachStatementSyntax loop:
                    return loop.Statement.Span.Contains(use);
                case LocalKind.LambdaParameter:
                    return declaration.Lambda!.Body.Span.Contains(use);
                default:
                    return false;
            }
        }

        private Dictionary<string, List<(SyntaxNode, LocalDeclaration)>> Declarations => _declarations ??= Scan();

        private Dictionary<string, List<(SyntaxNode, LocalDeclaration)>> Scan()
        {
            var declarations = new Dictionary<string, List<(SyntaxNode, LocalDeclaration)>>(System.StringComparer.Ordinal);
            void Add(SyntaxToken identifier, SyntaxNode node, LocalDeclaration declaration)
            {
                var name = identifier.ValueText;
                if (!declarations.TryGetValue(name, out var list)) declarations[name] = list = new List<(SyntaxNode, LocalDeclaration)>();
                list.Add((node, declaration));
            }
            var other = new LocalDeclaration(LocalKind.Other, null, null);
            var nodes = Body is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().SelectMany(g => g.DescendantNodesAndSelf()) : Body.DescendantNodes();
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } declarator
                        when declaration.Parent is LocalDeclarationStatementSyntax or ForStatementSyntax or UsingStatementSyntax:
                        Add(declarator.Identifier, declarator, new LocalDeclaration(LocalKind.Declared, declaration.Type, declarator.Initializer?.Value));
                        break;
                    case VariableDeclaratorSyntax declarator:
                        Add(declarator.Identifier, declarator, other);
                        break;
                    case ForEachStatementSyntax loop:
                        // await foreach enumerates IAsyncEnumerable<T>, which a type may implement with another T.
                        Add(loop.Identifier, loop, loop.AwaitKeyword.RawKind != 0 ? other : new LocalDeclaration(LocalKind.ForEach, loop.Type, loop.Expression));
                        break;
                    case ParameterSyntax parameter:
                        var lambda = parameter.Parent switch
                        {
                            SimpleLambdaExpressionSyntax simple => simple,
                            ParameterListSyntax { Parent: ParenthesizedLambdaExpressionSyntax parenthesized } => (AnonymousFunctionExpressionSyntax)parenthesized,
                            _ => null,
                        };
                        var index = parameter.Parent is ParameterListSyntax list ? list.Parameters.IndexOf(parameter) : 0;
                        Add(parameter.Identifier, parameter, lambda is null ? other : new LocalDeclaration(LocalKind.LambdaParameter, parameter.Type, null, lambda, index));
                        break;
                    case SingleVariableDesignationSyntax designation: Add(designation.Identifier, node, other); break;
                    case CatchDeclarationSyntax { Identifier.RawKind: not 0 } catchDeclaration: Add(catchDeclaration.Identifier, node, other); break;
                    case FromClauseSyntax from: Add(from.Identifier, node, other); break;
                    case LetClauseSyntax let: Add(let.Identifier, node, other); break;
                    case JoinClauseSyntax join: Add(join.Identifier, node, other); break;
                    case JoinIntoClauseSyntax into: Add(into.Identifier, node, other); break;
                    case QueryContinuationSyntax continuation: Add(continuation.Identifier, node, other); break;
                    case LocalFunctionStatementSyntax function:
                        Add(function.Identifier, node, other);
                        if (function.TypeParameterList is not null) Add(SyntaxFactory.Identifier("<type parameters>"), node, other);
                        break;
                    case LabeledStatementSyntax labeled: Add(labeled.Identifier, node, other); break;
                }
            }
            // Top-level statements' implicit parameter.
            if (Body is CompilationUnitSyntax) Add(SyntaxFactory.Identifier("args"), Body, other);
            return declarations;
        }
    }
}
