using Clinic.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data;

/// <summary>Staff sign-in accounts (ASP.NET Core Identity), in a database of their own.</summary>
public class IdentityContext(DbContextOptions<IdentityContext> options) : IdentityDbContext<ClinicUser>(options);
