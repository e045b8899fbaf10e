using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataDocGen.Generator.Tests;

/// <summary>EF Core as the judge of the rule <see cref="Parsing.SaveHookParser"/> follows for save hooks: an interceptor's
/// <c>SavingChanges</c> runs on <c>SaveChanges()</c> only and <c>SavingChangesAsync</c> on <c>SaveChangesAsync()</c> only
/// (the base class's other method does nothing), and a context overriding one of <c>SaveChanges</c>/<c>SaveChangesAsync</c>
/// is bypassed by the other. A soft delete made in one flavour is a hard delete in the other.</summary>
public class SaveCallFlavourTests
{
    public class Note { public int Id { get; set; } public bool IsDeleted { get; set; } }

    private static void SoftDelete(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<Note>())
        {
            if (entry.State == EntityState.Deleted)
            {
                entry.State = EntityState.Modified;
                entry.Entity.IsDeleted = true;
            }
        }
    }

    private sealed class SyncOnly : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            SoftDelete(eventData.Context!);
            return result;
        }
    }

    private sealed class AsyncOnly : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            SoftDelete(eventData.Context!);
            return new(result);
        }
    }

    private class NotesContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class AsyncOverrideContext(DbContextOptions options) : NotesContext(options)
    {
        public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
        {
            SoftDelete(this);
            return base.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Adds a note, removes it, saves with the given flavour: true when the row is still there (soft deleted).</summary>
    private static async Task<bool> Kept(Func<DbContextOptions, NotesContext> create, IInterceptor? interceptor, bool async)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var builder = new DbContextOptionsBuilder().UseSqlite(connection);
        if (interceptor is not null) builder.AddInterceptors(interceptor);
        using (var context = create(builder.Options))
        {
            context.Database.EnsureCreated();
            context.Notes.Add(new Note { Id = 1 });
            context.SaveChanges();
            context.Notes.Remove(context.Notes.Single());
            if (async) await context.SaveChangesAsync();
            else context.SaveChanges();
        }
        using var check = create(new DbContextOptionsBuilder().UseSqlite(connection).Options);
        return check.Notes.Any();
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task An_interceptor_overriding_SavingChanges_only_soft_deletes_on_SaveChanges_only(bool async, bool kept) =>
        Assert.Equal(kept, await Kept(o => new NotesContext(o), new SyncOnly(), async));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task An_interceptor_overriding_SavingChangesAsync_only_soft_deletes_on_SaveChangesAsync_only(bool async, bool kept) =>
        Assert.Equal(kept, await Kept(o => new NotesContext(o), new AsyncOnly(), async));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task A_context_overriding_SaveChangesAsync_only_soft_deletes_on_SaveChangesAsync_only(bool async, bool kept) =>
        Assert.Equal(kept, await Kept(o => new AsyncOverrideContext(o), null, async));
}
