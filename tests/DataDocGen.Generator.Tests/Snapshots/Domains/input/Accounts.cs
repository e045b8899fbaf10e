using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Accounts
{
    public class User
    {
        public Guid Id { get; set; }
        public string Login { get; set; } = "";
        public Profile? Profile { get; set; }
    }
    public class Profile
    {
        public int Id { get; set; }
        public Guid UserId { get; set; }
        public User User { get; set; } = null!;
        public string? Bio { get; set; }
    }
    public class Session
    {
        public long Id { get; set; }
        public User User { get; set; } = null!;
        public User? ImpersonatedBy { get; set; }
        public DateTime StartedAt { get; set; }
    }
    public class AccountsContext(DbContextOptions<AccountsContext> options) : DbContext(options)
    {
        public DbSet<User> Users => Set<User>();
        public DbSet<Session> Sessions => Set<Session>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseNpgsql("Host=pg.internal;Database=accounts;Username=app;Password=Acc-S3cret"); }
    }
}
