using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 5.2: a hand-written outbox whose processed mark is a state enum and whose rows are written in the
/// caller's transaction, reduced from eShopOnContainers' BuildingBlocks/EventBus/IntegrationEventLogEF
/// (<c>IntegrationEventLogEntry</c>, <c>EventStateEnum</c>, <c>IntegrationEventLogService.SaveEventAsync</c>); the audit
/// found it unlisted, its type column being <c>EventTypeName</c> and its processed mark a <c>State</c> enum.</summary>
public class IntegrationEventLogOutboxTests
{
    private static readonly Dictionary<string, string> EventLog = Sources.With(
        ("IntegrationEventLogEntry.cs", """
            using System.ComponentModel.DataAnnotations.Schema;
            using System.Linq;
            namespace EventLog
            {
                public class IntegrationEvent { public Guid Id { get; set; } public DateTime CreationDate { get; set; } }
                public enum EventStateEnum { NotPublished = 0, InProgress = 1, Published = 2, PublishedFailed = 3 }
                public class IntegrationEventLogEntry
                {
                    private IntegrationEventLogEntry() { }
                    public IntegrationEventLogEntry(IntegrationEvent @event, Guid transactionId)
                    {
                        EventId = @event.Id;
                        CreationTime = @event.CreationDate;
                        EventTypeName = @event.GetType().FullName!;
                        Content = System.Text.Json.JsonSerializer.Serialize(@event, @event.GetType());
                        State = EventStateEnum.NotPublished;
                        TransactionId = transactionId.ToString();
                    }
                    public Guid EventId { get; private set; }
                    public string EventTypeName { get; private set; } = "";
                    [NotMapped] public string EventTypeShortName => EventTypeName.Split('.').Last();
                    public EventStateEnum State { get; set; }
                    public int TimesSent { get; set; }
                    public DateTime CreationTime { get; private set; }
                    public string Content { get; private set; } = "";
                    public string? TransactionId { get; private set; }
                }
                public class IntegrationEventLogContext(DbContextOptions<IntegrationEventLogContext> options) : DbContext(options)
                {
                    public DbSet<IntegrationEventLogEntry> IntegrationEventLogs { get; set; } = null!;
                    protected override void OnModelCreating(ModelBuilder builder) => builder.Entity<IntegrationEventLogEntry>(b =>
                    {
                        b.ToTable("IntegrationEventLog");
                        b.HasKey(e => e.EventId);
                    });
                }
            }
            """),
        ("Services/IntegrationEventLogService.cs", """
            using System.Data.Common;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Storage;
            namespace EventLog.Services
            {
                public class IntegrationEventLogService(DbConnection connection)
                {
                    private readonly IntegrationEventLogContext _integrationEventLogContext =
                        new(new DbContextOptionsBuilder<IntegrationEventLogContext>().UseSqlServer(connection).Options);

                    public Task SaveEventAsync(IntegrationEvent @event, IDbContextTransaction transaction)
                    {
                        if (transaction == null) throw new ArgumentNullException(nameof(transaction));
                        var eventLogEntry = new IntegrationEventLogEntry(@event, transaction.TransactionId);
                        _integrationEventLogContext.Database.UseTransaction(transaction.GetDbTransaction());
                        _integrationEventLogContext.IntegrationEventLogs.Add(eventLogEntry);
                        return _integrationEventLogContext.SaveChangesAsync();
                    }

                    // The ADO.NET transaction itself, handed in.
                    public async Task SaveEventInAsync(IntegrationEvent @event, DbTransaction transaction)
                    {
                        await _integrationEventLogContext.Database.UseTransactionAsync(transaction);
                        _integrationEventLogContext.IntegrationEventLogs.Add(new IntegrationEventLogEntry(@event, Guid.NewGuid()));
                        await _integrationEventLogContext.SaveChangesAsync();
                    }

                    public Task MarkEventAsPublishedAsync(Guid eventId)
                    {
                        var entry = _integrationEventLogContext.IntegrationEventLogs.Single(e => e.EventId == eventId);
                        entry.State = EventStateEnum.Published;
                        return _integrationEventLogContext.SaveChangesAsync();
                    }
                }
            }
            """));

