using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>SaveChanges overrides and SaveChangesInterceptors: audit fields and soft deletes as the code writes them.</summary>
public class SaveHookTests
{
    [Fact]
    public void Overrides_and_interceptors_are_listed_with_what_they_do()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Hooks.cs", """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Diagnostics;
            namespace Shop.Data
            {
                public interface IAuditable { DateTime CreatedAt { get; set; } DateTime? UpdatedAt { get; set; } }
                public interface ISoftDelete { bool IsDeleted { get; set; } }
                public class Note : IAuditable, ISoftDelete { public int Id { get; set; } public DateTime CreatedAt { get; set; } public DateTime? UpdatedAt { get; set; } public bool IsDeleted { get; set; } }

                public class ShopContext : DbContext
                {
                    public DbSet<Note> Notes => Set<Note>();

                    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
                    {
                        Stamp();
                        foreach (var entry in ChangeTracker.Entries<ISoftDelete>())
                        {
                            switch (entry.State)
                            {
                                case EntityState.Deleted:
                                    entry.State = EntityState.Modified;
                                    entry.Entity.IsDeleted = true;
                                    break;
                            }
                        }
                        return base.SaveChangesAsync(cancellationToken);
                    }

                    private void Stamp()
                    {
                        foreach (var entry in ChangeTracker.Entries<IAuditable>())
                        {
                            if (entry.State == EntityState.Added) entry.Entity.CreatedAt = DateTime.UtcNow;
                            entry.Property("UpdatedAt").CurrentValue = DateTime.UtcNow;
                        }
                    }
                }

                public class AuditInterceptor : SaveChangesInterceptor
                {
                    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
                    {
                        foreach (var entry in eventData.Context!.ChangeTracker.Entries<IAuditable>()) entry.Property(e => e.UpdatedAt).CurrentValue = DateTime.UtcNow;
                        return base.SavingChangesAsync(eventData, result, cancellationToken);
                    }
                }
            }
            namespace LookAlike
            {
                public abstract class Store { public virtual int SaveChanges() => 0; }
                public class Cache : Store { public bool Dirty { get; set; } public override int SaveChanges() { Dirty = false; return 1; } }
                public class NotAHook : DbContext { public int SaveChanges(bool flag) => 0; }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("#### Save hooks (audit fields, soft delete)", md);
        Assert.Contains("| `Shop.Data.AuditInterceptor` | SaveChanges interceptor, on `SaveChangesAsync` only | `Shop.Data.IAuditable` | `UpdatedAt` |  | [Data/Hooks.cs:", md);
        Assert.Contains("| `Shop.Data.ShopContext` | SaveChanges override, on `SaveChangesAsync` only | `Shop.Data.IAuditable`, `Shop.Data.ISoftDelete` | `CreatedAt`, `IsDeleted`, `UpdatedAt` | `State = EntityState.Modified when entry.State is EntityState.Deleted` | [Data/Hooks.cs:", md);
        Assert.DoesNotContain("LookAlike.Cache", md);
        Assert.DoesNotContain("`LookAlike.NotAHook` | SaveChanges", md);
    }

