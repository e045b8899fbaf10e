namespace Pricing.Pricing;

/// <summary>The selling price of one product in one currency.</summary>
public sealed record Price(string Sku, string Currency, decimal Amount, DateTimeOffset ValidFrom);
