CREATE TABLE tax_rules (
    region    TEXT    NOT NULL,
    tax_class TEXT    NOT NULL,
    rate      NUMERIC NOT NULL,
    PRIMARY KEY (region, tax_class)
);
