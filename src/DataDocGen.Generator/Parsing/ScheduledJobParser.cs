using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataDocGen.Generator.Parsing;

/// <summary>
/// Jobs handed to a scheduler in code (5.2). Hangfire: <c>RecurringJob.AddOrUpdate</c>, <c>BackgroundJob.Enqueue</c> and
/// <c>Schedule</c>, and the same calls on <c>IRecurringJobManager</c> and <c>IBackgroundJobClient</c>: the method the
/// job expression calls (with the calls its body makes into this project's methods, so that the report can list the
/// data it moves), the recurring job id and the cron expression (a constant, or a <c>Cron</c> helper resolved to the
/// expression it returns). Quartz.NET: <c>AddJob&lt;T&gt;</c>, <c>ScheduleJob&lt;T&gt;</c>, <c>AddTrigger</c> and
/// <c>IScheduler.ScheduleJob(job, trigger)</c> over <c>JobBuilder</c>/<c>TriggerBuilder</c> chains: the job class, its
/// key and the trigger's schedule. Every call is confirmed by the declaring type's namespace (<c>Hangfire</c>,
/// <c>Quartz</c>): an <c>AddOrUpdate</c> or <c>Enqueue</c> of another library is nothing.
/// </summary>
internal static class ScheduledJobParser
{
    private const string NotAConstant = " (not a constant)";

    /// <summary>Quartz's group of keys given without one (<c>Key&lt;T&gt;.DefaultGroup</c>).</summary>
    public const string DefaultGroup = "DEFAULT";

    /// <summary>A Quartz key as the report links it: group and name, joined by a character neither holds in practice.</summary>
    public static string KeyOf(string group, string name) => group + "\u001F" + name;

