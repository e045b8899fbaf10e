using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;

namespace DataDocGen.Generator.Report;

/// <summary>A background service or scheduled job with the data it moves: what its own code reads, writes, runs as SQL
/// or sends to a broker, and what the methods it calls in other classes of the project do, and the methods those call
/// (two levels, "through" them: <see cref="Parsing.CalledMethods"/>).</summary>
/// <param name="FullName">The class (hosted services, Quartz.NET jobs) or the method run (Hangfire: <c>Shop.Jobs.StockCopy.Run</c>).</param>
/// <param name="Schedules">Where the code hands it to a scheduler (Hangfire, Quartz.NET) and when it runs; empty for hosted services.</param>
/// <param name="Implementation">Hangfire, a job on an interface or abstract member: which class runs it and why, or why no
/// steps are read, as markdown prose in parts, each with its evidence (<see cref="JobScheduleReport"/>: text and location);
/// empty otherwise.</param>
internal sealed record BackgroundJobReport(string FullName, string Kind, SourceLocation? Location, EquatableArray<JobStepReport> Steps,
    EquatableArray<JobScheduleReport> Schedules = default, EquatableArray<JobScheduleReport> Implementation = default);

/// <summary>One registration of a job with a scheduler, as markdown prose: <c>`RecurringJob.AddOrUpdate` id `copy`: cron `0 0 * * *`</c>.</summary>
internal sealed record JobScheduleReport(string Text, SourceLocation? Location);

/// <param name="Through">The project method the job calls that does it, e.g. <c>OfflineShipmentRepository.Due</c>; null for the job's own code.</param>
/// <param name="OnCacheMiss">It runs only on a cache miss: the call it comes through sits inside the factory lambda of a
/// cache-aside call (<see cref="HostedServiceCall.OnCacheMiss"/>), or the fact itself does (on a line holding only the
/// factory's code, <see cref="CacheUseSpec.FactoryLines"/>).</param>
/// <param name="Guard">The condition and loop the step's line in the job's code runs under (<see cref="Parsing.GuardText"/>):
/// <c>for each `cost` in `changed`</c>; null when it runs once on the straight path, or that is not known.</param>
internal sealed record JobStepReport(string Text, string? Through, SourceLocation? Location, bool OnCacheMiss = false, string? Guard = null);

/// <summary>A fact as a step can name it (<see cref="BackgroundJobs.Facts"/>).</summary>
/// <param name="ChangesData">A write: see <see cref="BackgroundJobs.Facts"/>.</param>
/// <param name="Target">What a write changes, when the fact names one thing: an entity type (with its document store), or
/// <c>table X</c> for SQL naming one table; null otherwise.</param>
/// <param name="Operation">The CRUD operation, for CRUD rows.</param>
/// <param name="Through">A CRUD row of a call to a generic repository with a concrete entity: the repository method
/// (<see cref="CrudSpec.Through"/>).</param>
/// <param name="OfTypeParameter">A CRUD row of a generic repository's type parameter.</param>
internal sealed record JobFact(string Member, string Text, SourceLocation? Location, bool ChangesData, string? Target, CrudOperation? Operation,
    string? Through = null, bool OfTypeParameter = false);

