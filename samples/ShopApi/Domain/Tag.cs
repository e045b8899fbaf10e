namespace Shop.Domain;

/// <summary>Catalogue tags; products and tags are many-to-many through EF Core's implicit join table.</summary>
public class Tag
{
    public int Id { get; set; }
    public string Label { get; set; } = "";
    public List<Product> Products { get; } = new();
}
