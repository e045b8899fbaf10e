namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>The fidelity models again, with an EFCore.NamingConventions plug-in in OnConfiguring: the plug-in itself,
/// through EF Core's model, judges the rewritten table, column and constraint names.</summary>
public class NamingConventionFidelityTests
{
    private const string Configure = "protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }";

    /// <summary>Models that rename tables in OnModelCreating: with a naming plug-in DataDocGen withholds their detail
    /// (constraint names then depend on configuration order), which <see cref="Tables_renamed_in_code_withhold_the_detail_under_a_naming_plug_in"/> checks.
    /// The courier model names owned collections' tables by <c>ToTable</c> (withheld the same way; its other forms are
    /// judged under the plug-ins in the warehouse model), and the dispatch model owned references' tables (withheld: the
    /// plug-in even names their key columns by configuration order, <see cref="Owned_reference_tables_withhold_the_detail_under_a_naming_plug_in"/>).
    /// The ledger, registry, audit, prefixes, singular and shouting models rename tables or columns in a loop, which DataDocGen does not combine with a
    /// plug-in (see ModelLoopTests).
    /// The bookings model renames a table by <c>ToTable</c> in a helper extension method; the scaffolded joins model its join tables in UsingEntity lambdas;
    /// the surveys, polls and roles models one table per provider; the meetings model its table by ToTable.
    /// ASP.NET Core Identity's contexts (<see cref="IdentityModels"/>) are excluded for the same reason: Identity's
    /// OnModelCreating names every AspNet* table by <c>ToTable</c> (checked by <c>IdentityTests</c>).</summary>
    private static readonly HashSet<string> FluentTableNames = new() { "library", "marketplace", "catalogue", "history", "ledger", "wiki", "registry", "audit", "prefixes", "singular", "shouting", "courier", "dispatch", "bookings", "scaffolded joins", "surveys", "polls", "roles", "meetings" };

    private static bool IsIdentityModel(string model) => IdentityModels.All.ContainsKey(model);

    private static bool RenamesTablesFluently(string model) => FluentTableNames.Contains(model.Substring(0, model.IndexOf(':'))) || IsIdentityModel(model);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var model in Models.All.Keys.Where(m => !RenamesTablesFluently(m)))
        {
            foreach (var convention in new[] { "UseSnakeCaseNamingConvention", "UseLowerCaseNamingConvention" })
            {
                data.Add(model, convention, model.Length % 2 == 0 ? "Npgsql" : "SqlServer");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renamed_schema_equals_EF_Cores_model(string model, string convention, string provider)
    {
        var (source, context) = Models.All[model];
        Assert.Contains(Configure, source);
        var renamed = source.Replace(Configure, Configure.Replace("b.USE_PROVIDER; }", "b.USE_PROVIDER; b." + convention + "(); }"));
        SchemaFidelity.AssertSame(renamed, context, provider);
    }

    [Fact]
    public void Tables_renamed_in_code_withhold_the_detail_under_a_naming_plug_in()
    {
        var (source, _) = Models.All.Single(m => m.Key.StartsWith("marketplace", StringComparison.Ordinal)).Value;
        var renamed = source.Replace(Configure, Configure.Replace("b.USE_PROVIDER; }", "b.USE_PROVIDER; b.UseSnakeCaseNamingConvention(); }")).Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["Npgsql"]);
        var output = Infrastructure.GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = Infrastructure.Sources.Usings + renamed });

        Assert.Contains("a naming-convention plug-in together with tables renamed by `ToTable`", output.Markdown);
    }

    /// <summary>EF Core with the plug-in (UseSnakeCaseNamingConvention, Npgsql) names the key column of an owned reference's
    /// own table <c>order_id</c> in <c>OrderAddresses</c> (configured in a builder lambda) but <c>id</c> in
    /// <c>BillingAddresses</c> and <c>OrderContacts</c> (chained <c>ToTable</c>), and keys <c>LineDiscounts</c> by
    /// <c>order_id, id</c> where it is <c>LineOrderId, LineId</c> without the plug-in: withheld, never guessed.</summary>
    [Theory]
    [InlineData("UseSnakeCaseNamingConvention")]
    [InlineData("UseLowerCaseNamingConvention")]
    public void Owned_reference_tables_withhold_the_detail_under_a_naming_plug_in(string convention)
    {
        var (source, _) = Models.All.Single(m => m.Key.StartsWith("dispatch", StringComparison.Ordinal)).Value;
        var renamed = source.Replace(Configure, Configure.Replace("b.USE_PROVIDER; }", "b.USE_PROVIDER; b." + convention + "(); }")).Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["Npgsql"]);
        var output = Infrastructure.GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = Infrastructure.Sources.Usings + renamed });

        Assert.Contains("a naming-convention plug-in together with an owned reference's table renamed by `ToTable`", output.Markdown);
        Assert.DoesNotContain("order_id", output.Json);
        Assert.DoesNotContain("\"OrderId\"", output.Json);
    }

    [Fact]
    public void Join_tables_renamed_in_code_withhold_the_detail_under_a_naming_plug_in()
    {
        var (source, _) = Models.All.Single(m => m.Key.StartsWith("catalogue", StringComparison.Ordinal)).Value;
        var renamed = source.Replace(Configure, Configure.Replace("b.USE_PROVIDER; }", "b.USE_PROVIDER; b.UseSnakeCaseNamingConvention(); }")).Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["Npgsql"]);
        var output = Infrastructure.GeneratorHarness.Run(new Dictionary<string, string> { ["Model.cs"] = Infrastructure.Sources.Usings + renamed });

        Assert.Contains("a naming-convention plug-in together with a join table renamed by `ToTable`", output.Markdown);
        Assert.DoesNotContain("article_labels", output.Json);
    }
}
