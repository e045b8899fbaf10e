-- Serves StockRepository.LowStockAsync. Built online so that the sync job keeps writing stock levels while it runs.
CREATE NONCLUSTERED INDEX IX_Stock_Quantity ON dbo.Stock (Quantity) INCLUDE (Name) WITH (ONLINE = ON);
