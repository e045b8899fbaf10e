using Clinic.Data;
using Clinic.Domain;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Services;

/// <summary>The reception's free-text patient search: any of the words in the name, optionally born after a date.</summary>
public sealed class PatientSearch(ClinicContext db)
{
    public Task<List<PatientSummary>> FindAsync(string query, DateOnly? bornAfter, CancellationToken cancellationToken)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = PredicateBuilder.New<Patient>();
        foreach (var word in words)
        {
            matches = matches.Or(p => p.FullName.Contains(word));
        }
        if (bornAfter is { } date)
        {
            matches = matches.And(p => p.DateOfBirth > date);
        }
        return db.Patients
            .AsExpandable()
            .Where(matches)
            .OrderBy(p => p.FullName)
            .Select(p => new PatientSummary(p.Id, p.FullName, p.DateOfBirth))
            .ToListAsync(cancellationToken);
    }
}
