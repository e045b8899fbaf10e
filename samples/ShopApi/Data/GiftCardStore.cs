using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

/// <summary>Gift cards are event-sourced in the shop's database: events are appended to the GiftCardEvents table and a
/// card is rebuilt by replaying its stream in version order.</summary>
public sealed class GiftCardStore(ShopContext db)
{
    /// <summary>Appends events after <paramref name="expectedVersion"/>. Two concurrent appends to one card write the same
    /// version: the unique (StreamId, Version) index rejects the second with a <see cref="DbUpdateException"/>.</summary>
    public async Task AppendAsync(Guid cardId, int expectedVersion, IReadOnlyList<object> changes, CancellationToken cancellationToken)
    {
        var version = expectedVersion;
        foreach (var change in changes)
        {
            db.GiftCardEvents.Add(new GiftCardEvent
            {
                StreamId = cardId,
                Version = ++version,
                EventType = change.GetType().Name,
                Payload = JsonSerializer.Serialize(change, change.GetType()),
                RecordedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replays the card's events, oldest first; null when the card has none.</summary>
    public async Task<GiftCard?> LoadAsync(Guid cardId, CancellationToken cancellationToken)
    {
        var rows = await db.GiftCardEvents.AsNoTracking()
            .Where(e => e.StreamId == cardId)
            .OrderBy(e => e.Version)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var card = new GiftCard(cardId);
        foreach (var row in rows)
        {
            card.Apply(Deserialize(row));
        }
        return card;
    }

    private static object Deserialize(GiftCardEvent row) => row.EventType switch
    {
        nameof(GiftCardIssued) => JsonSerializer.Deserialize<GiftCardIssued>(row.Payload)!,
        nameof(GiftCardRedeemed) => JsonSerializer.Deserialize<GiftCardRedeemed>(row.Payload)!,
        _ => throw new InvalidOperationException($"Unknown gift card event {row.EventType}."),
    };
}
