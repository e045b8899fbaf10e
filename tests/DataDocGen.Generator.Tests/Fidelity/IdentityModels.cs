namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models deriving from ASP.NET Core Identity's contexts, whose OnModelCreating is compiled in
/// Microsoft.AspNetCore.Identity.EntityFrameworkCore: EF Core judges DataDocGen's replay of it, with the user's
/// types, keys and configuration written after <c>base.OnModelCreating</c>.</summary>
internal static class IdentityModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["identity: the plain IdentityDbContext"] = ("""
            namespace PlainIdentity
            {
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class AuthContext(DbContextOptions<AuthContext> options) : IdentityDbContext(options)
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "PlainIdentity.AuthContext"),

        ["portal: IdentityDbContext<AppUser, AppRole, Guid>, app entities related to the user, ToTable and an index after base"] = ("""
            namespace Portal
            {
                using System.ComponentModel.DataAnnotations;
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class AppUser : IdentityUser<Guid>
                {
                    [MaxLength(100)] public string DisplayName { get; set; } = "";
                    public DateTime? LastSeenAt { get; set; }
                    public string? TimeZone { get; set; }
                    public List<Document> Documents { get; } = new();
                }
                public class AppRole : IdentityRole<Guid>
                {
                    public string? Description { get; set; }
                }
                public class Document
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public Guid OwnerId { get; set; }
                    public AppUser Owner { get; set; } = null!;
                }
                public class AuditEntry
                {
                    public long Id { get; set; }
                    public string Action { get; set; } = "";
                    public Guid? UserId { get; set; }
                    public AppUser? User { get; set; }
                }
                public class PortalContext(DbContextOptions<PortalContext> options) : IdentityDbContext<AppUser, AppRole, Guid>(options)
                {
                    public DbSet<Document> Documents => Set<Document>();
                    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder builder)
                    {
                        base.OnModelCreating(builder);
                        builder.Entity<AppUser>().ToTable("Users");
                        builder.Entity<AppUser>().HasIndex(u => u.DisplayName);
                        builder.Entity<AppRole>().Property(r => r.Description).HasMaxLength(500);
                        builder.Entity<Document>().HasOne(d => d.Owner).WithMany(u => u.Documents).HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
                    }
                }
            }
            """, "Portal.PortalContext"),

        ["members: IdentityUserContext<TUser> in a default schema"] = ("""
            namespace Members
            {
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class Member : IdentityUser
                {
                    public string? Nickname { get; set; }
                    public int Points { get; set; }
                }
                public class MemberContext(DbContextOptions<MemberContext> options) : IdentityUserContext<Member>(options)
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder builder)
                    {
                        base.OnModelCreating(builder);
                        builder.HasDefaultSchema("identity");
                        builder.Entity<Member>().Property(m => m.Nickname).HasMaxLength(40);
                    }
                }
            }
            """, "Members.MemberContext"),

        ["staff: the 8-argument IdentityDbContext with int keys and custom claim, login, token and role types"] = ("""
            namespace Staff
            {
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class Employee : IdentityUser<int> { public string Department { get; set; } = ""; }
                public class Team : IdentityRole<int> { }
                public class EmployeeClaim : IdentityUserClaim<int> { public DateTime GrantedAt { get; set; } }
                public class EmployeeTeam : IdentityUserRole<int> { }
                public class EmployeeLogin : IdentityUserLogin<int> { }
                public class TeamClaim : IdentityRoleClaim<int> { }
                public class EmployeeToken : IdentityUserToken<int> { }
                public class StaffContext(DbContextOptions<StaffContext> options)
                    : IdentityDbContext<Employee, Team, int, EmployeeClaim, EmployeeTeam, EmployeeLogin, TeamClaim, EmployeeToken>(options)
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Staff.StaffContext"),

        ["keys: IdentityUserContext<TUser, TKey, ...> with long keys and a custom token type"] = ("""
            namespace Keys
            {
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class Account : IdentityUser<long> { }
                public class AccountToken : IdentityUserToken<long> { public DateTimeOffset? ExpiresAt { get; set; } }
                public class KeysContext(DbContextOptions<KeysContext> options)
                    : IdentityUserContext<Account, long, IdentityUserClaim<long>, IdentityUserLogin<long>, AccountToken>(options)
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                }
            }
            """, "Keys.KeysContext"),

        ["order: ToTable before base.OnModelCreating, which Identity's own ToTable then overrides"] = ("""
            namespace Order
            {
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

                public class Customer : IdentityUser { }
                public class ShopIdentityContext(DbContextOptions<ShopIdentityContext> options) : IdentityDbContext<Customer>(options)
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder builder)
                    {
                        builder.Entity<Customer>().ToTable("Customers");
                        builder.Entity<Customer>().Property(c => c.Email).HasMaxLength(320);
                        base.OnModelCreating(builder);
                        builder.Entity<IdentityUserClaim<string>>().ToTable("CustomerClaims");
                    }
                }
            }
            """, "Order.ShopIdentityContext"),
    };
}
