namespace DataDocGen.Generator.Tests.Fidelity;

/// <summary>Fidelity models of many-to-many relationships through join entity classes (issue 3).</summary>
internal static class JoinModels
{
    public static readonly Dictionary<string, (string Source, string Context)> All = new()
    {
        ["blog tags: UsingEntity<PostTag>() on a DbSet join entity with navigations, a composite HasKey and a payload"] = ("""
            namespace Tagging.Blog
            {
                using System.ComponentModel.DataAnnotations;
                public class Post
                {
                    public int Id { get; set; }
                    [MaxLength(200)] public string Title { get; set; } = "";
                    public List<Tag> Tags { get; set; } = new();
                    public List<PostTag> PostTags { get; set; } = new();
                }
                public class Tag
                {
                    public int Id { get; set; }
                    [MaxLength(40)] public string Name { get; set; } = "";
                    public List<Post> Posts { get; set; } = new();
                    public List<PostTag> PostTags { get; set; } = new();
                }
                public class PostTag
                {
                    public int PostId { get; set; }
                    public Post Post { get; set; } = null!;
                    public int TagId { get; set; }
                    public Tag Tag { get; set; } = null!;
                    public DateTime AddedOn { get; set; }
                    [MaxLength(64)] public string? AddedBy { get; set; }
                }
                public class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
                {
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    public DbSet<PostTag> PostTags => Set<PostTag>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Post>().HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity<PostTag>();
                        modelBuilder.Entity<PostTag>().HasKey(pt => new { pt.PostId, pt.TagId });
                    }
                }
            }
            """, "Tagging.Blog.BlogContext"),
        ["school: the explicit UsingEntity<Enrolment>(l => ..., r => ...) form with a payload"] = ("""
            namespace Tagging.School
            {
                using System.ComponentModel.DataAnnotations;
                public class Student
                {
                    public int Id { get; set; }
                    [MaxLength(100)] public string Name { get; set; } = "";
                    public List<Course> Courses { get; set; } = new();
                    public List<Enrolment> Enrolments { get; set; } = new();
                }
                public class Course
                {
                    public int Id { get; set; }
                    [MaxLength(80)] public string Title { get; set; } = "";
                    public List<Student> Students { get; set; } = new();
                    public List<Enrolment> Enrolments { get; set; } = new();
                }
                public class Enrolment
                {
                    public int StudentId { get; set; }
                    public Student Student { get; set; } = null!;
                    public int CourseId { get; set; }
                    public Course Course { get; set; } = null!;
                    public DateTime EnrolledOn { get; set; }
                    public int? Grade { get; set; }
                }
                public class SchoolContext(DbContextOptions<SchoolContext> options) : DbContext(options)
                {
                    public DbSet<Student> Students => Set<Student>();
                    public DbSet<Course> Courses => Set<Course>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Student>()
                            .HasMany(s => s.Courses)
                            .WithMany(c => c.Students)
                            .UsingEntity<Enrolment>(
                                l => l.HasOne<Course>(e => e.Course).WithMany(e => e.Enrolments),
                                r => r.HasOne<Student>(e => e.Student).WithMany(e => e.Enrolments));
                    }
                }
            }
            """, "Tagging.School.SchoolContext"),
        ["forum: an explicit join entity between two one-to-many relationships, no skip navigations"] = ("""
            namespace Tagging.Forum
            {
                using System.ComponentModel.DataAnnotations;
                public class Thread
                {
                    public int Id { get; set; }
                    [MaxLength(200)] public string Subject { get; set; } = "";
                    public List<ThreadTag> ThreadTags { get; set; } = new();
                }
                public class Tag
                {
                    public int Id { get; set; }
                    [MaxLength(40)] public string Name { get; set; } = "";
                    public List<ThreadTag> ThreadTags { get; set; } = new();
                }
                public class ThreadTag
                {
                    public int ThreadId { get; set; }
                    public Thread Thread { get; set; } = null!;
                    public int TagId { get; set; }
                    public Tag Tag { get; set; } = null!;
                    public DateTime TaggedOn { get; set; }
                }
                public class ForumContext(DbContextOptions<ForumContext> options) : DbContext(options)
                {
                    public DbSet<Thread> Threads => Set<Thread>();
                    public DbSet<Tag> Tags => Set<Tag>();
                    public DbSet<ThreadTag> ThreadTags => Set<ThreadTag>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<ThreadTag>().HasKey(tt => new { tt.ThreadId, tt.TagId });
                    }
                }
            }
            """, "Tagging.Forum.ForumContext"),
        ["playlist: the three-lambda UsingEntity<PlaylistEntry>(right, left, join) form on a DbSet join entity, HasKey and a default in the join lambda"] = ("""
            namespace Tagging.Music
            {
                public class Playlist
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Song> Songs { get; set; } = new();
                }
                public class Song
                {
                    public int Id { get; set; }
                    public string Title { get; set; } = "";
                    public List<Playlist> Playlists { get; set; } = new();
                }
                public class PlaylistEntry
                {
                    public int PlaylistId { get; set; }
                    public Playlist Playlist { get; set; } = null!;
                    public int SongId { get; set; }
                    public Song Song { get; set; } = null!;
                    public int Position { get; set; }
                    public DateTime AddedOn { get; set; }
                }
                public class MusicContext(DbContextOptions<MusicContext> options) : DbContext(options)
                {
                    public DbSet<Playlist> Playlists => Set<Playlist>();
                    public DbSet<Song> Songs => Set<Song>();
                    public DbSet<PlaylistEntry> Entries => Set<PlaylistEntry>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Playlist>().HasMany(p => p.Songs).WithMany(s => s.Playlists).UsingEntity<PlaylistEntry>(
                            r => r.HasOne(e => e.Song).WithMany().HasForeignKey(e => e.SongId),
                            l => l.HasOne(e => e.Playlist).WithMany().HasForeignKey(e => e.PlaylistId),
                            j =>
                            {
                                j.HasKey(e => new { e.SongId, e.PlaylistId });
                                j.Property(e => e.AddedOn).HasDefaultValueSql("CURRENT_TIMESTAMP");
                            });
                    }
                }
            }
            """, "Tagging.Music.MusicContext"),
        ["gallery: UsingEntity<PhotoAlbum>() on a DbSet join entity with an Id key of its own and inverse collections"] = ("""
            namespace Tagging.Gallery
            {
                public class Album
                {
                    public int Id { get; set; }
                    public List<Photo> Photos { get; set; } = new();
                    public List<PhotoAlbum> Placements { get; set; } = new();
                }
                public class Photo
                {
                    public Guid Id { get; set; }
                    public List<Album> Albums { get; set; } = new();
                    public List<PhotoAlbum> Placements { get; set; } = new();
                }
                public class PhotoAlbum
                {
                    public long Id { get; set; }
                    public int AlbumId { get; set; }
                    public Album Album { get; set; } = null!;
                    public Guid PhotoId { get; set; }
                    public Photo Photo { get; set; } = null!;
                    public string? Caption { get; set; }
                }
                public class GalleryContext(DbContextOptions<GalleryContext> options) : DbContext(options)
                {
                    public DbSet<Album> Albums => Set<Album>();
                    public DbSet<Photo> Photos => Set<Photo>();
                    public DbSet<PhotoAlbum> Placements => Set<PhotoAlbum>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Photo>().HasMany(p => p.Albums).WithMany(a => a.Photos).UsingEntity<PhotoAlbum>();
                    }
                }
            }
            """, "Tagging.Gallery.GalleryContext"),
        ["wiki: the one-lambda UsingEntity<PageTag>(j => j.ToTable(...)) form on a join entity with navigations"] = ("""
            namespace Tagging.Wiki
            {
                using System.ComponentModel.DataAnnotations;
                public class Page
                {
                    public int Id { get; set; }
                    [MaxLength(120)] public string Slug { get; set; } = "";
                    public List<Label> Labels { get; set; } = new();
                }
                public class Label
                {
                    public int Id { get; set; }
                    public List<Page> Pages { get; set; } = new();
                }
                public class PageLabel
                {
                    public int PageId { get; set; }
                    public Page Page { get; set; } = null!;
                    public int LabelId { get; set; }
                    public Label Label { get; set; } = null!;
                    public bool Pinned { get; set; }
                }
                public class WikiContext(DbContextOptions<WikiContext> options) : DbContext(options)
                {
                    public DbSet<Page> Pages => Set<Page>();
                    public DbSet<Label> Labels => Set<Label>();
                    public DbSet<PageLabel> PageLabels => Set<PageLabel>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Page>().HasMany(p => p.Labels).WithMany(l => l.Pages).UsingEntity<PageLabel>(j => j.ToTable("PageLabelLinks"));
                    }
                }
            }
            """, "Tagging.Wiki.WikiContext"),
        ["loans: a join class without navigations, foreign keys named in the lambdas (one int?), keyed by them in name order"] = ("""
            namespace Tagging.Loans
            {
                public class Member
                {
                    public int Id { get; set; }
                    public List<Book> Books { get; set; } = new();
                }
                public class Book
                {
                    public int Id { get; set; }
                    public List<Member> Borrowers { get; set; } = new();
                }
                public class Loan
                {
                    public int TitleRef { get; set; }
                    public int? BorrowerNo { get; set; }
                    public DateTime Due { get; set; }
                }
                public class LoansContext(DbContextOptions<LoansContext> options) : DbContext(options)
                {
                    public DbSet<Member> Members => Set<Member>();
                    public DbSet<Book> Books => Set<Book>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Member>().HasMany(m => m.Books).WithMany(b => b.Borrowers).UsingEntity<Loan>(
                            r => r.HasOne<Book>().WithMany().HasForeignKey(l => l.TitleRef),
                            l => l.HasOne<Member>().WithMany().HasForeignKey(l => l.BorrowerNo));
                    }
                }
            }
            """, "Tagging.Loans.LoansContext"),
        ["club: UsingEntity<Membership>() on a DbSet join class of plain properties, its table named after the DbSet"] = ("""
            namespace Tagging.Club
            {
                public class Person
                {
                    public int Id { get; set; }
                    public List<Team> Teams { get; set; } = new();
                }
                public class Team
                {
                    public int Id { get; set; }
                    public List<Person> People { get; set; } = new();
                }
                public class Membership
                {
                    public int PersonId { get; set; }
                    public int TeamId { get; set; }
                    public int? ShirtNumber { get; set; }
                }
                public class ClubContext(DbContextOptions<ClubContext> options) : DbContext(options)
                {
                    public DbSet<Person> People => Set<Person>();
                    public DbSet<Team> Teams => Set<Team>();
                    public DbSet<Membership> Memberships => Set<Membership>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Team>().HasMany(t => t.People).WithMany(p => p.Teams).UsingEntity<Membership>();
                    }
                }
            }
            """, "Tagging.Club.ClubContext"),
        ["seats: join classes without foreign key properties (shadow ones named after the inverse skip navigation), a unidirectional one, one named by type, ones named after the skip navigations winning over the type, a string key, HasKey naming the shadow keys, and an implicit join keyed in property-name order"] = ("""
            namespace Tagging.Seats
            {
                public class Student
                {
                    public int Id { get; set; }
                    public List<Course> Courses { get; set; } = new();
                    public List<Club> Clubs { get; set; } = new();
                    public List<Room> Rooms { get; set; } = new();
                    public List<Team> Teams { get; set; } = new();
                    public List<Society> Societies { get; set; } = new();
                    public List<Locker> Lockers { get; set; } = new();
                    public List<Dorm> Residences { get; set; } = new();
                }
                public class Course { public int CourseId { get; set; } public List<Student> Students { get; set; } = new(); }
                public class Club { public int Id { get; set; } }
                public class Room { public int Id { get; set; } public List<Student> Students { get; set; } = new(); }
                public class Team { public int Id { get; set; } public List<Student> Members { get; set; } = new(); }
                public class Society { public string Id { get; set; } = ""; public List<Student> People { get; set; } = new(); }
                public class Locker { public Guid Id { get; set; } public List<Student> Users { get; set; } = new(); }
                public class Dorm { public int Id { get; set; } public List<Student> Occupants { get; set; } = new(); }
                public class Enrollment { public DateTime EnrolledOn { get; set; } }
                public class ClubMembership { public long Id { get; set; } public string? Role { get; set; } }
                public class Booking { public int StudentId { get; set; } }
                public class TeamSeat { public int TeamId { get; set; } public int TeamsId { get; set; } public int MembersId { get; set; } public int StudentId { get; set; } }
                public class SocietySeat { public int Rank { get; set; } }
                public class LockerShare { public DateTime Since { get; set; } }
                public class SeatsContext(DbContextOptions<SeatsContext> options) : DbContext(options)
                {
                    public DbSet<Student> Students => Set<Student>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Student>().HasMany(s => s.Courses).WithMany(c => c.Students).UsingEntity<Enrollment>();
                        modelBuilder.Entity<Student>().HasMany(s => s.Clubs).WithMany().UsingEntity<ClubMembership>();
                        modelBuilder.Entity<Student>().HasMany(s => s.Rooms).WithMany(r => r.Students).UsingEntity<Booking>();
                        modelBuilder.Entity<Team>().HasMany(t => t.Members).WithMany(s => s.Teams).UsingEntity<TeamSeat>();
                        modelBuilder.Entity<Society>().Property(c => c.Id).HasMaxLength(20);
                        modelBuilder.Entity<Society>().HasMany(c => c.People).WithMany(s => s.Societies).UsingEntity<SocietySeat>();
                        modelBuilder.Entity<Locker>().HasMany(l => l.Users).WithMany(s => s.Lockers).UsingEntity<LockerShare>(j => j.HasKey("UsersId", "LockersId"));
                    }
                }
            }
            """, "Tagging.Seats.SeatsContext"),
        ["labels: a DbSet join class without foreign key properties whose ends have collections of it, and one with navigations only"] = ("""
            namespace Tagging.Labels
            {
                public class Post
                {
                    public int Id { get; set; }
                    public List<Label> Labels { get; set; } = new();
                    public List<PostLabel> PostLabels { get; set; } = new();
                    public List<Reader> Readers { get; set; } = new();
                }
                public class Label
                {
                    public int Id { get; set; }
                    public List<Post> Posts { get; set; } = new();
                    public List<PostLabel> PostLabels { get; set; } = new();
                }
                public class PostLabel { public DateTime AddedOn { get; set; } }
                public class Reader { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class Reading { public Post Post { get; set; } = null!; public Reader Reader { get; set; } = null!; public int Minutes { get; set; } }
                public class LabelsContext(DbContextOptions<LabelsContext> options) : DbContext(options)
                {
                    public DbSet<Post> Posts => Set<Post>();
                    public DbSet<PostLabel> PostLabels => Set<PostLabel>();
                    public DbSet<Reading> Readings => Set<Reading>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Post>().HasMany(p => p.Labels).WithMany(l => l.Posts).UsingEntity<PostLabel>();
                        modelBuilder.Entity<Post>().HasMany(p => p.Readers).WithMany(r => r.Posts).UsingEntity<Reading>();
                    }
                }
            }
            """, "Tagging.Labels.LabelsContext"),
        ["friends: self-referencing join classes configured in UsingEntity lambdas (foreign keys named, navigations with an OnDelete, a key of its own), with SQL Server's client-only cascade on one path"] = ("""
            namespace Tagging.Friends
            {
                public class Person
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = "";
                    public List<Person> Friends { get; set; } = new();
                    public List<Person> FriendOf { get; set; } = new();
                    public List<Person> Mentors { get; set; } = new();
                    public List<Person> Mentees { get; set; } = new();
                }
                public class Friendship
                {
                    public int PersonId { get; set; }
                    public int FriendId { get; set; }
                    public DateTime Since { get; set; }
                }
                public class Mentoring
                {
                    public long Id { get; set; }
                    public int MenteeId { get; set; }
                    public Person Mentee { get; set; } = null!;
                    public int MentorId { get; set; }
                    public Person Mentor { get; set; } = null!;
                }
                public class FriendsContext(DbContextOptions<FriendsContext> options) : DbContext(options)
                {
                    public DbSet<Person> People => Set<Person>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Person>().HasMany(p => p.Friends).WithMany(p => p.FriendOf).UsingEntity<Friendship>(
                            r => r.HasOne<Person>().WithMany().HasForeignKey(f => f.FriendId),
                            l => l.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId));
                        modelBuilder.Entity<Person>().HasMany(p => p.Mentors).WithMany(p => p.Mentees).UsingEntity<Mentoring>(
                            r => r.HasOne(m => m.Mentee).WithMany().OnDelete(DeleteBehavior.Restrict),
                            l => l.HasOne(m => m.Mentor).WithMany());
                    }
                }
            }
            """, "Tagging.Friends.FriendsContext"),
        ["links: UsingEntity<TJoin>(\"Name\") shared-type join classes (table named after the entity, HasKey naming the shadow keys) and UsingEntity<Dictionary<string, object>>(\"Name\")"] = ("""
            namespace Tagging.Links
            {
                public class Post { public int Id { get; set; } public List<Tag> Tags { get; set; } = new(); public List<Author> Authors { get; set; } = new(); public List<Topic> Topics { get; set; } = new(); }
                public class Tag { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class Author { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class Topic { public int Id { get; set; } public List<Post> Posts { get; set; } = new(); }
                public class PostTag { public int PostsId { get; set; } public int TagsId { get; set; } public DateTime TaggedOn { get; set; } }
                public class Byline { public int Position { get; set; } }
                public class LinksContext(DbContextOptions<LinksContext> options) : DbContext(options)
                {
                    public DbSet<Post> Posts => Set<Post>();
                    protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.USE_PROVIDER; }
                    protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity<Post>().HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity<PostTag>("PostTagLinks");
                        modelBuilder.Entity<Post>().HasMany(p => p.Authors).WithMany(a => a.Posts).UsingEntity<Byline>("Bylines", j => j.HasKey("AuthorsId", "PostsId"));
                        modelBuilder.Entity<Post>().HasMany(p => p.Topics).WithMany(t => t.Posts).UsingEntity<Dictionary<string, object>>("PostTopicMap");
                    }
                }
            }
            """, "Tagging.Links.LinksContext"),
    };
}
