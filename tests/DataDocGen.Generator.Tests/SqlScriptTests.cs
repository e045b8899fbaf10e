using DataDocGen.Generator.Tests.Infrastructure;

namespace DataDocGen.Generator.Tests;

/// <summary>SQL outside C#: .sql scripts and constant SQL in migrations, read for access control, protection and change
/// capture; comments and string literals never match, and no password reaches the report.</summary>
public class SqlScriptTests
{
    private const string Script = """
        -- GRANT SELECT ON dbo.Hidden TO commented_out
        /* CREATE USER block_commented */
        CREATE LOGIN app_login WITH PASSWORD = N'Login-Secret-1';
        CREATE USER [app_reader] FOR LOGIN app_login;
        CREATE ROLE reporting;
        ALTER ROLE reporting ADD MEMBER app_reader;
        GRANT SELECT, INSERT ON dbo.Orders TO app_reader;
        GRANT EXECUTE ON SCHEMA::sales TO reporting;
        CREATE SECURITY POLICY sales.TenantFilter ADD FILTER PREDICATE sales.fn_tenant(TenantId) ON sales.Orders;
        ALTER TABLE dbo.Customers ALTER COLUMN Email ADD MASKED WITH (FUNCTION = 'email()');
        ALTER DATABASE Shop SET ENCRYPTION ON;
        EXEC sys.sp_cdc_enable_db;
        EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = N'Orders', @role_name = NULL;
        ALTER TABLE dbo.Payments ENABLE CHANGE_TRACKING;
        INSERT INTO dbo.Notes (Text) VALUES ('GRANT ALL ON dbo.Everything TO everyone');
        CREATE TABLE dbo.Audit (Id int, Phone varchar(20) MASKED WITH (FUNCTION = 'default()') NULL);
        """;

    private const string Migration = """
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20260101000000_Roles")]
            public class Roles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("CREATE USER reader WITH PASSWORD 'Pg-Secret-2'; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;");
                    migrationBuilder.Sql("ALTER TABLE orders ENABLE ROW LEVEL SECURITY; CREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting('app.tenant')::int);");
                }
            }
        }
        namespace Shop.Data { public class ShopContext : DbContext { } }
        """;

    [Fact]
    public void Scripts_and_migration_sql_give_access_protection_and_capture_facts_without_secrets()
    {
        var output = GeneratorHarness.Run(Sources.With(("Migrations/Roles.cs", Migration)), new Dictionary<string, string> { ["Database/001_security.sql"] = Script });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `001_security.sql` | ALTER DATABASE, ALTER ROLE, ALTER TABLE ×2, CREATE LOGIN, CREATE ROLE, CREATE SECURITY POLICY, CREATE TABLE, CREATE USER, EXEC ×2, GRANT ×2, INSERT |", md);

        Assert.Contains("| `CREATE LOGIN app_login` | `001_security.sql` | [Database/001\\_security.sql:3](Database/001_security.sql#L3) |", md);
        Assert.Contains("| `CREATE USER app_reader` |", md);
        Assert.Contains("| `CREATE ROLE reporting` |", md);
        Assert.Contains("| `role reporting gets member app_reader` |", md);
        Assert.Contains("| `GRANT SELECT, INSERT ON dbo.Orders TO app_reader` |", md);
        Assert.Contains("| `GRANT EXECUTE ON SCHEMA::sales TO reporting` |", md);
        Assert.Contains("| `row-level security: security policy sales.TenantFilter` |", md);
        Assert.Contains("| `CREATE USER reader` | `Roles` | [Migrations/Roles.cs:15](Migrations/Roles.cs#L15) |", md);
        Assert.Contains("| `GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader` | `Roles` |", md);
        Assert.Contains("| `row-level security enabled on orders` | `Roles` |", md);
        Assert.Contains("| `row-level security: policy tenant_isolation on orders` | `Roles` |", md);

        Assert.Contains("| `dynamic data masking on column Email` |", md);
        Assert.DoesNotContain("masking on column dbo.Customers", md);
        Assert.Contains("| `dynamic data masking on column Phone` |", md);
        Assert.Contains("| `transparent data encryption turned on (SET ENCRYPTION ON)` |", md);

        Assert.Contains("### 5.2 Change data capture and messages to other systems", md);
        Assert.Contains("| `change data capture enabled for the database (sp_cdc_enable_db)` |", md);
        Assert.Contains("| `change data capture enabled on table Orders` |", md);
        Assert.Contains("| `change tracking enabled on dbo.Payments` |", md);

        Assert.DoesNotContain("commented_out", output.All);
        Assert.DoesNotContain("block_commented", output.All);
        Assert.DoesNotContain("everyone", output.All);
        Assert.DoesNotContain("Login-Secret-1", output.All);
        Assert.DoesNotContain("Pg-Secret-2", output.All);
    }

