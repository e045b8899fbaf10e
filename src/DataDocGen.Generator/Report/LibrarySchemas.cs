using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>The tables libraries create or change at run time, as section 3.1 lists them (<see cref="Parsing.LibrarySchemaParser"/>).</summary>
internal static class LibrarySchemas
{
    /// <summary>Marten's behaviour when <c>AutoCreateSchemaObjects</c> is set nowhere: <c>CreateOrUpdate</c>, read at run time from
    /// <c>new StoreOptions()</c> of Marten 9.58 (JasperFx's profiles default to it too); the wording is JasperFx's documentation of it.</summary>
    private const string MartenDefault = "creates missing tables and functions and updates existing ones to the configuration, dropping columns, indexes and foreign keys it no longer declares (never whole tables), when a document type or the event store is first used (`AutoCreateSchemaObjects` is not set: Marten's default `CreateOrUpdate`)";

    /// <summary>
    /// The rows to show, in code order, decided for the whole project before any namespace filter: a Marten store gets
    /// Marten's default only when the setting is written nowhere in the project and no JasperFx shared settings (which may
    /// set it for every store) are configured; otherwise the assignments are the rows, and the shared settings none.
    /// </summary>
    public static EquatableArray<LibrarySchemaSpec> Resolve(IReadOnlyList<LibrarySchemaSpec> all)
    {
        var rows = all.Where(s => s.Kind is LibrarySchemaKind.Hangfire or LibrarySchemaKind.Rebus or LibrarySchemaKind.MartenAutoCreate or LibrarySchemaKind.MartenApplyOnStartup).ToList();
        // JasperFx's resource setup at start-up concerns Marten only where the project registers a Marten store.
        if (all.Any(s => s.Kind == LibrarySchemaKind.MartenStore)) rows.AddRange(all.Where(s => s.Kind == LibrarySchemaKind.ResourceSetupOnStartup));
        if (!all.Any(s => s.Kind is LibrarySchemaKind.MartenAutoCreate or LibrarySchemaKind.MartenSharedDefaults))
        {
            rows.AddRange(all.Where(s => s.Kind == LibrarySchemaKind.MartenStore).Select(s => s with { Behaviour = MartenDefault }));
        }
        return rows.OrderBy(s => s.Location, LocationComparer.Instance).ThenBy(s => s.Kind).ToEquatableArray();
    }
}
