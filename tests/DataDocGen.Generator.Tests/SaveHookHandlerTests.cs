using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>EF Core's change-tracker events (<c>ChangeTracker.Tracked</c>, <c>ChangeTracker.StateChanged</c>) as save hooks,
/// the <c>Entries().Where(...).Select(e => e.Entity).OfType&lt;T&gt;()</c> loop, and hooks whose body calls code DataDocGen
/// does not follow (the Kavita audit: blank cells read as "this hook touches nothing").</summary>
public class SaveHookHandlerTests
{
    private const string Entities = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore.ChangeTracking;
        namespace Books.Data
        {
            public interface IEntityDate { DateTime Created { get; set; } DateTime LastModified { get; set; } }
            public interface IHasConcurrencyToken { uint RowVersion { get; set; } void OnSavingChanges(); }
            public class Series : IEntityDate, IHasConcurrencyToken
            {
                public int Id { get; set; } public DateTime Created { get; set; } public DateTime LastModified { get; set; }
                public uint RowVersion { get; set; } public void OnSavingChanges() { RowVersion++; }
            }
        }
        """;

    [Fact]
    public void Change_tracker_handlers_subscribed_in_the_constructor_are_save_hooks_with_their_conditions()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Entities.cs", Entities), ("Data/DataContext.cs", """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.ChangeTracking;
            namespace Books.Data
            {
                public sealed class DataContext : DbContext
                {
                    public DataContext(DbContextOptions options) : base(options)
                    {
                        ChangeTracker.Tracked += OnEntityTracked;
                        ChangeTracker.StateChanged += OnEntityStateChanged;
                    }
                    public DbSet<Series> Series => Set<Series>();

                    private static void OnEntityTracked(object? sender, EntityTrackedEventArgs e)
                    {
                        if (e.FromQuery || e.Entry.State != EntityState.Added || e.Entry.Entity is not IEntityDate entity) return;
                        entity.Created = DateTime.Now;
                        entity.LastModified = DateTime.Now;
                    }

