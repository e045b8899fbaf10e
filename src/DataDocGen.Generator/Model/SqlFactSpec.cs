namespace DataDocGen.Generator.Model;

/// <summary>What a piece of SQL text does for security or synchronisation, read from a .sql script or from constant SQL
/// in a migration. Never the text itself: passwords and data in scripts stay out of the report.</summary>
/// <param name="Category">access (users, roles, grants, row-level security), protection (TDE, masking),
/// capture (CDC, change tracking), script (a script file's summary).</param>
/// <param name="Fact">The fact in words, e.g. <c>GRANT SELECT, INSERT ON dbo.Orders TO app_writer</c>.</param>
/// <param name="Source">Where the SQL is: a script file, or the migration class that runs it.</param>
internal sealed record SqlFactSpec(string Category, string Fact, string Source, SourceLocation? Location);
