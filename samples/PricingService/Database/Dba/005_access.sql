CREATE LOGIN pricing_app WITH PASSWORD = 'Pr1cing-App-L0gin!';
CREATE USER pricing_app FOR LOGIN pricing_app;
CREATE ROLE pricing_reader;
CREATE ROLE pricing_admin;
ALTER ROLE pricing_reader ADD MEMBER pricing_app;
GRANT SELECT ON SCHEMA::catalogue TO pricing_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::cache TO pricing_app;
GRANT VIEW CHANGE TRACKING ON catalogue.Products TO pricing_reader;
