using FluentMigrator;

namespace Pricing.Database.Migrations;

[Migration(202611241500, "Add exchange rates")]
public sealed class AddExchangeRates : Migration
{
    public override void Up()
    {
        Create.Table("exchange_rates")
            .WithColumn("currency").AsFixedLengthString(3).NotNullable()
            .WithColumn("rate_date").AsDate().NotNullable()
            .WithColumn("rate_to_eur").AsDecimal(18, 8).NotNullable();
        Create.PrimaryKey("pk_exchange_rates").OnTable("exchange_rates").Columns("currency", "rate_date");
        Create.Index("ix_prices_valid_from").OnTable("prices").OnColumn("valid_from");
    }

    public override void Down()
    {
        Delete.Index("ix_prices_valid_from").OnTable("prices");
        Delete.Table("exchange_rates");
    }
}
