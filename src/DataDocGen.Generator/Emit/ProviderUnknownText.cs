using System;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Emit;

/// <summary>
/// The words, shared by DATA_LAYER.md and DATA_LAYER.json, for a context whose run-time provider is unknown while the code
/// reads no call handing its options builder to code not followed: "no provider is chosen in this project" only when no
/// provider call of the project is left unattributed and no design-time factory chooses one (the BTCPay audit read that
/// sentence for a context whose provider is chosen on an options builder made in code); and the note on a design-time
/// factory's provider, which <c>dotnet ef</c> uses and the application does not.
/// </summary>
internal static class ProviderUnknownText
{
    /// <summary>The reason, without links (the SQL Server filter note on indexes repeats it).</summary>
    public static string Short(ContextReport context) =>
        !context.UnattributedProviderCalls.IsEmpty ? "the provider is chosen on an options builder DataDocGen does not attribute to this context"
        : context.DesignTimeProviders.Count > 0 ? "no provider is chosen for run time in this project"
        : "no provider is chosen in this project";

    /// <summary>The reason, naming the unattributed provider calls (<paramref name="cite"/>: a call and where it is).</summary>
    public static string Reason(ContextReport context, Func<string, SourceLocation?, string> cite) =>
        context.UnattributedProviderCalls.IsEmpty ? Short(context)
            : Short(context) + ": " + string.Join(", ", context.UnattributedProviderCalls.Select(c => cite(c.Method, c.Location)));

    /// <summary>"the design-time factory `X.CreateDbContext` chooses PostgreSQL (Npgsql) for `dotnet ef` only: `UseNpgsql` at ...",
    /// or null when no design-time factory chooses a provider.</summary>
    public static string? DesignTimeNote(ContextReport context, Func<string, string> code, Func<string, string> providerName, Func<string, SourceLocation?, string> cite)
    {
        var sites = context.DesignTimeProviders.GroupBy(p => p.Origin, StringComparer.Ordinal).ToList();
        if (sites.Count == 0) return null;
        return string.Join("; ", sites.Select(site =>
            "the design-time factory " + code(site.Key) + " chooses " + string.Join(" or ", site.Select(p => providerName(p.Use.Provider)).Distinct())
            + " for " + code("dotnet ef") + " only: " + string.Join(", ", site.Select(p => cite(p.Use.Method, p.Use.Location)))));
    }
}
