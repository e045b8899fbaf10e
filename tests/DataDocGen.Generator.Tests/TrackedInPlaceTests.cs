using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 2.1's CRUD matrix, tracked updates from the Kavita audit: a property set on what a query returns in
/// place (<c>db.Settings.First(s => s.Key == "Port").Value = port</c>), on an entity picked from a list the body loaded
/// (<c>settings.First(...)</c>, a local so taken, a <c>foreach</c> over <c>settings.Where(...)</c>), saved by the same
/// context. Nothing where the objects are not known to be tracked: not loaded, loaded without tracking, projected,
/// copied, added to the list, given as a default, or the list given another value; nor without the save.</summary>
public class TrackedInPlaceTests
{
    private const string Code = """
        using System.Linq;
        using System.Threading.Tasks;
        namespace Shop.Data
        {
            public class Setting
            {
                public int Id { get; set; }
                public string Key { get; set; } = "";
                public string Value { get; set; } = "";
                public Setting Copy() => new() { Key = Key, Value = Value };
            }
            public class SettingDto { public string Key { get; set; } = ""; public string Value { get; set; } = ""; }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Setting> Settings => Set<Setting>();
            }
            public class OtherContext(DbContextOptions<OtherContext> options) : DbContext(options)
            {
                public DbSet<Setting> Settings => Set<Setting>();
            }

            public class SettingsService(ShopContext db, OtherContext other)
            {
                public async Task Seed(string port)
                {
                    db.Settings.First(s => s.Key == "Port").Value = port;
                    (await db.Settings.SingleAsync(s => s.Key == "Cache")).Value = "/cache";
                    await db.SaveChangesAsync();
                }

                public async Task Update(string host)
                {
                    var settings = await db.Settings.ToListAsync();
                    settings.First(s => s.Key == "Host").Value = host;
                    var install = settings.Single(s => s.Key == "Install");
                    install.Value = "now";
                    foreach (var setting in settings.Where(s => s.Key.StartsWith("Task")))
                    {
                        setting.Value = "daily";
                    }
                    await db.SaveChangesAsync();
                }

                public async Task Reset()
                {
                    foreach (var setting in await db.Settings.Where(s => s.Key.StartsWith("Email")).ToListAsync()) setting.Value = "";
                    await db.SaveChangesAsync();
                }

                // Traps: nothing here is an update of Setting.
                public async Task Untracked()
                {
                    var settings = await db.Settings.AsNoTracking().ToListAsync();
                    settings.First(s => s.Key == "Host").Value = "x";
                    foreach (var setting in settings.Where(s => s.Key == "Port")) setting.Value = "80";
                    await db.SaveChangesAsync();
                }

                public async Task Fresh()
                {
                    var settings = new List<Setting> { new() { Key = "Host" } };
                    settings.First().Value = "x";
                    var dtos = await db.Settings.Select(s => new SettingDto { Key = s.Key, Value = s.Value }).ToListAsync();
                    dtos.First().Value = "y";
                    foreach (var dto in dtos.Where(d => d.Key == "Port")) dto.Value = "80";
                    await db.SaveChangesAsync();
                }

                public async Task Copies()
                {
                    var settings = await db.Settings.ToListAsync();
                    var copy = settings.First().Copy();
                    copy.Value = "x";
                    settings.FirstOrDefault(s => s.Key == "Missing", new Setting()).Value = "y";
                    settings.Append(new Setting()).Last().Value = "z";
                    await db.SaveChangesAsync();
                }

                public async Task Grown()
                {
                    var settings = await db.Settings.ToListAsync();
                    settings.Add(new Setting { Key = "New" });
                    settings.Last().Value = "x";
                    await db.SaveChangesAsync();
                }

                public async Task Replaced(List<Setting> given)
                {
                    var settings = await db.Settings.ToListAsync();
                    settings = given;
                    foreach (var setting in settings) setting.Value = "x";
                    given.First().Value = "y";
                    await db.SaveChangesAsync();
                }

                public async Task Elsewhere()
                {
                    var settings = await other.Settings.ToListAsync();
                    settings.First().Value = "x";
                    other.Settings.First(s => s.Key == "Port").Value = "80";
                    await db.SaveChangesAsync();
                }

                public void Unsaved() => db.Settings.First(s => s.Key == "Port").Value = "80";

                public void OtherArm(bool flag)
                {
                    if (flag) db.Settings.First(s => s.Key == "Host").Value = "h";
                    else db.SaveChanges();
                }
            }
        }
        """;

    private static string[] Row(string md, string entity) =>
        md.Substring(md.IndexOf("#### CRUD by entity", StringComparison.Ordinal)).Split('\n')
            .FirstOrDefault(l => l.StartsWith("| `" + entity + "` |", StringComparison.Ordinal))?.Split(" | ") ?? Array.Empty<string>();

    [Fact]
    public void A_property_set_on_a_query_result_or_on_an_entity_picked_from_a_loaded_list_is_an_update_and_the_traps_are_not()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Settings.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var update = Row(md, "Shop.Data.Setting")[3];
        Assert.Equal("`SettingsService.Seed` [Data/Settings.cs:31](Data/Settings.cs#L31), [Data/Settings.cs:32](Data/Settings.cs#L32)"
            + "<br>`SettingsService.Update` [Data/Settings.cs:39](Data/Settings.cs#L39), [Data/Settings.cs:41](Data/Settings.cs#L41), [Data/Settings.cs:44](Data/Settings.cs#L44)"
            + "<br>`SettingsService.Reset` [Data/Settings.cs:51](Data/Settings.cs#L51)", update);
        Assert.Contains("\"api\": \"property set, saved by SaveChangesAsync\"", output.Json);
    }
}
