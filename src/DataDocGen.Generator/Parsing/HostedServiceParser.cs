using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>Reads background services: a class deriving from <c>Microsoft.Extensions.Hosting.BackgroundService</c> or
/// implementing <c>IHostedService</c>, or a Quartz.NET job (implementing <c>Quartz.IJob</c>), with the calls its own code
/// (this part) makes into methods of other source types, and the calls those make (<see cref="CalledMethods"/>).</summary>
internal static class HostedServiceParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is ClassDeclarationSyntax { BaseList: { } bases }
        && bases.Types.Any(t => SyntaxFacts.RightmostName(t.Type) is "BackgroundService" or "IHostedService" or "IHostedLifecycleService" or "IJob");

    public static HostedServiceSpec? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        var model = context.SemanticModel;
        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type) return null;
        var kind = type.DerivesFrom("Microsoft.Extensions.Hosting", "BackgroundService") ? "BackgroundService"
            : type.AllInterfaces.Any(i => i.Is("Microsoft.Extensions.Hosting", "IHostedService")) ? "IHostedService"
            : type.AllInterfaces.Any(i => i.Is("Quartz", "IJob")) ? "Quartz.NET IJob" : null;
        if (kind is null) return null;

        var methods = declaration.Members.OfType<BaseMethodDeclarationSyntax>().ToList();
        var calls = CalledMethods.Of(methods, model, type, cancellationToken);
        var timers = kind == "Quartz.NET IJob" ? EquatableArray<HostedServiceTimer>.Empty : HostedServiceTimers.Of(methods, model, cancellationToken);
        var regions = GuardText.Regions(methods.Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody).Where(b => b is not null).Select(b => b!));
        return new HostedServiceSpec(type.Name, type.ClrFullName(), kind, SourceLocation.From(declaration.Identifier.Parent!), calls, timers, regions);
    }
}
