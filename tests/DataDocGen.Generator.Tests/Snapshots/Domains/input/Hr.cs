#nullable disable
using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Hr
{
    public class Department
    {
        public int DepartmentId { get; set; }
        public string Name { get; set; }
        public ICollection<Employee> Employees { get; set; }
    }
    public class Employee
    {
        public int Id { get; set; }
        public string FullName { get; set; }
        public int? ManagerId { get; set; }
        public Employee Manager { get; set; }
        public List<Employee> Reports { get; set; }
        public int DepartmentId { get; set; }
        public Department Department { get; set; }
    }
    public class Transfer
    {
        public long Id { get; set; }
        public int FromDepartmentId { get; set; }
        public Department FromDepartment { get; set; }
        public int? ToDepartmentId { get; set; }
        public Department ToDepartment { get; set; }
        public DateTime EffectiveOn { get; set; }
    }
    public class HrContext : DbContext
    {
        public HrContext(DbContextOptions<HrContext> options) : base(options) { }
        public DbSet<Employee> Employees { get; set; }
        public DbSet<Transfer> Transfers { get; set; }
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlite("Data Source=hr.db"); }
    }
}
