using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Tests;

/// <summary>Where a declaration is cited: its own line, not the attributes above it (the audit found a Quartz job
/// class linked to its [DisallowConcurrentExecution] line).</summary>
public class SourceLocationTests
{
    [Fact]
    public void A_declaration_under_attributes_is_cited_at_its_own_line_and_one_without_at_its_first()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            namespace Jobs;

            [System.Obsolete]
            [System.Serializable]
            public sealed class CopyJob
            {
                [System.Obsolete] public int Plain() => 0;

                [System.Obsolete]
                public int Run(
                    [System.Diagnostics.CodeAnalysis.NotNull]
                    string id) => 0;
            }
            """, path: "Jobs/CopyJob.cs");
        var root = tree.GetRoot();
        var type = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        var methods = root.DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        var parameter = root.DescendantNodes().OfType<ParameterSyntax>().Single();
        Assert.Equal(new SourceLocation("Jobs/CopyJob.cs", 5), SourceLocation.From(type));
        Assert.Equal(new SourceLocation("Jobs/CopyJob.cs", 7), SourceLocation.From(methods[0]));
        Assert.Equal(new SourceLocation("Jobs/CopyJob.cs", 10), SourceLocation.From(methods[1]));
        Assert.Equal(new SourceLocation("Jobs/CopyJob.cs", 12), SourceLocation.From(parameter));
        // The attribute itself is still cited where it is written.
        Assert.Equal(new SourceLocation("Jobs/CopyJob.cs", 3), SourceLocation.From(type.AttributeLists[0]));
    }

    [Fact]
    public void A_call_in_a_chain_written_one_call_per_line_is_cited_at_its_name()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class Startup
            {
                void Configure(Options options) => options
                    .UseSqlServer("x")
                    .UseSeeding((c, _) => { });
            }
            """, path: "Startup.cs");
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
        Assert.Equal(new SourceLocation("Startup.cs", 5), SourceLocation.From(calls.Single(c => c.ToString().EndsWith("{ })", StringComparison.Ordinal))));
        Assert.Equal(new SourceLocation("Startup.cs", 4), SourceLocation.From(calls.Single(c => c.ToString().EndsWith("(\"x\")", StringComparison.Ordinal))));
    }
}
