namespace Shop.Domain;

public class AuditEntry
{
    public long Id { get; set; }
    public string Action { get; set; } = "";
    public string EntityName { get; set; } = "";
    public DateTime At { get; set; }
}