    [Fact]
    public void A_log_with_an_event_type_a_payload_and_a_state_enum_is_an_outbox_written_in_the_callers_transaction()
    {
        var output = GeneratorHarness.Run(EventLog);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var service = EventLog["Services/IntegrationEventLogService.cs"];
        var join = Json.LineOf(service, "_integrationEventLogContext.Database.UseTransaction(transaction.GetDbTransaction())");
        var joinAsync = Json.LineOf(service, "await _integrationEventLogContext.Database.UseTransactionAsync(transaction)");
        var content = Json.LineOf(EventLog["IntegrationEventLogEntry.cs"], "public string Content");
        Assert.Contains("| `IntegrationEventLogContext` | `IntegrationEventLog` | `EventTypeName` | `Content` | `State` (enum `EventStateEnum` with `Published`) | "
                        + $"`IntegrationEventLogService.SaveEventAsync` (joins the caller's transaction, passed as `transaction`) [Services/IntegrationEventLogService.cs:{join}](Services/IntegrationEventLogService.cs#L{join})<br>"
                        + $"`IntegrationEventLogService.SaveEventInAsync` (joins the caller's transaction, passed as `transaction`) [Services/IntegrationEventLogService.cs:{joinAsync}](Services/IntegrationEventLogService.cs#L{joinAsync}) | "
                        + $"none found | [IntegrationEventLogEntry.cs:{content}](IntegrationEventLogEntry.cs#L{content}) |", md);
        // 2.2: the join lists what the method writes through the joining context after it (the caller's row cannot).
        Assert.Contains("| `IntegrationEventLogService.SaveEventAsync` | EF Core joins an existing transaction | `UseTransaction(transaction.GetDbTransaction())` | Add EventLog.IntegrationEventLogEntry; SaveChangesAsync |", md);
        Assert.Contains("| `IntegrationEventLogService.SaveEventInAsync` | EF Core joins an existing transaction | `UseTransactionAsync(transaction)` | Add EventLog.IntegrationEventLogEntry; SaveChangesAsync |", md);
        var outbox = Json.Parse(output.Json).GetProperty("outboxTablesByColumnNames").EnumerateArray().Single();
        Assert.Equal("State", outbox.GetProperty("processed").GetString());
        Assert.Equal("Published", outbox.GetProperty("processedState").GetString());
        Assert.Equal(["transaction", "transaction"], outbox.GetProperty("writtenInTransactions").EnumerateArray().Select(t => t.GetProperty("joinsCallersTransaction").GetString()));
    }

