using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary><see cref="SchemaFidelity"/> for Identity's store options: EF Core builds the model of a context whose
/// application service provider holds the given <see cref="StoreOptions"/>, as AddDbContext with AddIdentity gives it.</summary>
internal static class IdentityFidelity
{
    public static void AssertSame(string model, string contextFullName, Action<StoreOptions> stores)
    {
        var sources = new Dictionary<string, string> { ["Model.cs"] = Sources.Usings + model.Replace("USE_PROVIDER", SchemaFidelity.ProviderCalls["SqlServer"]) };
        var output = GeneratorHarness.Run(sources);
        var document = JsonNode.Parse(output.Json!)!;
        var name = contextFullName.Substring(contextFullName.LastIndexOf('.') + 1);
        var incomplete = document["contextsWithIncompleteSchema"]!.AsArray().FirstOrDefault(c => c!["name"]!.GetValue<string>() == name);
        Assert.True(incomplete is null, "DataDocGen withheld the schema: " + incomplete?.ToJsonString());
        var actual = document["contexts"]!.AsArray().Single(c => c!["fullName"]!.GetValue<string>() == contextFullName)!;

        var contextType = EfModel.Load(GeneratorHarness.Compile(sources)).GetType(contextFullName, throwOnError: true)!;
        var services = new ServiceCollection();
        services.AddOptions();
        services.Configure<IdentityOptions>(o => stores(o.Stores));
        // ProtectPersonalData makes Identity's OnModelCreating resolve a protector for its value converters.
        services.AddSingleton<IPersonalDataProtector, ReversingProtector>();
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseSqlServer("Server=.;Database=Fidelity").UseApplicationServiceProvider(services.BuildServiceProvider());
        using var context = (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
        var expected = JsonNode.Parse(EfModelDumper.Dump(context))!;

        var diff = JsonDiff.Describe(SchemaFidelity.Normalize(expected, actual), SchemaFidelity.Normalize(actual, actual));
        Assert.True(diff is null, $"DATA_LAYER.json differs from EF Core's model\n{diff}");
    }

    private sealed class ReversingProtector : IPersonalDataProtector
    {
        public string? Protect(string? data) => data is null ? null : new(data.Reverse().ToArray());

        public string? Unprotect(string? data) => data is null ? null : new(data.Reverse().ToArray());
    }
}
