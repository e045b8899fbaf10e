using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Shop.Api;

public record RenameProductRequest(string Name);

public record ChangePriceRequest(decimal Price);

public record IssueGiftCardRequest(decimal Amount);

public record RedeemGiftCardRequest(int OrderId, decimal Amount);

/// <summary>The body of POST /orders.</summary>
public sealed class PlaceOrderRequest
{
    [Range(1, int.MaxValue)]
    public int CustomerId { get; set; }

    [Required, MinLength(1)]
    public List<PlaceOrderLine> Lines { get; set; } = new();
}

public sealed class PlaceOrderLine
{
    [Range(1, int.MaxValue)]
    public int ProductId { get; set; }

    [Range(1, 100)]
    public int Quantity { get; set; }
}

/// <summary>Business rules beyond the attributes: no product twice in one order.</summary>
public sealed class PlaceOrderRequestValidator : AbstractValidator<PlaceOrderRequest>
{
    public PlaceOrderRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty().Must(lines => lines.Select(l => l.ProductId).Distinct().Count() == lines.Count)
            .WithMessage("A product appears twice.");
        RuleForEach(r => r.Lines).ChildRules(line => line.RuleFor(l => l.Quantity).InclusiveBetween(1, 100));
    }
}
