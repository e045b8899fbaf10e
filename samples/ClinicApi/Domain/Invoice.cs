using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clinic.Domain;

public class Invoice
{
    private readonly ILazyLoader? _lazyLoader;
    private ICollection<InvoiceLine>? _lines;

    public Invoice() { }

    // EF Core uses this constructor when it materialises an invoice, so its lines load on first access.
    private Invoice(ILazyLoader lazyLoader) => _lazyLoader = lazyLoader;

    public int Id { get; set; }
    public int AppointmentId { get; set; }
    public DateTime IssuedAt { get; set; }
    public decimal Total { get; set; }

    public ICollection<InvoiceLine> Lines
    {
        get => _lazyLoader.Load(this, ref _lines) ?? (_lines = new List<InvoiceLine>());
        set => _lines = value;
    }
}

public class InvoiceLine
{
    public int Id { get; set; }
    public int InvoiceId { get; set; }
    public string Description { get; set; } = "";
    public decimal Amount { get; set; }
}
