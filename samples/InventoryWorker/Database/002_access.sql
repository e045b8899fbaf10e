-- The worker's own login: it reads and writes stock, and inserts reservations; nothing else.
CREATE USER inventory_app WITH PASSWORD = 'set-by-the-pipeline';
GRANT SELECT, UPDATE ON dbo.Stock TO inventory_app;
GRANT INSERT ON dbo.Reservations TO inventory_app;

-- Stock changes are captured for the reporting warehouse.
EXEC sys.sp_cdc_enable_db;
EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'Stock', @role_name = NULL;
