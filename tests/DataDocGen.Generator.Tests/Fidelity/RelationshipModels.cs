namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of relationships whose shape EF Core's conventions decide after the configuration: from the
/// jellyfin audit, a one-to-one configured by <c>HasOne(u => u.ProfileImage).WithOne()</c> whose foreign key EF Core puts
/// on <c>ImageInfo.UserId</c> (DataDocGen added a shadow <c>ProfileImageId</c> to <c>User</c>), and a
/// <c>[ForeignKey("Permission_Permissions_Guid")]</c> that a <c>HasForeignKey</c> replaces but whose shadow column EF keeps
/// (DataDocGen dropped it). EF Core 8, 9 and 10 build the same model.</summary>
internal static class RelationshipModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["profiles: one-to-one relationships whose dependent side the conventions decide, [ForeignKey] shadow columns a HasForeignKey replaces"] = ("""
            namespace Profiles
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;
                using Microsoft.EntityFrameworkCore.Metadata.Builders;

                public class User
                {
                    public Guid Id { get; set; }
                    public string Login { get; set; } = "";
                    public virtual ImageInfo? ProfileImage { get; set; }   // ImageInfo.UserId: the image is the dependent
                    public Avatar? Avatar { get; set; }                    // [ForeignKey] on Avatar.Owner: the avatar is the dependent
                    public Badge? Badge { get; set; }                      // Badge's own key is named UserId: shared key
                    public int? HomeAddressId { get; set; }
                    public Address? HomeAddress { get; set; }              // HomeAddressId: the user is the dependent
                    public Device? Device { get; set; }                    // Device.HolderId, after the inverse navigation
                    public Settings? Settings { get; set; }                // configured in a configuration class
                    [ForeignKey("LegacyCardId")] public Card? Card { get; set; }
                    [ForeignKey("Permission_Permissions_Guid")]
                    public virtual ICollection<Permission> Permissions { get; private set; } = new HashSet<Permission>();
                    public List<Preference> Preferences { get; } = new();
                }
                public class ImageInfo { public int Id { get; private set; } public Guid? UserId { get; private set; } public string Path { get; set; } = ""; }
                public class Avatar { public int Id { get; set; } public Guid? OwnerKey { get; set; } [ForeignKey("OwnerKey")] public User? Owner { get; set; } }
                public class Badge { [Key] public Guid UserId { get; set; } public string Title { get; set; } = ""; }
                public class Address { public int Id { get; set; } public string City { get; set; } = ""; }
                public class Device { public long Id { get; set; } public Guid? HolderId { get; set; } public User? Holder { get; set; } }
                public class Settings { public int Id { get; set; } public Guid UserId { get; set; } public bool DarkMode { get; set; } }
                public class Card { public int Id { get; set; } public Guid? UserId { get; set; } }
                public class Permission { public int Id { get; private set; } public Guid? UserId { get; set; } public int Kind { get; set; } }
                public class Preference
                {
                    public int Id { get; set; }
                    public Guid UserId { get; set; }
                    [ForeignKey("LegacyUserId")] public User User { get; set; } = null!; // required: LegacyUserId stays NOT NULL
                    public string Value { get; set; } = "";
                }

                public class SettingsConfiguration : IEntityTypeConfiguration<User>
                {
                    public void Configure(EntityTypeBuilder<User> b) => b.HasOne(u => u.Settings).WithOne();
                }

                public class ProfilesContext(DbContextOptions<ProfilesContext> options) : DbContext(options)
                {
                    public DbSet<User> Users => Set<User>();
                    public DbSet<ImageInfo> ImageInfos => Set<ImageInfo>();
                    public DbSet<Permission> Permissions => Set<Permission>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.ApplyConfiguration(new SettingsConfiguration());
                        modelBuilder.Entity<User>().HasOne(u => u.ProfileImage).WithOne().OnDelete(DeleteBehavior.Cascade);
                        modelBuilder.Entity<User>().HasOne(u => u.Avatar).WithOne(a => a.Owner);
                        modelBuilder.Entity<User>().HasOne(u => u.Badge).WithOne();
                        modelBuilder.Entity<User>().HasOne(u => u.HomeAddress).WithOne();
                        modelBuilder.Entity<User>().HasOne(u => u.Device).WithOne(d => d.Holder);
                        modelBuilder.Entity<User>().HasOne(u => u.Card).WithOne().HasForeignKey<Card>(c => c.UserId);
                        modelBuilder.Entity<User>().HasMany(u => u.Permissions).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
                        modelBuilder.Entity<Preference>().HasOne(p => p.User).WithMany(u => u.Preferences).HasForeignKey(p => p.UserId);
                    }
                }
            }
            """, "Profiles.ProfilesContext"),
    };
}
