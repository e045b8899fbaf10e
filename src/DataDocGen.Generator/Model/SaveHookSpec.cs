using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>Code that runs when changes are saved: a DbContext's <c>SaveChanges[Async]</c> override or an EF Core
/// <c>SaveChangesInterceptor</c>'s <c>SavingChanges[Async]</c>, with what it does to the tracked entries.</summary>
/// <param name="Kind">"SaveChanges override", "SaveChanges interceptor", "ChangeTracker.Tracked handler" or "ChangeTracker.StateChanged handler".</param>
/// <param name="TypeName">The class declaring the hook (full name).</param>
/// <param name="Entries">The types named in <c>ChangeTracker.Entries&lt;T&gt;()</c> (full names); empty when all entries or none.</param>
/// <param name="AssignedMembers">Properties the hook sets: <c>x.CreatedAt = ...</c> or <c>entry.Property("UpdatedAt").CurrentValue = ...</c>.</param>
/// <param name="StateChanges">Entry state assignments as code (<c>State = EntityState.Modified</c>), with their condition.</param>
/// <param name="Publishes">Messages the hook sends to a broker (MassTransit, Kafka, Azure Service Bus, RabbitMQ), e.g.
/// <c>MassTransit Publish Shop.OrderChanged</c>, <c>Kafka ProduceAsync Shop.OrderChanged to topic orders</c> (the brokers'
/// own clients as <see cref="Parsing.BrokerClientParser"/> reads them): changes published as they are saved.</param>
/// <param name="AddsRows">Entities the hook adds rows of (<c>Add</c>/<c>AddRange</c> on a context or a set, as the CRUD
/// matrix reads them): an audit table written on every save, e.g. <c>Shop.Domain.AuditEntry</c>.</param>
/// <param name="AddsRowsHow">For rows added after the save or through a context the hook creates, as
/// <c>Shop.Domain.AuditEntry: after the save, through a new `AuditContext` saved on its own</c>.</param>
/// <param name="SoftDeleteEntries">The entry type of the <c>foreach (var entry in ChangeTracker.Entries&lt;T&gt;())</c> loop around a
/// state change that turns a deleted entry into a modified one (a soft delete), e.g. <c>Clinic.Domain.ISoftDeletable</c>; empty
/// when that change is not inside such a loop (the hook may then apply to any entry).</param>
/// <param name="RunsOn">The context's save calls the hook runs on, <c>SaveChanges</c> and/or <c>SaveChangesAsync</c>: an
/// interceptor's <c>SavingChanges</c> runs on the first only, <c>SavingChangesAsync</c> on the second only (EF Core calls
/// one or the other), and so does a context's <c>SaveChanges</c> or <c>SaveChangesAsync</c> override.</param>
/// <param name="SoftDeleteOn">The save calls whose hook methods (with the helpers they call) make the soft-delete state
/// change, <c>SavedChanges[Async]</c> left out (it runs after the rows are deleted).</param>
/// <param name="EntriesWhen">The conditions, as code, under which a change-tracker handler or a loop over
/// <c>Entries().Where(...).Select(e => e.Entity).OfType&lt;T&gt;()</c> sets its members (<c>e.NewState == EntityState.Modified</c>);
/// empty when none is read or one set is made under none.</param>
/// <param name="NotRead">Calls into this project's code the hook makes as statements and DataDocGen does not follow
/// (<c>IHasConcurrencyToken.OnSavingChanges()</c>): what they do to the entries is not read.</param>
internal sealed record SaveHookSpec(
    string Kind,
    string TypeName,
    EquatableArray<string> Entries,
    EquatableArray<string> AssignedMembers,
    EquatableArray<string> StateChanges,
    SourceLocation? Location,
    EquatableArray<string> Publishes = default,
    EquatableArray<string> AddsRows = default,
    EquatableArray<string> SoftDeleteEntries = default,
    EquatableArray<string> AddsRowsHow = default,
    EquatableArray<string> RunsOn = default,
    EquatableArray<string> SoftDeleteOn = default,
    EquatableArray<string> EntriesWhen = default,
    EquatableArray<string> NotRead = default);
