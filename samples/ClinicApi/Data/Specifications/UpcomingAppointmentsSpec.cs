using Ardalis.Specification;
using Clinic.Domain;

namespace Clinic.Data.Specifications;

public sealed class UpcomingAppointmentsSpec : Specification<Appointment>
{
    public UpcomingAppointmentsSpec(int practitionerId, DateTime from)
    {
        Query.Where(a => a.PractitionerId == practitionerId && a.StartsAt >= from && a.Status == AppointmentStatus.Scheduled)
            .OrderBy(a => a.StartsAt);
    }
}
