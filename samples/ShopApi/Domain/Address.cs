using Microsoft.EntityFrameworkCore;

namespace Shop.Domain;

/// <summary>A postal address, stored in its owner's table.</summary>
[Owned]
public class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string PostalCode { get; set; } = "";
}
