namespace Shop.Domain;

/// <summary>An invoice, kept in the tenant's own billing database.</summary>
public class Invoice
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public decimal Total { get; set; }
    public DateTime IssuedAt { get; set; }
    public string CustomerTaxId { get; set; } = "";
}
