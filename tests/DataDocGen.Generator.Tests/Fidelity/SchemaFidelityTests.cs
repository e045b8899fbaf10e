namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Realistic models, each judged by EF Core for SQL Server, SQLite and PostgreSQL.</summary>
public class SchemaFidelityTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in Models.All.Keys)
        {
            foreach (var provider in SchemaFidelity.ProviderCalls.Keys) data.Add(model, provider);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schema_equals_EF_Cores_model(string model, string provider)
    {
        var (source, context) = Models.All[model];
        SchemaFidelity.AssertSame(source, context, provider);
    }
}
