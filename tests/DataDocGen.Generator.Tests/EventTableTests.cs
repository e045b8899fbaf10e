using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 5.1: EF Core tables shaped like a hand-written event store, labelled as found by column names.</summary>
public class EventTableTests
{
    private const string Code = """
        namespace Shop.Events
        {
            public class StoredEvent
            {
                public long Id { get; set; }
                public Guid StreamId { get; set; }
                public int Version { get; set; }
                public string EventType { get; set; } = "";
                public string Payload { get; set; } = "";
            }
            public class AuditEvent
            {
                public int Id { get; set; }
                public Guid AggregateId { get; set; }
                public long Sequence { get; set; }
                public byte[] Data { get; set; } = [];
            }
            // Not an event log: no position in a stream.
            public class Document { public int Id { get; set; } public Guid StreamId { get; set; } public string Payload { get; set; } = ""; }
            public class EventContext(DbContextOptions<EventContext> options) : DbContext(options)
            {
                public DbSet<StoredEvent> Events => Set<StoredEvent>();
                public DbSet<AuditEvent> Audit => Set<AuditEvent>();
                public DbSet<Document> Documents => Set<Document>();
                protected override void OnModelCreating(ModelBuilder b) =>
                    b.Entity<StoredEvent>().HasIndex(e => new { e.StreamId, e.Version }).IsUnique();
            }
        }
        """;

    [Fact]
    public void Tables_with_a_stream_a_version_and_a_payload_are_listed_as_a_labelled_heuristic()
    {
        var output = GeneratorHarness.Run(Sources.With(("Events/Events.cs", Code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("### 5.1 Event sourcing", md);
        Assert.Contains("Tables shaped like a hand-written event store (**heuristic: by column names**", md);
        Assert.Contains("| `EventContext` | `Events` | `StreamId` | `Version` | `Payload` | `EventType` | yes | [Events/Events.cs:", md);
        Assert.Contains("| `EventContext` | `Audit` | `AggregateId` | `Sequence` | `Data` |  | no key or unique index found: concurrent appends to one stream are not prevented by the schema | [Events/Events.cs:", md);
        Assert.DoesNotContain("| `EventContext` | `Documents` |", md);
        Assert.Contains("\"eventTablesByColumnNames\": [", output.Json);
    }

    [Fact]
    public void A_model_without_such_tables_prints_no_event_sourcing_section()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Ctx.cs", """
            namespace Shop.Data { public class ShopContext(DbContextOptions<ShopContext> o) : DbContext(o) { public DbSet<Shop.Domain.Order> Orders => Set<Shop.Domain.Order>(); } }
            """)));
        Assert.DoesNotContain("5.1 Event sourcing", output.Markdown);
        Assert.DoesNotContain("## 5. Data synchronisation", output.Markdown);
    }
}
