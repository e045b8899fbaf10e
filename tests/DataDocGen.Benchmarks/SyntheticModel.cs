using System.Text;

namespace DataDocGen.Benchmarks;

/// <summary>A synthetic data layer of N entities: each has scalar properties, two reference navigations to earlier
/// entities (with collection inverses, so about 2N relationships), a configuration class for every tenth entity,
/// plus, per entity, a repository (queries, writes, a bulk delete, a cached read, a transaction) registered in DI,
/// and a service class that has nothing to do with the data layer (the unrelated edit happens there).</summary>
internal static class SyntheticModel
{
    public static Dictionary<string, string> Create(int entities)
    {
        var files = new Dictionary<string, string>();
        for (var i = 0; i < entities; i++)
        {
            var text = new StringBuilder();
            text.Append("using System;\nusing System.Collections.Generic;\nnamespace Synthetic.Domain;\n");
            text.Append("public class Entity").Append(i).Append("\n{\n    public int Id { get; set; }\n");
            text.Append("    public string Name { get; set; } = \"\";\n    public string? Description { get; set; }\n");
            text.Append("    public decimal Amount { get; set; }\n    public DateTime CreatedAt { get; set; }\n");
            foreach (var target in Targets(i))
            {
                text.Append("    public int Ref").Append(target).Append("Id { get; set; }\n");
                text.Append("    public Entity").Append(target).Append(" Ref").Append(target).Append(" { get; set; } = null!;\n");
            }
            foreach (var source in Sources(i, entities))
            {
                text.Append("    public List<Entity").Append(source).Append("> Children").Append(source).Append(" { get; } = new();\n");
            }
            text.Append("}\n");
            files["Domain/Entity" + i + ".cs"] = text.ToString();

            files["Services/Service" + i + ".cs"] = "namespace Synthetic.Services;\npublic sealed class Service" + i + " : System.IDisposable\n{\n"
                + "    public int Compute(int value) { var total = 0; for (var k = 0; k < value; k++) total += k * " + i + "; return total; }\n"
                + "    public string Describe() => \"service " + i + "\";\n    public void Dispose() { }\n}\n";
            var entity = "Synthetic.Domain.Entity" + i;
            files["Data/Entity" + i + "Repository.cs"] = "using System.Collections.Generic;\nusing System.Linq;\nusing System.Threading.Tasks;\n"
                + "using Microsoft.EntityFrameworkCore;\nusing Microsoft.Extensions.Caching.Memory;\nnamespace Synthetic.Data;\n"
                + "public interface IEntity" + i + "Repository { Task<List<" + entity + ">> Recent(); }\n"
                + "public sealed class Entity" + i + "Repository(SyntheticContext db, IMemoryCache cache) : IEntity" + i + "Repository\n{\n"
                + "    public Task<List<" + entity + ">> Recent() => db.Entity" + i + "Set.AsNoTracking().Where(e => e.Amount > 0).OrderBy(e => e.Id).Take(20).ToListAsync();\n"
                + "    public Task<" + entity + "?> Get(int id) => cache.GetOrCreateAsync($\"entity" + i + ":{id}\", entry => { entry.SlidingExpiration = System.TimeSpan.FromMinutes(5); return db.Entity" + i + "Set.FirstOrDefaultAsync(e => e.Id == id); });\n"
                + "    public async Task Add(" + entity + " item) { await using var transaction = await db.Database.BeginTransactionAsync(); db.Entity" + i + "Set.Add(item); await db.SaveChangesAsync(); await transaction.CommitAsync(); cache.Remove(\"entity" + i + ":\" + item.Id); }\n"
                + "    public Task<int> Purge() => db.Entity" + i + "Set.Where(e => e.Amount < 0).ExecuteDeleteAsync();\n}\n";
            if (i % 10 == 0)
            {
                files["Data/Entity" + i + "Configuration.cs"] = "using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Metadata.Builders;\nnamespace Synthetic.Data;\n"
                    + "public sealed class Entity" + i + "Configuration : IEntityTypeConfiguration<Synthetic.Domain.Entity" + i + ">\n{\n"
                    + "    public void Configure(EntityTypeBuilder<Synthetic.Domain.Entity" + i + "> builder)\n    {\n"
                    + "        builder.Property(e => e.Name).HasMaxLength(100).IsRequired();\n        builder.HasIndex(e => e.Name);\n    }\n}\n";
            }
        }
        var context = new StringBuilder("using Microsoft.EntityFrameworkCore;\nnamespace Synthetic.Data;\npublic class SyntheticContext(DbContextOptions<SyntheticContext> options) : DbContext(options)\n{\n");
        for (var i = 0; i < entities; i++)
        {
            context.Append("    public DbSet<Synthetic.Domain.Entity").Append(i).Append("> Entity").Append(i).Append("Set => Set<Synthetic.Domain.Entity").Append(i).Append(">();\n");
        }
        context.Append("    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(SyntheticContext).Assembly);\n}\n");
        files["Data/SyntheticContext.cs"] = context.ToString();
        var registrations = new StringBuilder();
        for (var i = 0; i < entities; i++)
        {
            registrations.Append("        services.AddScoped<Synthetic.Data.IEntity").Append(i).Append("Repository, Synthetic.Data.Entity").Append(i).Append("Repository>();\n");
        }
        files["Program.cs"] = "using Microsoft.EntityFrameworkCore;\nusing Microsoft.Extensions.DependencyInjection;\nnamespace Synthetic;\npublic static class Startup\n{\n"
            + "    public static void Add(IServiceCollection services)\n    {\n"
            + "        services.AddDbContextPool<Synthetic.Data.SyntheticContext>(o => o.UseSqlServer(\"Server=.;Database=Synthetic\"));\n"
            + "        services.AddMemoryCache();\n" + registrations + "    }\n}\n";
        return files;
    }

    /// <summary>Two earlier entities each entity points to (none for the first two).</summary>
    private static IEnumerable<int> Targets(int i)
    {
        if (i >= 1) yield return (i * 7 + 3) % i;
        if (i >= 2 && (i * 13 + 5) % i != (i * 7 + 3) % i) yield return (i * 13 + 5) % i;
    }

    private static IEnumerable<int> Sources(int i, int entities)
    {
        for (var j = i + 1; j < entities && j <= i + 40; j++)
        {
            if (Targets(j).Contains(i)) yield return j;
        }
        // Inverses for sources further away are left out: those relationships stay unidirectional (still 2 per entity).
    }
}