/// <summary>
/// Section 5.2, "background jobs that copy data between stores": joins background services with the facts already
/// found (CRUD rows, raw SQL, messages published or sent), by the <c>Type.Method</c> each fact names. Only facts are
/// listed, in the order of the job's code; a job is shown when it touches data at all. Whether the job "copies" is
/// left to the reader: the steps show what it reads and where it writes.
/// </summary>
internal static class BackgroundJobs
{
    public static EquatableArray<BackgroundJobReport> Find(DataLayerReport report, IReadOnlyList<HostedServiceSpec> services,
        IReadOnlyList<ScheduledJobSpec>? scheduled = null, IReadOnlyList<ServiceImplementationSpec>? registrations = null)
    {
        registrations ??= Array.Empty<ServiceImplementationSpec>();
        scheduled ??= Array.Empty<ScheduledJobSpec>();
        // A call through a repository interface (IStockRepository.SetQuantityAsync) reaches the repositories of this
        // project that implement it (StockRepository.SetQuantityAsync): the join the report already knows.
        var implementations = Implementations(report);
        var factoryLines = FactoryLines(report);
        var facts = Facts(report).Select(f => (f, InFactory: f.Location is not null && factoryLines.Contains(f.Location))).ToList();
        var jobs = new List<BackgroundJobReport>();
        // Quartz.NET: the registrations of each job class, and the triggers that fire one of their keys.
        var quartz = scheduled.Where(s => s.JobClass is not null).ToLookup(s => s.JobClass!, StringComparer.Ordinal);
        var triggers = scheduled.Where(s => s.JobClass is null && s.ForJob is not null).ToLookup(s => s.ForJob!, StringComparer.Ordinal);
        foreach (var service in services.OrderBy(s => s.FullName, StringComparer.Ordinal))
        {
            var steps = Steps(facts, implementations, f => f.StartsWith(service.ClassName + ".", StringComparison.Ordinal), service.Calls, service.Regions);
            if (steps.IsEmpty) continue;
            var quartzJobs = quartz[service.FullName].ToList();
            var schedules = quartzJobs.Concat(quartzJobs.Where(r => r.Key is not null).SelectMany(r => triggers[r.Key!]))
                .Distinct().OrderBy(s => s.Location, LocationComparer.Instance).Select(Schedule)
                .Concat(service.Timers.Select(t => new JobScheduleReport(t.Text, t.Location)))
                .ToEquatableArray();
            jobs.Add(new BackgroundJobReport(service.FullName, service.Kind, service.Location, steps, schedules));
        }
        // Hangfire: one job per method run, with every registration that runs it.
        // A job on an interface member is one job per type the activator resolves (Enqueue<IReportJob>); without a type
        // argument (() => job.RunAsync()) Hangfire takes the captured object's run-time type, not read: a job of its own.
        foreach (var method in scheduled.Where(s => s.MethodFullName is not null).GroupBy(s => (s.MethodFullName!, s.Service))
                     .OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Service, StringComparer.Ordinal))
        {
            var first = method.First();
            var schedules = method.OrderBy(s => s.Location, LocationComparer.Instance).Select(Schedule).Distinct().ToEquatableArray();
            if (first.Service is null)
            {
                var steps = Steps(facts, implementations, f => f == first.Method, first.Calls);
                if (steps.IsEmpty) continue;
                jobs.Add(new BackgroundJobReport(first.MethodFullName!, first.Library + " job", first.MethodLocation, steps, schedules));
                continue;
            }
            // On an interface or abstract member: the steps of the class the container resolves, when the code names one.
            var (runs, implementation) = Implementation(first, registrations);
            if (runs is not null)
            {
                var steps = Steps(facts, implementations, f => f == runs.Method, runs.Calls);
                if (steps.IsEmpty) continue;
                jobs.Add(new BackgroundJobReport(first.MethodFullName!, first.Library + " job", first.MethodLocation ?? runs.MethodLocation, steps, schedules, implementation));
            }
            // Not known which class runs it: listed without steps when one of the candidates in this project touches data.
            else if (first.Implementations.Any(c => !Steps(facts, implementations, f => f == c.Method, c.Calls).IsEmpty))
            {
                jobs.Add(new BackgroundJobReport(first.MethodFullName!, first.Library + " job", first.MethodLocation, EquatableArray<JobStepReport>.Empty, schedules, implementation));
            }
        }
        return jobs.OrderBy(j => j.FullName, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>A call through a repository interface (<c>IStockRepository.SetQuantityAsync</c>) reaches the repositories of
    /// this project that implement it (<c>StockRepository.SetQuantityAsync</c>): the join the report already knows.</summary>
    internal static ILookup<string, string> Implementations(DataLayerReport report) => report.Repositories
        .SelectMany(r => r.Repository.Interfaces.Select(i => (Interface: SimpleName(i), Implementation: SimpleName(r.Repository.FullName))))
        .ToLookup(p => p.Interface, p => p.Implementation, StringComparer.Ordinal);

    /// <summary>A fact on a line that holds only code of a cache-aside call's factory runs only on a cache miss.</summary>
    internal static HashSet<SourceLocation> FactoryLines(DataLayerReport report) =>
        new(report.CacheUses.SelectMany(u => u.Location is null ? Enumerable.Empty<SourceLocation>()
            : u.FactoryLines.Select(line => new SourceLocation(u.Location.Path, line))));

    /// <summary>
    /// The class Hangfire's activator gets from the container for a job on an interface or abstract member, and the
    /// report's words for it: the one implementation registered for the job's type in this project's source
    /// (<c>AddScoped&lt;IReportJob, ReportJob&gt;</c>, the <c>typeof</c> form, <c>TryAdd*</c>), or, with no registration here,
    /// the only class of this project implementing it. Several registrations of different implementations, a registration
    /// through a factory, an implementation whose code is not here, or several implementations and no registration: no
    /// class is named, and the words say why.
    /// </summary>
    private static (JobImplementationSpec? Runs, EquatableArray<JobScheduleReport> Text) Implementation(ScheduledJobSpec job, IReadOnlyList<ServiceImplementationSpec> registrations)
    {
        var registered = registrations.Where(r => r.ServiceFullName == job.Service).OrderBy(r => r.Location, LocationComparer.Instance).ToList();
        var byImplementation = registered.GroupBy(r => r.ImplementationFullName).ToList();
        var parts = new List<JobScheduleReport>();
        if (byImplementation.Count == 1 && byImplementation[0].Key is { } implementation)
        {
            var runs = job.Implementations.FirstOrDefault(c => c.TypeFullName == implementation);
            if (runs is null)
            {
                parts.Add(new JobScheduleReport("registered as " + CodeSpan.Of(registered[0].Implementation ?? implementation), registered[0].Location));
                parts.AddRange(registered.Skip(1).Select(r => new JobScheduleReport(",", r.Location)));
                parts.Add(new JobScheduleReport(", whose code is not read here: steps not read", null));
                return (null, parts.ToEquatableArray());
            }
            parts.Add(new JobScheduleReport("implemented by " + CodeSpan.Of(runs.Method), runs.MethodLocation));
            parts.Add(new JobScheduleReport(" (registered", registered[0].Location));
            parts.AddRange(registered.Skip(1).Select(r => new JobScheduleReport(",", r.Location)));
            parts.Add(new JobScheduleReport(")", null));
            return (runs, parts.ToEquatableArray());
        }
        if (byImplementation.Count == 1)
        {
            parts.Add(new JobScheduleReport("registered with a factory", registered[0].Location));
            parts.AddRange(registered.Skip(1).Select(r => new JobScheduleReport(",", r.Location)));
            parts.Add(new JobScheduleReport(": the implementation is not read, steps not read", null));
            return (null, parts.ToEquatableArray());
        }
        if (byImplementation.Count > 1)
        {
            parts.Add(new JobScheduleReport(byImplementation.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " registrations (", null));
            var i = 0;
            foreach (var group in byImplementation)
            {
                var name = group.First().Implementation is { } shown ? CodeSpan.Of(shown) : "a factory";
                parts.Add(new JobScheduleReport((i++ == 0 ? "" : ", ") + name, group.First().Location));
            }
            parts.Add(new JobScheduleReport("): steps not read", null));
            return (null, parts.ToEquatableArray());
        }
        if (job.Implementations.Count == 1)
        {
            var only = job.Implementations[0];
            parts.Add(new JobScheduleReport("implemented by " + CodeSpan.Of(only.Method), only.MethodLocation));
            parts.Add(new JobScheduleReport(" (the only implementation in this project; no registration found here)", null));
            return (only, parts.ToEquatableArray());
        }
        if (job.Implementations.Count > 1)
        {
            parts.Add(new JobScheduleReport(job.Implementations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " implementations (", null));
            var i = 0;
            foreach (var candidate in job.Implementations.OrderBy(c => c.Method, StringComparer.Ordinal))
            {
                parts.Add(new JobScheduleReport((i++ == 0 ? "" : ", ") + CodeSpan.Of(candidate.Method), candidate.MethodLocation));
            }
            parts.Add(new JobScheduleReport(") and no registration found here: steps not read", null));
        }
        return (null, parts.ToEquatableArray());
    }

    /// <summary>The facts of the job's own code (members <paramref name="own"/> accepts) and of the project methods it
    /// calls (through a repository interface, the repositories implementing it), in the order of the job's code.</summary>
    private static EquatableArray<JobStepReport> Steps(List<(JobFact Fact, bool InFactory)> facts, ILookup<string, string> implementations,
        Func<string, bool> own, EquatableArray<HostedServiceCall> calls, EquatableArray<CodeRegion> regions = default) =>
        OrderedSteps(facts, implementations, (member, _) => own(member), calls)
            .Select(s => regions.IsEmpty ? s.Step : s.Step with { Guard = GuardAt(regions, s.Step.Location) }).ToEquatableArray();

    /// <summary>The nearest guard and the nearest loop whose lines hold <paramref name="location"/> (the step's line in the
    /// job's own code: its fact, or its call into a project method).</summary>
    private static string? GuardAt(EquatableArray<CodeRegion> regions, SourceLocation? location)
    {
        if (location is null) return null;
        var holding = regions.Where(r => r.Path == location.Path && r.StartLine <= location.Line && location.Line <= r.EndLine)
            .OrderByDescending(r => r.StartLine).ThenBy(r => r.EndLine).ToList();
        return Parsing.GuardText.Join(holding.FirstOrDefault(r => !r.Loop)?.Text, holding.FirstOrDefault(r => r.Loop)?.Text);
    }

    /// <summary>The steps with the facts they come from (<see cref="Steps"/>), distinct steps only; <paramref name="own"/>
    /// is given a fact's member and location.</summary>
    internal static List<(JobStepReport Step, JobFact Fact)> OrderedSteps(IEnumerable<(JobFact Fact, bool InFactory)> facts, ILookup<string, string> implementations,
        Func<string, SourceLocation?, bool> own, IEnumerable<HostedServiceCall> calls)
    {
        // Ordered by the job's line; on one line, what called methods do first (a call in a receiver or argument runs
        // before the operation around it: `foreach (var o in reader.Due()) db.Add(...)`), then what the methods they call
        // do, each method's facts in the order it does them (its transaction opened before the writes inside it).
        var all = facts.ToList();
        var steps = new List<(SourceLocation? Order, int Kind, SourceLocation? Within, JobStepReport Step, JobFact Fact)>();
        // A call to a generic repository with a concrete entity is its entity's row (Through: the repository method); the
        // type parameter's row reached through the same call says less, and is left out.
        var concrete = all.Where(f => f.Fact.Through is not null).Select(f => f.Fact).ToList();
        foreach (var (fact, inFactory) in all)
        {
            if (own(fact.Member, fact.Location))
            {
                steps.Add((fact.Location, 2, fact.Location, new JobStepReport(fact.Text, fact.Through, fact.Location, inFactory), fact));
            }
        }
        foreach (var call in calls)
        {
            var dot = call.Target.LastIndexOf('.');
            var targets = new[] { call.Target }.Concat(implementations[call.Target.Substring(0, dot)].Select(i => i + call.Target.Substring(dot))).ToList();
            foreach (var (fact, inFactory) in all.Where(f => targets.Contains(f.Fact.Member, StringComparer.Ordinal)))
            {
                if (fact.OfTypeParameter && concrete.Any(c => c.Through == fact.Member && c.Operation == fact.Operation
                        && (call.Via is null ? c.Location?.Path == call.Location?.Path && c.Location?.Line == call.Location?.Line : c.Member == call.Via))) continue;
                // On a cache miss: the call sits in a factory (in the job, or in the method that makes a second-level call),
                // or the fact itself does.
                var through = (call.Via is null ? fact.Member : call.Via + " → " + fact.Member) + (fact.Through is null ? "" : " → " + fact.Through);
                steps.Add((call.Location, call.Via is null ? 0 : 1, fact.Location, new JobStepReport(fact.Text, through, call.Location, call.OnCacheMiss || inFactory), fact));
            }
        }
        var seen = new HashSet<JobStepReport>();
        return steps.OrderBy(s => s.Order, LocationComparer.Instance).ThenBy(s => s.Kind).ThenBy(s => s.Within, LocationComparer.Instance)
            .Where(s => seen.Add(s.Step)).Select(s => (s.Step, s.Fact)).ToList();
    }

    /// <summary><c>`RecurringJob.AddOrUpdate` id `copy`: cron `0 0 * * *` (`Cron.Daily()`)</c>, <c>`AddTrigger` trigger
    /// `t` for job `copy`: Quartz cron `0 0/5 * * * ?`</c>.</summary>
    private static JobScheduleReport Schedule(ScheduledJobSpec spec)
    {
        var what = spec.Library == "Hangfire" ? " id " : spec.ForJob is not null ? " trigger " : " job ";
        var forJob = spec.ForJob is null ? "" : " for job " + Parsing.ScheduledJobParser.KeyText(spec.ForJob);
        return new JobScheduleReport(CodeSpan.Of(spec.How) + (spec.Id is null ? "" : what + spec.Id) + forJob + ": " + spec.Schedule, spec.Location);
    }

    /// <summary>Every fact a step can be, in the words of a step. <see cref="JobFact.ChangesData"/> marks writes: CRUD
    /// creates, updates and deletes (EF Core, SQL, document stores), SQL whose constant text is an INSERT, UPDATE, DELETE,
    /// MERGE, UPSERT or TRUNCATE, and messages published or sent (MassTransit, broker clients). Reads, unknown SQL, store
    /// objects, cache uses and transactions change nothing this way.</summary>
    internal static IEnumerable<JobFact> Facts(DataLayerReport report)
    {
        foreach (var message in report.BrokerMessages)
        {
            yield return new JobFact(message.Member, BrokerStep(message), message.Location, true, null, null);
        }
        foreach (var row in report.Crud)
        {
            var verb = row.Operation switch
            {
                CrudOperation.Create => "creates",
                CrudOperation.Read => "reads",
                CrudOperation.Update => "updates",
                _ => "deletes",
            };
            var api = CrudMatrix.Api(row) is (var name, { } what) ? CodeSpan.Of(name) + " (" + what + ")" : "`" + row.Api + "`";
            yield return new JobFact(row.Member, verb + " `" + row.Entity + "`" + (row.Store is null ? "" : " (" + row.Store + ")") + " with " + api, row.Location,
                row.Operation != CrudOperation.Read, row.Entity + (row.Store is null ? "" : " (" + row.Store + ")"), row.Operation, row.Through, row.Target == CrudTarget.TypeParameter);
        }
        // A SQL site whose table maps to a CRUD row is that row already.
        var crudSites = new HashSet<SourceLocation?>(report.Crud.Select(c => c.Location));
        foreach (var sql in report.RawSql.Where(s => !crudSites.Contains(s.Location)))
        {
            var writes = sql.Statement is "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "UPSERT" or "REPLACE" or "TRUNCATE" || sql.Operations.Any(o => o.Operation != CrudOperation.Read);
            yield return new JobFact(sql.Member, "runs SQL (" + sql.Api + (sql.Statement is null ? "" : ", " + sql.Statement)
                + (sql.Procedure is { Name: { } procedure } ? " " + CodeSpan.Of(procedure) : "")
                + (sql.Tables.IsEmpty ? "" : " on " + string.Join(", ", sql.Tables.Select(CodeSpan.Of))) + ")", sql.Location, writes,
                writes && sql.Tables.Count == 1 ? "table " + sql.Tables[0] : null, null);
        }
        foreach (var item in report.StoreObjects)
        {
            yield return new JobFact(item.Member, "uses " + item.Store + " " + item.Kind + (item.Name is null ? "" : " " + CodeSpan.Of(item.Name))
                + (item.Detail is null ? "" : " (" + item.Detail + ")"), item.Location, false, null, null);
        }
        foreach (var use in report.CacheUses)
        {
            yield return new JobFact(use.Member, "uses the cache " + use.Cache + (use.Key is null ? "" : (use.KeyIsTag ? " tag " : " key ") + CodeSpan.Of(use.Key)) + " (" + use.Operation + ")", use.Location, false, null, null);
        }
        foreach (var transaction in report.Transactions)
        {
            yield return new JobFact(transaction.Member, TransactionStep(transaction), transaction.Location, false, null, null);
        }
        foreach (var message in report.Messaging.Where(m => m.Kind is "published" or "sent"))
        {
            yield return new JobFact(message.Member, (message.Kind == "published" ? "publishes `" : "sends `") + message.Subject + "`"
                + (message.Detail is null ? "" : " " + message.Detail) + " (" + message.Library + ")", message.Location, true, null, null);
        }
    }

    /// <summary>A transaction as a step: a boundary opens one; <c>UseTransaction</c> and <c>EnlistTransaction</c> join one begun
    /// elsewhere ("EF Core joins an existing transaction" reads "joins an existing transaction (EF Core)"); the distributed
    /// transactions switch is set; ending the context's current transaction ("EF Core rolls back the current transaction")
    /// reads "rolls back the current transaction (EF Core)".</summary>
    private static string TransactionStep(TransactionSpec transaction)
    {
        if (transaction.Kind == "distributed transactions switch") return "sets " + CodeSpan.Of(transaction.Detail);
        if (transaction.Kind is Parsing.TransactionParser.CommitsCurrent or Parsing.TransactionParser.RollsBackCurrent) return transaction.Kind.Substring("EF Core ".Length) + " (EF Core)";
        var joins = transaction.Kind.IndexOf(" joins ", StringComparison.Ordinal);
        return joins < 0 ? "opens a transaction (" + transaction.Kind + ")" : transaction.Kind.Substring(joins + 1) + " (" + transaction.Kind.Substring(0, joins) + ")";
    }

    /// <summary>A broker client's message as a step: <c>publishes `Shop.OrderPlaced` to Kafka topic `orders` with
    /// `IProducer.ProduceAsync`</c>. Starts with "publishes" or "sends", the words <see cref="OutboxTables"/> looks for.</summary>
    public static string BrokerStep(BrokerMessageSpec message) =>
        (message.Verb == "publishes" ? "publishes " : message.Verb == "schedules" ? "sends a scheduled message " : "sends ")
        + (message.MessageType is null ? "" : "`" + message.MessageType + "` ")
        + "to " + message.Broker + " " + Destination(message)
        + (message.RoutingKey is null ? "" : (message.Broker == "Kafka" ? " with message key " : " with routing key ") + Name(message.RoutingKey))
        + " (`" + message.Api + "`)";

    /// <summary><c>exchange `orders`</c>, <c>default exchange (to the queue the routing key names)</c>, <c>topic
    /// `options.Topic` (not a constant)</c>, <c>queue or topic not known here</c>.</summary>
    public static string Destination(BrokerMessageSpec message) =>
        message.Destination is { Constant: "" } && message.Broker == "RabbitMQ" ? "default exchange (to the queue the routing key names)"
        : message.Destination is null ? message.Target + " not known here"
        : message.Target + " " + Name(message.Destination);

    private static string Name(BrokerName name) =>
        name.Constant is { } constant ? CodeSpan.Of(constant) : name.Code is { } code ? CodeSpan.Of(code) + " (not a constant)" : "(not a constant)";

    private static string SimpleName(string name)
    {
        var generic = name.IndexOf('<');
        var plain = generic < 0 ? name : name.Substring(0, generic);
        return plain.Substring(plain.LastIndexOf('.') + 1);
    }
}
