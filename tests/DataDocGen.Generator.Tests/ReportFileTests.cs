using DataDocGen.Tasks;

namespace DataDocGen.Generator.Tests;

/// <summary>The task's file handling: write only on change, atomic replace, verify comparison and its message.</summary>
public class ReportFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ddg-reportfile-" + Guid.NewGuid().ToString("N"));

    public ReportFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Unchanged_content_is_not_rewritten_and_changed_content_is_replaced_without_leftovers()
    {
        var path = Path.Combine(_folder, "DATA_LAYER.md");
        Assert.True(ReportFile.WriteIfChanged(path, "# A\n"));
        var stamp = File.GetLastWriteTimeUtc(path);
        Thread.Sleep(20);

        Assert.False(ReportFile.WriteIfChanged(path, "# A\n"));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));

        Assert.True(ReportFile.WriteIfChanged(path, "# B\n"));
        Assert.Equal("# B\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public void A_read_only_report_is_left_untouched_and_the_failure_is_an_access_error()
    {
        var path = Path.Combine(_folder, "DATA_LAYER.md");
        File.WriteAllText(path, "# Old\n");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var error = Assert.Throws<UnauthorizedAccessException>(() => ReportFile.WriteIfChanged(path, "# New\n"));
            Assert.Contains("read-only", error.Message);
            Assert.Equal("# Old\n", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
            Assert.False(ReportFile.WriteIfChanged(path, "# Old\n")); // unchanged content needs no write at all
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void Verify_ignores_line_endings_and_names_the_changed_sections()
    {
        var path = Path.Combine(_folder, "DATA_LAYER.md");
        File.WriteAllText(path, "# Report\n\n## 1. Database architecture\n\n### 1.1 Databases\n\nold provider\n\n### 1.2 Models\n\nsame\n".Replace("\n", "\r\n"));
        var fresh = "# Report\n\n## 1. Database architecture\n\n### 1.1 Databases\n\nnew provider\n\n### 1.2 Models\n\nsame\n";

        Assert.True(ReportFile.SameText(path, File.ReadAllText(path).Replace("\r\n", "\n"), out _));
        Assert.False(ReportFile.SameText(path, fresh, out var line));
        Assert.Equal(7, line);
        Assert.Equal(["1.1 Databases"], ReportFile.ChangedSections(path, fresh));
    }

    [Fact]
    public void Payload_round_trips_through_the_generator_encoding()
    {
        var markdown = "# Report */ with `code` and \u2028 separators\n";
        var payload = DataDocGen.Generator.Emit.PayloadEmitter.Emit(("DATA_LAYER.md", markdown), ("DATA_LAYER.json", "{}\n"));

        Assert.Equal(PayloadReader.Status.Ok, PayloadReader.Read(payload, out var files));
        Assert.Equal(markdown, files["DATA_LAYER.md"]);
        Assert.Equal("{}\n", files["DATA_LAYER.json"]);
        Assert.Equal(PayloadReader.Status.Failed, PayloadReader.Read(DataDocGen.Generator.Emit.PayloadEmitter.Failed(), out _));
        Assert.Equal(PayloadReader.Status.Unrecognised, PayloadReader.Read("// something else", out _));
    }
}