    [Fact]
    public void Only_assignments_to_tracked_entities_are_audit_fields()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Hooks.cs", """
            using System;
            namespace Shop.Data
            {
                public interface IAuditable { DateTime? UpdatedAt { get; set; } }
                public class Note : IAuditable { public int Id { get; set; } public DateTime? UpdatedAt { get; set; } }
                public class SaveStats { public int Saves { get; set; } public DateTime LastSave { get; set; } }
                public class ShopContext : DbContext
                {
                    private readonly SaveStats _stats = new();
                    public DbSet<Note> Notes => Set<Note>();
                    public override int SaveChanges()
                    {
                        _stats.Saves = _stats.Saves + 1;
                        _stats.LastSave = DateTime.UtcNow;
                        foreach (var entry in ChangeTracker.Entries())
                        {
                            if (entry.Entity is IAuditable auditable) auditable.UpdatedAt = DateTime.UtcNow;
                        }
                        return base.SaveChanges();
                    }
                }
            }
            """)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Contains("| `Shop.Data.ShopContext` | SaveChanges override, on `SaveChanges` only |  | `UpdatedAt` |  | [Data/Hooks.cs:", output.Markdown);
        Assert.DoesNotContain("`Saves`", output.Markdown);
        Assert.DoesNotContain("`LastSave`", output.Markdown);
    }

    [Fact]
    public void An_interceptor_that_publishes_saved_changes_to_a_broker_says_what_it_publishes()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Publishing.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            using MassTransit;
            using Microsoft.EntityFrameworkCore.Diagnostics;
            namespace Shop.Data
            {
                public record OrdersChanged(int Count);
                public class PublishingInterceptor(IPublishEndpoint publish) : SaveChangesInterceptor
                {
                    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
                    {
                        await publish.Publish(new OrdersChanged(result), cancellationToken);
                        return result;
                    }
                }
                // Trap: a Publish of another library.
                public class Bus { public Task Publish(object message) => Task.CompletedTask; }
                public class Quiet(Bus bus) : SaveChangesInterceptor
                {
                    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) { bus.Publish(new OrdersChanged(result)); return result; }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Hook | Kind | Entries | Sets | Entry states | Publishes | Evidence |", md);
        Assert.Contains("| `Shop.Data.PublishingInterceptor` | SaveChanges interceptor, on `SaveChangesAsync` only |  |  |  | MassTransit Publish Shop.Data.OrdersChanged |", md);
        // Bus.Publish is this project's code, not followed: each blank cell says so.
        Assert.Contains("| `Shop.Data.Quiet` | SaveChanges interceptor, on `SaveChanges` only | not read: calls `Bus.Publish()` | not read: calls `Bus.Publish()` | not read: calls `Bus.Publish()` | not read: calls `Bus.Publish()` |", md);
    }

    [Fact]
    public void A_hook_that_adds_rows_on_every_save_names_its_audit_table()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Audit.cs", """
            using System;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore.Diagnostics;
            namespace Shop.Data
            {
                public class Note { public int Id { get; set; } public string Text { get; set; } = ""; }
                public class AuditEntry { public int Id { get; set; } public string Table { get; set; } = ""; public string Action { get; set; } = ""; }
                public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
                {
                    public DbSet<Note> Notes => Set<Note>();
                    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

                    public override int SaveChanges()
                    {
                        var changes = ChangeTracker.Entries<Note>().Select(e => new AuditEntry { Table = "Notes", Action = e.State.ToString() }).ToList();
                        AuditEntries.AddRange(changes);
                        return base.SaveChanges();
                    }
                }

                public class AuditInterceptor : SaveChangesInterceptor
                {
                    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
                    {
                        eventData.Context!.Add(new AuditEntry { Table = "any", Action = "save" });
                        var seen = new System.Collections.Generic.List<string>();
                        seen.Add("not a row"); // a list's Add adds no row
                        return result;
                    }
                }

