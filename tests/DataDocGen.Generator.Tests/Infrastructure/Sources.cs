namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>Small building blocks for test projects.</summary>
internal static class Sources
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        """;

    public const string Entities = """
        namespace Shop.Domain
        {
            public class Customer { public int Id { get; set; } public string Name { get; set; } = ""; }
            public class Order { public int Id { get; set; } public int CustomerId { get; set; } }
        }
        """;

    public static Dictionary<string, string> With(params (string Path, string Code)[] files)
    {
        var result = new Dictionary<string, string> { ["Domain/Entities.cs"] = Entities };
        foreach (var (path, code) in files) result[path] = Usings + code;
        return result;
    }
}
