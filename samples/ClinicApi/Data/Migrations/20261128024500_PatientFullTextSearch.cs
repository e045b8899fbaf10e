using Clinic.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Migrations
{
    /// <summary>Written by hand: EF Core has no API for full-text indexes (used by ClinicReports.SearchPatientsAsync).
    /// Full-text statements cannot run inside a transaction.</summary>
    [DbContext(typeof(ClinicContext))]
    [Migration("20261128024500_PatientFullTextSearch")]
    public class PatientFullTextSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG PatientSearch;", suppressTransaction: true);
            migrationBuilder.Sql("CREATE FULLTEXT INDEX ON dbo.Patients (FullName) KEY INDEX PK_Patients ON PatientSearch;", suppressTransaction: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON dbo.Patients;", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG PatientSearch;", suppressTransaction: true);
        }
    }
}