                // Rows written after the save through a context of its own: said so (a failed audit save cannot roll the change back).
                public class AuditContext(DbContextOptions<AuditContext> options) : DbContext(options) { public DbSet<AuditEntry> Entries => Set<AuditEntry>(); }
                public class AfterSaveAudit(IDbContextFactory<AuditContext> factory) : SaveChangesInterceptor
                {
                    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
                    {
                        await using var audit = await factory.CreateDbContextAsync(cancellationToken);
                        audit.Entries.Add(new AuditEntry { Table = "any", Action = "saved" });
                        await audit.SaveChangesAsync(cancellationToken);
                        return result;
                    }
                }
            }
            """)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| Hook | Kind | Entries | Sets | Entry states | Adds rows (audit table) | Evidence |", md);
        Assert.Contains("| `Shop.Data.AuditInterceptor` | SaveChanges interceptor, on `SaveChanges` only |  |  |  | `Shop.Data.AuditEntry` |", md);
        Assert.Contains("| `Shop.Data.ShopContext` | SaveChanges override, on `SaveChanges` only | `Shop.Data.Note` |  |  | `Shop.Data.AuditEntry` |", md);
        Assert.Contains("| `Shop.Data.AfterSaveAudit` | SaveChanges interceptor, on `SaveChangesAsync` only |  |  |  | `Shop.Data.AuditEntry` (after the save, through a new `AuditContext` saved on its own) |", md);
        var hooks = Json.Parse(output.Json).GetProperty("saveHooks").EnumerateArray().ToList();
        Assert.All(hooks, h => Assert.Equal("Shop.Data.AuditEntry", Assert.Single(h.GetProperty("addsRows").EnumerateArray()).GetString()));
    }

    private const string SoftDeleteModel = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore.Diagnostics;
        using Microsoft.Extensions.DependencyInjection;
        namespace Clinic
        {
            public interface ISoftDeletable { bool IsDeleted { get; set; } }
            public interface IAuditable { DateTime? UpdatedAt { get; set; } }
            public class Patient : ISoftDeletable, IAuditable { public int Id { get; set; } public bool IsDeleted { get; set; } public DateTime? UpdatedAt { get; set; } }
            public class Visit : IAuditable { public int Id { get; set; } public DateTime? UpdatedAt { get; set; } }
            public class ClinicContext(DbContextOptions<ClinicContext> options) : DbContext(options)
            {
                public DbSet<Patient> Patients => Set<Patient>();
                public DbSet<Visit> Visits => Set<Visit>();
            }
            public sealed class SoftDeleteInterceptor : SaveChangesInterceptor
            {
                public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
                {
                    foreach (var entry in eventData.Context!.ChangeTracker.Entries<IAuditable>())
                    {
                        if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = DateTime.UtcNow;
                    }
                    foreach (var entry in eventData.Context!.ChangeTracker.Entries<ISoftDeletable>())
                    {
                        if (entry.State == EntityState.Deleted)
                        {
                            entry.State = EntityState.Modified;
                            entry.Entity.IsDeleted = true;
                        }
                    }
                    return result;
                }
            }
            public class Repository<T>(ClinicContext db) where T : class
            {
                public void Remove(T entity) => db.Set<T>().Remove(entity);
            }
            public class PatientService(ClinicContext db)
            {
                public async Task Discharge(int id)
                {
                    var patient = await db.Patients.FindAsync(id);
                    db.Patients.Remove(patient!);
                    db.Visits.Remove(new Visit { Id = id });
                    await db.SaveChangesAsync();
                }
                public Task<int> Purge() => db.Patients.Where(p => p.IsDeleted).ExecuteDeleteAsync();
            }
            public static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddDbContext<ClinicContext>((sp, o) => o.UseSqlite("Data Source=clinic.db")REGISTRATION);
            }
        }
        """;

