using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shop.Domain;

namespace Shop.Data;

/// <summary>
/// Logs every entity the shop's context adds, changes or deletes in the audit database (AuditContext). The entries are
/// taken before the save (afterwards every entry is Unchanged) and written once the save has succeeded, so a failed
/// save leaves no audit row. One instance serves all pooled contexts: pending rows are kept per context.
/// </summary>
public sealed class AuditInterceptor(IDbContextFactory<AuditContext> auditFactory, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<AuditEntry>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var at = clock.GetUtcNow().UtcDateTime;
            var rows = context.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => new AuditEntry { Action = e.State.ToString(), EntityName = e.Metadata.ClrType.Name, At = at })
                .ToList();
            _pending.AddOrUpdate(context, rows);
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var rows) && rows.Count > 0)
        {
            _pending.Remove(context);
            await using var audit = await auditFactory.CreateDbContextAsync(cancellationToken);
            audit.Entries.AddRange(rows);
            await audit.SaveChangesAsync(cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
