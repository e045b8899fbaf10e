-- The table AddDistributedSqlServerCache reads and writes (the layout of `dotnet sql-cache create`).
CREATE SCHEMA cache;
GO
CREATE TABLE cache.PriceCache (
    Id                         nvarchar(449)  NOT NULL CONSTRAINT PK_PriceCache PRIMARY KEY,
    Value                      varbinary(max) NOT NULL,
    ExpiresAtTime              datetimeoffset NOT NULL,
    SlidingExpirationInSeconds bigint         NULL,
    AbsoluteExpiration         datetimeoffset NULL
);
CREATE NONCLUSTERED INDEX IX_PriceCache_ExpiresAtTime ON cache.PriceCache (ExpiresAtTime);