    [Fact]
    public void A_status_without_a_published_member_a_plain_type_or_a_state_string_makes_no_outbox_and_no_other_join_is_the_callers()
    {
        var code = Sources.With(("Data/Log.cs", """
            using System.Data.Common;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Storage;
            namespace Shop.Data
            {
                public enum OutboxState { Pending, Sent, Failed }
                public enum ArticleStatus { Draft, Published }
                public enum NoticeStatus { Active, Archived }
                public class OutboxEntry { public int Id { get; set; } public string EventTypeName { get; set; } = ""; public string Content { get; set; } = ""; public OutboxState State { get; set; } }
                // An article: its type is no message's, and Published is an article's state.
                public class Article { public int Id { get; set; } public string Type { get; set; } = ""; public string Content { get; set; } = ""; public ArticleStatus Status { get; set; } }
                // No member says the notice went out.
                public class Notice { public int Id { get; set; } public string EventTypeName { get; set; } = ""; public string Content { get; set; } = ""; public NoticeStatus Status { get; set; } }
                // A state held as text: nothing says which value marks it processed.
                public class EventRecord { public int Id { get; set; } public string EventTypeName { get; set; } = ""; public string Content { get; set; } = ""; public string State { get; set; } = ""; }
                public class LogContext : DbContext
                {
                    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
                    public DbSet<Article> Articles => Set<Article>();
                    public DbSet<Notice> Notices => Set<Notice>();
                    public DbSet<EventRecord> Events => Set<EventRecord>();
                    protected override void OnConfiguring(DbContextOptionsBuilder o) => o.UseSqlServer("Server=.;Database=Log");
                }
                public class Writer(LogContext db, LogContext other, DbConnection connection)
                {
                    // A transaction begun here: joined, but not the caller's (and nothing else is written with the row).
                    public void JoinsOwn()
                    {
                        using var transaction = connection.BeginTransaction();
                        db.Database.UseTransaction(transaction);
                        db.Outbox.Add(new OutboxEntry());
                        db.SaveChanges();
                        transaction.Commit();
                    }

                    // The parameter is replaced before the join.
                    public void Reassigned(IDbContextTransaction transaction, IDbContextTransaction mine)
                    {
                        transaction = mine;
                        db.Database.UseTransaction(transaction.GetDbTransaction());
                        db.Outbox.Add(new OutboxEntry());
                        db.SaveChanges();
                    }

                    // The row goes through another context instance, which joined nothing.
                    public void OtherInstance(IDbContextTransaction transaction)
                    {
                        db.Database.UseTransaction(transaction.GetDbTransaction());
                        other.Outbox.Add(new OutboxEntry());
                        other.SaveChanges();
                    }

                    // The context leaves the transaction before the row is added.
                    public void Left(IDbContextTransaction transaction)
                    {
                        db.Database.UseTransaction(transaction.GetDbTransaction());
                        db.Database.UseTransaction(null);
                        db.Outbox.Add(new OutboxEntry());
                        db.SaveChanges();
                    }

                    // A lambda's parameter: who passes it is not the method's caller.
                    public void InLambda(Action<Action<DbTransaction>> run) => run(transaction =>
                    {
                        db.Database.UseTransaction(transaction);
                        db.Outbox.Add(new OutboxEntry());
                        db.SaveChanges();
                    });
                }
            }
            """));
        var output = GeneratorHarness.Run(code);
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        // The outbox is found (a Sent member), written in no transaction with other changes nor in a caller's.
        Assert.Contains("| `LogContext` | `Outbox` | `EventTypeName` | `Content` | `State` (enum `OutboxState` with `Sent`) |  | none found |", md);
        Assert.DoesNotContain("| `LogContext` | `Articles` |", md);
        Assert.DoesNotContain("| `LogContext` | `Notices` |", md);
        Assert.DoesNotContain("| `LogContext` | `Events` |", md);
        Assert.DoesNotContain("joins the caller's transaction", md);
        var joins = Json.Parse(output.Json).GetProperty("transactions").EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() == "EF Core joins an existing transaction")
            .Select(t => t.GetProperty("member").GetString() + " | " + string.Join("; ", t.GetProperty("operations").EnumerateArray().Select(o => o.GetString())))
            .ToList();
        // Only OtherInstance and Left join a parameter: nothing through the joining context follows the join in either.
        Assert.Equal(["Writer.JoinsOwn | ", "Writer.Reassigned | ", "Writer.OtherInstance | ", "Writer.Left | ", "Writer.InLambda | "], joins);
    }

    [Fact]
    public void A_referencing_project_shows_the_outbox_from_the_declaring_projects_fragment_and_claims_nothing_of_its_own_callers()
    {
        var library = GeneratorHarness.Run(EventLog, projectDir: "/src/IntegrationEventLogEF/", assemblyName: "IntegrationEventLogEF");
        Assert.NotNull(library.Fragment);
        using var stream = new MemoryStream();
        Assert.True(library.Compilation.Emit(stream).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray());
        var host = Sources.With(("CatalogIntegrationEventService.cs", """
            using System.Threading.Tasks;
            using EventLog;
            using EventLog.Services;
            namespace Catalog
            {
                public class CatalogItem { public int Id { get; set; } public decimal Price { get; set; } }
                public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options) { public DbSet<CatalogItem> Items => Set<CatalogItem>(); }
                public class CatalogIntegrationEventService(CatalogContext catalog, IntegrationEventLogService log)
                {
                    public async Task SaveEventAndCatalogContextChangesAsync(IntegrationEvent evt)
                    {
                        var strategy = catalog.Database.CreateExecutionStrategy();
                        await strategy.ExecuteAsync(async () =>
                        {
                            using var transaction = catalog.Database.BeginTransaction();
                            await catalog.SaveChangesAsync();
                            await log.SaveEventAsync(evt, catalog.Database.CurrentTransaction!);
                            transaction.Commit();
                        });
                    }
                }
                public static class Startup
                {
                    public static void Add(IServiceCollection services)
                    {
                        services.AddDbContext<CatalogContext>(o => o.UseSqlServer("Server=.;Database=Catalog"));
                        services.AddDbContext<IntegrationEventLogContext>(o => o.UseSqlServer("Server=.;Database=Catalog"));
                    }
                }
            }
            """));
        var merged = GeneratorHarness.Run(host, new Dictionary<string, string> { ["/src/IntegrationEventLogEF/obj/DATA_LAYER" + DataLayerReportGenerator.FragmentSuffix] = library.Fragment! },
            extraReferences: [reference], projectDir: "/src/Catalog/", assemblyName: "Catalog");
        Assert.Empty(merged.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var join = Json.LineOf(EventLog["Services/IntegrationEventLogService.cs"], "_integrationEventLogContext.Database.UseTransaction(transaction.GetDbTransaction())");
        // The declaring project's facts, at its lines; the host's caller is not named (its call is not followed).
        Assert.Contains("| `IntegrationEventLogContext` | `IntegrationEventLog` | `EventTypeName` | `Content` | `State` (enum `EventStateEnum` with `Published`) | "
                        + $"`IntegrationEventLogService.SaveEventAsync` (joins the caller's transaction, passed as `transaction`) [../IntegrationEventLogEF/Services/IntegrationEventLogService.cs:{join}](../IntegrationEventLogEF/Services/IntegrationEventLogService.cs#L{join})<br>", merged.Markdown);
        Assert.DoesNotContain("`CatalogIntegrationEventService.SaveEventAndCatalogContextChangesAsync` (", merged.Markdown);

        // Without the fragment, the host sees the context compiled in the library: its enum is not the host's source,
        // and the join is not in its code. No outbox is claimed.
        var alone = GeneratorHarness.Run(host, extraReferences: [reference], projectDir: "/src/Catalog/", assemblyName: "Catalog");
        Assert.Contains("EF Core DbContext `EventLog.IntegrationEventLogContext`, declared in the referenced assembly `IntegrationEventLogEF`.", alone.Markdown);
        Assert.DoesNotContain("hand-written transactional outbox", alone.Markdown);
    }
}