    private const string OnlineScript = """
        -- CREATE INDEX CONCURRENTLY ix_commented ON orders (id);
        CREATE NONCLUSTERED INDEX IX_Orders_Date ON dbo.Orders (OrderDate) WITH (ONLINE = ON, SORT_IN_TEMPDB = ON);
        CREATE INDEX IX_Orders_Plain ON dbo.Orders (Status)
        CREATE INDEX IX_Orders_Next ON dbo.Orders (Total) WITH (ONLINE = ON)
        ALTER INDEX IX_Orders_Date ON dbo.Orders REBUILD WITH (ONLINE = ON);
        CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_users_email ON users (email);
        CREATE INDEX CONCURRENTLY ON ONLY events (created_at);
        DROP INDEX CONCURRENTLY IF EXISTS ix_old;
        REINDEX INDEX CONCURRENTLY ix_users_email;
        ALTER TABLE orders ADD CONSTRAINT fk_orders_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_users;
        ALTER TABLE audit ADD COLUMN note text, ALGORITHM=INSTANT;
        INSERT INTO notes (text) VALUES ('CREATE INDEX CONCURRENTLY ix_in_string ON t (c)');
        ALTER TABLE plain ADD CONSTRAINT ck_plain CHECK (x > 0);
        """;

    [Fact]
    public void Schema_changes_made_without_blocking_are_listed_under_migrations_and_only_where_the_statement_says_so()
    {
        var output = GeneratorHarness.Run(Sources.With(), new Dictionary<string, string> { ["Database/010_online.sql"] = OnlineScript });
        var md = output.Markdown!;
        var section = md.Substring(md.IndexOf("### 3.1 Migrations", StringComparison.Ordinal));
        Assert.Contains("Schema changes the SQL makes without blocking reads and writes", section);
        Assert.Contains("| `index IX_Orders_Date on dbo.Orders built online (ONLINE = ON)` | `010_online.sql` | [Database/010\\_online.sql:2](Database/010_online.sql#L2) |", section);
        Assert.Contains("| `index IX_Orders_Next on dbo.Orders built online (ONLINE = ON)` |", section);
        Assert.Contains("| `index IX_Orders_Date on dbo.Orders rebuilt online (ONLINE = ON)` |", section);
        Assert.Contains("| `index ix_users_email on users built concurrently (CREATE INDEX CONCURRENTLY)` |", section);
        Assert.Contains("| `index on events built concurrently (CREATE INDEX CONCURRENTLY)` |", section);
        Assert.Contains("| `index ix_old dropped concurrently (DROP INDEX CONCURRENTLY)` |", section);
        Assert.Contains("| `ix_users_email reindexed concurrently (REINDEX CONCURRENTLY)` |", section);
        Assert.Contains("| `constraint fk_orders_users on orders added NOT VALID (existing rows are not checked while it is added)` |", section);
        Assert.Contains("| `constraint fk_orders_users on orders validated in a later step (VALIDATE CONSTRAINT)` |", section);
        Assert.Contains("| `table audit altered in place (ALGORITHM=INSTANT)` |", section);
        // Traps: a statement without semicolons does not borrow the next one's ONLINE = ON; comments and strings never match.
        Assert.DoesNotContain("IX_Orders_Plain", section.Substring(section.IndexOf("Schema changes the SQL", StringComparison.Ordinal)));
        Assert.DoesNotContain("ix_commented", output.All);
        Assert.DoesNotContain("ix_in_string", output.All);
        Assert.DoesNotContain("ck_plain", output.All);
        Assert.Contains("\"category\": \"deployment\"", output.Json);
    }

