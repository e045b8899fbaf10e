using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Media
{
    public class Tag
    {
        public int Id { get; set; }
        public string Label { get; set; } = "";
        public List<Article> Articles { get; } = new();
    }
    public class Article
    {
        public int ArticleId { get; set; }
        public string Headline { get; set; } = "";
        public List<Tag> Tags { get; } = new();
        public List<Contributor> Contributors { get; } = new();
    }
    public class Contributor
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
    }
    public class Zone
    {
        public int Id { get; set; }
        public List<Article> Featured { get; } = new();
    }
    public class Comment
    {
        public int Id { get; set; }
        public Article Article { get; set; } = null!;
        public string Text { get; set; } = "";
    }
    public class MediaContext(DbContextOptions<MediaContext> options) : DbContext(options)
    {
        public DbSet<Article> Articles => Set<Article>();
        public DbSet<Tag> Tags => Set<Tag>();
        public DbSet<Zone> Zones => Set<Zone>();
        public DbSet<Comment> Comments => Set<Comment>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=.;Database=Media;Integrated Security=true"); }
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("media");
            modelBuilder.Entity<Article>().HasMany(a => a.Contributors).WithMany();
            modelBuilder.Entity<Zone>().HasMany(z => z.Featured).WithMany();
        }
    }
}
