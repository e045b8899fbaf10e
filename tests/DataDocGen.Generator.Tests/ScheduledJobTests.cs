using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Jobs handed to Hangfire and Quartz.NET (5.2): the job, its id or key, when it runs (cron helpers resolved as
/// Hangfire resolves them), and the data the method or job class moves; their own stores; look-alikes are nothing.</summary>
public class ScheduledJobTests
{

    private const string Data = """
        namespace Shop.Data
        {
            public class ShopContext : DbContext
            {
                public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>();
                protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlite("Data Source=shop.db");
            }
            public class ArchiveContext : DbContext
            {
                public DbSet<Shop.Domain.Customer> Customers => Set<Shop.Domain.Customer>();
                protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlServer("Server=archive;Database=Archive");
            }
            public class OrderReader(ShopContext db)
            {
                public System.Collections.Generic.List<Shop.Domain.Order> Due() => db.Orders.Where(o => o.Id > 0).ToList();
            }
        }
        """;

    private static readonly Dictionary<string, string> Hangfire = Sources.With(("Data/Contexts.cs", Data),
        ("Jobs/ArchiveJob.cs", """
            using Hangfire;
            namespace Shop.Jobs
            {
                public class ArchiveJob(Shop.Data.OrderReader reader, Shop.Data.ArchiveContext archive)
                {
                    public void Run()
                    {
                        foreach (var order in reader.Due())
                        {
                            archive.Customers.Add(new Shop.Domain.Customer { Id = order.CustomerId });
                        }
                        archive.SaveChanges();
                    }
                    public void Ping() { }
                }
            }
            """),
        ("Jobs/Schedules.cs", """
            using Hangfire;
            namespace Shop.Jobs
            {
                public static class Schedules
                {
                    public static void Register(IRecurringJobManager manager, IBackgroundJobClient client, string cron)
                    {
                        RecurringJob.AddOrUpdate<ArchiveJob>("archive-orders", x => x.Run(), Cron.Daily(3));
                        manager.AddOrUpdate<ArchiveJob>("archive-hourly", job => job.Run(), "15 * * * *");
                        client.Enqueue<ArchiveJob>(x => x.Run());
                        BackgroundJob.Schedule<ArchiveJob>(x => x.Run(), System.TimeSpan.FromMinutes(5));
                        RecurringJob.AddOrUpdate<ArchiveJob>("archive-configured", x => x.Run(), cron);
                        RecurringJob.AddOrUpdate<ArchiveJob>("ping", x => x.Ping(), Cron.Minutely);
                    }
                }
            }
            """));

    [Fact]
    public void A_Hangfire_job_lists_its_registrations_and_the_data_its_method_moves()
    {
        var md = GeneratorHarness.Run(Hangfire).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.ArchiveJob.Run`", StringComparison.Ordinal));
        Assert.Equal("| `Shop.Jobs.ArchiveJob.Run` | Hangfire job | "
            + "`RecurringJob.AddOrUpdate` id `archive-orders`: cron `0 3 * * *` (`Cron.Daily(3)`) [Jobs/Schedules.cs:13](Jobs/Schedules.cs#L13)<br>"
            + "`IRecurringJobManager.AddOrUpdate` id `archive-hourly`: cron `15 * * * *` [Jobs/Schedules.cs:14](Jobs/Schedules.cs#L14)<br>"
            + "`IBackgroundJobClient.Enqueue`: enqueued once (fire-and-forget) [Jobs/Schedules.cs:15](Jobs/Schedules.cs#L15)<br>"
            + "`BackgroundJob.Schedule`: scheduled once, after `System.TimeSpan.FromMinutes(5)` [Jobs/Schedules.cs:16](Jobs/Schedules.cs#L16)<br>"
            + "`RecurringJob.AddOrUpdate` id `archive-configured`: cron `cron` (not a constant) [Jobs/Schedules.cs:17](Jobs/Schedules.cs#L17) | "
            + "reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/ArchiveJob.cs:13](Jobs/ArchiveJob.cs#L13)<br>"
            + "creates `Shop.Domain.Customer` with `Add` [Jobs/ArchiveJob.cs:15](Jobs/ArchiveJob.cs#L15) | [Jobs/ArchiveJob.cs:11](Jobs/ArchiveJob.cs#L11) |", row);
    }

    [Fact]
    public void Jobs_are_in_the_json_and_follow_the_namespace_choice()
    {
        var json = GeneratorHarness.Run(Hangfire).Json!;
        Assert.Contains("\"job\": \"Shop.Jobs.ArchiveJob.Run\"", json);
        Assert.Contains("\"kind\": \"Hangfire job\"", json);
        Assert.Contains("\"text\": \"`RecurringJob.AddOrUpdate` id `archive-orders`: cron `0 3 * * *` (`Cron.Daily(3)`)\"", json);
        Assert.Contains("\"through\": \"OrderReader.Due\"", json);

        var md = GeneratorHarness.Run(Hangfire, properties: new Dictionary<string, string> { ["DataDocGenExcludeNamespaces"] = "Shop.Jobs" }).Markdown!;
        Assert.DoesNotContain("ArchiveJob", md);
    }

    [Fact]
    public void A_Hangfire_job_whose_method_touches_no_data_is_not_listed()
    {
        var md = GeneratorHarness.Run(Hangfire).Markdown!;
        Assert.DoesNotContain("ArchiveJob.Ping", md);
    }

    /// <summary>Hangfire is the judge of what its <c>Cron</c> helpers return: each expression the report states is the one
    /// Hangfire.Core's own helper gives.</summary>
    [Theory]
    [InlineData("Cron.Minutely()")]
    [InlineData("Cron.Minutely")]
    [InlineData("Cron.Hourly()")]
    [InlineData("Cron.Hourly(15)")]
    [InlineData("Cron.Daily")]
    [InlineData("Cron.Daily()")]
    [InlineData("Cron.Daily(3)")]
    [InlineData("Cron.Daily(3, 30)")]
    [InlineData("Cron.Daily(minute: 10, hour: 4)")]
    [InlineData("Cron.Weekly()")]
    [InlineData("Cron.Weekly(System.DayOfWeek.Friday)")]
    [InlineData("Cron.Weekly(System.DayOfWeek.Sunday, 6, 45)")]
    [InlineData("Cron.Monthly()")]
    [InlineData("Cron.Monthly(15)")]
    [InlineData("Cron.Monthly(15, 2, 5)")]
    [InlineData("Cron.Yearly()")]
    [InlineData("Cron.Yearly(6)")]
    [InlineData("Cron.Yearly(6, 20, 1, 5)")]
    [InlineData("Cron.Never()")]
    public void Cron_helpers_are_resolved_to_the_expression_Hangfire_returns(string helper)
    {
        var expected = Evaluate(helper);
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Job.cs", $$"""
            using Hangfire;
            namespace Shop.Jobs
            {
                public class CopyJob(Shop.Data.OrderReader reader) { public int Run() => reader.Due().Count; }
                public static class Schedules { public static void Register() => RecurringJob.AddOrUpdate<CopyJob>("copy", x => x.Run(), {{helper}}); }
            }
            """))).Markdown!;
        Assert.Contains("`RecurringJob.AddOrUpdate` id `copy`: cron `" + expected + "` (`" + helper + "`)", md);
    }

    private static string Evaluate(string helper)
    {
        // Hangfire.Core's Cron class itself, called with the helper's arguments.
        var open = helper.IndexOf('(');
        var name = (open < 0 ? helper : helper.Substring(0, open)).Substring("Cron.".Length);
        var text = open < 0 ? "" : helper.Substring(open + 1, helper.Length - open - 2);
        var arguments = text.Length == 0 ? [] : text.Split(',').Select(a => a.Trim()).ToArray();
        var named = arguments.Where(a => a.Contains(':')).ToDictionary(a => a.Split(':')[0].Trim(), a => a.Split(':')[1].Trim());
        var method = typeof(global::Hangfire.Cron).GetMethods().Single(m => m.Name == name && m.GetParameters().Length == arguments.Length
            && (named.Count == 0 || m.GetParameters().All(p => named.ContainsKey(p.Name!))));
        var values = method.GetParameters().Select((p, i) =>
        {
            var value = named.Count == 0 ? arguments[i] : named[p.Name!];
            return p.ParameterType == typeof(DayOfWeek) ? Enum.Parse<DayOfWeek>(value.Substring("System.DayOfWeek.".Length)) : (object)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }).ToArray();
        return (string)method.Invoke(null, values)!;
    }

    [Fact]
    public void Hangfire_storage_is_a_store_with_its_connection_source_redacted()
    {
        var md = GeneratorHarness.Run(Sources.With(("Startup.cs", """
            using Hangfire;
            namespace Shop
            {
                public static class Startup
                {
                    public static void Configure(IConfiguration config)
                    {
                        GlobalConfiguration.Configuration.UseSqlServerStorage(config.GetConnectionString("Jobs"));
                        GlobalConfiguration.Configuration.UseSqlServerStorage("Server=jobs;Database=Hangfire;Password=hunter2");
                        GlobalConfiguration.Configuration.UseInMemoryStorage();
                    }
                }
            }
            """)), new Dictionary<string, string> { ["appsettings.json"] = """{ "ConnectionStrings": { "Jobs": "Server=jobs;Database=Hangfire;Password=s3cret" } }""" }).Markdown!;
        Assert.Contains("| SQL Server (SQL) | SqlServerStorage (Hangfire.SqlServer, Hangfire's job storage) | `UseSqlServerStorage` | named connection string `Jobs` (configuration key `ConnectionStrings:Jobs`) [Startup.cs:13](Startup.cs#L13) |", md);
        Assert.Contains("| SQL Server (SQL) | SqlServerStorage (Hangfire.SqlServer, Hangfire's job storage) | `UseSqlServerStorage` | constant in code: `Server=jobs;Database=Hangfire;Password=***` [Startup.cs:14](Startup.cs#L14) |", md);
        Assert.Contains("| Process memory | InMemoryStorage (Hangfire.InMemory, Hangfire's job storage) | `UseInMemoryStorage` | not passed here |", md);
        Assert.DoesNotContain("hunter2", md);
        Assert.DoesNotContain("s3cret", md);
    }

    [Fact]
    public void Quartz_triggers_attach_only_to_the_job_of_their_constant_key()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Jobs.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using Quartz;
            namespace Shop.Jobs
            {
                public class CopyJob(Shop.Data.OrderReader reader) : IJob
                {
                    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) { reader.Due(); return ValueTask.CompletedTask; }
                }
                public class UnnamedJob(Shop.Data.OrderReader reader) : IJob
                {
                    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) { reader.Due(); return ValueTask.CompletedTask; }
                }
                public class SharedJob(Shop.Data.OrderReader reader) : IJob
                {
                    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) { reader.Due(); return ValueTask.CompletedTask; }
                }
                public static class Scheduling
                {
                    public static void Configure(IServiceCollection services, string name) => services.AddQuartz(q =>
                    {
                        q.AddJob<CopyJob>(j => j.WithIdentity("copy", "nightly"));
                        q.AddTrigger(t => t.ForJob("copy").WithCronSchedule("0 0 1 * * ?"));
                        q.AddTrigger(t => t.ForJob(name).WithCronSchedule("0 0 2 * * ?"));
                        q.AddTrigger(t => t.ForJob(new JobKey("copy", "nightly")).WithSimpleSchedule(System.TimeSpan.FromHours(1)));
                        q.AddJob<UnnamedJob>(j => j.StoreDurably());
                        q.ScheduleJob<SharedJob>(t => t.WithIdentity("shared").WithSimpleSchedule(System.TimeSpan.FromMinutes(5), 3));
                    });
                }
            }
            """))).Markdown!;
        // ForJob("copy") is (DEFAULT, copy), not the job (nightly, copy); a key that is not a constant links to nothing.
        var copy = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.CopyJob`", StringComparison.Ordinal));
        Assert.Contains("`AddJob` job `copy` in group `nightly`: fired by the triggers for its key [Jobs/Jobs.cs:27](Jobs/Jobs.cs#L27)<br>"
            + "`AddTrigger` for job `copy` in group `nightly`: every `System.TimeSpan.FromHours(1)`, repeated forever [Jobs/Jobs.cs:30](Jobs/Jobs.cs#L30) |", copy);
        Assert.DoesNotContain("0 0 1 * * ?", md);
        Assert.DoesNotContain("0 0 2 * * ?", md);
        Assert.Contains("| `Shop.Jobs.UnnamedJob` | Quartz.NET IJob | `AddJob`: fired by its triggers (no identity given: Quartz generates one) [Jobs/Jobs.cs:31](Jobs/Jobs.cs#L31) |", md);
        // ScheduleJob<T>: the job takes the trigger's identity unless given one of its own.
        Assert.Contains("| `Shop.Jobs.SharedJob` | Quartz.NET IJob | `ScheduleJob` job `shared`: every `System.TimeSpan.FromMinutes(5)`, repeat count 3 [Jobs/Jobs.cs:32](Jobs/Jobs.cs#L32) |", md);
    }

    [Fact]
    public void Hangfire_ids_that_are_not_constants_and_jobs_on_interfaces()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Jobs.cs", """
            using Hangfire;
            namespace Shop.Jobs
            {
                public interface ICopyJob { int Run(); }
                public class CopyJob(Shop.Data.OrderReader reader) : ICopyJob { public int Run() => reader.Due().Count; }
                public static class Schedules
                {
                    public static void Register(string id)
                    {
                        RecurringJob.AddOrUpdate<CopyJob>(id, x => x.Run(), Cron.Hourly(30));
                        RecurringJob.AddOrUpdate<ICopyJob>("through-interface", x => x.Run(), Cron.Daily());
                    }
                }
            }
            """))).Markdown!;
        Assert.Contains("| `Shop.Jobs.CopyJob.Run` | Hangfire job | `RecurringJob.AddOrUpdate` id `id` (not a constant): cron `30 * * * *` (`Cron.Hourly(30)`) [Jobs/Jobs.cs:15](Jobs/Jobs.cs#L15) |", md);
        // The container chooses the implementation of an interface job: with no registration here, the only class of this
        // project implementing it is named as such.
        Assert.Contains("| `Shop.Jobs.ICopyJob.Run`<br>implemented by `CopyJob.Run` [Jobs/Jobs.cs:10](Jobs/Jobs.cs#L10) (the only implementation in this project; no registration found here) | Hangfire job | "
            + "`RecurringJob.AddOrUpdate` id `through-interface`: cron `0 0 * * *` (`Cron.Daily()`) [Jobs/Jobs.cs:16](Jobs/Jobs.cs#L16) | "
            + "reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/Jobs.cs:10](Jobs/Jobs.cs#L10) | [Jobs/Jobs.cs:9](Jobs/Jobs.cs#L9) |", md);
    }

    private const string ReportJobs = """
        using System.Threading.Tasks;
        using Hangfire;
        namespace Shop.Jobs
        {
            public interface IReportJob { Task RunAsync(); }
            public sealed class ReportJob(Shop.Data.OrderReader reader) : IReportJob
            {
                public Task RunAsync() { reader.Due(); return Task.CompletedTask; }
            }
            public sealed class ArchiveReportJob(Shop.Data.ArchiveContext archive) : IReportJob
            {
                public Task RunAsync() => archive.Customers.Where(c => c.Id < 0).ExecuteDeleteAsync();
            }
            public interface IEmailSender { Task SendAsync(int id); }
            public sealed class EmailSender(Shop.Data.ArchiveContext archive) : IEmailSender
            {
                public Task SendAsync(int id) { archive.Customers.Add(new Shop.Domain.Customer { Id = id }); return archive.SaveChangesAsync(); }
            }
            public sealed class TestEmailSender : IEmailSender { public Task SendAsync(int id) => Task.CompletedTask; }
            public abstract class CleanupJob { public abstract int Run(); }
            public sealed class OrderCleanup(Shop.Data.OrderReader reader) : CleanupJob { public override int Run() => reader.Due().Count; }
        }
        """;

    [Fact]
    public void A_Hangfire_job_on_an_interface_runs_the_implementation_registered_for_it()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Reports.cs", ReportJobs), ("Program.cs", """
            using Hangfire;
            using Shop.Jobs;
            public static class Startup
            {
                public static void Configure(IServiceCollection services, int id)
                {
                    services.AddScoped<IReportJob, ReportJob>();
                    services.AddTransient(typeof(IEmailSender), typeof(EmailSender));
                    RecurringJob.AddOrUpdate<IReportJob>("reports", j => j.RunAsync(), Cron.Daily);
                    BackgroundJob.Enqueue<IEmailSender>(s => s.SendAsync(id));
                    RecurringJob.AddOrUpdate<CleanupJob>("cleanup", j => j.Run(), Cron.Hourly());
                }
            }
            """))).Markdown!;
        // Two classes implement IReportJob: the registration names the one the activator gets.
        Assert.Contains("| `Shop.Jobs.IReportJob.RunAsync`<br>implemented by `ReportJob.RunAsync` [Jobs/Reports.cs:13](Jobs/Reports.cs#L13) (registered [Program.cs:12](Program.cs#L12)) | Hangfire job | "
            + "`RecurringJob.AddOrUpdate` id `reports`: cron `0 0 * * *` (`Cron.Daily`) [Program.cs:14](Program.cs#L14) | "
            + "reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/Reports.cs:13](Jobs/Reports.cs#L13) | [Jobs/Reports.cs:10](Jobs/Reports.cs#L10) |", md);
        Assert.DoesNotContain("ExecuteDeleteAsync", md.Split('\n').Single(l => l.StartsWith("| `Shop.Jobs.IReportJob.RunAsync`", StringComparison.Ordinal)));
        // The typeof form.
        Assert.Contains("| `Shop.Jobs.IEmailSender.SendAsync`<br>implemented by `EmailSender.SendAsync` [Jobs/Reports.cs:22](Jobs/Reports.cs#L22) (registered [Program.cs:13](Program.cs#L13)) | Hangfire job | "
            + "`BackgroundJob.Enqueue`: enqueued once (fire-and-forget) [Program.cs:15](Program.cs#L15) | "
            + "creates `Shop.Domain.Customer` with `Add` [Jobs/Reports.cs:22](Jobs/Reports.cs#L22) | [Jobs/Reports.cs:19](Jobs/Reports.cs#L19) |", md);
        // An abstract member: the one derived class of this project.
        Assert.Contains("| `Shop.Jobs.CleanupJob.Run`<br>implemented by `OrderCleanup.Run` [Jobs/Reports.cs:26](Jobs/Reports.cs#L26) (the only implementation in this project; no registration found here) | Hangfire job | ", md);

        var json = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Reports.cs", ReportJobs), ("Program.cs", """
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddScoped<Shop.Jobs.IReportJob, Shop.Jobs.ReportJob>();
                    Hangfire.RecurringJob.AddOrUpdate<Shop.Jobs.IReportJob>("reports", j => j.RunAsync(), Hangfire.Cron.Daily);
                }
            }
            """))).Json!;
        Assert.Contains("\"text\": \"implemented by `ReportJob.RunAsync`\"", json);
        Assert.Contains("\"text\": \" (registered\"", json);
    }

    [Fact]
    public void A_Hangfire_job_on_an_interface_with_no_single_implementation_is_listed_without_steps()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Reports.cs", ReportJobs), ("Program.cs", """
            using Hangfire;
            using Shop.Jobs;
            public static class Startup
            {
                public static void Configure(IServiceCollection services, bool test)
                {
                    services.AddScoped<IEmailSender, EmailSender>();
                    if (test) services.AddScoped<IEmailSender, TestEmailSender>();
                    RecurringJob.AddOrUpdate<IReportJob>("reports", j => j.RunAsync(), Cron.Daily);
                    BackgroundJob.Enqueue<IEmailSender>(s => s.SendAsync(1));
                }
            }
            """))).Markdown!;
        // Two implementations and no registration: neither one's steps are claimed.
        var reports = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.IReportJob.RunAsync`", StringComparison.Ordinal));
        Assert.Equal("| `Shop.Jobs.IReportJob.RunAsync`<br>2 implementations (`ArchiveReportJob.RunAsync` [Jobs/Reports.cs:17](Jobs/Reports.cs#L17), "
            + "`ReportJob.RunAsync` [Jobs/Reports.cs:13](Jobs/Reports.cs#L13)) and no registration found here: steps not read | Hangfire job | "
            + "`RecurringJob.AddOrUpdate` id `reports`: cron `0 0 * * *` (`Cron.Daily`) [Program.cs:14](Program.cs#L14) |  | [Jobs/Reports.cs:10](Jobs/Reports.cs#L10) |", reports);
        // Two registrations of different classes (which one wins depends on the run): neither is claimed.
        var email = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.IEmailSender.SendAsync`", StringComparison.Ordinal));
        Assert.StartsWith("| `Shop.Jobs.IEmailSender.SendAsync`<br>2 registrations (`EmailSender` [Program.cs:12](Program.cs#L12), `TestEmailSender` [Program.cs:13](Program.cs#L13)): steps not read | Hangfire job | ", email);
        Assert.DoesNotContain("creates", email);
    }

    [Fact]
    public void A_Hangfire_job_on_an_interface_registered_with_a_class_from_elsewhere_or_a_factory_claims_no_steps()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Reports.cs", ReportJobs), ("Program.cs", """
            using Hangfire;
            using Shop.Jobs;
            public static class Startup
            {
                public static void Configure(IServiceCollection services, IBackgroundJobClient client, IReportJob job)
                {
                    // IDisposable's registered implementation is not in this project; Cleanup below is, and is not what runs.
                    services.AddScoped<System.IDisposable, System.IO.MemoryStream>();
                    services.AddScoped<IReportJob>(sp => new ReportJob(null!));
                    client.Enqueue<System.IDisposable>(d => d.Dispose());
                    RecurringJob.AddOrUpdate<IReportJob>("reports", j => j.RunAsync(), Cron.Daily);
                    // No type argument: Hangfire takes the captured object's run-time type.
                    BackgroundJob.Enqueue(() => job.RunAsync());
                }
            }
            public sealed class Cleanup(Shop.Data.ArchiveContext archive) : System.IDisposable
            {
                public void Dispose() => archive.Customers.Where(c => c.Id < 0).ExecuteDelete();
            }
            """))).Markdown!;
        var disposable = Assert.Single(md.Split('\n'), l => l.StartsWith("| `System.IDisposable.Dispose`", StringComparison.Ordinal));
        Assert.Equal("| `System.IDisposable.Dispose`<br>registered as `MemoryStream` [Program.cs:13](Program.cs#L13), whose code is not read here: steps not read | Hangfire job | "
            + "`IBackgroundJobClient.Enqueue`: enqueued once (fire-and-forget) [Program.cs:15](Program.cs#L15) |  |  |", disposable);
        var reports = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.IReportJob.RunAsync`", StringComparison.Ordinal));
        Assert.StartsWith("| `Shop.Jobs.IReportJob.RunAsync`<br>registered with a factory [Program.cs:14](Program.cs#L14): the implementation is not read, steps not read | Hangfire job | ", reports);
        Assert.DoesNotContain("`BackgroundJob.Enqueue`", md);
    }

    [Fact]
    public void An_explicit_interface_implementation_is_the_method_that_runs()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Jobs.cs", """
            using Hangfire;
            namespace Shop.Jobs
            {
                public interface ICopyJob { int Run(); }
                public class CopyJob(Shop.Data.OrderReader reader) : ICopyJob
                {
                    public int Run() => 0;
                    int ICopyJob.Run() => reader.Due().Count;
                }
                public static class Schedules
                {
                    public static void Register() => BackgroundJob.Enqueue<ICopyJob>(x => x.Run());
                }
            }
            """))).Markdown!;
        Assert.Contains("| `Shop.Jobs.ICopyJob.Run`<br>implemented by `CopyJob.ICopyJob.Run` [Jobs/Jobs.cs:13](Jobs/Jobs.cs#L13) (the only implementation in this project; no registration found here) | Hangfire job | "
            + "`BackgroundJob.Enqueue`: enqueued once (fire-and-forget) [Jobs/Jobs.cs:17](Jobs/Jobs.cs#L17) | "
            + "reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/Jobs.cs:13](Jobs/Jobs.cs#L13) |", md);
    }

    [Fact]
    public void An_Enqueue_of_another_library_on_an_interface_is_not_a_job()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Reports.cs", ReportJobs), ("Jobs/Queue.cs", """
            namespace Shop.Jobs
            {
                public class Dispatcher { public void Enqueue<T>(System.Linq.Expressions.Expression<System.Func<T, System.Threading.Tasks.Task>> call) { } }
                public static class Setup
                {
                    public static void Register(IServiceCollection services, Dispatcher dispatcher)
                    {
                        services.AddScoped<IEmailSender, EmailSender>();
                        dispatcher.Enqueue<IEmailSender>(s => s.SendAsync(1));
                    }
                }
            }
            """))).Markdown!;
        Assert.DoesNotContain("IEmailSender", md);
        Assert.DoesNotContain("Background jobs", md);
    }

    [Fact]
    public void Quartz_persistent_store_is_a_store_with_its_connection_source_redacted()
    {
        var md = GeneratorHarness.Run(Sources.With(("Startup.cs", """
            using Quartz;
            namespace Shop
            {
                public static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration config)
                    {
                        services.AddQuartz(q => q.UsePersistentStore(s => s.UseSqlServer(config.GetConnectionString("Quartz")!)));
                        services.AddQuartz("reports", q => q.UsePersistentStore(s => s.UsePostgres(o => o.ConnectionString = "Host=jobs;Database=quartz;Password=hunter2")));
                    }
                }
            }
            """))).Markdown!;
        Assert.Contains("| SQL Server (SQL) | persistent job store (Quartz.NET) | `UseSqlServer` | named connection string `Quartz` (configuration key `ConnectionStrings:Quartz`) [Startup.cs:13](Startup.cs#L13) |", md);
        Assert.Contains("| PostgreSQL (SQL) | persistent job store (Quartz.NET) | `UsePostgres` | constant in code: `Host=jobs;Database=quartz;Password=***`", md);
        Assert.DoesNotContain("hunter2", md);
    }

    [Fact]
    public void Look_alikes_names_in_strings_and_unused_packages_are_not_jobs()
    {
        var md = GeneratorHarness.Run(Sources.With(("Data/Contexts.cs", Data), ("Jobs/Fakes.cs", """
            namespace Shop.Jobs
            {
                // RecurringJob.AddOrUpdate<ReportJob>("nightly", x => x.Run(), Cron.Daily());
                public class Registry
                {
                    public void AddOrUpdate<T>(string id, System.Linq.Expressions.Expression<System.Action<T>> call, string cron) { }
                    public void Enqueue<T>(System.Linq.Expressions.Expression<System.Action<T>> call) { }
                }
                public class ReportJob(Shop.Data.OrderReader reader) { public void Run() => reader.Due(); }
                public interface IJob { void Execute(); }
                public class FakeQuartzJob(Shop.Data.OrderReader reader) : IJob { public void Execute() => reader.Due(); }
                public static class Setup
                {
                    public const string Text = "RecurringJob.AddOrUpdate<ReportJob>(\"nightly\", x => x.Run(), Cron.Daily())";
                    public static void Register(Registry registry)
                    {
                        registry.AddOrUpdate<ReportJob>("nightly", x => x.Run(), "0 0 * * *");
                        registry.Enqueue<ReportJob>(x => x.Run());
                        new System.Collections.Generic.Queue<int>().Enqueue(1);
                    }
                }
            }
            """))).Markdown!;
        Assert.DoesNotContain("ReportJob", md);
        Assert.DoesNotContain("FakeQuartzJob", md);
        Assert.DoesNotContain("Hangfire", md);
        Assert.DoesNotContain("Quartz", md);
        Assert.DoesNotContain("Background jobs", md);
    }

    private static readonly Dictionary<string, string> Quartz = Sources.With(("Data/Contexts.cs", Data),
        ("Jobs/StockCopyJob.cs", """
            using System.Threading.Tasks;
            using Quartz;
            namespace Shop.Jobs
            {
                public class StockCopyJob(Shop.Data.OrderReader reader, Shop.Data.ArchiveContext archive) : IJob
                {
                    public async ValueTask Execute(IJobExecutionContext context, System.Threading.CancellationToken cancellationToken)
                    {
                        foreach (var order in reader.Due()) archive.Customers.Add(new Shop.Domain.Customer { Id = order.CustomerId });
                        await archive.SaveChangesAsync();
                    }
                }
                public class PurgeJob(Shop.Data.ShopContext db) : IJob
                {
                    public async ValueTask Execute(IJobExecutionContext context, System.Threading.CancellationToken cancellationToken) => await db.Orders.Where(o => o.Id < 0).ExecuteDeleteAsync();
                }
                public class BuiltJob(Shop.Data.OrderReader reader) : IJob
                {
                    public ValueTask Execute(IJobExecutionContext context, System.Threading.CancellationToken cancellationToken) { reader.Due(); return ValueTask.CompletedTask; }
                }
                public class IdleJob : IJob
                {
                    public ValueTask Execute(IJobExecutionContext context, System.Threading.CancellationToken cancellationToken) => ValueTask.CompletedTask;
                }
            }
            """),
        ("Jobs/Scheduling.cs", """
            using System.Threading.Tasks;
            using Quartz;
            namespace Shop.Jobs
            {
                public static class Scheduling
                {
                    public static void Configure(IServiceCollection services) => services.AddQuartz(q =>
                    {
                        var key = new JobKey("stock-copy");
                        q.AddJob<StockCopyJob>(j => j.WithIdentity(key));
                        q.AddTrigger(t => t.ForJob(key).WithIdentity("stock-copy-trigger").WithCronSchedule("0 0/5 * * * ?"));
                        q.ScheduleJob<PurgeJob>(t => t.WithSimpleSchedule(x => x.WithInterval(System.TimeSpan.FromSeconds(10)).RepeatForever()), j => j.WithIdentity("purge", "maintenance"));
                        q.AddJob<IdleJob>(j => j.WithIdentity("idle"));
                    });

                    public static async Task Start(IScheduler scheduler)
                    {
                        var job = JobBuilder.Create<BuiltJob>().WithIdentity("built").Build();
                        var trigger = TriggerBuilder.Create().WithCronSchedule("0 0 2 * * ?").Build();
                        await scheduler.ScheduleJob(job, trigger);
                    }
                }
            }
            """));

    [Fact]
    public void A_Quartz_job_lists_its_registrations_triggers_and_the_data_it_moves()
    {
        var md = GeneratorHarness.Run(Quartz).Markdown!;
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| `Shop.Jobs.StockCopyJob`", StringComparison.Ordinal));
        Assert.Equal("| `Shop.Jobs.StockCopyJob` | Quartz.NET IJob | "
            + "`AddJob` job `stock-copy`: fired by the triggers for its key [Jobs/Scheduling.cs:15](Jobs/Scheduling.cs#L15)<br>"
            + "`AddTrigger` trigger `stock-copy-trigger` for job `stock-copy`: Quartz cron `0 0/5 * * * ?` [Jobs/Scheduling.cs:16](Jobs/Scheduling.cs#L16) | "
            // One line: the call in the foreach header runs before the Add in its body.
            + "reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/StockCopyJob.cs:14](Jobs/StockCopyJob.cs#L14)<br>"
            + "creates `Shop.Domain.Customer` with `Add` [Jobs/StockCopyJob.cs:14](Jobs/StockCopyJob.cs#L14) | [Jobs/StockCopyJob.cs:10](Jobs/StockCopyJob.cs#L10) |", row);
        Assert.Contains("| `Shop.Jobs.PurgeJob` | Quartz.NET IJob | `ScheduleJob` job `purge` in group `maintenance`: every `System.TimeSpan.FromSeconds(10)`, repeated forever [Jobs/Scheduling.cs:17](Jobs/Scheduling.cs#L17) | deletes `Shop.Domain.Order` with `ExecuteDeleteAsync`", md);
        Assert.Contains("| `Shop.Jobs.BuiltJob` | Quartz.NET IJob | `IScheduler.ScheduleJob` job `built`: Quartz cron `0 0 2 * * ?` [Jobs/Scheduling.cs:25](Jobs/Scheduling.cs#L25) | reads `Shop.Domain.Order` with `ToList` through `OrderReader.Due` [Jobs/StockCopyJob.cs:24](Jobs/StockCopyJob.cs#L24) |", md);
        Assert.DoesNotContain("IdleJob", md);
    }
}