    private const string OnlineModel = """
        namespace Shop.Data
        {
            public class Order { public int Id { get; set; } public System.DateTime Date { get; set; } public string Status { get; set; } = ""; }
            public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
                protected override void OnModelCreating(ModelBuilder b)
                {
                    b.Entity<Order>().HasIndex(o => o.Date).IsCreatedOnline();
                    b.Entity<Order>().HasIndex(o => new { o.Status, o.Date }).HasDatabaseName("IX_Status").IsCreatedConcurrently();
                    b.Entity<Order>().HasIndex(o => o.Status).IsCreatedOnline(false);
                    b.Entity<Order>().HasIndex(o => o.Id);
                }
            }
        }
        """;

    private const string OnlineMigration = """
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20260301000000_Indexes")]
            public class Indexes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Orders_Date", table: "Orders", column: "Date")
                        .Annotation("SqlServer:Online", true);
                    migrationBuilder.CreateIndex("IX_Orders_Status", "Orders", "Status")
                        .Annotation("Relational:Comment", "x")
                        .Annotation("Npgsql:CreatedConcurrently", true);
                    migrationBuilder.CreateIndex(name: "IX_Orders_Total", table: "Orders", column: "Total")
                        .Annotation("SqlServer:Online", false);
                    migrationBuilder.AddColumn<int>(name: "Total", table: "Orders", nullable: false, defaultValue: 0)
                        .Annotation("SqlServer:Online", true);
                }
            }
        }
        namespace Shop.Data { public class ShopContext : DbContext { } }
        """;

