namespace Shop.Domain;

/// <summary>Payments share one table (EF Core's default table-per-hierarchy mapping).</summary>
public abstract class Payment
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public decimal Amount { get; set; }
}

public class CardPayment : Payment
{
    public string CardLast4 { get; set; } = "";
}

public class BankTransferPayment : Payment
{
    public string Reference { get; set; } = "";
}
