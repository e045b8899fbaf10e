using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// A <c>try</c> statement shaped like a hand-written orchestration (issue 4, sagas): the code of its block (the steps) and
/// the code that runs when it fails (the compensation paths), each as the lines its own facts may sit on and the project
/// methods it calls. Whether the steps and compensations change data is decided on the built report
/// (<see cref="Report.Orchestrations"/>), which joins the facts by member and line as background jobs do.
/// </summary>
/// <param name="Member">The method, as facts' <c>Member</c> values spell it (<c>Checkout.PlaceOrderAsync</c>).</param>
/// <param name="Location">The method's declaration.</param>
/// <param name="Steps">The <c>try</c> block, without the lambdas pushed onto a compensation stack.</param>
/// <param name="Paths">What runs on failure: a <c>catch</c> that ends by throwing or returning, a <c>finally</c> guarded by a
/// success flag, or the delegates of a compensation stack.</param>
internal sealed record OrchestrationSpec(string Member, SourceLocation? Location, OrchestrationRegion Steps, EquatableArray<CompensationPathSpec> Paths);

/// <summary>Code of one part of the orchestration: the lines of <paramref name="Path"/> on which every token belongs to this
/// part (a line shared with another part is nobody's, so a fact on it is never given to the wrong part), and the calls
/// into this project's methods made in it (<see cref="Parsing.CalledMethods"/>, two levels).</summary>
internal sealed record OrchestrationRegion(string Path, EquatableArray<int> Lines, EquatableArray<HostedServiceCall> Calls);

/// <summary>One way the orchestration compensates.</summary>
/// <param name="Kind"><c>catch</c>, <c>finally</c> (guarded by a success flag) or <c>compensation stack</c>.</param>
/// <param name="Text">Markdown prose: where it runs and how it ends (<c>in `catch (PaymentDeclinedException)`, then rethrows</c>).</param>
/// <param name="Location">The <c>catch</c>, the guarding <c>if</c>, or the collection's declaration.</param>
/// <param name="Regions">The code that compensates: the <c>catch</c> block or guarded statement; for a stack, each pushed
/// lambda, in the order the code runs them.</param>
/// <param name="RepeatedLines">Lines of calls written exactly as a call of the <c>try</c> block: a fact there that is also a
/// step is the same call made again (a retry), not a compensation.</param>
/// <param name="FailureGoesOn">The path ends by throwing (a <c>catch</c> that rethrows or throws, a guarded <c>finally</c>, a
/// stack run in either); false for a <c>catch</c> that returns, which may as well be a fallback.</param>
internal sealed record CompensationPathSpec(string Kind, string Text, SourceLocation? Location, EquatableArray<OrchestrationRegion> Regions, EquatableArray<int> RepeatedLines,
    bool FailureGoesOn);

internal sealed record OrchestrationResult(OrchestrationSpec? Spec, string? Error);
