CREATE TABLE catalogue.SalesChannels (
    Code varchar(16)  NOT NULL CONSTRAINT PK_SalesChannels PRIMARY KEY,
    Name nvarchar(50) NOT NULL
);
INSERT INTO catalogue.SalesChannels (Code, Name) VALUES ('web', N'Web shop'), ('store', N'Stores'), ('b2b', N'Business customers');
