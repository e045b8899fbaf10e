-- The inventory schema. Applied by the DBA pipeline (not by this worker).
CREATE TABLE dbo.Stock (
    Sku varchar(32) NOT NULL PRIMARY KEY,
    Name nvarchar(200) NOT NULL,
    Quantity int NOT NULL,
    Reserved int NOT NULL DEFAULT 0
);

CREATE TABLE dbo.Reservations (
    OrderId uniqueidentifier NOT NULL,
    Sku varchar(32) NOT NULL REFERENCES dbo.Stock (Sku),
    Quantity int NOT NULL,
    PRIMARY KEY (OrderId, Sku)
);
