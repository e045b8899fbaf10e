CREATE FUNCTION catalogue.fn_sales_channel(@SalesChannel varchar(16))
    RETURNS TABLE
    WITH SCHEMABINDING
AS
    RETURN SELECT 1 AS allowed
    WHERE @SalesChannel = CAST(SESSION_CONTEXT(N'sales_channel') AS varchar(16)) OR IS_MEMBER('pricing_admin') = 1;
GO
CREATE SECURITY POLICY catalogue.SalesChannelFilter
    ADD FILTER PREDICATE catalogue.fn_sales_channel(SalesChannel) ON catalogue.Products
    WITH (STATE = ON);
