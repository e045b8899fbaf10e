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
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    DECLARE @historyTableSchema nvarchar(max) = QUOTENAME(SCHEMA_NAME())
    EXEC(N'CREATE TABLE [Patients] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] uniqueidentifier NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [DateOfBirth] date NOT NULL,
        [Email] nvarchar(320) NULL,
        [Phone] nvarchar(32) NULL,
        [NationalId] nvarchar(max) NOT NULL,
        [IsDeleted] bit NOT NULL,
        [DeletedAt] datetime2 NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(max) NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(max) NULL,
        [PeriodEnd] datetime2 GENERATED ALWAYS AS ROW END HIDDEN NOT NULL,
        [PeriodStart] datetime2 GENERATED ALWAYS AS ROW START HIDDEN NOT NULL,
        CONSTRAINT [PK_Patients] PRIMARY KEY ([Id]),
        PERIOD FOR SYSTEM_TIME([PeriodStart], [PeriodEnd])
    ) WITH (SYSTEM_VERSIONING = ON (HISTORY_TABLE = ' + @historyTableSchema + N'.[PatientsHistory]))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE TABLE [Specialties] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Specialties] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE TABLE [Practitioners] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] uniqueidentifier NOT NULL,
        [FullName] nvarchar(200) NOT NULL,
        [LicenceNumber] nvarchar(20) NOT NULL,
        [SpecialtyId] int NOT NULL,
        [IsDeleted] bit NOT NULL,
        [DeletedAt] datetime2 NULL,
        CONSTRAINT [PK_Practitioners] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Practitioners_Specialties_SpecialtyId] FOREIGN KEY ([SpecialtyId]) REFERENCES [Specialties] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE TABLE [Appointments] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] uniqueidentifier NOT NULL,
        [PatientId] int NOT NULL,
        [PractitionerId] int NOT NULL,
        [StartsAt] datetime2 NOT NULL,
        [EndsAt] datetime2 NOT NULL,
        [Status] int NOT NULL,
        [Reason] nvarchar(500) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(max) NULL,
        [UpdatedAt] datetime2 NULL,
        [UpdatedBy] nvarchar(max) NULL,
        CONSTRAINT [PK_Appointments] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Appointments_EndsAfterStart] CHECK ([EndsAt] > [StartsAt]),
        CONSTRAINT [FK_Appointments_Patients_PatientId] FOREIGN KEY ([PatientId]) REFERENCES [Patients] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Appointments_Practitioners_PractitionerId] FOREIGN KEY ([PractitionerId]) REFERENCES [Practitioners] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE TABLE [AppointmentReminders] (
        [Id] int NOT NULL IDENTITY,
        [TenantId] uniqueidentifier NOT NULL,
        [AppointmentId] int NOT NULL,
        [SendAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [Channel] nvarchar(10) NOT NULL,
        CONSTRAINT [PK_AppointmentReminders] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AppointmentReminders_Appointments_AppointmentId] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_AppointmentReminders_AppointmentId] ON [AppointmentReminders] ([AppointmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_AppointmentReminders_SendAt] ON [AppointmentReminders] ([SendAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_Appointments_PatientId] ON [Appointments] ([PatientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_Appointments_PractitionerId_StartsAt] ON [Appointments] ([PractitionerId], [StartsAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_Patients_TenantId_FullName] ON [Patients] ([TenantId], [FullName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE INDEX [IX_Practitioners_SpecialtyId] ON [Practitioners] ([SpecialtyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Practitioners_TenantId_LicenceNumber] ON [Practitioners] ([TenantId], [LicenceNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128020551_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128020551_Initial', N'10.0.15');
END;

COMMIT;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128024500_PatientFullTextSearch'
)
BEGIN
    CREATE FULLTEXT CATALOG PatientSearch;
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128024500_PatientFullTextSearch'
)
BEGIN
    CREATE FULLTEXT INDEX ON dbo.Patients (FullName) KEY INDEX PK_Patients ON PatientSearch;
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128024500_PatientFullTextSearch'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128024500_PatientFullTextSearch', N'10.0.15');
END;
GO

