INSERT INTO tax_rules (region, tax_class, rate) VALUES
    ('DE', 'standard', 0.19), ('DE', 'reduced', 0.07),
    ('FR', 'standard', 0.20), ('FR', 'reduced', 0.055);
