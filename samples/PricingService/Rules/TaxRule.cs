namespace Pricing.Rules;

/// <summary>The tax rate of a tax class in a region.</summary>
public sealed record TaxRule(string Region, string TaxClass, decimal Rate);
