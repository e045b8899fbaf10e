CREATE TABLE catalogue.Currencies (
    Code    char(3)      NOT NULL CONSTRAINT PK_Currencies PRIMARY KEY,
    Name    nvarchar(50) NOT NULL
);
INSERT INTO catalogue.Currencies (Code, Name) VALUES ('EUR', N'Euro'), ('GBP', N'Pound sterling'), ('USD', N'US dollar');
