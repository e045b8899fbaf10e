namespace DataDocGen.EndToEnd.Tests;

/// <summary>The repository the tests were built from (set by the project file), to find the package project.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}
