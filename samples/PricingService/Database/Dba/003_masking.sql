ALTER TABLE catalogue.ProductSuppliers ALTER COLUMN ContactEmail ADD MASKED WITH (FUNCTION = 'email()');
ALTER TABLE catalogue.ProductSuppliers ALTER COLUMN ContactPhone ADD MASKED WITH (FUNCTION = 'partial(0, "XXX-XXX-", 4)');
