namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of configuration that runs only for some providers (issue 3): <c>Database.IsSqlServer()</c>,
/// <c>IsNpgsql()</c>, <c>IsSqlite()</c>, <c>IsRelational()</c> and <c>Database.ProviderName == "..."</c>, in if/else
/// chains, negated, after an early exit, around a loop over the model's foreign keys, and in ConfigureConventions. Each provider's model differs, and EF Core judges each.</summary>
internal static class ProviderCheckModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["surveys: configuration for some providers only (IsSqlServer/IsNpgsql/IsSqlite/IsRelational, ProviderName, else chains, an early exit, a loop, ConfigureConventions, a default schema)"] = ("""
            namespace Surveys
            {
                using System.Linq;
                public class Survey
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public string? Slug { get; set; }
                    public DateTime CreatedAt { get; set; }
                    public List<Question> Questions { get; } = new();
                }
                public class Question
                {
                    public int Id { get; set; }
                    public int SurveyId { get; set; }
                    public Survey Survey { get; set; } = null!;
                    public string Text { get; set; } = "";
                    public int Position { get; set; }
                }
                public class Response
                {
                    public long Id { get; set; }
                    public int SurveyId { get; set; }
                    public Survey Survey { get; set; } = null!;
                    public string Respondent { get; set; } = "";
                    public string Answers { get; set; } = "";
                    public decimal? Score { get; set; }
                    public DateTime SubmittedAt { get; set; }
                }
                public class SurveysContext(DbContextOptions<SurveysContext> options) : DbContext(options)
                {
                    public DbSet<Survey> Surveys => Set<Survey>();
                    public DbSet<Question> Questions => Set<Question>();
                    public DbSet<Response> Responses => Set<Response>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
                    {
                        // SQLite has no decimal type that sorts and sums: stored as REAL there.
                        if (Database.IsSqlite()) configurationBuilder.Properties<decimal>().HaveConversion<double>();
                        else configurationBuilder.Properties<decimal>().HavePrecision(9, 3);
                    }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Survey>().Property(s => s.Title).HasMaxLength(200);
                        if (!Database.IsSqlite()) modelBuilder.HasDefaultSchema("surveys");
                        if (Database.IsSqlServer())
                        {
                            modelBuilder.Entity<Response>().ToTable("SurveyResponses");
                            modelBuilder.Entity<Survey>().HasIndex(s => s.Slug).IsUnique().HasFilter("[Slug] IS NOT NULL AND [Slug] <> ''");
                        }
                        else if (Database.IsNpgsql())
                        {
                            modelBuilder.Entity<Response>().ToTable("survey_responses");
                            modelBuilder.Entity<Survey>().HasIndex(s => s.Slug).IsUnique();
                        }
                        else
                        {
                            modelBuilder.Entity<Survey>().HasIndex(s => s.Slug).HasDatabaseName("IX_Surveys_Slug_Lite");
                        }
                        if (!Database.IsSqlite()) modelBuilder.Entity<Question>().Property(q => q.Text).HasMaxLength(1000);
                        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite") modelBuilder.Entity<Response>().Property(r => r.Respondent).HasMaxLength(80);
                        _ = Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL" && modelBuilder.Entity<Response>().HasIndex(r => r.SubmittedAt) is not null;
                        if (!Database.IsRelational()) return;
                        modelBuilder.Entity<Question>().HasIndex(q => new { q.SurveyId, q.Position }).IsUnique();
                        modelBuilder.Entity<Question>().ToTable(t => t.HasCheckConstraint("CK_Question_Position", "[Position] >= 0"));
                        if (Database.IsNpgsql())
                        {
                            foreach (var foreignKey in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
                            {
                                foreignKey.DeleteBehavior = DeleteBehavior.Restrict;
                            }
                        }
                    }
                }
            }
            """, "Surveys.SurveysContext"),

        ["polls: a helper and configuration classes applied under provider checks, a helper checking the provider itself"] = ("""
            namespace Polls
            {
                public class Poll
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public List<Choice> Choices { get; } = new();
                }
                public class Choice
                {
                    public int Id { get; set; }
                    public int PollId { get; set; }
                    public Poll Poll { get; set; } = null!;
                    public string Label { get; set; } = "";
                    public int Votes { get; set; }
                }
                public class ChoiceConfiguration : IEntityTypeConfiguration<Choice>
                {
                    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Choice> builder)
                    {
                        builder.ToTable("poll_choices");
                        builder.Property(c => c.Label).HasMaxLength(120);
                        builder.HasIndex(c => new { c.PollId, c.Label }).IsUnique();
                    }
                }
                public class PollsContext(DbContextOptions<PollsContext> options) : DbContext(options)
                {
                    public DbSet<Poll> Polls => Set<Poll>();
                    public DbSet<Choice> Choices => Set<Choice>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        if (Database.IsNpgsql()) modelBuilder.ApplyConfiguration(new ChoiceConfiguration());
                        if (Database.IsSqlServer()) ConfigureForSqlServer(modelBuilder);
                        ApplySchema(modelBuilder);
                    }
                    private static void ConfigureForSqlServer(ModelBuilder builder)
                    {
                        builder.Entity<Poll>().ToTable("SqlPolls");
                        builder.Entity<Poll>().Property(p => p.Title).HasMaxLength(300);
                        builder.ApplyConfiguration(new ChoiceConfiguration());
                    }
                    private void ApplySchema(ModelBuilder builder)
                    {
                        if (!Database.IsSqlite()) builder.HasDefaultSchema("polls");
                    }
                }
            }
            """, "Polls.PollsContext"),

        ["roles: entities configuring themselves with the context's Database handed to a DatabaseFacade parameter (BTCPay's StoreRole.OnModelCreating(builder, Database))"] = ("""
            namespace Roles
            {
                using Microsoft.EntityFrameworkCore.Infrastructure;
                public enum Scope { Store, Server }
                public class StoreRole
                {
                    public string Id { get; set; } = "";
                    public string Role { get; set; } = "";
                    public Scope Scope { get; set; }
                    internal static void OnModelCreating(ModelBuilder builder, DatabaseFacade databaseFacade)
                    {
                        if (!databaseFacade.IsNpgsql())
                        {
                            builder.Entity<StoreRole>().Property(o => o.Scope).HasConversion<string>().HasMaxLength(20);
                        }
                        builder.Entity<StoreRole>().Property(o => o.Role).HasMaxLength(80);
                        Tables.Name(builder, databaseFacade);
                    }
                }
                public static class Tables
                {
                    public static void Name(ModelBuilder builder, DatabaseFacade facade)
                    {
                        if (facade.IsSqlServer()) builder.Entity<StoreRole>().ToTable("SqlStoreRoles");
                    }
                }
                public class RolesContext(DbContextOptions<RolesContext> options) : DbContext(options)
                {
                    public DbSet<StoreRole> StoreRoles => Set<StoreRole>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder builder) => StoreRole.OnModelCreating(builder, Database);
                }
            }
            """, "Roles.RolesContext"),
    };
}
