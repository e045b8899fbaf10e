using Ardalis.Specification;
using Clinic.Domain;

namespace Clinic.Data.Specifications;

public sealed class PatientsByNameSpec : Specification<Patient>
{
    public PatientsByNameSpec(string namePrefix, int page, int pageSize)
    {
        Query.Where(p => p.FullName.StartsWith(namePrefix))
            .OrderBy(p => p.FullName)
            .Skip(page * pageSize)
            .Take(pageSize)
            .AsNoTracking();
    }
}
