CREATE SCHEMA catalogue;
GO
CREATE TABLE catalogue.Products (
    Sku          varchar(32)   NOT NULL CONSTRAINT PK_Products PRIMARY KEY,
    Name         nvarchar(200) NOT NULL,
    Category     nvarchar(100) NOT NULL,
    TaxClass     varchar(16)   NOT NULL,
    SalesChannel varchar(16)   NOT NULL
);
CREATE TABLE catalogue.ProductSuppliers (
    Sku          varchar(32)   NOT NULL REFERENCES catalogue.Products (Sku),
    Supplier     nvarchar(100) NOT NULL,
    ContactEmail nvarchar(200) NULL,
    ContactPhone varchar(30)   NULL,
    CONSTRAINT PK_ProductSuppliers PRIMARY KEY (Sku, Supplier)
);
