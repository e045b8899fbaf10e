namespace DataDocGen.Generator.Model;

/// <summary>
/// A call into a generic repository of this project with a concrete entity: <c>appointments.Add(appointment)</c> on an
/// <c>IRepository&lt;Appointment&gt;</c>. The report joins it with the CRUD rows the repository method's own body makes for
/// its type parameter (<see cref="CrudTarget.TypeParameter"/>), and attributes them to the entity at this call site.
/// </summary>
/// <param name="Caller">The member making the call, as CRUD rows name members (<c>AppointmentService.BookAsync</c>).</param>
/// <param name="Called">The method whose body runs, as CRUD rows name members (<c>Repository.Add</c>): for a call through an
/// interface, its one implementation in this project.</param>
/// <param name="CalledPath">The file of the called method's declaration.</param>
/// <param name="CalledStart">The first line of the called method's declaration.</param>
/// <param name="CalledEnd">The last line of the called method's declaration.</param>
/// <param name="TypeParameter">The called method's (or its class's) type parameter as CRUD rows name it (<c>T of Repository&lt;T&gt;</c>).</param>
/// <param name="Entity">The concrete type the call gives that type parameter (full name).</param>
/// <param name="Location">The call site.</param>
internal sealed record GenericRepositoryCallSpec(
    string Caller,
    string Called,
    string CalledPath,
    int CalledStart,
    int CalledEnd,
    string TypeParameter,
    string Entity,
    SourceLocation? Location);
