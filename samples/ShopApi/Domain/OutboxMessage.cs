using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Shop.Domain;

/// <summary>
/// A message to other systems, saved in the same transaction as the change it announces (the transactional outbox):
/// either both are committed or neither is. <see cref="Shop.Messaging.OutboxPublisher"/> sends it to the broker later
/// and sets <see cref="PublishedAt"/>.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The message contract's name, e.g. <c>OrderPlaced</c>.</summary>
    [MaxLength(200)]
    public string Type { get; set; } = "";

    /// <summary>The message as JSON.</summary>
    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>Null until the publisher has handed the message to the broker.</summary>
    public DateTime? PublishedAt { get; set; }

    public static OutboxMessage For<TMessage>(TMessage message) where TMessage : notnull => new()
    {
        Type = typeof(TMessage).Name,
        Payload = JsonSerializer.Serialize(message),
        OccurredAt = DateTime.UtcNow,
    };
}
