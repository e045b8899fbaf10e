using DataDocGen.Generator.Helpers;

namespace DataDocGen.Generator.Model;

/// <summary>A background service (<c>BackgroundService</c> or <c>IHostedService</c>) or Quartz.NET job (<c>Quartz.IJob</c>),
/// confirmed by namespace, and the
/// methods of other classes of this project its code calls, so that the data those methods touch can be attributed
/// to the job that drives them.</summary>
/// <param name="ClassName">The simple name, as facts' <c>Member</c> values spell it (<c>OutboxRelay.ExecuteAsync</c>).</param>
/// <param name="Calls">Calls to methods declared in this project's source on other types, as <c>Type.Method</c>, with the call's location.</param>
/// <param name="Timers">What paces its loop: a <c>PeriodicTimer</c>'s period, a <c>Task.Delay</c> in a loop (<see cref="Parsing.HostedServiceTimers"/>).</param>
/// <param name="Regions">The lines of its methods that run under a condition or in a loop (<see cref="Parsing.GuardText.Regions"/>):
/// a step on one of them says so.</param>
internal sealed record HostedServiceSpec(string ClassName, string FullName, string Kind, SourceLocation? Location, EquatableArray<HostedServiceCall> Calls,
    EquatableArray<HostedServiceTimer> Timers = default, EquatableArray<CodeRegion> Regions = default);

/// <summary>Lines <paramref name="StartLine"/> to <paramref name="EndLine"/> of a file run under a guard: <c>if `changed.Count &gt; 0`</c>,
/// or in a loop (<paramref name="Loop"/>): <c>for each `cost` in `changed`</c>.</summary>
internal sealed record CodeRegion(string Path, int StartLine, int EndLine, string Text, bool Loop);

/// <summary>"`PeriodicTimer` ticks every 1 minute", "waits 5 seconds in its loop (`Task.Delay`), when `published &lt; BatchSize`".</summary>
internal sealed record HostedServiceTimer(string Text, SourceLocation? Location);

/// <param name="Via">For a call made by a method the job calls (a second level): that method, as <c>Type.Method</c>.</param>
/// <param name="OnCacheMiss">The call sits inside the factory lambda of a cache-aside call (<see cref="Parsing.CacheParser.IsCacheAsideFactory"/>),
/// in the job's code or, for a second-level call, in the method the job calls (or that method's call is itself inside one):
/// it runs only on a cache miss.</param>
internal sealed record HostedServiceCall(string Target, SourceLocation? Location, string? Via = null, bool OnCacheMiss = false);
