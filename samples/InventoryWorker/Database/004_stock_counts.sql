-- The count ledger the worker keeps through linq2db (Data/CountLedger.cs). Applied by the DBA pipeline.
CREATE TABLE dbo.StockCounts (
    Id bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    Sku varchar(32) NOT NULL,
    OnHand int NOT NULL,
    CountedAt datetime2 NOT NULL
);

GRANT SELECT, INSERT, DELETE ON dbo.StockCounts TO inventory_app;
