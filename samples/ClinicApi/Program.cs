using System.ComponentModel.DataAnnotations;
using Azure.Messaging.ServiceBus;
using Clinic.Api;
using Clinic.Data;
using Clinic.Domain;
using Clinic.Services;
using Clinic.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ITenantContext, HeaderTenantContext>();
builder.Services.AddClinicDataProtection(builder.Configuration);

// Appointment changes are announced on Azure Service Bus after each save.
builder.Services.AddSingleton(new ServiceBusClient(builder.Configuration.GetConnectionString("ServiceBus")));
builder.Services.AddSingleton<AuditingInterceptor>();
builder.Services.AddScoped<ChangePublishingInterceptor>();

builder.Services.AddDbContext<ClinicContext>((sp, options) => options
    .UseSqlServer(builder.Configuration.GetConnectionString("Clinic"))
    .UseLazyLoadingProxies()
    .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<ChangePublishingInterceptor>())
    .UseSeeding((context, _) =>
    {
        if (!context.Set<Specialty>().Any())
        {
            context.Set<Specialty>().AddRange(new Specialty { Name = "General practice" }, new Specialty { Name = "Physiotherapy" });
            context.SaveChanges();
        }
    })
    .UseAsyncSeeding(async (context, _, cancellationToken) =>
    {
        if (!await context.Set<Specialty>().AnyAsync(cancellationToken))
        {
            context.Set<Specialty>().AddRange(new Specialty { Name = "General practice" }, new Specialty { Name = "Physiotherapy" });
            await context.SaveChangesAsync(cancellationToken);
        }
    }));

// Billing lives in the clinic database, one schema per clinic.
builder.Services.AddDbContext<BillingContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("Clinic")));

builder.Services.AddDbContext<IdentityContext>(options =>
    options.UseSqlServer(builder.Configuration.GetConnectionString("Identity")));
builder.Services.AddIdentityCore<ClinicUser>().AddEntityFrameworkStores<IdentityContext>();

builder.Services.AddScoped(typeof(IRepository<>), typeof(Repository<>));
builder.Services.AddScoped<IUnitOfWork, UnitOfWork>();
builder.Services.AddScoped<AppointmentService>();
builder.Services.AddScoped<ScheduleQueries>();
builder.Services.AddScoped<ClinicReports>();
builder.Services.AddScoped<BillingService>();
builder.Services.AddScoped<ReminderMaintenance>();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<ClinicContext>().Database.MigrateAsync();
    // The identity schema has no migrations yet: development creates it from the model.
    await scope.ServiceProvider.GetRequiredService<IdentityContext>().Database.EnsureCreatedAsync();
}

app.MapGet("/patients", (int? page, ScheduleQueries queries, CancellationToken ct) =>
    queries.PatientPageAsync(page ?? 0, 50, ct));

app.MapGet("/patients/{id:int}", async (int id, ScheduleQueries queries) =>
    await queries.PatientAsync(id) is { } patient ? Results.Ok(patient) : Results.NotFound());

app.MapDelete("/patients/{id:int}", async (int id, ClinicContext db, CancellationToken ct) =>
{
    if (await db.Patients.FindAsync([id], ct) is not { } patient) return Results.NotFound();
    db.Patients.Remove(patient);
    await db.SaveChangesAsync(ct);
    return Results.NoContent();
});

// Administrators restore a patient deleted by mistake: the soft-delete filter is bypassed, the clinic check is not.
app.MapPost("/admin/patients/{id:int}/restore", async (int id, ClinicContext db, ITenantContext tenant, CancellationToken ct) =>
{
    var patient = await db.Patients.IgnoreQueryFilters()
        .FirstOrDefaultAsync(p => p.Id == id && p.TenantId == tenant.TenantId && p.IsDeleted, ct);
    if (patient is null) return Results.NotFound();
    patient.IsDeleted = false;
    patient.DeletedAt = null;
    await db.SaveChangesAsync(ct);
    return Results.NoContent();
});

app.MapPut("/practitioners/{id:int}", async (int id, UpdatePractitionerRequest request, ClinicContext db, ITenantContext tenant, CancellationToken ct) =>
{
    var practitioner = new Practitioner { Id = id, TenantId = tenant.TenantId, FullName = request.FullName, SpecialtyId = request.SpecialtyId };
    db.Update(practitioner);
    await db.SaveChangesAsync(ct);
    return Results.NoContent();
});

app.MapPost("/appointments", async (BookAppointmentRequest request, AppointmentService service, ITenantContext tenant, CancellationToken ct) =>
{
    var errors = new List<ValidationResult>();
    if (!Validator.TryValidateObject(request, new ValidationContext(request), errors, validateAllProperties: true))
        return Results.ValidationProblem(errors.ToDictionary(e => e.MemberNames.FirstOrDefault() ?? "", e => new[] { e.ErrorMessage ?? "" }));
    var id = await service.BookAsync(tenant.TenantId, request, ct);
    return Results.Created($"/appointments/{id}", id);
});

app.MapPost("/appointments/{id:int}/reschedule", async (int id, BookAppointmentRequest request, AppointmentService service, CancellationToken ct) =>
    await service.RescheduleAsync(id, request.StartsAt, request.EndsAt, ct) is { } newId ? Results.Ok(newId) : Results.NotFound());

app.MapPost("/appointments/{id:int}/invoice", async (int id, InvoiceLine[] lines, BillingService billing, CancellationToken ct) =>
    Results.Ok(await billing.InvoiceVisitAsync(id, lines, ct)));

app.MapGet("/practitioners/{id:int}/day-sheet", (int id, DateOnly day, ScheduleQueries queries, CancellationToken ct) =>
    queries.DaySheetAsync(id, day, ct));

app.MapGet("/practitioners/{id:int}/upcoming", (int id, AppointmentService service, CancellationToken ct) =>
    service.UpcomingAsync(id, ct));

app.MapGet("/reports/daily-load/{practitionerId:int}", (int practitionerId, ClinicReports reports, CancellationToken ct) =>
    reports.DailyLoadAsync(practitionerId, ct));

app.MapGet("/patients/search", (string q, DateOnly? bornAfter, ClinicContext db, CancellationToken ct) =>
    new PatientSearch(db).FindAsync(q, bornAfter, ct));

app.Run();