    [Fact]
    public void Migration_annotations_for_indexes_built_without_blocking_are_listed()
    {
        var output = GeneratorHarness.Run(Sources.With(("Migrations/Indexes.cs", OnlineMigration)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `index IX_Orders_Date on Orders built online (migration annotation SqlServer:Online)` | `Indexes` | [Migrations/Indexes.cs:", md);
        Assert.Contains("| `index IX_Orders_Status on Orders built concurrently (migration annotation Npgsql:CreatedConcurrently)` | `Indexes` |", md);
        Assert.DoesNotContain("IX_Orders_Total on", md); // annotated false
        Assert.DoesNotContain("index on", md); // an annotation on AddColumn is no index
    }

    [Fact]
    public void EF_Core_indexes_created_online_or_concurrently_are_listed_with_the_SQL_ones()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/ShopContext.cs", OnlineModel)));
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.Contains("| `index on Order (Date) created online (IsCreatedOnline(), SQL Server)` | `ShopContext` | [Data/ShopContext.cs:", md);
        Assert.Contains("| `index on Order (Status, Date) created concurrently (IsCreatedConcurrently(), PostgreSQL)` | `ShopContext` |", md);
        Assert.DoesNotContain("index on Order (Status) created", md); // IsCreatedOnline(false)
        Assert.DoesNotContain("index on Order (Id) created", md);
        // The schema stays whole: these calls change how the index is built, not what it is.
        var incomplete = System.Text.Json.Nodes.JsonNode.Parse(output.Json!)!["contextsWithIncompleteSchema"]!.ToJsonString();
        Assert.True(incomplete == "[]", incomplete);
    }

    /// <summary>TDE's key is a statement of its own kind: a script that creates it creates no database.</summary>
    [Fact]
    public void A_database_encryption_key_is_not_summarised_as_creating_a_database()
    {
        var output = GeneratorHarness.Run(Sources.With(), new Dictionary<string, string>
        {
            ["Database/002_tde.sql"] = """
                USE Shop;
                CREATE DATABASE ENCRYPTION KEY WITH ALGORITHM = AES_256 ENCRYPTION BY SERVER CERTIFICATE ShopTdeCert;
                ALTER DATABASE Shop SET ENCRYPTION ON;
                """,
        });
        var md = output.Markdown!;
        Assert.Contains("| `002_tde.sql` | ALTER DATABASE, CREATE DATABASE ENCRYPTION KEY |", md);
        Assert.Contains("| `database encryption key created (TDE)` | `002_tde.sql` | [Database/002\\_tde.sql:2](Database/002_tde.sql#L2) |", md);
    }
}

/// <summary>SQL scripts written by <c>dotnet ef migrations script</c>, told by the history rows they write (SQL Server,
/// PostgreSQL, SQLite shapes; plain, idempotent and revert scripts), compared with the project's EF Core migrations.</summary>
public class EfMigrationScriptTests
{
    // SQL Server, as EF Core 10 writes it (idempotent; N'' literals; the history table created first).
    private const string SqlServerIdempotent = """
        IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
        BEGIN
            CREATE TABLE [__EFMigrationsHistory] (
                [MigrationId] nvarchar(150) NOT NULL,
                [ProductVersion] nvarchar(32) NOT NULL,
                CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
            );
        END;
        GO

        BEGIN TRANSACTION;
        IF NOT EXISTS (
            SELECT * FROM [__EFMigrationsHistory]
            WHERE [MigrationId] = N'20260101000000_Initial'
        )
        BEGIN
            CREATE TABLE [Orders] ([Id] int NOT NULL IDENTITY, CONSTRAINT [PK_Orders] PRIMARY KEY ([Id]));
        END;

        IF NOT EXISTS (
            SELECT * FROM [__EFMigrationsHistory]
            WHERE [MigrationId] = N'20260101000000_Initial'
        )
        BEGIN
            INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
            VALUES (N'20260101000000_Initial', N'10.0.15');
        END;

        COMMIT;
        GO

        BEGIN TRANSACTION;
        IF NOT EXISTS (
            SELECT * FROM [__EFMigrationsHistory]
            WHERE [MigrationId] = N'20260301000000_Hotfix'
        )
        BEGIN
            INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
            VALUES (N'20260301000000_Hotfix', N'10.0.15');
        END;

        COMMIT;
        GO
        """;

    // PostgreSQL (Npgsql), plain: "" identifiers, '' literals.
    private const string Postgres = """
        CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
            "MigrationId" character varying(150) NOT NULL,
            "ProductVersion" character varying(32) NOT NULL,
            CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
        );

        START TRANSACTION;
        CREATE TABLE orders (id integer GENERATED BY DEFAULT AS IDENTITY, CONSTRAINT "PK_orders" PRIMARY KEY (id));

        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
        VALUES ('20260101000000_Initial', '9.0.3');

        CREATE INDEX "IX_orders_id" ON orders (id);

        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
        VALUES ('20260201000000_Index', '9.0.3');

        INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
        VALUES ('20260215000000_Names', '9.0.3');

        COMMIT;
        """;

    // PostgreSQL idempotent: DO $EF$ blocks.
    private const string PostgresIdempotent = """
        DO $EF$
        BEGIN
            IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "MigrationId" = '20260101000000_Initial') THEN
            INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
            VALUES ('20260101000000_Initial', '9.0.3');
            END IF;
        END $EF$;
        """;

    // SQLite, reverting a migration (from a later migration to an earlier one).
    private const string SqliteRevert = """
        BEGIN TRANSACTION;
        DROP INDEX "IX_orders_id";

        DELETE FROM "__EFMigrationsHistory"
        WHERE "MigrationId" = '20260201000000_Index';

        COMMIT;
        """;

    // Traps: the history table only mentioned in comments; a hand-written script that creates the history table; an
    // insert into another table with a MigrationId column name inside a string.
    private const string Mentions = """
        -- Run after: INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion]) VALUES (N'20260101000000_Initial', N'10.0.15');
        /* INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('x', '9.0.0'); */
        CREATE TABLE [__EFMigrationsHistory] ([MigrationId] nvarchar(150) NOT NULL, [ProductVersion] nvarchar(32) NOT NULL);
        INSERT INTO dbo.Notes (Text) VALUES (N'INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion]) VALUES (N''a'', N''b'')');
        """;

    private const string Migrations = """
        using Microsoft.EntityFrameworkCore.Migrations;
        namespace Shop.Migrations
        {
            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20260101000000_Initial")]
            public class Initial : Migration { protected override void Up(MigrationBuilder migrationBuilder) { } }

            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20260201000000_Index")]
            public class Index : Migration { protected override void Up(MigrationBuilder migrationBuilder) { } }

            [Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof(Shop.Data.ShopContext))]
            [Migration("20260401000000_Later")]
            public class Later : Migration { protected override void Up(MigrationBuilder migrationBuilder) { } }
        }
        namespace Shop.Data { public class ShopContext : DbContext { } }
        """;

    private static string Row(string md, string file) => md.Split('\n').Single(l => l.StartsWith("| `" + file + "` |", StringComparison.Ordinal));

    [Fact]
    public void Migration_scripts_say_what_they_apply_or_revert_and_which_migrations_the_project_has()
    {
        var output = GeneratorHarness.Run(Sources.With(("Migrations/All.cs", Migrations)), new Dictionary<string, string>
        {
            ["Deploy/sqlserver.sql"] = SqlServerIdempotent,
            ["Deploy/postgres.sql"] = Postgres,
            ["Deploy/postgres-idempotent.sql"] = PostgresIdempotent,
            ["Deploy/revert.sql"] = SqliteRevert,
            ["Deploy/mentions.sql"] = Mentions,
        });
        Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var md = output.Markdown!;
        Assert.StartsWith("| `sqlserver.sql` | EF Core migration script (idempotent, history rows as `dotnet ef migrations script` writes them [Deploy/sqlserver.sql:25](Deploy/sqlserver.sql#L25)): "
            + "applies `20260101000000_Initial`, `20260301000000_Hotfix`, EF Core 10.0.15; not among this project's EF Core migrations: `20260301000000_Hotfix`; "
            + "migrations of this project newer than its last, missing from it: `20260401000000_Later`; statements: ", Row(md, "sqlserver.sql"));
        Assert.StartsWith("| `postgres.sql` | EF Core migration script (history rows as `dotnet ef migrations script` writes them [Deploy/postgres.sql:10](Deploy/postgres.sql#L10)): "
            + "applies `20260101000000_Initial` … `20260215000000_Names` (3 migrations), EF Core 9.0.3; not among this project's EF Core migrations: `20260215000000_Names`; "
            + "migrations of this project newer than its last, missing from it: `20260401000000_Later`; statements: ", Row(md, "postgres.sql"));
        Assert.Contains("EF Core migration script (idempotent, history rows as `dotnet ef migrations script` writes them [Deploy/postgres-idempotent.sql:4](Deploy/postgres-idempotent.sql#L4)): applies `20260101000000_Initial`, EF Core 9.0.3; all are this project's EF Core migrations; migrations of this project newer than its last, missing from it: `20260201000000_Index`, `20260401000000_Later`; statements:", Row(md, "postgres-idempotent.sql"));
        Assert.Contains("EF Core migration script (history rows as `dotnet ef migrations script` writes them [Deploy/revert.sql:4](Deploy/revert.sql#L4)): reverts `20260201000000_Index`; all are this project's EF Core migrations; statements:", Row(md, "revert.sql"));
        Assert.DoesNotContain("EF Core migration script", Row(md, "mentions.sql"));
        Assert.Contains("\"efMigrations\": {", output.Json);
        Assert.Contains("\"productVersions\": [", output.Json);
    }

    [Fact]
    public void Without_project_migrations_nothing_is_said_about_them()
    {
        var output = GeneratorHarness.Run(Sources.With(("Data/Empty.cs", "namespace Shop.Data { public class Nothing { } }")),
            new Dictionary<string, string> { ["Deploy/postgres.sql"] = Postgres });
        var row = Row(output.Markdown!, "postgres.sql");
        Assert.Contains("applies `20260101000000_Initial` … `20260215000000_Names` (3 migrations), EF Core 9.0.3; statements:", row);
        Assert.DoesNotContain("this project", row);
    }
}
