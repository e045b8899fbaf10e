-- Run by the DBA once per environment: the search indexer reads product changes through change tracking.
ALTER DATABASE Catalogue SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 2 DAYS, AUTO_CLEANUP = ON);
ALTER TABLE catalogue.Products ENABLE CHANGE_TRACKING WITH (TRACK_COLUMNS_UPDATED = ON);
