using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>
/// Tracked updates that are none: a property set on an entity a plain query loaded (<see cref="CrudSpec.UntrackedUnder"/>)
/// writes nothing when the context's options turn tracking off (<c>UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)</c>
/// in <c>OnConfiguring</c>, a registration or an options builder the code makes for the application): the entity is not
/// tracked. Those rows are dropped. A behaviour other than the constant <c>TrackAll</c> counts as off (a value chosen at
/// run time may be): the row would claim a write that may not happen. Applied when a project's report is built and again
/// on the merged report, where the options may come from the host.
/// </summary>
internal static class UntrackedUpdates
{
    public static EquatableArray<CrudSpec> Drop(EquatableArray<CrudSpec> rows, IEnumerable<ContextReport> contexts)
    {
        if (!rows.Any(r => r.UntrackedUnder is not null)) return rows;
        var untracked = new HashSet<string>(contexts.Where(c => c.ConfiguredOptions.Concat(c.Registrations.SelectMany(r => r.Options)).Any(TurnsTrackingOff))
            .Select(c => c.FullName), StringComparer.Ordinal);
        return untracked.Count == 0 ? rows : rows.Where(r => r.UntrackedUnder is null || !untracked.Contains(r.UntrackedUnder)).ToEquatableArray();
    }

    private static bool TurnsTrackingOff(OptionCallSpec option) =>
        option.Call.StartsWith("UseQueryTrackingBehavior(", StringComparison.Ordinal)
        && (option.Assembly ?? "").StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
        && !option.Call.EndsWith(".TrackAll)", StringComparison.Ordinal);
}
