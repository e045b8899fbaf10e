using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>A hand-written orchestration: a method whose <c>try</c> block makes two or more data-changing steps and whose
/// failure paths make data-changing steps before the failure goes on (<see cref="Orchestrations"/>).</summary>
/// <param name="Member">The method, <c>Type.Method</c>.</param>
/// <param name="Steps">The data-changing steps of the <c>try</c> block, in the order of its code.</param>
/// <param name="Compensations">Each failure path that compensates, with its data-changing steps in the order they run.</param>
internal sealed record OrchestrationReport(string Member, SourceLocation? Location, EquatableArray<OrchestrationStepReport> Steps, EquatableArray<CompensationReport> Compensations);

/// <param name="Kind"><c>catch</c>, <c>finally</c> or <c>compensation stack</c>.</param>
/// <param name="Text">Markdown prose: where it runs and how it ends.</param>
internal sealed record CompensationReport(string Kind, string Text, SourceLocation? Location, EquatableArray<OrchestrationStepReport> Steps);

/// <summary>A step or compensation, in the words of a background job's step (<see cref="JobStepReport"/>).</summary>
/// <param name="Pairing">For a compensation: the steps it is paired with and how (<c>pairs with step 1: deletes the entity
/// type step 1 creates</c>), when a step of the <c>try</c> block changes the same entity type or table; null otherwise.</param>
internal sealed record OrchestrationStepReport(string Text, string? Through, SourceLocation? Location, bool OnCacheMiss, string? Pairing);

/// <summary>
/// Hand-written orchestrations (issue 4, sagas), by structure (<see cref="Parsing.OrchestrationParser"/>), joined with the
/// facts found as background jobs are (<see cref="BackgroundJobs.OrderedSteps"/>: the method's own facts on the lines of
/// each part, and those of the project methods each part calls, two levels). Only data-changing facts count
/// (<see cref="JobFact.ChangesData"/>; cache uses, reads and transactions do not). Claimed when the <c>try</c> block has
/// two or more such steps and a failure path has one or more that are no retry (a fact on a call written exactly as a
/// step's call, which is that step again) and, for a <c>catch</c> or guarded <c>finally</c>, at least one deletes an
/// entity type a step creates (or creates one a step deletes), or changes an entity type or table a step changes before
/// the failure goes on (a throw, or a <c>finally</c>; a <c>catch</c> that updates and returns may be a fallback). A
/// <c>catch</c> that only writes an error log or publishes a failure event is not shown as undoing anything. A compensation stack (delegates pushed as the steps run, run on failure) needs no such
/// pairing: the code says they compensate.
/// </summary>
internal static class Orchestrations
{
    public static EquatableArray<OrchestrationReport> Find(DataLayerReport report, IReadOnlyList<OrchestrationSpec> specs)
    {
        if (specs.Count == 0) return EquatableArray<OrchestrationReport>.Empty;
        var implementations = BackgroundJobs.Implementations(report);
        var factoryLines = BackgroundJobs.FactoryLines(report);
        var facts = BackgroundJobs.Facts(report).Where(f => f.ChangesData)
            .Select(f => (f, InFactory: f.Location is not null && factoryLines.Contains(f.Location))).ToList();
        var found = new List<OrchestrationReport>();
        foreach (var spec in specs)
        {
            var steps = Steps(spec.Member, spec.Steps, facts, implementations);
            // Two operations at least: an upsert is two CRUD rows (a create and an update) of one call.
            if (steps.Select(s => (s.Step.Location, s.Step.Through, s.Fact.Location)).Distinct().Count() < 2) continue;
            var numbers = Numbers(steps);
            var compensations = new List<CompensationReport>();
            foreach (var path in spec.Paths)
            {
                var undo = path.Regions.SelectMany(r => Steps(spec.Member, r, facts, implementations)).ToList();
                if (undo.Count == 0) continue;
                // The same call again, doing what a step does: a retry.
                if (undo.Any(u => u.Step.Location is { } at && path.RepeatedLines.Contains(at.Line)
                                  && steps.Any(s => s.Step.Text == u.Step.Text && s.Step.Through == u.Step.Through))) continue;
                var pairings = undo.Select(u => Pairing(u.Fact, steps, numbers)).ToList();
                // A catch or guarded finally must undo something a step did: delete an entity type a step creates (or the
                // reverse), or, when the failure then goes on, change an entity type or table a step changes. A catch that
                // changes such a type and returns may be a fallback (update on conflict), not a compensation.
                if (path.Kind != "compensation stack" && !pairings.Any(p => p.Inverse || (p.Text is not null && path.FailureGoesOn))) continue;
                compensations.Add(new CompensationReport(path.Kind, path.Text, path.Location,
                    Merged(undo.Select((u, i) => new OrchestrationStepReport(u.Step.Text, u.Step.Through, u.Step.Location, u.Step.OnCacheMiss, pairings[i].Text)).ToList(), Numbers(undo))));
            }
            if (compensations.Count == 0) continue;
            found.Add(new OrchestrationReport(spec.Member, spec.Location,
                Merged(steps.Select(s => new OrchestrationStepReport(s.Step.Text, s.Step.Through, s.Step.Location, s.Step.OnCacheMiss, null)).ToList(), numbers),
                compensations.ToEquatableArray()));
        }
        return found.Distinct().OrderBy(o => o.Location, LocationComparer.Instance).ThenBy(o => o.Member, StringComparer.Ordinal).ToEquatableArray();
    }

