using DataDocGen.Generator.Emit;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>The report's Markdown building blocks, read as CommonMark/GFM reads them: a code span shows its text
/// verbatim (backslashes included), so code is never escaped; words are.</summary>
public class MarkdownTests
{
    [Theory]
    [InlineData("Order_Id", "`Order_Id`")]
    [InlineData("a*b", "`a*b`")]
    [InlineData("x `y` z", "``x `y` z``")]
    [InlineData("`y`", "`` `y` ``")]
    [InlineData("a``b", "```a``b```")]
    [InlineData(" padded ", "`  padded  `")]
    public void Code_is_verbatim_with_a_fence_longer_than_any_backtick_run(string code, string expected)
    {
        Assert.Equal(expected, Markdown.Code(code));
        Assert.Equal(expected, CodeSpan.Of(code));
    }

    [Theory]
    [InlineData("expires when the change token `_reload_token` fires", "expires when the change token `_reload_token` fires")]
    [InlineData("data table `billing_sagas`, index table `a*b`", "data table `billing_sagas`, index table `a*b`")]
    [InlineData("snake_case words and `snake_case` code", "snake\\_case words and `snake_case` code")]
    [InlineData("a ``code with ` inside`` b", "a ``code with ` inside`` b")]
    [InlineData("a `` `tick` `` b", "a `` `tick` `` b")]
    [InlineData("one ` unmatched", "one \\` unmatched")]
    [InlineData("``x` y", "\\`\\`x\\` y")]
    [InlineData("<b> and `<b>`", "&lt;b> and `<b>`")]
    public void Inline_renders_the_models_code_spans_verbatim_and_escapes_only_the_words(string prose, string expected)
    {
        Assert.Equal(expected, Markdown.Inline(prose));
    }

    [Fact]
    public void Inline_reads_back_what_CodeSpan_wrote_whatever_the_code_holds()
    {
        foreach (var code in new[] { "a`b", "``", "`x", "x`", " y ", "p_q*r", "a|b" })
        {
            Assert.Equal("on " + Markdown.Code(code) + " here", Markdown.Inline("on " + CodeSpan.Of(code) + " here"));
        }
    }

    [Fact]
    public void A_pipe_in_code_is_escaped_in_a_table_row_only()
    {
        var md = new Markdown(new RelativePath("/repo"));
        md.Line("| " + Markdown.Code("a || b") + " | " + Markdown.Text("c|d") + " |");
        md.Line("- when " + Markdown.Code("a || b") + ", " + Markdown.Text("c|d"));
        Assert.Equal("| `a \\|\\| b` | c\\|d |\n- when `a || b`, c\\|d\n", md.ToString());
    }

    [Fact]
    public void No_escape_shows_inside_a_code_span_in_the_report()
    {
        var code = """
            using Microsoft.Extensions.Caching.Memory;
            using Microsoft.Extensions.Primitives;
            namespace Shop.Services
            {
                public class Reloads(IMemoryCache memory)
                {
                    private static readonly IChangeToken _reload_token = new CancellationChangeToken(default);
                    public void Put() => memory.Set("key", 1, _reload_token);
                }
            }
            """;
        var output = GeneratorHarness.Run(Sources.With(("Services/Reloads.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| expires when the change token `_reload_token` fires |", output.Markdown);
        // Anywhere in the report: no backslash escape inside a code span.
        foreach (var line in output.Markdown!.Split('\n'))
        {
            var parts = line.Split('`');
            for (var i = 1; i < parts.Length; i += 2) Assert.DoesNotMatch(@"\\[_*`<\\]", parts[i]);
        }
    }
}
