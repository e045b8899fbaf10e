using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace DataDocGen.EndToEnd.Tests;

/// <summary>
/// Packs DataDocGen once per test run into a local folder feed and gives each test a scratch folder whose
/// nuget.config adds that feed and a private packages folder (so a DataDocGen package from an earlier run can
/// never be picked up). Other packages (EF Core...) are read from the machine's packages folder as a fallback,
/// or restored as usual.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string Version = "0.1.0-e2e";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ddg-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public PackageFixture()
    {
        Directory.CreateDirectory(Feed);
        var repo = typeof(PackageFixture).Assembly.GetCustomAttribute<RepositoryRootAttribute>()!.Path;
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var pack = Dotnet.Run(repo, "pack", Path.Combine(repo, "src", "DataDocGen", "DataDocGen.csproj"),
            "--no-build", "--no-restore", "-c", configuration, "-o", Feed, "-p:Version=" + Version);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        Assert.True(File.Exists(Path.Combine(Feed, "DataDocGen." + Version + ".nupkg")), "no package in " + Feed + "\n" + pack.Output);

        var globalPackages = Dotnet.Run(Root, "nuget", "locals", "global-packages", "--list").Output
            .Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global-packages:", StringComparison.Ordinal))?
            .Substring("global-packages:".Length).Trim();
        var fallback = globalPackages is { Length: > 0 } && Directory.Exists(globalPackages)
            ? $"""<fallbackPackageFolders><add key="machine" value="{globalPackages}" /></fallbackPackageFolders>"""
            : "";
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
              <packageSources><add key="datadocgen-local" value="{Feed}" /></packageSources>
              {fallback}
            </configuration>
            """);
        // Consumers must not inherit this repository's Directory.Build.* files.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
    }

    /// <summary>A new, empty folder for one consumer scenario.</summary>
    public string NewFolder(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public void Dispose()
    {
        Dotnet.Run(Root, "build-server", "shutdown");
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "DataDocGen package";
}

public sealed record ProcessResult(int ExitCode, string Output);

public static class Dotnet
{
    public static ProcessResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The test host runs under `dotnet test`, whose MSBuild variables would leak into the child builds.
        foreach (var key in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            return new ProcessResult(-1, output + "\n(timed out)");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());
    }
}
