using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DataDocGen.Tasks;

/// <summary>
/// Turns the generator's payload into DATA_LAYER.md and DATA_LAYER.json in the build output, and DATA_LAYER.md in the
/// project folder (or, with <see cref="Verify"/>, checks that the committed one is current).
/// </summary>
public sealed class WriteDataLayerReport : Task
{
    private const string MarkdownName = "DATA_LAYER.md";
    private const string JsonName = "DATA_LAYER.json";
    private const string FragmentName = "DATA_LAYER.ddgfragment.json";

    /// <summary>The generator's output file (under CompilerGeneratedFilesOutputPath).</summary>
    [Required]
    public string PayloadFile { get; set; } = string.Empty;

    /// <summary>The build output folder ($(OutDir)): receives both files.</summary>
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Where the committed DATA_LAYER.md lives; empty: do not write into the project.</summary>
    public string ReportPath { get; set; } = string.Empty;

    /// <summary>Where this project's fragment goes (under obj): the projects that reference this one merge it.</summary>
    public string FragmentFile { get; set; } = string.Empty;

    /// <summary>CI gate: write nothing into the project and fail when the committed report differs from the fresh one.</summary>
    public bool Verify { get; set; }

    /// <summary>The project being built: the verify error names the one command that refreshes its report.</summary>
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The files written into the output folder, for FileWrites (the committed report is never in it, so `dotnet clean` keeps it).</summary>
    [Output]
    public ITaskItem[] OutputFiles { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!File.Exists(PayloadFile))
        {
            Log.LogWarning(null, "DDG102", null, null, 0, 0, 0, 0,
                "DataDocGen wrote no report: the generator's output '{0}' was not found. DataDocGen needs EmitCompilerGeneratedFiles=true (its package sets it; a project that sets it to false turns the report off).",
                PayloadFile);
            return true;
        }

        var status = PayloadReader.Read(File.ReadAllText(PayloadFile), out var files);
        if (status == PayloadReader.Status.Failed) return true; // the generator already reported DDG001; keep existing files
        if (status != PayloadReader.Status.Ok || !files.TryGetValue(MarkdownName, out var markdown) || !files.TryGetValue(JsonName, out var json))
        {
            Log.LogWarning(null, "DDG102", null, null, 0, 0, 0, 0,
                "DataDocGen wrote no report: '{0}' does not hold a report this version of DataDocGen can read. Rebuild the project.", PayloadFile);
            return true;
        }

        var written = new List<ITaskItem>();
        if (!string.IsNullOrEmpty(OutputDirectory))
        {
            Write(Path.Combine(OutputDirectory, MarkdownName), markdown, written);
            Write(Path.Combine(OutputDirectory, JsonName), json, written);
            // Optional extra files (tbls schema JSON per context, DataDocGenTbls=true), under their relative names.
            foreach (var extra in files)
            {
                if (extra.Key is MarkdownName or JsonName or FragmentName || extra.Key.Contains("..") || Path.IsPathRooted(extra.Key)) continue;
                Write(Path.Combine(OutputDirectory, extra.Key.Replace('/', Path.DirectorySeparatorChar)), extra.Value, written);
            }
        }
        if (!string.IsNullOrEmpty(FragmentFile) && files.TryGetValue(FragmentName, out var fragment))
        {
            Write(FragmentFile, fragment, written);
        }
        OutputFiles = written.ToArray();

        if (string.IsNullOrWhiteSpace(ReportPath)) return !Log.HasLoggedErrors;
        var reportPath = Path.GetFullPath(ReportPath);
        if (Verify)
        {
            if (!ReportFile.SameText(reportPath, markdown, out var line))
            {
                var sections = ReportFile.ChangedSections(reportPath, markdown);
                var reason = File.Exists(reportPath)
                    ? "differs from the report generated from the code (first difference at line " + line + (sections.Count == 0 ? "" : "; sections changed: " + string.Join("; ", sections)) + ")"
                    : "does not exist";
                Log.LogError(null, "DDG101", null, reportPath, line, 0, 0, 0,
                    "{0} is out of date: it {1}. Refresh it with `{2}`, then commit it.", ReportPath, reason, RefreshCommand());
            }
        }
        else
        {
            Write(reportPath, markdown, null);
        }
        return !Log.HasLoggedErrors;
    }

    /// <summary>The build that rewrites the report: this project, without verify mode.</summary>
    private string RefreshCommand() =>
        string.IsNullOrEmpty(ProjectPath) ? "dotnet build" : "dotnet build \"" + ProjectPath + "\" -p:DataDocGenVerify=false";

    private void Write(string path, string content, List<ITaskItem>? written)
    {
        try
        {
            if (ReportFile.WriteIfChanged(path, content)) Log.LogMessage(MessageImportance.Normal, "DataDocGen: wrote {0}", path);
            written?.Add(new TaskItem(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, "DDG103", null, path, 0, 0, 0, 0, "DataDocGen could not write {0}: {1}", path, exception.Message);
        }
    }
}
