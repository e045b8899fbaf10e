namespace Pricing.Api;

/// <summary>A new price set by a pricing manager.</summary>
public sealed record SetPriceRequest(decimal Amount);

/// <summary>A price change that needs a second pair of eyes (beyond the allowed step).</summary>
public sealed record PriceChangeRequest(decimal Amount, string RequestedBy);

/// <summary>The price as the API returns it, with tax for the region asked.</summary>
public sealed record PriceQuote(string Sku, string Currency, decimal Net, decimal Gross);
