namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>The fidelity models again, with an EFCore.NamingConventions plug-in in OnConfiguring: the plug-in itself,
/// through EF Core's model, judges the rewritten table, column and constraint names.</summary>
public class NamingConventionFidelityTests
{
    private const string Configure = "protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var model in Models.All.Keys)
        {
            foreach (var convention in new[] { "UseSnakeCaseNamingConvention", "UseLowerCaseNamingConvention" })
            {
                data.Add(model, convention, model.GetHashCode() % 2 == 0 ? "Npgsql" : "SqlServer");
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
}
