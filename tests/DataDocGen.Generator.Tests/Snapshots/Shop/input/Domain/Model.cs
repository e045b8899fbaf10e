using System;
using System.ComponentModel.DataAnnotations.Schema;

namespace Shop.Domain;

[Table("Clients", Schema = "crm")]
public class Customer
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
}

public class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
}

public class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
}

public abstract class Payment
{
    public int Id { get; set; }
}

public class CardPayment : Payment
{
    public string Last4 { get; set; } = "";
}

public class Shipment
{
    public int Id { get; set; }
}

public class ExpressShipment : Shipment
{
    public string Courier { get; set; } = "";
}

public class OrderTotal
{
    public int OrderId { get; set; }
    public decimal Total { get; set; }
}

public class DailySales
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
}
