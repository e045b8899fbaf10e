using System.ComponentModel.DataAnnotations.Schema;

namespace Shop.Domain;

[Table("Products", Schema = "catalog")]
public class Product
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public List<Tag> Tags { get; } = new();
}
