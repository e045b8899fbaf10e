using System.ComponentModel.DataAnnotations;

namespace Shop.Domain;

/// <summary>
/// One event of a gift card's stream, as stored: the card's history is the source of truth and its balance is folded
/// from it (<see cref="Shop.Data.GiftCardStore.LoadAsync"/>). A unique (StreamId, Version) index makes a concurrent append
/// of the same version fail.
/// </summary>
public class GiftCardEvent
{
    public long Id { get; set; }
    public Guid StreamId { get; set; }
    public int Version { get; set; }

    [MaxLength(100)]
    public string EventType { get; set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}
