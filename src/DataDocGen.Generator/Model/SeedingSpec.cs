using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>Seeding beyond <c>HasData</c>: EF Core 9's <c>UseSeeding</c>/<c>UseAsyncSeeding</c>, seeder classes that write
/// data, calls to them (with the condition around the call, such as an environment check), and Bogus fakers.</summary>
/// <param name="Kind">UseSeeding, UseAsyncSeeding, seeder class, seeding call, Bogus faker.</param>
/// <param name="Subject">The seeder class, the method called, or the type a faker fills.</param>
/// <param name="Details">What it does: the data operations (in order), or the properties a faker fills and how many it generates.</param>
/// <param name="Condition">The condition around the call or registration, as code.</param>
/// <param name="WritesOnlyIf">What the seeding code's writes wait on inside it, with code spans: <c>writes only if not `await db.Customers.AnyAsync()`</c>,
/// or, when the writes wait on different conditions, each of them.</param>
internal sealed record SeedingSpec(string Kind, string Subject, EquatableArray<string> Details, string? Condition, string Member, SourceLocation? Location,
    string? WritesOnlyIf = null);
