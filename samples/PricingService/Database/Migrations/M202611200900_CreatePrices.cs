using FluentMigrator;

namespace Pricing.Database.Migrations;

/// <summary>The price list in PostgreSQL. The pricing migrations are run by the deployment pipeline (dotnet-fm).</summary>
[Migration(202611200900, "Create prices")]
public sealed class CreatePrices : Migration
{
    public override void Up()
    {
        Create.Table("prices")
            .WithColumn("sku").AsString(32).PrimaryKey()
            .WithColumn("currency").AsFixedLengthString(3).NotNullable()
            .WithColumn("amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("valid_from").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("prices");
}
