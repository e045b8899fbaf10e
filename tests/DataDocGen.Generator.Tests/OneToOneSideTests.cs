using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>The dependent side of a one-to-one that nothing configures, and the shadow column a replaced
/// <c>[ForeignKey]</c> leaves. The jellyfin audit found <c>HasOne(u => u.ProfileImage).WithOne()</c> reported with a
/// shadow <c>ProfileImageId</c> on <c>Users</c> where EF Core's foreign key is <c>ImageInfos.UserId</c>, and
/// <c>[ForeignKey("Permission_Permissions_Guid")]</c> on <c>User.Permissions</c>, replaced by <c>HasForeignKey</c>, without
/// the nullable shadow column EF keeps. Each case below was built by EF Core 8, 9 and 10 on SQL Server, SQLite and
/// PostgreSQL (same result everywhere); the "profiles" fidelity model judges the stated ones.</summary>
public class OneToOneSideTests
{
    private static (JsonNode Json, string Markdown) Run(string entities, string onModelCreating, string dbSets = "public DbSet<User> Users => Set<User>();")
    {
        var code = """
            namespace Profiles
            {
                using System.ComponentModel.DataAnnotations;
                using System.ComponentModel.DataAnnotations.Schema;

            """ + entities + """

                public class ProfilesContext(DbContextOptions<ProfilesContext> o) : DbContext(o)
                {
                    DB_SETS
                    protected override void OnConfiguring(DbContextOptionsBuilder b) => b.UseSqlServer("Server=.");
                    protected override void OnModelCreating(ModelBuilder b) { ON_MODEL_CREATING }
                }
            }
            """.Replace("DB_SETS", dbSets).Replace("ON_MODEL_CREATING", onModelCreating);
        var output = GeneratorHarness.Run(Sources.With(("Profiles.cs", code)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return (JsonNode.Parse(output.Json!)!, output.Markdown!);
    }

    private static JsonNode? Withheld(JsonNode json) => json["contextsWithIncompleteSchema"]!.AsArray().SingleOrDefault();

    private static JsonNode Table(JsonNode json, string name) =>
        json["contexts"]!.AsArray().Single()!["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!;

    private static List<string> Names(JsonNode table, string list) => table[list]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();

    private static JsonNode Column(JsonNode table, string name) => table["columns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    private static void AssertWithheld(JsonNode json, string reasonPart)
    {
        var withheld = Withheld(json);
        Assert.NotNull(withheld);
        Assert.Contains(withheld!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains(reasonPart, StringComparison.Ordinal));
    }

    private const string ImageUser = "public class User { public Guid Id { get; set; } public ImageInfo? ProfileImage { get; set; } }\n";
    private const string ProfileImageWithOne = "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne().OnDelete(DeleteBehavior.Cascade);";

    // ---- the dependent side of a one-to-one ----

    [Fact]
    public void A_foreign_key_named_property_on_the_other_side_makes_it_the_dependent()
    {
        var (json, markdown) = Run(ImageUser + "public class ImageInfo { public int Id { get; private set; } public Guid? UserId { get; private set; } public string Path { get; set; } = \"\"; }",
            ProfileImageWithOne, "public DbSet<User> Users => Set<User>(); public DbSet<ImageInfo> ImageInfos => Set<ImageInfo>();");

        Assert.Null(Withheld(json));
        Assert.Equal(["Id"], Names(Table(json, "Users"), "columns"));
        Assert.Empty(Names(Table(json, "Users"), "foreignKeys"));
        var images = Table(json, "ImageInfos");
        var foreignKey = images["foreignKeys"]!.AsArray().Single()!;
        Assert.Equal("FK_ImageInfos_Users_UserId", foreignKey["name"]!.GetValue<string>());
        Assert.Equal("Cascade", foreignKey["onDelete"]!.GetValue<string>());
        var index = images["indexes"]!.AsArray().Single()!;
        Assert.Equal("IX_ImageInfos_UserId", index["name"]!.GetValue<string>());
        Assert.True(index["unique"]!.GetValue<bool>());
        Assert.Contains("| `Profiles.User` | `Profiles.ImageInfo` | 1:1 | optional | Cascade | `ProfileImage` |", markdown);
    }

    [Theory]
    // On the configuring entity: [navigation]Id, or [other type]Id. Cover, beside it, is turned round (Cover.UserId).
    [InlineData("public int? ProfileImageId { get; set; }", "ProfileImageId")]
    [InlineData("public int? ImageInfoId { get; set; }", "ImageInfoId")]
    public void A_foreign_key_named_property_on_the_configuring_entity_keeps_it_the_dependent(string member, string column)
    {
        var (json, _) = Run("public class User { public Guid Id { get; set; } " + member + " public ImageInfo? ProfileImage { get; set; } public Cover? Cover { get; set; } }\n"
                            + "public class ImageInfo { public int Id { get; set; } }\npublic class Cover { public int Id { get; set; } public Guid? UserId { get; set; } }",
            "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne(); b.Entity<User>().HasOne(u => u.Cover).WithOne();");

        Assert.Null(Withheld(json));
        Assert.Equal("FK_Users_ImageInfo_" + column, Table(json, "Users")["foreignKeys"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Empty(Names(Table(json, "ImageInfo"), "foreignKeys"));
        Assert.Equal("FK_Cover_Users_UserId", Table(json, "Cover")["foreignKeys"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public void The_inverse_navigations_name_and_a_configuration_class_are_read()
    {
        var (json, _) = Run("""
            public class User { public Guid Id { get; set; } public Device? Device { get; set; } }
            public class Device { public long Id { get; set; } public Guid? HolderId { get; set; } public User? Holder { get; set; } }
            public class UserConfiguration : IEntityTypeConfiguration<User>
            {
                public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<User> b) => b.HasOne(u => u.Device).WithOne(d => d.Holder).OnDelete(DeleteBehavior.SetNull);
            }
            """, "b.ApplyConfiguration(new UserConfiguration());");

        Assert.Null(Withheld(json));
        var foreignKey = Table(json, "Device")["foreignKeys"]!.AsArray().Single()!;
        Assert.Equal("FK_Device_Users_HolderId", foreignKey["name"]!.GetValue<string>());
        Assert.Equal("SetNull", foreignKey["onDelete"]!.GetValue<string>());
        Assert.Equal(["Id"], Names(Table(json, "Users"), "columns"));
    }

    [Fact]
    public void A_side_whose_own_key_is_named_like_the_foreign_key_shares_it_when_no_side_has_another()
    {
        var (json, _) = Run(ImageUser + "public class ImageInfo { [Key] public Guid UserId { get; set; } public string Path { get; set; } = \"\"; }",
            "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne();");

        Assert.Null(Withheld(json));
        var images = Table(json, "ImageInfo");
        var foreignKey = images["foreignKeys"]!.AsArray().Single()!;
        Assert.Equal("FK_ImageInfo_Users_UserId", foreignKey["name"]!.GetValue<string>());
        Assert.Equal("Cascade", foreignKey["onDelete"]!.GetValue<string>()); // a key column: required
        Assert.Empty(Names(images, "indexes")); // the primary key covers it
        Assert.Equal(["Id"], Names(Table(json, "Users"), "columns"));
    }

    [Fact]
    public void IsRequired_applies_to_the_side_the_conventions_chose()
    {
        var (json, _) = Run(ImageUser + "public class ImageInfo { public int Id { get; set; } public Guid? UserId { get; set; } }",
            "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne().IsRequired();");

        Assert.Null(Withheld(json));
        Assert.False(Column(Table(json, "ImageInfo"), "UserId")["nullable"]!.GetValue<bool>());
        Assert.Equal("Cascade", Table(json, "ImageInfo")["foreignKeys"]!.AsArray().Single()!["onDelete"]!.GetValue<string>());
    }

    [Fact]
    public void ForeignKey_on_the_inverse_navigation_makes_its_type_the_dependent()
    {
        var (json, _) = Run("""
            public class User { public Guid Id { get; set; } public Avatar? Avatar { get; set; } }
            public class Avatar { public int Id { get; set; } public Guid? OwnerKey { get; set; } [ForeignKey("OwnerKey")] public User? Owner { get; set; } }
            """, "b.Entity<User>().HasOne(u => u.Avatar).WithOne(a => a.Owner);");

        Assert.Null(Withheld(json));
        Assert.Equal("FK_Avatar_Users_OwnerKey", Table(json, "Avatar")["foreignKeys"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal(["Id"], Names(Table(json, "Users"), "columns"));
    }

    [Theory]
    // Neither side (a [NotMapped] member is no property), both sides, a property of another type than the key, and a
    // match on the navigation's name of another type, which ends the search before UserId: EF Core throws "The
    // dependent side could not be determined for the one-to-one relationship".
    [InlineData("public class User { public Guid Id { get; set; } public ImageInfo? ProfileImage { get; set; } }", "public class ImageInfo { public int Id { get; set; } [NotMapped] public Guid? UserId { get; set; } }", "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne();", "neither `User` nor `ImageInfo`")]
    [InlineData("public class User { public Guid Id { get; set; } public int? ProfileImageId { get; set; } public ImageInfo? ProfileImage { get; set; } }", "public class ImageInfo { public int Id { get; set; } public Guid? UserId { get; set; } }", "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne();", "both `User` and `ImageInfo`")]
    [InlineData("public class User { public Guid Id { get; set; } public ImageInfo? ProfileImage { get; set; } }", "public class ImageInfo { public int Id { get; set; } public int? UserId { get; set; } }", "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne();", "neither `User` nor `ImageInfo`")]
    [InlineData("public class User { public Guid Id { get; set; } public ImageInfo? ProfileImage { get; set; } }", "public class ImageInfo { public int Id { get; set; } public string? OwnerId { get; set; } public Guid? UserId { get; set; } public User? Owner { get; set; } }", "b.Entity<User>().HasOne(u => u.ProfileImage).WithOne(i => i.Owner);", "neither `User` nor `ImageInfo`")]
    // Two navigations paired by convention, no configuration.
    [InlineData("public class User { public Guid Id { get; set; } public ImageInfo? ProfileImage { get; set; } }", "public class ImageInfo { public int Id { get; set; } public User? User { get; set; } }", "", "neither `User` nor `ImageInfo`")]
    public void A_one_to_one_EF_Core_cannot_orient_is_withheld(string user, string image, string onModelCreating, string reason)
    {
        var (json, _) = Run(user + "\n" + image, onModelCreating);

        AssertWithheld(json, reason);
        AssertWithheld(json, "EF Core throws \"The dependent side could not be determined\"");
    }

    [Fact]
    public void A_self_reference_keeps_the_configuring_side_as_the_dependent()
    {
        // HasOne on the entity's own type makes the target the principal: no convention turns it round (EF: People.MentorId),
        // while ProfileImage, beside it, is turned round.
        var (json, _) = Run("public class User { public Guid Id { get; set; } public User? Mentor { get; set; } public ImageInfo? ProfileImage { get; set; } }\n"
                            + "public class ImageInfo { public int Id { get; set; } public Guid? UserId { get; set; } }",
            "b.Entity<User>().HasOne(p => p.Mentor).WithOne(); " + ProfileImageWithOne);

        Assert.Null(Withheld(json));
        Assert.Equal("FK_Users_Users_MentorId", Table(json, "Users")["foreignKeys"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.Equal("FK_ImageInfo_Users_UserId", Table(json, "ImageInfo")["foreignKeys"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_ForeignKey_attribute_of_the_projects_own_is_not_EF_Cores()
    {
        var (json, _) = Run("""
            [AttributeUsage(AttributeTargets.Property)] public class ForeignKeyAttribute(string name) : Attribute { public string Name { get; } = name; }
            public class User { public Guid Id { get; set; } public Avatar? Avatar { get; set; } }
            public class Avatar { public int Id { get; set; } public Guid? OwnerKey { get; set; } [Profiles.ForeignKey("OwnerKey")] public User? Owner { get; set; } }
            """, "b.Entity<User>().HasOne(u => u.Avatar).WithOne(a => a.Owner);");

        AssertWithheld(json, "neither `User` nor `Avatar`");
    }

    // ---- the shadow column of a [ForeignKey] that HasForeignKey replaces ----

    private const string Permissions = """
        public partial class User { public Guid Id { get; set; } [ForeignKey("Permission_Permissions_Guid")] public virtual ICollection<Permission> Permissions { get; private set; } = new HashSet<Permission>(); }
        public class Permission { public int Id { get; private set; } public Guid? UserId { get; set; } }
        """;

    private const string Roles = """

        public partial class User { [System.ComponentModel.DataAnnotations.Schema.ForeignKey("Role_Roles_Guid")] public List<Role> Roles { get; } = new(); }
        public class Role { public int Id { get; set; } public Guid? UserId { get; set; } }
        """;

    private const string RolesReplaced = "b.Entity<User>().HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId);";

    [Fact]
    public void A_ForeignKey_replaced_by_HasForeignKey_leaves_a_nullable_unindexed_column()
    {
        var (json, markdown) = Run(Permissions, "b.Entity<User>().HasMany(u => u.Permissions).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);");

        Assert.Null(Withheld(json));
        var permissions = Table(json, "Permission");
        Assert.Equal(["Id", "Permission_Permissions_Guid", "UserId"], Names(permissions, "columns"));
        var leftover = Column(permissions, "Permission_Permissions_Guid");
        Assert.Equal("System.Guid", leftover["clrType"]!.GetValue<string>());
        Assert.True(leftover["nullable"]!.GetValue<bool>());
        Assert.Equal("uniqueidentifier", leftover["storeType"]!.GetValue<string>());
        Assert.Equal(["FK_Permission_Users_UserId"], Names(permissions, "foreignKeys"));
        Assert.Equal(["IX_Permission_UserId"], Names(permissions, "indexes"));
        Assert.Contains("| `Permission_Permissions_Guid` | `System.Guid` | `uniqueidentifier` | yes |  |  | shadow property left by the ForeignKey attribute on User.Permissions [Profiles.cs:", markdown);
    }

    [Fact]
    public void On_a_required_reference_navigation_the_column_is_not_nullable_and_takes_no_facets_of_the_key()
    {
        var (json, _) = Run("""
            public class User { [Key] [MaxLength(20)] public string Login { get; set; } = ""; public List<Permission> Permissions { get; } = new(); }
            public class Permission { public int Id { get; set; } public string UserLogin { get; set; } = ""; [ForeignKey("LegacyLogin")] public User User { get; set; } = null!; }
            """, "b.Entity<Permission>().HasOne(p => p.User).WithMany(u => u.Permissions).HasForeignKey(p => p.UserLogin);");

        Assert.Null(Withheld(json));
        var leftover = Column(Table(json, "Permission"), "LegacyLogin");
        Assert.False(leftover["nullable"]!.GetValue<bool>());
        Assert.Equal("nvarchar(max)", leftover["storeType"]!.GetValue<string>());
        Assert.Null(leftover["maxLength"]?.GetValue<int?>());
    }

    [Theory]
    // The attribute names the fluent foreign key, or a property the dependent has anyway; no HasForeignKey: the
    // attribute's foreign key is the foreign key (EF: Permission_Permissions_Guid, FK_Permission_Users_...). The Roles
    // collection beside it leaves its Role_Roles_Guid.
    [InlineData("HasForeignKey(\"Permission_Permissions_Guid\")", "Permission_Permissions_Guid")]
    [InlineData("HasForeignKey(p => p.UserId)", "UserId", "public Guid? Permission_Permissions_Guid { get; set; }")]
    [InlineData("OnDelete(DeleteBehavior.Cascade)", "Permission_Permissions_Guid")]
    public void No_column_is_added_when_the_attributes_name_is_the_foreign_key_or_a_member(string call, string foreignKey, string member = "")
    {
        var (json, _) = Run(Permissions.Replace("public Guid? UserId { get; set; } }", "public Guid? UserId { get; set; } " + member + " }") + Roles,
            "b.Entity<User>().HasMany(u => u.Permissions).WithOne()." + call + "; " + RolesReplaced);

        Assert.Null(Withheld(json));
        var permissions = Table(json, "Permission");
        Assert.Equal(["FK_Permission_Users_" + foreignKey], Names(permissions, "foreignKeys"));
        Assert.Equal(1, Names(permissions, "columns").Count(c => c == "Permission_Permissions_Guid"));
        Assert.Equal(["Id", "Role_Roles_Guid", "UserId"], Names(Table(json, "Role"), "columns"));
    }

    [Theory]
    // HasKey: EF saw no key when it read the attribute (it makes an int shadow column); several navigations back:
    // which one EF pairs with the collection, and so the column's nullability, is not evaluated.
    [InlineData("public class User { public string Code { get; set; } = \"\"; [ForeignKey(\"LegacyUser\")] public List<Permission> Permissions { get; } = new(); }",
        "public class Permission { public int Id { get; set; } public string? UserCode { get; set; } }",
        "b.Entity<User>().HasKey(u => u.Code); b.Entity<User>().HasMany(u => u.Permissions).WithOne().HasForeignKey(p => p.UserCode);", "whose type DataDocGen cannot tell")]
    [InlineData("public class User { public Guid Id { get; set; } [ForeignKey(\"LegacyUser\")] public List<Permission> Permissions { get; } = new(); }",
        "public class Permission { public int Id { get; set; } public Guid? UserId { get; set; } public User? User { get; set; } public User? GrantedBy { get; set; } }",
        "b.Entity<Permission>().HasOne(p => p.User).WithMany(u => u.Permissions).HasForeignKey(p => p.UserId); b.Entity<Permission>().HasOne(p => p.GrantedBy).WithMany();", "whose nullability DataDocGen cannot tell")]
    public void A_replaced_ForeignKey_whose_column_is_not_clear_is_withheld(string user, string permission, string onModelCreating, string reason)
    {
        var (json, _) = Run(user + "\n" + permission, onModelCreating);

        AssertWithheld(json, "`[ForeignKey(\"LegacyUser\")]` on `User.Permissions`, replaced by `HasForeignKey`, leaves a shadow property on `Permission` " + reason);
    }

    [Fact]
    public void A_ForeignKey_attribute_of_the_projects_own_leaves_no_column()
    {
        // Roles carries EF Core's attribute, Permissions the project's look-alike (EF: no Permission_Permissions_Guid).
        var (json, _) = Run("[AttributeUsage(AttributeTargets.Property)] public class ForeignKeyAttribute(string name) : Attribute { public string Name { get; } = name; }\n"
                            + Permissions.Replace("[ForeignKey(", "[Profiles.ForeignKey(") + Roles,
            "b.Entity<User>().HasMany(u => u.Permissions).WithOne().HasForeignKey(p => p.UserId); " + RolesReplaced);

        Assert.Null(Withheld(json));
        Assert.Equal(["Id", "UserId"], Names(Table(json, "Permission"), "columns"));
        Assert.Equal(["Id", "Role_Roles_Guid", "UserId"], Names(Table(json, "Role"), "columns"));
    }

    // ---- the migrations snapshot EF Core writes for the audit's shapes ----

    [Fact]
    public void The_snapshot_EF_Core_writes_for_both_shapes_matches_the_model()
    {
        // The jellyfin audit's snapshot comparison listed Users.ProfileImageId ("in the model, not in the snapshot") and
        // Permissions.Permission_Permissions_Guid ("in the snapshot, no longer in the model") as pending changes.
        const string model = """
            namespace Catalog
            {
                using System.ComponentModel.DataAnnotations.Schema;
                public class User { public Guid Id { get; set; } public virtual ImageInfo? ProfileImage { get; set; } [ForeignKey("Permission_Permissions_Guid")] public virtual ICollection<Permission> Permissions { get; private set; } = new HashSet<Permission>(); }
                public class ImageInfo { public int Id { get; private set; } public Guid? UserId { get; private set; } public string Path { get; set; } = ""; }
                public class Permission { public int Id { get; private set; } public Guid? UserId { get; set; } }
                public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
                {
                    public DbSet<User> Users => Set<User>();
                    public DbSet<ImageInfo> ImageInfos => Set<ImageInfo>();
                    public DbSet<Permission> Permissions => Set<Permission>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=."); }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<User>().HasOne(u => u.ProfileImage).WithOne().OnDelete(DeleteBehavior.Cascade);
                        modelBuilder.Entity<User>().HasMany(u => u.Permissions).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
                    }
                }
            }
            """;
        // As EF Core 10.0.15's IMigrationsScaffolder wrote it for this model (SQL Server).
        const string snapshot = """
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Metadata;

            #nullable disable

            namespace Catalog.Migrations
            {
                [DbContext(typeof(CatalogContext))]
                partial class CatalogContextModelSnapshot : ModelSnapshot
                {
                    protected override void BuildModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder
                            .HasAnnotation("ProductVersion", "10.0.15")
                            .HasAnnotation("Relational:MaxIdentifierLength", 128);

                        SqlServerModelBuilderExtensions.UseIdentityColumns(modelBuilder);

                        modelBuilder.Entity("Catalog.ImageInfo", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("int");

                                SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"));

                                b.Property<string>("Path")
                                    .IsRequired()
                                    .HasColumnType("nvarchar(max)");

                                b.Property<Guid?>("UserId")
                                    .HasColumnType("uniqueidentifier");

                                b.HasKey("Id");

                                b.HasIndex("UserId")
                                    .IsUnique()
                                    .HasFilter("[UserId] IS NOT NULL");

                                b.ToTable("ImageInfos");
                            });

                        modelBuilder.Entity("Catalog.Permission", b =>
                            {
                                b.Property<int>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("int");

                                SqlServerPropertyBuilderExtensions.UseIdentityColumn(b.Property<int>("Id"));

                                b.Property<Guid?>("Permission_Permissions_Guid")
                                    .HasColumnType("uniqueidentifier");

                                b.Property<Guid?>("UserId")
                                    .HasColumnType("uniqueidentifier");

                                b.HasKey("Id");

                                b.HasIndex("UserId");

                                b.ToTable("Permissions");
                            });

                        modelBuilder.Entity("Catalog.User", b =>
                            {
                                b.Property<Guid>("Id")
                                    .ValueGeneratedOnAdd()
                                    .HasColumnType("uniqueidentifier");

                                b.HasKey("Id");

                                b.ToTable("Users");
                            });

                        modelBuilder.Entity("Catalog.ImageInfo", b =>
                            {
                                b.HasOne("Catalog.User", null)
                                    .WithOne("ProfileImage")
                                    .HasForeignKey("Catalog.ImageInfo", "UserId")
                                    .OnDelete(DeleteBehavior.Cascade);
                            });

                        modelBuilder.Entity("Catalog.Permission", b =>
                            {
                                b.HasOne("Catalog.User", null)
                                    .WithMany("Permissions")
                                    .HasForeignKey("UserId")
                                    .OnDelete(DeleteBehavior.Cascade);
                            });

                        modelBuilder.Entity("Catalog.User", b =>
                            {
                                b.Navigation("Permissions");

                                b.Navigation("ProfileImage");
                            });
                    }
                }
            }
            """;
        var output = GeneratorHarness.Run(new Dictionary<string, string>
        {
            ["Model.cs"] = Sources.Usings + model,
            ["Migrations/CatalogContextModelSnapshot.cs"] = Sources.Usings + snapshot,
        });

        var json = JsonNode.Parse(output.Json!)!;
        Assert.Null(Withheld(json));
        var compared = json["migrationSnapshots"]!.AsArray().Single()!;
        Assert.Empty(compared["pendingChanges"]!.AsArray());
        Assert.Contains("the current model matches it in table and column names, column store types, column nullability and primary key columns", output.Markdown);
        Assert.DoesNotContain("ProfileImageId", output.Markdown);
    }
}
