using Microsoft.Extensions.Compliance.Classification;

namespace Shop.Domain;

/// <summary>The shop's data classes: values classified private are redacted before they reach the logs.</summary>
public static class ShopTaxonomy
{
    public static string Name => typeof(ShopTaxonomy).FullName!;

    public static DataClassification PrivateData => new(Name, nameof(PrivateData));
}

/// <summary>Marks a member whose value identifies a customer.</summary>
public sealed class PrivateDataAttribute : DataClassificationAttribute
{
    public PrivateDataAttribute() : base(ShopTaxonomy.PrivateData)
    {
    }
}