    [Fact]
    public void A_Remove_that_an_interceptor_turns_into_an_update_is_marked_as_a_soft_delete()
    {
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())"))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        var patient = md.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        // Remove of a soft-deletable entity: saved as an update, on SaveChanges only (the interceptor overrides SavingChanges
        // alone; EF judge: SaveCallFlavourTests). ExecuteDelete bypasses SaveChanges: a delete still.
        Assert.Contains("[Clinic.cs:51](Clinic.cs#L51) (soft delete: `Clinic.SoftDeleteInterceptor` saves it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row)", patient);
        Assert.Matches(@"`PatientService.Purge` \[Clinic.cs:55\]\(Clinic.cs#L55\) \|$", patient);
        // Visit is auditable, not soft-deletable: the interceptor's other loop does not make its Remove soft.
        var visit = md.Split('\n').Single(l => l.StartsWith("| `Clinic.Visit` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        Assert.DoesNotContain("soft delete", visit);
        Assert.Contains("`Repository.Remove` [Clinic.cs:44](Clinic.cs#L44) (soft delete for `Clinic.ISoftDeletable`: `Clinic.SoftDeleteInterceptor` saves it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row)", md);
        Assert.Contains("| `Clinic.SoftDeleteInterceptor` | SaveChanges interceptor, on `SaveChanges` only |", md);
        Assert.Contains("is marked as a soft delete; `ExecuteDelete` and SQL `DELETE` do not pass through save hooks", md);
        Assert.Contains("`ExecuteUpdate`, `ExecuteDelete` and SQL writes do not pass through SaveChanges: the save hooks (see below) neither set audit fields on them nor publish them.", md);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!;
        var soft = json["crud"]!.AsArray().Single(r => r!["entity"]!.GetValue<string>() == "Clinic.Patient" && r["api"]!.GetValue<string>() == "Remove")!["softDelete"]!;
        Assert.Equal("Clinic.SoftDeleteInterceptor", soft["savedAsUpdateBy"]!.GetValue<string>());
        Assert.True(soft["certain"]!.GetValue<bool>());
        Assert.Equal("SaveChanges", soft["on"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("Clinic.ISoftDeletable", json["saveHooks"]!.AsArray().Single()!["softDeleteEntries"]!.AsArray().Single()!.GetValue<string>());
    }

    private const string GuardedSoftDelete = """
                        if (entry.State == EntityState.Deleted)
                        {
                            entry.State = EntityState.Modified;
                            entry.Entity.IsDeleted = true;
                        }
        """;

    [Theory]
    [InlineData("if (entry.State != EntityState.Deleted) continue; entry.State = EntityState.Modified; entry.Entity.IsDeleted = true;", true)]
    [InlineData("if (entry.State is not EntityState.Deleted) { continue; } entry.State = EntityState.Modified; entry.Entity.IsDeleted = true;", true)]
    [InlineData("if (entry.State == EntityState.Deleted) continue; entry.State = EntityState.Modified;", false)] // trap: the deleted entries are skipped
    [InlineData("if (entry.State == EntityState.Deleted) { } else { entry.State = EntityState.Modified; }", false)] // trap: the else of the test
    [InlineData("if (entry.State == EntityState.Deleted || entry.State == EntityState.Added) entry.State = EntityState.Modified;", false)] // either state: not read (less said)
    public void A_soft_delete_written_as_an_early_continue_is_a_soft_delete(string rule, bool soft)
    {
        // Before, the early `continue` was not read: the interceptor's Modified was unconditional, and no soft delete was seen.
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())");
        Assert.Contains(GuardedSoftDelete, model);
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model.Replace(GuardedSoftDelete, "                    " + rule + "\n"))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var patient = output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        if (soft) Assert.Contains("(soft delete: `Clinic.SoftDeleteInterceptor` saves it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row)", patient);
        else Assert.DoesNotContain("soft delete", patient);
    }

    [Theory]
    // The entries filtered by a Where on their state, in the loop or through a local (a common interceptor shape).
    [InlineData("foreach (var entry in eventData.Context!.ChangeTracker.Entries<ISoftDeletable>().Where(e => e.State == EntityState.Deleted)) { entry.State = EntityState.Modified; entry.Entity.IsDeleted = true; }")]
    [InlineData("var deleted = eventData.Context!.ChangeTracker.Entries<ISoftDeletable>().Where(e => e.State == EntityState.Deleted).ToList(); foreach (var entry in deleted) { entry.State = EntityState.Modified; entry.Entity.IsDeleted = true; }")]
    // A switch on the state after an early exit about the context (the exit is no condition of the entries).
    [InlineData("if (eventData.Context is null) return result; foreach (var entry in eventData.Context.ChangeTracker.Entries<ISoftDeletable>()) { switch (entry.State) { case EntityState.Deleted: entry.State = EntityState.Modified; entry.Entity.IsDeleted = true; break; } }")]
    [InlineData("if (eventData.Context is null) return result; foreach (var entry in eventData.Context.ChangeTracker.Entries<ISoftDeletable>()) { if (entry.State != EntityState.Deleted) continue; entry.State = EntityState.Modified; entry.Entity.IsDeleted = true; }")]
    // A section with several labels, the deleted state among them (its condition reads `entry.State is EntityState.Detached or EntityState.Deleted`).
    [InlineData("foreach (var entry in eventData.Context!.ChangeTracker.Entries<ISoftDeletable>()) { switch (entry.State) { case EntityState.Detached: case EntityState.Deleted: entry.State = EntityState.Modified; entry.Entity.IsDeleted = true; break; } }")]
    public void Other_shapes_of_a_soft_delete_interceptor_are_soft_deletes(string body)
    {
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())");
        var start = model.IndexOf("foreach (var entry in eventData.Context!.ChangeTracker.Entries<ISoftDeletable>())", StringComparison.Ordinal);
        Assert.True(start > 0);
        var end = model.IndexOf("return result;", start, StringComparison.Ordinal);
        Assert.True(end > start);
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model.Substring(0, start) + body + "\n" + model.Substring(end))));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var patient = output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        Assert.Contains("(soft delete: `Clinic.SoftDeleteInterceptor` saves it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row)", patient);
    }

    [Fact]
    public void An_entry_set_to_Deleted_that_an_interceptor_turns_into_an_update_is_a_soft_delete()
    {
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())");
        Assert.Contains("db.Patients.Remove(patient!);", model);
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model.Replace("db.Patients.Remove(patient!);", "db.Entry(patient!).State = EntityState.Deleted;"))));

        var patient = output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        Assert.Contains("(`State = Deleted`) (soft delete: `Clinic.SoftDeleteInterceptor` saves it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row)", patient);
    }

    [Fact]
    public void An_interceptor_no_context_is_seen_adding_may_turn_a_Remove_into_an_update()
    {
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", SoftDeleteModel.Replace("REGISTRATION", ""))));

        var patient = output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        Assert.Contains("[Clinic.cs:51](Clinic.cs#L51) (`Clinic.SoftDeleteInterceptor` may save it as an update when saved with `SaveChanges`; `SaveChangesAsync` deletes the row: soft delete)", patient);
    }

    [Fact]
    public void An_interceptor_of_another_class_with_the_same_name_is_not_taken_for_the_registered_one()
    {
        // Trap: the context adds Clinic.Logging.SoftDeleteInterceptor, which only logs; Clinic.SoftDeleteInterceptor is
        // registered nowhere. Told apart by the argument's type, not by the name in the call's text.
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new Logging.SoftDeleteInterceptor())")
            + "\nnamespace Clinic.Logging { public sealed class SoftDeleteInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor { } }\n";
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var patient = output.Markdown!.Split('\n').Single(l => l.StartsWith("| `Clinic.Patient` |", StringComparison.Ordinal) && l.Contains("PatientService.Discharge"));
        Assert.Contains("(`Clinic.SoftDeleteInterceptor` may save it as an update", patient);
        Assert.DoesNotContain("(soft delete: ", patient);
    }

    [Fact]
    public void An_interceptor_that_soft_deletes_on_both_save_calls_is_not_qualified()
    {
        // The same rules run from SavingChanges and, through a helper, from SavingChangesAsync.
        var model = System.Text.RegularExpressions.Regex.Replace(SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())"),
            @"return result;\s*\}", "return result; }\n public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, "
                + "InterceptionResult<int> result, CancellationToken cancellationToken = default) => new(SavingChanges(eventData, result));");
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model)));

        Assert.Contains("(soft delete: `Clinic.SoftDeleteInterceptor` saves it as an update)", output.Markdown);
        Assert.Contains("| `Clinic.SoftDeleteInterceptor` | SaveChanges interceptor |", output.Markdown);
        var hook = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["saveHooks"]!.AsArray().Single()!;
        Assert.Equal(["SaveChanges", "SaveChangesAsync"], hook["softDeleteOn"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void A_soft_delete_made_after_the_save_makes_no_soft_delete()
    {
        // Trap: SavedChanges runs after EF deleted the row; setting the state then changes nothing in the database.
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())")
            .Replace("public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)",
                     "public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)");
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model)));

        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.DoesNotContain("saves it as an update", output.Markdown);
        Assert.DoesNotContain("\"softDelete\"", output.Json);
    }

    [Fact]
    public void A_hook_that_only_stamps_deleted_entries_makes_no_soft_delete()
    {
        // Trap: the entry stays Deleted (the hook records who deleted it): the row is still deleted.
        var model = SoftDeleteModel.Replace("REGISTRATION", ".AddInterceptors(new SoftDeleteInterceptor())")
            .Replace("entry.State = EntityState.Modified;", "entry.Entity.UpdatedAt = DateTime.UtcNow;");
        var output = GeneratorHarness.Run(Sources.With(("Clinic.cs", model)));

        Assert.DoesNotContain("soft delete:", output.Markdown);
        Assert.DoesNotContain("saves it as an update", output.Markdown);
        Assert.DoesNotContain("\"softDelete\"", output.Json);
    }
}
