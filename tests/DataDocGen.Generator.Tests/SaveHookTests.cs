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
        Assert.Contains("| `Shop.Data.AuditInterceptor` | SaveChanges interceptor | `Shop.Data.IAuditable` | `UpdatedAt` |  | [Data/Hooks.cs:", md);
        Assert.Contains("| `Shop.Data.ShopContext` | SaveChanges override | `Shop.Data.IAuditable`, `Shop.Data.ISoftDelete` | `CreatedAt`, `IsDeleted`, `UpdatedAt` | `State = EntityState.Modified when entry.State is EntityState.Deleted` | [Data/Hooks.cs:", md);
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
        Assert.Contains("| `Shop.Data.ShopContext` | SaveChanges override |  | `UpdatedAt` |  | [Data/Hooks.cs:", output.Markdown);
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
        Assert.Contains("| `Shop.Data.PublishingInterceptor` | SaveChanges interceptor |  |  |  | MassTransit Publish Shop.Data.OrdersChanged |", md);
        Assert.Contains("| `Shop.Data.Quiet` | SaveChanges interceptor |  |  |  |  |", md);
    }
}
