-- The latest count per SKU the worker merges through linq2db (Data/CountLedger.cs). Applied by the DBA pipeline.
CREATE TABLE dbo.LatestCounts (
    Sku varchar(32) NOT NULL PRIMARY KEY,
    OnHand int NOT NULL,
    CountedAt datetime2 NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON dbo.LatestCounts TO inventory_app;
