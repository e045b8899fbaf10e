using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DataDocGen.EndToEnd.Tests;

/// <summary>A consumer project on disk: files written from strings, built with the real `dotnet build`.</summary>
public sealed class Consumer(string folder, string name)
{
    public string Folder { get; } = folder;

    public string Name { get; } = name;

    public string ProjectFile => Path.Combine(Folder, Name + ".csproj");

    public static Consumer Create(PackageFixture fixture, string name, string projectXml, params (string Path, string Content)[] files)
    {
        var consumer = new Consumer(fixture.NewFolder(name), name);
        consumer.Write(name + ".csproj", projectXml);
        foreach (var (path, content) in files) consumer.Write(path, content);
        return consumer;
    }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Replace("\r\n", "\n"));
    }

    public ProcessResult Build(params string[] arguments) =>
        Dotnet.Run(Folder, ["build", ProjectFile, "-nologo", "-clp:NoSummary", .. arguments]);

    public ProcessResult BuildSucceeds(params string[] arguments)
    {
        var result = Build(arguments);
        Assert.True(result.ExitCode == 0, "build failed:\n" + result.Output);
        return result;
    }

    public string ReportPath => Path.Combine(Folder, "DATA_LAYER.md");

    public string OutputPath(string file, string framework = "net10.0") => Path.Combine(Folder, "bin", "Debug", framework, file);

    public string Report => File.ReadAllText(ReportPath);

    /// <summary>Everything the compiled assembly declares: types, members, attributes and resources, as sorted text.</summary>
    public string AssemblyShape(string framework = "net10.0")
    {
        using var stream = File.OpenRead(OutputPath(Name + ".dll", framework));
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var items = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var typeName = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
            items.Add("type " + typeName);
            items.AddRange(type.GetMethods().Select(m => "method " + typeName + "::" + reader.GetString(reader.GetMethodDefinition(m).Name)));
            items.AddRange(type.GetFields().Select(f => "field " + typeName + "::" + reader.GetString(reader.GetFieldDefinition(f).Name)));
            items.AddRange(type.GetProperties().Select(p => "property " + typeName + "::" + reader.GetString(reader.GetPropertyDefinition(p).Name)));
        }
        items.AddRange(reader.ManifestResources.Select(r => "resource " + reader.GetString(reader.GetManifestResource(r).Name)));
        items.Add("custom attributes: " + reader.CustomAttributes.Count);
        items.Sort(StringComparer.Ordinal);
        return string.Join("\n", items);
    }
}
