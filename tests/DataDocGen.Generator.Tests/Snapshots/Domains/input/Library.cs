using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Library
{
    using Microsoft.EntityFrameworkCore.Metadata.Builders;
    public class Member
    {
        public int MemberNumber { get; set; }
        public string Name { get; set; } = "";
        public string? Phone { get; set; }
        public string Notes { get; set; } = "";
        public List<Loan> Loans { get; } = new();
    }
    public class Book
    {
        public int Id { get; set; }
        public string Isbn { get; set; } = "";
        public string Title { get; set; } = "";
        public int Copies { get; set; }
    }
    public class Loan
    {
        public int Id { get; set; }
        public int BorrowerNumber { get; set; }
        public Member Borrower { get; set; } = null!;
        public int BookId { get; set; }
        public Book Book { get; set; } = null!;
        public DateTime DueOn { get; set; }
    }
    public class OverdueLoan { public int LoanId { get; set; } public int DaysLate { get; set; } }
    public class LibraryContext(DbContextOptions<LibraryContext> options) : DbContext(options)
    {
        public DbSet<Member> Members => Set<Member>();
        public DbSet<Book> Books => Set<Book>();
        public DbSet<Loan> Loans => Set<Loan>();
        public DbSet<OverdueLoan> OverdueLoans => Set<OverdueLoan>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=.;Database=Library;Integrated Security=true"); }
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Member>(member =>
            {
                member.HasKey(m => m.MemberNumber).HasName("PK_LibraryMembers");
                member.Property(m => m.Name).HasMaxLength(120).HasColumnName("member_name");
                member.Property(m => m.Phone).IsRequired();
                member.Ignore(m => m.Notes);
                member.HasIndex(m => m.Phone).IsUnique();
            });
            modelBuilder.Entity<Loan>()
                .HasOne(l => l.Borrower)
                .WithMany(m => m.Loans)
                .HasForeignKey(l => l.BorrowerNumber)
                .OnDelete(DeleteBehavior.Restrict);
            modelBuilder.Entity<Loan>().HasOne(l => l.Book).WithMany().OnDelete(DeleteBehavior.SetNull).IsRequired(false);
            modelBuilder.ApplyConfiguration(new BookConfiguration());
            modelBuilder.Entity<OverdueLoan>().HasNoKey().ToView("v_overdue_loans");
        }
    }
    public class BookConfiguration : IEntityTypeConfiguration<Book>
    {
        public void Configure(EntityTypeBuilder<Book> builder)
        {
            builder.ToTable("Books", t => t.HasCheckConstraint("CK_Books_Copies", "[Copies] >= 0"));
            builder.Property(b => b.Isbn).HasMaxLength(13).IsRequired();
            builder.HasIndex(b => b.Isbn).IsUnique().HasDatabaseName("UX_Books_Isbn");
        }
    }
}
