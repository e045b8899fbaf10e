using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>
/// A job handed to a scheduler in code (5.2, background jobs that copy data between stores), confirmed by the called
/// method's namespace: a Hangfire recurring, enqueued or delayed job (the method its expression calls, with the calls that
/// method's body makes into this project's methods), or a Quartz.NET job registration (the <c>IJob</c> class) or trigger
/// (the job key it fires).
/// </summary>
/// <param name="Library">Hangfire or Quartz.NET.</param>
/// <param name="How">The call that registers it: <c>RecurringJob.AddOrUpdate</c>, <c>IBackgroundJobClient.Enqueue</c>, <c>AddJob</c>...</param>
/// <param name="JobClass">Quartz.NET: the full name of the <c>IJob</c> class registered; null for triggers and Hangfire.</param>
/// <param name="Method">Hangfire: the method run, as facts' <c>Member</c> values spell it (<c>StockCopyJob.Run</c>).</param>
/// <param name="MethodFullName">Hangfire: the method run with its type's full name (<c>Shop.Jobs.StockCopyJob.Run</c>).</param>
/// <param name="MethodLocation">Hangfire: where the method run is declared (null when not in this project's source).</param>
/// <param name="Calls">Hangfire: the calls the method's body makes into other methods declared in this project.</param>
/// <param name="Id">The job's id or identity as markdown prose (<c>`nightly-copy`</c>, <c>`id` (not a constant)</c>); null when none is given.</param>
/// <param name="Key">Quartz.NET: the job key a registration names (group and name, <c>ScheduledJobParser.KeyOf</c>; group
/// <c>DEFAULT</c> when none is given); null when none is given or it is not a constant.</param>
/// <param name="ForJob">Quartz.NET: the job key a trigger fires.</param>
/// <param name="Schedule">When it runs, as markdown prose: <c>cron `0 0 * * *` (`Cron.Daily()`)</c>, <c>enqueued once</c>...</param>
/// <param name="Service">Hangfire, a job on an interface or abstract member (<c>AddOrUpdate&lt;IReportJob&gt;(..., j =&gt; j.Run(), ...)</c>):
/// the type Hangfire's activator asks the container for, as a CLR full name; null otherwise.</param>
/// <param name="Implementations">With <paramref name="Service"/>: the non-abstract classes of this project's source that
/// implement it, each with the method that runs and the calls its body makes; the report step picks the one registered.</param>
internal sealed record ScheduledJobSpec(
    string Library,
    string How,
    string? JobClass,
    string? Method,
    string? MethodFullName,
    SourceLocation? MethodLocation,
    EquatableArray<HostedServiceCall> Calls,
    string? Id,
    string? Key,
    string? ForJob,
    string Schedule,
    SourceLocation? Location,
    string? Service = null,
    EquatableArray<JobImplementationSpec> Implementations = default);

/// <summary>A class of this project's source that implements the interface or abstract member a Hangfire job calls.</summary>
/// <param name="TypeFullName">The class's CLR full name, as registrations name it (<see cref="ServiceImplementationSpec.ImplementationFullName"/>).</param>
/// <param name="Method">The method that runs, as facts' <c>Member</c> values spell it (<c>ReportJob.RunAsync</c>).</param>
/// <param name="MethodLocation">Where that method is declared.</param>
/// <param name="Calls">The calls its body makes into this project's methods, and theirs (<see cref="Parsing.CalledMethods"/>).</param>
internal sealed record JobImplementationSpec(string TypeFullName, string Method, SourceLocation? MethodLocation, EquatableArray<HostedServiceCall> Calls);

internal sealed record ScheduledJobResult(ScheduledJobSpec? Spec, string? Error);
