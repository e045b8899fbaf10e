namespace Shop.Domain;

public class Customer
{
    public int Id { get; set; }
    [PrivateData] public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public Address? ShippingAddress { get; set; }
    public List<Order> Orders { get; } = new();
}