    private static List<(JobStepReport Step, JobFact Fact)> Steps(string member, OrchestrationRegion region, List<(JobFact, bool)> facts, ILookup<string, string> implementations)
    {
        var lines = new HashSet<int>(region.Lines);
        return BackgroundJobs.OrderedSteps(facts, implementations,
            (m, location) => m == member && location is not null && location.Path == region.Path && lines.Contains(location.Line), region.Calls);
    }

    /// <summary>How a compensation relates to the steps, when it changes what a step changes: it deletes the entity type a
    /// step creates, creates one a step deletes, or otherwise changes the same entity type or table. Which row is not
    /// known: only the type or table is compared.</summary>
    private static (string? Text, bool Inverse) Pairing(JobFact compensation, List<(JobStepReport Step, JobFact Fact)> steps, int[] stepNumbers)
    {
        if (compensation.Target is null) return (null, false);
        var same = steps.Select((s, i) => (s.Fact, Number: stepNumbers[i])).Where(s => s.Fact.Target == compensation.Target).ToList();
        if (same.Count == 0) return (null, false);
        var created = same.Where(s => s.Fact.Operation == CrudOperation.Create).GroupBy(s => s.Number).Select(g => g.First()).ToList();
        var deleted = same.Where(s => s.Fact.Operation == CrudOperation.Delete).GroupBy(s => s.Number).Select(g => g.First()).ToList();
        same = same.GroupBy(s => s.Number).Select(g => g.First()).ToList();
        if (compensation.Operation == CrudOperation.Delete && created.Count > 0)
        {
            var numbers = StepNumbers(created.Select(s => s.Number));
            return ("pairs with " + numbers + ": deletes the entity type " + numbers + (created.Count == 1 ? " creates" : " create"), true);
        }
        if (compensation.Operation == CrudOperation.Create && deleted.Count > 0)
        {
            var numbers = StepNumbers(deleted.Select(s => s.Number));
            return ("pairs with " + numbers + ": creates the entity type " + numbers + (deleted.Count == 1 ? " deletes" : " delete"), true);
        }
        var all = StepNumbers(same.Select(s => s.Number));
        return ("pairs with " + all + ": " + (compensation.Operation is null ? "writes the table " + all + (same.Count == 1 ? " writes" : " write")
            : "changes the entity type " + all + (same.Count == 1 ? " changes" : " change")), false);
    }

    /// <summary>The step number of each fact: one call that is two CRUD rows (an upsert, a create and an update of the same
    /// type at the same line through the same method) is one step.</summary>
    private static int[] Numbers(List<(JobStepReport Step, JobFact Fact)> steps)
    {
        var numbers = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            numbers[i] = i > 0 && SameCall(steps[i - 1].Step, steps[i].Step) ? numbers[i - 1] : (i == 0 ? 1 : numbers[i - 1] + 1);
        }
        return numbers;
    }

    private static bool SameCall(JobStepReport a, JobStepReport b) =>
        Equals(a.Location, b.Location) && a.Through == b.Through && a.OnCacheMiss == b.OnCacheMiss && Object(a.Text) == Object(b.Text);

    /// <summary>A step's text without its verb: <c>creates `X` (MongoDB) with `ReplaceOneAsync` (upsert)</c> → <c>`X` (MongoDB) with ...</c>.</summary>
    private static string Object(string text) => text.Substring(text.IndexOf(' ') + 1);

    /// <summary>Steps that share a number as one: their verbs joined (<c>creates or updates `X` ...</c>), their pairings kept once each.</summary>
    private static EquatableArray<OrchestrationStepReport> Merged(List<OrchestrationStepReport> steps, int[] numbers) => steps
        .Select((step, i) => (step, Number: numbers[i]))
        .GroupBy(s => s.Number)
        .Select(g =>
        {
            var first = g.First().step;
            if (g.Count() == 1) return first;
            var verbs = g.Select(s => s.step.Text.Substring(0, Math.Max(0, s.step.Text.IndexOf(' ')))).Distinct().ToList();
            var pairings = g.Select(s => s.step.Pairing).Where(p => p is not null).Distinct().ToList();
            return first with
            {
                Text = string.Join(" or ", verbs) + " " + Object(first.Text),
                Pairing = pairings.Count == 0 ? null : string.Join("; ", pairings),
            };
        })
        .ToEquatableArray();

    private static string StepNumbers(IEnumerable<int> numbers)
    {
        var list = numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        return list.Count == 1 ? "step " + list[0] : "steps " + string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1];
    }
}
