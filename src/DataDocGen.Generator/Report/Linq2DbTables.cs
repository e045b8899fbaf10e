using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// The tables mapped by linq2db (section 1.2): one per entity class, with every place the code uses it (each site read the
/// same attributes). Where the project configures linq2db's mapping in code (<see cref="Linq2DbMappingCodeSpec"/>), the
/// entity it names, or every entity when it names none (a mapping schema handed to the options may map any), is listed
/// without its table and columns: the attributes may not be the whole mapping.
/// </summary>
internal static class Linq2DbTables
{
    public static EquatableArray<Linq2DbTableSpec> Assemble(IReadOnlyList<Linq2DbTableSpec> found, IReadOnlyList<Linq2DbMappingCodeSpec> mappingCode)
    {
        var result = new List<Linq2DbTableSpec>();
        foreach (var group in found.GroupBy(t => t.Entity, StringComparer.Ordinal))
        {
            var first = group.First();
            var uses = group.SelectMany(t => t.Uses).Distinct().OrderBy(u => u.Location, LocationComparer.Instance).ThenBy(u => u.What, StringComparer.Ordinal).ToEquatableArray();
            var table = first with { Uses = uses };
            // The code naming this entity first, else the first that may map any.
            var code = mappingCode.Where(m => m.Entity is null || m.Entity == table.Entity)
                .OrderBy(m => m.Entity is null ? 1 : 0).ThenBy(m => m.Location, LocationComparer.Instance).ThenBy(m => m.What, StringComparer.Ordinal).FirstOrDefault();
            if (code is not null)
            {
                table = table with
                {
                    Table = null,
                    Schema = null,
                    TableFrom = null,
                    ColumnAttributeRequired = null,
                    Columns = EquatableArray<Linq2DbColumnSpec>.Empty,
                    NotRead = "mapping configured in code that this section does not read (" + code.What + ")",
                    NotReadLocation = code.Location,
                };
            }
            result.Add(table);
        }
        return result.OrderBy(t => t.EntityLocation, LocationComparer.Instance).ThenBy(t => t.Entity, StringComparer.Ordinal).ToEquatableArray();
    }
}
