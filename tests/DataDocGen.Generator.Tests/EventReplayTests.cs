using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>Section 5.1: the replay code of hand-written event tables (a query ordered by the version column whose rows
/// are folded into state), and what is not replay: another table, another order, no fold, nothing stored.</summary>
public class EventReplayTests
{
    private const string Model = """
        namespace Cards.Data
        {
            public class CardEvent
            {
                public long Id { get; set; }
                public Guid StreamId { get; set; }
                public int Version { get; set; }
                public string EventType { get; set; } = "";
                public string Payload { get; set; } = "";
                public DateTime RecordedAt { get; set; }
            }
            public class Snapshot { public int Id { get; set; } public Guid CardId { get; set; } public int Version { get; set; } public string Body { get; set; } = ""; }
            public class CardContext(DbContextOptions<CardContext> options) : DbContext(options)
            {
                public DbSet<CardEvent> CardEvents => Set<CardEvent>();
                public DbSet<Snapshot> Snapshots => Set<Snapshot>();
                protected override void OnModelCreating(ModelBuilder b) =>
                    b.Entity<CardEvent>().HasIndex(e => new { e.StreamId, e.Version }).IsUnique();
            }
        }
        namespace Cards.Domain
        {
            public sealed class Card
            {
                public decimal Balance { get; private set; }
                public int Version { get; private set; }
                public void Apply(Cards.Data.CardEvent e) { Balance += decimal.Parse(e.Payload); Version = e.Version; }
                public Card When(Cards.Data.CardEvent e) { Apply(e); return this; }
            }
        }
        """;

    private static GeneratorOutput Run(string code) => GeneratorHarness.Run(Sources.With(("Data/Cards.cs", Model), ("Data/CardStore.cs", code)));

    private static void AssertCompiles(GeneratorOutput output) =>
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

    private const string Header = "Code that replays these tables (**heuristic**: the table is found by column names and the fold by the code's shape";

    [Fact]
    public void A_loop_applying_one_streams_rows_ordered_by_version_is_replay()
    {
        var output = Run("""
            using System.Linq;
            using System.Threading.Tasks;
            using Cards.Data;
            using Cards.Domain;
            namespace Cards
            {
                public sealed class CardStore(CardContext db)
                {
                    public async Task<Card> LoadAsync(Guid id)
                    {
                        var rows = await db.CardEvents.AsNoTracking()
                            .Where(e => e.StreamId == id)
                            .OrderBy(e => e.Version)
                            .ToListAsync();
                        var card = new Card();
                        foreach (var row in rows)
                            card.Apply(row);
                        return card;
                    }
                }
            }
            """);
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains(Header, md);
        Assert.Contains("| `CardEvents` | `CardStore.LoadAsync` | EF Core LINQ over `Cards.Data.CardEvent`, one stream (filtered on `StreamId`) | `Version` | calls `Apply` for each row [Data/CardStore.cs:22](Data/CardStore.cs#L22) | [Data/CardStore.cs:18](Data/CardStore.cs#L18) |", md);
        var json = output.Json!.Replace("\r\n", "\n");
        Assert.Contains("\"replays\": [\n        {\n          \"member\": \"CardStore.LoadAsync\"", json);
        Assert.Contains("\"fold\": \"ApplyCall\"", json);
        Assert.Contains("\"foldLocation\": \"Data/CardStore.cs:22\"", json);
    }

    [Fact]
    public void Aggregate_state_rebuilt_and_a_switch_on_the_event_type_are_folds_and_all_streams_may_be_read()
    {
        var output = Run("""
            using System.Linq;
            using Cards.Data;
            using Cards.Domain;
            namespace Cards
            {
                public sealed class CardStore(CardContext db)
                {
                    public Card All() =>
                        db.CardEvents.OrderBy(e => e.StreamId).ThenBy(e => e.Version).ToList().Aggregate(new Card(), (card, e) => card.When(e));

                    public Card Rebuilt(Guid id)
                    {
                        var card = new Card();
                        foreach (var e in db.Set<CardEvent>().Where(x => x.StreamId == id).OrderBy(x => x.Version))
                            card = card.When(e);
                        return card;
                    }

                    public decimal Balance(Guid id)
                    {
                        decimal balance = 0;
                        foreach (var e in db.CardEvents.Where(x => x.StreamId == id).OrderBy(x => x.Version).ToList())
                        {
                            switch (e.EventType)
                            {
                                case "Issued": balance = decimal.Parse(e.Payload); break;
                                case "Redeemed": balance -= decimal.Parse(e.Payload); break;
                            }
                        }
                        return balance;
                    }
                }
            }
            """);
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("| `CardEvents` | `CardStore.All` | EF Core LINQ over `Cards.Data.CardEvent` | `StreamId`, `Version` | folds the rows with `Aggregate` [Data/CardStore.cs:14](Data/CardStore.cs#L14) | [Data/CardStore.cs:14](Data/CardStore.cs#L14) |", md);
        Assert.Contains("| `CardEvents` | `CardStore.Rebuilt` | EF Core LINQ over `Cards.Data.CardEvent`, one stream (filtered on `StreamId`) | `Version` | rebuilds `card` from itself and each row [Data/CardStore.cs:20](Data/CardStore.cs#L20) | [Data/CardStore.cs:19](Data/CardStore.cs#L19) |", md);
        Assert.Contains("| `CardEvents` | `CardStore.Balance` | EF Core LINQ over `Cards.Data.CardEvent`, one stream (filtered on `StreamId`) | `Version` | switches on `EventType` and changes state [Data/CardStore.cs:29](Data/CardStore.cs#L29) | [Data/CardStore.cs:27](Data/CardStore.cs#L27) |", md);
    }

    [Fact]
    public void Constant_sql_naming_the_event_table_with_its_order_by_is_replay()
    {
        var output = Run("""
            using System.Data;
            using System.Threading.Tasks;
            using Dapper;
            using Cards.Domain;
            namespace Cards
            {
                public sealed class CardReader(IDbConnection connection)
                {
                    private const string Load = "SELECT StreamId, Version, EventType, Payload FROM CardEvents WHERE StreamId = @id ORDER BY Version";

                    public async Task<Card> LoadAsync(Guid id)
                    {
                        var card = new Card();
                        foreach (var row in await connection.QueryAsync<Cards.Data.CardEvent>(Load, new { id }))
                            card.Apply(row);
                        return card;
                    }

                    // Ordered by time, not by version: not replay.
                    public async Task<Card> ByTimeAsync(Guid id)
                    {
                        var card = new Card();
                        foreach (var row in await connection.QueryAsync<Cards.Data.CardEvent>("SELECT * FROM CardEvents WHERE StreamId = @id ORDER BY RecordedAt", new { id }))
                            card.Apply(row);
                        return card;
                    }
                }
            }
            """);
        AssertCompiles(output);
        var md = output.Markdown!;
        Assert.Contains("| `CardEvents` | `CardReader.LoadAsync` | Dapper QueryAsync, one stream (filtered on `StreamId`) | `Version` | calls `Apply` for each row [Data/CardStore.cs:20](Data/CardStore.cs#L20) | [Data/CardStore.cs:19](Data/CardStore.cs#L19) |", md);
        Assert.DoesNotContain("| `CardEvents` | `CardReader.ByTimeAsync`", md);
    }

    [Fact]
    public void Other_tables_other_orders_and_loops_that_fold_nothing_are_not_replay()
    {
        var output = Run("""
            using System.Linq;
            using System.Collections.Generic;
            using Cards.Data;
            using Cards.Domain;
            namespace Cards
            {
                public sealed class CardStore(CardContext db)
                {
                    // Named Replay, but reads the snapshots (not an event table).
                    public Card Replay(Guid id)
                    {
                        var card = new Card();
                        foreach (var s in db.Snapshots.Where(x => x.CardId == id).OrderBy(x => x.Version))
                            card.Apply(new CardEvent { Version = s.Version, Payload = s.Body });
                        return card;
                    }

                    // The event table ordered by time, newest first, and by a computed key: none is the stream's order.
                    public Card ByTime(Guid id)
                    {
                        var card = new Card();
                        foreach (var e in db.CardEvents.Where(x => x.StreamId == id).OrderBy(x => x.RecordedAt)) card.Apply(e);
                        foreach (var e in db.CardEvents.Where(x => x.StreamId == id).OrderByDescending(x => x.Version)) card.Apply(e);
                        foreach (var e in db.CardEvents.OrderBy(x => x.Version * 2)) card.Apply(e);
                        return card;
                    }

                    // Ordered by version but only forwarded and marked: no state is folded.
                    public void Forward(Guid id, List<string> sent)
                    {
                        foreach (var e in db.CardEvents.Where(x => x.StreamId == id).OrderBy(x => x.Version).ToList())
                        {
                            sent.Add(e.Payload);
                            e.RecordedAt = DateTime.UtcNow;
                        }
                    }

                    // A switch on a member that is not the event type.
                    public int Count(Guid id)
                    {
                        var count = 0;
                        foreach (var e in db.CardEvents.OrderBy(x => x.Version))
                        {
                            switch (e.Payload) { case "": count++; break; }
                        }
                        return count;
                    }

                    // Rows reordered in memory after the query: the loop's order is not the query's.
                    public Card Reordered(Guid id)
                    {
                        var card = new Card();
                        var rows = db.CardEvents.OrderBy(x => x.Version).ToList();
                        foreach (var e in rows.OrderBy(x => x.RecordedAt)) card.Apply(e);
                        return card;
                    }
                }
            }
            """);
        AssertCompiles(output);
        var md = output.Markdown!;
        // The table is still listed (by its columns); no code replays it.
        Assert.Contains("| `CardContext` | `CardEvents` | `StreamId` | `Version` | `Payload` | `EventType` | yes |", md);
        Assert.DoesNotContain("Code that replays these tables", md);
        Assert.Contains("\"replays\": []", output.Json);
    }

    [Fact]
    public void A_class_named_EventStore_that_stores_nothing_makes_no_claim()
    {
        var output = GeneratorHarness.Run(Sources.With(("Events/EventStore.cs", """
            using System.Linq;
            namespace Cards
            {
                public sealed record Event(Guid StreamId, int Version, string Payload);
                public sealed class State { public int Version { get; private set; } public void Apply(Event e) => Version = e.Version; }
                // Holds events in memory: no table, no query over one.
                public sealed class EventStore
                {
                    private readonly List<Event> _events = new();
                    public void Append(Event e) => _events.Add(e);
                    public State Replay(Guid stream)
                    {
                        var state = new State();
                        foreach (var e in _events.Where(x => x.StreamId == stream).OrderBy(x => x.Version)) state.Apply(e);
                        return state;
                    }
                }
            }
            """)));
        AssertCompiles(output);
        Assert.DoesNotContain("5.1 Event sourcing", output.Markdown);
        Assert.DoesNotContain("replays", output.Markdown);
        Assert.DoesNotContain("\"replays\"", output.Json);
    }
}
