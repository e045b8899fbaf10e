namespace Shop.Domain;

public class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public DateTime PlacedAt { get; set; }
    public List<OrderLine> Lines { get; } = new();

    public void AddLine(int productId, int quantity, decimal unitPrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPrice);
        if (Lines.Count >= MaxLines) throw new InvalidOperationException("An order holds at most 100 lines.");
        Lines.Add(new OrderLine { ProductId = productId, Quantity = quantity, UnitPrice = unitPrice });
    }

    private const int MaxLines = 100;
}

public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public int ProductId { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}
