using System.Text.Json;

namespace DataDocGen.EndToEnd.Tests;

/// <summary>What a consumer gets from `PackageReference DataDocGen` and `dotnet build`, built for real from the packed .nupkg.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture fixture)
{
    [Fact]
    public void Class_library_gets_reports_no_op_rebuild_keeps_them_and_a_data_layer_change_updates_them()
    {
        var consumer = Consumer.Create(fixture, "ShopLib", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));

        consumer.BuildSucceeds();

        var report = consumer.Report;
        Assert.Contains("#### ShopContext", report);
        Assert.Contains("| Provider | SQLite: `UseSqlite` in `OnConfiguring` | [Data/ShopContext.cs:15](Data/ShopContext.cs#L15) |", report);
        Assert.Contains("constant in code: `Data Source=shop.db;Password=***`", report);
        Assert.DoesNotContain("Lib-S3cret", report);
        Assert.Equal(report, File.ReadAllText(consumer.OutputPath("DATA_LAYER.md")));
        using (var json = JsonDocument.Parse(File.ReadAllText(consumer.OutputPath("DATA_LAYER.json"))))
        {
            var context = json.RootElement.GetProperty("contexts")[0];
            Assert.Equal("Sqlite", context.GetProperty("provider").GetString());
            Assert.Equal("Orders", context.GetProperty("tables")[0].GetProperty("name").GetString());
        }

        // A no-op rebuild leaves every report byte and timestamp alone.
        var files = new[] { consumer.ReportPath, consumer.OutputPath("DATA_LAYER.md"), consumer.OutputPath("DATA_LAYER.json") };
        var before = files.Select(f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f))).ToList();
        Thread.Sleep(1100);
        consumer.BuildSucceeds();
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(before[i].Item1, File.ReadAllBytes(files[i]));
            Assert.Equal(before[i].Item2, File.GetLastWriteTimeUtc(files[i]));
        }

        // A data-layer change updates the report.
        consumer.Write("Data/Customer.cs", """
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Data;
            public class Customer { public int Id { get; set; } }
            public partial class ShopContextExtensions { }
            """);
        consumer.Write("Data/ShopContext.cs", Projects.ShopContext.Replace(
            "public DbSet<Order> Orders => Set<Order>();", "public DbSet<Order> Orders => Set<Order>();\n    public DbSet<Customer> Customers => Set<Customer>();"));
        consumer.BuildSucceeds();
        Assert.Contains("| `Shop.Data.Customer` | `Customers` [Data/ShopContext.cs:", consumer.Report);
        Assert.NotEqual(before[0].Item2, File.GetLastWriteTimeUtc(consumer.ReportPath));

        // `dotnet clean` removes the build-output copies and keeps the committed report.
        var clean = Dotnet.Run(consumer.Folder, "clean", consumer.ProjectFile, "-nologo");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.True(File.Exists(consumer.ReportPath));
        Assert.False(File.Exists(consumer.OutputPath("DATA_LAYER.md")));
    }

    /// <summary>Issue 5.1: MSBuild's manifest resource names (CreateManifestResourceNames, or a LogicalName) reach the
    /// generator as AdditionalFiles metadata, so DbUp's embedded scripts are listed under the names the assembly really
    /// carries, in DbUp's order; a .sql file that is not embedded is not listed.</summary>
    [Fact]
    public void Embedded_sql_resources_reach_the_generator_with_their_manifest_names()
    {
        var consumer = Consumer.Create(fixture, "DbUpApp", Projects.Library().Replace("</ItemGroup>", """
                <PackageReference Include="dbup-sqlserver" Version="7.2.0" />
                <EmbeddedResource Include="Scripts/*.sql" />
                <EmbeddedResource Include="Extra/grants.sql" LogicalName="Custom.Grants.sql" />
              </ItemGroup>
            """),
            ("Upgrader.cs", """
                using System.Reflection;
                using DbUp;
                namespace DbUpApp;
                public static class Upgrader
                {
                    public static void Run(string cs) => DeployChanges.To.SqlDatabase(cs).WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly()).Build().PerformUpgrade();
                }
                """),
            ("Scripts/010_index.sql", "CREATE INDEX IX_A ON A(Id);"),
            ("Scripts/002_create.sql", "CREATE TABLE A (Id int);"),
            ("Extra/grants.sql", "GRANT SELECT ON A TO reader;"),
            ("Scripts/Manual/cleanup.sql", "DELETE FROM A;"));

        consumer.BuildSucceeds();

        var resources = consumer.AssemblyShape().Split('\n').Where(l => l.StartsWith("resource ", StringComparison.Ordinal)).Select(l => l.Substring(9)).ToList();
        Assert.Equal(["Custom.Grants.sql", "DbUpApp.Scripts.002_create.sql", "DbUpApp.Scripts.010_index.sql"], resources);
        var lines = consumer.Report.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("- `PerformUpgrade()` in `Upgrader.Run`", StringComparison.Ordinal));
        Assert.True(start >= 0, consumer.Report);
        Assert.Equal(new[]
        {
            "  - the embedded `.sql` files it runs (DbUp's default: resource names ending in `.sql`, any case), in the order DbUp runs them (by manifest resource name, ordinal):",
            "    1. `Custom.Grants.sql`: GRANT [Extra/grants.sql:1](Extra/grants.sql#L1)",
            @"    2. `DbUpApp.Scripts.002_create.sql`: CREATE TABLE [Scripts/002\_create.sql:1](Scripts/002_create.sql#L1)",
            @"    3. `DbUpApp.Scripts.010_index.sql`: CREATE INDEX [Scripts/010\_index.sql:1](Scripts/010_index.sql#L1)",
        }, lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)));
        Assert.Contains("cleanup.sql", consumer.Report); // still in the project's script table, just not embedded
    }

    /// <summary>DDG101-DDG104 come from the MSBuild task, not the compiler: .editorconfig does not reach them, MSBuild's
    /// own properties do (checked here with DDG103, a report file that cannot be written).</summary>
    [Fact]
    public void A_read_only_report_is_warning_DDG103_which_MSBuild_properties_raise_or_silence()
    {
        var consumer = Consumer.Create(fixture, "ReadOnlyReport", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));
        consumer.BuildSucceeds();
        File.SetAttributes(consumer.ReportPath, FileAttributes.ReadOnly);
        try
        {
            // A line above everything moves every link: the report changes and cannot be written.
            consumer.Write("Data/ShopContext.cs", "// moved down\n" + Projects.ShopContext);
            Assert.Contains("warning DDG103", consumer.BuildSucceeds().Output);
            var raised = consumer.Build("-p:MSBuildWarningsAsErrors=DDG103");
            Assert.NotEqual(0, raised.ExitCode);
            Assert.Contains("error DDG103", raised.Output);
            Assert.DoesNotContain("DDG103", consumer.BuildSucceeds("-p:MSBuildWarningsAsMessages=DDG103").Output);
        }
        finally
        {
            File.SetAttributes(consumer.ReportPath, FileAttributes.Normal);
        }
    }

    [Fact]
    public void DataDocGenTbls_writes_a_tbls_schema_per_context_into_the_build_output()
    {
        var consumer = Consumer.Create(fixture, "Tbls", Projects.Library("<DataDocGenTbls>true</DataDocGenTbls>"), ("Data/ShopContext.cs", Projects.ShopContext));
        consumer.BuildSucceeds();
        var path = consumer.OutputPath(Path.Combine("tbls", "ShopContext.schema.json"));
        Assert.True(File.Exists(path), "no tbls schema at " + path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("Orders", json.RootElement.GetProperty("tables")[0].GetProperty("name").GetString());
        Assert.Equal("sqlite", json.RootElement.GetProperty("driver").GetProperty("name").GetString());
        Assert.False(Directory.Exists(Path.Combine(consumer.Folder, "tbls")), "tbls files go to the build output only");
    }

    [Fact]
    public void Three_project_solution_gets_one_host_report_with_the_facts_of_all_three_and_links_to_their_files()
    {
        var root = fixture.NewFolder("Solution");
        void Write(string path, string content)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content.Replace("\r\n", "\n"));
        }
        string Project(string sdk, string references, string packages) => $"""
            <Project Sdk="{sdk}">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DataDocGen" Version="{PackageFixture.Version}" />
                {packages}
              </ItemGroup>
              <ItemGroup>{references}</ItemGroup>
            </Project>
            """;
        Write("Domain/Domain.csproj", Project("Microsoft.NET.Sdk", "", ""));
        Write("Domain/Order.cs", """
            using System.ComponentModel.DataAnnotations;
            namespace Shop.Domain;
            public class Order
            {
                public int Id { get; set; }
                [MaxLength(20)] public string Number { get; set; } = "";
            }
            """);
        Write("Infrastructure/Infrastructure.csproj", Project("Microsoft.NET.Sdk", """<ProjectReference Include="../Domain/Domain.csproj" />""",
            $"""<PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="{Projects.EfCoreVersion}" />"""));
        Write("Infrastructure/ShopContext.cs", """
            using Microsoft.EntityFrameworkCore;
            using Shop.Domain;
            namespace Shop.Data;
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
            public class OrderRepository(ShopContext db)
            {
                public Task<Order?> Find(int id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id);
            }
            """);
        Write("Web/Web.csproj", Project("Microsoft.NET.Sdk.Web", """<ProjectReference Include="../Infrastructure/Infrastructure.csproj" />""", ""));
        Write("Web/Program.cs", """
            using Microsoft.EntityFrameworkCore;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlServer(builder.Configuration.GetConnectionString("Shop")));
            builder.Services.AddScoped<Shop.Data.OrderRepository>();
            builder.Build().Run();
            """);
        Write("Web/appsettings.json", """{ "ConnectionStrings": { "Shop": "Server=db;Database=Shop;User Id=app;Password=Web-S3cret" } }""");

        var build = Dotnet.Run(root, "build", Path.Combine(root, "Web", "Web.csproj"), "-nologo", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);

        var report = File.ReadAllText(Path.Combine(root, "Web", "DATA_LAYER.md"));
        Assert.Contains("EF Core DbContext `Shop.Data.ShopContext`, declared at [../Infrastructure/ShopContext.cs:4](../Infrastructure/ShopContext.cs#L4).", report);
        Assert.Contains("| Registration | `AddDbContext<ShopContext>`, lifetime Scoped | [Program.cs:3](Program.cs#L3) |", report);
        Assert.Contains("Password=***", report);
        Assert.DoesNotContain("Web-S3cret", report);
        Assert.Contains("##### Table `Orders`", report);
        Assert.Contains("| `Shop.Data.OrderRepository` | repository |", report);
        Assert.Contains("`AddScoped<OrderRepository>` (scoped) [Program.cs:4](Program.cs#L4)", report);
        Assert.Contains("| `Shop.Domain.Order` | yes | `Number` | `[MaxLength(20)]` | [../Domain/Order.cs:6](../Domain/Order.cs#L6) |", report);
        // Columns of an entity compiled in Domain link to Domain's source, through Domain's fragment.
        // Infrastructure chooses no provider; the host's UseSqlServer gives the store types, as EF would map them there.
        Assert.Contains("| `Number` | `System.String` | `nvarchar(20)` | no | 20 |  | Order.Number [../Domain/Order.cs:6](../Domain/Order.cs#L6); `[MaxLength(20)]` |", report);
        Assert.Contains("- Primary key `PK_Orders` (`Id`): [../Domain/Order.cs:5](../Domain/Order.cs#L5)", report);
        Assert.DoesNotContain("/tmp", report);

        // A no-op rebuild gives the same bytes.
        var again = Dotnet.Run(root, "build", Path.Combine(root, "Web", "Web.csproj"), "-nologo", "-clp:NoSummary");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(report, File.ReadAllText(Path.Combine(root, "Web", "DATA_LAYER.md")));

        // The CI gate covers the solution: current reports pass; a change in Domain makes the reports that show it stale.
        var verify = Dotnet.Run(root, "build", Path.Combine(root, "Web", "Web.csproj"), "-nologo", "-clp:NoSummary", "-p:DataDocGenVerify=true");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Write("Domain/Order.cs", File.ReadAllText(Path.Combine(root, "Domain", "Order.cs")).Replace("[MaxLength(20)]", "[MaxLength(30)]"));
        var stale = Dotnet.Run(root, "build", Path.Combine(root, "Web", "Web.csproj"), "-nologo", "-clp:NoSummary", "-p:DataDocGenVerify=true");
        Assert.NotEqual(0, stale.ExitCode);
        // The verify property reaches every project: Domain's own report is the first stale one to stop the build.
        Assert.Matches(@"DATA_LAYER\.md\(\d+\): error DDG101: .*DATA_LAYER\.md is out of date: .*sections changed: Data annotations", stale.Output);
        Assert.Contains("Refresh it with `dotnet build \"" + Path.Combine(root, "Domain", "Domain.csproj") + "\" -p:DataDocGenVerify=false`", stale.Output);
    }

    /// <summary>The recommended set-up: one Directory.Build.props names the solution report and the top project.</summary>
    [Fact]
    public void Solution_report_set_up_in_Directory_Build_props_goes_to_the_root_and_only_the_top_project_writes_it()
    {
        var root = fixture.NewFolder("SolutionReport");
        void Write(string path, string content)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content.Replace("\r\n", "\n"));
        }
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <DataDocGenSolutionReport>$(MSBuildThisFileDirectory)DATA_LAYER.md</DataDocGenSolutionReport>
                <DataDocGenSolutionReportProject>Shop.Web</DataDocGenSolutionReportProject>
              </PropertyGroup>
            </Project>
            """);
        Write("Shop.Data/Shop.Data.csproj", Projects.Library());
        Write("Shop.Data/ShopContext.cs", """
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Data;
            public class Order { public int Id { get; set; } }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Order> Orders => Set<Order>(); }
            """);
        Write("Shop.Audit/Shop.Audit.csproj", Projects.Library());
        Write("Shop.Audit/AuditContext.cs", """
            using Microsoft.EntityFrameworkCore;
            namespace Shop.Audit;
            public class AuditEntry { public int Id { get; set; } }
            public class AuditContext(DbContextOptions<AuditContext> options) : DbContext(options) { public DbSet<AuditEntry> Entries => Set<AuditEntry>(); }
            """);
        Write("Shop.Web/Shop.Web.csproj", Projects.Library().Replace("</ItemGroup>",
            """<ProjectReference Include="../Shop.Data/Shop.Data.csproj" /><ProjectReference Include="../Shop.Audit/Shop.Audit.csproj" /></ItemGroup>"""));
        Write("Shop.Web/Startup.cs", """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;
            public static class Startup
            {
                public static void Add(IServiceCollection s) => s.AddDbContext<Shop.Data.ShopContext>(o => o.UseSqlite("Data Source=shop.db"));
            }
            """);
        var web = Path.Combine(root, "Shop.Web", "Shop.Web.csproj");

        var build = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);
        var report = File.ReadAllText(Path.Combine(root, "DATA_LAYER.md"));
        // Links are relative to the repository root, where the report is.
        Assert.Contains("EF Core DbContext `Shop.Data.ShopContext`, declared at [Shop.Data/ShopContext.cs:4](Shop.Data/ShopContext.cs#L4).", report);
        Assert.Contains("[Shop.Web/Startup.cs:5](Shop.Web/Startup.cs#L5)", report);
        Assert.Contains("AuditContext", report);
        foreach (var project in new[] { "Shop.Data", "Shop.Audit", "Shop.Web" })
        {
            Assert.False(File.Exists(Path.Combine(root, project, "DATA_LAYER.md")), project + " wrote a project-folder report");
            Assert.True(File.Exists(Path.Combine(root, project, "bin", "Debug", "net10.0", "DATA_LAYER.md")), project + " has no report in its build output");
        }

        // The CI gate on the solution report: current passes; a change in a referenced project fails with the command that refreshes it.
        var verify = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary", "-p:DataDocGenVerify=true");
        Assert.True(verify.ExitCode == 0, verify.Output);
        Write("Shop.Data/ShopContext.cs", File.ReadAllText(Path.Combine(root, "Shop.Data", "ShopContext.cs")).Replace("public int Id { get; set; }", "public int Id { get; set; } public string? Note { get; set; }"));
        var stale = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary", "-p:DataDocGenVerify=true");
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Matches(@"error DDG101: .*DATA_LAYER\.md is out of date: .*sections changed: ", stale.Output);
        Assert.Contains("Refresh it with `dotnet build \"" + web + "\" -p:DataDocGenVerify=false`", stale.Output);
        var refresh = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary", "-p:DataDocGenVerify=false");
        Assert.True(refresh.ExitCode == 0, refresh.Output);
        Assert.Contains("`Note`", File.ReadAllText(Path.Combine(root, "DATA_LAYER.md")));

        // A referenced project can be left out of the merge by name.
        var excluded = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary", "-p:DataDocGenExcludeProjects=Shop.Audit");
        Assert.True(excluded.ExitCode == 0, excluded.Output);
        var withoutAudit = File.ReadAllText(Path.Combine(root, "DATA_LAYER.md"));
        Assert.DoesNotContain("AuditContext", withoutAudit);
        Assert.Contains("Shop.Data.ShopContext", withoutAudit);

        // A namespace can be left out too: each project applies it to its own facts (the property reaches all of them).
        var withoutNamespace = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary", "-p:DataDocGenExcludeNamespaces=Shop.Audit");
        Assert.True(withoutNamespace.ExitCode == 0, withoutNamespace.Output);
        var namespaceReport = File.ReadAllText(Path.Combine(root, "DATA_LAYER.md"));
        Assert.DoesNotContain("AuditContext", namespaceReport);
        Assert.Contains("Shop.Data.ShopContext", namespaceReport);

        // A solution report with no project named to write it says so.
        Write("Directory.Build.props", File.ReadAllText(Path.Combine(root, "Directory.Build.props")).Replace("<DataDocGenSolutionReportProject>Shop.Web</DataDocGenSolutionReportProject>", ""));
        var unnamed = Dotnet.Run(root, "build", web, "-nologo", "-clp:NoSummary");
        Assert.True(unnamed.ExitCode == 0, unnamed.Output);
        Assert.Contains("warning DDG104", unnamed.Output);
    }

    [Fact]
    public void Two_independent_data_layers_each_get_only_their_own_context()
    {
        var root = fixture.NewFolder("TwoHosts");
        void Write(string path, string content)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content.Replace("\r\n", "\n"));
        }
        foreach (var (name, entity) in new[] { ("Billing", "Invoice"), ("Catalog", "Product") })
        {
            Write($"{name}.Data/{name}.Data.csproj", Projects.Library());
            Write($"{name}.Data/{name}Context.cs", $$"""
                using Microsoft.EntityFrameworkCore;
                namespace {{name}};
                public class {{entity}} { public int Id { get; set; } }
                public class {{name}}Context(DbContextOptions<{{name}}Context> options) : DbContext(options) { public DbSet<{{entity}}> {{entity}}s => Set<{{entity}}>(); }
                """);
            Write($"{name}.Host/{name}.Host.csproj", Projects.Library().Replace("</ItemGroup>", $"""<ProjectReference Include="../{name}.Data/{name}.Data.csproj" /></ItemGroup>"""));
            Write($"{name}.Host/Startup.cs", $$"""
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.DependencyInjection;
                public static class Startup { public static void Add(IServiceCollection s) => s.AddDbContext<{{name}}.{{name}}Context>(o => o.UseSqlite("Data Source={{name}}.db")); }
                """);
        }
        foreach (var name in new[] { "Billing", "Catalog" })
        {
            var build = Dotnet.Run(root, "build", Path.Combine(root, name + ".Host", name + ".Host.csproj"), "-nologo", "-clp:NoSummary");
            Assert.True(build.ExitCode == 0, build.Output);
        }
        var billing = File.ReadAllText(Path.Combine(root, "Billing.Host", "DATA_LAYER.md"));
        var catalog = File.ReadAllText(Path.Combine(root, "Catalog.Host", "DATA_LAYER.md"));
        Assert.Contains("#### BillingContext", billing);
        Assert.Contains("##### Table `Invoices`", billing);
        Assert.DoesNotContain("Catalog", billing);
        Assert.Contains("#### CatalogContext", catalog);
        Assert.DoesNotContain("Billing", catalog);
    }

    [Fact]
    public void Consumer_assembly_gets_nothing_from_DataDocGen()
    {
        var with = Consumer.Create(fixture, "Shape", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));
        var without = Consumer.Create(fixture, "Shape", Projects.Library("<DataDocGenEnabled>false</DataDocGenEnabled>"), ("Data/ShopContext.cs", Projects.ShopContext));

        with.BuildSucceeds();
        without.BuildSucceeds();

        Assert.True(File.Exists(with.ReportPath));
        Assert.False(File.Exists(without.ReportPath));
        Assert.Equal(without.AssemblyShape(), with.AssemblyShape());
        Assert.DoesNotContain("DataDocGen", with.AssemblyShape());
    }

    [Fact]
    public void Same_project_in_two_folders_gives_byte_identical_reports()
    {
        var first = Consumer.Create(fixture, "Twin", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));
        var second = Consumer.Create(fixture, "Twin", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));
        Assert.NotEqual(first.Folder, second.Folder);

        first.BuildSucceeds();
        second.BuildSucceeds();

        Assert.Equal(File.ReadAllBytes(first.ReportPath), File.ReadAllBytes(second.ReportPath));
        Assert.Equal(File.ReadAllBytes(first.OutputPath("DATA_LAYER.json")), File.ReadAllBytes(second.OutputPath("DATA_LAYER.json")));
        Assert.DoesNotContain(fixture.Root, first.Report);
        Assert.DoesNotContain('\r', first.Report);
    }

    [Fact]
    public void Web_app_reports_its_registration_and_redacted_appsettings_values()
    {
        var consumer = Consumer.Create(fixture, "ShopWeb", $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DataDocGen" Version="{PackageFixture.Version}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{Projects.EfCoreVersion}" />
              </ItemGroup>
            </Project>
            """,
            ("Program.cs", """
                using Microsoft.EntityFrameworkCore;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDbContextPool<AppDb>(
                    o => o.UseSqlite(builder.Configuration.GetConnectionString("Main")),
                    poolSize: 32);
                var app = builder.Build();
                app.Run();

                public class Note { public int Id { get; set; } }
                public class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
                {
                    public DbSet<Note> Notes => Set<Note>();
                }
                """),
            ("appsettings.json", """
                {
                  "ConnectionStrings": {
                    "Main": "Data Source=app.db;Password=WebS3cret-Base"
                  }
                }
                """),
            ("appsettings.Development.json", """
                {
                  "ConnectionStrings": { "Main": "Data Source=dev.db;Password=WebS3cret-Dev" }
                }
                """));

        consumer.BuildSucceeds();

        var report = consumer.Report;
        Assert.Contains("`AddDbContextPool<AppDb>`, pool size 32", report);
        Assert.Contains("| `ConnectionStrings:Main` | base file (replaced in Development) | `Data Source=app.db;Password=***` | [appsettings.json:3](appsettings.json#L3) |", report);
        Assert.Contains("| `ConnectionStrings:Main` | Development | `Data Source=dev.db;Password=***` | [appsettings.Development.json:2](appsettings.Development.json#L2) |", report);
        var everything = report + File.ReadAllText(consumer.OutputPath("DATA_LAYER.json"));
        Assert.DoesNotContain("WebS3cret", everything);
    }

    [Fact]
    public void Project_without_EF_Core_gets_a_short_report()
    {
        var consumer = Consumer.Create(fixture, "Plain", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DataDocGen" Version="{PackageFixture.Version}" />
              </ItemGroup>
            </Project>
            """,
            ("Program.cs", "System.Console.WriteLine(\"hello\");"));

        consumer.BuildSucceeds();

        Assert.Equal(
            "# Data layer: Plain\n\nGenerated by DataDocGen from the source code: every fact links to the code that shows it. Do not edit by hand; rebuild to refresh.\n\nDataDocGen found no data layer in this project.\n",
            consumer.Report);
    }

    [Fact]
    public void Multi_targeted_project_built_in_parallel_gets_one_consistent_report()
    {
        var consumer = Consumer.Create(fixture, "Multi",
            Projects.Library(framework: "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", efVersion: "8.0.34"),
            ("Data/ShopContext.cs", Projects.ShopContext));

        consumer.BuildSucceeds("-m");

        var report = consumer.Report;
        Assert.Contains("#### ShopContext", report);
        Assert.Equal(report, File.ReadAllText(consumer.OutputPath("DATA_LAYER.md", "net8.0")));
        Assert.Equal(report, File.ReadAllText(consumer.OutputPath("DATA_LAYER.md", "net10.0")));
        Assert.Empty(Directory.GetFiles(consumer.Folder, ".DATA_LAYER.md.*.tmp"));
    }

    /// <summary>Issue 7: 20 consecutive parallel builds of both frameworks, each changing the report (a column comes and
    /// goes), give every time the one report its code produces, the same in the project and both outputs, and no
    /// temporary file left behind.</summary>
    [Fact]
    public void Twenty_consecutive_parallel_multi_target_builds_give_identical_reports()
    {
        var consumer = Consumer.Create(fixture, "Multi20",
            Projects.Library(framework: "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", efVersion: "8.0.34"),
            ("Data/ShopContext.cs", Projects.ShopContext));
        var without = Projects.ShopContext;
        var with = Projects.ShopContext.Replace("public int Id { get; set; }", "public int Id { get; set; }\n    public string? Note { get; set; }");
        var expected = new Dictionary<bool, string>();
        for (var build = 0; build < 20; build++)
        {
            var withNote = build % 2 == 1;
            consumer.Write("Data/ShopContext.cs", withNote ? with : without);
            consumer.BuildSucceeds("-m");
            var report = consumer.Report;
            Assert.Equal(withNote, report.Contains("`Note`", StringComparison.Ordinal));
            if (!expected.TryAdd(withNote, report)) Assert.Equal(expected[withNote], report);
            Assert.Equal(report, File.ReadAllText(consumer.OutputPath("DATA_LAYER.md", "net8.0")));
            Assert.Equal(report, File.ReadAllText(consumer.OutputPath("DATA_LAYER.md", "net10.0")));
            Assert.DoesNotContain(Directory.GetFiles(consumer.Folder, "*.tmp", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith(".DATA_LAYER", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("6.0.7")]
    [InlineData("9.0.23")]
    public void Older_EF_Core_versions_are_read_the_same_way(string efVersion)
    {
        var consumer = Consumer.Create(fixture, "Ef" + efVersion.Replace(".", ""), Projects.Library(efVersion: efVersion), ("Data/ShopContext.cs", Projects.ShopContext + """

            public static class Registration
            {
                public static void Add(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
                    Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContextPool<ShopContext>(services, o => o.UseSqlite("Data Source=pooled.db"));
            }
            """));

        consumer.BuildSucceeds();

        Assert.Contains("| Provider | SQLite: `UseSqlite` in `OnConfiguring` | [Data/ShopContext.cs:15](Data/ShopContext.cs#L15) |", consumer.Report);
        Assert.Contains("| `Shop.Data.Order` | `Orders` [Data/ShopContext.cs:12](Data/ShopContext.cs#L12) | `Orders` |", consumer.Report);
        // The default pool size is read from the referenced EF Core's own method signature.
        Assert.Contains("`AddDbContextPool<ShopContext>`, pool size 1024 (the method's default)", consumer.Report);
    }

    [Fact]
    public void Project_that_does_not_compile_fails_for_its_own_errors_only()
    {
        var consumer = Consumer.Create(fixture, "Broken", Projects.Library(),
            ("Data/ShopContext.cs", Projects.ShopContext.Replace("public DbSet<Order> Orders", "public DbSet<Order> Orders => NotDefined;\n    public DbSet<Order> Others")));

        var result = consumer.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error CS0103", result.Output);
        Assert.DoesNotContain("CS8785", result.Output);
        Assert.DoesNotContain("DDG", result.Output);
    }

    [Fact]
    public void TreatWarningsAsErrors_project_builds_and_a_DataDocGen_failure_stays_a_warning()
    {
        // Data-access findings stay warnings too: adopting the package does not fail the build.
        var clean = Consumer.Create(fixture, "Strict", Projects.Library("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"),
            ("Data/ShopContext.cs", Projects.ShopContext), ("Data/Lookups.cs", Lookups));
        var cleanResult = clean.BuildSucceeds();
        Assert.Contains("warning DDG1001", cleanResult.Output);
        Assert.DoesNotContain(": error ", cleanResult.Output);
        Assert.True(File.Exists(clean.ReportPath));
        // ...unless the project asks for them to follow TreatWarningsAsErrors.
        var opted = clean.Build("-p:DataDocGenFindingsStayWarnings=false", "--no-incremental");
        Assert.NotEqual(0, opted.ExitCode);
        Assert.Contains("error DDG1001", opted.Output);

        var failing = Consumer.Create(fixture, "Strict", Projects.Library("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"), ("Data/ShopContext.cs", Projects.ShopContext));
        var result = failing.BuildSucceeds("-p:DataDocGenSimulateFailure=true");

        Assert.Contains("warning DDG001", result.Output);
        Assert.Contains("Simulated failure", result.Output);
        Assert.DoesNotContain(": error ", result.Output);
        Assert.False(File.Exists(failing.ReportPath), "no report is written when DataDocGen failed");
    }

    private const string Lookups = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Caching.Memory;

        namespace Shop.Data;

        public static class Lookups
        {
            public static int Count(ShopContext db, int[] ids)
            {
                var n = 0;
                foreach (var id in ids) n += db.Orders.Count(o => o.Id == id);
                return n;
            }

            public static void Remember(IMemoryCache cache) => cache.Set("orders:all", 1);
        }
        """;

    [Fact]
    public void Data_access_findings_are_build_warnings_that_editorconfig_can_raise_or_silence()
    {
        var consumer = Consumer.Create(fixture, "Findings", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext), ("Data/Lookups.cs", Lookups));
        var result = consumer.BuildSucceeds();
        Assert.Matches(@"Lookups\.cs\(11,\d+\): warning DDG1001: 'Count' runs a database query on every iteration of the loop at line 11 \(N\+1 risk\)", result.Output);
        Assert.Matches(@"Lookups\.cs\(15,\d+\): warning DDG1003", result.Output);

        consumer.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.DDG1001.severity = error
            dotnet_diagnostic.DDG1003.severity = none
            """);
        var configured = consumer.Build();
        Assert.NotEqual(0, configured.ExitCode);
        Assert.Contains("error DDG1001", configured.Output);
        Assert.DoesNotContain("DDG1003", configured.Output);
    }

    [Fact]
    public void Verify_mode_fails_on_a_stale_report_and_passes_on_a_fresh_one()
    {
        var consumer = Consumer.Create(fixture, "Gate", Projects.Library(), ("Data/ShopContext.cs", Projects.ShopContext));

        var missing = consumer.Build("-p:DataDocGenVerify=true");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("error DDG101", missing.Output);
        Assert.False(File.Exists(consumer.ReportPath), "verify mode writes nothing into the project");

        consumer.BuildSucceeds();
        var stale = consumer.Report.Replace("ShopContext", "OldContext");
        File.WriteAllText(consumer.ReportPath, stale);

        var failed = consumer.Build("-p:DataDocGenVerify=true");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error DDG101", failed.Output);
        Assert.Contains("DATA_LAYER.md is out of date", failed.Output);
        Assert.Contains("sections changed: ", failed.Output);
        Assert.Equal(stale, consumer.Report);

        consumer.BuildSucceeds();
        File.WriteAllText(consumer.ReportPath, consumer.Report.Replace("\n", "\r\n")); // a Windows checkout
        consumer.BuildSucceeds("-p:DataDocGenVerify=true");
    }

    [Fact]
    public void Empty_report_path_keeps_the_report_out_of_the_project_folder()
    {
        var consumer = Consumer.Create(fixture, "NoCommit", Projects.Library("<DataDocGenReportPath></DataDocGenReportPath>"), ("Data/ShopContext.cs", Projects.ShopContext));

        consumer.BuildSucceeds();

        Assert.False(File.Exists(consumer.ReportPath));
        Assert.True(File.Exists(consumer.OutputPath("DATA_LAYER.md")));
        Assert.True(File.Exists(consumer.OutputPath("DATA_LAYER.json")));
    }

    [Fact]
    public void Turning_off_EmitCompilerGeneratedFiles_gives_a_clear_warning()
    {
        var consumer = Consumer.Create(fixture, "NoEmit", Projects.Library("<EmitCompilerGeneratedFiles>false</EmitCompilerGeneratedFiles>"), ("Data/ShopContext.cs", Projects.ShopContext));

        var result = consumer.BuildSucceeds();

        Assert.Contains("warning DDG102", result.Output);
        Assert.Contains("EmitCompilerGeneratedFiles", result.Output);
    }
}