                    private static void OnEntityStateChanged(object? sender, EntityStateChangedEventArgs e)
                    {
                        if (e.NewState != EntityState.Modified || e.Entry.Entity is not IEntityDate entity) return;
                        entity.LastModified = DateTime.Now;
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Books.Data.DataContext` | ChangeTracker.Tracked handler | `Books.Data.IEntityDate` when `not (e.FromQuery \\|\\| e.Entry.State != EntityState.Added \\|\\| e.Entry.Entity is not IEntityDate entity)` | `Created`, `LastModified` |  | [Data/DataContext.cs:", md);
        Assert.Contains("| `Books.Data.DataContext` | ChangeTracker.StateChanged handler | `Books.Data.IEntityDate` when `not (e.NewState != EntityState.Modified \\|\\| e.Entry.Entity is not IEntityDate entity)` | `LastModified` |  | [Data/DataContext.cs:", md);
        var hooks = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["saveHooks"]!.AsArray();
        Assert.Equal(2, hooks.Count);
        Assert.Equal("ChangeTracker.StateChanged handler", (string)hooks[1]!["kind"]!);
        Assert.Equal("not (e.NewState != EntityState.Modified || e.Entry.Entity is not IEntityDate entity)", (string)hooks[1]!["entriesWhen"]![0]!);
        // Cited at the subscription, the line after the Tracked one.
        var tracked = (string)hooks[0]!["location"]!;
        var changed = (string)hooks[1]!["location"]!;
        Assert.Equal(int.Parse(tracked.Split(':')[1]) + 1, int.Parse(changed.Split(':')[1]));
    }

    [Fact]
    public void A_lambda_handler_and_a_subscription_outside_the_context_are_read()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Entities.cs", Entities), ("Data/HookDb.cs", """
            using System;
            namespace Books.Data
            {
                public class HookDb : DbContext
                {
                    public HookDb(DbContextOptions<HookDb> o) : base(o)
                    {
                        ChangeTracker.StateChanged += (s, e) =>
                        {
                            if (e.NewState == EntityState.Modified && e.Entry.Entity is IEntityDate d) d.LastModified = DateTime.UtcNow;
                        };
                    }
                    public DbSet<Series> Series => Set<Series>();
                }
                public static class Setup
                {
                    public static void Stamp(HookDb db) =>
                        db.ChangeTracker.Tracked += (s, e) => { if (!e.FromQuery) ((Series)e.Entry.Entity).RowVersion = 1; e.Entry.Property("Created").CurrentValue = DateTime.UtcNow; };
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Books.Data.HookDb` | ChangeTracker.StateChanged handler | `Books.Data.IEntityDate` when `e.NewState == EntityState.Modified && e.Entry.Entity is IEntityDate d` | `LastModified` |  | [Data/HookDb.cs:", md);
        // The context is the receiver's type; one set made under no condition withholds the conditions (the cast set is
        // not read as an entity's: only `is`/`as` locals and `entry.Entity` are).
        Assert.Contains("| `Books.Data.HookDb` | ChangeTracker.Tracked handler |  | `Created` |  | [Data/HookDb.cs:", md);
    }

    [Fact]
    public void A_loop_over_the_entries_of_a_type_by_OfType_is_read_and_an_unfollowed_call_is_said_not_read()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Entities.cs", Entities), ("Data/DataContext.cs", """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            namespace Books.Data
            {
                public sealed class DataContext : DbContext
                {
                    public DbSet<Series> Series => Set<Series>();
                    private void OnSaveChanges()
                    {
                        foreach (var saveEntity in ChangeTracker.Entries()
                                     .Where(e => e.State == EntityState.Modified)
                                     .Select(entry => entry.Entity)
                                     .OfType<IHasConcurrencyToken>())
                        {
                            saveEntity.OnSavingChanges();
                        }
                    }
                    public override int SaveChanges() { OnSaveChanges(); return base.SaveChanges(); }
                }
                public sealed class StepContext : DbContext
                {
                    public DbSet<Series> Series => Set<Series>();
                    public override int SaveChanges()
                    {
                        foreach (var saveEntity in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified).Select(entry => entry.Entity).OfType<IHasConcurrencyToken>())
                        {
                            saveEntity.RowVersion++;
                        }
                        return base.SaveChanges();
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Books.Data.DataContext` | SaveChanges override, on `SaveChanges` only | `Books.Data.IHasConcurrencyToken` when `e.State == EntityState.Modified` | not read: calls `IHasConcurrencyToken.OnSavingChanges()` | not read: calls `IHasConcurrencyToken.OnSavingChanges()` | [Data/DataContext.cs:", md);
        Assert.Contains("| `Books.Data.StepContext` | SaveChanges override, on `SaveChanges` only | `Books.Data.IHasConcurrencyToken` when `e.State == EntityState.Modified` | `RowVersion` |  | [Data/DataContext.cs:", md);
        var hooks = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["saveHooks"]!.AsArray();
        Assert.Equal("IHasConcurrencyToken.OnSavingChanges()", (string)hooks.Single(h => (string)h!["type"]! == "Books.Data.DataContext")!["notRead"]![0]!);
    }

    [Fact]
    public void Hooks_that_call_no_project_code_as_a_statement_keep_their_cells()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Entities.cs", Entities), ("Data/DataContext.cs", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            namespace Books.Data
            {
                public interface IClock { DateTime Now(); }
                public sealed class PlainContext : DbContext
                {
                    private readonly IClock _clock = null!;
                    public DbSet<Series> Series => Set<Series>();
                    // A value from project code is read as a value; a library call (DetectChanges) is EF Core's own.
                    public override int SaveChanges()
                    {
                        ChangeTracker.DetectChanges();
                        foreach (var entry in ChangeTracker.Entries<IEntityDate>()) entry.Entity.LastModified = _clock.Now();
                        return base.SaveChanges();
                    }
                    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => base.SaveChangesAsync(cancellationToken);
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `Books.Data.PlainContext` | SaveChanges override | `Books.Data.IEntityDate` | `LastModified` |  | [Data/DataContext.cs:", md);
        Assert.DoesNotContain("not read", md);
        Assert.DoesNotContain(" when `", md.Substring(md.IndexOf("#### Save hooks", StringComparison.Ordinal)));
        var hook = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["saveHooks"]!.AsArray().Single()!;
        Assert.Empty(hook["notRead"]!.AsArray());
        Assert.Empty(hook["entriesWhen"]!.AsArray());
    }

    [Fact]
    public void Events_of_other_classes_named_StateChanged_or_Tracked_are_not_save_hooks()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Entities.cs", Entities), ("Data/Traps.cs", """
            using System;
            namespace Books.Data
            {
                public class BooksContext : DbContext
                {
                    public BooksContext() => ChangeTracker.Tracked += (s, e) => { };
                    public DbSet<Series> Series => Set<Series>();
                }
                // The project's own state machine, with a StateChanged event.
                public class ReaderState { public event EventHandler<IEntityDate>? StateChanged; public event EventHandler<IEntityDate>? Tracked; }
                public class ChangeTracker { public event EventHandler<IEntityDate>? Tracked; public event EventHandler<IEntityDate>? StateChanged; }
                public class Wiring
                {
                    private readonly ChangeTracker _tracker = new();
                    public Wiring(ReaderState state)
                    {
                        // ChangeTracker.StateChanged += handler (a comment naming EF Core's event)
                        state.StateChanged += (s, e) => e.LastModified = DateTime.UtcNow;
                        state.Tracked += OnTracked;
                        _tracker.Tracked += OnTracked;
                        _tracker.StateChanged += (s, e) => e.Created = DateTime.UtcNow;
                    }
                    private void OnTracked(object? sender, IEntityDate e) => e.Created = DateTime.UtcNow;
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        // Only EF Core's own ChangeTracker's event is a hook (an empty handler: blank cells, nothing not read).
        var hook = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["saveHooks"]!.AsArray().Single()!;
        Assert.Equal("ChangeTracker.Tracked handler", (string)hook["kind"]!);
        Assert.Equal("Books.Data.BooksContext", (string)hook["type"]!);
        Assert.Contains("| `Books.Data.BooksContext` | ChangeTracker.Tracked handler |  |  |  | [Data/Traps.cs:", output.Markdown);
    }
}
