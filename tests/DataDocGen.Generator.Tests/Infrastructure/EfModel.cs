using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataDocGen.Generator.Tests.Infrastructure;

/// <summary>Asks EF Core itself: compiles the test model, loads it, and reads EF's design-time relational model.</summary>
internal static class EfModel
{
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        // A fresh context per model: each test model is compiled into an assembly of the same name.
        return new AssemblyLoadContext("model-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>EF Core's tables (or views) for a context: "schema.name" (schema omitted when null) → entity type names.</summary>
    public static Dictionary<string, string[]> Tables(Assembly assembly, string contextFullName, bool views = false)
    {
        var contextType = assembly.GetType(contextFullName, throwOnError: true)!;
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseSqlServer("Server=.;Database=Fidelity");
        using var context = (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        IEnumerable<ITableBase> items = views ? model.Views : model.Tables;
        // "entities" lists the types whose main table (or view) this is: in TPT the root's table also maps the
        // derived types, but their main table is their own.
        return items.ToDictionary(
            t => (t.Schema is { } schema ? schema + "." : "") + t.Name,
            t => t.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>()
                .Where(e => views
                    ? e.GetViewName() == t.Name && e.GetViewSchema() == t.Schema
                    : e.GetTableName() == t.Name && e.GetSchema() == t.Schema)
                .Select(e => e.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }
}