    /// <summary>A key for the report: <c>`name`</c>, with <c>in group `g`</c> outside the default group.</summary>
    public static string KeyText(string key)
    {
        var at = key.IndexOf('\u001F');
        var group = key.Substring(0, at);
        return CodeSpan.Of(key.Substring(at + 1)) + (group == DefaultGroup ? "" : " in group " + CodeSpan.Of(group));
    }

    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
        && access.Name.Identifier.ValueText switch
        {
            // Hangfire's job is an expression: a lambda argument (Queue<T>.Enqueue(x) is no candidate).
            "AddOrUpdate" or "Enqueue" or "Schedule" or "AddTrigger" => invocation.ArgumentList.Arguments.Any(a => a.Expression is LambdaExpressionSyntax),
            "AddJob" => access.Name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 },
            "ScheduleJob" => access.Name is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } || invocation.ArgumentList.Arguments.Count >= 2,
            _ => false,
        };

    public static ScheduledJobResult? Parse(SiteContext context, CancellationToken cancellationToken)
    {
        try
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var model = context.SemanticModel;
            if (Semantics.Method(invocation, model, cancellationToken) is not { } method) return null;
            var owner = (method.ReducedFrom ?? method).ContainingType;
            var spec = owner.IsInNamespace("Hangfire") ? Hangfire(invocation, method, model, cancellationToken)
                : owner.IsInNamespaceOrBelow("Quartz") ? Quartz(invocation, method, model, cancellationToken)
                : null;
            return spec is null ? null : new ScheduledJobResult(spec, null);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new ScheduledJobResult(null, Diagnostics.GeneratorFailure.Describe(exception, context.Node));
        }
    }

    // ---- Hangfire ----

    private static ScheduledJobSpec? Hangfire(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.Name is not ("AddOrUpdate" or "Enqueue" or "Schedule")) return null;
        // The job is the method the expression calls: x => x.Run(...), () => service.Run(...), () => Static.Run(...).
        if (Argument(invocation, method, "methodCall")?.Expression is not LambdaExpressionSyntax { ExpressionBody: InvocationExpressionSyntax body }) return null;
        if (Semantics.SymbolOrMethod(body, model, cancellationToken) is not IMethodSymbol target) return null;
        target = target.ReducedFrom ?? target;
        var how = HowCalled(method) + "." + method.Name;

        string? id = null;
        string schedule;
        if (method.Name == "AddOrUpdate")
        {
            if (Argument(invocation, method, "recurringJobId") is { } idArgument)
            {
                id = model.ConstantString(idArgument.Expression, cancellationToken) is { } constant ? CodeSpan.Of(constant) : NotConstant(idArgument.Expression);
            }
            schedule = Argument(invocation, method, "cronExpression") is { } cron ? "cron " + Cron(cron.Expression, model, cancellationToken) : "cron not read";
        }
        else if (method.Name == "Enqueue")
        {
            schedule = "enqueued once (fire-and-forget)";
        }
        else
        {
            schedule = Argument(invocation, method, "delay") is { } delay ? "scheduled once, after " + Code(delay.Expression)
                : Argument(invocation, method, "enqueueAt") is { } at ? "scheduled once, at " + Code(at.Expression)
                : "scheduled once";
        }

        var (location, calls) = Body(target, model.Compilation, cancellationToken);
        string? service = null;
        var implementations = EquatableArray<JobImplementationSpec>.Empty;
        if (target.IsAbstract || target.ContainingType.TypeKind == TypeKind.Interface)
        {
            // An interface or abstract member: the method that runs is the one of the class the container gives Hangfire's
            // activator for the job's type, the type argument of AddOrUpdate<T>/Enqueue<T> (the lambda's parameter is the
            // receiver). Without a type argument Hangfire takes the captured object's run-time type: not read.
            calls = EquatableArray<HostedServiceCall>.Empty;
            if (method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Interface or TypeKind.Class } serviceType
                && Argument(invocation, method, "methodCall")?.Expression is LambdaExpressionSyntax lambda && IsParameterReceiver(body, lambda))
            {
                service = serviceType.ClrFullName();
                implementations = Implementations(serviceType, target, model.Compilation, cancellationToken).ToEquatableArray();
            }
        }
        return new ScheduledJobSpec("Hangfire", how, null, target.ContainingType.Name + "." + target.Name,
            target.ContainingType.ClrFullName() + "." + target.Name, location, calls, id, null, null, schedule, SourceLocation.From(invocation),
            service, implementations);
    }

    /// <summary><c>x =&gt; x.Run()</c>: the call's receiver is the lambda's only parameter.</summary>
    private static bool IsParameterReceiver(InvocationExpressionSyntax body, LambdaExpressionSyntax lambda)
    {
        var parameter = SyntaxFacts.SingleParameter(lambda);
        return parameter is not null && body.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == parameter;
    }

    /// <summary>The classes of this project's source the container could give for <paramref name="service"/>
    /// (<see cref="ProjectImplementations"/>), each with the method that runs for <paramref name="member"/> and what its
    /// body calls (read through <see cref="SourceReads"/>).</summary>
    private static IEnumerable<JobImplementationSpec> Implementations(INamedTypeSymbol service, IMethodSymbol member, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var (type, runs) in ProjectImplementations.Of(service, member, compilation, cancellationToken))
        {
            var (location, calls) = Body(runs, compilation, cancellationToken);
            yield return new JobImplementationSpec(type.ClrFullName(), runs.TypeAndMemberName(), location, calls);
        }
    }

    /// <summary>The type a call is made through, as the code reads: <c>RecurringJob</c>, <c>IBackgroundJobClient</c>.</summary>
    private static string HowCalled(IMethodSymbol method) =>
        method.ReducedFrom is not null || method.IsExtensionMethod ? OptionsBuilderParser.ReceiverType(method)?.Name ?? method.ContainingType.Name : method.ContainingType.Name;

    /// <summary>Where the job's method is declared and the calls its body makes into other methods of this project, and
    /// theirs (two levels, as for hosted services); nothing when the method is not in this project's source.</summary>
    private static (SourceLocation? Location, EquatableArray<HostedServiceCall> Calls) Body(IMethodSymbol target, Compilation compilation, CancellationToken cancellationToken)
    {
        var definition = target.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly)) return (null, EquatableArray<HostedServiceCall>.Empty);
        var location = SourceLocation.From(definition);
        var bodies = definition.DeclaringSyntaxReferences.Select(r => r.ReadSyntax(cancellationToken)).OfType<BaseMethodDeclarationSyntax>().ToList();
        if (bodies.Count == 0) return (location, EquatableArray<HostedServiceCall>.Empty);
        return (location, CalledMethods.Of(bodies, compilation.ReadSemanticModel(bodies[0].SyntaxTree), definition, cancellationToken));
    }

    /// <summary>A cron argument: a constant, a <c>Cron</c> helper call (<c>Cron.Daily(3)</c>) or method group
    /// (<c>Cron.Daily</c>) resolved to the expression Hangfire's helper returns, else the code, "not a constant".</summary>
    private static string Cron(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.ConstantString(expression, cancellationToken) is { } constant) return CodeSpan.Of(constant);
        var helper = expression switch
        {
            InvocationExpressionSyntax call => Semantics.Method(call, model, cancellationToken),
            MemberAccessExpressionSyntax or IdentifierNameSyntax => Semantics.SymbolOf(expression, model, cancellationToken) as IMethodSymbol,
            _ => null,
        };
        if (helper is not null && helper.ContainingType.Is("Hangfire", "Cron")
            && HangfireCron(helper, (expression as InvocationExpressionSyntax)?.ArgumentList, model, cancellationToken) is { } cron)
        {
            return CodeSpan.Of(cron) + " (" + CodeSpan.Of(AsWritten(expression)) + ")";
        }
        return NotConstant(expression);
    }

    /// <summary>A helper call as written, whitespace runs made one space (no literal in it: its arguments are constants).</summary>
    private static string AsWritten(ExpressionSyntax expression)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in expression.WithoutTrivia().ToString())
        {
            if (!char.IsWhiteSpace(c)) text.Append(c);
            else if (text.Length > 0 && text[text.Length - 1] != ' ') text.Append(' ');
        }
        return text.ToString();
    }

    /// <summary>
    /// The expression a Hangfire <c>Cron</c> helper returns (Hangfire.Core 1.8's <c>Cron</c> class: minute, hour, day of
    /// month, month, day of week; unset parts are 0 for minute and hour, 1 for day and month, Monday for the day of
    /// week). Null when an argument is not a constant or the helper is not one of these.
    /// </summary>
    internal static string? HangfireCron(IMethodSymbol helper, ArgumentListSyntax? arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var argument in arguments?.Arguments ?? default)
        {
            if (OptionsBuilderParser.ParameterFor(argument, arguments!, helper) is not { } parameter) return null;
            var constant = Semantics.ConstantOf(argument.Expression, model, cancellationToken);
            if (!constant.HasValue || constant.Value is null) return null;
            try
            {
                values[parameter.Name] = System.Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
            }
            catch (System.Exception exception) when (exception is System.FormatException or System.InvalidCastException or System.OverflowException)
            {
                return null;
            }
        }
        string Get(string name, int fallback) => (values.TryGetValue(name, out var value) ? value : fallback).ToString(CultureInfo.InvariantCulture);
        string? Interval() => values.TryGetValue("interval", out var value) ? value.ToString(CultureInfo.InvariantCulture) : null;
        var minute = Get("minute", 0);
        var hour = Get("hour", 0);
        return helper.Name switch
        {
            "Minutely" => "* * * * *",
            "Hourly" => minute + " * * * *",
            "Daily" => minute + " " + hour + " * * *",
            "Weekly" => minute + " " + hour + " * * " + Get("dayOfWeek", 1),
            "Monthly" => minute + " " + hour + " " + Get("day", 1) + " * *",
            "Yearly" => minute + " " + hour + " " + Get("day", 1) + " " + Get("month", 1) + " *",
            "Never" => "0 0 31 2 *",
            "MinuteInterval" when Interval() is { } interval => "*/" + interval + " * * * *",
            "HourInterval" when Interval() is { } interval => "0 */" + interval + " * * *",
            "DayInterval" when Interval() is { } interval => "0 0 */" + interval + " * *",
            "MonthInterval" when Interval() is { } interval => "0 0 1 */" + interval + " *",
            _ => null,
        };
    }

    // ---- Quartz.NET ----

    private static ScheduledJobSpec? Quartz(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var location = SourceLocation.From(invocation);
        var generic = (invocation.Expression as MemberAccessExpressionSyntax)?.Name as GenericNameSyntax;
        switch (method.Name)
        {
            // q.AddJob<T>(j => j.WithIdentity("copy")): a job registered for triggers to fire (a job given no identity gets
            // a generated one: no key to link triggers by).
            case "AddJob" when generic is not null:
            {
                if (JobClass(generic, model, cancellationToken) is not { } jobClass) return null;
                var job = Read(LambdaCalls(Argument(invocation, method, "configure")?.Expression), model, cancellationToken);
                return new ScheduledJobSpec("Quartz.NET", "AddJob", jobClass, null, null, null, EquatableArray<HostedServiceCall>.Empty,
                    job.Identity?.Text, job.Identity?.Key, null,
                    job.Identity is null ? "fired by its triggers (no identity given: Quartz generates one)" : "fired by the triggers for its key", location);
            }
            // q.ScheduleJob<T>(t => t.WithCronSchedule("..."), j => j.WithIdentity("copy")): a job and the one trigger that
            // fires it; the job takes the trigger's identity unless it is given one of its own (Quartz 4's documentation).
            case "ScheduleJob" when generic is not null:
            {
                if (JobClass(generic, model, cancellationToken) is not { } jobClass) return null;
                // The trigger is a configuring lambda (IQuartzBuilder), or a built trigger (IScheduler.ScheduleJob<T>(trigger, job => ...)).
                var triggerArgument = Argument(invocation, method, "trigger")?.Expression;
                var trigger = Read(triggerArgument is LambdaExpressionSyntax || triggerArgument is null ? LambdaCalls(triggerArgument)
                    : Chain(triggerArgument, "TriggerBuilder", model, cancellationToken)?.Calls ?? Enumerable.Empty<InvocationExpressionSyntax>(), model, cancellationToken);
                var job = Read(LambdaCalls(Argument(invocation, method, "job")?.Expression), model, cancellationToken);
                var identity = job.Identity ?? trigger.Identity;
                return new ScheduledJobSpec("Quartz.NET", "ScheduleJob", jobClass, null, null, null, EquatableArray<HostedServiceCall>.Empty,
                    identity?.Text, identity?.Key, null, trigger.Schedule, location);
            }
            // q.AddTrigger(t => t.ForJob(jobKey).WithCronSchedule("...")): a trigger for the job with that key.
            case "AddTrigger":
            {
                var trigger = Read(LambdaCalls(Argument(invocation, method, "configure")?.Expression), model, cancellationToken);
                if (trigger.ForJob?.Key is null) return null;
                return new ScheduledJobSpec("Quartz.NET", "AddTrigger", null, null, null, null, EquatableArray<HostedServiceCall>.Empty,
                    trigger.Identity?.Text, null, trigger.ForJob.Key, trigger.Schedule, location);
            }
            // scheduler.ScheduleJob(job, trigger) with JobBuilder.Create<T>() and TriggerBuilder.Create() chains (inline or locals).
            case "ScheduleJob" when Argument(invocation, method, "jobDetail") is { } jobArgument && Argument(invocation, method, "trigger") is { } triggerArgument:
            {
                if (Chain(jobArgument.Expression, "JobBuilder", model, cancellationToken) is not { } jobChain
                    || (jobChain.Root.Expression as MemberAccessExpressionSyntax)?.Name is not GenericNameSyntax create
                    || JobClass(create, model, cancellationToken) is not { } jobClass) return null;
                var job = Read(jobChain.Calls, model, cancellationToken);
                var trigger = Chain(triggerArgument.Expression, "TriggerBuilder", model, cancellationToken) is { } triggerChain
                    ? Read(triggerChain.Calls, model, cancellationToken).Schedule : "trigger not read";
                return new ScheduledJobSpec("Quartz.NET", "IScheduler.ScheduleJob", jobClass, null, null, null, EquatableArray<HostedServiceCall>.Empty,
                    job.Identity?.Text, job.Identity?.Key, null, trigger, location);
            }
            default:
                return null;
        }
    }

    /// <summary>The job class of <c>AddJob&lt;T&gt;</c>, <c>ScheduleJob&lt;T&gt;</c>, <c>JobBuilder.Create&lt;T&gt;</c>,
    /// when it implements Quartz's <c>IJob</c>.</summary>
    private static string? JobClass(GenericNameSyntax generic, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.WrittenType(generic.TypeArgumentList.Arguments[0], model, cancellationToken) is INamedTypeSymbol type
        && type.AllInterfaces.Any(i => i.Is("Quartz", "IJob")) ? type.ClrFullName() : null;

    /// <param name="Key">The group and name (<see cref="KeyOf"/>) when both are constants, else null (nothing to link by).</param>
    private sealed record QuartzKey(string Text, string? Key);

    private sealed record Reading(QuartzKey? Identity, QuartzKey? ForJob, string Schedule);

    /// <summary>The identity, the job a trigger is for, and the schedule, read from calls on a job or trigger
    /// configurator or builder (each confirmed as Quartz's).</summary>
    private static Reading Read(IEnumerable<InvocationExpressionSyntax> calls, SemanticModel model, CancellationToken cancellationToken)
    {
        QuartzKey? identity = null, forJob = null;
        var schedules = new List<string>();
        foreach (var call in calls)
        {
            var name = SyntaxFacts.CalledName(call);
            if (name is not ("WithIdentity" or "ForJob" or "WithCronSchedule" or "WithSimpleSchedule" or "WithDailyTimeIntervalSchedule" or "WithCalendarIntervalSchedule" or "WithSchedule")) continue;
            if (Semantics.Method(call, model, cancellationToken) is not { } method || !(method.ReducedFrom ?? method).ContainingType.IsInNamespaceOrBelow("Quartz")) continue;
            var arguments = call.ArgumentList.Arguments;
            switch (name)
            {
                case "WithIdentity":
                    identity = Key(arguments, model, cancellationToken);
                    break;
                case "ForJob":
                    forJob = Key(arguments, model, cancellationToken);
                    break;
                case "WithCronSchedule" when arguments.Count > 0:
                    schedules.Add("Quartz cron " + (model.ConstantString(arguments[0].Expression, cancellationToken) is { } cron ? CodeSpan.Of(cron) : NotConstant(arguments[0].Expression)));
                    break;
                // WithSimpleSchedule(interval, repeatCount): repeating forever unless a repeat count is given.
                case "WithSimpleSchedule" when arguments.Count > 0 && method.Parameters.FirstOrDefault()?.Type.Is("System", "TimeSpan") == true:
                    schedules.Add("every " + Code(arguments[0].Expression) + ", " + (arguments.Count > 1 ? "repeat count " + Count(arguments[1].Expression, model, cancellationToken) : "repeated forever"));
                    break;
                case "WithSimpleSchedule":
                    schedules.Add(Simple(arguments.FirstOrDefault()?.Expression, model, cancellationToken));
                    break;
                default:
                    schedules.Add(CodeSpan.Of(name) + " (not read)");
                    break;
            }
        }
        return new Reading(identity, forJob, schedules.Count == 0 ? "schedule not read" : string.Join(", ", schedules));
    }

    /// <summary><c>WithSimpleSchedule(x => x.WithInterval(TimeSpan.FromSeconds(10)).RepeatForever())</c>: every
    /// <c>TimeSpan.FromSeconds(10)</c>, repeated forever; <c>WithRepeatCount(n)</c>: repeat count n (firings: n + 1).</summary>
    private static string Simple(ExpressionSyntax? configure, SemanticModel model, CancellationToken cancellationToken)
    {
        if (configure is null) return "simple schedule with Quartz's defaults";
        var parts = new List<string>();
        foreach (var call in LambdaCalls(configure))
        {
            var argument = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            switch (SyntaxFacts.CalledName(call))
            {
                case "WithInterval" when argument is not null:
                    parts.Add("every " + Code(argument));
                    break;
                case "RepeatForever":
                    parts.Add("repeated forever");
                    break;
                case "WithRepeatCount" when argument is not null:
                    parts.Add("repeat count " + Count(argument, model, cancellationToken));
                    break;
            }
        }
        return parts.Count == 0 ? "simple schedule " + Code(configure) : string.Join(", ", parts);
    }

    private static string Count(ExpressionSyntax argument, SemanticModel model, CancellationToken cancellationToken) =>
        Semantics.ConstantOf(argument, model, cancellationToken) is { HasValue: true, Value: int value } ? value.ToString(CultureInfo.InvariantCulture) : NotConstant(argument);

    /// <summary>A key from <c>WithIdentity</c>/<c>ForJob</c> arguments: (name), (name, group), or a <c>JobKey</c>/<c>TriggerKey</c>.</summary>
    private static QuartzKey? Key(SeparatedSyntaxList<ArgumentSyntax> arguments, SemanticModel model, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0) return null;
        if (arguments.Count == 1 && model.ConstantString(arguments[0].Expression, cancellationToken) is null) return JobKey(arguments[0].Expression, model, cancellationToken);
        return Named(arguments[0].Expression, arguments.Count > 1 ? arguments[1].Expression : null, model, cancellationToken);
    }

    private static QuartzKey? Named(ExpressionSyntax name, ExpressionSyntax? group, SemanticModel model, CancellationToken cancellationToken)
    {
        var nameText = model.ConstantString(name, cancellationToken);
        var groupText = group is null ? null : model.ConstantString(group, cancellationToken);
        if (nameText is null) return new QuartzKey(NotConstant(name), null);
        if (group is not null && groupText is null) return new QuartzKey(CodeSpan.Of(nameText) + " in group " + NotConstant(group), null);
        // Quartz's default group is DEFAULT (Key<T>.DefaultGroup): a key without group is (DEFAULT, name).
        return new QuartzKey(CodeSpan.Of(nameText) + (groupText is null ? "" : " in group " + CodeSpan.Of(groupText)), KeyOf(groupText ?? DefaultGroup, nameText));
    }

    /// <summary>A <c>JobKey</c>/<c>TriggerKey</c> expression: <c>new JobKey("n", "g")</c>, or a local assigned once from
    /// one.</summary>
    private static QuartzKey? JobKey(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.ConstantString(expression, cancellationToken) is not null) return Named(expression, null, model, cancellationToken);
        var value = Local(expression, model, cancellationToken) ?? expression;
        var arguments = value switch
        {
            BaseObjectCreationExpressionSyntax creation when Semantics.TypeOf(creation, model, cancellationToken) is { } type
                && (type.Is("Quartz", "JobKey") || type.Is("Quartz", "TriggerKey")) => creation.ArgumentList?.Arguments,
            _ => null,
        };
        if (arguments is not { Count: > 0 } list) return new QuartzKey(NotConstant(expression), null);
        return Named(list[0].Expression, list.Count > 1 ? list[1].Expression : null, model, cancellationToken);
    }

    /// <summary>The initializer of a local the expression names, when the local is never assigned again.</summary>
    private static ExpressionSyntax? Local(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is not IdentifierNameSyntax identifier) return null;
        if (Semantics.SymbolOf(identifier, model, cancellationToken) is not ILocalSymbol local) return null;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } declarator) return null;
        if (declarator.SyntaxTree != identifier.SyntaxTree) return null;
        var scope = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        var reassigned = scope?.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is IdentifierNameSyntax left && left.Identifier.ValueText == identifier.Identifier.ValueText) ?? true;
        return reassigned ? null : value;
    }

    /// <summary>The builder chain an expression holds: <c>JobBuilder.Create&lt;T&gt;().WithIdentity(...).Build()</c>,
    /// inline or in a local; its root <c>Create</c> call (confirmed on Quartz's builder) and the calls after it.</summary>
    private static (InvocationExpressionSyntax Root, List<InvocationExpressionSyntax> Calls)? Chain(ExpressionSyntax expression, string builder, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = Local(expression, model, cancellationToken) ?? expression;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            var receiver = access.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
                _ => null,
            };
            if (access.Name.Identifier.ValueText == "Create" && receiver == builder)
            {
                if (Semantics.Method(call, model, cancellationToken) is not { } create || !create.ContainingType.Is("Quartz", builder)) return null;
                return (call, SyntaxFacts.CallsChainedAfter(call).ToList());
            }
            current = access.Expression;
        }
        return null;
    }

    /// <summary>The calls in a configuring lambda's body (<c>t => t.ForJob(k).WithCronSchedule(...)</c> or a block), not
    /// those inside lambdas nested in it.</summary>
    private static IEnumerable<InvocationExpressionSyntax> LambdaCalls(ExpressionSyntax? expression)
    {
        if (expression is not LambdaExpressionSyntax lambda) return Enumerable.Empty<InvocationExpressionSyntax>();
        SyntaxNode body = (SyntaxNode?)lambda.ExpressionBody ?? lambda.Block!;
        // In code order: in a chain the inner call ends first (x.WithInterval(...).RepeatForever()).
        return body.DescendantNodesAndSelf(n => n == body || n is not LambdaExpressionSyntax).OfType<InvocationExpressionSyntax>().OrderBy(c => c.Span.End);
    }

    // ---- shared ----

    private static ArgumentSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameter) =>
        invocation.ArgumentList.Arguments.FirstOrDefault(a => OptionsBuilderParser.ParameterFor(a, invocation.ArgumentList, method)?.Name == parameter);

    /// <summary>Code printed only when it holds no string literal (a literal may hold a secret).</summary>
    private static string Code(ExpressionSyntax expression) => CodeText.Safe(expression) is { } code ? CodeSpan.Of(code) : "code with a literal (not shown)";

    private static string NotConstant(ExpressionSyntax expression) => (CodeText.Safe(expression) is { } code ? CodeSpan.Of(code) : "code") + NotAConstant;
}
