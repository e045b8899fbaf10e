namespace Shop.Domain;

public sealed record GiftCardIssued(decimal Amount);

public sealed record GiftCardRedeemed(int OrderId, decimal Amount);

/// <summary>A gift card rebuilt from its events: each one changes the balance, in the order they happened.</summary>
public sealed class GiftCard(Guid id)
{
    public Guid Id { get; } = id;
    public decimal Balance { get; private set; }

    /// <summary>The number of events applied: the version the next append must follow.</summary>
    public int Version { get; private set; }

    public void Apply(object change)
    {
        switch (change)
        {
            case GiftCardIssued issued:
                Balance = issued.Amount;
                break;
            case GiftCardRedeemed redeemed:
                Balance -= redeemed.Amount;
                break;
            default:
                throw new InvalidOperationException($"Unknown gift card event {change.GetType().Name}.");
        }
        Version++;
    }

    public GiftCardRedeemed Redeem(int orderId, decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (amount > Balance) throw new InvalidOperationException("The gift card's balance is too low.");
        return new GiftCardRedeemed(orderId, amount);
    }
}
